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

local SPEC = {}
for _, c in ipairs(PACK.criteria) do
  SPEC[c.id] = c
end

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

local function contradicted(item, id)
  for _, c in ipairs(item.contradicted) do
    if c == id then
      return true
    end
  end
  return false
end

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
local function verdict(item, id)
  if contradicted(item, id) then
    return "contradicted"
  end
  local spec = SPEC[id]
  if not spec then
    return "unknown"
  end
  if spec.meets == "value" then
    local v = item.facts[id].value
    if math.type(v) ~= "integer" then
      return "unknown"
    end
    local most = id == "levels" and levels_allowed(item) or spec.at_most
    if not most then
      return "unknown"
    end
    return v > most and "unmet" or "met"
  end
  local status = item.status[id]
  if status == "unknown" or status == nil then
    return "unknown"
  end
  return status == spec.meets and "met" or "unmet"
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

local function concat(a, b)
  local out = {}
  for _, ev in ipairs(a or {}) do
    out[#out + 1] = ev
  end
  for _, ev in ipairs(b or {}) do
    out[#out + 1] = ev
  end
  return out
end

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

local function approved_unmet(item, out)
  for _, c in ipairs(PACK.criteria) do
    local id = c.id
    if id ~= "approach" and verdict(item, id) == "unmet" then
      local ev = item.facts[id].evidence
      local q = quote(ev[1])
      out[#out + 1] = {
        kind = "approved-unmet-criterion",
        criterion = id,
        severity = "error",
        message = string.format(
          "Overturned (ESI authorized) although %s documents %s%s; MTUS requires %s.",
          where(ev[1]), describe_unmet(item, id), q and (": " .. q) or "",
          c.requires),
        evidence = ev,
      }
    end
  end
end

local function denial_criterion_met(item, out)
  for _, id in ipairs(item.cited) do
    if SPEC[id] and verdict(item, id) == "met" then
      local ev = item.facts[id].evidence
      local q = quote(ev[1])
      out[#out + 1] = {
        kind = "denial-criterion-met",
        criterion = id,
        severity = "error",
        message = string.format("Upheld citing %s as unmet, but %s documents %s%s.",
          id:gsub("_", " "), where(ev[1]), MET[id] or id, q and (": " .. q) or ""),
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
        MET[id] or id, quote(f.affirm[1]) or "(affirmed)", quote(f.deny[1]) or "(denied)"),
      evidence = concat({ f.affirm[1] }, { f.deny[1] }),
    }
  end
end

-- A blanket ACOEM/ODG statement against ESIs, in a rationale that names no
-- page-46 criterion, for a radicular case.
local GUIDES = { "acoem", "odg", "official disability" }
local BLANKET = { "not recommended", "not supported", "no guideline support",
  "do not recommend", "does not recommend", "recommend against",
  "recommends against", "not routinely recommended", "no proven benefit",
  "insufficient evidence", "no long-term benefit", "not indicated",
  "questionable merit", "of questionable", "no significant long-term",
  "not routinely indicated", "not advised" }
local REPORTED = { "utilization review", "utilization reviewer", "ur ",
  "claims administrator", "peer review", "prior reviewer" }

local function has_any(s, words)
  for _, w in ipairs(words) do
    if s:find(w, 1, true) then
      return true
    end
  end
  return false
end

local function blanket_sentence(item)
  local lower = item.rationale:lower()
  local maximus = item.guidelines.maximus:lower()
  local guide_named = has_any(maximus, GUIDES) and not maximus:find("chronic pain", 1, true)
  local from = 1
  while from <= #lower do
    local stop = lower:find("[.;!?]%s", from) or #lower
    local s = lower:sub(from, stop)
    if has_any(s, BLANKET) and not has_any(" " .. s, REPORTED)
      and (has_any(s, GUIDES) or guide_named) then
      return { from, stop }
    end
    from = stop + 2
  end
  return nil
end

local function guideline_conflict(item)
  if item.outcome ~= "upheld" or #item.cited > 0 then
    return nil
  end
  if item.status.radiculopathy_exam ~= "present"
    and item.status.radiculopathy_corroborated ~= "present" then
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
      "The denial rests on a blanket guideline statement (%s) in a radicular case; "
        .. "the MTUS Chronic Pain ESI criteria (p. 46) govern and the rationale names none of them.",
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
      "Upheld without naming any unmet MTUS ESI criterion; the denial rests on other grounds%s.",
      quote(ev) and (" (" .. quote(ev) .. ")") or ""),
    evidence = { ev },
  }
end

local function check(item, letter)
  local out = {}
  if item.outcome == "overturned" then
    approved_unmet(item, out)
  elseif item.outcome == "upheld" then
    denial_criterion_met(item, out)
    out[#out + 1] = guideline_conflict(item) or denial_outside_criteria(item)
  end
  record_contradiction(item, out)
  return out
end

return {
  id = "mtus-esi",
  version = "1.0",
  title = "MTUS epidural steroid injection criteria",
  guideline = "MTUS Chronic Pain Medical Treatment Guidelines, Epidural steroid injections, p. 46",
  description = "Flags ESI decisions whose outcome or rationale disagrees with the MTUS criteria or with the record.",
  verdict = verdict,
  kinds = { "approved-unmet-criterion", "denial-criterion-met",
    "denial-outside-criteria", "guideline-conflict", "record-contradiction" },
  check = check,
}
