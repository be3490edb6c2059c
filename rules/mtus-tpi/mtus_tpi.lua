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

-- The criteria of page 122 are data in this pack's pack.lua (what meets
-- each criterion and its thresholds); the sandbox gives them as the
-- read-only PACK.criteria. verdict() below, --explain and the messages all
-- read them.
local criteria = PACK.criteria

-- What each criterion requires, as a claims auditor reads it; and the spec
-- of each criterion by id.
local REQUIRES, SPEC = {}, {}
for _, c in ipairs(criteria) do
  REQUIRES[c.id] = c.requires
  SPEC[c.id] = c
end

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

-- Whether the record both affirms and denies the fact of criterion id.
local function contradicted(item, id)
  for _, c in ipairs(item.contradicted) do
    if c == id then
      return true
    end
  end
  return false
end

-- "met", "unmet", "unknown" or "contradicted" for criterion id of item,
-- from its spec in `criteria`. The status of a criterion comes from
-- item.status; only the criteria judged on a value read their fact
-- (item.facts builds a fact when read).
local function verdict(item, id)
  if contradicted(item, id) then
    return "contradicted"
  end
  local spec = SPEC[id]
  if spec.meets == "value" then
    local v = item.facts[id].value
    if spec.allowed then
      if type(v) ~= "table" or #v == 0 then
        return "unknown"
      end
      for _, class in ipairs(v) do
        if not LOCAL_INJECTATE[class] then
          return "unmet"
        end
      end
      return "met"
    end
    if math.type(v) ~= "integer" then
      return "unknown"
    end
    return v > spec.at_most and "unmet" or "met"
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
    -- cut at a UTF-8 character boundary
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

local SECTION = {
  summary = "the clinical case summary",
  rationale = "the rationale",
  title = "the item title",
  header = "the letter header",
}

local function where(ev)
  return SECTION[ev and ev.section] or "the record"
end

-- Evidence showing the verdict (met/unmet) of a fact.
local function fact_evidence(item, id)
  local f = item.facts[id]
  local out = {}
  for _, ev in ipairs(f.evidence or {}) do
    out[#out + 1] = ev
  end
  return out
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

local function approved_unmet(item, out)
  for _, id in ipairs(CRITERIA) do
    if verdict(item, id) == "unmet" then
      local ev = fact_evidence(item, id)
      local q = quote(ev[1])
      out[#out + 1] = {
        kind = "approved-unmet-criterion",
        criterion = id,
        severity = "error",
        message = string.format(
          "Overturned (injection authorized) although %s documents %s%s; "
            .. "MTUS requires %s.",
          where(ev[1]), describe_unmet(item, id), q and (": " .. q) or "",
          REQUIRES[id]),
        evidence = ev,
      }
    end
  end
end

local function denial_criterion_met(item, out)
  for _, id in ipairs(item.cited) do
    if REQUIRES[id] and verdict(item, id) == "met" then
      local ev = fact_evidence(item, id)
      local q = quote(ev[1])
      out[#out + 1] = {
        kind = "denial-criterion-met",
        criterion = id,
        severity = "error",
        message = string.format(
          "Upheld for lack of %s, but %s documents %s%s.", LACK[id],
          where(ev[1]), MET[id], q and (": " .. q) or ""),
        evidence = concat(ev, item.cited_evidence[id]),
      }
    end
  end
end

local function record_contradiction(item, out)
  for _, id in ipairs(item.contradicted) do
    local f = item.facts[id]
    local a, d = quote(f.affirm[1]), quote(f.deny[1])
    out[#out + 1] = {
      kind = "record-contradiction",
      criterion = id,
      severity = "warning",
      message = string.format(
        "The record both affirms and denies %s: %s versus %s.", MET[id],
        a or "(affirmed)", d or "(denied)"),
      evidence = concat({ f.affirm[1] }, { f.deny[1] }),
    }
  end
end

-- Guideline conflict: a chronic case denied on ACOEM's or ODG's blanket
-- "not recommended" instead of the Chronic Pain criteria.
local GUIDE_NAMES = { "acoem", "odg", "official disability" }
local BLANKET = { "not recommended", "questionable merit", "not supported",
  "no guideline support", "not indicated", "of questionable",
  "do not recommend", "does not recommend", "do not support",
  "does not support", "recommend against", "recommends against",
  "not routinely recommended", "not generally recommended", "no proven benefit",
  "not advised", "insufficient evidence" }
local QUALIFIED = { "radicul", "unless", "without documentation", "absence of",
  "no documentation", "no evidence" }
-- a blanket statement the rationale reports as someone else's (UR's) is
-- not the reviewer's ground
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

-- Byte position of the first of words in s at or after byte init, or nil.
local function first_of(s, words, init)
  local first
  for _, w in ipairs(words) do
    local at = s:find(w, init, true)
    if at and (not first or at < first) then
      first = at
    end
  end
  return first
end

-- A sentence ends at ".", ";", "!" or "?" followed by white space; the next
-- one starts after that space. The sentence holding byte p, as a {from, to}
-- byte range, given that a sentence starts at byte from (from <= p).
local function sentence_at(text, from, p)
  while true do
    local stop = text:find("[.;!?]%s", from)
    if not stop then
      return { from, #text }
    elseif stop >= p then
      return { from, stop }
    end
    from = stop + 2
  end
end

-- The first sentence of the rationale (as a byte range) that rests on a
-- blanket guideline statement: a BLANKET phrase, no QUALIFIED one, and a
-- guideline named in the sentence or in the MAXIMUS guideline; nil if none.
-- Only sentences holding a BLANKET phrase can qualify, so the search jumps
-- from one such sentence to the next.
local function blanket_sentence(item)
  local lower = item.rationale:lower()
  local maximus = item.guidelines.maximus:lower()
  local guide_in_maximus = has_any(maximus, GUIDE_NAMES)
    and not maximus:find("chronic pain", 1, true)
  local from = 1
  while true do
    local p = first_of(lower, BLANKET, from)
    if not p then
      return nil
    end
    local r = sentence_at(lower, from, p)
    local s = lower:sub(r[1], r[2])
    if not has_any(s, QUALIFIED) and not has_any(" " .. s, REPORTED)
      and (has_any(s, GUIDE_NAMES) or guide_in_maximus) then
      return r
    end
    from = r[2] + 2
  end
end

-- Did the reviewer decide on the Chronic Pain guideline: named in the
-- MAXIMUS guideline line or invoked in the rationale?
local function chronic_pain_applied(item)
  local maximus = item.guidelines.maximus:lower()
  return maximus:find("chronic pain", 1, true) ~= nil
    or not has_any(maximus, GUIDE_NAMES)
    or item.rationale:lower():find("chronic pain", 1, true) ~= nil
end

-- A criterion named beside the blanket statement does not undo it when the
-- reviewer decided on ACOEM or ODG alone: the rationale still applies a
-- guideline that contradicts the governing one. Where the Chronic Pain
-- guideline was applied too, its cited criteria carry the denial.
local function guideline_conflict(item)
  if item.outcome ~= "upheld" then
    return nil
  end
  if #item.cited > 0 and chronic_pain_applied(item) then
    return nil
  end
  if verdict(item, "duration") ~= "met" then
    return nil -- acute or subacute (or unknown): ACOEM may govern
  end
  local r = blanket_sentence(item)
  if not r then
    return nil
  end
  local ev = span(item.rationale_evidence, r[1], r[2])
  local dur = item.facts.duration.evidence[1]
  return {
    kind = "guideline-conflict",
    severity = "warning",
    message = string.format(
      "The denial rests on a blanket guideline statement (%s) although the "
        .. "case is chronic%s; for chronic pain the MTUS Chronic Pain "
        .. "trigger point criteria (p. 122) govern%s.",
      quote(ev), dur and (" (" .. quote(dur) .. ")") or "",
      #item.cited > 0 and ", not a blanket statement beside them"
        or " and the rationale names none of them"),
    evidence = concat({ ev }, { dur }),
  }
end

local function denial_outside_criteria(item)
  if item.outcome ~= "upheld" or #item.cited > 0 then
    return nil
  end
  if item.conclusion == "necessary" then
    return nil -- outcome-vs-conclusion (outcome.lua) covers this fault
  end
  local ev = item.conclusion_evidence or item.title_evidence
  return {
    kind = "denial-outside-criteria",
    severity = "info",
    message = string.format(
      "Upheld without naming any unmet MTUS trigger point criterion; the "
        .. "denial rests on other grounds%s.",
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
    local conflict = guideline_conflict(item)
    if conflict then
      out[#out + 1] = conflict
    else
      out[#out + 1] = denial_outside_criteria(item)
    end
  end
  record_contradiction(item, out)
  return out
end

return {
  id = "mtus-tpi",
  version = "1.0",
  title = "MTUS trigger point injection criteria",
  guideline = "MTUS Chronic Pain Medical Treatment Guidelines, Trigger point injections, p. 122",
  description = "Flags trigger point injection decisions whose outcome or rationale disagrees with the eleven MTUS criteria or with the record.",
  verdict = verdict,
  kinds = { "approved-unmet-criterion", "denial-criterion-met",
    "denial-outside-criteria", "guideline-conflict", "record-contradiction" },
  check = check,
}
