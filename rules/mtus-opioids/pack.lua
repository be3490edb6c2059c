-- pack.lua - MTUS Chronic Pain Medical Treatment Guidelines, opioids
-- (pages 74-96: on-going management p. 78, when to continue p. 80, dose
-- p. 86) and drug testing (p. 43): the criteria, what meets each, and how
-- the record shows each fact (fact specs over lexicon/opioids.lex and the
-- shared scope sections). Read by the engine before any letter; data only.
--
-- Facts whose affirming terms carry their own negations ("8/10 without
-- medication", "denies side effects", "UDS negative for hydrocodone") are
-- read without the negated class; their lexicon sections guard against a
-- negator before the term instead and deny in their own words.
-- The continue criterion of p. 80 (returned to work, or improved function
-- and pain) is a verdict over three facts; mtus_opioids.lua computes it.
-- The record's facts come from the summary and the title; a rationale's
-- "no urine drug screen has been provided" over a silent record is a
-- citation (unknown), not a record finding.
local RECORD = { "summary", "title" }
local NO_NEGATION = { "hypothetical", "future", "resolved", "not_found",
                      "attributed", "uncertain" }
return {
  id = "mtus-opioids",
  guideline = "MTUS Chronic Pain Medical Treatment Guidelines, Opioids; Drug testing",
  pages = "43, 74-96",
  version = "1.0",
  categories = { "opioid" },
  criteria = {
    { id = "pain_relief", meets = "present",
      requires = "documented analgesia from the opioid (pain scores with and without it, or the amount and duration of relief)",
      fact = { affirm = { "opi_analgesia" }, deny = { "opi_analgesia_none" },
               read = RECORD, cite = { "opi_analgesia_cite" }, modifiers = NO_NEGATION } },
    { id = "functional_improvement", meets = "present",
      requires = "an objective improvement in function attributed to the medication",
      fact = { affirm = { "opi_function" }, deny = { "opi_function_none" },
               read = RECORD, cite = { "opi_function_cite" } } },
    { id = "return_to_work", meets = "present",
      requires = "a return to work (full or modified duty)",
      fact = { affirm = { "opi_working" }, deny = { "opi_not_working" },
               read = RECORD, cite = { "opi_work_cite" } } },
    { id = "side_effects_assessed", meets = "present",
      requires = "on-going review of adverse side effects",
      fact = { affirm = { "opi_side_effects_reviewed" },
               deny = { "opi_side_effects_unreviewed" },
               read = RECORD, cite = { "opi_side_effects_cite" }, modifiers = NO_NEGATION } },
    { id = "aberrant_behavior", meets = "absent",
      requires = "no aberrant drug-taking behaviour (early refills, lost prescriptions, several prescribers, an inconsistent drug screen or CURES report)",
      fact = { affirm = { "opi_aberrant" }, deny = { "opi_aberrant_none" },
               read = RECORD, cite = { "opi_aberrant_cite" } } },
    { id = "urine_drug_screen", meets = "present",
      requires = "urine drug screening to monitor for misuse",
      fact = { affirm = { "opi_uds" }, deny = { "opi_uds_none" },
               read = RECORD, cite = { "opi_uds_cite" }, modifiers = NO_NEGATION } },
    { id = "pain_agreement", meets = "present",
      requires = "an opioid treatment (pain) agreement",
      fact = { affirm = { "opi_agreement" }, deny = { "opi_agreement_none" },
               read = RECORD, cite = { "opi_agreement_cite" } } },
    { id = "morphine_equivalent_dose", meets = "value", value = "number",
      at_most = 120,
      requires = "a total daily dose of no more than 120 mg oral morphine equivalents unless after a pain-management consultation",
      fact = { unmet = { "opi_med_unmet" }, value = "med", table = "drugs.tsv", value_at = { "opi_drug" },
               cite = { "opi_med_cite" } } },
  },
}
