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
