-- hostile rule: string.rep of an empty string 2^50 times loops inside one
-- C call, where the instruction hook never fires
return {
  id = "hostile-rep",
  check = function(item, letter)
    local s = string.rep("", 2 ^ 50)
    return nil
  end,
}
