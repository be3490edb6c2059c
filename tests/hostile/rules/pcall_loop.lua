-- hostile rule: tries to swallow the instruction limit with pcall
return {
  id = "hostile-pcall-loop",
  check = function(item, letter)
    while true do pcall(function() while true do end end) end
  end,
}
