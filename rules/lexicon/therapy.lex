# therapy.lex - failed-therapy semantics (see rules/lexicon/README.md).

[failed]
# a therapy in the same clause was tried without adequate relief
failed
has failed
have failed
tried and failed
failure of
failed to improve
failed to relieve
failed to control
without relief
without benefit
without improvement
without significant relief
without lasting relief
without adequate relief
no benefit
no relief
no improvement
minimal relief
minimal benefit
little relief
little benefit
ineffective
not effective
not been effective
not helpful
not beneficial
did not help
didn't help
did not improve
unsuccessful
failed to respond
unresponsive to
no response to
/\b(?:has|have|had|did|does|do)\s+not\s+(?:\w+\s+)?respond(?:ed)?\s+to\b/
refractory to
continues to have pain despite
continued pain despite
persistent pain despite
despite
temporary relief
limited relief
limited benefit
no longer effective
/\bwithout\s+(?:any\s+)?(?:significant\s+|sustained\s+|lasting\s+|long-term\s+)?(?:relief|benefit|improvement)/
/\b(?:provided|gave|offered|brought|yielded)\s+(?:only\s+)?(?:minimal|little|temporary|transient|short-lived|short\s+lived|brief|partial|no)\s+(?:\w+\s+)?(?:relief|benefit|improvement)/
/\bonly\s+(?:temporary|transient|short-lived|short\s+lived|brief|short-term|short\s+term)\s+(?:\w+\s+)?(?:relief|benefit|improvement)/
/\b(?:transient|short-lived|short\s+lived)\s+(?:relief|benefit|improvement)/

/\b(?:little|minimal|no|without|limited)\s+(?:\w+\s+)?(?:lasting\s+|sustained\s+|significant\s+|adequate\s+|durable\s+)?(?:relief|benefit|improvement)/
/\b(?:did|does|do|has|have|had)\s+not\s+(?:\w+\s+)?(?:control|relieve|improve|help|resolve|work)/
/\bnot\s+(?:been\s+)?(?:adequately\s+|well\s+)?(?:controlled|relieved)/
# "did not provide relief", "has not had relief from", "did not get any
# benefit from": the therapy was tried (a not-tried phrase inside one of
# these does not count)
/\b(?:did|does|do|has|have|had)\s+not\s+(?:\w+\s+)?(?:provide[ds]?|give[ns]?|gave|bring|brought|offer(?:ed)?)\s+(?:\w+\s+){0,2}?(?:relief|benefit|improvement)/
/\b(?:did|does|do|has|have|had)\s+not\s+(?:\w+\s+)?(?:get|gotten|obtain(?:ed)?|receive[d]?|experience[d]?|had|have|achieve[d]?|find|found|note[d]?|report(?:ed)?)\s+(?:\w+\s+){0,2}?(?:relief|benefit|improvement)\s+(?:from|with)\b/
/\b(?:unchanged|no\s+better|not\s+(?:any\s+)?better|not\s+improved)\s+(?:after|with|despite|following)\b/
/\b(?:did|does|do)\s+(?:absolutely\s+|little\s+or\s+)?nothing\s+(?:for|to\s+(?:help|relieve))\b/
/\bof\s+(?:no|little)\s+(?:benefit|help|value)\b/
/\bpain\s+(?:persists|persisted|continues|continued|remains|remained)\b/
# "PT, Naprosyn and Soma, none of which helped": the whole list failed
/\b(?:none|neither)\s+(?:of\s+(?:which|them|these|those|the\s+\w+)\s+)?(?:\w+\s+)?(?:helped|worked|controlled|relieved|improved|provided|gave|has\s+helped|have\s+helped|was\s+effective|were\s+effective)/
/\bnothing\s+(?:has\s+|have\s+)?(?:helped|worked|controlled)/
/\bno\s+longer\s+controlled\b/
# "which helped only minimally", "was only slightly helpful"
/\b(?:helped|helps|worked|was\s+helpful|were\s+helpful)\s+(?:only\s+)?(?:minimally|marginally|slightly|a\s+little|little|partially)\b/
/\bonly\s+(?:minimally|marginally|slightly)\s+(?:helpful|beneficial|effective|helped)\b/
# "helped only for a day or two", "helped only briefly"
/\b(?:helped|helps|worked|relieved\s+(?:his|her|the)\s+pain)\s+only\s+(?:briefly|temporarily|transiently|for\s+(?:a|one|two|three|a\s+few|several)\s+(?:\w+\s+){0,3}?(?:days?|hours?|weeks?))\b/
/\bwithout\s+(?:adequate\s+|significant\s+|sufficient\s+|good\s+|lasting\s+)?(?:pain\s+)?control\b/
/\b(?:inadequate|insufficient|poor)\s+(?:pain\s+)?(?:control|relief)\b/

[not_tried]
# a therapy after one of these, in the clause, was not tried (absent)
has not tried
have not tried
had not tried
not tried
never tried
has not had
have not had
had not had
has not undergone
has not received
had not received
has not participated in
has not attended
did not attend
was not prescribed
were not prescribed
has not been prescribed
has not been tried
have not been tried
had not been tried
was not tried
were not tried
was never tried
were never tried
not yet tried
has yet to try
not a trial of
no trial of
no prior trial of
no history of
never had
never received
never been prescribed
# "physical therapy has not yet begun", "which has not yet started"
/\b(?:has|have|had)\s+not\s+yet\s+(?:tried|had|undergone|received|begun|started|commenced)/
/\b(?:has|have|had)\s+not\s+(?:begun|started|commenced)\b/

[tried]
# in the rationale, while it speaks of failed treatment, "tried X" counts
tried
has tried
have tried
had tried
trial of
trials of
has used
attempted

[helped]
# a therapy in the clause helped: not a failure
helped
helpful
beneficial
effective
good relief
significant relief
/\bresolved\s+(?:most\s+of\s+|much\s+of\s+)?(?:his|her|the)\s+(?:\w+\s+)?(?:pain|symptoms)/
/\b(?:excellent|lasting|substantial|considerable|great|good|significant|sustained|meaningful)\s+(?:(?:and|,)\s+\w+\s+)?(?:relief|benefit|improvement)\b/
improved with
improvement with
responded well
responding well
good response
good benefit
/\bwell\s+controlled\b/
/\b(?:has|have|had)\s+(?:\w+\s+)?controlled\b/
/\bcontrols\s+(?:his|her|the)\s+pain/
# "naproxen was noted to control her pain well"
/(?<!failed to )(?<!unable to )\bcontrol(?:s|led)?\s+(?:his|her|the|their)\s+(?:\w+\s+)?pain\s+(?:well|adequately|effectively)\b/

[side_effect]
side effect*
adverse effect*
intolerance
intolerant
tolerate
tolerated
/\bGI\s+(?:upset|bleed\w*|distress|symptoms)/
allergic
allergy
gastritis
GI upset
stomach upset
drowsiness
sedation

[contrast]
# bounds the clause in which a therapy and its outcome are linked
but
however
although
though
whereas
except
while
/;/
# ", she has not been tried on a muscle relaxant": a comma and a new subject
# with its verb start another clause
/,\s+(?=(?:he|she|they|the\s+(?:patient|claimant|applicant|injured\s+worker|employee))\s+(?:has|have|had|is|was|did|does)\b)/
