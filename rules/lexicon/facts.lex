# facts.lex - terms of the trigger point criteria (see rules/lexicon/README.md).

[tpi]
trigger point injection*
trigger-point injection*
trigger point inj*
/\bTPIs?\b/
/\bTP1s?\b/
/\btrigger\s+points?\s+(?:injection|inj)\w*/
/\binject\w*\s+(?:\w+\s+){0,3}?(?:into|to|of|in)\s+(?:the\s+)?(?:\w+\s+){0,2}?trigger\s+points?/
/\btrigger\s+points?\s+(?:therapy|block)/
# "injected the six trigger points using ..."
/\binject(?:ed|ing|s)?\s+(?:\w+\s+){0,4}?trigger\s+points?\b/
# "the trigger points were injected", "each trigger point will be injected
# with ...", "three trigger points are to be injected"
/\btrigger\s+points?\s+(?:\S+\s+){0,20}?(?:were|was|will\s+be|are\s+to\s+be|is\s+to\s+be|would\s+be|are|is)\s+injected/

[trigger_point]
/\btrigger\s+points?\b(?!\s+inj)/
myofascial trigger points
taut band*
taught band*

[twitch]
twitch*
jump sign
jump response
/\bjump(?:ing)?\s+sign/
/\blocal\s+twitch/
# shorthand: "+LTR", "LTR (+)", "TrPs w/ LTR" (local twitch response)
/\bLTRs?\b/

[referred_pain]
referred pain
referral pain
pain referral
referral pattern
/\breferral\s+of\s+(?:the\s+)?pain/
# "referral of pain into the left buttock", "referral to lateral neck and
# occiput" (a body part, so not a referral to a specialist)
/\breferral\s+(?:of\s+(?:the\s+)?pain\s+)?(?:in)?to\s+(?:the\s+)?(?:(?:left|right|bilateral|ipsilateral|contralateral|upper|lower|posterior|lateral|medial|anterior|both|L|R|lt\.?|rt\.?|b\/l|post\.?|ant\.?|lat\.?|med\.?)\s+){0,2}(?:buttocks?|shoulders?|neck|arms?|legs?|head|scapulae?|scapular|thighs?|hips?|occiput|occipital|temples?|temporal|groin|chest|flank|jaw|ears?|eyes?|forehead|scalp|shoulder\s+blades?)\b/
/\bpain\s+referr(?:ed|ing)\s+(?:in)?to\b/
/\breferr(?:ed|ing)\s+(?:pain\s+)?(?:in)?to(?:ward)?\s+the\b(?!\s+(?:emergency|clinic|office|hospital|physician|doctor|specialist|surgeon|orthopedi|neurolog|pain\s+management|physical))/
refers pain
# "pain referring down the posterolateral thigh"
/\bpain\s+referr(?:ed|ing)\s+(?:down|along|distally)\b/
# bare "referral" beside the twitch it goes with ("neither the twitch nor
# any referral", "twitch and referral", "without referral"); a referral to
# or for someone is not pain
/(?<=\bany\s|\bnor\s|\band\s|\bnor\sthe\s|\bnor\sa\s)referral\b(?!\s+(?:to|for|was\s+made|is\s+made|has\s+been\s+made)\b)/
# a referral verb with its direction ("referred along the medial border",
# "referring up into the occiput"), and the passive ("the pain being
# referred, in a pattern ..., over the shoulder"); a referral to a provider
# is no referred pain
/\breferr(?:ed|ing|al)\s+(?:\w+\s+)?(?:along|over|across|through|up|down|around|toward|towards|distally|proximally|superiorly|inferiorly|laterally|medially|cephalad|caudally)\b/
/\bpain\s+(?:\w+\s+){0,2}?(?:is|was|were|being|been|that\s+was|which\s+was)\s+(?:\w+\s+)?referred\b(?!\s+(?:to|for)\s+(?:a\s+|an\s+|the\s+)?(?:pain\s+management|physical|orthop\w*|neuro\w*|psych\w*|Dr\b|doctor|specialist|surgeon|clinic|evaluation|consult\w*))/
/\brefer(?:s|red|ring)\s+(?:pain|symptoms)\b/
/\bradiat\w*\s+(?:\w+\s+){0,3}?from\s+(?:the\s+)?(?:\w+\s+){0,2}?trigger\s+points?/
/\btrigger\s+points?\s+(?:\w+\s+){0,4}?radiat\w*/
# in other words: "the pain spreading from the tender points to another
# area", "pressing on the tender points reproduces pain elsewhere"
/\bpain\s+(?:spreading|spreads|spread|travel(?:l)?ing|travels|radiating|radiates|extending|extends|projecting|projects)\s+from\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:tender|trigger)\s+(?:points?|spots?|areas?)\b/
/\breproduc\w*\s+(?:the\s+|her\s+|his\s+)?(?:\w+\s+)?pain\s+(?:elsewhere|at\s+a\s+distance|distally|in\s+(?:a|an|another)\s+(?:distant\s+|different\s+)?(?:area|region|site|location))\b/

[chronic]
chronic pain
chronic pain syndrome
/\bchronic\s+(?:\w+\s+){0,5}?(?:pain|symptoms|complaints|condition|myofascial|sprain|strain)\b/
/\b(?:for|over|of)\s+(?:the\s+)?(?:past|last|over|more\s+than|greater\s+than|several|many)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a\s+few)?\s*years?\b/
/\b(?:for|over)\s+(?:the\s+)?(?:past|last|more\s+than|over)\s+(?:[4-9]|1[0-9]|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)\s+months\b/
/\b(?:persisted|persisting|present|ongoing)\s+for\s+(?:more\s+than|over|greater\s+than)\s+(?:three|3|six|6)\s+months\b/
# "symptoms have not persisted for three months" (negated: cites duration)
/\b(?:persisted|persisting|lasted)\s+(?:for|as\s+long\s+as)\s+(?:at\s+least\s+)?(?:three|3)\s+months\b/
/\b(?:more|greater|longer)\s+than\s+(?:three|3|four|4|five|5|six|6|twelve|12)\s+months\b/
/\blong-?standing\s+(?:\w+\s+){0,2}?pain\b/
# the pain's own duration or onset year: "has had low back pain for 5
# years", "neck pain for the last eight months", "neck pain since 2010"
/\b(?:pain|symptoms|complaints)\s+(?:\w+\s+){0,3}?(?:for|over)\s+(?:about\s+|approximately\s+|nearly\s+|almost\s+|the\s+(?:past|last)\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)\s+years?\b/
/\b(?:pain|symptoms|complaints)\s+(?:\w+\s+){0,3}?(?:for|over)\s+(?:about\s+|approximately\s+|nearly\s+|the\s+(?:past|last)\s+)?(?:[4-9]|1[0-9]|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)\s+months\b/
/\b(?:pain|symptoms|complaints)\s+(?:\w+\s+){0,3}?since\s+(?:19[89]\d|20[01]\d)\b/
# "too recent to be considered chronic", "has not yet become chronic"
/\b(?:considered|become|becomes|became|deemed|regarded\s+as|qualif(?:y|ies)\s+as|classified\s+as)\s+chronic\b/
/\b(?:present|persisted|persisting|ongoing|lasted|continued)\s+for\s+(?:about\s+|approximately\s+|nearly\s+|almost\s+|the\s+(?:past|last)\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+years?\b/

[acute]
# the pain called acute ("the low back pain is acute", "her complaints
# remain subacute"); a recital of ACOEM's "acute low back complaints"
# names no patient's pain
/\b(?:pain|complaints?|symptoms|condition|injury|problem)\s+(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?(?:acute|subacute)\b/
/\b(?:began|started|begun|onset)\s+(?:\w+\s+){0,2}?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days|weeks)\s+(?:before|ago|prior|earlier)/
/\b(?:symptoms|pain)\s+(?:have|has|had)\s+(?:only\s+)?(?:been\s+)?(?:present|persisted|lasted)\s+(?:for\s+)?(?:about\s+|approximately\s+|only\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days|weeks)\b/
/\bsubacute\b/
/\bacute\s+(?:\w+\s+){0,2}?(?:injury|strain|sprain|onset)\b/
/\b(?:injured|injury)\s+(?:\w+\s+){0,3}?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days|weeks)\s+(?:ago|prior|before|earlier)\b/
/\b(?:still\s+)?in\s+the\s+(?:acute|subacute)\s+(?:phase|stage|period)\b/

[injury_date]
injury
injured
date of injury
DOI
/\bonset\b/
/\bfell\b/
/\b(?:fall|slip|accident|strained|lifting|collision)\b/
# other verbs of an injury event before its date ("his van was struck from
# behind on 02/19/2013", "was rear-ended on", "twisted her back on",
# "tripped over a pallet on", "was crushed between two carts on")
/\b(?:struck|rear-?ended|twisted|tripped|slipped|crushed|pinned|assaulted|hurt)\b/
/\bincident\b/
# an onset year: "pain since 2012", "they began in 2010" (a bare year only;
# the year's last day is taken)
/\b(?:since|(?:began|begun|started|beginning|starting)\s+in|onset\s+in)(?=\s+(?:19|20)\d\d\b(?!\/))/

[physical_therapy]
physical therapy
physical therapies
physiotherapy
PT
home exercise*
home exercise program
HEP
stretching
stretching exercises
exercise program
/\btherapy\s+sessions?\b/
/\b(?:aquatic|pool)\s+therapy\b/
/\bphysical\s+medicine\s+treatment/

[radiculopathy]
# a reflex change is a nerve-root sign ("diminished left biceps reflex",
# "absent right Achilles reflex", "decreased patellar jerk", "hypoactive
# triceps reflexes")
/\b(?:diminished|decreased|reduced|absent|depressed|hypoactive|trace|asymmetric)\s+(?:(?:left|right|L|R|bilateral)\s+)?(?:biceps|triceps|brachioradialis|patellar|knee|Achilles|ankle|quadriceps|hamstring|deep\s+tendon)?\s*(?:jerks?|reflex(?:es)?|DTRs?)\b/
radiculopathy
radiculopathies
radicular pain
radicular symptoms
radicular complaints
radicular findings
radiculitis
radicular
nerve root impingement
nerve root compression
# nerve-root pain in any words: "irritation of the L5 nerve root", "nerve
# root in origin", "nerve root involvement"
/\bnerve[-\s]+roots?\s+(?:in\s+)?(?:irritation|involvement|compromise|pathology|dysfunction|origin|pain|symptoms|signs|tension)\b/
/\b(?:irritation|compression|impingement|involvement|entrapment)\s+of\s+(?:the\s+)?(?:(?:left|right|bilateral)\s+)?(?:[CLS][1-8](?:-[CLS]?[1-8])?\s+)?nerve[-\s]+roots?\b/
/\bdermatomal\s+(?:\w+\s+)?(?:numbness|sensory|loss|distribution|pattern|deficit)/
/\bpositive\s+(?:\w+\s+){0,2}?(?:straight\s+leg|SLR|slump|Spurling)/
/\bnumbness\s+(?:\w+\s+){0,3}?(?:[CLS][1-8]\b|dermatom\w*)/
/\b(?:straight\s+leg\s+rais\w*|SLR|slump\s+test|Spurling(?:'s)?)(?:\s+test)?\s+(?:\w+\s+){0,4}?(?:was|were|is)\s+positive/
/\b(?:decreased|diminished|reduced|absent)\s+sensation\s+(?:\w+\s+){0,4}?(?:L\d|S\d|C\d|dermatom\w*|distribution)/
/\b(?:decreased|diminished|reduced|absent)\s+(?:\w+\s+)?reflex\w*/

[radiculopathy_test]
# the tests of a nerve root, neutral: they deny radiculopathy only when
# negated ("SLR was negative", "EMG normal")
/\bSpurling(?:'s)?(?:\s+(?:test|sign|maneuver|manoeuvre))?/
straight leg raise
straight leg raising
straight leg test
straight leg raising test
SLR
/\bEMG(?:\/NCV|\/NCS)?\b/
/\bNC[VS]\b/
electrodiagnostic stud*
# "electrodiagnostic studies of the bilateral upper and lower extremities
# dated 1/8/2013 (which were normal)": the test with its limbs and date
/\b(?:electrodiagnostic\s+stud\w*|EMG(?:\/NC[VS])?(?:\s+stud\w*)?|nerve\s+conduction\s+stud\w*)\s+of\s+the\s+(?:\w+\s+){0,5}?extremit(?:y|ies)(?:\s+(?:dated|on|from|of)\s+\d{1,2}\/\d{1,2}\/\d{2,4})?/
nerve conduction stud*
radicular signs

[radiculopathy_screen]
# a general neurologic screen, neutral: when negated or normal ("reflexes
# 2+ and symmetric", "sensation intact", "neurologically intact") it denies
# radiculopathy only where nothing in the record affirms it
/\bDTRs?\b/
deep tendon reflexes
neurologic exam*
neurological exam*
neuro exam*
neurologic findings
sensory exam*
motor and sensory exam*
sensation
sensory deficit*
neurologic deficit*
neurological deficit*
focal neurologic deficit*
reflexes
# "neurologically intact", "Neuro: intact", "neurological testing was within
# normal limits"
/\bneuro(?:logic(?:al)?(?:ly)?|vascular(?:ly)?)?\b(?!\s*(?:surg|consult|referral))/
# "motor, sensory and reflex examinations were normal", "motor/sensory/reflex exam"
/\b(?:motor|sensory|reflex)(?:\s*(?:,|\/|and|or)\s*(?:and\s+)?(?:motor|sensory|reflex|DTR)\w*){0,3}\s+(?:exam\w*|testing|tests?|function|findings)\b/

[radicular_rule]
/\b(?:do|does|did)\s+not\s+(?:recommend|support)\s+(?:[\w-]+\s+){0,4}?for\s+(?:\w+\s+){0,2}?radicul\w*/
/\bnot\s+(?:recommended|indicated|supported)\s+for\s+(?:\w+\s+){0,2}?radicul\w*/
/\bradicul\w*\s+(?:\w+\s+){0,3}?(?:is\s+a\s+)?contraindicat\w*/
/\bin\s+the\s+presence\s+of\s+radicul\w*/
/\bnot\s+(?:appropriate|indicated|recommended|supported)\s+(?:\w+\s+){0,2}?(?:with|given|because\s+of|due\s+to|in\s+light\s+of)\s+(?:\w+\s+){0,3}?radicul\w*/
/\b(?:given|because\s+of|due\s+to|in\s+light\s+of)\s+(?:the\s+|his\s+|her\s+|this\s+)?(?:\w+\s+){0,2}?radicul\w*\s+(?:[\w,-]+\s+){0,10}?(?:not\s+(?:appropriate|indicated|recommended|supported|warranted)|contraindicated)/

[relief]
# a vague qualifier ("some benefit", "slightly improved", "temporary
# relief") documents no particular degree of relief: not an affirmation
/(?<!some |partial |minimal |limited |slight |modest |mild |temporary |transient |little |marginal |minor |mildly |slightly |somewhat |minimally |marginally |short-lived |short-term |brief )(?<!some pain |partial pain |minimal pain |limited pain |slight pain |modest pain |mild pain |temporary pain |transient pain |little pain |marginal pain |minor pain |mildly pain |slightly pain |somewhat pain |minimally pain |marginally pain |short-lived pain |short-term pain |brief pain )\b(?:pain\s+)?relief\b/
/(?<!some |partial |minimal |limited |slight |modest |mild |temporary |transient |little |marginal |minor |mildly |slightly |somewhat |minimally |marginally |short-lived |short-term |brief )\bimprove(?:ment|d)\b/
/(?<!some |partial |minimal |limited |slight |modest |mild |temporary |transient |little |marginal |minor |mildly |slightly |somewhat |minimally |marginally |short-lived |short-term |brief )\bbenefit(?:ed)?\b/
/(?<!some |partial |minimal |limited |slight |modest |mild |temporary |transient |little |marginal |minor |mildly |slightly |somewhat |minimally |marginally |short-lived |short-term |brief )\bhelp(?:ful|ed)\b/
done well
did well
doing well
effective
/(\d{1,3})\s*%\s+(?:\w+\s+){0,2}?(?:relief|improvement|reduction|better|decrease)/
/(\d{1,3})\s*(?:percent|per\s+cent)\s+(?:\w+\s+){0,2}?(?:relief|improvement|reduction)/
# "reduced her pain by approximately 20 percent"
/\b(?:reduc|decreas|lower|reliev)\w*\s+(?:(?:her|his|the|their)\s+)?(?:pain\s+)?(?:\w+\s+){0,2}?by\s+(?:about\s+|approximately\s+|roughly\s+|around\s+|~\s*)?(\d{1,3})\s*(?:%|percent|per\s+cent)/

[no_relief]
/\b(?:did|does|do)\s+(?:absolutely\s+|little\s+or\s+)?nothing\s+(?:for|to\s+(?:help|relieve))\b/
/\b(?:did|do|does|had|has|have)\s+not\s+(?:\w+\s+)?work(?:ed)?\b/
/\bof\s+(?:no|little)\s+(?:benefit|help|value)\b/
/\b(?:had|has|have|did|does)\s+not\s+(?:\w+\s+)?help(?:ed)?\b/
no change in function
/\bno\s+(?:lasting|significant|meaningful|sustained)\s+change\s+in\s+function/
no functional improvement
no functional gain
no improvement in function
/\bwithout\s+(?:any\s+)?functional\s+(?:change|improvement|gain|benefit)/
/\bfunction(?:al\s+\w+)?\s+(?:did|has|had|does)\s+not\s+improve/
/\bunchanged\s+function/
no relief
without relief
no benefit
no lasting benefit
not effective
ineffective
not helpful
did not help
didn't help
not been effective
had not been effective
no improvement
no significant relief
minimal relief
little relief
temporary relief
short-lived relief
/\b(?:relief|benefit|improvement)\s+(?:\w+\s+){0,2}?(?:only\s+)?(?:lasted|lasting)\s+(?:only\s+)?(?:\w+\s+)?(?:hours?|days?|a\s+week|a\s+few\s+weeks|(?:[1-5]|one|two|three|four|five)\s+weeks?)\b/
/\bwithout\s+(?:any\s+|significant\s+|lasting\s+|sustained\s+)?(?:relief|benefit|improvement)/
# relief shorter than the six weeks the criterion asks for
/\b(?:relief|benefit|improvement|helped|worked)\s+(?:\w+\s+){0,2}?for\s+(?:only\s+)?(?:about\s+|approximately\s+)?(?:hours?|days?|a\s+week|a\s+few\s+(?:days|weeks)|\d{1,2}\s+days|(?:[1-5]|one|two|three|four|five)\s+weeks?)\b/
/\b(?:wore|wears|worn|wearing)\s+off\s+(?:after|within|in)\s+(?:only\s+)?(?:about\s+|approximately\s+)?(?:hours?|days?|a\s+week|a\s+few\s+(?:days|weeks)|\d{1,2}\s+days|(?:[1-5]|one|two|three|four|five)\s+weeks?)\b/
/\b(?:did|does|do|has|had)\s+not\s+last\b/

[count]
# the first capturing group is the number
/\bquantity\s*(?:of\s*)?:?\s*(\d{1,3})\b/
/\bquantity\s*(?:of\s*)?:?\s*(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/
/\bqty\.?\s*:?\s*(\d{1,3})\b/
# "trigger point injections, four (4)", "..., 4 units"
/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*\(\s*\d{1,2}\s*\)(?!\s*(?:weeks?|days?|months?|years?|visits?|sessions?|times|tablets?|mg|hours?)\b)/
/,\s*(\d)\s+units?\b/
/\(\s*x\s*(\d{1,3})\s*\)/
/\bx\s*(\d{1,2})\b(?!\s*(?:weeks?|days?|months?|mg))/
/#\s*(\d{1,2})\b/
/\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|single)\s+(?!(?:mg|mcg|ml|cc|units?|milligrams?|percent)\b)(?:\w+\s+){0,2}?(?:trigger\s+points?|TPIs?|injections?|sites|points|muscles)\b/
/\b(?:trigger\s+point\s+injections?|TPIs?)\s*x\s*(\d{1,2})\b/
/\b(?:trigger\s+point\s+injections?|TPIs?)\s*\(\s*x?\s*(\d{1,2})\s*\)/
/\b(?:trigger\s+point\s+injections?|TPIs?)\s*\(\s*(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*\)/
/\b(?:injections?|TPIs?)\s+(?:to|into|at|in)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:\w+\s+){0,2}?(?:trigger\s+points?|sites|points|areas|locations|muscles)\b/

[other_service]
# other treatments a request sentence may list beside the injections: a
# count after one of them ("and acupuncture x 6", "Norco #90") is theirs
acupuncture
chiropractic
chiropractor
massage
TENS
H-wave
aquatic therapy
occupational therapy
work hardening
functional restoration
home exercise
psychotherapy
cognitive behavioral
office visit*
follow-up visit*
consultation*
MRI
EMG
NCV
NCS
x-ray*
CT scan*
Norco
hydrocodone
oxycodone
OxyContin
Percocet
tramadol
Ultram
codeine
morphine
opioid*
gabapentin
Neurontin
Lyrica
pregabalin
Cymbalta
duloxetine
omeprazole
Prilosec
Ambien
Lidoderm
topical*
compound*
cream*
patch*
tablets

[other_injection]
epidural
ESI
ESIs
facet
medial branch
nerve block
radiofrequency
joint injection
intra-articular
bursa injection
hip steroid injection
shoulder injection
knee injection
selective nerve root
SNRB
/\b(?:IM|intramuscular)\s+(?:\w+\s+)?(?:injection|shot)/

[performed]
had
has had
got
performed
administered
received
given
underwent
had undergone
was injected
were injected
status post
s/p
/\bDOS\b/
# a dated injection happened: "the injections of 09/15/2014"
/\binjections?\s+(?:of|on|dated)\s+\d{1,2}\/\d{1,2}\/\d{2,4}/
/\bdate\s+of\s+service/
/\bprior\b/
/\bprevious\w*/
/\blast\b/
# injections dated to a past year, or that "used" a substance
/\b(?:injections?|TPIs?)\s+(?:in|during)\s+(?:19|20)\d\d\b/
/\b(?:injections?|TPIs?)\s+(?:[\w-]+\s+){0,4}?used\b/

[injection_word]
# an injection named without "trigger point" (used for repeat intervals)
injection
injections
TPI
TPIs
shots
/\b(?:first|second|third|prior|previous|last|earlier|another|repeat)\s+(?:set|round|series)\b/
# "two trigger points ... are to be injected"
injected

[interval]
# time between injections; the first capturing group is the number, the
# unit (days, weeks, months, years) is read from the matched text
/\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|years?)\s+(?:later|after\s+(?:the|his|her|that|those)?\s*(?:first|last|prior|previous|initial)?\s*(?:set|injections?|TPIs?|procedure)|since\s+(?:the|his|her|then|that)|before\s+(?:this|the)\s+request|prior\s+to\s+(?:this|the)\s+request|apart|earlier)/
/\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|years?)\s+(?:have|had|has)\s+(?:now\s+)?(?:passed|elapsed)/
/\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?)\s+(?:after|following|since)\s+(?:the|his|her|that)\s+(?:last|prior|previous|first|initial|earlier)\b(?!\s+(?:visit|exam\w*|evaluation|appointment|note|report))/
# "had trigger point injections one month ago": the injection, then the
# time since it (an injury "3 weeks ago" names no injection before it)
/\b(?:injections?|TPIs?|injected|injection\s+was\s+(?:given|done|performed))\s+(?:[\w/-]+\s+){0,6}?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?)\s+ago\b/
/\binterval\s+of\s+(?:only\s+|about\s+|approximately\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?)/

[relief_duration]
# how long a prior injection's relief lasted (group 1 the number; the unit
# is read from the text): "helped for about three days", "relief lasting
# two weeks", "relief x 3 wks"; shorter than the pack's repeat_relief
# at_least_days, the relief does not qualify
/\b(?:for|lasting|lasted|lasts|persisting|persisted|x)\s*(?:about\s+|approximately\s+|only\s+|roughly\s+|nearly\s+|almost\s+|around\s+|up\s+to\s+|~\s*)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:days?|weeks?|wks?|months?|mos?)\b/

[request]
requested
request for
requesting
request is for
sought
recommended
planned
to be performed

[radiating]
# referred pain when the sentence is about trigger points, not nerve roots
radiating
radiates
radiated
radiation of pain
spreading
# other verbs of spreading pain, from a trigger point ("pressure on the TrPs
# produces pain that travels up to the occiput", "reproduced pain extending
# into the lateral thigh", "causes pain that spreads toward the scapula")
/\b(?:travel(?:s|ed|led|ing)?|spread(?:s)?|extend(?:s|ed|ing)|project(?:s|ed|ing))\s+(?:\w+\s+){0,2}?(?:up|down|into|to|toward|towards|along|over|across|distally|proximally)\b/
# "compression of the points reproduced her aching into the left buttock"
/\breproduc(?:es|ed|ing)\s+(?:(?:his|her|the|their|a|familiar|typical|usual|concordant)\s+){0,2}(?:pain|aching|ache|symptoms|discomfort)\s+(?:in)?to(?:ward|wards)?\b/

[region_elsewhere]
# a limb as the object of a therapy ("physical therapy for her knee", "PT
# to the right wrist", "therapy for the left hip"): that therapy treated
# it, not the spine ("PT for the neck and shoulder" names the neck first)
/\b(?:(?:his|her|their|the|a)\s+)?(?:(?:left|right|bilateral|both)\s+)?(?:knees?|elbows?|wrists?|hands?|ankles?|feet|foot|fingers?|thumbs?|forearms?|hips?|shoulders?|carpal\s+tunnel)\b/

[region_lumbar]
# body regions: a summary sentence naming only regions other than the ones
# an item's title names does not describe that item
lumbar
lumbosacral
low back
lower back
paralumbar
quadratus lumborum
gluteus*
gluteal
buttock*
piriformis
sacroiliac
hip
hips
/\b[LS][1-5]\b/
/\bL[1-5]-[1-5S]\b/
Achilles
# lower-limb neurologic signs belong to the lumbar spine
straight leg raise*
straight-leg raise*
SLR
lower extremit*
lower limb*
sciatic*
patellar
/\blegs?\b/
/\bcalf\b/

[region_cervical]
cervical
neck
trapezius
trapezial
levator scapula*
rhomboid*
upper back
suboccipital
occiput
scalene*
shoulder*
/\bC[1-7]\b/
# upper-limb neurologic signs belong to the cervical spine
Spurling*
upper extremit*
upper limb*
/\bupper\s+(?:and|&|or)\s+lower\s+(?:extremit|limb)/
/\barms?\b/
biceps
triceps
brachioradialis
splenius*
semispinalis
sternocleidomastoid
SCM

[region_thoracic]
# the upper back overlaps the neck region: a term may sit in two regions
trapezius
rhomboid*
scapula*
interscapular
thoracic
mid back
midback
upper back
/\bT(?:[1-9]|1[0-2])\b/
