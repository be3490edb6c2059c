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
/\b(?:provided|gave|offered)\s+(?:only\s+)?(?:minimal|little|temporary|no)\s+(?:relief|benefit)/

/\b(?:little|minimal|no|without|limited)\s+(?:\w+\s+)?(?:lasting\s+|sustained\s+|significant\s+|adequate\s+|durable\s+)?(?:relief|benefit|improvement)/
/\b(?:did|does|do|has|have|had)\s+not\s+(?:\w+\s+)?(?:control|relieve|improve|help|resolve|work)/
/\bnot\s+(?:adequately\s+)?(?:controlled|relieved)/

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
/\bhas\s+not\s+yet\s+(?:tried|had|undergone|received)/

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
improved with
improvement with
responded well
responding well
good response
good benefit
/\bwell\s+controlled\b/
/\b(?:has|have|had)\s+(?:\w+\s+)?controlled\b/
/\bcontrols\s+(?:his|her|the)\s+pain/

[side_effect]
side effect*
adverse effect*
intolerance
intolerant
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
