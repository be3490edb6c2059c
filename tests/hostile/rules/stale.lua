-- hostile rule: keeps a letter's tables to read them under a later letter.
-- Rule state is reset for every letter (issue 14), so `kept` never holds
-- another letter's tables; were it to, reading them would be the rule error
-- "letter tables are only valid during the check() call of their letter"
-- (never a read of freed memory), which run.sh checks never appears.
local kept
return {
  id = "hostile-stale",
  check = function(item, letter)
    if kept and not rawequal(kept.letter, letter) then
      return { { kind = "stale", message = kept.letter.file } }
    end
    kept = kept or { letter = letter, facts = item.facts }
    error("state is fresh for each letter")
  end,
}
