# shorthand.lex - the usual abbreviations of clinical notes, added to the
# sections of facts.lex, therapy.lex and scope.lex (a lexicon file may add
# to any known section). "Clinical shorthand counts like the words"
# (shared/domain labelling conventions). Written from common clinical
# abbreviation lists: LTR local twitch response, SLR straight leg raise,
# radic radiculopathy, w/o without, neg / (-) negative, WNL within normal
# limits, hx history, yr(s) year(s), wk(s) week(s), mo(s) month(s),
# LBP low back pain, c/o complains of.

[twitch]
/\bLTRs?\b/

[radiculopathy]
/\bradic\b/
/\(\+\)\s*(?:SLR|Spurling(?:'s)?)/
/(?<![\w)])\+\s?SLR\b/
/\b(?:SLR|Spurling(?:'s)?)\s+(?:positive|\+|\(\+\))/

[negation_pre]
w/o
/\(-\)(?=\s*\w)/

[negation_post]
/\b(?:neg|WNL)\b/
/(?<=\w)\s*\(-\)/

[failed]
w/o relief
w/o benefit
w/o improvement
w/o any relief

[chronic]
/\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)[- ](?:yr|year)s?\s+(?:hx|history)\b/
/\bx\s*(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\+?\s*(?:yrs?|years)\b/
/\bx\s*(?:[4-9]|1[0-2])\s*(?:mos|months)\b/

[acute]
# the symptom's own duration ("LBP x 3 wks", "neck pain x10 days"); not a
# relief's ("~30% relief x 10 days") or a medication's
/\b(?:pain|LBP|sx|symptoms?|complaints?|spasms?)\s+x\s*(?:[1-9]|1[0-1])\s*(?:wks?|weeks|days)\b/
/\bonset\s+(?:[1-9]|1[0-1])\s*(?:wks?|days)\s+ago\b/

[interval]
# "S/p TPI 3 wks ago", "last TPI 5 mos ago"
/\b(?:injections?|TPIs?|injected)\s+(?:[\w\/-]+\s+){0,6}?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:wks?|mos?)\.?\s+ago\b/

[no_relief]
# "90% relief x 3 wks": relief shorter than the six weeks the criterion asks
/\b(?:relief|benefit|improvement)\s+x\s*(?:[1-5]|one|two|three|four|five)\s*(?:wks?|weeks?)\b/
/\b(?:relief|benefit|improvement)\s+x\s*\d{1,2}\s*(?:d|days?|hrs?|hours?)\b/

[referred_pain]
# "TrPs ... w/ referral to the sacroiliac region", "TrPs ..., no referral"
# (not a referral to a specialist or a clinic)
/(?<=w\/\s)referral\b(?!\s+(?:to|for)\s+(?:a|an|pain\s+management|physical|orthop\w*|neuro\w*|psych\w*|the\s+(?:emergency|clinic|office|hospital|physician|doctor|specialist|surgeon))\b)/
/(?<=\bno\s)referral\b(?!\s+(?:to|for)\b)/
