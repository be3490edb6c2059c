"""templates.py - the capability matrix's templates: for each fact of the
TPI pack and each capability, sentences with {slots} (filled from the
vocabulary lists by generate.py) and the label that the conventions of
shared/domain/mtus-trigger-point-criteria.md give them.

T(where, text, st, val, cited, title, outcome):
  where   'S' the sentence goes into the clinical summary (the record);
          'R' it is the rationale's reasoning (the conclusion is appended)
  st      expected facts.<fact>.status, None = not checked
  val     expected value (injection_count number slot name, injectate list
          of classes or slot names), None = not checked
  cited   expected membership of <fact> in cited, None = not checked
  title   the item's title (default: trigger point injections to {muscle})
  outcome 'Upheld' (default) or 'Overturned'
«...» marks the key phrase: the line-break and page-furniture cells break
inside it (or next to it).
"""

from collections import namedtuple

T_ = namedtuple("T", "where text st val cited title outcome")


def T(where, text, st=None, val=None, cited=False, title=None, outcome=None):
    return T_(where, text, st, val, cited, title, outcome)


P, A, U = "present", "absent", "unknown"

FACTS = ("twitch_response", "referred_pain", "duration",
         "failed_physical_therapy", "failed_nsaids", "failed_muscle_relaxants",
         "radiculopathy", "injection_count", "repeat_relief", "frequency",
         "injectate")

CAPABILITIES = ("affirm", "deny", "shorthand", "far_negation",
                "list_negation", "double_negation", "hypothetical",
                "historical_resolved", "looked_for_not_found", "attributed",
                "other_region", "line_break", "page_furniture")
OUTCOMES = ("out_worked", "out_partial", "out_transient", "out_plateaued",
            "out_side_effects", "out_no_effect", "out_persists")
CITATIONS = ("cite_guideline_words", "cite_own_words", "cite_recital")

# ---------------------------------------------------------------- twitch
TW = {
    "affirm": [
        T("S", "Palpation of the {muscle} elicited «{twitch}».", P),
        T("S", "On examination there were trigger points in the {muscle} with «{twitch}».", P),
        T("S", "The examiner documented «{twitch}» at each trigger point in the {muscle}.", P),
        T("S", "Examination of the {muscle} revealed circumscribed trigger points with «{twitch}».", P),
        T("S", "Taut bands were palpated in the {muscle}, with «{twitch}» on snapping palpation.", P),
    ],
    "deny": [
        T("S", "No «twitch response» was elicited on palpation of the {muscle}.", A),
        T("S", "Palpation of the {muscle} elicited no «{twitch_bare}».", A),
        T("S", "There was no «{twitch_bare}» in the {muscle}.", A),
        T("S", "The {muscle} was tender, without a «{twitch_bare}».", A),
        T("S", "Examination of the {muscle} did not reveal a «{twitch_bare}».", A),
        T("S", "A «{twitch_bare}» was absent in the {muscle}.", A),
    ],
    "shorthand": [
        T("S", "Exam: TTP over the {muscle} w/ «{twitch_sh}».", P),
        T("S", "TrPs in the {muscle} «w/ {twitch_sh}».", P),
        T("S", "{Muscle}: taut bands, «LTR positive».", P),
        T("S", "MTrPs in the {muscle} «w/ LTRs».", P),
        T("S", "Exam: TTP {muscle}, «LTR neg».", A),
        T("S", "{Muscle}: TrPs «w/o LTR».", A),
        T("S", "No «LTR» on palpation of the {muscle}.", A),
        T("S", "TrPs in the {muscle}, «(-) twitch response».", A),
    ],
    "far_negation": [
        T("S", "The examiner could not, despite careful and repeated palpation of the {muscle} on both sides, elicit a «local twitch response».", A),
        T("S", "At no point during the examination of the {muscle}, which was performed with the patient prone and relaxed, was a «twitch response» elicited.", A),
        T("S", "A «local twitch response», which the examiner specifically sought at each tender point in the {muscle}, was not present.", A),
        T("S", "Neither palpation of the {muscle} nor needling at the visit of {visit} produced a «twitch response».", A),
    ],
    "list_negation": [
        T("S", "Examination showed taut bands in the {muscle}, {ref}, and no «{twitch_bare}».", A),
        T("S", "The exam revealed tenderness of the {muscle}, full range of motion, no «{twitch_bare}», and normal strength.", A),
        T("S", "There was no radiculopathy, and palpation of the {muscle} elicited «{twitch}».", P),
        T("S", "Examination showed no atrophy, normal reflexes, and trigger points in the {muscle} with «{twitch}».", P),
    ],
    "double_negation": [
        T("S", "It is not the case that the examiner failed to elicit a «twitch response» in the {muscle}.", P),
        T("S", "The examiner did not fail to document «{twitch}» in the {muscle}.", P),
        T("S", "It is not true that there was no «twitch response» in the {muscle}.", P),
        T("S", "Palpation of the {muscle} did not fail to produce «{twitch}».", P),
    ],
    "hypothetical": [
        T("S", "If a «twitch response» is elicited in the {muscle}, trigger point injections may be considered.", U),
        T("S", "The physician will reexamine the {muscle} to determine whether a «twitch response» is present.", U),
        T("S", "Should «{twitch}» be found at the next visit, injections would be appropriate.", U),
        T("S", "The physician plans to palpate the {muscle} for a «twitch response» at the next visit.", U),
    ],
    "historical_resolved": [
        T("S", "«Twitch responses» in the {muscle} found in {year} are no longer present.", A),
        T("S", "She had «{twitch}» in the {muscle} in {year}, but this finding has since resolved.", A),
        T("S", "The «twitch responses» in the {muscle} seen in {year} resolved after a course of stretching and are no longer elicited.", A),
    ],
    "looked_for_not_found": [
        T("S", "The examiner palpated the {muscle} for a «twitch response» and found none.", A),
        T("S", "The {muscle} was examined for «twitch responses»; none were elicited.", A),
        T("S", "A «twitch response» was sought in the {muscle} but could not be elicited.", A),
        T("S", "Snapping palpation of the {muscle} failed to elicit a «twitch response».", A),
    ],
    "attributed": [
        T("S", "{ur} stated that there was no «twitch response» in the {muscle}.", U),
        T("S", "{ur} noted that «{twitch}» had been documented in the {muscle}.", U),
        T("S", "{peer} reported «{twitch}» in the {muscle}.", U),
        T("S", "{phys} documented «{twitch}» in the {muscle}.", P),
        T("S", "{ur} stated that there was no twitch response; however, the progress note of {visit} documents «{twitch}» in the {muscle}.", P),
        T("R", "{ur} found no twitch response, but the examination of {visit} documents «{twitch}» in the {muscle}.", P, cited=False),
        T("R", "{ur} noted that no twitch response was documented, and this reviewer agrees: the records do not document a «twitch response».", U, cited=True),
    ],
    "other_region": [
        T("S", "Palpation of the {omuscle} elicited «{twitch}».", U),
        T("S", "There was no «{twitch_bare}» in the {omuscle}.", U),
        T("S", "There were «{twitch}» in the {muscle}, but no twitch response in the {omuscle}.", P),
        T("S", "There was no twitch response in the {muscle}, but the {omuscle} showed «{twitch}».", A),
    ],
}

# ---------------------------------------------------------------- referred
RP = {
    "affirm": [
        T("S", "Palpation of trigger points in the {muscle} produced «{ref}».", P),
        T("S", "Trigger points in the {muscle} with «{ref}» were noted.", P),
        T("S", "Pressure on the taut bands in the {muscle} reproduced her usual pain with «{ref}».", P),
        T("S", "Compression of the trigger points in the {muscle} caused «{ref}».", P),
    ],
    "deny": [
        T("S", "Palpation of the {muscle} produced local tenderness without «referred pain».", A),
        T("S", "There was no «referred pain» from the trigger points in the {muscle}.", A),
        T("S", "Compression of the trigger points in the {muscle} produced no «referred pain».", A),
        T("S", "The tender points in the {muscle} were without a «referral pattern».", A),
    ],
    "shorthand": [
        T("S", "TrPs {muscle} «w/ referral to the {target}».", P),
        T("S", "TTP {muscle} «w/ referred pain to the {target}».", P),
        T("S", "{Muscle} TrPs, «+ referral pattern» to the {target}.", P),
        T("S", "TrPs {muscle}, «no referral».", A),
        T("S", "{Muscle} TTP «w/o referred pain».", A),
    ],
    "far_negation": [
        T("S", "«Referred pain» to the {target}, which the examiner specifically tested for by sustained pressure over the {muscle}, was not reproduced.", A),
        T("S", "Sustained compression of each of the tender points in the {muscle}, held for ten seconds on both sides, did not reproduce any «referred pain».", A),
        T("S", "No pain, on sustained compression of the tender points in the {muscle} at the visit of {visit}, was «referred to the {target}».", A),
    ],
    "list_negation": [
        T("S", "The exam showed trigger points in the {muscle}, {twitch}, and no «referred pain».", A),
        T("S", "Examination showed tenderness of the {muscle}, full range of motion, no «referred pain», and normal strength.", A),
        T("S", "No radicular signs were present, and the trigger points in the {muscle} produced «{ref}».", P),
        T("S", "There was no atrophy, normal strength, and trigger points in the {muscle} with «{ref}».", P),
    ],
    "double_negation": [
        T("S", "It is not the case that the trigger points in the {muscle} failed to produce «referred pain».", P),
        T("S", "It is not true that there was no «referred pain» from the {muscle}.", P),
        T("S", "Compression of the trigger points in the {muscle} did not fail to reproduce «{ref}».", P),
    ],
    "hypothetical": [
        T("S", "If compression of the {muscle} reproduces «referred pain», injections may be considered.", U),
        T("S", "The physician will check the {muscle} for a «referral pattern» at the next visit.", U),
        T("S", "Should the trigger points in the {muscle} produce «referred pain», injections would be appropriate.", U),
    ],
    "historical_resolved": [
        T("S", "«{Ref}» noted in {year} has since resolved.", A),
        T("S", "She previously had «{ref}», which resolved after stretching and is no longer present.", A),
    ],
    "looked_for_not_found": [
        T("S", "The examiner tested the trigger points in the {muscle} for a «referral pattern» and found none.", A),
        T("S", "Sustained compression of the {muscle} was performed to look for «referred pain», and none was reproduced.", A),
        T("S", "«Referred pain» was sought on compression of the {muscle} but could not be reproduced.", A),
    ],
    "attributed": [
        T("S", "{ur} stated that there was no «referred pain».", U),
        T("S", "{peer} reported «{ref}».", U),
        T("S", "{phys} documented trigger points in the {muscle} with «{ref}».", P),
        T("S", "{ur} stated that no referred pain was found; however, the note of {visit} documents trigger points in the {muscle} with «{ref}».", P),
        T("R", "{ur} noted that referred pain was not documented, and this reviewer agrees: the records do not document «referred pain».", U, cited=True),
    ],
    "other_region": [
        T("S", "Trigger points in the {omuscle} produced «{oref}».", U),
        T("S", "There was no «referred pain» from the {omuscle}.", U),
        T("S", "Trigger points in the {muscle} produced «{ref}», but there was no referred pain from the {omuscle}.", P),
        T("S", "Trigger points in the {omuscle} produced {oref}, but there was no «referred pain» from the {muscle}.", A),
    ],
}

# ---------------------------------------------------------------- duration
DU = {
    "affirm": [
        T("S", "She has had {region_word} pain «for {years} years».", P),
        T("S", "She reports «chronic {region_word} pain».", P),
        T("S", "The {region_word} pain began «after an injury on {old_date}».", P),
        T("S", "Her symptoms «have persisted for more than {months} months».", P),
        T("S", "She has had {region_word} pain «since {year}».", P),
    ],
    "deny": [
        T("S", "Her {region_word} pain «began {weeks} weeks ago».", A),
        T("S", "She has «acute {region_word} pain» after a lifting injury on {recent_date}.", A),
        T("S", "The symptoms «have been present for only {weeks} weeks».", A),
        T("S", "The injury «occurred on {recent_date}», {weeks} weeks before the visit.", A),
    ],
    "shorthand": [
        T("S", "«{years} yr hx» of {region_sh}.", P),
        T("S", "C/o «chronic {region_sh} x {years} yrs».", P),
        T("S", "{Region_sh} «since DOI {old_date}».", P),
        T("S", "C/o «{region_sh} x {weeks} wks».", A),
        T("S", "Acute {region_sh}, «onset {weeks} wks ago».", A),
    ],
    "far_negation": [
        T("S", "Her symptoms have not, despite the severity she reports and her time off work, «persisted for three months».", A),
        T("S", "The pain has not yet, according to her own history at the visit, «lasted as long as three months».", A),
    ],
    "list_negation": [
        T("S", "She has no prior back or neck problems, no surgery, and {region_word} pain «for {years} years».", P),
        T("S", "She has had {region_word} pain «for {years} years», no prior injuries, and no surgery.", P),
        T("S", "She has no radicular symptoms, no prior injury, and pain that «began {weeks} weeks ago».", A),
    ],
    "double_negation": [
        T("S", "It is not the case that her symptoms have lasted less than three months; «they began in {year}».", P),
        T("S", "It is not true that her {region_word} pain is new: «she has had it since {year}».", P),
    ],
    "hypothetical": [
        T("S", "If the pain «persists beyond three months», trigger point injections may be considered.", U),
        T("S", "Should her symptoms «continue for three months», the physician will consider injections.", U),
    ],
    "historical_resolved": [
        T("S", "She had a previous {region_word} strain in {year} that resolved completely; the current pain «began {weeks} weeks ago».", A),
        T("S", "A {region_word} injury in {year} resolved within weeks; this episode «started {weeks} weeks ago» after lifting.", A),
    ],
    "attributed": [
        T("S", "{ur} stated that the symptoms «had lasted more than three months».", U),
        T("S", "{peer} described the pain «as chronic».", U),
        T("S", "{phys} reports {region_word} pain «for {years} years».", P),
        T("S", "{ur} described the injury as acute; however, the records show {region_word} pain «since {year}».", P),
    ],
    "other_region": [
        T("S", "Her {oregion_word} pain has been present for {years} years, and the {region_word} pain «began {weeks} weeks ago».", A),
        T("S", "Her {oregion_word} pain began {weeks} weeks ago; the {region_word} pain «has been present for {years} years».", P),
    ],
}

# ---------------------------------------------------------------- failed therapies


def therapy(x, short, others, third):
    """Templates for a failed-therapy fact; x is the slot of the therapy,
    short its shorthand templates, others and third slots of two other
    therapies (the other members of a list)."""
    X = "{" + x + "}"
    O = "{" + others + "}"
    TH = "{" + third + "}"
    return {
        "affirm": [
            T("S", "She tried «" + X + " without relief».", P),
            T("S", "«" + X + " failed» to control her pain.", P),
            T("S", "She has «failed " + X + "».", P),
            T("S", "She tried " + X + ", which «did not help».", P),
            T("S", "«" + X + " provided no lasting benefit».", P),
        ],
        "deny": [
            T("S", "She «has not tried " + X + "».", A),
            T("S", "She «has never tried " + X + "».", A),
            T("S", "«" + X + " has not been tried».", A),
        ],
        "shorthand": short,
        "far_negation": [
            T("S", "She has not, despite repeated recommendations at several visits since {year}, «ever tried " + X + "».", A),
            T("S", "She has, according to her own account and the pharmacy records, «never tried " + X + "».", A),
        ],
        "list_negation": [
            T("S", "She has «failed " + X + "» and " + O + ", but she has not tried " + TH + ".", P),
            T("S", "She has failed " + O + ", «has not tried " + X + "», and continues to work.", A),
            T("S", "She has no radicular symptoms, and «" + X + " failed» to control her pain.", P),
        ],
        "double_negation": [
            T("S", "It is not the case that «" + X + " did not fail»; it gave her no relief.", P),
            T("S", "It is not true that «" + X + " has not been tried and failed».", P),
        ],
        "hypothetical": [
            T("S", "If «" + X + " fails», injections may be considered.", U),
            T("S", "The physician recommends «" + X + "», and injections will be considered if it does not help.", U),
            T("S", "Should «" + X + " not help», she will return for injections.", U),
        ],
        "historical_resolved": [
            T("S", "In {year} she tried «" + X + " for this injury without relief».", P),
            T("S", "«" + X + " helped in {year}, but the relief wore off» and the pain returned.", P),
        ],
        "attributed": [
            T("S", "{ur} stated that «" + X + " had failed».", U),
            T("S", "{peer} noted that «" + X + " had not been tried».", U),
            T("S", "{phys} reports that «" + X + " failed to relieve her pain».", P),
            T("S", "{ur} stated that " + X + " had not been tried; however, the progress notes show that «" + X + " failed to relieve her pain».", P),
            T("R", "{ur} found no documentation that " + X + " had failed, and this reviewer agrees: the records do not show that «" + X + " has failed».", U, cited=True),
        ],
        "out_worked": [
            T("S", "«" + X + " relieved her pain», and she remains improved.", A),
            T("S", "«" + X + " controls her pain well», and the benefit has been maintained.", A),
            T("S", "Her pain «has been well controlled with " + X + "».", A),
        ],
        "out_partial": [
            T("S", "«" + X + " gave only partial relief».", P),
            T("S", "«" + X + " helped somewhat», but her pain remains 7/10.", P),
            T("S", "«" + X + " reduced her pain only slightly».", P),
        ],
        "out_transient": [
            T("S", "«" + X + " helped for a few days only».", P),
            T("S", "Relief «from " + X + " was temporary».", P),
            T("S", "«" + X + " gave relief that wore off» within a week.", P),
        ],
        "out_plateaued": [
            T("S", "She improved with «" + X + " until her progress plateaued» with persistent pain.", P),
            T("S", "Her progress «with " + X + " plateaued», and her pain persists at 6/10.", P),
        ],
        "out_no_effect": [
            T("S", "«" + X + " was discontinued because it did not help».", P),
            T("S", "She stopped «" + X + " because it gave no benefit».", P),
            T("S", "«" + X + " was stopped for lack of effect».", P),
        ],
        "out_persists": [
            T("S", "Her pain persists «despite " + X + "».", P),
            T("S", "She continues to have pain «despite " + X + "».", P),
            T("S", "Pain remains 8/10 «in spite of " + X + "».", P),
        ],
    }


PT = therapy("pt", [
    T("S", "«S/p PT x{n} w/o relief».", P),
    T("S", "«Failed {pt_sh}».", P),
    T("S", "«PT x {n} visits, no improvement».", P),
    T("S", "«HEP w/o benefit».", P),
    T("S", "«No PT to date».", A),
    T("S", "«Has not started PT».", A),
], "nsaid", "mr")
PT["other_region"] = [
    T("S", "«Physical therapy for her {other_part} failed» to relieve that pain.", U),
    T("S", "She «completed physical therapy for her {other_part} without relief».", U),
]
PT["out_side_effects"] = []  # a therapy has no side effects to stop it for

NS = therapy("nsaid", [
    T("S", "«Failed NSAIDs ({nsaid})».", P),
    T("S", "«{Nsaid} w/o relief».", P),
    T("S", "«S/p {nsaid} trial, no benefit».", P),
    T("S", "Meds: «{nsaid} - ineffective».", P),
    T("S", "«No NSAIDs tried» to date.", A),
], "pt", "mr")
NS["out_side_effects"] = [
    T("S", "«{Nsaid} was stopped because of {se_nsaid}».", U),
    T("S", "She stopped «{nsaid} due to {se_nsaid}».", U),
    T("S", "«{Nsaid} was discontinued because of {se_nsaid}».", U),
]
NS["deny"].append(T("S", "She has «never taken {nsaid} or any other anti-inflammatory».", A))
NS["hypothetical"].append(T("S", "«{Nsaid} was prescribed» at this visit.", U))

MR = therapy("mr", [
    T("S", "«Failed muscle relaxants ({mr})».", P),
    T("S", "«{Mr} w/o relief».", P),
    T("S", "«S/p {mr} trial, no benefit».", P),
    T("S", "Meds: «{mr} - ineffective».", P),
    T("S", "«No muscle relaxants tried» to date.", A),
], "pt", "nsaid")
MR["out_side_effects"] = [
    T("S", "«{Mr} was stopped because of {se_mr}».", U),
    T("S", "She stopped «{mr} due to {se_mr}».", U),
    T("S", "«{Mr} was discontinued because of {se_mr}».", U),
]
MR["hypothetical"].append(T("S", "«{Mr} was prescribed» at this visit.", U))

# ---------------------------------------------------------------- radiculopathy
RA = {
    "affirm": [
        T("S", "Examination showed «{radpos}».", P),
        T("S", "An EMG/NCS on {visit} showed «{level} radiculopathy».", P),
        T("S", "She has «{level} radiculopathy».", P),
        T("S", "The diagnoses include «{level} radiculopathy».", P),
    ],
    "deny": [
        T("S", "«{test_neg}».", A),
        T("S", "There was «no radiculopathy».", A),
        T("S", "«Electrodiagnostic studies of the {limbs} were normal».", A),
        T("S", "She has «no radicular symptoms».", A),
    ],
    "shorthand": [
        T("S", "«{rad_sh_pos}».", P),
        T("S", "Neuro: «{rad_sh_pos}».", P),
        T("S", "«{rad_sh_neg}».", A),
        T("S", "Neuro: DTRs 2+ and symmetric, «{rad_sh_neg}».", A),
    ],
    "far_negation": [
        T("S", "Neither the {test_name}, which was performed seated and supine, nor the electrodiagnostic study of {visit} showed any evidence of «radiculopathy».", A),
        T("S", "There was, on careful neurologic examination of both {limbs} including sensation and reflexes, no sign of «radiculopathy».", A),
    ],
    "list_negation": [
        T("S", "She has «no radiculopathy», and she has failed physical therapy.", A),
        T("S", "Examination showed tender trigger points, full strength, and «no radiculopathy».", A),
        T("S", "She has failed physical therapy, has no muscle atrophy, and has «{level} radiculopathy».", P),
        T("S", "There was no twitch response, and the EMG showed «{level} radiculopathy».", P),
    ],
    "double_negation": [
        T("S", "It is not the case that the «{test_name} was negative»; it was positive.", P),
        T("S", "It is not true that she has no radiculopathy: «the EMG showed {level} radiculopathy».", P),
    ],
    "hypothetical": [
        T("S", "If «radiculopathy» were present, trigger point injections would not be indicated.", U),
        T("S", "An EMG/NCS is planned to rule out «radiculopathy».", U),
        T("S", "Should «radicular symptoms» develop, an MRI will be ordered.", U),
        T("S", "The physician will order electrodiagnostic testing if «radicular pain» develops.", U),
    ],
    "historical_resolved": [
        T("S", "She had «{level} radiculopathy in {year}», which resolved completely after surgery.", A),
        T("S", "Her «radicular symptoms» from {year} have resolved.", A),
        T("S", "A «{level} radiculopathy» diagnosed in {year} has since resolved, and the neurologic examination is now normal.", A),
    ],
    "looked_for_not_found": [
        T("S", "Electrodiagnostic testing of the {limbs} was performed to look for radiculopathy and «found none».", A),
        T("S", "Neurologic examination found «no radicular signs».", A),
        T("S", "An EMG/NCS found «no evidence of radiculopathy».", A),
        T("S", "The {test_name} was performed and «was negative».", A),
    ],
    "attributed": [
        T("S", "{ur} stated that she has «radiculopathy».", U),
        T("S", "{peer} diagnosed «{level} radiculopathy».", U),
        T("S", "{phys} diagnosed «{level} radiculopathy».", P),
        T("S", "{ur} asserted radiculopathy, but the records show that «{test_neg_lc}» and that the EMG was normal.", A),
        T("R", "{ur} relied on a diagnosis of radiculopathy, but the examination of {visit} documents that «{test_neg_lc}».", A, cited=None),
    ],
    "other_region": [
        T("S", "She also has «{olevel} radiculopathy».", U),
        T("S", "An EMG/NCS of the {olimbs} showed «{olevel} radiculopathy».", U),
        T("S", "She has «{olevel} radiculopathy», and {test_neg_lc}.", A),
    ],
}

# ---------------------------------------------------------------- injection count
CT_TITLE = "Trigger point injections to the {muscle}"
CO = {
    "affirm": [
        T("S", "", "present", "n", title=CT_TITLE + ", «quantity {n}»"),
        T("S", "", "present", "n", title=CT_TITLE + ", «quantity {nword}»"),
        T("S", "The request is for «{n} trigger point injections» to the {muscle}.", "present", "n"),
        T("S", "«{Nword} ({n}) trigger points» in the {muscle} are to be injected.", "present", "n"),
        T("S", "The physician requested «{nword} trigger point injections».", "present", "n"),
    ],
    "shorthand": [
        T("S", "Plan: «TPI x{n}» to the {muscle}.", "present", "n"),
        T("S", "", "present", "n", title="«TPI x{n}», {muscle}"),
        T("S", "Plan: «{n} TPIs» to the {muscle}.", "present", "n"),
        T("S", "Request: «TPI #{n}».", "present", "n"),
        T("S", "Plan: «TPI (x{n})» to the {muscle}.", "present", "n"),
    ],
    "hypothetical": [
        T("S", "If the injections help, «{n} more» may be requested later.", U),
        T("S", "If more trigger points are found, up to «{n} injections» would be given.", U),
    ],
    "historical_resolved": [
        T("S", "She had «{n} trigger point injections» to the {muscle} in {year}.", U, title="Repeat trigger point injections to the {muscle}"),
    ],
    "attributed": [
        T("S", "{ur} modified the request to «{m} injections».", "present", "n", title=CT_TITLE + ", quantity {n}"),
        T("S", "{phys} requested «{n} trigger point injections» to the {muscle}.", "present", "n"),
    ],
    "other_region": [
        T("S", "«Acupuncture x{n}» and trigger point injections to the {muscle} were requested.", U),
        T("S", "She also requested «{n} sessions of physical therapy».", U),
        T("S", "Norco «#{n}0» was refilled, and trigger point injections to the {muscle} were requested.", U),
    ],
}

# ---------------------------------------------------------------- injectate
IN = {
    "affirm": [
        T("S", "The injections will use «{la}».", "present", ["local_anesthetic"]),
        T("S", "The request is for trigger point injections with «{la} and {steroid}».", "present", ["local_anesthetic", "steroid"]),
        T("S", "The injections will use «{la} mixed with {oname}».", "present", ["local_anesthetic", "ocls"]),
        T("S", "Each trigger point will be injected with «{steroid} and {la}».", "present", ["local_anesthetic", "steroid"]),
        T("S", "", "present", ["local_anesthetic", "ocls"], title="Trigger point injections with «{la} and {oname}» to the {muscle}"),
    ],
    "deny": [
        T("S", "The injections will use «{la} without steroid».", "present", ["local_anesthetic"]),
        T("S", "The injections will use {la} alone, «with no {steroid}».", "present", ["local_anesthetic"]),
        T("S", "The injections will use {la}; «no {oname}» will be added.", "present", ["local_anesthetic"]),
    ],
    "shorthand": [
        T("S", "Plan: TPI w/ «{la_sh}».", "present", ["local_anesthetic"]),
        T("S", "Plan: TPI w/ «{la_sh} + {steroid}».", "present", ["local_anesthetic", "steroid"]),
        T("S", "Plan: TPI w/ «{la_sh}/{oname}».", "present", ["local_anesthetic", "ocls"]),
    ],
    "hypothetical": [
        T("S", "The injections will use {la}; «{steroid} may be added» in the future if needed.", "present", ["local_anesthetic"]),
        T("S", "The injections will use {la}; if the pain flares, a later injection «could include {oname}».", "present", ["local_anesthetic"]),
    ],
    "historical_resolved": [
        T("S", "Injections in {year} used «{oname}»; this request is for {la} only.", "present", ["local_anesthetic"]),
    ],
    "attributed": [
        T("S", "{ur} stated that the injections would include «{oname}», but the request is for {la} only.", "present", ["local_anesthetic"]),
        T("S", "{phys} requested injections with «{la} and {steroid}».", "present", ["local_anesthetic", "steroid"]),
    ],
    "other_region": [
        T("S", "An epidural steroid injection with «{steroid}» was also requested. The trigger point injections will use {la}.", "present", ["local_anesthetic"]),
        T("S", "She received an intramuscular injection of «Toradol 60 mg» for a flare. The trigger point injections will use {la}.", "present", ["local_anesthetic"]),
    ],
}

# ---------------------------------------------------------------- repeat relief
RR = {
    "affirm": [
        T("S", "Trigger point injections to the {muscle} on {date0} gave «{pct_hi}% relief for {wk_hi} weeks» with improved function, and she returned to full duty.", P),
        T("S", "After the prior trigger point injections on {date0}, she reported «{pct_hi}% pain relief lasting {wk_hi} weeks» and was able to increase her walking and household activities.", P),
    ],
    "deny": [
        T("S", "The prior trigger point injections on {date0} gave «{pct_lo}% relief» for {wk_lo} weeks.", A),
        T("S", "Trigger point injections on {date0} gave {pct_hi}% relief that «lasted only {wk_lo} weeks».", A),
        T("S", "The prior trigger point injections on {date0} «gave no relief».", A),
    ],
    "shorthand": [
        T("S", "S/p TPI {date0} w/ «{pct_hi}% relief x {wk_hi} wks», improved ADLs.", P),
        T("S", "S/p TPI {date0}: «{pct_lo}% relief x {wk_lo} wks».", A),
        T("S", "Prior TPI {date0}: «{pct_hi}% relief x {wk_lo} wks».", A),
    ],
    "far_negation": [
        T("S", "The prior trigger point injections on {date0} did not, according to her pain diary and the therapist's notes, «give more than {pct_lo}% relief».", A),
    ],
    "list_negation": [
        T("S", "The prior trigger point injections on {date0} gave «{pct_hi}% relief for {wk_hi} weeks», no side effects, and improved function.", P),
        T("S", "The prior trigger point injections on {date0} caused no side effects and gave «{pct_hi}% relief for {wk_hi} weeks» with improved function.", P),
    ],
    "double_negation": [
        T("S", "It is not the case that the prior trigger point injections on {date0} failed: they gave «{pct_hi}% relief for {wk_hi} weeks» with improved function.", P),
    ],
    "hypothetical": [
        T("S", "If the injections give «more than 50% relief for six weeks», they may be repeated.", U),
        T("S", "Repeat injections would be considered «if relief exceeds 50% for six weeks».", U),
    ],
    "attributed": [
        T("S", "{ur} stated that the prior injections gave «{pct_hi}% relief for {wk_hi} weeks» with improved function.", U),
        T("S", "{phys} reported that the prior trigger point injections on {date0} gave «{pct_hi}% relief for {wk_hi} weeks» with improved function.", P),
        T("S", "{ur} stated that the prior injections did not help; however, the note of {visit} documents that the trigger point injections on {date0} gave «{pct_hi}% relief for {wk_hi} weeks» with improved function.", P),
    ],
    "other_region": [
        T("S", "Trigger point injections to the {omuscle} on {date0} gave «{pct_hi}% relief for {wk_hi} weeks» with improved function.", U),
        T("S", "An epidural steroid injection on {date0} gave «{pct_hi}% relief for {wk_hi} weeks» with improved function.", U),
    ],
}

# ---------------------------------------------------------------- frequency
FR = {
    "affirm": [
        T("S", "Trigger point injections to the {muscle} were last given «on {date_far}».", P),
        T("S", "The last trigger point injections were given «{months_far} months ago».", P),
    ],
    "deny": [
        T("S", "Trigger point injections to the {muscle} were last given «on {date_near}».", A),
        T("S", "The prior trigger point injections were given «{weeks_near} weeks ago».", A),
    ],
    "shorthand": [
        T("S", "S/p TPI «{weeks_near} wks ago».", A),
        T("S", "Last TPI «{date_near}».", A),
        T("S", "S/p TPI «{months_far} mos ago».", P),
        T("S", "Last TPI «{date_far}».", P),
    ],
    "hypothetical": [
        T("S", "If the injections help, they «may be repeated» in the future.", U),
    ],
    "attributed": [
        T("S", "{ur} stated that the last injections were «only {weeks_near} weeks earlier».", U),
        T("S", "{phys} noted that the last trigger point injections were «given on {date_far}».", P),
    ],
    "other_region": [
        T("S", "Trigger point injections to the {omuscle} were given «on {date_near}».", U),
    ],
}

RECORD = {"twitch_response": TW, "referred_pain": RP, "duration": DU,
          "failed_physical_therapy": PT, "failed_nsaids": NS,
          "failed_muscle_relaxants": MR, "radiculopathy": RA,
          "injection_count": CO, "injectate": IN, "repeat_relief": RR,
          "frequency": FR}

# ---------------------------------------------------------------- citations
QTY = CT_TITLE + ", quantity {nbig}"
TOR = "Trigger point injections with {la} and Toradol to the {muscle}"
GUIDE = {
    "twitch_response": ["There is no documentation of circumscribed trigger points with evidence upon palpation of a twitch response.",
                        "The records do not document a twitch response.",
                        "A twitch response on palpation has not been documented."],
    "referred_pain": ["There is no documentation of referred pain.",
                      "Referred pain from the trigger points has not been documented."],
    "duration": ["There is no documentation that symptoms have persisted for more than three months."],
    "failed_physical_therapy": ["There is no documentation that medical management therapies such as ongoing stretching exercises and physical therapy have failed to control pain."],
    "failed_nsaids": ["There is no documentation that NSAIDs have failed to control pain."],
    "failed_muscle_relaxants": ["There is no documentation that muscle relaxants have failed to control pain."],
    "radiculopathy": ["Radiculopathy has not been ruled out by exam, imaging, or neuro-testing.",
                      "There is no documentation that radiculopathy is not present."],
    "injection_count": [(QTY, "The request for {nbig} injections exceeds the guideline limit of 3-4 injections per session.")],
    "repeat_relief": ["There is no documentation of greater than 50% pain relief for six weeks after the prior injections with evidence of functional improvement."],
    "frequency": ["There is no documentation that the requested injections are at least two months after the last injections."],
    "injectate": [(TOR, "The request includes Toradol, and injections with any substance other than local anesthetic with or without steroid are not recommended.")],
}
OWN = {
    "twitch_response": ["The physical examination describes tenderness but does not describe a local twitch of the muscle on palpation.",
                        "Nothing in the examination findings shows that the trigger points twitch when palpated."],
    "referred_pain": ["The notes do not describe the pain spreading from the tender points to another area.",
                      "The examination does not show that pressing on the tender points reproduces pain elsewhere."],
    "duration": ["The complaint is too recent to be considered chronic.",
                 "The condition has not yet become chronic."],
    "failed_physical_therapy": ["Conservative care such as therapy and an exercise program has not been exhausted.",
                                "It has not been shown that stretching and therapy were tried and did not work."],
    "failed_nsaids": ["Anti-inflammatory medication has not been shown to be ineffective.",
                      "There is no indication that oral anti-inflammatories were tried and did not work."],
    "failed_muscle_relaxants": ["Antispasmodic medication has not been shown to be ineffective.",
                                "It is not clear that she has tried a muscle relaxant and found it ineffective."],
    "radiculopathy": ["The pain is nerve-root pain.",
                      "The pain follows a dermatomal pattern consistent with nerve root irritation."],
    "injection_count": [(QTY, "The number of injections requested is too high."),
                        (QTY, "{Nbigword} injections in one session are more than the guidelines allow.")],
    "repeat_relief": ["Sessions cannot be approved in advance, because each must be judged on the result of the last one.",
                      "The response to the previous injections was not quantified."],
    "frequency": ["The injections are requested too soon after the last ones.",
                  "Not enough time has passed since the last injections."],
    "injectate": [(TOR, "Toradol is not an appropriate agent for trigger point injections."),
                  (TOR, "The injection mixture includes a substance that is not a local anesthetic or a steroid.")],
}
# status expected with a silent record for the citation cells (None: the
# reviewer's words restate a finding, not checked)
CITE_STATUS = {"duration": None, "radiculopathy": None, "frequency": None,
               "injection_count": None, "injectate": None}
RECITAL = {
    "twitch_response": "The MTUS recommends trigger point injections only with documentation of circumscribed trigger points with evidence upon palpation of a twitch response as well as referred pain.",
    "referred_pain": "The MTUS recommends trigger point injections only with documentation of circumscribed trigger points with evidence upon palpation of a twitch response as well as referred pain.",
    "duration": "Per the MTUS, symptoms must have persisted for more than three months.",
    "failed_physical_therapy": "The guidelines require that medical management therapies such as ongoing stretching exercises, physical therapy, NSAIDs and muscle relaxants have failed to control pain.",
    "failed_nsaids": "The guidelines require that medical management therapies such as ongoing stretching exercises, physical therapy, NSAIDs and muscle relaxants have failed to control pain.",
    "failed_muscle_relaxants": "The guidelines require that medical management therapies such as ongoing stretching exercises, physical therapy, NSAIDs and muscle relaxants have failed to control pain.",
    "radiculopathy": "Trigger point injections are not recommended for radicular pain, and radiculopathy must not be present by exam, imaging, or neuro-testing.",
    "injection_count": "Not more than 3-4 injections should be given per session.",
    "repeat_relief": "No repeat injections are recommended unless greater than 50% pain relief is obtained for six weeks after an injection and there is documented evidence of functional improvement.",
    "frequency": "The frequency of injections should not be at an interval less than two months.",
    "injectate": "Trigger point injections with any substance (e.g., saline or glucose) other than local anesthetic with or without steroid are not recommended.",
}
FULL_RECITAL = ("The MTUS Chronic Pain Guidelines recommend trigger point injections only for myofascial pain syndrome when all of the following are met: "
                "documentation of circumscribed trigger points with evidence upon palpation of a twitch response as well as referred pain; "
                "symptoms have persisted for more than three months; medical management therapies such as ongoing stretching exercises, physical therapy, NSAIDs and muscle relaxants have failed to control pain; "
                "radiculopathy is not present by exam, imaging, or neuro-testing; not more than 3-4 injections per session; "
                "no repeat injections unless greater than 50% pain relief is obtained for six weeks after an injection and there is documented evidence of functional improvement; "
                "frequency should not be at an interval less than two months; and trigger point injections with any substance other than local anesthetic with or without steroid are not recommended.")


def citation_templates(fact, cls):
    """Rationale templates of a citation cell (the record is silent)."""
    st = CITE_STATUS.get(fact, U)
    out = []
    if cls in ("cite_guideline_words", "cite_own_words"):
        src = (GUIDE if cls == "cite_guideline_words" else OWN)[fact]
        for s in src:
            title, text = s if isinstance(s, tuple) else (None, s)
            out.append(T("R", "«" + text + "»", st, cited=True, title=title))
        return out
    # a recital: the guideline restated, then approved; or restated and a
    # different criterion cited
    other = "referred pain" if fact == "twitch_response" else "a twitch response"
    for rec in (RECITAL[fact], FULL_RECITAL):
        out.append(T("R", "«" + rec + "» The criteria are met in this case, and the request is medically necessary.",
                     st if st is not None else None, cited=False, outcome="Overturned"))
        out.append(T("R", "«" + rec + "» In this case, the records do not document " + other + ".",
                     None, cited=False))
    return out


def cells():
    """[(fact, capability, [templates])] in table order; cells with no
    template are not applicable and left out."""
    res = []
    for fact in FACTS:
        tab = RECORD[fact]
        base = [t for c in ("affirm", "deny", "shorthand") for t in tab.get(c, [])
                if t.text]
        for cap in CAPABILITIES + OUTCOMES:
            if cap in ("line_break", "page_furniture"):
                ts = base
            else:
                ts = tab.get(cap, [])
            if ts:
                res.append((fact, cap, ts))
        for cap in CITATIONS:
            res.append((fact, cap, citation_templates(fact, cap)))
    return res
