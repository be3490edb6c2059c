"""templates_esi.py - the capability matrix's templates for the ESI pack
(rules/mtus-esi/pack.lua), labelled per shared/domain/mtus-esi-criteria.md
and the conventions of mtus-trigger-point-criteria.md. T() and the
markers as in templates.py; a value is a slot name ("$slot") or a literal.
The item is an ESI at {level} of the case's region ({root} the root there);
{olevel}/{oroot} are of the other region."""

from templates import T, P, A, U

TITLE = "{Region_adj} transforaminal epidural steroid injection {level}"

FACTS = ("radiculopathy_exam", "radiculopathy_corroborated",
         "failed_conservative_treatment", "fluoroscopy", "levels", "approach",
         "repeat_relief", "blocks_per_year", "series_of_three")

EX = {
    "affirm": [
        T("S", "Examination showed «{esi_exam}».", P),
        T("S", "On examination there was «{esi_exam}».", P),
        T("S", "The neurologic examination was notable for «{esi_exam}».", P),
    ],
    "deny": [
        T("S", "«{test_neg}».", A),
        T("S", "The «{test_name} was negative» bilaterally.", A),
        T("S", "There was a «negative {test_name}» on both sides.", A),
    ],
    "shorthand": [
        T("S", "Neuro: «{esi_exam_sh}».", P),
        T("S", "Exam: «{esi_exam_sh}».", P),
        T("S", "Neuro: «{esi_exam_sh_neg}».", A),
        T("S", "Exam: «{esi_exam_sh_neg}», DTRs 2+ and symmetric.", A),
    ],
    "far_negation": [
        T("S", "The {test_name}, which was performed seated and supine at the visit of {visit}, «was not positive» on either side.", A),
        T("S", "At no point during the examination, which included seated and supine testing, was the «{test_name} positive».", A),
    ],
    "list_negation": [
        T("S", "Examination showed full range of motion, no atrophy, and «{esi_exam}».", P),
        T("S", "There was no muscle atrophy, no spasm, and «{esi_exam}».", P),
        T("S", "Examination showed paraspinal tenderness, full strength, and a «negative {test_name}» bilaterally.", A),
    ],
    "double_negation": [
        T("S", "It is not the case that the «{test_name} was negative»; it was positive on the {side}.", P),
        T("S", "It is not true that the examination was normal: «it showed {esi_exam}».", P),
    ],
    "hypothetical": [
        T("S", "If «{esi_exam}» develops, an injection may be considered.", U),
        T("S", "The physician will reexamine her to determine whether «{esi_exam}» is present.", U),
        T("S", "Should «{esi_exam}» be found at the next visit, the injection would be appropriate.", U),
    ],
    "historical_resolved": [
        T("S", "She had «{esi_exam}» in {year}, but this has since resolved, and the neurologic examination is now normal.", A),
        T("S", "«{Esi_exam}» noted in {year} is no longer present.", A),
    ],
    "looked_for_not_found": [
        T("S", "The examiner tested for nerve root tension and «found none»; {test_neg_lc}.", A),
        T("S", "The {test_name} was performed and «was negative» on both sides.", A),
        T("S", "Sensation, strength and reflexes were tested in a dermatomal and myotomal pattern, and «no deficit was found».", A),
    ],
    "attributed": [
        T("S", "{ur} stated that the examination showed «{esi_exam}».", U),
        T("S", "{peer} reported «{esi_exam}».", U),
        T("S", "{phys} documented «{esi_exam}».", P),
        T("S", "{ur} stated that the examination was normal; however, the progress note of {visit} documents «{esi_exam}».", P),
        T("R", "{ur} noted that no radicular findings were documented on examination, and this reviewer agrees: the examination does not document «radiculopathy».", U, cited=True),
    ],
    "other_region": [
        T("S", "Examination of the {olimbs} showed «decreased sensation in the {oside} {oroot} dermatome».", U),
        T("S", "There was «a positive {otest_name}» on the {oside}.", U),
    ],
}

CO = {
    "affirm": [
        T("S", "The diagnostic workup included «{img_pos}».", P),
        T("S", "She had «{img_pos}».", P),
        T("S", "The records include «{img_pos}».", P),
    ],
    "deny": [
        T("S", "The diagnostic workup included «{img_neg}».", A),
        T("S", "She had «{img_neg}».", A),
    ],
    "shorthand": [
        T("S", "«{img_sh_pos}».", P),
        T("S", "Dx studies: «{img_sh_pos}».", P),
        T("S", "«{img_sh_neg}».", A),
        T("S", "Dx studies: «{img_sh_neg}».", A),
    ],
    "far_negation": [
        T("S", "Neither the MRI of {date0}, which was read by two radiologists, nor the electrodiagnostic study of {visit} showed any «nerve root compression» or radiculopathy.", A),
        T("S", "The MRI of {date0} did not, according to the radiologist's report and its addendum, show any «nerve root impingement» at {level}.", A),
    ],
    "list_negation": [
        T("S", "The MRI showed no fracture, no instability, and «{side} {level} foraminal stenosis with impingement of the {root} nerve root».", P),
        T("S", "She has not had surgery, has no red flags, and had «{img_pos}».", P),
        T("S", "The MRI showed disc desiccation, facet arthropathy, and «no nerve root compression».", A),
    ],
    "double_negation": [
        T("S", "It is not the case that the EMG/NCS was normal: «it showed {side} {root} radiculopathy».", P),
        T("S", "It is not true that imaging showed no nerve root involvement; «the MRI showed {side} {root} nerve root compression at {level}».", P),
    ],
    "hypothetical": [
        T("S", "An MRI is planned to look for «nerve root compression».", U),
        T("S", "If an EMG/NCS shows «{root} radiculopathy», an injection may be considered.", U),
        T("S", "Should the MRI show «nerve root impingement», she will be referred for an injection.", U),
    ],
    "historical_resolved": [
        T("S", "An EMG/NCS in {year} showed «{root} radiculopathy»; a repeat study on {date0} was normal.", A),
    ],
    "looked_for_not_found": [
        T("S", "An MRI was obtained to look for nerve root compression and «found none».", A),
        T("S", "Electrodiagnostic testing of the {limbs} «found no evidence of radiculopathy».", A),
        T("S", "The MRI «showed no nerve root impingement» at {level}.", A),
    ],
    "attributed": [
        T("S", "{ur} stated that the MRI showed «nerve root compression».", U),
        T("S", "{peer} reported «{img_pos}».", U),
        T("S", "{phys} reviewed «{img_pos}».", P),
        T("S", "{ur} stated that there was no imaging; however, the records include «{img_pos}».", P),
        T("R", "{ur} noted that no imaging or electrodiagnostic study corroborates radiculopathy, and this reviewer agrees: no study in the records shows «nerve root compression».", U, cited=True),
    ],
    "other_region": [
        T("S", "An MRI of the {oregion_word} showed «{olevel} foraminal stenosis with impingement of the {oside} {oroot} nerve root».", U),
        T("S", "An EMG/NCS of the {olimbs} showed «{oside} {oroot} radiculopathy».", U),
    ],
}


def conservative():
    x = {
        "affirm": [
            T("S", "She tried «{pt} without relief».", P),
            T("S", "«{Nsaid} and {mr} failed» to control her pain.", P),
            T("S", "She has «failed conservative care» including {pt} and {nsaid}.", P),
            T("S", "She completed {pt}, which «did not help».", P),
        ],
        "deny": [
            T("S", "She «has not tried {pt}».", A),
            T("S", "She «has never tried physical therapy» or anti-inflammatory medication.", A),
            T("S", "«No conservative treatment has been tried» for this injury.", A),
        ],
        "shorthand": [
            T("S", "«S/p PT x{n} w/o relief».", P),
            T("S", "«Failed {pt_sh}, NSAIDs».", P),
            T("S", "Meds: «{nsaid} - ineffective».", P),
            T("S", "«No PT to date».", A),
        ],
        "far_negation": [
            T("S", "She has not, despite repeated recommendations at several visits since {year}, «ever tried physical therapy».", A),
        ],
        "list_negation": [
            T("S", "She has no bowel or bladder symptoms, and «{pt} failed» to relieve her pain.", P),
            T("S", "She has not had surgery, has not missed work, and «has failed {nsaid} and {pt}».", P),
        ],
        "double_negation": [
            T("S", "It is not the case that «{pt} did not fail»; it gave her no relief.", P),
        ],
        "hypothetical": [
            T("S", "If «{pt} fails», an injection may be considered.", U),
            T("S", "The physician recommends «{pt}», and an injection will be considered if it does not help.", U),
        ],
        "historical_resolved": [
            T("S", "In {year} she tried «{pt} for this injury without relief».", P),
            T("S", "«{Pt} helped in {year}, but the relief wore off» and the pain returned.", P),
        ],
        "attributed": [
            T("S", "{ur} stated that «conservative care had failed».", U),
            T("S", "{peer} noted that «{pt} had not been tried».", U),
            T("S", "{phys} reports that «{pt} failed to relieve her pain».", P),
            T("S", "{ur} stated that {pt} had not been tried; however, the progress notes show that «{pt} failed to relieve her pain».", P),
        ],
        "out_worked": [
            T("S", "«{Pt} relieved her pain», and she remains improved.", A),
            T("S", "Her pain «has been well controlled with {nsaid}».", A),
        ],
        "out_partial": [
            T("S", "«{Pt} gave only partial relief».", P),
            T("S", "«{Nsaid} helped somewhat», but her pain remains 7/10.", P),
        ],
        "out_transient": [
            T("S", "«{Pt} helped for a few days only».", P),
            T("S", "Relief «from {nsaid} was temporary».", P),
        ],
        "out_plateaued": [
            T("S", "She improved with «{pt} until her progress plateaued» with persistent pain.", P),
            T("S", "Her progress «with {pt} plateaued», and her pain persists at 6/10.", P),
        ],
        "out_side_effects": [
            T("S", "«{Nsaid} was stopped because of {se_nsaid}».", U),
            T("S", "She stopped «{mr} due to {se_mr}».", U),
        ],
        "out_no_effect": [
            T("S", "«{Nsaid} was discontinued because it did not help».", P),
            T("S", "She stopped «{pt} because it gave no benefit».", P),
        ],
        "out_persists": [
            T("S", "Her radicular pain persists «despite {pt}».", P),
            T("S", "Pain remains 8/10 «in spite of {nsaid} and {pt}».", P),
        ],
    }
    return x


FL = {
    "affirm": [
        T("S", "The injection will be performed «{fluoro}».", P),
        T("S", "The physician plans a transforaminal injection at {level} «{fluoro}».", P),
    ],
    "deny": [
        T("S", "The injection will be performed «without fluoroscopic guidance».", A),
        T("S", "The physician plans to perform the injection «without imaging guidance», by a landmark technique.", A),
    ],
    "shorthand": [
        T("S", "Plan: TFESI {level} «{fluoro_sh}».", P),
        T("S", "Plan: ESI {level} «{fluoro_sh}», contrast confirmation.", P),
    ],
    "attributed": [
        T("S", "{phys} will perform the injection «{fluoro}».", P),
        T("S", "{ur} stated that the injection would be done «without fluoroscopy»; however, the request specifies that it will be performed {fluoro}.", P),
    ],
    "other_region": [
        T("S", "A prior injection to the {oregion_word} was performed «{fluoro}».", U),
    ],
}

LV_T2 = "{Region_adj} transforaminal epidural steroid injection «{pair}»"
LV_T3 = "{Region_adj} transforaminal epidural steroid injection «{triple}»"
LV = {
    "affirm": [
        T("S", "", None, 1, title="{Region_adj} transforaminal epidural steroid injection «{level}»"),
        T("S", "", None, 2, title=LV_T2),
        T("S", "", None, 3, title=LV_T3),
        T("S", "", None, 1, title="{Region_adj} transforaminal epidural steroid injection «bilateral {level}»"),
    ],
    "shorthand": [
        T("S", "", None, 2, title="«TFESI {pair}»"),
        T("S", "", None, 1, title="«{Side_sh} {level} TFESI»"),
        T("S", "", None, 3, title="«TFESI {triple}»"),
    ],
    "attributed": [
        T("S", "{ur} modified the request to «one level».", None, 2, title=LV_T2),
        T("S", "{phys} requested a transforaminal injection at «{pair}».", None, 2, title=LV_T2),
    ],
    "other_region": [
        T("S", "She had a prior injection to the {oregion_word} at «{opair}».", None, 1),
        T("S", "An MRI showed degenerative changes at «{triple}».", None, 1),
    ],
}

AP = {
    "affirm": [
        T("S", "", None, "transforaminal", title="{Region_adj} «transforaminal» epidural steroid injection {level}"),
        T("S", "", None, "interlaminar", title="{Region_adj} «interlaminar» epidural steroid injection {level}"),
        T("S", "", None, "caudal", title="«Caudal» epidural steroid injection"),
    ],
    "shorthand": [
        T("S", "", None, "transforaminal", title="«TFESI» {level}"),
        T("S", "", None, "interlaminar", title="«ILESI» {level}"),
        T("S", "", None, "transforaminal", title="{Side_sh} {level} «TF ESI»"),
    ],
    "other_region": [
        T("S", "She had a prior «interlaminar» injection to the {oregion_word} in {year}.", None, "transforaminal"),
    ],
    "historical_resolved": [
        T("S", "A «caudal» injection in {year} gave little relief.", None, "transforaminal"),
    ],
}

RR_T = "Repeat {region_adj} transforaminal epidural steroid injection {level}"
RR = {
    "affirm": [
        T("S", "The prior transforaminal epidural steroid injection at {level} on {date0} gave «{pct_hi}% relief for {wk_hi} weeks» with a reduction of her {nsaid} use.", P, title=RR_T),
        T("S", "After the previous epidural injection on {date0}, she reported «{pct_hi}% pain relief lasting {wk_hi} weeks» and decreased her medication use.", P, title=RR_T),
    ],
    "deny": [
        T("S", "The prior epidural injection on {date0} gave «{pct_lo}% relief» for {wk_lo} weeks.", A, title=RR_T),
        T("S", "The prior epidural injection on {date0} «gave no relief».", A, title=RR_T),
        T("S", "The previous epidural injection on {date0} gave {pct_hi}% relief that «lasted only {wk_lo} weeks».", A, title=RR_T),
    ],
    "shorthand": [
        T("S", "S/p TFESI {level} {date0} w/ «{pct_hi}% relief x {wk_hi} wks», decr meds.", P, title=RR_T),
        T("S", "S/p ESI {date0}: «{pct_lo}% relief x {wk_lo} wks».", A, title=RR_T),
    ],
    "far_negation": [
        T("S", "The prior epidural injection on {date0} did not, according to her pain diary and the therapist's notes, «give more than {pct_lo}% relief».", A, title=RR_T),
    ],
    "list_negation": [
        T("S", "The prior epidural injection on {date0} caused no complications, no flare, and «{pct_hi}% relief for {wk_hi} weeks» with reduced medication use.", P, title=RR_T),
    ],
    "hypothetical": [
        T("S", "If the injection gives «more than 50% relief for six weeks», it may be repeated.", U),
        T("S", "A repeat injection would be considered «if relief exceeds 50% for six to eight weeks».", U),
    ],
    "attributed": [
        T("S", "{ur} stated that the prior injection gave «{pct_hi}% relief for {wk_hi} weeks».", U, title=RR_T),
        T("S", "{phys} reported that the prior epidural injection on {date0} gave «{pct_hi}% relief for {wk_hi} weeks» with reduced medication use.", P, title=RR_T),
    ],
    "other_region": [
        T("S", "An epidural injection to the {oregion_word} on {date0} gave «{pct_hi}% relief for {wk_hi} weeks».", U, title=RR_T),
        T("S", "Trigger point injections on {date0} gave «{pct_hi}% relief for {wk_hi} weeks».", U, title=RR_T),
    ],
}

BL = {
    "affirm": [
        T("S", "She had «epidural injections on {date_far} and {date_near}».", None, 3, title=RR_T),
        T("S", "She has had «{nword} prior epidural steroid injections in the past year».", None, "$n1", title=RR_T),
    ],
    "shorthand": [
        T("S", "S/p «ESI x{n} in the past 12 mos».", None, "$n1", title=RR_T),
    ],
    "historical_resolved": [
        T("S", "She had «{nword} epidural injections in {year}» and none since.", None, 1, title=RR_T),
    ],
    "other_region": [
        T("S", "She had «{nword} epidural injections to the {oregion_word}» in the past year.", None, 1),
    ],
}

SE_T3 = "{Region_adj} transforaminal epidural steroid injection {level}, «series of three»"
SE = {
    "affirm": [
        T("S", "", P, title=SE_T3),
        T("S", "The physician requested «a series of three epidural injections».", P),
        T("S", "The request is for «three epidural steroid injections», to be given two weeks apart.", P),
    ],
    "deny": [
        T("S", "The request is for «a single injection».", A),
    ],
    "shorthand": [
        T("S", "", P, title="«ESI x3» {level}"),
        T("S", "Plan: «TFESI {level} x 3».", P),
    ],
    "hypothetical": [
        T("S", "If the first injection helps, «a series of three» may be considered later.", A),
    ],
    "attributed": [
        T("S", "{phys} requested «a series of three epidural injections».", P),
    ],
    "other_region": [
        T("S", "She had «a series of three» injections to the {oregion_word} in {year}.", A),
    ],
}

RECORD = {"radiculopathy_exam": EX, "radiculopathy_corroborated": CO,
          "failed_conservative_treatment": conservative(), "fluoroscopy": FL,
          "levels": LV, "approach": AP, "repeat_relief": RR,
          "blocks_per_year": BL, "series_of_three": SE}

T3 = "{Region_adj} transforaminal epidural steroid injection {triple}"
T5 = "Repeat {region_adj} transforaminal epidural steroid injection {level}"
GUIDE = {
    "radiculopathy_exam": ["There is no documentation of radiculopathy on physical examination.",
                           "Radiculopathy must be documented by physical examination, and objective findings of radiculopathy are not documented."],
    "radiculopathy_corroborated": ["Radiculopathy has not been corroborated by imaging studies and/or electrodiagnostic testing.",
                                   "There is no imaging or electrodiagnostic corroboration of radiculopathy."],
    "failed_conservative_treatment": ["There is no documentation that the patient was initially unresponsive to conservative treatment (exercises, physical methods, NSAIDs and muscle relaxants)."],
    "fluoroscopy": ["There is no documentation that the injection will be performed using fluoroscopy for guidance."],
    "levels": [(T3, "The request is for three levels, and the guidelines allow no more than two nerve root levels by transforaminal block.")],
    "repeat_relief": [(T5, "There is no documentation of at least 50% pain relief with associated reduction of medication use for six to eight weeks after the prior block.")],
    "blocks_per_year": [(T5, "This would be the fifth block in this region within twelve months, and the guidelines allow no more than four blocks per region per year.")],
    "series_of_three": ["The request is for a series of three injections, which current research does not support."],
}
OWN = {
    "radiculopathy_exam": ["The physical examination does not show a neurologic deficit in a dermatomal pattern.",
                           "The examination does not show any loss of strength, sensation or reflexes that would point to a compressed nerve root."],
    "radiculopathy_corroborated": ["No study confirms a nerve root lesion at the requested level.",
                                   "The MRI does not show anything pressing on a nerve root."],
    "failed_conservative_treatment": ["It has not been shown that therapy, exercise and anti-inflammatory medication were tried and did not work.",
                                      "Conservative care has not been exhausted."],
    "fluoroscopy": ["The request does not say that the needle will be placed under imaging."],
    "levels": [(T3, "Three levels in one session are too many."),
               (T3, "The number of levels requested is more than the guidelines allow.")],
    "repeat_relief": [(T5, "A repeat injection cannot be approved in advance, because it depends on the response to the last one."),
                      (T5, "The relief from the prior injection was too short-lived to justify another.")],
    "blocks_per_year": [(T5, "This would be her fifth injection in this region within twelve months, more than the guidelines allow.")],
    "series_of_three": ["Several injections cannot be authorized at once.",
                        "Authorizing three injections at once is not supported."],
}
CITE_STATUS = {"levels": None, "blocks_per_year": None, "series_of_three": None,
               "approach": None}
RECITAL = {
    "radiculopathy_exam": "The MTUS criteria for epidural steroid injections require that radiculopathy be documented by physical examination and corroborated by imaging studies and/or electrodiagnostic testing.",
    "radiculopathy_corroborated": "The MTUS criteria for epidural steroid injections require that radiculopathy be documented by physical examination and corroborated by imaging studies and/or electrodiagnostic testing.",
    "failed_conservative_treatment": "Per the MTUS, the patient must be initially unresponsive to conservative treatment (exercises, physical methods, NSAIDs and muscle relaxants).",
    "fluoroscopy": "Per the guidelines, injections should be performed using fluoroscopy for guidance.",
    "levels": "No more than two nerve root levels should be injected using transforaminal blocks, and no more than one interlaminar level should be injected at one session.",
    "repeat_relief": "In the therapeutic phase, repeat blocks should be based on continued objective documented pain and functional improvement, including at least 50% pain relief with associated reduction of medication use for six to eight weeks.",
    "blocks_per_year": "The guidelines recommend no more than four blocks per region per year.",
    "series_of_three": "Current research does not support a series-of-three injections in either the diagnostic or therapeutic phase.",
}
FULL_RECITAL = ("The MTUS Chronic Pain Guidelines recommend epidural steroid injections as an option for radicular pain when the following criteria are met: "
                "radiculopathy must be documented by physical examination and corroborated by imaging studies and/or electrodiagnostic testing; "
                "the patient must be initially unresponsive to conservative treatment (exercises, physical methods, NSAIDs and muscle relaxants); "
                "injections should be performed using fluoroscopy for guidance; no more than two nerve root levels should be injected using transforaminal blocks; "
                "repeat blocks require at least 50% pain relief with associated reduction of medication use for six to eight weeks; "
                "and no more than four blocks per region per year are recommended. Current research does not support a series-of-three injections.")
OTHER = ("a positive straight leg raise", "an MRI with nerve root compression")
