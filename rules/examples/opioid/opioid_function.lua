-- opioid_function.lua - worked example of a second rule pack (see
-- rules/README.md, "A second rule pack from scratch").
--
-- MTUS Chronic Pain Medical Treatment Guidelines, Opioids, When to continue
-- (p. 80): continue opioids if the patient has returned to work, or has
-- improved functioning and pain. An opioid item that is authorized
-- (Overturned) while its rationale never addresses function or work rests on
-- pain relief alone: a rationale problem, so severity "warning".

-- Words that show the rationale considered function or work (lower case).
-- Lua patterns: %f[%a] / %f[%A] are word boundaries.
local FUNCTION_PATTERNS = {
  "function",                   -- function, functional, functioning
  "activities of daily living",
  "%f[%a]adls?%f[%A]",
  "return%w* to %w* ?work",     -- return to work, returned to modified work
  "%f[%a]working%f[%A]",
  "%f[%a]%a+ duty%f[%A]",       -- modified duty, regular duty
  "customary work",
}

local function mentions_function(text)
  local lower = text:lower()
  for _, pattern in ipairs(FUNCTION_PATTERNS) do
    if lower:find(pattern) then
      return true
    end
  end
  return false
end

local function check(item, letter)
  if item.outcome ~= "overturned" or mentions_function(item.rationale) then
    return nil
  end
  local ev = item.conclusion_evidence or item.title_evidence
  local said = ev and ev.text or item.service
  return {
    {
      kind = "opioid-no-function",
      severity = "warning",
      message = "Opioid continuation authorized, but the rationale never "
        .. "addresses functional improvement or return to work (MTUS p. 80 "
        .. "asks for both pain and function): '" .. said .. "'",
      evidence = { item.rationale_evidence },
    },
  }
end

return {
  id = "opioid-function",
  title = "Authorized opioids need documented function",
  guideline = "MTUS Chronic Pain Medical Treatment Guidelines, Opioids, When to continue, p. 80",
  description = "Flags an authorized opioid item whose rationale rests on pain relief alone.",
  applies_to = { "opioid" },
  kinds = { "opioid-no-function" },
  check = check,
}
