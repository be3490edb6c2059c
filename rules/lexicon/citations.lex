# citations.lex - what makes a rationale sentence a citation of an unmet or
# undocumented criterion, and what makes it a guideline recital instead.

[citation_pre]
# the reviewer's own words for "not documented" (the record does not show
# it, nobody checked it, it is unclear)
/\b(?:the\s+)?(?:notes?|records?|reports?|documentation|file|chart|progress\s+notes?|submitted\s+records?)\s+(?:do|does|did)\s+not\s+(?:show|say|state|indicate|establish|demonstrate|describe|mention|document|reflect|explain|specify|address)\b/
/\b(?:the\s+)?(?:notes?|records?|reports?|chart)\s+never\s+(?:show|say|state|indicate|mention|describe|specify|address)\b/
/\bnothing\s+(?:in\s+the\s+(?:records?|notes?|file|chart)\s+)?(?:shows?|indicates?|establishes|demonstrates|documents|suggests)\b/
/\bit\s+is\s+(?:not\s+|un)clear(?=\s+(?:whether|if|how|that|what|why)\b)/
/\b(?:nobody|no\s+one)\s+has\s+(?:asked|assessed|checked|documented|recorded|evaluated|reviewed|examined|tested)\b/
/\bthere\s+is\s+no\s+(?:assessment|evaluation|record|mention|account|discussion)\s+of\b/
/\b(?:has|have|had)\s+not\s+been\s+(?:checked|assessed|evaluated|reviewed|monitored|tested|verified|confirmed)\s+(?:by|with|through)\b/
# a criterion term up to 16 words after one of these, in the same clause,
# is cited (rationale only; in the summary it documents nothing)
no documentation of
no documentation that
no documented
no evidence of
no evidence that
no indication of
no indication that
no mention of
no specific mention of
no clear documentation
no clear evidence
no objective evidence
no objective documentation
not documented
not been documented
not clearly documented
not documenting
lack of
lack of documentation of
lack of documented
lacks documentation
lacks evidence
absence of
in the absence of
insufficient documentation
inadequate documentation
failure to document
without documentation of
# "there is no radiculopathy, twitch response, or referred pain documented"
/\bno\s+(?=(?:[\w-]+,?\s+){1,8}?(?:documented|described|demonstrated)\b)/
without documented
without evidence of
has not failed
have not failed
had not failed
not failed
/\bno\b(?=\s+(?:\S+\s+){0,6}?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:clearly\s+|specifically\s+|objectively\s+)?(?:documented|described|reported|recorded|mentioned|evident)\b)/
/\bneither\b(?=[^.;]{0,160}?\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:documented|noted|described|reported|recorded|mentioned|established|evident|demonstrated|shown)\b)/
/\b(?:does|do|did|has|have|had)\s+not\s+(?:\w+\s+){0,2}?(?:document|detail|describe|characteriz|establish|report|mention|indicate|demonstrate|show|note|provide|outline|evidence|quantif|specif|state|record|measure)\w*/
/\b(?:does|do|did|has|have|had)\s+not\s+(?:\w+\s+){0,2}?(?:detailed|described|characterized)\b/
/\bno\s+(?:\w+\s+)?(?:documentation|evidence|mention|indication)\b/
/\bfail(?:s|ed)?\s+to\s+(?:document|describe|establish|demonstrate|show|quantify|specify|state|record|mention|detail)/
/\bnot\s+(?:clearly\s+)?(?:established|demonstrated|evident)\s+that/
# in the reviewer's own words: "nothing in the findings shows that ...",
# "it is not clear that she has tried ..."
/\bnothing\s+(?:[\w-]+\s+){0,5}?(?:shows?|documents?|indicates?|describes?|demonstrates?|establishes?|suggests?|mentions?)\b/
/\b(?:is|it\s+is|it's)\s+not\s+(?:clear|evident|apparent|established|known)\s+(?:that|whether)\b/

[citation_post]
# a criterion term up to 6 words before one of these is cited
/(?:is|was|were|are|has|have|been)\s+not\s+(?:been\s+)?(?:clearly\s+|adequately\s+|objectively\s+)?(?:documented|established|demonstrated|described|noted|evident|reported|quantified|specified|recorded|stated|measured)/
/\bunquantified\b/
/\bnot\s+(?:documented|quantified|specified|recorded|measured)\b/
/\b(?:was|were|is|are)\s+(?:absent|lacking|missing)\s+(?:from|in)\s+the\s+(?:records?|documentation|notes?)/
/\bis\s+lacking\b/
# "conservative care has not been exhausted", "NSAIDs have not been shown
# to be ineffective", "radiculopathy has not been ruled out"
/(?:is|was|were|are|has|have|been)\s+not\s+(?:yet\s+)?(?:been\s+)?(?:exhausted|shown\s+to\s+(?:be\s+ineffective|have\s+failed|fail)|ruled\s+out|excluded)\b/

[citation_terminator]
# a criterion after one of these is an addition the citation does not name:
# "no documentation of ... a twitch response as well as referred pain"
# cites twitch_response only (the trailing phrase quotes the guideline)
as well as

[recital]
# a rationale sentence with one of these and no [applied] term restates a
# guideline: it documents nothing and cites nothing
guideline*
MTUS
ACOEM
ODG
criteria
criterion
references state
reference*
recommend*
/\bpage\s*\(?s?\)?:?\s*\d+/
/\bper\s+the\s+(?:MTUS|guidelines?)/
/\bin\s+whom\b/
/\bindividuals\b/
/\bpatients\s+(?:with|who)\b/
/\brequir(?:e|es|ed|ing)\b/
/\bmust\b/
/\bonly\s+(?:when|if|for|in|where)\b/
/\b(?:are|is)\s+(?:only\s+)?(?:supported|recommended)\b/
/\b(?:is|are)\s+(?:only\s+)?indicated\b/
# "trigger point injections are limited to / reserved for myofascial pain
# syndrome in which the examiner documents ...": the rule in other words
/\b(?:is|are)\s+(?:limited|reserved|restricted|confined)\s+(?:to|for)\b/
/\bin\s+which\s+the\s+(?:examiner|physician|provider|clinician)\b/
# a rule stated for injections in general: "the frequency of injections
# should not be at an interval less than two months"
/\bshould\s+(?:not\s+)?(?:be|exceed|occur)\b/

[applied]
in this case
in this instance
this patient
this applicant
this claimant
this individual
this injured worker
the patient
the applicant
the claimant
the injured worker
the employee
the request
this request
the requested
/\b(?:he|she|his|her)\b/
the attending provider
the treating provider
the treating physician
the records
the medical records
# the request measured against the guideline: "more frequent than the
# guidelines allow", "sooner than the guideline interval permits"
/\bthan\s+(?:the\s+|is\s+)?(?:guidelines?|MTUS)\s+(?:\w+\s+)?(?:allows?|permits?|supports?|recommends?)\b/

[concession]
# the sentence right after a recital grants its conditions to this patient
# ("The employee meets each of these requirements", "All of these criteria
# are met in this case"): the recital then states the record (therapy.c;
# not when negated, hypothetical, or itself a recital)
/\b(?:meets|meet|met|satisfies|satisfy|satisfied|fulfills|fulfils|fulfill|fulfilled)\s+(?:each|all|every\s+one|both)\s+(?:of\s+)?(?:these|those|the|its|the\s+above)\s+(?:\w+\s+)?(?:requirements|criteria|conditions|prerequisites)\b/
/\b(?:each|all|both)\s+(?:of\s+)?(?:these|those|the\s+above)\s+(?:\w+\s+)?(?:requirements|criteria|conditions|prerequisites)\s+(?:is|are|has\s+been|have\s+been|were)\s+(?:\w+\s+)?(?:met|satisfied|fulfilled|documented)\b/
/\b(?:these|those|the\s+above)\s+(?:\w+\s+)?(?:requirements|criteria|conditions|prerequisites)\s+(?:are|have\s+been|were)\s+(?:all\s+)?(?:met|satisfied|fulfilled)\b/

[unsupported]
# with a non-anesthetic injectate in the sentence, cites injectate
no guideline support
not supported
not recommended
no support for
not indicated
not approved
/\bguidelines?\s+do\s+not\s+(?:support|recommend)/
/\bonly\s+(?:a\s+|an\s+)?(?:local\s+)?an(?:a)?esthetic/
# in the reviewer's own words: "Toradol is not an appropriate agent for
# trigger point injections", "a substance that is not a local anesthetic"
/\bnot\s+(?:an?\s+)?(?:appropriate|suitable|acceptable|accepted|approved|recommended)\s+(?:agent|substance|medication|drug|injectate|additive)s?\b/
/\b(?:substance|agent|medication|drug|ingredient|additive)s?\s+(?:that|which)\s+(?:is|are)\s+not\s+(?:an?\s+)?(?:local\s+)?an(?:a)?esthetics?\b/

[citation_count]
/(?<!\bno\s)(?<!\bnot\s)\bmore\s+than\s+(?:3-4|three\s+to\s+four|3\s+to\s+4|four|4)\s+(?:injections|trigger\s+points)/
exceeds the number
/\b(?:injections?|trigger\s+points?|sites)\s+(?:\w+\s+)?exceeds?\b/
/\bexceed\w*\s+(?:that|the|this)\s+(?:limit|maximum|number)/
/\bexceed\w*\s+(?:\w+\s+){0,6}?(?:3-4|three\s+to\s+four|four|4)\s+injections/
/\bno\s+more\s+than\s+(?:3-4|three\s+to\s+four|3\s+to\s+4|four|4)\s+injections\s+(?:per\s+session\s+)?(?:\w+\s+){0,2}?(?:exceeded|is\s+exceeded)/
/\btoo\s+many\s+(?:trigger\s+points?|injections)/
# "five trigger point injections are requested, which exceeds the
# guideline recommendation", "six ... in a single session, which exceeds"
/\b(?:injections?|trigger\s+points?|TPIs?|sites)\b[^.;]{0,60}?,\s+(?:which|this|that)\s+exceeds?\s+(?:the\s+)?(?:guidelines?|MTUS|recommend\w*|maximum|limit)/
# in the reviewer's own words: "the number of injections requested is too
# high", "five injections in one session are more than the guidelines allow"
/\b(?:number|quantity|amount)\s+of\s+(?:[\w-]+\s+){0,3}?(?:injections?|trigger\s+points?|TPIs?|sites)\s+(?:[\w-]+\s+){0,3}?(?:is|are|was|were|seems?|appears?)\s+(?:(?:too|very|rather)\s+(?:high|many|large|great)|excessive)\b/
/\b(?:injections?|trigger\s+points?|TPIs?|sites)\s+(?:[\w-]+\s+){0,5}?(?:is|are|would\s+be)\s+more\s+than\s+(?:the\s+|is\s+)?(?:guidelines?|MTUS|recommended|allowed|permitted|supported)\b/

[citation_frequency]
# sessions inside the interval ("injections every four weeks would fall
# inside the two-month minimum interval")
/\b(?:fall|falls|fell|be|is|are|lie|lies)\s+(?:\w+\s+)?(?:inside|within|short\s+of|under)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?interval\b/
/\bevery\s+(?:one|two|three|four|five|six|1|2|3|4|5|6)\s+weeks\b(?=[^.;]{0,80}\b(?:interval|two\s+months|2\s+months|two-month|frequen))/
/\b(?:does|did|do)\s+not\s+(?:respect|meet|satisfy|observe|allow)\s+(?:\w+\s+){0,3}?(?:two-month|2-month|two\s+month|interval)/
/\btoo\s+soon\b/
within two months
within 2 months
less than two months
less than 2 months
sooner than two months
sooner than 2 months
/\bmore\s+frequent(?:ly)?\s+than\s+(?:every\s+)?(?:two|2)\s+months/
/\binterval\s+(?:\w+\s+){0,3}?(?:less|shorter)\s+than\s+(?:two|2)\s+months/
# in the reviewer's own words: the repeat comes earlier than allowed
/\b(?:more\s+frequent(?:ly)?|more\s+often|earlier|sooner)\s+than\s+(?:the\s+|is\s+)?(?:\w+\s+)?(?:guidelines?|MTUS|recommended|allowed|permitted|supported|allows?|permits?)\b/
/\b(?:too\s+frequent(?:ly)?|too\s+close\s+together)\b/
# "premature" only with an interval ("3 wks ago -- premature", "too early
# after the last set"); "premature to proceed before the consultation" is not
/\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight)\s+(?:days?|weeks?|wks?|months?|mos?)\b[^.;]{0,60}?\b(?:premature(?:ly)?|too\s+early)\b/
/\b(?:premature(?:ly)?|too\s+early)\b[^.;]{0,60}?\b(?:since|after|following)\s+(?:the\s+|his\s+|her\s+)?(?:last|prior|previous|first|initial|earlier|preceding)\b/
/\bbefore\s+(?:the\s+)?(?:two|2)(?:-|\s+)months?\s+(?:have\s+|had\s+)?(?:passed|elapsed|interval)/
# "not enough time has passed since the last injections"; "no
# documentation that the injections are at least two months after ..."
/\b(?:not\s+(?:enough|sufficient)|insufficient)\s+time\s+(?:has\s+|had\s+)?(?:passed|elapsed|gone\s+by)\b/
/\bno\s+(?:\w+\s+)?(?:documentation|evidence|indication)\s+(?:of|that)\s+(?:[\w-]+\s+){0,8}?(?:at\s+least|more\s+than|over)\s+(?:two|2)\s+months\b/

[citation_pending]
# the response that a repeat depends on is not known yet: cites
# repeat_relief, and relief from earlier injections does not meet it
# ("each further session must be judged by the result of the one before")
/\b(?:response|results?|outcome|effects?|benefit|relief)\s+(?:to|of|from)\s+(?:the\s+|this\s+|that\s+|these\s+|those\s+|her\s+|his\s+)?(?:[\w\/'-]+\s+){0,3}?(?:injections?|sets?|sessions?|rounds?|series|procedures?|TPIs?|one)\b(?:\s+[\w-]+){0,3}?\s+(?:(?:is|are|was|remains?|has|have)\s+)?(?:(?:still|yet)\s+(?:unknown|undetermined|pending|to\s+be\s+(?:seen|known|determined|established))|not\s+yet\s+(?:been\s+)?(?:known|established|available|determined|clear)|pending)\b/
/\b(?:cannot|can\s*not|can't|could\s+not)\s+be\s+(?:known|predicted|determined|assessed|judged|established|foreseen)\s+(?:in\s+advance|beforehand|ahead\s+of\s+time|yet)\b/
/\b(?:each|every|any)\s+(?:subsequent|additional|add'l|further|later|future|next|repeat)\s+(?:[\w-]+\s+){0,2}?(?:sessions?|injections?|sets?|rounds?|series|TPIs?)\s+(?:must|should|needs?\s+to|has\s+to|would\s+(?:need|have)\s+to|requires?)\b/
/\b(?:cannot|can\s*not|can't|should\s+not|will\s+not|is\s+not|are\s+not)\s+be\s+pre-?(?:certif|authoriz|approv)\w*/
/\bpre-?(?:certif|authoriz|approv)\w*\s+of\s+(?:\w+\s+){0,3}?(?:further|additional|future|more|subsequent)\s+(?:\w+\s+)?(?:sessions?|injections?|sets?|rounds?|series)/
/\b(?:approv|authoriz|certif)\w*\s+(?:of\s+)?(?:\w+\s+){0,4}?(?:sessions?|injections?|sets?|rounds?|series)\s+in\s+advance\b/
# "sessions cannot be approved in advance", "each must be judged on the
# result of the last one"
/\b(?:sessions?|injections?|sets?|rounds?|series|TPIs?)\s+(?:cannot|can\s*not|can't|could\s+not|should\s+not|will\s+not|may\s+not)\s+be\s+(?:pre-?)?(?:approv|authoriz|certif)\w*\s+(?:in\s+advance|beforehand|ahead\s+of\s+time)\b/
/\beach\s+(?:(?:subsequent|additional|further|later|future|next|repeat)\s+)?(?:(?:session|injection|set|round|one)\s+)?(?:must|should|needs?\s+to|has\s+to)\s+be\s+(?:judged|assessed|evaluated|based|determined|decided)\s+(?:\w+\s+){0,2}?(?:on|by|from)\s+(?:the\s+)?(?:results?|response|outcome|effects?|benefit)\b/

[citation_repeat]
# the prior relief falling short, in the reviewer's words ("well short of
# the relief of more than 50 percent for six weeks")
/\b(?:well|far|clearly|falls?|fell|falling)?\s*short\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:relief|improvement|response|benefit|50|fifty|threshold)/
no documentation of functional improvement
no documented functional improvement
no evidence of functional improvement
lack of documented functional improvement
lack of functional improvement
no documentation of pain relief
no documented pain relief
/\bno\s+(?:\w+\s+){0,3}?(?:documentation|evidence)\s+(?:of|that)\s+(?:\w+\s+){0,8}?(?:relief|improvement|benefit)\s+(?:\w+\s+){0,5}?(?:prior|previous|past)\s+(?:trigger\s+point\s+)?injections?/
/\b(?:less|fewer)\s+than\s+(?:50|fifty)\s*(?:%|percent)/
# "the response to the previous injections was not quantified"
/\b(?:response|relief|benefit|improvement|results?|outcome)\s+(?:to|of|from|after)\s+(?:the\s+|her\s+|his\s+)?(?:prior|previous|past|last|earlier|initial|first)\s+(?:[\w-]+\s+){0,3}?(?:injections?|TPIs?|sessions?|sets?)\s+(?:\w+\s+){0,2}?(?:was|were|is|are|has|have)\s+not\s+(?:been\s+)?(?:(?:clearly|adequately|objectively)\s+)?(?:documented|quantified|specified|recorded|measured|described|reported|stated)\b/
