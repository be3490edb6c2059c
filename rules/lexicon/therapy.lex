# therapy.lex - failed-therapy semantics (see rules/lexicon/README.md).

# Therapy outcome: one section per class of outcome phrase. A therapy
# ([physical_therapy], [nsaid], [muscle_relaxant], or an umbrella term below)
# takes the outcome of a class phrase in the same part of its sentence
# (between [contrast] words), so a list of treatments followed by one
# outcome gives it to each of them. How each class decides failed_* is in
# core/facts/therapy.c (the class table): every class but [helped] and
# [side_effect] is a failure (present); [helped] is a lasting success
# (absent, unless a failure class phrase is also there: "helped initially");
# [side_effect] explains a stop that is no failure (unknown).

[failed]
# class no_effect: an explicit verdict of failure, or no effect at all
failed
# (present tense: "X did not fail" is no failure, unless a double negation
# turns it: "it is not the case that X did not fail")
/\bfails?\b/
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
without adequate relief
no benefit
no relief
no improvement
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
/\bwithout\s+(?:any\s+)?(?:significant\s+|sustained\s+|lasting\s+|long-term\s+)?(?:relief|benefit|improvement)/
/\b(?:provided|gave|offered|brought|yielded)\s+(?:only\s+)?(?:minimal|little|temporary|transient|short-lived|short\s+lived|brief|partial|no)\s+(?:\w+\s+)?(?:relief|benefit|improvement)/
/\b(?:little|minimal|no|without|limited)\s+(?:\w+\s+)?(?:lasting\s+|sustained\s+|significant\s+|adequate\s+|durable\s+)?(?:relief|benefit|improvement)/
/\b(?:did|does|do|has|have|had)\s+not\s+(?:\w+\s+)?(?:control|relieve|improve|help|resolve|work)/
/\bnot\s+(?:been\s+)?(?:adequately\s+|well\s+)?(?:controlled|relieved)/
# "did not provide relief", "has not had relief from", "did not get any
# benefit from", "had not generated relief": the therapy was tried (a
# not-tried phrase inside one of these does not count)
/\b(?:did|does|do|has|have|had)\s+not\s+(?:\w+\s+)?(?:provide[ds]?|give[ns]?|gave|bring|brought|offer(?:ed)?|generate[ds]?|produce[ds]?|yield(?:ed|s)?|afford(?:ed|s)?|result(?:ed)?\s+in|le[ad]\s+to|achieve[ds]?)\s+(?:\w+\s+){0,2}?(?:relief|benefit|improvement)/
/\b(?:did|does|do|has|have|had)\s+not\s+(?:\w+\s+)?(?:get|gotten|obtain(?:ed)?|receive[d]?|experience[d]?|had|have|achieve[d]?|find|found|note[d]?|report(?:ed)?)\s+(?:\w+\s+){0,2}?(?:relief|benefit|improvement)\s+(?:from|with)\b/
/\b(?:unchanged|no\s+better|not\s+(?:any\s+)?better|not\s+improved)\s+(?:after|with|despite|following)\b/
/\b(?:did|does|do)\s+(?:absolutely\s+|little\s+or\s+)?nothing\s+(?:for|to\s+(?:help|relieve))\b/
/\bof\s+(?:no|little)\s+(?:benefit|help|value)\b/
# "PT, Naprosyn and Soma, none of which helped": the whole list failed
/\b(?:none|neither)\s+(?:of\s+(?:which|them|these|those|the\s+\w+)\s+)?(?:\w+\s+)?(?:helped|worked|controlled|relieved|improved|provided|gave|has\s+helped|have\s+helped|was\s+effective|were\s+effective)/
/\bnothing\s+(?:has\s+|have\s+)?(?:helped|worked|controlled)/
/\bwithout\s+(?:adequate\s+|significant\s+|sufficient\s+|good\s+|lasting\s+)?(?:pain\s+)?control\b/
# "had no appreciable effect", "made no difference", "no change in her
# pain", "stopped for lack of efficacy", "conservative care has been
# exhausted"
/\bno\s+(?:appreciable\s+|significant\s+|meaningful\s+|noticeable\s+|discernible\s+|real\s+)?(?:effect|difference)\b/
/\bno\s+(?:\w+\s+)?change\s+in\s+(?:(?:his|her|the|their)\s+)?(?:\w+\s+)?(?:pain|symptoms)/
/\bmade\s+(?:no|little)\s+(?:\w+\s+)?difference\b/
/\black\s+of\s+(?:\w+\s+)?(?:efficacy|effect|effectiveness|benefit|relief|improvement|response)\b/
/\b(?:been|has|have|had)\s+exhausted\b/

[outcome_partial]
/\b(?:with\s+)?(?:little|minimal|limited|modest|slight)\s+(?:effect|impact|change)\s+(?:on|in)\s+(?:his|her|their|the)\s+(?:pain|symptoms)\b/
# class partial: some relief, less than adequate
minimal relief
minimal benefit
little relief
little benefit
limited relief
limited benefit
# "which helped only minimally", "was only slightly helpful"
/\b(?:helped|helps|worked|was\s+helpful|were\s+helpful)\s+(?:only\s+)?(?:minimally|marginally|slightly|a\s+little|little|partially|somewhat|in\s+part)\b/
/\bonly\s+(?:minimally|marginally|slightly|partially|somewhat)\s+(?:\w+\s+)?(?:helpful|beneficial|effective|helped|successful|improved)\b/
/\b(?:inadequate|insufficient|poor)\s+(?:pain\s+)?(?:control|relief)\b/
# "with partial relief", "partially effective", "incomplete relief",
# "modest benefit", "suboptimal pain control"
/\bpartial(?:ly)?\s+(?:\w+\s+)?(?:relief|benefit|improvement|response|effective|helpful|beneficial|successful|control)/
/\b(?:incomplete|modest|mild|marginal|suboptimal|sub-optimal|unsatisfactory)\s+(?:\w+\s+)?(?:relief|benefit|improvement|response|control)\b/
/\bsomewhat\s+(?:helpful|effective|beneficial)\b/
# "reduced her pain only slightly", "only modestly decreased the pain"
/\b(?:reduced|decreased|lessened|eased|improved|relieved)\s+(?:his|her|the|their)\s+(?:\w+\s+)?(?:pain|symptoms)\s+(?:only\s+)?(?:slightly|minimally|marginally|a\s+little|somewhat|partially|modestly|in\s+part)\b/
/\bonly\s+(?:slightly|minimally|marginally|modestly|partially|somewhat)\s+(?:reduced|decreased|lessened|eased|improved|relieved)\b/

[outcome_transient]
# the relief described as passing, at a distance ("gave relief he
# describes as temporary"), or as not holding ("20% improvement that did not
# hold after discharge", "produced no lasting change", "none with lasting
# benefit")
/\b(?:relief|benefit|improvement|response)\s+(?:\w+\s+){1,4}?(?:as|was|were|is|proved|remained)\s+(?:only\s+|merely\s+)?(?:temporary|transient|short-lived|brief|fleeting|short\s+term|short-term)\b/
/\b(?:did\s+not|didn't|does\s+not|doesn't|failed\s+to)\s+(?:hold|last|persist|endure|carry\s+over|stick)\b/
/\b(?:was|were|has\s+not\s+been|have\s+not\s+been)\s+not\s+(?:sustained|maintained|durable)\b/
/\bno\s+(?:lasting|sustained|durable|persisting|enduring)\s+(?:change|benefit|relief|improvement|effect|gain|response)\b/
/\bnone\s+(?:with|giving|providing|of\s+which\s+(?:gave|provided|produced))\s+(?:any\s+)?(?:lasting|sustained|durable|significant|meaningful)\s+(?:benefit|relief|improvement|effect)\b/
# class transient: relief that did not last, faded or wore off
without lasting relief
temporary relief
no longer effective
/\bno\s+longer\s+(?:controlled|helps|helpful|working|works)\b/
/\bonly\s+(?:temporary|transient|short-lived|short\s+lived|brief|short-term|short\s+term)\s+(?:\w+\s+)?(?:relief|benefit|improvement)/
/\b(?:transient|short-lived|short\s+lived)\s+(?:relief|benefit|improvement)/
# "helped only for a day or two", "helped only briefly"
/\b(?:helped|helps|worked|relieved\s+(?:his|her|the)\s+pain)\s+only\s+(?:briefly|temporarily|transiently|for\s+(?:a|one|two|three|a\s+few|several)\s+(?:\w+\s+){0,3}?(?:days?|hours?|weeks?))\b/
# "temporary benefit", "short-term improvement", "initially helped",
# "helped at first", "relief wore off", "the benefit faded", "relief of
# brief duration", "the improvement was not sustained", "did not last",
# "had not generated lasting relief"
/\b(?:temporary|temporarily|transient|transiently|short-term|short\s+term|short-lived|shortlived|brief|briefly|fleeting|initial|initially)\s+(?:\w+\s+)?(?:relief|benefit|improvement|response|gains?|helped|helpful|effective|beneficial|improved|relieved)\b/
/\b(?:helped|relieved|improved|worked|responded)\s+(?:\w+\s+)?(?:temporarily|transiently|briefly|initially|at\s+first)\b/
/\b(?:relief|benefit|improvement|response)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:only\s+)?(?:temporary|transient|short-term|short\s+term|short-lived|brief|fleeting)\b/
/\b(?:wore|wears|wearing|worn)\s+off\b/
# "helped for a few days only", "worked for about a week only"
/\b(?:helped|helps|worked|relieved\s+(?:his|her|the)\s+pain)\s+for\s+(?:about\s+|approximately\s+)?(?:a|one|two|three|four|a\s+few|several|\d{1,2})\s+(?:\w+\s+)?(?:days?|hours?|weeks?)\s+only\b/
# "Relief from Aleve was temporary", "the benefit of therapy was short-lived"
/\b(?:relief|benefit|improvement)\s+(?:from|of|with)\s+(?:[\w-]+,?\s+){1,8}?(?:was|were|is|has\s+been)\s+(?:only\s+)?(?:temporary|transient|short-term|short\s+term|short-lived|brief|fleeting)\b/
/\b(?:relief|benefit|improvement|effect|gains?|response)\s+(?:\w+\s+){0,2}?(?:faded|fades|waned|wanes|dissipated|was\s+lost|were\s+lost)\b/
/\b(?:relief|benefit|improvement|effect|gains?)\s+(?:\w+\s+){0,3}?(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:not|never)\s+(?:sustained|maintained|lasting|durable|long-lasting)\b/
/\b(?:relief|benefit|improvement)\s+of\s+(?:brief|short|limited)\s+duration\b/
/\b(?:did|does|do)\s+not\s+(?:last|persist|endure)\b/
/\bnot\s+(?:\w+\s+)?(?:lasting|sustained|durable|long-lasting|long-term)\s+(?:\w+\s+)?(?:relief|benefit|improvement)/

[outcome_plateau]
# class plateaued: the gains stopped short of control
/\bplateau(?:ed|s|ing)?\b/
/\b(?:leveled|levelled|levels|leveling|levelling)\s+off\b/
/\bno\s+further\s+(?:\w+\s+)?(?:improvement|gains?|progress|benefit)\b/
/\b(?:stopped|ceased)\s+(?:improving|progressing|helping)\b/
/\b(?:progress|improvement|gains?)\s+(?:has\s+|have\s+|had\s+)?stalled\b/

[outcome_persists]
# class persists despite: the pain goes on despite, or with, the treatment
despite
in spite of
notwithstanding
continues to have pain despite
continued pain despite
persistent pain despite
/\bpain\s+(?:persists|persisted|continues|continued|remains|remained)\b/
# "PT, naproxen and Flexeril, with persistent pain", "Tx: PT, HEP -
# persistent sx", "remains symptomatic", "continues to report pain"
/(?:\bwith|\s-|:)\s+(?:ongoing|persistent|persisting|continued|continuing|residual|unremitting|unrelenting|unchanged)\s+(?:\w+\s+){0,2}?(?:pain|symptoms|sx|complaints|discomfort)\b/
/\b(?:remains|remained|remaining|still)\s+(?:\w+\s+)?symptomatic\b/
/\b(?:continues|continued)\s+to\s+(?:have|report|experience|complain\s+of)\s+(?:\w+\s+){0,2}?(?:pain|symptoms)\b/

[outcome_referent]
# words by which the part of a sentence after a contrast speaks of the pain
# or of the effect of the therapy named before it ("..., but his pain has not
# been controlled", "...; the improvement it brought was not sustained")
pain
symptoms
it
this
these
they
them
relief
benefit
improvement
effect
gains

[not_tried]
# not started ("PT not even started", "has yet to begin therapy", "never
# started the home program")
/\bnot\s+(?:even\s+|yet\s+){0,2}(?:been\s+)?(?:started|begun|initiated|commenced)\b/
/\b(?:has|have|had)\s+yet\s+to\s+(?:start|begin|try|undergo|attend|commence)\b/
/\bnever\s+(?:started|began|begun|commenced)\b/
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
# "Motrin relieved her pain, and she remains improved"; "it still helps"
/\brelieved\s+(?:his|her|the|their)\s+(?:\w+\s+)?pain\b(?!\s+(?:only|for|temporarily|briefly|partially|somewhat|slightly))/
/\b(?:remains|remained|stays|stayed)\s+(?:much\s+|significantly\s+|markedly\s+)?(?:improved|better|well\s+controlled)\b/
/\b(?:still|continues\s+to)\s+(?:help|helps|work|works|provide\s+(?:good\s+)?relief)\b/
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
# bounds the clause in which a therapy and its outcome are linked (and the
# reach of an attribution: after "but" or "this reviewer agrees" the
# record or the reviewer speaks)
/\b(?:this|the)\s+(?:reviewer|undersigned)\s+(?:agrees|concurs)\b/
/\bI\s+(?:agree|concur)\b/
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

# Umbrella terms: a failure stated of one of these is a failure of each
# therapy of its kind that the record names as tried ("He completed PT and
# takes naproxen ... conservative care has failed"); an umbrella over a
# record that names none of them documents nothing.
[umbrella_conservative]
# physical therapy, NSAIDs and muscle relaxants
/\bconservative\s+(?:\w+\s+)?(?:care|treatments?|tx|management|measures|therapy|therapies|modalities|options)\b/
/\bnon-?\s?operative\s+(?:care|treatments?|management|measures|therapy|therapies)\b/

[umbrella_medication]
# NSAIDs and muscle relaxants
medication
medications
meds
/\bpharmacolog\w*\s+(?:treatment|therapy|therapies|management)\b/

[umbrella_therapy]
# a bare "therapy" in a list or a verdict: physical therapy
/(?<=\bfailed |\bdespite |\band |\bwith |\bafter |\bof |\bto )therap(?:y|ies)\b/

