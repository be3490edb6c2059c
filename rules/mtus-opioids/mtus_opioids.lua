-- mtus_opioids.lua - MTUS Chronic Pain Medical Treatment Guidelines, opioids
-- (pp. 74-96) and drug testing (p. 43): checks an opioid item's outcome and
-- rationale against the pack's criteria (PACK.criteria, from pack.lua) and
-- the facts the record documents.
--
-- The continue criterion (p. 80): met when the worker has returned to work,
-- or pain relief and functional improvement are both documented; unmet when
-- the record documents no functional improvement and no return to work.
-- One finding on it, named functional_improvement (not one per fact).
--
-- Kinds (shared domain notes, "Consistency findings for opioid items"):
--   approved-unmet-criterion  error    Overturned: continue criterion unmet,
--                                      aberrant behaviour, MED > 120 without a
--                                      pain-management consultation
--   denial-criterion-met      error    Upheld on a cited criterion the record meets
--   guideline-conflict        warning  blanket ACOEM/ODG statement against
--                                      opioids where the MTUS criteria govern
--   record-contradiction      warning  the record affirms and denies a fact
--   denial-outside-criteria   info     Upheld, no criterion named, other grounds

local SPEC = {}
for _, c in ipairs(PACK.criteria) do
  SPEC[c.id] = c
end

-- The three facts of the continue criterion.
local CONTINUE = { pain_relief = true, functional_improvement = true, return_to_work = true }

-- How the record shows a criterion met, for messages.
local MET = {
  pain_relief = "pain relief from the medication",
  functional_improvement = "functional improvement",
  return_to_work = "a return to work",
  side_effects_assessed = "a review of side effects",
  aberrant_behavior = "no aberrant drug-taking behaviour",
  urine_drug_screen = "a urine drug screen",
  pain_agreement = "an opioid treatment agreement",
  morphine_equivalent_dose = "a daily dose within 120 mg morphine equivalents",
}

local function contradicted(item, id)
  for _, c in ipairs(item.contradicted) do
    if c == id then
      return true
    end
  end
  return false
end

local function status(item, id)
  if contradicted(item, id) then
    return "contradicted"
  end
  return item.status[id] or "unknown"
end

-- The continue criterion of p. 80: "met", "unmet" or "unknown".
local function continue_verdict(item)
  local work = status(item, "return_to_work")
  local func = status(item, "functional_improvement")
  local pain = status(item, "pain_relief")
  if work == "present" or (func == "present" and pain == "present") then
    return "met"
  end
  if func == "absent" and work == "absent" then
    return "unmet"
  end
  return "unknown"
end

-- "met", "unmet", "unknown" or "contradicted" for criterion id of item.
local function verdict(item, id)
  if contradicted(item, id) then
    return "contradicted"
  end
  local spec = SPEC[id]
  if not spec then
    return "unknown"
  end
  if spec.meets == "value" then
    local f = item.facts[id]
    local v = f and f.value
    if type(v) ~= "number" or not spec.at_most then
      return "unknown"
    end
    return v > spec.at_most and "unmet" or "met"
  end
  local s = item.status[id]
  if s == "unknown" or s == nil then
    return "unknown"
  end
  return s == spec.meets and "met" or "unmet"
end

local function clip(s, n)
  s = (s or ""):gsub("%s+", " ")
  if #s > n then
    local cut = n
    while cut > 1 and (s:byte(cut + 1) or 0) & 0xC0 == 0x80 do
      cut = cut - 1
    end
    s = s:sub(1, cut) .. "..."
  end
  return s
end

local function quote(ev)
  if not ev or not ev.text or ev.text == "" then
    return nil
  end
  return "'" .. clip(ev.text, 200) .. "'"
end

local SECTION = { summary = "the clinical case summary", rationale = "the rationale",
  title = "the item title", header = "the letter header" }

local function where(ev)
  return SECTION[ev and ev.section] or "the record"
end

local function concat(...)
  local out = {}
  for _, l in ipairs({ ... }) do
    for _, ev in ipairs(l or {}) do
      out[#out + 1] = ev
    end
  end
  return out
end

local function has_any(s, words)
  for _, w in ipairs(words) do
    if s:find(w, 1, true) then
      return true
    end
  end
  return false
end

-- The drug the item decides, from its title ("Norco 10/325mg #120").
local DRUGS = { "Norco", "Vicodin", "Lortab", "hydrocodone", "Percocet", "Endocet",
  "OxyContin", "Roxicodone", "oxycodone", "Ultracet", "Ultram", "tramadol", "Nucynta",
  "tapentadol", "MS Contin", "morphine", "Dilaudid", "hydromorphone", "Opana",
  "oxymorphone", "Duragesic", "fentanyl", "Butrans", "buprenorphine", "methadone",
  "Tylenol with Codeine", "Tylenol #3", "codeine" }

local function drug_name(item)
  local s = item.service or ""
  local lower = s:lower()
  local best, at = nil, nil
  for _, d in ipairs(DRUGS) do
    local i = lower:find(d:lower(), 1, true)
    if i and (not at or i < at) then
      best, at = s:sub(i, i + #d - 1), i
    end
  end
  return best or "The opioid"
end

-- First evidence of a fact's absence (or presence), quoted.
local function deny_quote(item, id)
  local f = item.facts[id]
  return f and f.deny and f.deny[1]
end

-- A pain-management consultation the record documents (p. 86 allows more
-- than 120 mg MED after one): named, and not negated just before.
local CONSULT = { "pain management consult", "pain-management consult",
  "pain medicine consult", "pain specialist", "pain management specialist",
  "pain management physician", "seen by pain management", "evaluated by pain management" }
local NEGATORS = { "no ", "not ", "without ", "never ", "absence of ", "lack of " }

local function pain_consult(item, letter)
  for _, text in ipairs({ letter.summary or "", item.rationale or "" }) do
    local lower = text:lower():gsub("%s+", " ")
    for _, c in ipairs(CONSULT) do
      local from = 1
      while true do
        local i = lower:find(c, from, true)
        if not i then
          break
        end
        local before = lower:sub(math.max(1, i - 40), i - 1)
        if not has_any(before, NEGATORS) then
          return true
        end
        from = i + 1
      end
    end
  end
  return false
end

local function approved_unmet(item, letter, out)
  local drug = drug_name(item)
  if continue_verdict(item) == "unmet" then
    local fd, wd = deny_quote(item, "functional_improvement"), deny_quote(item, "return_to_work")
    out[#out + 1] = {
      kind = "approved-unmet-criterion",
      criterion = "functional_improvement",
      severity = "error",
      message = string.format(
        "%s continued although the record documents no functional improvement%s and no return to work%s; "
          .. "MTUS (p. 80) continues opioids only after a return to work or improved function and pain.",
        drug, quote(fd) and (" (" .. quote(fd) .. ")") or "",
        quote(wd) and (" (" .. quote(wd) .. ")") or ""),
      evidence = concat({ fd }, { wd }),
    }
  end
  if verdict(item, "aberrant_behavior") == "unmet" then
    local ev = item.facts.aberrant_behavior.affirm
    local q = quote(ev[1])
    out[#out + 1] = {
      kind = "approved-unmet-criterion",
      criterion = "aberrant_behavior",
      severity = "error",
      message = string.format(
        "%s continued although %s documents aberrant drug-taking behaviour%s; MTUS requires %s.",
        drug, where(ev[1]), q and (": " .. q) or "", SPEC.aberrant_behavior.requires),
      evidence = ev,
    }
  end
  if verdict(item, "morphine_equivalent_dose") == "unmet" and not pain_consult(item, letter) then
    local f = item.facts.morphine_equivalent_dose
    out[#out + 1] = {
      kind = "approved-unmet-criterion",
      criterion = "morphine_equivalent_dose",
      severity = "error",
      message = string.format(
        "%s continued at %s mg morphine equivalents a day, above the 120 mg of MTUS p. 86, "
          .. "with no pain-management consultation in the record.",
        drug, tostring(f.value)),
      evidence = f.affirm,
    }
  end
end

local function denial_criterion_met(item, out)
  local drug = drug_name(item)
  local continue_done = false
  for _, id in ipairs(item.cited) do
    if CONTINUE[id] then
      -- the cited fact itself is documented (a cited return to work the
      -- record shows, or cited function or pain the record shows with the
      -- other half of the criterion)
      local shown = (id == "return_to_work" and status(item, id) == "present")
        or (id ~= "return_to_work" and status(item, "functional_improvement") == "present"
          and status(item, "pain_relief") == "present")
      if not continue_done and shown and continue_verdict(item) == "met" then
        continue_done = true
        local how = id == "return_to_work" and "return_to_work" or "functional_improvement"
        local ev = item.facts[how].affirm
        local q = quote(ev[1])
        out[#out + 1] = {
          kind = "denial-criterion-met",
          criterion = "functional_improvement",
          severity = "error",
          message = string.format(
            "%s denied for lack of functional benefit or work, but %s documents %s%s, "
              .. "which meets the continue criterion of MTUS p. 80.",
            drug, where(ev[1]), MET[how], q and (": " .. q) or ""),
          evidence = concat(ev, item.cited_evidence[id]),
        }
      end
    elseif SPEC[id] and verdict(item, id) == "met" then
      local ev = item.facts[id].affirm
      if #ev == 0 then
        ev = item.facts[id].deny
      end
      local q = quote(ev[1])
      out[#out + 1] = {
        kind = "denial-criterion-met",
        criterion = id,
        severity = "error",
        message = string.format("%s denied citing %s as missing or unmet, but %s documents %s%s.",
          drug, id:gsub("_", " "), where(ev[1]), MET[id] or id, q and (": " .. q) or ""),
        evidence = concat(ev, item.cited_evidence[id]),
      }
    end
  end
end

local function record_contradiction(item, out)
  for _, id in ipairs(item.contradicted) do
    local f = item.facts[id]
    out[#out + 1] = {
      kind = "record-contradiction",
      criterion = id,
      severity = "warning",
      message = string.format("The record both affirms and denies %s: %s versus %s.",
        id:gsub("_", " "), quote(f.affirm[1]) or "(affirmed)", quote(f.deny[1]) or "(denied)"),
      evidence = concat({ f.affirm[1] }, { f.deny[1] }),
    }
  end
end

-- A blanket ACOEM/ODG statement against opioids, in a rationale that names
-- no MTUS opioid criterion.
local GUIDES = { "acoem", "odg", "official disability" }
local BLANKET = { "not recommended", "not supported", "no guideline support",
  "do not recommend", "does not recommend", "recommend against",
  "recommends against", "not routinely recommended", "no proven benefit",
  "insufficient evidence", "no long-term benefit", "not indicated",
  "not been established", "not established", "is lacking", "are lacking",
  "only for short periods", "short-term use only", "only for short-term",
  "should be avoided", "not be used" }
local REPORTED = { "utilization review", "utilization reviewer", "ur ",
  "claims administrator", "peer review", "prior reviewer" }

local function blanket_sentence(item)
  local lower = item.rationale:lower()
  local maximus = (item.guidelines.maximus or ""):lower()
  local guide_named = has_any(maximus, GUIDES) and not maximus:find("chronic pain", 1, true)
  local from = 1
  while from <= #lower do
    local stop = lower:find("[.;!?]%s", from) or #lower
    local s = lower:sub(from, stop)
    if has_any(s, GUIDES) or guide_named then
      -- the blanket statement may be this sentence or the next one
      local stop2 = lower:find("[.;!?]%s", stop + 2) or #lower
      for _, r in ipairs({ { from, stop }, { from, stop2 } }) do
        local t = lower:sub(r[1], r[2])
        if has_any(t, BLANKET) and not has_any(" " .. t, REPORTED) then
          return r
        end
      end
    end
    from = stop + 2
  end
  return nil
end

local function guideline_conflict(item)
  if item.outcome ~= "upheld" or #item.cited > 0 then
    return nil
  end
  local r = blanket_sentence(item)
  if not r then
    return nil
  end
  local ev = span(item.rationale_evidence, r[1], r[2])
  return {
    kind = "guideline-conflict",
    severity = "warning",
    message = string.format(
      "The denial rests on a blanket guideline statement (%s); the MTUS Chronic Pain opioid "
        .. "criteria (pp. 74-96) govern chronic pain and the rationale names none of them.",
      quote(ev)),
    evidence = { ev },
  }
end

local function denial_outside_criteria(item)
  if item.outcome ~= "upheld" or #item.cited > 0 or item.conclusion == "necessary" then
    return nil
  end
  local ev = item.conclusion_evidence or item.title_evidence
  return {
    kind = "denial-outside-criteria",
    severity = "info",
    message = string.format(
      "Upheld without naming any unmet MTUS opioid criterion; the denial rests on other grounds%s.",
      quote(ev) and (" (" .. quote(ev) .. ")") or ""),
    evidence = { ev },
  }
end

local function check(item, letter)
  local out = {}
  if item.outcome == "overturned" then
    approved_unmet(item, letter, out)
  elseif item.outcome == "upheld" then
    denial_criterion_met(item, out)
    out[#out + 1] = guideline_conflict(item) or denial_outside_criteria(item)
  end
  record_contradiction(item, out)
  return out
end

return {
  id = "mtus-opioids",
  version = "1.0",
  title = "MTUS opioid criteria",
  guideline = "MTUS Chronic Pain Medical Treatment Guidelines, Opioids, pp. 74-96; Drug testing, p. 43",
  description = "Flags opioid decisions whose outcome or rationale disagrees with the MTUS criteria or with the record.",
  verdict = verdict,
  kinds = { "approved-unmet-criterion", "denial-criterion-met",
    "denial-outside-criteria", "guideline-conflict", "record-contradiction" },
  check = check,
}
