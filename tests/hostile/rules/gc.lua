-- hostile rule: hides a loop in a finalizer
return {
  id = "hostile-gc",
  check = function(item, letter)
    setmetatable({}, {__gc = function() while true do end end})
  end,
}
