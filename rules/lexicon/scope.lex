# scope.lex - NegEx/ConText-style triggers used by the fact extractor.
# Format (see rules/lexicon/README.md): [section], then one entry per
# line: a literal phrase (case-insensitive, any spacing/line break between
# words, '-' also matches a space or nothing, trailing '*' = any word
# ending) or /a PCRE2 fragment/. Lines starting with '#' are comments.

[negation_pre]
# a negation trigger negates a term up to 6 words after it, within the clause
no
not
without
denies
denied
negative for
negative
absence of
ruled out
excluded
excludes
free of
failed to reveal
failed to show
failed to demonstrate
unremarkable for
unremarkable
normal
non-tender
intact
/\bnor\b/
/\bneither\b/
/\bnever\b/
/\bno\s+signs?\s+of/
/\bno\s+evidence\s+of/
/\bnot\s+(?:have|had|show|showing|demonstrate)/
/\b(?:did|does|do)\s+not\s+(?:have|show|reveal|demonstrate|elicit|produce|reproduce|identify|find|document)/
/\b(?:didn't|doesn't)\s+(?:have|show|reveal|demonstrate|elicit)/
failed to elicit
failed to identify
failed to produce
unable to elicit
eliminated
/\bresolution\s+of/
/\bnon-?(?=radicul|focal|dermatom)/
# "too recent to be considered chronic"
/\btoo\s+(?:recent|new|early|soon)\s+to\s+(?:be\s+)?/

[negation_post]
# a post trigger negates a term ending up to 6 words before it
/(?:was|were|is|are|been|being)\s+(?:\w+\s+)?(?:negative|normal|absent|unremarkable|within\s+normal\s+limits)/
/\b(?:negative|neg|absent|unremarkable|normal|intact)\b(?=\s*(?:[,.;:)]|$|\b(?:and|or|bilaterally|bilat|on|in|at|to|throughout|with|per)\b))/
# clinical shorthand: "motor/sensory/reflex exam WNL", "DTRs 2+ symmetric"
/\bWNL\b/
/\b(?:2\+\s+(?:and\s+)?)?symmetric(?:al(?:ly)?)?\b/
/\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:not\s+(?:present|found|appreciated|elicited|noted|reproduced|identified|detected|observed|seen|palpated|palpable)|ruled\s+out|resolved)/
/\bruled\s+out\b/
within normal limits
# verbs of exclusion after the term: "radiculopathy has been excluded"
/\b(?:excluded|eliminated)\b/
# (the word between is not itself the test: "was neurologically intact")
/\b(?:was|were|is|are|remained?)\s+(?:(?!neuro)\w+\s+)?(?:intact|symmetric(?:al)?|2\+(?:\s+and\s+symmetric(?:al)?)?)\b/
/\bnot\s+(?:present|appreciated|elicited)\b/
# "radiculopathy is not the issue in this case"
/\b(?:is|was|are|were)\s+not\s+(?:the|an|at)\s+(?:issue|concern|question|factor)\b/

[negation_result]
# a test's shorthand result right after it (at most one word between, no
# comma or semicolon): "Spurling neg", "SLR (-) bilat", "SLR bilat neg",
# "Radicular sx denied", a structured field's answer "Twitch: none",
# "DTRs 2+ symmetric", "reflexes 2+/symm", "sensation intact",
# "neuro exam WNL". Farther away these words negate nothing ("L5
# radiculopathy with sensation intact" keeps the radiculopathy).
/\b(?:neg|negative|nl|normal|WNL|unremarkable|absent|denied)\b/
# a structured field's negative answer: "Twitch response: none",
# "Referred pain: not reproduced", "SLR - negative"
/(?:[:=]|\s-)\s*(?:none|no|nil|not\s+(?:present|seen|elicited|reproduced|noted|found|appreciated|demonstrated|obtained))\b/
/\(\s*-\s*\)/
/(?<![\w+])\(?2\+\)?\s*(?:(?:and|&|\/)\s*)?(?:symm?(?:etric(?:al)?)?\b|=|equal\b|bilat\w*)/
/\b(?:grossly\s+)?intact\b/

[pseudo_negation]
# phrases that contain a trigger but negate nothing
not only
no change in
no changes in
no further
not certain whether
not certain if
not necessarily
no increase in
no significant change
not drug seeking
without difficulty
gram negative
/failed\s+back(?:\s+surgery)?(?:\s+syndrome)?/
/\bnot\s+medically\s+necessary/
/\bnormal\s+(?:gait|range|strength)/
# "the twitch response and failed care are not in dispute, the presence of
# radiculopathy ...": conceding, not denying
/\bnot\s+(?:in\s+dispute|in\s+question|disputed|contested)\b/
# double negatives: "it cannot be said that radiculopathy is absent", "it is
# not the case that the record fails to describe a twitch response"
/\b(?:cannot|can\s*not|could\s+not)\s+be\s+said\s+that\s+(?:[\w-]+\s+){1,5}?(?:is|was|are|were)\s+(?:absent|negative|normal|not\s+present)\b/
/\bnot\s+the\s+case\s+that\s+(?:[\w-]+\s+){0,4}?(?:fails?|failed|does\s+not|did\s+not)\s+(?:to\s+)?(?:document|describe|mention|show|demonstrate|note)\w*/

[terminator]
# ends the scope of a negation, hypothesis or citation
but
however
although
though
except
aside from
apart from
# (not "studies ... which were normal": that negates them)
/\bwhich\b(?!\s+(?:was|were)\s+(?:\w+\s+)?(?:normal|negative|unremarkable)\b)/
whereas
nevertheless
/;/
/\bpositive\b/
/\bdecreased\b/
# (not inside "did not reveal", "failed to reveal": those negate)
/(?<!not |to |n't )\breveal(?:ed|s)?\b/
/\bwith\s+(?:positive|decreased|diminished|reduced)/
# ", and X were elicited": a new clause with its own verb (a plain list,
# "no twitch, taut band, or referred pain", continues the negation)
/,\s+and\s+(?=(?:[\w-]+\s+){0,4}?(?:was|were|is|are|has|have|had)\s+(?!not\b|no\b|never\b|absent|negative|normal|unremarkable))/
# ", and the injections would not be expected to help": a new clause with
# its own modal verb (the hypothetical does not reach back to the first)
/,\s+and\s+(?=(?:[\w-]+\s+){1,5}?(?:would|could|should|might|may|will|cannot|can)\s)/
# ", with referral of pain to ...": a new finding (not ", with lidocaine")
/,\s+with\s+(?=(?:[\w-]+\s+){0,2}?(?:referral|referred|radiation|radiating|twitch\w*|taut|jump|tender\w*|spasms?)\b)/

[hypothetical]
# a term in the same clause documents nothing
/\bif\b/
unless
whether
in the absence of
to rule out
rule out
r/o
should be documented
would be
would not be
could be considered
may be considered
might
would
in case of
in the event
consider
# "considered chronic" classifies the condition; it plans nothing
/\bconsidered\b(?!\s+(?:to\s+be\s+)?(?:chronic|acute|subacute)\b)/
recommend
recommended
/\bsuspect(?:ed)?\b/
/\bpossible\b(?!\s+retrospective)/
/\bprobable\b/
/\bplanned?\b/
/\bwill\s+(?:be|need|require|undergo|consider)/

[attribution]
# what the letter attributes to UR, the claims administrator or a prior
# review is not the record's own finding
utilization review
utilization reviewer
UR
UR reviewer
UR physician
claims administrator
claims adjuster
carrier
prior peer review
peer review
prior reviewer
previous reviewer
reviewer noted
/\bit\s+was\s+(?:also\s+)?noted\s+that\b/
/\bdenial\s+letter/

[report]
# second-hand reports in the rationale: restate the record without the
# reviewer adopting them as a reason (no citation)
according to
felt that
reported that
stated that
per the
