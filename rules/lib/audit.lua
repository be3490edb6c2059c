-- audit.lua - helpers shared by the MTUS pack checks; a check gets them with
--   local A = include("audit")
-- The library runs in the including check's environment (its PACK,
-- CRITERIA, span), once per letter; nothing here keeps state.
--
-- Evidence and messages
--   A.squash(s) -> string        s with each white-space run as one space
--   A.clip(s, n) -> string       s with white-space runs as one space, cut
--                                to n bytes at a UTF-8 boundary + "..."
--   A.quote(ev) -> string|nil    "'text'" of evidence ev (clipped to 200
--                                bytes); nil when ev or its text is missing
--   A.where(ev) -> string        the section ev is in, in words ("the
--                                rationale"); "the record" when unknown
--   A.concat(a, b, ...) -> list  the evidence lists one after the other (a
--                                nil list counts as empty)
--   A.evidence(item, id) -> list a copy of the evidence of fact id ({} if none)
--
-- Criteria and verdicts
--   A.by_id(list) -> table       the criteria of list (PACK.criteria) by id
--   A.contradicted(item, id) -> bool  the record affirms and denies fact id
--   A.status_verdict(item, spec) -> "met"|"unmet"|"unknown"  a status
--                                criterion: item.status[spec.id] against
--                                spec.meets
--   A.at_most(v, most, integer) -> "met"|"unmet"|"unknown"  a value against
--                                its ceiling: unknown when v is not a number
--                                (not an integer when integer is true) or
--                                most is nil
--   A.all_allowed(v, allowed) -> "met"|"unmet"|"unknown"  a list of classes
--                                against a set: unknown when v is empty
--   A.verdict_with(SPEC, value) -> function(item, id)  a check's verdict():
--                                "contradicted" for a contradicted fact,
--                                "unknown" for an id not in SPEC,
--                                value(item, id, spec) for a criterion met
--                                by a value, else A.status_verdict
--
-- Words
--   A.has_any(s, words) -> bool  s holds one of words (plain find)
--   A.first_of(s, words, init) -> byte|nil  where the first of words in s
--                                starts, at or after init
--   A.words(...) -> list         the lists given, as one list
--   A.GUIDES, A.REPORTED, A.BLANKET  guideline names (ACOEM, ODG), what
--                                reports someone else's statement ("ur "),
--                                the blanket statements every pack knows
--
-- Blanket guideline statements
--   A.guide_named(item) -> bool  the MAXIMUS guideline line names ACOEM or
--                                ODG and not the Chronic Pain guideline
--   A.blanket_sentence(item, o) -> {from, to}|nil  the first sentence of
--                                the rationale (a byte range of it) that
--                                holds one of o.blanket, none of o.qualified
--                                (optional) or A.REPORTED, and names one of
--                                A.GUIDES (or A.guide_named(item)). With
--                                o.next the guideline is named in a sentence
--                                and the statement is that sentence or runs
--                                into the next one.
--   A.blanket_statement(item, o) -> evidence|nil  that sentence as evidence
--                                of the rationale (span())
--
-- Findings (each returns one finding table; lead starts the message)
--   A.finding(kind, severity, message, evidence, criterion)  a finding
--   A.unmet_finding(id, lead, what, requires, ev)  approved-unmet-criterion:
--     "<lead> although <where> documents <what>: '<quote>'; MTUS requires
--     <requires>."
--   A.met_finding(id, lead, what, ev, cited, tail)  denial-criterion-met:
--     "<lead>, but <where> documents <what>: '<quote>'<tail>.", evidence ev
--     then cited
--   A.approved_unmet(item, out, verdict, lead, describe)  appends an
--     unmet_finding for each criterion of the pack whose verdict is "unmet"
--     (what: describe(item, id), evidence: A.evidence)
--   A.denial_met(item, out, verdict, SPEC, lead, what)  appends a
--     met_finding for each criterion the item cites that SPEC has and
--     whose verdict is "met" (lead(id), what(id))
--   A.record_contradictions(item, out, name)  appends a
--     record-contradiction for each contradicted fact (name(id) in words)
--   A.guideline_conflict(message, evidence)  a guideline-conflict warning
--   A.denial_outside_criteria(item, criteria) -> finding|nil  info, for an
--     upheld item naming no criterion and not concluding "necessary"
--     (criteria: the kind of criterion in words, "MTUS ESI criterion")
--   A.check_with(parts) -> function(item, letter)  a check() returning the
--     findings of parts.overturned(item, letter, out) for an overturned
--     item; of parts.upheld(item, out) and then parts.conflict(item) or else
--     A.denial_outside_criteria(item, parts.criteria) for an upheld one;
--     then A.record_contradictions(item, out, parts.name)
--   A.KINDS                      the five kinds these findings have

-- The helpers are locals (calls between them are upvalue calls) and the
-- module is one table constructor (no rehash as it fills): this chunk runs
-- once per letter in every check that includes it.

-- ---- evidence and messages ------------------------------------------------

-- What gsub("%s+", " ") would change: a white-space byte other than a
-- space, or two spaces in a row (most texts have neither: no gsub then).
local RUNS = { "  ", "\t", "\n", "\v", "\f", "\r" }

local function squash(s)
  if not s:findany(RUNS) then
    return s
  end
  return (s:gsub("%s+", " "))
end

local function clip(s, n)
  s = squash(s or "")
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

local function concat(...)
  local out = {}
  for i = 1, select("#", ...) do
    for _, ev in ipairs(select(i, ...) or {}) do
      out[#out + 1] = ev
    end
  end
  return out
end

local function evidence(item, id)
  return concat(item.facts[id].evidence)
end

-- ---- criteria and verdicts ------------------------------------------------

local function by_id(list)
  local t = {}
  for _, c in ipairs(list) do
    t[c.id] = c
  end
  return t
end

local function contradicted(item, id)
  for _, c in ipairs(item.contradicted) do
    if c == id then
      return true
    end
  end
  return false
end

local function status_verdict(item, spec)
  local status = item.status[spec.id]
  if status == "unknown" or status == nil then
    return "unknown"
  end
  return status == spec.meets and "met" or "unmet"
end

local function at_most(v, most, integer)
  if integer and math.type(v) ~= "integer" or type(v) ~= "number" or not most then
    return "unknown"
  end
  return v > most and "unmet" or "met"
end

local function all_allowed(v, allowed)
  if type(v) ~= "table" or #v == 0 then
    return "unknown"
  end
  for _, class in ipairs(v) do
    if not allowed[class] then
      return "unmet"
    end
  end
  return "met"
end

local function verdict_with(SPEC, value)
  return function(item, id)
    if contradicted(item, id) then
      return "contradicted"
    end
    local spec = SPEC[id]
    if not spec then
      return "unknown"
    end
    if spec.meets == "value" then
      return value(item, id, spec)
    end
    return status_verdict(item, spec)
  end
end

-- ---- words ------------------------------------------------------------------

-- string.findany (the sandbox's): the first of several plain strings, in one
-- call
local function has_any(s, words)
  return s:findany(words) ~= nil
end

local function first_of(s, words, init)
  return (s:findany(words, init))
end

local function words(...)
  return concat(...)
end

local GUIDES = { "acoem", "odg", "official disability" }
-- a blanket statement the rationale reports as someone else's (UR's) is
-- not the reviewer's ground
local REPORTED = { "utilization review", "utilization reviewer", "ur ",
  "claims administrator", "peer review", "prior reviewer" }
local BLANKET = { "not recommended", "not supported", "no guideline support",
  "do not recommend", "does not recommend", "recommend against",
  "recommends against", "not routinely recommended", "no proven benefit",
  "insufficient evidence", "not indicated" }

-- ---- blanket guideline statements -------------------------------------------

local function guide_named(item)
  local maximus = (item.guidelines.maximus or ""):lower()
  return has_any(maximus, GUIDES) and not maximus:find("chronic pain", 1, true)
end

-- A sentence ends at ".", ";", "!" or "?" followed by white space (the
-- pattern "[.;!?]%s", as the plain strings string.findany looks for at
-- once); the next one starts after that space. The end of the sentence
-- starting at byte from.
local ENDS = {}
for _, p in ipairs({ ".", ";", "!", "?" }) do
  for _, sp in ipairs({ " ", "\t", "\n", "\v", "\f", "\r" }) do
    ENDS[#ENDS + 1] = p .. sp
  end
end

local function sentence_end(text, from)
  return text:findany(ENDS, from) or #text
end

-- The sentence holding byte p, as a {from, to} byte range, given that a
-- sentence starts at byte from (from <= p).
local function sentence_at(text, from, p)
  while true do
    local stop = text:findany(ENDS, from)
    if not stop then
      return { from, #text }
    elseif stop >= p then
      return { from, stop }
    end
    from = stop + 2
  end
end

-- Only sentences holding a blanket phrase can qualify, so the search jumps
-- from one such sentence to the next.
local function one_sentence(lower, guide_named, o)
  local from = 1
  while true do
    local p = first_of(lower, o.blanket, from)
    if not p then
      return nil
    end
    local r = sentence_at(lower, from, p)
    local s = lower:sub(r[1], r[2])
    if not (o.qualified and has_any(s, o.qualified))
      and not has_any(" " .. s, REPORTED)
      and (has_any(s, GUIDES) or guide_named) then
      return r
    end
    from = r[2] + 2
  end
end

-- The guideline named in a sentence, the statement in it or in it and the
-- next one.
local function two_sentences(lower, guide_named, o)
  local from = 1
  while from <= #lower do
    local stop = sentence_end(lower, from)
    if guide_named or has_any(lower:sub(from, stop), GUIDES) then
      local stop2 = sentence_end(lower, stop + 2)
      for _, r in ipairs({ { from, stop }, { from, stop2 } }) do
        local t = lower:sub(r[1], r[2])
        if has_any(t, o.blanket) and not (o.qualified and has_any(t, o.qualified))
          and not has_any(" " .. t, REPORTED) then
          return r
        end
      end
    end
    from = stop + 2
  end
  return nil
end

local function blanket_sentence(item, o)
  local lower = item.rationale:lower()
  local named = guide_named(item)
  if o.next then
    return two_sentences(lower, named, o)
  end
  return one_sentence(lower, named, o)
end

local function blanket_statement(item, o)
  local r = blanket_sentence(item, o)
  return r and span(item.rationale_evidence, r[1], r[2])
end

-- ---- findings ---------------------------------------------------------------

local KINDS = { "approved-unmet-criterion", "denial-criterion-met",
  "denial-outside-criteria", "guideline-conflict", "record-contradiction" }

local function finding(kind, severity, message, evidence, criterion)
  return { kind = kind, severity = severity, message = message,
    evidence = evidence, criterion = criterion }
end

-- ": 'quote'" of the first evidence, or "".
local function quoted(ev)
  local q = quote(ev[1])
  return q and (": " .. q) or ""
end

local function unmet_finding(id, lead, what, requires, ev)
  return finding("approved-unmet-criterion", "error",
    string.format("%s although %s documents %s%s; MTUS requires %s.", lead,
      where(ev[1]), what, quoted(ev), requires), ev, id)
end

local function met_finding(id, lead, what, ev, cited, tail)
  return finding("denial-criterion-met", "error",
    string.format("%s, but %s documents %s%s%s.", lead, where(ev[1]), what,
      quoted(ev), tail or ""), concat(ev, cited), id)
end

local function approved_unmet(item, out, verdict, lead, describe)
  for _, c in ipairs(PACK.criteria) do
    if verdict(item, c.id) == "unmet" then
      out[#out + 1] = unmet_finding(c.id, lead, describe(item, c.id),
        c.requires, evidence(item, c.id))
    end
  end
end

local function denial_met(item, out, verdict, SPEC, lead, what)
  for _, id in ipairs(item.cited) do
    if SPEC[id] and verdict(item, id) == "met" then
      out[#out + 1] = met_finding(id, lead(id), what(id), evidence(item, id),
        item.cited_evidence[id])
    end
  end
end

local function record_contradictions(item, out, name)
  for _, id in ipairs(item.contradicted) do
    local f = item.facts[id]
    out[#out + 1] = finding("record-contradiction", "warning",
      string.format("The record both affirms and denies %s: %s versus %s.", name(id),
        quote(f.affirm[1]) or "(affirmed)", quote(f.deny[1]) or "(denied)"),
      concat({ f.affirm[1] }, { f.deny[1] }), id)
  end
end

local function guideline_conflict(message, evidence)
  return finding("guideline-conflict", "warning", message, evidence)
end

local function denial_outside_criteria(item, criteria)
  if item.outcome ~= "upheld" or #item.cited > 0 or item.conclusion == "necessary" then
    return nil -- outcome-vs-conclusion (outcome.lua) covers a "necessary"
  end
  local ev = item.conclusion_evidence or item.title_evidence
  local q = quote(ev)
  return finding("denial-outside-criteria", "info", string.format(
    "Upheld without naming any unmet %s; the denial rests on other grounds%s.",
    criteria, q and (" (" .. q .. ")") or ""), { ev })
end

local function check_with(parts)
  return function(item, letter)
    local out = {}
    if item.outcome == "overturned" then
      parts.overturned(item, letter, out)
    elseif item.outcome == "upheld" then
      parts.upheld(item, out)
      out[#out + 1] = parts.conflict(item) or denial_outside_criteria(item, parts.criteria)
    end
    record_contradictions(item, out, parts.name)
    return out
  end
end

return {
  squash = squash,
  clip = clip,
  quote = quote,
  where = where,
  concat = concat,
  evidence = evidence,
  by_id = by_id,
  contradicted = contradicted,
  status_verdict = status_verdict,
  at_most = at_most,
  all_allowed = all_allowed,
  verdict_with = verdict_with,
  has_any = has_any,
  first_of = first_of,
  words = words,
  GUIDES = GUIDES,
  REPORTED = REPORTED,
  BLANKET = BLANKET,
  guide_named = guide_named,
  blanket_sentence = blanket_sentence,
  blanket_statement = blanket_statement,
  KINDS = KINDS,
  finding = finding,
  unmet_finding = unmet_finding,
  met_finding = met_finding,
  approved_unmet = approved_unmet,
  denial_met = denial_met,
  record_contradictions = record_contradictions,
  guideline_conflict = guideline_conflict,
  denial_outside_criteria = denial_outside_criteria,
  check_with = check_with,
}
