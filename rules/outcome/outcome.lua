-- outcome.lua - an item's outcome against its rationale's own conclusion,
-- for every category: Upheld (denial stands) must conclude "not medically
-- necessary"; Overturned (authorized) must conclude "medically necessary".

local EXPECT = {
  upheld = { conclusion = "not_necessary", means = "the denial stands" },
  overturned = { conclusion = "necessary", means = "the treatment is authorized" },
}

local SAYS = {
  necessary = "the request is medically necessary",
  not_necessary = "the request is not medically necessary",
}

local function check(item, letter)
  local want = EXPECT[item.outcome]
  if not want or item.conclusion == "unknown" or item.conclusion == want.conclusion then
    return nil
  end
  local ev = { item.title_evidence, item.conclusion_evidence }
  local said = item.conclusion_evidence and item.conclusion_evidence.text or ""
  said = said:gsub("%s+", " ")
  if #said > 200 then
    said = said:sub(1, 200) .. "..."
  end
  return {
    {
      kind = "outcome-vs-conclusion",
      severity = "error",
      message = string.format(
        "Outcome is %s (%s) but the rationale concludes %s%s.",
        item.outcome == "upheld" and "Upheld" or "Overturned", want.means,
        SAYS[item.conclusion], said ~= "" and (": '" .. said .. "'") or ""),
      evidence = ev,
    },
  }
end

return {
  id = "outcome",
  version = "1.0",
  title = "Outcome agrees with the rationale's conclusion",
  description = "Flags an item whose Upheld/Overturned outcome contradicts what its own rationale concludes.",
  kinds = { "outcome-vs-conclusion" },
  check = check,
}
