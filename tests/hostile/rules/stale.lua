-- hostile rule: keeps a letter's tables and reads them under later letters
-- (whose data may sit at the same addresses): a rule error, never a read
-- of the old letter's memory
local kept
return {
  id = "hostile-stale",
  check = function(item, letter)
    if not kept then
      kept = { letter = letter, facts = item.facts }
      return nil
    end
    if rawequal(kept.letter, letter) then
      return nil
    end
    if item.index == 1 then
      return { { kind = "stale", evidence = kept.facts } } -- read by C
    end
    return { { kind = "stale", message = kept.letter.file } }
  end,
}
