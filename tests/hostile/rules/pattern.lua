-- hostile rule: a pattern that backtracks (n^6 steps) inside one C call
return {
  id = "hostile-pattern",
  check = function(item, letter)
    local s = string.rep("a", 3000)
    return { { kind = tostring(s:find("a*a*a*a*a*b")) } }
  end,
}
