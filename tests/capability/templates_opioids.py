"""templates_opioids.py - the capability matrix's templates for the opioid
pack (rules/mtus-opioids/pack.lua), labelled per
shared/domain/mtus-opioid-criteria.md and the conventions of
mtus-trigger-point-criteria.md. T() and the markers as in templates.py; a
value is a slot name ("$slot") or a literal. The item is {drug_title};
{drug} its name in prose, {odrug} a drug that is not an opioid."""

from templates import T, P, A, U

FACTS = ("pain_relief", "functional_improvement", "return_to_work",
         "side_effects_assessed", "aberrant_behavior", "urine_drug_screen",
         "pain_agreement", "morphine_equivalent_dose")

PR = {
    "affirm": [
        T("S", "Her pain is «{hi}/10 without medication and {lo}/10 with {drug}».", P),
        T("S", "«{Drug} reduces her pain by {pct_hi}%» for about four hours.", P),
        T("S", "«{Drug} brings her pain down from {hi}/10 to {lo}/10».", P),
    ],
    "deny": [
        T("S", "She reports «no relief from {drug}».", A),
        T("S", "«{Drug} does not help her pain».", A),
        T("S", "Her «pain is unchanged» with {drug}.", A),
    ],
    "shorthand": [
        T("S", "«Pain {hi}/10 w/o meds, {lo}/10 w/ meds».", P),
        T("S", "«VAS {hi} -> {lo}» w/ {drug}.", P),
        T("S", "«{Drug}: {pct_hi}% pain relief», lasts 4 hrs.", P),
    ],
    "far_negation": [
        T("S", "She has not, despite escalating doses since {year}, obtained any «meaningful relief from {drug}».", A),
    ],
    "list_negation": [
        T("S", "She reports no early refills, no sedation, and «{pct_hi}% pain relief with {drug}».", P),
        T("S", "She has no new injuries, no falls, and «pain of {hi}/10 without medication and {lo}/10 with {drug}».", P),
    ],
    "double_negation": [
        T("S", "It is not true that {drug} gives her no relief: «it brings her pain down from {hi}/10 to {lo}/10».", P),
    ],
    "hypothetical": [
        T("S", "If «{drug} reduces her pain by {pct_hi}%», it will be continued.", U),
        T("S", "The physician will reassess whether «{drug} relieves her pain» at the next visit.", U),
    ],
    "historical_resolved": [
        T("S", "«{Drug} reduced her pain from {hi}/10 to {lo}/10 in {year}», but it no longer helps.", A),
    ],
    "attributed": [
        T("S", "{ur} stated that «{drug} reduced her pain from {hi}/10 to {lo}/10».", U),
        T("S", "{phys} documented that «her pain is {hi}/10 without medication and {lo}/10 with {drug}».", P),
        T("S", "{ur} found no documented analgesia; however, the note of {visit} documents that «{drug} reduces her pain by {pct_hi}%».", P),
    ],
    "other_region": [
        T("S", "«{Odrug} reduces her pain by {pct_hi}%».", U),
        T("S", "«Her pain is {hi}/10 without {odrug} and {lo}/10 with it».", U),
    ],
}

FU = {
    "affirm": [
        T("S", "With {drug} she is «able to {func}».", P),
        T("S", "«{Drug} allows her to {func}».", P),
    ],
    "deny": [
        T("S", "Her «function has not improved» with {drug}.", A),
        T("S", "There has been «no improvement in function» with {drug}.", A),
        T("S", "Her «activities of daily living remain limited».", A),
    ],
    "shorthand": [
        T("S", "Fxn: «ADLs improved w/ meds», able to {func}.", P),
        T("S", "«Able to {func} w/ meds».", P),
        T("S", "«No fxnal improvement» w/ meds.", A),
    ],
    "far_negation": [
        T("S", "Her function has not, despite the increases in {drug} since {year}, «improved in any measurable way».", A),
    ],
    "list_negation": [
        T("S", "She reports no side effects, no falls, and that {drug} «allows her to {func}».", P),
    ],
    "hypothetical": [
        T("S", "The goal is that {drug} will «allow her to {func}».", U),
        T("S", "If {drug} «enables her to {func}», it will be continued.", U),
    ],
    "historical_resolved": [
        T("S", "In {year} {drug} «allowed her to {func}», but she can no longer do so.", A),
    ],
    "attributed": [
        T("S", "{ur} stated that {drug} «allows her to {func}».", U),
        T("S", "{phys} documented that {drug} «allows her to {func}».", P),
    ],
    "other_region": [
        T("S", "«{Odrug} allows her to {func}».", U),
    ],
}

RW = {
    "affirm": [
        T("S", "She «works full duty» as a {occupation}.", P),
        T("S", "She «returned to modified duty» on {recent_date}.", P),
        T("S", "She «continues to work» as a {occupation} with restrictions.", P),
    ],
    "deny": [
        T("S", "She «is temporarily totally disabled».", A),
        T("S", "She «has not worked» since {old_date}.", A),
        T("S", "She «is not working».", A),
    ],
    "shorthand": [
        T("S", "Work status: «TTD».", A),
        T("S", "«RTW modified duty» {recent_date}.", P),
        T("S", "Work: «FD» as a {occupation}.", P),
        T("S", "«Off work» since {old_date}.", A),
    ],
    "far_negation": [
        T("S", "She has not, despite two attempts at modified duty and a vocational evaluation, «returned to work».", A),
    ],
    "hypothetical": [
        T("S", "She hopes to «return to work» if her pain improves.", U),
        T("S", "The goal of treatment is a «return to modified duty».", U),
    ],
    "historical_resolved": [
        T("S", "She «returned to work» in {year} but has been off work since {recent_date}.", A),
    ],
    "attributed": [
        T("S", "{ur} stated that she «had returned to work».", U),
        T("S", "{phys} reports that she «works full duty».", P),
    ],
}

SF = {
    "affirm": [
        T("S", "She «denies side effects» from {drug}.", P),
        T("S", "«{Drug} causes mild {se}», which is managed with diet.", P),
        T("S", "«Side effects were reviewed» at the visit.", P),
    ],
    "deny": [
        T("S", "«Side effects were not assessed» at the visit.", A),
        T("S", "«Side effects have not been reviewed» since {year}.", A),
    ],
    "shorthand": [
        T("S", "«SE: none».", P),
        T("S", "«4 A's reviewed».", P),
        T("S", "«Denies {se}» w/ meds.", P),
    ],
    "list_negation": [
        T("S", "She reports «no {se}», no sedation, and good pain relief.", P),
    ],
    "hypothetical": [
        T("S", "If «{se} develops», the dose will be reduced.", U),
    ],
    "attributed": [
        T("S", "{ur} noted that «side effects were reviewed».", U),
        T("S", "{phys} documented that she «denies side effects».", P),
    ],
}

AB = {
    "affirm": [
        T("S", "She «{aberrant}».", P),
        T("S", "The records note that she «{aberrant}».", P),
    ],
    "deny": [
        T("S", "There is «no aberrant drug behavior».", A),
        T("S", "A «urine drug screen on {recent_date} was consistent» with the prescribed medications.", A),
        T("S", "The «CURES report was reviewed and was appropriate».", A),
    ],
    "shorthand": [
        T("S", "«{aberrant_sh}».", P),
        T("S", "«UDS {recent_date} c/w Rx'd meds».", A),
        T("S", "«CURES appropriate».", A),
    ],
    "far_negation": [
        T("S", "There has not been, according to the pharmacy records and the CURES report reviewed on {recent_date}, any «aberrant drug behavior».", A),
    ],
    "hypothetical": [
        T("S", "If «early refills» are requested, the opioid will be tapered.", U),
        T("S", "The physician will monitor for «aberrant behavior».", U),
    ],
    "historical_resolved": [
        T("S", "She «{aberrant}» in {year}; since then her urine drug screens have been consistent and the CURES report appropriate.", A),
    ],
    "attributed": [
        T("S", "{ur} suggested «aberrant behavior».", U),
        T("S", "{phys} noted that she «{aberrant}».", P),
    ],
}

UD = {
    "affirm": [
        T("S", "«{Uds}» was consistent with the prescribed medications.", P),
        T("S", "She had «{uds}».", P),
    ],
    "deny": [
        T("S", "«No urine drug screen has been performed».", A),
        T("S", "She «has never had a urine drug screen».", A),
    ],
    "shorthand": [
        T("S", "«{uds_sh}».", P),
        T("S", "«No UDS on file».", A),
    ],
    "hypothetical": [
        T("S", "«A urine drug screen will be obtained» at the next visit.", U),
        T("S", "If she continues {drug}, «a urine drug screen» should be performed.", U),
    ],
    "looked_for_not_found": [
        T("S", "A urine drug screen was ordered on {old_date} but «was never collected».", A),
    ],
    "attributed": [
        T("S", "{ur} stated that «a urine drug screen had been done».", U),
        T("S", "{phys} documented «{uds}».", P),
    ],
}

AG = {
    "affirm": [
        T("S", "She «signed {agreement}» on {recent_date}.", P),
        T("S", "«{Agreement} is on file».", P),
    ],
    "deny": [
        T("S", "She «has not signed {agreement}».", A),
        T("S", "She «has never signed an opioid agreement».", A),
    ],
    "shorthand": [
        T("S", "«Opioid contract signed» {recent_date}.", P),
        T("S", "«Pain agmt on file».", P),
    ],
    "hypothetical": [
        T("S", "She will be asked to «sign {agreement}» at the next visit.", U),
    ],
    "attributed": [
        T("S", "{ur} stated that she «had signed {agreement}».", U),
        T("S", "{phys} documented that she «signed {agreement}» on {recent_date}.", P),
    ],
}

ME = {
    "affirm": [
        T("S", "Her «morphine equivalent dose is {med_stated} mg per day».", None, "$med_stated"),
        T("S", "She takes «{drug_dose} {sig}».", None, "$med"),
    ],
    "shorthand": [
        T("S", "«MED {med_stated} mg/day».", None, "$med_stated"),
        T("S", "«MME {med_stated}».", None, "$med_stated"),
        T("S", "Rx: «{drug_dose} {sig_sh}».", None, "$med_sh"),
    ],
}

RECORD = {"pain_relief": PR, "functional_improvement": FU,
          "return_to_work": RW, "side_effects_assessed": SF,
          "aberrant_behavior": AB, "urine_drug_screen": UD,
          "pain_agreement": AG, "morphine_equivalent_dose": ME}

HI = "MS Contin 100 mg #90"
GUIDE = {
    "pain_relief": ["There is no documentation of pain relief: the current pain, the least reported pain, the average pain, and the intensity of pain after taking the opioid.",
                    "Pain scores with and without the medication are not documented."],
    "functional_improvement": ["There is no documentation of objective functional improvement with the use of opioids."],
    "return_to_work": ["Opioids may be continued if the patient has returned to work, and there is no documentation of a return to work."],
    "side_effects_assessed": ["There is no documentation of ongoing review of adverse side effects."],
    "aberrant_behavior": ["There is no documentation of monitoring for aberrant drug-taking behaviors."],
    "urine_drug_screen": ["There is no documentation of urine drug screening to assess for the use or the presence of illegal drugs."],
    "pain_agreement": ["There is no documentation of a signed opioid treatment agreement."],
    "morphine_equivalent_dose": [(HI, "The total daily dose exceeds 120 mg oral morphine equivalents.")],
}
OWN = {
    "pain_relief": ["It is not clear how much the medication actually helps her pain.",
                    "The notes never say how much the pain drops after a dose or how long the effect lasts."],
    "functional_improvement": ["The notes do not show that she can do more because of the medication.",
                               "Nothing shows what she can do now that she could not do before the medication."],
    "return_to_work": ["The medication has not enabled her to resume her job."],
    "side_effects_assessed": ["The notes do not say whether the medication causes problems such as constipation or drowsiness.",
                              "Nobody has asked her about adverse reactions to the medication."],
    "aberrant_behavior": ["There is no assessment of whether she takes the medication as prescribed."],
    "urine_drug_screen": ["Her drug use has not been checked by a toxicology test of her urine."],
    "pain_agreement": ["There is no written contract governing her opioid use."],
    "morphine_equivalent_dose": [(HI, "The daily amount of opioid is above the recommended ceiling."),
                                 (HI, "The prescribed dose is far too high.")],
}
CITE_STATUS = {"morphine_equivalent_dose": None}
RECITAL = {
    "pain_relief": "On-going management requires documentation of pain relief, functional status, appropriate medication use, and side effects.",
    "functional_improvement": "Opioids may be continued if the patient has returned to work or has improved functioning and pain.",
    "return_to_work": "Opioids may be continued if the patient has returned to work or has improved functioning and pain.",
    "side_effects_assessed": "The 4 A's for ongoing monitoring are analgesia, activities of daily living, adverse side effects, and aberrant drug-taking behaviors.",
    "aberrant_behavior": "The 4 A's for ongoing monitoring are analgesia, activities of daily living, adverse side effects, and aberrant drug-taking behaviors.",
    "urine_drug_screen": "The guidelines support urine drug screening to assess for the use or the presence of illegal drugs.",
    "pain_agreement": "Steps to avoid misuse of opioids include an opioid treatment agreement and a single prescriber.",
    "morphine_equivalent_dose": "Rarely, and only after pain management consultation, should the total daily dose of opioid exceed 120 mg oral morphine equivalents.",
}
FULL_RECITAL = ("The MTUS Chronic Pain Guidelines require ongoing review and documentation of pain relief, functional status, appropriate medication use, and side effects; "
                "the 4 A's for ongoing monitoring are analgesia, activities of daily living, adverse side effects, and aberrant drug-taking behaviors. "
                "Opioids may be continued if the patient has returned to work or has improved functioning and pain. "
                "Urine drug screening and an opioid treatment agreement are recommended to avoid misuse, and the total daily dose should rarely exceed 120 mg oral morphine equivalents.")
OTHER = ("a urine drug screen", "an opioid treatment agreement")
