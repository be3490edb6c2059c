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

local A = include("audit") -- the helpers shared by the packs' checks
local quote = A.quote

local SPEC = A.by_id(PACK.criteria)

-- The parts of check() (A.check_with): the findings on an overturned item,
-- on an upheld one, the guideline conflict, and how findings name things.
local P = { criteria = "MTUS opioid criterion" }

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

local function status(item, id)
  if A.contradicted(item, id) then
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
local verdict = A.verdict_with(SPEC, function(item, id, spec)
  local f = item.facts[id]
  return A.at_most(f and f.value, spec.at_most, false)
end)

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
    local lower = A.squash(text:lower())
    for _, c in ipairs(CONSULT) do
      local from = 1
      while true do
        local i = lower:find(c, from, true)
        if not i then
          break
        end
        local before = lower:sub(math.max(1, i - 40), i - 1)
        if not A.has_any(before, NEGATORS) then
          return true
        end
        from = i + 1
      end
    end
  end
  return false
end

function P.overturned(item, letter, out)
  local drug = drug_name(item)
  if continue_verdict(item) == "unmet" then
    local fd, wd = deny_quote(item, "functional_improvement"), deny_quote(item, "return_to_work")
    out[#out + 1] = A.finding("approved-unmet-criterion", "error", string.format(
      "%s continued although the record documents no functional improvement%s and no return to work%s; "
        .. "MTUS (p. 80) continues opioids only after a return to work or improved function and pain.",
      drug, quote(fd) and (" (" .. quote(fd) .. ")") or "",
      quote(wd) and (" (" .. quote(wd) .. ")") or ""),
      A.concat({ fd }, { wd }), "functional_improvement")
  end
  if verdict(item, "aberrant_behavior") == "unmet" then
    out[#out + 1] = A.unmet_finding("aberrant_behavior", drug .. " continued",
      "aberrant drug-taking behaviour", SPEC.aberrant_behavior.requires,
      item.facts.aberrant_behavior.affirm)
  end
  if verdict(item, "morphine_equivalent_dose") == "unmet" and not pain_consult(item, letter) then
    local f = item.facts.morphine_equivalent_dose
    out[#out + 1] = A.finding("approved-unmet-criterion", "error", string.format(
      "%s continued at %s mg morphine equivalents a day, above the 120 mg of MTUS p. 86, "
        .. "with no pain-management consultation in the record.",
      drug, tostring(f.value)), f.affirm, "morphine_equivalent_dose")
  end
end

function P.upheld(item, out)
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
        out[#out + 1] = A.met_finding("functional_improvement",
          drug .. " denied for lack of functional benefit or work", MET[how],
          item.facts[how].affirm, item.cited_evidence[id],
          ", which meets the continue criterion of MTUS p. 80")
      end
    elseif SPEC[id] and verdict(item, id) == "met" then
      local ev = item.facts[id].affirm
      if #ev == 0 then
        ev = item.facts[id].deny
      end
      out[#out + 1] = A.met_finding(id,
        drug .. " denied citing " .. id:gsub("_", " ") .. " as missing or unmet",
        MET[id] or id, ev, item.cited_evidence[id])
    end
  end
end

-- A blanket ACOEM/ODG statement against opioids, in a rationale that names
-- no MTUS opioid criterion: the guideline named in a sentence, the
-- statement in it or running into the next one.
local BLANKET = A.words(A.BLANKET, { "no long-term benefit", "not been established",
  "not established", "is lacking", "are lacking", "only for short periods",
  "short-term use only", "only for short-term", "should be avoided", "not be used" })

function P.conflict(item)
  if #item.cited > 0 then
    return nil
  end
  local ev = A.blanket_statement(item, { blanket = BLANKET, next = true })
  if not ev then
    return nil
  end
  return A.guideline_conflict(string.format(
      "The denial rests on a blanket guideline statement (%s); the MTUS Chronic Pain opioid "
        .. "criteria (pp. 74-96) govern chronic pain and the rationale names none of them.",
      quote(ev)), { ev })
end

-- A criterion in words, for a record contradiction.
function P.name(id)
  return (id:gsub("_", " "))
end

return {
  id = "mtus-opioids",
  version = "1.0",
  title = "MTUS opioid criteria",
  guideline = "MTUS Chronic Pain Medical Treatment Guidelines, Opioids, pp. 74-96; Drug testing, p. 43",
  description = "Flags opioid decisions whose outcome or rationale disagrees with the MTUS criteria or with the record.",
  verdict = verdict,
  kinds = A.KINDS,
  check = A.check_with(P),
}
