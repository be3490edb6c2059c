-- hostile rule: unlocks the global table
return {
  id = "hostile-globals",
  check = function(item, letter)
    setmetatable(_G, nil) rawset(_G, 'x', 1)
  end,
}
