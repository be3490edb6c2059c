# esi.lex - the ESI pack's own sections (pack.lua names them). Literal
# phrases and /PCRE2/ fragments as in rules/lexicon/README.md; a section
# named like a shared one ([negation_pre]) would extend that one instead.

# The request or an injection of this kind.
[esi_request]
epidural steroid injection*
epidural injection*
epidural block*
epidural*
/\b(?:TF|IL|C|L|T)?ESIs?\b/
/\bTFE\b/
transforaminal
interlaminar
translaminar
caudal
selective nerve root block*
/\bSNRBs?\b/

# A prior injection of this kind (the relief and block count read near it).
[esi_prior]
/\b(?:prior|previous|last|earlier|recent|first|second|third|initial|preceding|most\s+recent)\s+(?:\w+\s+){0,3}?(?:(?:TF|IL|C|L)?ESIs?|epidurals?|injections?|blocks?|procedures?)\b/
/\b(?:had|received|underwent|undergone|got|given|s\/p|status\s+post)\s+(?:[\w\/-]+\s+){0,4}?(?:epidural\s+(?:steroid\s+)?injections?|(?:TF|IL|C|L)?ESIs?|epidurals?)\b/
/\b(?:(?:TF|IL|C|L)?ESIs?|epidurals?|injections?|blocks?)\s+(?:(?!requested|proposed|planned|scheduled|recommended|ordered|sought)\w+\s+){0,3}?(?:on|dated|performed|done|given)\s+(?:on\s+)?\d{1,2}\/\d{1,2}\/\d{2,4}/
/\bafter\s+(?:the|his|her|each|both)\s+(?:\w+\s+){0,2}?(?:ESIs?|epidurals?|injections?|blocks?)\b/

# Radiculopathy on physical examination: the signs themselves. Radiating
# pain, sciatica or a diagnosis alone is not an exam finding.
[esi_exam]
# shorthand: "decr sens L5 derm", "R Achilles DTR 1+"
/\b(?:decr(?:eased)?|dec|dimin(?:ished)?|red(?:uced)?)\.?\s+(?:sens(?:ation)?|sensory)\.?\s+(?:(?:to\s+)?(?:LT|PP|light\s+touch|pinprick)\s+)?(?:(?:in\s+)?(?:the\s+)?(?:[LR]|left|right)\s+)?(?:[CLS][1-8]\s+)?derm(?:atome|atomal)?\b/
/\b(?:Achilles|ankle|patellar|knee|biceps|triceps|brachioradialis)\s+(?:DTR|reflex|jerk)s?\s+(?:(?:[LR]|left|right)\s+)?(?:0|1\+|trace|absent|dimin\w*|decr\w*|hypoactive)(?!\w)/
/\b(?:diminished|decreased|reduced|absent|depressed|hypoactive|trace|asymmetric|diminution\s+of|loss\s+of)\s+(?:(?:the\s+)?(?:left|right|L|R|bilateral)\s+)?(?:biceps|triceps|brachioradialis|patellar|knee|Achilles|ankle|quadriceps|hamstring|deep\s+tendon)?\s*(?:jerks?|reflex(?:es)?|DTRs?)\b/
/\b(?:(?:left|right)\s+)?(?:Achilles|ankle|patellar|knee|biceps|triceps|brachioradialis)\s+(?:jerk|reflex)(?:es)?\s+(?:\w+\s+){0,3}?(?:diminished|decreased|reduced|absent|hypoactive|trace|1\+|0)\b/
/\b(?:diminished|decreased|reduced|absent|altered|impaired|loss\s+of|blunted)\s+(?:light\s+touch\s+|pinprick\s+|pin\s+prick\s+)?(?:sensation|sensory|light\s+touch|pinprick|pin\s+prick)\s+(?:\w+\s+){0,6}?(?:[CLS][1-8]\b|dermatom\w*|distribution|aspect|foot|leg|thigh|calf|arm|forearm|hand|thumb|finger\w*|toe\w*|shin)/
/\b(?:hypoesthesia|hypesthesia|hypoaesthesia|dysesthesia|paresthesia)s?\s+(?:\w+\s+){0,5}?(?:[CLS][1-8]\b|dermatom\w*|distribution)/
/\b(?:[CLS][1-8])\s+(?:dermatom\w*|distribution)\s+(?:\w+\s+){0,3}?(?:hypoesthesia|hypesthesia|numbness|sensory\s+(?:loss|deficit)|decreased\s+sensation)/
/\bdermatomal\s+(?:\w+\s+)?(?:sensory\s+)?(?:loss|deficit|hypoesthesia|numbness|change)/
/\bsensory\s+(?:loss|deficit|change)s?\s+(?:\w+\s+){0,4}?(?:[CLS][1-8]\b|dermatom\w*|distribution)/
/\b(?:weakness|weak)\s+(?:\w+\s+){0,5}?(?:EHL|extensor\s+hallucis|dorsiflex\w*|plantar\s*flex\w*|eversion|inversion|quadriceps|hip\s+flex\w*|wrist\s+ext\w*|biceps|triceps|deltoid|grip|toe\s+ext\w*|great\s+toe|ankle)/
/\b(?:EHL|extensor\s+hallucis\s+longus|dorsiflex\w*|plantar\s*flex\w*|quadriceps|biceps|triceps|deltoid|wrist\s+extens\w*|grip|ankle\s+dorsiflex\w*)\s+(?:\w+\s+){0,4}?(?:strength\s+)?(?:is\s+|was\s+)?(?:[0-4]\+?\/5|[0-4]-\/5|weak(?:ness)?)\b/
/\b[0-4][+-]?\/5\s+(?:\w+\s+){0,3}?(?:strength|weakness)?\s*(?:\w+\s+){0,2}?(?:in|of|at|with)\s+(?:the\s+)?(?:(?:left|right)\s+)?(?:EHL|extensor|dorsiflex\w*|plantar\s*flex\w*|quadriceps|biceps|triceps|deltoid|wrist|grip|ankle|great\s+toe|hip)/
/\b(?:motor|myotomal)\s+(?:weakness|deficit)s?\b/
/\bpositive\s+(?:\w+\s+){0,3}?(?:straight[-\s]+leg|SLR|slump|Spurling|femoral\s+(?:nerve\s+)?stretch|Lasegue|crossed)/
/\b(?:straight[-\s]+leg[-\s]+rais\w*|SLR|slump\s+test|Spurling(?:'s)?(?:\s+(?:test|sign|maneuver))?|Lasegue(?:'s)?)(?:\s+test)?\s+(?:\w+\s+){0,4}?(?:was|were|is|are)\s+(?:\w+\s+)?positive/
/\b(?:straight[-\s]+leg[-\s]+rais\w*|SLR|Spurling(?:'s)?|slump)(?:\s+(?:test|sign|maneuver))?\s*(?::\s*)?(?:positive|\+|\(\+\)|pos\b)/
/\(\+\)\s*(?:SLR|Spurling(?:'s)?)/
/(?<![\w)])\+\s?(?:SLR|Spurling)\b/
/\bSLR\s+(?:\+|pos)\s+(?:at\s+)?\d+/
/\b(?:focal\s+)?(?:neurologic(?:al)?|sensory|motor|radicular)\s+deficits?\b/
/\bobjective\s+(?:\w+\s+){0,2}?(?:radicular|neurologic(?:al)?)\s+(?:findings|signs|deficits?)\b/

# A normal examination of the nerve roots: documents the absence.
[esi_exam_normal]
/\b(?:straight[-\s]+leg[-\s]+rais\w*|SLR|Spurling(?:'s)?|slump)(?:\s+(?:test|sign|maneuver))?\b[^.;]{0,100}?\b(?:was|were|is|are)\s+not\s+positive\b/
/\bneg(?:ative)?\s+(?:SLR|Spurling(?:'s)?)\b/
/\b(?:straight[-\s]+leg[-\s]+rais\w*|SLR|Spurling(?:'s)?|slump)(?:\s+(?:test|sign|maneuver|testing))?\s+(?:\w+\s+){0,4}?(?:negative|neg)\b/
/\bnegative\s+(?:\w+\s+){0,3}?(?:straight[-\s]+leg|SLR|Spurling|slump)/
/\b(?:SLR|straight[-\s]+leg[-\s]+rais\w*)\s*(?::\s*)?(?:-|\(-\)|neg)(?!\w)/

# One normal part of the neurologic examination: documents no
# radiculopathy only where no sign affirms it (pack.lua `weak_deny`).
[esi_exam_screen]
/\bno\s+(?:\w+\s+){0,2}?deficits?\s+(?:was|were)\s+(?:found|noted|identified|detected|elicited|present)\b/
/\b(?:sensation|sensory\s+exam\w*|sensory\s+function|light\s+touch)\s+(?:\w+\s+){0,5}?(?:intact|normal|within\s+normal\s+limits)/
/\b(?:reflexes|DTRs?)\s+(?:\w+\s+){0,5}?(?:2\+|symmetric\w*|normal|intact)/
/\b(?:motor\s+strength|strength|motor(?:\s+exam\w*)?)\s+(?:\w+\s+){0,5}?(?:5\/5|normal|intact|full)/
/\b5\/5\s+(?:\w+\s+){0,3}?(?:strength|motor)/
/\bneurologically\s+intact\b/
/\b(?:normal|non-?focal|unremarkable)\s+(?:\w+\s+)?(?:neurologic(?:al)?|neuro|sensory|motor)\s+(?:exam\w*|findings)/
/\b(?:neurologic(?:al)?|neuro)\s+(?:exam\w*\s+)?(?:\w+\s+){0,3}?(?:was\s+|is\s+)?(?:normal|non-?focal|unremarkable|intact)/

# "No new / progressive / worsening deficit" denies no deficit: it speaks of
# a change (extends the shared pseudo-negations).
[pseudo_negation]
/\bno\s+(?:new|progressive|progression\s+of|worsening|increasing)\b/
/\bwithout\s+(?:new|progressive|progression\s+of|worsening|increasing)\b/

# Imaging or electrodiagnostic corroboration of a nerve-root lesion.
[esi_corroborated]
/\b(?:nerve[-\s]+root|neural|radicular|thecal\s+sac)\s+(?:\w+\s+){0,2}?(?:impingement|compression|compromise|contact|displacement|abutment|encroachment|effacement|irritation)/
/\b(?:impinging|impinges|impinged|compressing|compresses|compressed|contacting|contacts|abutting|abuts|displacing|displaces|effacing|deflecting|encroaching\s+(?:on|upon))\s+(?:on\s+|upon\s+)?(?:[\w\/,-]+\s+){0,8}?(?:nerve[-\s]+)?roots?\b/
/\b(?:impingement|compression|contact|abutment|displacement|encroachment)\s+(?:of|on|upon)\s+(?:[\w\/,-]+\s+){0,10}?(?:nerve[-\s]+)?roots?\b/
/\b(?:moderate|severe|marked|significant|moderate[-\s]+to[-\s]+severe|high[-\s]+grade)\s+(?:[\w\/-]+\s+){0,3}?(?:neural\s+)?(?:neuro)?foramin(?:al|a)\s+(?:stenosis|narrowing|encroachment)/
/(?<!mild )(?<!minimal )(?<!minor )(?<!slight )\b(?:neural\s+|neuro)?foramin(?:al|a)\s+(?:stenosis|narrowing|encroachment)(?!\s+(?:is|was)\s+(?:mild|minimal))/
/\b(?:EMG|NCS|NCV|electrodiagnostic\w*|nerve\s+conduction)(?:\/(?:NCS|NCV|EMG))?\s+(?:[\w\/.,-]+\s+){0,8}?(?:show\w*|reveal\w*|demonstrat\w*|confirm\w*|consistent\s+with|positive\s+for|document\w*|evidence\s+of|findings\s+of|diagnostic\s+of|c\/w|indicat\w*)\s+(?:(?!no\b|not\b|without\b|neither\b)[\w\/,-]+\s+){0,5}?(?:radiculopath\w*|denervation|root\s+(?:lesion|involvement))/
/\belectrodiagnostic\s+evidence\s+of\s+(?:\w+\s+){0,3}?radiculopathy/
/\b(?:acute|chronic|active)\s+denervation\b/
/\b(?:EMG|electrodiagnostic)\w*(?:\/NC[SV])?\s*:\s*(?:[\w\/,-]+\s+){0,5}?(?:radiculopathy|radic\b)/
/\bradiculopathy\s+(?:\w+\s+){0,3}?(?:on|by|per)\s+(?:EMG|NCS|electrodiagnostic\w*|nerve\s+conduction|MRI|imaging|CT)/
/\bcorroborated\s+by\s+(?:the|an?|his|her|their|both\s+the)\s+(?:\w+\s+){0,2}?(?:MRI|imaging|CT|EMG|electrodiagnostic\w*|nerve\s+conduction|myelogra\w*)/
/\b(?:MRI|imaging|CT|EMG|electrodiagnostic\w*|study|studies)\s+(?:[\w\/.,-]+\s+){0,4}?(?:does\s+|do\s+|did\s+)?(?:corroborat\w*|confirm\w*)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:exam\w*|clinical|radicul\w*|findings|diagnosis)/
/\b(?:disc|disk)\s+(?:herniation|protrusion|extrusion|bulge|osteophyte\s+complex)\s+(?:\w+\s+){0,8}?(?:impinging|compressing|contacting|abutting|displacing|effacing)\s+(?:\w+\s+){0,4}?(?:roots?|nerves?)\b/

# Imaging or electrodiagnostics that show no nerve-root lesion.
[esi_corroborated_normal]
/\b(?:EMG|NCS|NCV|electrodiagnostic\w*|nerve\s+conduction)(?:\/(?:NCS|NCV|EMG))?(?:\s+stud(?:y|ies))?\s+(?:[\w/.,-]+\s+){0,8}?(?:was|were|is|are)\s+(?:\w+\s+)?(?:normal|negative|unremarkable|within\s+normal\s+limits)/
/\b(?:normal|negative|unremarkable)\s+(?:\w+\s+){0,2}?(?:EMG|NCS|NCV|electrodiagnostic\w*|nerve\s+conduction)/
/\b(?:EMG|NCS|NCV)(?:\/(?:NCS|NCV|EMG))?\s*(?::|-)?\s*(?:normal|negative|unremarkable|WNL|nl|nml)\b/
/\b(?:nml|nl|WNL)\s+(?:EMG|NCS|NCV)\b/
# a study that looked and found none ("EDX found no evidence of radiculopathy")
/\b(?:EMG|NCS|NCV|electrodiagnostic\w*|MRI|CT|imaging|study|studies|testing)\b[^.;]{0,60}?\b(?:found|showed|revealed|demonstrated)\s+no\s+(?:\w+\s+){0,2}?(?:evidence\s+of\s+)?(?:radiculopathy|nerve[-\s]+root|neural|compression|impingement)/
/\b(?:MRI|CT|imaging|myelogram)\s+(?:\w+\s+){0,6}?(?:was|were|is)\s+(?:\w+\s+)?(?:normal|unremarkable|negative)/
/\bwithout\s+(?:\w+\s+){0,2}?(?:neural|nerve[-\s]+root|neuroforaminal|foraminal|thecal)\s+(?:compromise|impingement|compression|encroachment|stenosis|narrowing)/
/\bno\s+(?:\w+\s+){0,2}?(?:neural|nerve[-\s]+root|neuroforaminal|foraminal|thecal)\s+(?:compromise|impingement|compression|encroachment|stenosis|narrowing)/
/\bno\s+(?:electrodiagnostic|EMG)\s+evidence\s+of\s+(?:\w+\s+){0,2}?radiculopathy/

# Conservative treatment tried without adequate or lasting relief.
[esi_conservative]
/\b(?:failed|exhausted|failure\s+of|unresponsive\s+to|refractory\s+to|recalcitrant\s+to|not\s+responded\s+to|no\s+response\s+to|did\s+not\s+respond\s+to|has\s+not\s+responded\s+to|have\s+not\s+helped|despite)\s+(?:\w+\s+){0,4}?(?:conservative|physical\s+therapy|PT|therapy|NSAIDs?|anti-?inflammator\w*|medications?|muscle\s+relaxants?|chiropractic|home\s+exercise|exercises?|acupuncture|rest|activity\s+modification|ibuprofen|naproxen|meloxicam|cyclobenzaprine|tizanidine|gabapentin)/
/\b(?:conservative\s+(?:care|treatment|management|measures|therapy)|physical\s+therapy|PT|NSAIDs?|chiropractic|home\s+exercise(?:\s+program)?|HEP|medications?)\s+(?:\w+\s+){0,6}?(?:without|with\s+no|with\s+little|with\s+minimal|with\s+only\s+\w+|w\/o|failed|did\s+not\s+help|didn't\s+help|did\s+not\s+provide|provided\s+(?:no|little|minimal|only\s+\w+)|not\s+helpful|no\s+(?:lasting\s+|significant\s+|sustained\s+)?(?:relief|benefit|improvement))\s*(?:\w+\s+){0,2}?(?:relief|benefit|improvement|help|response|success|effect)?/
/\b(?:no|without|little|minimal|temporary|transient|short-lived|no\s+lasting|no\s+sustained|no\s+significant)\s+(?:\w+\s+){0,2}?(?:relief|benefit|improvement|response)\s+(?:from|with|after|to)\s+(?:\w+\s+){0,3}?(?:conservative|physical\s+therapy|PT|therapy|NSAIDs?|anti-?inflammator\w*|medications?|muscle\s+relaxants?|chiropractic|exercise|acupuncture)/
/\bpersist\w*\s+(?:\w+\s+){0,4}?despite\b/
/\btried\s+and\s+failed\b/

# Conservative treatment not tried, or still helping.
[esi_conservative_none]
/\b(?:has\s+not|hasn't|have\s+not|not\s+yet|never)\s+(?:\w+\s+){0,2}?(?:tried|attempted|undergone|had|started|completed|received|participated\s+in)\s+(?:\w+\s+){0,3}?(?:conservative|physical\s+therapy|physiotherapy|PT|therapy|NSAIDs?|exercise|rehabilitation|home\s+(?:exercise|stretching)|stretching|a\s+home)/
/\bno\s+(?:prior\s+|previous\s+|formal\s+)?(?:conservative\s+(?:care|treatment|management)|physical\s+therapy|physiotherapy|PT|HEP)\s+(?:to\s+date|yet|so\s+far|as\s+of\s+yet)\b/
# a treatment that worked and keeps working is not failed
/(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)(?<!\bnot\s)(?<!\bnever\s)\b(?:relieved|relieves|controls|controlled)\s+(?:her|his|their|the)\s+(?:\w+\s+)?pain\b(?!\s+(?:only|partially|temporarily|briefly|for\s+(?:a|only)|somewhat|slightly))/
/(?<!\bnot\s)\b(?:well|adequately)\s+controlled\s+(?:with|on|by)\b/
/\bno\s+(?:prior\s+|previous\s+|formal\s+)?(?:conservative\s+(?:care|treatment|management)|physical\s+therapy|PT)\s+(?:\w+\s+){0,3}?(?:has\s+been|was|were|have\s+been)\s+(?:tried|attempted|provided|completed|documented|done)/
/\b(?:physical\s+therapy|PT|conservative\s+(?:care|treatment))\s+(?:\w+\s+){0,3}?(?:is|was)\s+(?:helping|helpful|effective|working|improving)/
/\b(?:improving|improved|responding|responded\s+well)\s+(?:\w+\s+){0,2}?(?:with|to)\s+(?:\w+\s+){0,2}?(?:physical\s+therapy|PT|conservative\s+(?:care|treatment))/

[esi_conservative_cite]
conservative care
conservative treatment
conservative management
conservative measures
conservative therapy
/\bunresponsive(?:ness)?\s+to\s+(?:\w+\s+){0,2}?(?:conservative|treatment)/
/\bfailure\s+of\s+(?:\w+\s+){0,2}?(?:conservative|treatment|therapy)/
/\b(?:a\s+)?trial\s+of\s+(?:\w+\s+){0,2}?(?:physical\s+therapy|PT|conservative|exercise)/

# Image guidance.
[esi_fluoroscopy]
fluoroscop*
fluoro
/\bfluoroscopically\b/
/\bC-?arm\b/
image guidance
imaging guidance
image-guided
image guided
/\bunder\s+(?:\w+\s+)?(?:imaging|image|radiographic|CT)\s+guidance\b/

[esi_fluoroscopy_none]
/\bwithout\s+(?:\w+\s+){0,2}?(?:fluoroscop\w*|fluoro|imaging\s+guidance|image\s+guidance|guidance)/
/\b(?:blind(?:ly)?|landmark[-\s]+(?:based|guided))\s+(?:\w+\s+){0,2}?(?:injection|technique|approach|placement)/

# The approach (a class each).
[esi_transforaminal]
transforaminal
/\bTF\s*-?\s*ESIs?\b/
/\bTFESIs?\b/
/\bTFEs?\b/
selective nerve root block*
/\bSNRBs?\b/

[esi_interlaminar]
interlaminar
translaminar
/\bIL\s*-?\s*ESIs?\b/
/\bILESIs?\b/

[esi_caudal]
caudal

# A series: several injections authorized at once.
[esi_series]
/\bseries\s+of\s+(?:three|3|two|2|four|4)\b/
/\b(?:three|3)[-\s]+(?:injection|shot|block)\s+series\b/
/\bseries\s+of\s+(?:\w+\s+){0,2}?(?:injections|ESIs|epidurals|blocks)\b/
/\b(?:ESIs?|epidurals?|epidural\s+(?:steroid\s+)?injections?|blocks?)\s*(?:x|X|×)\s*(?:3|three)\b/
/\b(?:three|3)\s+(?:\(\s*3\s*\)\s+)?(?:\w+\s+){0,3}?(?:epidural\s+(?:steroid\s+)?injections|ESIs|epidurals)\b/

[esi_series_cite]
series of three
series of injections
/\bseries\b/

# Relief after a prior injection: the repeat-block criterion.
[esi_relief]
/\b(?:\d{1,3}\s*(?:%|percent))\s+(?:\w+\s+){0,3}?(?:relief|improvement|reduction|better|decrease)/

[esi_relief_none]
/\b(?:no|little|minimal|minor|slight|limited|temporary|transient|brief|short-lived|short-term|partial)\s+(?:\w+\s+){0,2}?(?:relief|benefit|improvement|response)\s+(?:\w+\s+){0,4}?(?:from|with|after|following|to)\s+(?:\w+\s+){0,4}?(?:ESIs?|epidurals?|injections?|blocks?|procedure)/
/\b(?:ESIs?|epidurals?|injections?|blocks?)\s+(?:\w+\s+){0,6}?(?:did\s+not\s+help|didn't\s+help|not\s+helpful|was\s+ineffective|were\s+ineffective|provided\s+(?:no|little|minimal|only\s+(?:\w+\s+){0,2}?(?:temporary|transient|brief|short-lived|partial|minimal|modest)))/
/\bwore\s+off\b/

[esi_relief_cite]
repeat
repeat injection*
repeat block*
repeat epidural*
/\b(?:objective\s+)?(?:documented\s+)?(?:pain\s+)?relief\s+(?:\w+\s+){0,3}?(?:prior|previous|last|first)\s+(?:\w+\s+)?(?:ESI|injection|epidural|block)/
/\b(?:50|fifty)\s*(?:%|percent)\b/
/\breduction\s+(?:\w+\s+){0,2}?medication/
/\bmedication\s+(?:\w+\s+){0,2}?reduction/
/\bresponse\s+to\s+(?:the\s+)?(?:prior|previous|first|last|initial)\b/

[esi_exam_cite]
/\b(?:objective\s+)?(?:physical\s+)?exam(?:ination)?\s+findings\b/
/\b(?:objective|physical|clinical|exam(?:ination)?)\s+(?:\w+\s+){0,2}?(?:evidence|findings|signs|documentation)\s+of\s+(?:\w+\s+){0,2}?radiculopathy/
/\bradiculopathy\s+(?:\w+\s+){0,3}?(?:on|by)\s+(?:physical\s+)?exam(?:ination)?/
/\b(?:dermatomal|myotomal)\s+(?:\w+\s+)?(?:deficit|findings|loss)/
/\bneurologic(?:al)?\s+deficits?\b/
/\bobjective\s+(?:\w+\s+){0,2}?(?:radicular|neurologic(?:al)?)\s+(?:findings|signs|deficits?)/

[esi_corroborated_cite]
corroborat*
/\b(?:imaging|MRI|electrodiagnostic|EMG(?:\/NC[SV])?)\s+(?:\w+\s+){0,2}?(?:studies|study|findings|evidence|corroboration|confirmation|support)\b/
/\bcorroborat\w*\s+(?:\w+\s+){0,3}?(?:imaging|electrodiagnostic)/

[esi_fluoroscopy_cite]
fluoroscop*
image guidance
imaging guidance

[esi_levels_cite]
/\b(?:more\s+than|over|exceeds?|exceeding)\s+(?:two|2|one|1)\s+(?:\w+\s+){0,2}?(?:levels?|nerve\s+root\s+levels?)/
/\b(?:number\s+of\s+levels|levels\s+requested|multi-?level|multiple\s+levels|too\s+many\s+levels)\b/
/\bno\s+more\s+than\s+(?:two|2|one|1)\s+(?:\w+\s+){0,2}?levels?\b/

[esi_blocks_cite]
/\b(?:four|4)\s+blocks?\s+(?:per|a|in\s+a|each)\s+(?:region\s+per\s+)?year/
/\bblocks?\s+per\s+(?:region\s+per\s+)?year/
/\b(?:more\s+than|exceed\w*)\s+(?:four|4)\s+(?:\w+\s+)?(?:blocks|injections)/

# Conservative treatments the shared therapy sections do not name (an
# outcome phrase counts for failed conservative treatment only in a
# sentence naming a treatment: pack.lua `with`).
[esi_therapy]
chiropractic*
acupuncture
home exercise*
/\bHEP\b/
exercise program*
stretching
/\bTENS\b/
activity modification
medications
medication management
/\b(?:ibuprofen|naproxen|Naprosyn|meloxicam|Mobic|diclofenac|celecoxib|Celebrex|etodolac|nabumetone|tizanidine|cyclobenzaprine|Flexeril|Soma|carisoprodol|methocarbamol|baclofen|gabapentin|Neurontin|pregabalin|Lyrica)\b/

# Phrases that by their own words state a criterion unmet (pack.lua
# `unmet`): a rationale using one cites the criterion.
[esi_relief_unmet]
/\b(?:response|relief|benefit)\b[^.;]{0,80}?\b(?:cannot|can\s*not|could\s+not|will\s+not)\s+(?:yet\s+)?be\s+(?:known|assessed|determined|judged|evaluated|established)/
/\b(?:second|repeat|another|further|additional|subsequent)\s+(?:\w+\s+){0,2}?(?:injections?|blocks?|ESIs?|epidurals?)\s+(?:cannot|can\s*not|should\s+not|may\s+not)\s+be\s+(?:authorized|approved|certified|pre-?authorized)\s+in\s+advance/
/\b(?:criteria|requirements?|conditions?|indications?)\s+for\s+(?:a\s+)?(?:repeat|second|further|additional|another|subsequent)\s+(?:\w+\s+)?(?:blocks?|injections?|ESIs?|epidurals?)\s+(?:\w+\s+)?(?:are|is|were|was|has|have)\s+(?:been\s+)?not\s+(?:been\s+)?(?:met|satisfied|fulfilled)/
/\b(?:response|relief|benefit)\s+(?:[\w,-]+\s+){0,6}?(?:cannot|can\s*not|could\s+not|will\s+not|is\s+not|was\s+not)\s+(?:yet\s+)?(?:be\s+)?(?:known|assessed|determined|judged|evaluated|established)/
/\b(?:relief|benefit|response|improvement)\s+(?:[\w,-]+\s+){0,6}?(?:was|were|is)\s+(?:\w+\s+)?(?:insufficient|inadequate|short[-\s]lived|not\s+sustained|not\s+sufficient|too\s+brief|transient)/
/\b(?:less|fewer)\s+than\s+(?:50|fifty)\s*(?:%|percent)/
/\bshort\s+of\s+(?:the\s+)?(?:required\s+)?(?:50|fifty)\s*(?:%|percent)/
/\b(?:did\s+not|didn't|failed\s+to|does\s+not)\s+(?:provide|produce|achieve|give|yield|meet)\s+(?:\w+\s+){0,3}?(?:50|fifty|sufficient|adequate|lasting|sustained|the\s+required)/
/\b(?:too\s+soon|too\s+early|premature\w*)\s+(?:\w+\s+){0,4}?(?:repeat|second|another|next)\b/
/\b(?:repeat|second|another|next)\s+(?:\w+\s+){0,4}?(?:is|would\s+be)\s+(?:too\s+soon|too\s+early|premature)/

[esi_series_unmet]
/\b(?:do|does|did)\s+not\s+(?:support|recommend|endorse|allow|permit)\s+(?:\w+\s+){0,2}?series\b/
/\bseries\s+(?:[\w,-]+\s+){0,4}?(?:is|are|was|were)\s+not\s+(?:supported|recommended|indicated|appropriate|medically\s+necessary|necessary)/
/\bnot\s+(?:supported|recommended|endorsed)\s+(?:\w+\s+){0,3}?series\b/
/\bthe\s+series\s+(?:\w+\s+){0,2}?not\s+(?:medically\s+)?(?:necessary|appropriate|supported)/

[esi_levels_unmet]
/\blevels\b[^.;]{0,40}?\b(?:more|greater)\s+than\s+(?:the\s+)?(?:guidelines?|MTUS)\s+(?:allow|permit|recommend|support)\w*/
/\b(?:three|four|five|six|3|4|5|6)\s+(?:(?:nerve[-\s]+root|transforaminal|interlaminar|spinal|separate)\s+)?levels\b/
/\b(?:more|greater)\s+than\s+(?:two|2|one|1)\s+(?:\w+\s+){0,2}?levels?\b/
/\bexceed\w*\s+(?:\w+\s+){0,4}?levels?\b/
/\btoo\s+many\s+levels\b/
/\blevels?\s+(?:\w+\s+){0,3}?exceed\w*/

[esi_exam_unmet]
/\b(?:exam\w*|physical\s+findings)\s+(?:[\w,-]+\s+){0,4}?(?:do|does|did)\s+not\s+(?:show|demonstrate|document|reveal)\s+(?:any\s+)?(?:loss|weakness|deficit)\w*\s+of\s+(?:strength|sensation|reflex)/
/\b(?:no|not|without|lack\w*|absence\s+of)\s+(?:\w+\s+){0,3}?(?:evidence|findings|signs|documentation)\s+of\s+(?:\w+\s+){0,2}?radiculopathy\s+(?:\w+\s+){0,2}?(?:on|by|at|in)\s+(?:the\s+)?(?:physical\s+|clinical\s+|neurologic\w*\s+)?exam\w*/
/\bno\s+objective\s+(?:\w+\s+)?(?:evidence|findings|signs)\s+of\s+(?:\w+\s+){0,2}?radicul\w*/
/\b(?:no|not|without|lack\w*|absence\s+of)\s+(?:[\w-]+\s+){0,4}?(?:exam\w*|physical\s+findings|objective\s+findings|clinical\s+findings)\s+(?:[\w-]+\s+){0,3}?(?:showing|demonstrating|documenting|revealing|of|consistent\s+with|supporting)\s+(?:[\w-]+\s+){0,3}?radicul\w*/
/\bradicul\w*\s+(?:\w+\s+){0,3}?(?:is|was|has|have)\s+not\s+(?:been\s+)?(?:documented|demonstrated|established|confirmed|shown|found)\s+(?:on|by)\s+(?:physical\s+)?exam/
/\b(?:exam\w*|physical\s+findings)\s+(?:[\w,-]+\s+){0,4}?(?:do|does|did)\s+not\s+(?:show|demonstrate|document|support|reveal|confirm)\s+(?:\w+\s+){0,4}?(?:radicul\w*|deficits?|nerve)/
/\b(?:objective\s+)?(?:radicular|neurologic\w*)\s+(?:signs|findings)\s+(?:[\w,-]+\s+){0,14}?(?:do|does|did)\s+not\s+support/

[esi_corroborated_unmet]
/\b(?:not|never)\s+(?:been\s+)?(?:corroborated|confirmed)\s+by\b/
/\bno\s+(?:\w+\s+){0,3}?corroborat\w*/
/\b(?:no|not\s+any)\s+(?:imaging\s+|electrodiagnostic\s+)?(?:study|studies|test|testing|imaging)\s+(?:\w+\s+){0,3}?(?:confirms?|corroborates?|shows?|demonstrates?)\s+(?:[\w-]+\s+){0,3}?(?:nerve[-\s]+root|root|radicul\w*|compression|impingement)/
/\b(?:MRI|imaging|CT|EMG|study|studies|myelogram)\s+(?:does|do|did)\s+not\s+show\s+(?:[\w,-]+\s+){0,5}?(?:nerve[-\s]+root|root|radicul\w*|compression|impingement)/
/\b(?:no|not|without|lack\w*|absence\s+of)\s+(?:\w+\s+){0,3}?(?:imaging|MRI|electrodiagnostic\w*|EMG|CT)\s+(?:\w+\s+){0,3}?(?:corroborat\w*|confirm\w*)/
/\b(?:imaging|MRI|electrodiagnostic\w*|EMG|CT)\s+(?:[\w,-]+\s+){0,4}?(?:does|do|did)\s+not\s+(?:corroborat\w*|confirm\w*|show\s+(?:\w+\s+){0,3}?(?:compression|impingement|radiculopathy))/

[esi_conservative_unmet]
/\b(?:conservative|therapy|therapies|exercise|treatment|care|measures)\s+(?:\w+\s+){0,4}?(?:has|have|had|was|were)\s+not\s+(?:yet\s+)?(?:been\s+)?(?:exhausted|tried|attempted|completed|shown\s+to\s+(?:fail|be\s+ineffective))/
/\bnot\s+(?:yet\s+)?(?:been\s+)?exhausted\b/
/\bnot\s+(?:been\s+)?shown\s+that\s+(?:[\w,-]+\s+){0,8}?(?:were|was|had\s+been)\s+tried\s+and\s+(?:did\s+not\s+work|failed)/

[esi_fluoroscopy_unmet]
/\b(?:does|do|did)\s+not\s+(?:say|state|specify|indicate|document|mention)\s+(?:\w+\s+){0,8}?(?:under|with|using)\s+(?:fluoroscop\w*|fluoro|imaging|image\s+guidance|imaging\s+guidance|radiographic)/

[esi_series_unmet]
/\b(?:several|multiple|three|3|a\s+series\s+of)\s+(?:\w+\s+){0,2}?(?:injections|blocks|ESIs|epidurals)\s+(?:\w+\s+){0,3}?(?:cannot|can\s*not|should\s+not|may\s+not|is\s+not|are\s+not)\s+(?:be\s+)?(?:authorized|approved|certified|supported)\s+(?:at\s+once|together|in\s+advance)/
/\b(?:authoriz|approv|certify)\w*\s+(?:several|multiple|three|3)\s+(?:\w+\s+){0,2}?(?:injections|blocks|ESIs|epidurals)\s+at\s+once\s+(?:\w+\s+){0,2}?not\s+(?:supported|recommended|appropriate)/

# Guideline restatements in ESI words ("no more than two levels should be
# injected", "current research does not support"): extends the shared
# recital section.
[recital]
/\bshould\s+(?:not\s+)?be\s+(?:injected|performed|given|used|repeated)\b/
/\bcurrent\s+research\b/

[esi_blocks_unmet]
/\b(?:fifth|5th|sixth|seventh)\s+(?:\w+\s+){0,2}?(?:block|injection|ESI|epidural)\b/
/\b(?:injections?|blocks?)\s+(?:\w+\s+){0,6}?(?:within|in)\s+(?:twelve|12)\s+months\b[^.;]{0,40}?\bmore\s+than\b/
