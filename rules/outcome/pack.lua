-- pack.lua - the guideline-free outcome check: no criteria, every item
-- ("*"); its check (outcome.lua) compares an item's Upheld/Overturned
-- outcome with what its own rationale concludes.
return {
  id = "outcome",
  guideline = "none: the letter's own outcome against its rationale",
  version = "1.0",
  categories = { "*" },
}
