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
# a search's result: "found none", "none were elicited", "could not be
# reproduced"
/\bfound\s+none\b/
/\bnone\s+(?:was|were|is|are|could\s+be)\s+(?:\w+\s+)?(?:found|elicited|reproduced|present|seen|noted|identified|detected|appreciated|demonstrated|observed|palpated)\b/
/\b(?:could|can)\s*(?:not|n't)\s+be\s+(?:\w+\s+)?(?:elicited|reproduced|demonstrated|found|identified|appreciated|confirmed|detected|provoked|palpated)\b/
/\bwithout\s+success\b/
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

# "did not fail to elicit a twitch response": the two negations cancel
/\b(?:did|does|do|has|have|had|could|would)\s*(?:not|n't)\s+fail(?:ed)?\s+to\b/

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
# ", and celecoxib failed to control her pain": a new subject with a verb
# of outcome (no auxiliary)
/,\s+and\s+(?=(?:[\w-]+\s+){0,4}?(?:failed|helped|gave|provided|relieved|controlled|improved|produced|elicited|reproduced|showed|revealed|demonstrated|caused)\b)/
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
recommends

[future]
# a plan in the future tense: it documents no finding yet ("plans to
# palpate ... at the next visit", "will check ... for a referral pattern"),
# but it does state what the request is ("each trigger point will be
# injected with lidocaine"): the request's count and injectate read it
/\bplanned?\b/
/\bwill\s+(?:be|need|require|undergo|consider)/
/\bplans?\s+to\b/
/\bplanning\s+to\b/
/\bwill\s+(?:re-?)?(?:check|examine|evaluate|assess|palpate|test|look|order|obtain|try|start|begin|determine)\b/

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
peer reviewer
prior peer reviewer
/\b(?:a|the)\s+(?:prior|previous|earlier)\s+(?:independent\s+)?review\b/
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

[negation_clause]
# a fronted negation negates the rest of its clause at any distance ("At
# no point during the examination ... was a twitch response elicited",
# "Neither the straight leg raise nor the EMG showed radiculopathy")
/\bat\s+no\s+(?:point|time|stage|visit)\b/
/\bin\s+no\s+(?:case|instance)\b/
/\bneither\b/
/\bnowhere\b/
/\bnone\s+of\s+the\s+(?:examinations|exams|visits|records|notes|studies|reports|progress\s+notes)\b/

[double_negation]
# an outer negation of a proposition turns the polarity of the terms in
# its clause (up to a ':'): "it is not true that there was no twitch
# response" affirms it; "it is not the case that the SLR was negative"
# affirms the test; "it is not true that she has radiculopathy" denies it
/\b(?:it\s+)?is\s+(?:not|n't)\s+(?:the\s+case|true|correct|accurate|so)\s+(?:to\s+say\s+)?that\b/
/\b(?:it\s+)?(?:was|is)\s+(?:false|untrue|incorrect|inaccurate|wrong)\s+(?:to\s+say\s+)?that\b/
/\b(?:cannot|can\s*not|could\s+not)\s+be\s+said\s+that\b/

[parenthetical]
# a comma-bounded insertion inside a clause: transparent to the scope of
# the triggers around it ("The examiner could not, despite careful
# palpation of both sides, elicit a twitch response"); not one followed by
# "and", "or", "but" (that is a list), not a negative relative clause
# (", which was normal," negates what it follows)
/,\s+(?:despite|in\s+spite\s+of|according\s+to|on|upon|during|at|after|before|when|while|including|as|per|by|which|who|held|performed)\b(?!\s+(?:was|were|is|are)\s+(?:\w+\s+)?(?:normal|negative|unremarkable|absent)\b)[^,;:.()]{2,160}?,(?!\s*(?:and|or|but)\b)/

[resolved]
# historical and resolved: a finding the record places in the past and
# describes as gone since is not a current finding ("radiculopathy in 2012,
# which resolved after surgery", "twitch responses ... are no longer
# present", "prior sciatica, now resolved"); not "has not resolved",
# "partially resolved", or one that came back
/(?<!\bnot\s)(?<!\bnever\s)(?<!\byet\s)(?<!\bpartially\s)(?<!\bpartly\s)(?<!\bincompletely\s)(?<!\bonly\s)\b(?:resolved|subsided|abated|disappeared|cleared)\b(?!\s+(?:partially|partly|somewhat|only|incompletely)\b)(?![^.;]{0,60}\b(?:returned|recurred|reappeared|came\s+back)\b)/
/\bno\s+longer\s+(?:\w+\s+)?(?:present|elicited|elicitable|seen|found|noted|palpable|reproducible|reproduced|evident|demonstrated|has|have|had|complains?|reports?)\b/

[sought]
# a search for a finding: with a negation after it in the sentence, the
# finding was looked for and not found ("was sought but could not be
# elicited", "was examined for twitch responses; none were elicited")
sought
looked for
look for
looking for
searched for
search for
/\b(?:palpated|examined|tested|checked|evaluated|assessed|screened|probed|inspected|explored)\s+(?:[\w'\/-]+\s+){0,6}?for\b/
/\b(?:attempt(?:ed|s)?|tried|trying)\s+to\s+(?:elicit|reproduce|provoke|demonstrate|identify|find)\b/
/\bto\s+rule\s+out\b/

# Uncertain: a finding stated as possible, suspected or questionable is not
# documented (pack facts with the `uncertain` modifier class).
[uncertain]
possible
possibly
questionable
equivocal
suspected
suspicious for
cannot rule out
can not rule out
cannot be ruled out
may have
might have
/\br\/o\b/
rule out

# Adoption: the reviewer takes a party's statement as their own just before
# naming the party ("I agree with the utilization reviewer that ...",
# "Concur w/ UR: ...", "As the UR correctly noted, ..."): the attribution
# that follows does not take the statement out of the record.
[adoption]
/\b(?:agrees?|concurs?)\s+(?:with|w\/)(?=\s)/
/\bas\s+(?:did\s+)?the\b(?=\s+(?:\S+\s+){0,5}?(?:correctly|rightly)\b)/
