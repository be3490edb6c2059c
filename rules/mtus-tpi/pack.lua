-- pack.lua - the MTUS Chronic Pain Medical Treatment Guidelines, trigger
-- point injections (page 122): the eleven criteria as data, the one place
-- that states what meets each criterion and its thresholds. `meets` is the
-- status that meets it ("present"; "absent" for radiculopathy, whose
-- criterion is its absence) or "value" for the criteria judged on their
-- value (`at_most` injections, `allowed` injectate classes). The fact
-- extractor reads the thresholds of the record facts at start-up:
-- `more_than_days` (symptoms longer than this are chronic, shorter are not;
-- exactly this many is left unscored, three calendar months being 89 to 92
-- days), `at_least_days` between injections, `at_least_percent` relief from
-- a prior injection. The checks (mtus_tpi.lua) read them as PACK.criteria.
-- builtin = "tpi": the built-in extractor finds these eleven facts.
return {
  id = "mtus-tpi",
  guideline = "MTUS Chronic Pain Medical Treatment Guidelines, Trigger point injections",
  pages = "122",
  version = "1.0",
  categories = { "tpi" },
  builtin = "tpi",
  criteria = {
    { id = "twitch_response", meets = "present",
      requires = "circumscribed trigger points with a twitch response on palpation" },
    { id = "referred_pain", meets = "present",
      requires = "referred pain from the trigger points" },
    { id = "duration", meets = "present", more_than_days = 91,
      requires = "symptoms persisting for more than three months" },
    { id = "failed_physical_therapy", meets = "present",
      requires = "failed medical management such as stretching and physical therapy" },
    { id = "failed_nsaids", meets = "present", requires = "failed NSAIDs" },
    { id = "failed_muscle_relaxants", meets = "present",
      requires = "failed muscle relaxants" },
    { id = "radiculopathy", meets = "absent", requires = "no radiculopathy" },
    { id = "injection_count", meets = "value", value = "number", at_most = 4,
      requires = "no more than 3-4 injections per session" },
    { id = "repeat_relief", meets = "present", at_least_percent = 50,
      at_least_days = 42,
      requires = "more than 50% relief for six weeks with functional improvement after a prior injection" },
    { id = "frequency", meets = "present", at_least_days = 60,
      requires = "at least two months between injections" },
    { id = "injectate", meets = "value", value = "list",
      allowed = { "local_anesthetic", "steroid" },
      requires = "only a local anesthetic, with or without a steroid" },
  },
}
