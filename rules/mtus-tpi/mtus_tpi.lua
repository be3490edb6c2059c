-- mtus_tpi.lua - MTUS Chronic Pain Medical Treatment Guidelines, trigger
-- point injections (page 122): checks a TPI item's outcome and rationale
-- against the eleven criteria and the facts the record documents.
--
-- Kinds (see shared domain notes, "What inconsistent means here"):
--   approved-unmet-criterion  error    Overturned, record shows a criterion unmet
--   denial-criterion-met      error    Upheld on a cited criterion the record meets
--   guideline-conflict        warning  blanket ACOEM/ODG "not recommended" in a
--                                      chronic case governed by MTUS p.122
--   record-contradiction      warning  the record affirms and denies a fact
--   denial-outside-criteria   info     Upheld, no criterion named, other grounds

local A = include("audit") -- the helpers shared by the packs' checks
local quote, concat, has_any = A.quote, A.concat, A.has_any

-- The criteria of page 122 are data in this pack's pack.lua (what meets
-- each criterion and its thresholds); the sandbox gives them as the
-- read-only PACK.criteria. verdict() below, --explain and the messages all
-- read them.
local SPEC = A.by_id(PACK.criteria)

-- The parts of check() (A.check_with): the findings on an overturned item,
-- on an upheld one, the guideline conflict, and how findings name things.
local P = { criteria = "MTUS trigger point criterion" }

-- How the record shows the criterion met / not met (for messages).
local MET = {
  twitch_response = "a twitch response on palpation",
  referred_pain = "referred pain",
  duration = "symptoms of more than three months",
  failed_physical_therapy = "failed physical therapy / stretching",
  failed_nsaids = "failed NSAIDs",
  failed_muscle_relaxants = "failed muscle relaxants",
  radiculopathy = "no radiculopathy",
  injection_count = "no more than four injections",
  repeat_relief = "more than 50% lasting relief from prior injections",
  frequency = "at least two months since the prior injections",
  injectate = "a local anesthetic / steroid injectate",
}
local UNMET = {
  twitch_response = "no twitch response or trigger points",
  referred_pain = "no referred pain",
  duration = "symptoms of less than three months",
  failed_physical_therapy = "physical therapy not tried or not failed",
  failed_nsaids = "NSAIDs not tried or not failed",
  failed_muscle_relaxants = "muscle relaxants not tried or not failed",
  radiculopathy = "radiculopathy",
  injection_count = "more than four injections",
  repeat_relief = "prior injections without the required relief",
  frequency = "a repeat injection within two months",
  injectate = "an injectate other than a local anesthetic or steroid",
}
local LACK = {
  twitch_response = "a documented twitch response",
  referred_pain = "documented referred pain",
  duration = "symptoms of more than three months",
  failed_physical_therapy = "documented failure of physical therapy",
  failed_nsaids = "documented failure of NSAIDs",
  failed_muscle_relaxants = "documented failure of muscle relaxants",
  radiculopathy = "the absence of radiculopathy",
  injection_count = "an acceptable number of injections",
  repeat_relief = "documented relief from prior injections",
  frequency = "an acceptable interval since prior injections",
  injectate = "an acceptable injectate",
}

-- The injectate classes the guideline allows, as a set.
local LOCAL_INJECTATE = {}
for _, class in ipairs(SPEC.injectate.allowed) do
  LOCAL_INJECTATE[class] = true
end

-- "met", "unmet", "unknown" or "contradicted" for criterion id of item,
-- from its spec in PACK.criteria. The status of a criterion comes from
-- item.status; only the criteria judged on a value read their fact
-- (item.facts builds a fact when read).
local verdict = A.verdict_with(SPEC, function(item, id, spec)
  local v = item.facts[id].value
  if spec.allowed then
    return A.all_allowed(v, LOCAL_INJECTATE)
  end
  return A.at_most(v, spec.at_most, true)
end)

local function describe_unmet(item, id)
  if id == "injectate" then
    local bad = {}
    for _, class in ipairs(item.facts.injectate.value or {}) do
      if not LOCAL_INJECTATE[class] then
        bad[#bad + 1] = class:gsub("_", " ")
      end
    end
    return "an injectate that is not a local anesthetic or steroid ("
      .. table.concat(bad, ", ") .. ")"
  elseif id == "injection_count" then
    return string.format("%d injections", item.facts.injection_count.value)
  end
  return UNMET[id]
end

function P.overturned(item, letter, out)
  A.approved_unmet(item, out, verdict, "Overturned (injection authorized)", describe_unmet)
end

function P.upheld(item, out)
  A.denial_met(item, out, verdict, SPEC,
    function(id) return "Upheld for lack of " .. LACK[id] end,
    function(id) return MET[id] end)
end

-- Guideline conflict: a chronic case denied on ACOEM's or ODG's blanket
-- "not recommended" instead of the Chronic Pain criteria. A blanket phrase
-- beside a QUALIFIED one is no blanket statement.
local BLANKET = A.words(A.BLANKET, { "questionable merit", "of questionable",
  "do not support", "does not support", "not generally recommended", "not advised" })
local QUALIFIED = { "radicul", "unless", "without documentation", "absence of",
  "no documentation", "no evidence" }

-- Did the reviewer decide on the Chronic Pain guideline: named in the
-- MAXIMUS guideline line or invoked in the rationale?
local function chronic_pain_applied(item)
  local maximus = item.guidelines.maximus:lower()
  return maximus:find("chronic pain", 1, true) ~= nil
    or not has_any(maximus, A.GUIDES)
    or item.rationale:lower():find("chronic pain", 1, true) ~= nil
end

-- A criterion named beside the blanket statement does not undo it when the
-- reviewer decided on ACOEM or ODG alone: the rationale still applies a
-- guideline that contradicts the governing one. Where the Chronic Pain
-- guideline was applied too, its cited criteria carry the denial.
function P.conflict(item)
  if #item.cited > 0 and chronic_pain_applied(item) then
    return nil
  end
  if verdict(item, "duration") ~= "met" then
    return nil -- acute or subacute (or unknown): ACOEM may govern
  end
  local ev = A.blanket_statement(item, { blanket = BLANKET, qualified = QUALIFIED })
  if not ev then
    return nil
  end
  local dur = item.facts.duration.evidence[1]
  return A.guideline_conflict(string.format(
      "The denial rests on a blanket guideline statement (%s) although the "
        .. "case is chronic%s; for chronic pain the MTUS Chronic Pain "
        .. "trigger point criteria (p. 122) govern%s.",
      quote(ev), dur and (" (" .. quote(dur) .. ")") or "",
      #item.cited > 0 and ", not a blanket statement beside them"
        or " and the rationale names none of them"),
    concat({ ev }, { dur }))
end

-- A criterion in words, for a record contradiction.
function P.name(id)
  return MET[id]
end

return {
  id = "mtus-tpi",
  version = "1.0",
  title = "MTUS trigger point injection criteria",
  guideline = "MTUS Chronic Pain Medical Treatment Guidelines, Trigger point injections, p. 122",
  description = "Flags trigger point injection decisions whose outcome or rationale disagrees with the eleven MTUS criteria or with the record.",
  verdict = verdict,
  kinds = A.KINDS,
  check = A.check_with(P),
}
