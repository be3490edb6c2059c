-- mtus_esi.lua - MTUS Chronic Pain Medical Treatment Guidelines, epidural
-- steroid injections (page 46): checks an ESI item's outcome and rationale
-- against the pack's criteria (PACK.criteria, from pack.lua) and the facts
-- the record documents.
--
-- Kinds (shared domain notes, "What inconsistent means here"):
--   approved-unmet-criterion  error    Overturned, record shows a criterion unmet
--   denial-criterion-met      error    Upheld on a cited criterion the record meets
--   guideline-conflict        warning  blanket ACOEM/ODG "not recommended" in a
--                                      chronic radicular case page 46 governs
--   record-contradiction      warning  the record affirms and denies a fact
--   denial-outside-criteria   info     Upheld, no criterion named, other grounds

local A = include("audit") -- the helpers shared by the packs' checks

local SPEC = A.by_id(PACK.criteria)

-- The parts of check() (A.check_with): the findings on an overturned item,
-- on an upheld one, the guideline conflict, and how findings name things.
local P = { criteria = "MTUS ESI criterion" }

-- How the record shows a criterion met / unmet, for messages.
local MET = {
  radiculopathy_exam = "radiculopathy on examination",
  radiculopathy_corroborated = "imaging or electrodiagnostic corroboration",
  failed_conservative_treatment = "failed conservative treatment",
  fluoroscopy = "fluoroscopic guidance",
  levels = "an acceptable number of levels",
  repeat_relief = "sufficient relief from the prior block",
  blocks_per_year = "no more than four blocks in a year",
  series_of_three = "a single injection, not a series",
}
local UNMET = {
  radiculopathy_exam = "no radiculopathy on examination",
  radiculopathy_corroborated = "imaging or electrodiagnostics without a nerve-root lesion",
  failed_conservative_treatment = "conservative treatment not tried or still helping",
  fluoroscopy = "an injection without imaging guidance",
  repeat_relief = "a repeat block without the required relief",
  series_of_three = "a series of injections requested at once",
}

-- The most levels allowed for the item's approach.
local function levels_allowed(item)
  local spec = SPEC.levels
  local approach = item.facts.approach and item.facts.approach.value
  if approach == "interlaminar" and spec.at_most_interlaminar then
    return spec.at_most_interlaminar
  end
  return spec.at_most
end

-- "met", "unmet", "unknown" or "contradicted" for criterion id of item.
local verdict = A.verdict_with(SPEC, function(item, id, spec)
  local v = item.facts[id].value
  if math.type(v) ~= "integer" then
    return "unknown" -- the approach, a string, among them
  end
  return A.at_most(v, id == "levels" and levels_allowed(item) or spec.at_most, true)
end)

local function describe_unmet(item, id)
  local v = item.facts[id].value
  if id == "levels" then
    return string.format("%d %s levels (at most %d allowed)", v,
      item.facts.approach.value or "requested", levels_allowed(item))
  elseif id == "blocks_per_year" then
    return string.format("%d blocks in a year, this request counted", v)
  end
  return UNMET[id] or id
end

function P.overturned(item, letter, out)
  A.approved_unmet(item, out, verdict, "Overturned (ESI authorized)", describe_unmet)
end

function P.upheld(item, out)
  A.denial_met(item, out, verdict, SPEC,
    function(id) return "Upheld citing " .. id:gsub("_", " ") .. " as unmet" end,
    function(id) return MET[id] or id end)
end

-- A blanket ACOEM/ODG statement against ESIs, in a rationale that names no
-- page-46 criterion, for a radicular case.
local BLANKET = A.words(A.BLANKET, { "no long-term benefit", "questionable merit",
  "of questionable", "no significant long-term", "not routinely indicated", "not advised" })

function P.conflict(item)
  if #item.cited > 0 then
    return nil
  end
  if item.status.radiculopathy_exam ~= "present"
    and item.status.radiculopathy_corroborated ~= "present" then
    return nil
  end
  local ev = A.blanket_statement(item, { blanket = BLANKET })
  if not ev then
    return nil
  end
  return A.guideline_conflict(string.format(
      "The denial rests on a blanket guideline statement (%s) in a radicular case; "
        .. "the MTUS Chronic Pain ESI criteria (p. 46) govern and the rationale names none of them.",
      A.quote(ev)), { ev })
end

-- A criterion in words, for a record contradiction.
function P.name(id)
  return MET[id] or id
end

return {
  id = "mtus-esi",
  version = "1.0",
  title = "MTUS epidural steroid injection criteria",
  guideline = "MTUS Chronic Pain Medical Treatment Guidelines, Epidural steroid injections, p. 46",
  description = "Flags ESI decisions whose outcome or rationale disagrees with the MTUS criteria or with the record.",
  verdict = verdict,
  kinds = A.KINDS,
  check = A.check_with(P),
}
