-- hostile rule: loops forever
return {
  id = "hostile-loop",
  check = function(item, letter)
    while true do end
  end,
}
