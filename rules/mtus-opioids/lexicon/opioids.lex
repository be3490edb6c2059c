# opioids.lex - the opioid pack's own sections (pack.lua names them).
# Literal phrases and /PCRE2/ fragments as in rules/lexicon/README.md.

# ---- pain_relief: analgesia from the medication -------------------------

[opi_analgesia]
# a score brought down by the medication ("8/10 reduced to 4/10 with
# OxyContin", "reduces his pain from 7/10 to 3/10")
/\b\d{1,2}(?:\.\d)?\s*\/\s*10\s+(?:\w+\s+){0,2}?(?:reduced|decreased|down|dropp\w+|lowered|improved|brought\s+down|goes\s+down|comes\s+down)\s+(?:down\s+)?to\s+(?:a\s+)?\d{1,2}(?:\s*\/\s*10)?\b/
/\b(?:reduces?|reduced|reducing|decreases?|decreased|decreasing|lowers?|lowered|brings?|brought|takes?|took)\s+(?:his\s+|her\s+|the\s+|their\s+)?(?:\w+\s+)?(?:pain|VAS|score)\s+(?:\w+\s+)?(?:down\s+)?from\s+(?:a\s+)?\d{1,2}(?:\s*\/\s*10)?\s+(?:down\s+)?to\s+(?:a\s+)?\d{1,2}/
# scores with and without the medication, in either order
/\b\d{1,2}(?:\.\d)?\s*\/\s*10\s+(?:\w+\s+){0,3}?(?:without|w\/o|before|off)\s+(?:\w+\s+){0,4}?(?:\w+\s+)?(?:and|to|,|versus|vs\.?)\s*(?:\w+\s+){0,2}?\d{1,2}(?:\.\d)?\s*\/\s*10\s+(?:\w+\s+){0,3}?(?:(?:with|after|on)\b|w\/)/
/\b\d{1,2}(?:\.\d)?\s*\/\s*10\s+(?:\w+\s+){0,3}?(?:with|w\/|after|on)\s+(?:\w+\s+){0,4}?(?:and|to|,|versus|vs\.?)\s*(?:\w+\s+){0,2}?\d{1,2}(?:\.\d)?\s*\/\s*10\s+(?:\w+\s+){0,3}?(?:(?:without|before|off)\b|w\/o)/
/\b(?:without|w\/o|before|off)\s+(?:\w+\s+){0,4}?\d{1,2}(?:\.\d)?\s*\/\s*10\b[^.;]{0,60}?\b(?:with|w\/|after|on)\s+(?:\w+\s+){0,4}?\d{1,2}(?:\.\d)?\s*\/\s*10\b/
/\b(?:with|w\/|after|on)\s+(?:\w+\s+){0,4}?\d{1,2}(?:\.\d)?\s*\/\s*10\b[^.;]{0,60}?\b(?:without|w\/o|before|off)\s+(?:\w+\s+){0,4}?\d{1,2}(?:\.\d)?\s*\/\s*10\b/
# a fall in the score ("from 9/10 to 5/10", "VAS 8 -> 4", "8/10 down to 4/10")
/\b(?:pain|VAS|NRS|scores?|levels?)\s+(?:\w+\s+){0,6}?(?:decreas\w*|reduc\w*|drops?|dropped|falls?|fell|goes|went|comes|came|improv\w*|lower\w*)\s+(?:down\s+)?from\s+(?:a\s+)?\d{1,2}(?:\s*\/\s*10)?\s+(?:down\s+)?to\s+(?:a\s+)?\d{1,2}\b/
/\b(?:VAS|NRS|pain(?:\s+scores?)?)\s*(?:of\s+|:\s*)?\d{1,2}(?:\s*\/\s*10)?\s*(?:->|-->|→|=>|>)\s*\d{1,2}\b/
/\b\d{1,2}\s*\/\s*10\s+(?:down\s+to|to)\s+\d{1,2}\s*\/\s*10\b/
# a share or duration of relief
/(?<!less\sthan\s)\b\d{1,3}\s*(?:%|percent)\s+(?:\w+\s+){0,3}?(?:pain\s+)?(?:relief|reduction|improvement|decrease|less\s+pain)\b/
/\b(?:reduces?|reduced|decreases?|decreased|relieves?|relieved|lowers?|lowered|cuts?)\s+(?:his\s+|her\s+|the\s+|their\s+)?(?:\w+\s+)?pain\s+(?:\w+\s+){0,2}?by\s+(?:about\s+|approximately\s+|roughly\s+)?(?:\d{1,3}\s*(?:%|percent)|half|one[-\s]half|a\s+third|two[-\s]thirds)/
/\b(?:relief|analgesia)\s+(?:\w+\s+){0,3}?(?:lasts?|lasting|for)\s+(?:about\s+|approximately\s+|up\s+to\s+)?(?:\d+|one|two|three|four|five|six|eight)\s+(?:to\s+\w+\s+)?hours?\b/
/\b(?:pain|symptoms)\s+(?:is|are|was|were|remains?|remained)\s+(?:(?!not\b)\w+\s+)?(?:well|adequately|reasonably|fairly)\s+(?:controlled|managed)\b/
/(?<!\bnot\s)\b(?:well|adequately)\s+controlled\s+(?:\w+\s+){0,2}?(?:with|on|by)\s+(?:\w+\s+){0,2}?(?:medications?|meds|opioids?|regimen|Norco|tramadol|oxycodone|Percocet|OxyContin|MS\s+Contin|morphine|Nucynta|tapentadol|fentanyl|Duragesic|hydrocodone|methadone|buprenorphine|Butrans|Ultram|Ultracet|Dilaudid|hydromorphone|Opana|codeine)\b/
/(?<!\bno\s)(?<!\bnot\s)(?<!\bnor\s)(?<!\bany\s)(?<!without\s)(?<!without\sa\s)(?<!without\sany\s)(?<!\bno\srecent\s)(?<!\bno\sprior\s)(?<!\bno\srandom\s)(?<!\bno\sformal\s)(?<!\bno\sdocumented\s)(?<!\bnever\shad\sa\s)(?<!\bnot\shad\sa\s)(?<!\bnot\shad\sany\s)(?<!\bnever\sundergone\sa\s)\b(?:good|significant|substantial|meaningful|adequate|effective|excellent|documented|measurable|satisfactory)\s+(?:pain\s+)?(?:relief|analgesia|analgesic\s+(?:benefit|effect|response))\b/

[opi_analgesia_none]
/\b(?:no|without|little|minimal|negligible)\s+(?:meaningful\s+|significant\s+|appreciable\s+|real\s+|measurable\s+|documented\s+)?(?:pain\s+)?(?:relief|analgesia|analgesic\s+(?:benefit|effect))\s+(?:from|with|on)\s+(?:\w+\s+){0,3}?(?:medications?|meds|opioids?|regimen|Norco|tramadol|oxycodone|Percocet|OxyContin|morphine|Nucynta|fentanyl|hydrocodone|methadone|Ultram)\b/
/\b(?:pain|pain\s+(?:level|score)s?)\s+(?:is|was|has\s+been|remains?|remained)\s+(?:\w+\s+)?(?:unchanged|the\s+same|no\s+better|unimproved)\b/
/\b(?:medications?|opioids?|Norco|tramadol|oxycodone|Percocet|hydrocodone)\s+(?:\w+\s+){0,2}?(?:does|do|did)\s+not\s+(?:help|reduce|relieve|lower)\s+(?:\w+\s+){0,2}?(?:pain|much)\b/

[opi_analgesia_cite]
/\bhow\s+much\s+(?:the\s+|his\s+|her\s+)?(?:medications?|opioids?|drug|\w+)\s+(?:actually\s+|really\s+)?(?:helps?|relieves?|reduces?|lowers?)\b/
/\bhow\s+much\s+(?:the\s+|his\s+|her\s+)?pain\s+(?:drops|falls|decreases|improves|is\s+reduced)\b/
/\bhow\s+long\s+(?:the\s+)?(?:effect|relief|benefit)\s+lasts\b/
/\b(?:pain\s+relief|analgesia|analgesic\s+(?:benefit|effect|response)|pain\s+scores?|pain\s+reduction|reduction\s+in\s+pain|decrease\s+in\s+pain|VAS\s+scores?)\b/

# ---- functional_improvement: a concrete gain in a named function ----------

[opi_function]
# an activity with a measure or an object of its own, in the medication's
# company ("with them she walks 30 minutes, does her own grocery shopping";
# "ADLs: cooks, cleans, walks 2 mi/day w/ meds (was 1/2 block)"; "with
# Nucynta ER she is able to work her regular part-time schedule")
/\b(?:with|w\/|on)\s+(?:(?:his|her|their|the|these|those|this)\s+)?(?:[\w-]+\s+){0,2}?(?:medications?|meds|opioids?|them|it|[A-Z][\w-]+)\b[^.;]{0,100}?\b(?:walk(?:s|ing)?|cook(?:s|ing)?|clean(?:s|ing)?|shop(?:s|ping)?|driv(?:es|ing)|garden(?:s|ing)?|exercis(?:es|ing)|swim(?:s|ming)?|hik(?:es|ing)|golf(?:s|ing)?|lift(?:s|ing)?|climb(?:s|ing)?|work(?:s|ing)?|does)\s+(?:[\w\/.-]+\s+){0,3}?(?:\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?|miles?|mi|blocks?|km|laps|flights?|days?)|a\s+mile|(?:his|her|their)\s+(?:own|regular|usual|full)|groceries|grocery|laundry|meals?|part-time|full-time|modified)\b/
/\b(?:walk(?:s|ing)?|cook(?:s|ing)?|clean(?:s|ing)?|shop(?:s|ping)?|driv(?:es|ing)|garden(?:s|ing)?|exercis(?:es|ing)|swim(?:s|ming)?|hik(?:es|ing)|lift(?:s|ing)?)\s+(?:[\w\/.-]+\s+){0,3}?(?:\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?|miles?|mi|blocks?|km)(?:\/day)?)[^.;]{0,40}?\b(?:with|w\/|on)\s+(?:(?:his|her|the)\s+)?(?:medications?|meds|opioids?)\b/
# a named activity the medication lets the worker do ("allows him to
# complete his delivery route", "able to play catch with his son"); a bare
# "helps him function" names none
/\b(?:allows?|allowed|allowing|enables?|enabled|enabling|able|lets|permits?|permitted)\s+(?:him\s+|her\s+|them\s+|the\s+\w+\s+)?to\s+(?:(?:once\s+again|again|now|still|continue\s+to|resume)\s+)?(?:walk|stand|sit|drive|shop|cook|clean|garden|exercise|swim|bike|lift|carry|dress|bathe|shower|vacuum|mow|complete|coach|play|attend|care|climb|travel|perform\s+(?:his|her|their)\s+(?:job|duties|work|usual)|do\s+(?:his|her|their)\s+own|go\s+(?:to|back|out|for)|volunteer|babysit|fish|golf|hike|run|jog|ride|cycle|finish|sleep\s+through|participate\s+in|keep\s+up|take\s+(?:care|walks?)|resume|return\s+to\s+(?:\w+\s+)?(?:activities|hobbies|exercise|gym))\w*\b/
/\b(?:can|could)\s+(?:now\s+|once\s+again\s+|again\s+|still\s+)?(?:walk|stand|sit|drive|shop|cook|clean|garden|exercise|swim|bike|lift|carry|vacuum|mow|complete|coach|play|climb|travel|do\s+(?:his|her|their)\s+own|go\s+(?:to|out|for)|golf|hike|run|jog|ride)\w*\s+(?:[\w'\/-]+\s+){0,3}?(?:\d+|his|her|their|own|the|a|grocer\w*|laundry|yard|lawn|errands|chores)\b/
# a named activity the worker can now do, or does longer / more
/\b(?:able|abled|enabled|allowed|allows|allowing|enables?|permits?|lets|can|could|now\s+can|now)\s+(?:him\s+|her\s+|them\s+|the\s+\w+\s+)?(?:to\s+)?(?:\w+\s+)?(?:walk|stand|sit|drive|shop|cook|clean|garden|exercise|swim|bike|lift|carry|dress|bathe|shower|vacuum|mow|sleep|work|perform|complete|do|care\s+for|take\s+care|attend|participate|play|climb|go|travel|get\s+out)\w*\s+(?:[\w'\/-]+\s+){0,6}?(?:\d+|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty|sixty|own|household|chores?|laundry|groceries|shopping|dishes|yard|lawn|dog|grandchild\w*|children|kids|church|gym|errands|meals?|cooking|cleaning|home\s+exercise|hours?|minutes?|blocks?|miles?|pounds?|lbs|stairs|flights?|independently|without\s+(?:help|assistance))\b/
/\b(?:walk|walking|stand|standing|sit|sitting|driv\w+|tolerance)\s+(?:\w+\s+){0,4}?(?:increased|improved|went|gone|up)\s+(?:\w+\s+){0,2}?from\s+(?:\w+\s+){0,2}?\d+\s+(?:\w+\s+){0,2}?to\s+\d+/
/\b(?:\d+|ten|fifteen|twenty|thirty|forty|sixty)\s+(?:minutes?|hours?|blocks?|miles?)\s+(?:\w+\s+){0,3}?(?:instead\s+of|compared\s+(?:to|with)|up\s+from|versus|vs\.?|rather\s+than|from)\s+(?:\w+\s+){0,2}?(?:\d+|five|ten|fifteen|twenty)\b/
/\b(?:increased|improved|better|greater|longer)\s+(?:\w+\s+){0,2}?(?:walking|standing|sitting|driving|activity|exercise)\s+(?:tolerance|distance|time|capacity|endurance)\s+(?:\w+\s+){0,4}?(?:\d+|from|to)\b/
/\b(?:ADLs?|activities\s+of\s+daily\s+living|self[-\s]care|household\s+(?:chores|tasks|activities)|chores)\s+(?:\w+\s+){0,4}?(?:improved|increased|better|independent\w*|now\s+(?:possible|manageable)|without\s+(?:help|assistance))\b/
/\b(?:improv\w+|increas\w+|better|independen\w+)\s+(?:\w+\s+){0,2}?(?:in|with|of)\s+(?:his\s+|her\s+|their\s+)?(?:ADLs?|activities\s+of\s+daily\s+living|self[-\s]care)\s*(?:\(|,|:|such\s+as|including|like|namely)/
/\bindependent\s+(?:\w+\s+){0,2}?(?:with|in)\s+(?:his\s+|her\s+)?(?:ADLs?|activities\s+of\s+daily\s+living|self[-\s]care|dressing|bathing)\b/
/\b(?:concrete|objective|specific|measurable|quantified|documented|meaningful|significant|clinically\s+significant)\s+(?:\w+\s+)?(?:func\s?tional|function|fxn(?:al)?|func)\s+(?:gains?|improvement|benefit|restoration|progress)\b/
/\b(?:func\s?tional|function)\s+(?:gains?|improvement)\s+(?:\w+\s+){0,3}?(?:such\s+as|including|namely|:)\s/
/\bobjective\s+(?:\w+\s+){0,2}?improvement\s+in\s+(?:\w+\s+)?function/

[opi_function_none]
/\bno\s+(?:fxn(?:al)?|func(?:tional)?)\s+(?:improvement|gains?|benefit)\b/
/\bfunction\w*\s+(?:has|have|had)\s+not\s+(?:\w+\s+)?(?:improved|changed|increased|been\s+restored)\b/
/\bno\s+(?:\w+\s+)?(?:improvement|gains?)\s+in\s+(?:his\s+|her\s+|their\s+)?(?:function\w*|ADLs?|activities|activity\s+level)\b/
# "no change in" is a pseudo-negation of the shared lexicon: the term is
# the function itself, after it
/(?:(?<=\bno\schange\sin\s)|(?<=\bno\schange\sin\shis\s)|(?<=\bno\schange\sin\sher\s)|(?<=\bno\schange\sin\stheir\s)|(?<=\bno\schanges\sin\s)|(?<=\bno\sincrease\sin\s)|(?<=\bno\sincrease\sin\shis\s)|(?<=\bno\sincrease\sin\sher\s))(?:function\w*|ADLs?|activities|activity\s+level)\b/
/\bno\s+(?:\w+\s+)?(?:functional|function)\s+(?:improvement|gains?|benefit)\s+(?:\w+\s+)?(?:has\s+been|was|is)\s+(?:\w+\s+)?(?:reported|noted|seen|achieved|described|observed)\b/
/\b(?:ADLs?|activities\s+of\s+daily\s+living|function(?:al)?\s+(?:status|level|capacity|ability)|function|activity\s+level|activities)\s+(?:\w+\s+){0,3}?(?:is|are|was|were|has\s+been|have\s+been|remains?|remained|stayed|unchanged)\s*(?:\w+\s+)?(?:unchanged|the\s+same|no\s+better|limited|poor|declin\w+|decreas\w+|worse\w*|unimproved|stagnant)\b/
/\b(?:ADLs?|function|activity\s+level)\s+(?:are\s+|is\s+)?unchanged\b/
/\b(?:decreas\w+|declin\w+|deteriorat\w+|worsen\w+|diminish\w+)\s+(?:\w+\s+)?(?:function|functional\s+(?:status|level|capacity))\b/
/\b(?:still|continues\s+to)\s+(?:need|needs|require|requires)\s+(?:\w+\s+){0,2}?(?:help|assistance)\s+(?:with\s+)?(?:dressing|bathing|ADLs?|self[-\s]care|household|chores|showering)/
/\b(?:is|remains|remained|stays)\s+(?:\w+\s+)?(?:housebound|bedbound|homebound)\b/
/\b(?:cannot|can't|can\s+not|unable\s+to)\s+(?:\w+\s+){0,2}?(?:perform|do|manage)\s+(?:\w+\s+){0,2}?(?:ADLs?|activities\s+of\s+daily\s+living|chores|household)/

[opi_function_cite]
/\b(?:can|could|is\s+able\s+to)\s+do\s+more\b/
/\bwhat\s+(?:she|he|they|the\s+\w+)\s+can\s+do\s+now\b/
/\bdo\s+more\s+(?:activities|things|tasks)\b/
# shorthand: fxn / fxnal / func for function(al)
/\b(?:fxn(?:al)?|func)\s+(?:gains?|improvement|benefit|status|restoration)\b/
/\bfunc\s?tion(?:al)?\s+(?:improvement|benefit|gains?|restoration|status|capacity|response|progress)\b/
/\b(?:improvement|improved|increase|gains?)\s+(?:in\s+)?(?:\w+\s+)?(?:function|functioning|activities\s+of\s+daily\s+living|ADLs?)\b/
/\b(?:objective|measurable)\s+(?:\w+\s+){0,2}?(?:improvement|benefit|gains?)\b/
/\bimproved\s+function\w*\b/

# ---- return_to_work ---------------------------------------------------------

[opi_working]
/\b(?:resumed|resume|resuming)\s+(?:her|his|their)\s+(?:job|work|employment|duties)\b/
# a structured work-status field ("Work: FD", "Work status: modified duty")
/\b(?:work(?:\s+status)?|RTW)\s*:\s*(?:FD|full\s+duty|MD|modified|regular|light|working|P&S\s+and\s+working)\b/
/\b(?:return(?:ed|s|ing)?|went\s+back|gone\s+back|back)\s+to\s+(?:\w+\s+){0,3}?(?:work|job|duty|employment)\b/
# a work status prescribed ("placed on modified duty", "released to light
# duty") is not work done
/(?<!placed\son\s)(?<!placed\sat\s)(?<!released\sto\s)(?<!\bkept\son\s)(?<!recommended\s)(?<!prescribed\s)(?<!\bgiven\s)\b(?:full|regular|modified|light|restricted|usual|customary|unrestricted|part[-\s]time|full[-\s]time|transitional|normal)\s+(?:work\s+)?duty\b/
/\b(?:works?|working|worked|employed)\s+(?:\w+\s+){0,2}?(?:full[-\s]time|part[-\s]time|full\s+duty|regular\s+duty|modified\s+duty|light\s+duty|with\s+restrictions|without\s+restrictions|as\s+an?\s+\w+|at\s+(?:his|her)\s+(?:usual|regular|own)|\d+\s+hours)\b/
/\b(?:is|remains|was|has\s+been|continues|continuing|keeps)\s+(?:(?!not\b|no\b|never\b)\w+\s+)?(?:working|employed|at\s+work|on\s+the\s+job)\b/
/\bcontinues\s+to\s+work\b/
/\bstill\s+work(?:s|ing)\b/
/\bmodified\s+work\b/
/\bworking\s+(?:\w+\s+){0,2}?(?:modified|restricted|light|regular|full)\b/

[opi_not_working]
/\b(?:work(?:\s+status)?)\s*:\s*(?:TTD|off|not\s+working|unemployed)\b/
/\b(?:TTD|TTD\s+status)\b/
/\btemporar(?:y|ily)\s+(?:and\s+)?totally\s+disabled\b/
/\btemporary\s+total\s+disability\b/
/\btotally\s+disabled\b/
/\b(?:not|no\s+longer|never|neither)\s+(?:\w+\s+)?(?:working|employed|returned\s+to\s+(?:\w+\s+){0,2}?work)\b/
/\b(?:has\s+not|hasn't|have\s+not|had\s+not|did\s+not|does\s+not|doesn't|cannot|can't)\s+(?:\w+\s+)?(?:work|worked|returned\s+to\s+(?:\w+\s+){0,2}?(?:work|job|duty))\b/
/\b(?:off|out\s+of)\s+work\b/
/\bunemployed\b/
/\b(?:is|was|remains|has\s+been)\s+(?:\w+\s+)?(?:retired|disabled|on\s+disability)\b/
/\bno\s+(?:\w+\s+)?(?:return\s+to\s+work|work\s+status\s+change)\b/
/\bremains\s+off\b/

[opi_work_cite]
/\b(?:resume|return\s+to|go\s+back\s+to|get\s+back\s+to)\s+(?:her|his|their|the)\s+(?:job|work|employment|duties)\b/
/\breturn(?:ed)?\s+to\s+(?:\w+\s+){0,2}?work\b/
/\bwork\s+status\b/
/\b(?:off|out\s+of)\s+work\b/
/\bnot\s+(?:\w+\s+)?working\b/
/\b(?:TTD|temporar(?:y|ily)\s+totally\s+disabled)\b/

# ---- side_effects_assessed --------------------------------------------------

[opi_side_effects_reviewed]
# a structured field: "SE: none", "AEs: mild constipation"
/\b(?:SEs?|S\/E|side[-\s]effects?|AEs?|adverse\s+effects?)\s*:\s*(?:none|denied|denies|no(?:ne)?|minimal|mild|constipation|nausea|sedation|drowsiness)\b/
# a side effect the record names is one that was assessed ("Norco caused
# nausea", "mild skin irritation at the patch sites", "side effects include
# constipation"); PDF breaks inside a word ("consti pation") are allowed
/(?<!\bnot\s)(?<!\bnever\s)\b(?:caused|causes|causing|produced|produces|induced|developed|reports?|reported|has|had|experiences?|experienced|complains?\s+of|notes?|noted)\s+(?:\w+\s+){0,2}?(?:mild\s+|some\s+|occasional\s+|intermittent\s+|daytime\s+|persistent\s+|significant\s+|excessive\s+|local\s+)?(?:consti\s?pation|seda\s?tion|nausea|vomiting|drowsiness|somno\s?lence|dizziness|pruritus|itching|skin\s+(?:irritation|reaction|rash)|rash|dry\s+mouth|sweating|fatigue|cognitive\s+(?:slowing|impairment|effects?))\b/
/\b(?:side[-\s]effects?|adverse\s+(?:effects?|reactions?))\s+(?:include|included|including|are|were|consist\s+of|limited\s+to|such\s+as)\s+(?:\w+\s+)?(?:consti\s?pation|seda\s?tion|nausea|drowsiness|somno\s?lence|dizziness|pruritus|itching|rash|dry\s+mouth|sweating|fatigue|mild|minimal|none)\b/
/\b(?:denies|denied|denying|reports\s+no|reported\s+no|without|free\s+of|negative\s+for)\s+(?:any\s+)?(?:[\w-]+,?\s+){0,3}?(?:or\s+|and\s+)?(?:consti\s?pation|seda\s?tion|nausea|drowsiness|somno\s?lence|dizziness)\b/
/\b(?:mild|some|occasional|intermittent|daytime|persistent|local)\s+(?:skin\s+)?(?:irritation|rash|itching|pruritus)\s+(?:at|from|with|over)\s+(?:the\s+)?(?:patch|application|site)/
/\b(?:denies|denied|denying|without|reports\s+no|report(?:ed|s)?\s+no|no|free\s+of|has\s+no|had\s+no|with\s+no|experiences\s+no|negative\s+for)\s+(?:any\s+)?(?:significant\s+|adverse\s+|medication\s+|intolerable\s+|untoward\s+|notable\s+)?(?:side[-\s]effects?|adverse\s+(?:effects?|reactions?|events?)|sedation|somnolence|drowsiness|constipation|nausea|dizziness|cognitive\s+(?:impairment|effects?))\b/
/\b(?:side[-\s]effects?|adverse\s+(?:effects?|reactions?))\s+(?:(?!not\b|never\b)\w+\s+){0,3}?(?:reviewed|assessed|discussed|monitored|addressed|managed|tolerable|minimal|mild|none|absent|denied|documented\s+as|evaluated|checked|noted)\b/
/(?<!\bnot\s)(?<!\bnever\s)(?<!\bnot\sbeen\s)\b(?:reviewed|assessed|discussed|monitored|addressed|evaluated)\s+(?:\w+\s+){0,3}?(?:side[-\s]effects?|adverse\s+(?:effects?|reactions?))\b/
/\b(?:constipation|sedation|nausea|drowsiness|somnolence|dizziness|pruritus|itching)\s+(?:\w+\s+){0,3}?(?:managed|controlled|treated|relieved|addressed)\s+(?:\w+\s+){0,2}?(?:with|by)\b/
/(?<!\bnot\s)(?<!\bnever\s)\b(?:reports?|reported|reporting|has|had|experiences?|experienced|complains?\s+of|notes?)\s+(?:\w+\s+){0,2}?(?:mild\s+|some\s+|occasional\s+|daytime\s+|persistent\s+|significant\s+|excessive\s+)?(?:constipation|sedation|nausea|drowsiness|somnolence|dizziness|pruritus|itching|side[-\s]effects?)\b/
/\btolerat\w+\s+(?:\w+\s+){0,3}?(?:well|without\s+(?:\w+\s+)?(?:side|adverse))/
/\b(?:mild|some|occasional|daytime|persistent|significant|excessive)\s+(?:constipation|sedation|drowsiness|somnolence)\b/
/\b4\s*A'?s\b/
/\badverse\s+side\s+effects\s+(?:\w+\s+){0,2}?(?:were|are|have\s+been)\s+(?:reviewed|assessed|documented)/

[opi_side_effects_unreviewed]
/\bside[-\s]effects?\s+(?:\w+\s+){0,2}?(?:were|was|have|has|are|is)\s+(?:not\s+been|not|never\s+been|never)\s+(?:\w+\s+)?(?:reviewed|assessed|discussed|monitored|addressed|evaluated|asked\s+about|documented|recorded)\b/
/\b(?:no|without)\s+(?:\w+\s+)?(?:review|assessment|discussion|monitoring|evaluation)\s+of\s+(?:\w+\s+)?(?:side[-\s]effects?|adverse\s+effects?)\b/
/\b(?:did|does|has)\s+not\s+(?:\w+\s+)?(?:review|assess|ask\s+about|address|discuss|document)\w*\s+(?:\w+\s+){0,2}?(?:side[-\s]effects?|adverse\s+effects?)\b/

[opi_side_effects_cite]
/\badverse\s+(?:reactions?|effects?|events?)\b/
/\bcauses?\s+(?:any\s+)?problems\s+such\s+as\b/
/\b(?:constipation|drowsiness|sedation|nausea)\s+or\s+(?:constipation|drowsiness|sedation|nausea)\b/
/\b(?:side[-\s]effects?|adverse\s+(?:side\s+)?effects?|adverse\s+reactions?)\b/

# ---- aberrant_behavior (met when absent) ----------------------------------

[opi_aberrant]
/\b(?:prescriptions?|Rx|scripts?)\s+(?:\w+\s+){0,1}?(?:lost|stolen|missing)\b/
/\b(?:lost|stolen)\s+Rx\b/
/\binconsisten\w*\s+with\s+(?:the\s+|her\s+|his\s+)?(?:prescribed|Rx'?d|prescriptions?)/
/\baberrant\s+(?:drug[-\s]?(?:taking|seeking|related)?\s+|medication\s+|opioid\s+)?behaviou?rs?\b/
/\bdrug[-\s]seeking\b/
/\bearly\s+(?:refill|renewal)s?\b/
/\b(?:refill|renewal)s?\s+(?:\w+\s+){0,2}?early\b/
/\b(?:lost|stolen|misplaced)\s+(?:\w+\s+){0,2}?(?:prescriptions?|medications?|meds|pills|scripts?|bottle)\b/
/\b(?:prescriptions?|medications?|pills)\s+(?:\w+\s+){0,2}?(?:were|was)\s+(?:lost|stolen)\b/
/\b(?:several|multiple|other|two|three|additional|outside|different|second)\s+(?:\w+\s+)?(?:prescribers|physicians\s+prescribing|pharmacies|prescribing\s+(?:physicians|providers|doctors))\b/
/\bdoctor\s+shopping\b/
/\b(?:inconsistent|aberrant|unexpected|positive)\s+(?:\w+\s+){0,3}?(?:UDS|urine\s+drug\s+(?:screen|test)\w*|drug\s+(?:screen|test)\w*|toxicology|urine\s+tox\w*|results?)\b(?!\s+(?:\w+\s+){0,3}?(?:consistent|appropriate|expected))/
/\b(?:UDS|urine\s+drug\s+(?:screen|test)\w*|drug\s+(?:screen|test)\w*|toxicology(?:\s+screen)?|urine\s+tox\w*)\s+(?:[\w\/,-]+\s+){0,6}?(?:was|were|is|came\s+back)?\s*(?:inconsistent|positive\s+for\s+(?:[\w-]+\s+){0,2}?(?:cocaine|marijuana|THC|cannabi\w*|amphetamines?|methamphetamine|heroin|benzodiazepines?|alprazolam|diazepam|lorazepam|clonazepam|barbiturates?|PCP|MDMA|ecstasy|alcohol|ethanol|illicit\w*|non-?prescribed|unprescribed|substances?\s+not\s+prescribed|(?:a|an)\s+(?:non-?prescribed|unprescribed))|revealed|showed|detected|negative\s+for\s+(?:the\s+)?(?:prescribed|hydrocodone|oxycodone|tramadol|opioid|morphine)|aberrant|unexpected)\b(?!\s+(?:\w+\s+){0,2}?(?:consistent|only|the\s+prescribed|appropriate|expected|no\b|nothing))/
/\b(?:CURES|PDMP|prescription\s+(?:drug\s+)?monitoring)\s+(?:\w+\s+){0,5}?(?:showed|revealed|demonstrated|disclosed|found|identified|listed)\s+(?:\w+\s+){0,4}?(?:other|additional|another|outside|multiple|several|second|prescriptions?\s+from)\b/
/\b(?:CURES|PDMP)\s+(?:\w+\s+){0,3}?(?:discrepanc\w+|inconsisten\w+)\b/
/\b(?:suspected|evidence\s+of|signs?\s+of|history\s+of|concerns?\s+(?:for|about|of)|episodes?\s+of|documented)\s+(?:\w+\s+)?(?:misuse|diversion|abuse|overuse|drug[-\s]seeking)\b/
/\b(?:escalat\w+\s+(?:\w+\s+)?(?:use|dose|dosing)\s+without|taking\s+more\s+than\s+(?:\w+\s+)?prescribed|(?:over|mis)using)\b/
/\bnon[-\s]?complian\w+\s+(?:\w+\s+){0,2}?(?:opioid|medication|agreement|contract)\b/

[opi_aberrant_none]
# a screen positive for the opioid prescribed is a consistent screen
/\b(?:UDS|urine\s+drug\s+(?:screen|test)\w*|drug\s+(?:screen|test)\w*|toxicology(?:\s+screen)?|urine\s+tox\w*)\s+(?:[\w\/,():-]+\s+){0,6}?(?:was|were|is|came\s+back)?\s*(?:positive|pos\.?|\(\+\)|\+)\s+(?:only\s+)?for\s+(?:the\s+)?(?:prescribed\s+\w+|hydrocodone|oxycodone|morphine|methadone|tramadol|tapentadol|hydromorphone|oxymorphone|fentanyl|buprenorphine|codeine|opiates?)\b(?![^.;]{0,80}\b(?:not\s+pre\s?scribed|un\s?prescribed|non-?prescribed|without\s+a\s+prescription|negative\s+for|inconsistent|cocaine|marijuana|THC|amphetamine|heroin|benzodiazepine))/
/\b(?:UDS|UDT|urine\s+drug\s+(?:screen|test)\w*|drug\s+(?:screen|test)\w*)\s+(?:[\w\/,()-]+\s+){0,3}?c\/w\s+(?:the\s+)?(?:prescribed|Rx'?d|meds|medications?)/
/\b(?:UDS|urine\s+drug\s+(?:screen|test)\w*|drug\s+(?:screen|test)\w*|toxicology(?:\s+screen)?|urine\s+tox\w*)\s+(?:[\w\/,()-]+\s+){0,6}?(?:was|were|is|are|has\s+been|have\s+been|remain|remained)?\s*(?:\w+\s+)?(?:consistent|appropriate|as\s+expected|compliant)\b/
/\b(?:consistent|appropriate|compliant|expected)\s+(?:\w+\s+){0,2}?(?:UDS|urine\s+drug\s+(?:screen|test)\w*|drug\s+(?:screen|test)\w*|toxicology|screens?|results?)\b/
/\b(?:CURES|PDMP|prescription\s+(?:drug\s+)?monitoring(?:\s+program)?)\s+(?:[\w,()-]+\s+){0,6}?(?:appropriate|consistent|unremarkable|clean|no\s+(?:other|additional|outside)|only|single|as\s+expected|without\s+(?:discrepanc\w+|other|concern))/
/\b(?:single|one)\s+(?:prescriber|prescribing\s+physician|pharmacy)\b/
/\bcompliant\s+with\s+(?:\w+\s+){0,2}?(?:medications?|regimen|opioid|agreement|contract|treatment)\b/
/\b(?:no|without|denies)\s+(?:\w+\s+){0,2}?(?:signs?|evidence|history|indication|concerns?|red\s+flags?)\s+(?:of|for|about)\s+(?:\w+\s+){0,2}?(?:misuse|abuse|diversion|aberran\w+|addiction|drug[-\s]seeking)\b/

[opi_aberrant_cite]
/\b(?:takes?|taking|uses?|using)\s+(?:the\s+|his\s+|her\s+)?(?:medications?|opioids?|drug)\s+as\s+prescribed\b/
/\b(?:compliance|adherence)\s+with\s+(?:the\s+)?(?:regimen|prescription|medication)\b/
/\baberran\w+\b/
/\b(?:misuse|diversion|drug[-\s]seeking)\b/

# ---- urine_drug_screen ------------------------------------------------------

[opi_uds]
# read without the negated class ("UDS negative for hydrocodone" is a screen
# done): a negator just before the term keeps it from affirming
/(?<!\bno\s)(?<!\bnot\s)(?<!\bnor\s)(?<!\bany\s)(?<!without\s)(?<!without\sa\s)(?<!without\sany\s)(?<!\bno\srecent\s)(?<!\bno\sprior\s)(?<!\bno\srandom\s)(?<!\bno\sformal\s)(?<!\bno\sdocumented\s)(?<!\bnever\shad\sa\s)(?<!\bnot\shad\sa\s)(?<!\bnot\shad\sany\s)(?<!\bnever\sundergone\sa\s)\bUDS(?:s|es)?\b(?!\s+(?:\w+\s+){0,3}?(?:not|never)\s+(?:been\s+)?(?:performed|done|obtained|completed|collected|ordered|administered|conducted|carried\s+out|submitted))/
/(?<!\bno\s)(?<!\bnot\s)(?<!\bnor\s)(?<!\bany\s)(?<!without\s)(?<!without\sa\s)(?<!without\sany\s)(?<!\bno\srecent\s)(?<!\bno\sprior\s)(?<!\bno\srandom\s)(?<!\bno\sformal\s)(?<!\bno\sdocumented\s)(?<!\bnever\shad\sa\s)(?<!\bnot\shad\sa\s)(?<!\bnot\shad\sany\s)(?<!\bnever\sundergone\sa\s)\bUDT\b(?!\s+(?:\w+\s+){0,3}?(?:not|never)\s+(?:been\s+)?(?:performed|done|obtained|completed|collected|ordered|administered|conducted|carried\s+out|submitted))/
/(?<!\bno\s)(?<!\bnot\s)(?<!\bnor\s)(?<!\bany\s)(?<!without\s)(?<!without\sa\s)(?<!without\sany\s)(?<!\bno\srecent\s)(?<!\bno\sprior\s)(?<!\bno\srandom\s)(?<!\bno\sformal\s)(?<!\bno\sdocumented\s)(?<!\bnever\shad\sa\s)(?<!\bnot\shad\sa\s)(?<!\bnot\shad\sany\s)(?<!\bnever\sundergone\sa\s)\burine\s+(?:drug|tox\w*)\s*(?:screen\w*|test\w*|panel|analysis|studies|study)?\b(?!\s+(?:\w+\s+){0,3}?(?:not|never)\s+(?:been\s+)?(?:performed|done|obtained|completed|collected|ordered|administered|conducted|carried\s+out|submitted))/
/(?<!\bno\s)(?<!\bnot\s)(?<!\bnor\s)(?<!\bany\s)(?<!without\s)(?<!without\sa\s)(?<!without\sany\s)(?<!\bno\srecent\s)(?<!\bno\sprior\s)(?<!\bno\srandom\s)(?<!\bno\sformal\s)(?<!\bno\sdocumented\s)(?<!\bnever\shad\sa\s)(?<!\bnot\shad\sa\s)(?<!\bnot\shad\sany\s)(?<!\bnever\sundergone\sa\s)(?<!urine\s)\b(?:drug|toxicology|tox)\s+(?:screen\w*|test\w*|panel)\b(?!\s+(?:\w+\s+){0,3}?(?:not|never)\s+(?:been\s+)?(?:performed|done|obtained|completed|collected|ordered|administered|conducted|carried\s+out|submitted))/

[opi_uds_none]
/\bno\s+(?:\w+\s+)?(?:UDS|UDT|urine\s+(?:drug|tox\w*)\s+(?:screen|test)\w*|drug\s+(?:screen|test)\w*|toxicology\s+screen\w*)\s+(?:is|was|were|has\s+been|have\s+been)\s+(?:noted|documented|reported|recorded|submitted|provided|available|mentioned)\b/
/\b(?:no|nor\s+(?:a|any|is\s+there\s+a))\s+(?:recent\s+|prior\s+|random\s+)?(?:UDS|UDT|urine\s+(?:drug|tox\w*)\s+(?:screen|test)\w*|drug\s+(?:screen|test)\w*|toxicology\s+screen)\s+(?:is\s+|was\s+)?(?:on\s+file|in\s+the\s+(?:record|chart|file)s?|of\s+record)\b/
/\b(?:never\s+(?:had|undergone|received)|has\s+not\s+had|has\s+had\s+no|not\s+had)\s+(?:a\s+|any\s+)?(?:urine\s+)?(?:drug|tox\w*)\s+(?:screen|test)/
/\b(?:no|without|nor)\s+(?:a\s+|any\s+)?(?:recent\s+|prior\s+|random\s+|formal\s+|documented\s+)?(?:UDS|UDT|urine\s+(?:drug|tox\w*)|drug\s+(?:screen|test)|toxicology\s+screen)\w*\s+(?:\w+\s+){0,3}?(?:has|have|was|were|had)\s+(?:\w+\s+)?(?:been\s+)?(?:performed|done|obtained|completed|collected|ordered|conducted|carried\s+out|submitted|provided|documented|on\s+file)/
/\b(?:UDS|UDT|urine\s+(?:drug|tox\w*)\s+(?:screen|test)\w*|drug\s+(?:screen|test)\w*)\s+(?:\w+\s+){0,3}?(?:not|never)\s+(?:been\s+)?(?:performed|done|obtained|completed|collected|ordered|conducted|carried\s+out|submitted)/
/\bno\s+(?:\w+\s+)?(?:urine\s+)?(?:drug|toxicology)\s+(?:testing|screening)\s+(?:\w+\s+){0,3}?(?:has|have|was|were)\s+(?:\w+\s+)?(?:been\s+)?(?:performed|done|carried\s+out|conducted|obtained)/

[opi_uds_cite]
/\btoxicology\s+(?:test|screen|testing)\b/
/\burine\s+(?:tox\w*|testing|test)\b/
/\bUDS(?:s|es)?\b/
/\burine\s+(?:drug|tox\w*)\b/
/\bdrug\s+(?:screen\w*|test\w*)\b/

# ---- pain_agreement ---------------------------------------------------------

[opi_agreement]
/\b(?:written|signed)\s+(?:opioid\s+|narcotic\s+|pain\s+)?contract\b/
/\bcontract\s+(?:governing|covering)\s+(?:her|his|the)\s+(?:opioid|medication|narcotic)\w*/
/\b(?:opioid|opiate|narcotic|pain|medication|treatment|controlled\s+substance)\s+(?:\w+\s+)?(?:agree\s?ment|agmt|con\s?tract)s?\b/
/\b(?:agreement|contract)\s+(?:\w+\s+){0,2}?(?:for|regarding|covering)\s+(?:\w+\s+)?(?:opioids?|narcotics?|pain\s+medications?)\b/
/\bsigned\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:agreement|contract)\b/

[opi_agreement_none]
/\b(?:has\s+not|never|did\s+not|has\s+never)\s+(?:\w+\s+)?signed\s+(?:an?\s+|any\s+)?(?:\w+\s+){0,2}?(?:agreement|contract)\b/

[opi_agreement_cite]
/\b(?:written|signed)\s+(?:contract|agreement)\b/
/\bcontract\s+(?:governing|for|covering)\s+(?:her|his|the)?\s*(?:opioid|medication|narcotic)\w*/
/\b(?:opioid|opiate|narcotic|pain|medication|treatment)\s+(?:\w+\s+)?(?:agree\s?ment|agmt|con\s?tract)s?\b/

# ---- morphine_equivalent_dose -----------------------------------------------

[opi_drug]
/\b(?:Norco|Vicodin|Lortab|hydrocodone|Percocet|Endocet|OxyContin|Roxicodone|oxycodone|tramadol|Ultram|Ultracet|Nucynta|tapentadol|MS\s*Contin|morphine|Kadian|Avinza|Dilaudid|hydromorphone|Opana|oxymorphone|fentanyl|Duragesic|buprenorphine|Butrans|Belbuca|Suboxone|methadone|Tylenol\s*(?:#|No\.?\s*|with\s+codeine\s*#?)\s*[34]|codeine|Xtampza|Hysingla|Zohydro|Conzip)\b/
/\b(?:MED|MME|morphine[-\s]equivalent\w*)\b/

[opi_med_cite]
/\b(?:MED|MME|morphine[-\s](?:milligram\s+)?equivalent\w*(?:\s+dos\w+)?|morphine\s+equivalents?|120\s*mg)\b/
/\b(?:daily|total)\s+(?:opioid\s+)?dos(?:e|age|ing)\s+(?:\w+\s+){0,3}?(?:exceeds?|above|over|too\s+high|high)\b/
/\b(?:exceeds?|above|over|beyond)\s+(?:\w+\s+){0,3}?(?:recommended|maximum|threshold|limit)\s+(?:\w+\s+)?(?:dose|dosing|dosage)?\b/

# A comparison with the state off the medication ("30 minutes, compared
# with 10 minutes without it") negates nothing (extends the shared
# pseudo-negations).
[pseudo_negation]
/\b(?:compared\s+(?:with|to)|versus|vs\.?|than|as\s+opposed\s+to)\s+(?:[\w\/.-]+\s+){0,5}?(?:without|off)\s+(?:it|them|the\s+(?:\w+\s+)?medications?|medications?|the\s+opioids?|opioids?|Norco|the\s+drug)\b/
/\b(?:without|off)\s+(?:it|them|the\s+medications?|medications?|opioids?)\s+(?:she|he|they)\s+(?:can|could)\s+only\b/

# Guideline restatements in opioid words ("the 4 A's for ongoing monitoring
# are ..."): extends the shared recital section.
[recital]
/\b(?:4|four)\s+A'?s\s+(?:for|of)\s+(?:on-?going\s+)?monitoring\b/

# The dose stated too high in the reviewer's own words (pack.lua `unmet`).
[opi_med_unmet]
/\b(?:dose|dosage|amount|MED|MME|morphine\s+equivalen\w*)\s+(?:[\w-]+\s+){0,5}?(?:is|are|was|were|remains)\s+(?:\w+\s+)?(?:above|over|beyond|excessive|in\s+excess\s+of)\b/
/\b(?:dose|dosage|amount|regimen)\s+(?:[\w-]+\s+){0,3}?(?:is|are|was)\s+(?:far\s+|much\s+|clearly\s+)?too\s+high\b/
/\bexceed\w*\s+(?:the\s+)?(?:recommended\s+|guideline\s+|maximum\s+)?(?:ceiling|limit|maximum|threshold|cap)\b/
/\babove\s+(?:the\s+)?(?:recommended\s+|guideline\s+)?(?:ceiling|limit|maximum|threshold|cap)\b/

