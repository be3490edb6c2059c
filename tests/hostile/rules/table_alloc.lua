-- hostile rule: allocates many small tables
return {
  id = "hostile-table-alloc",
  check = function(item, letter)
    local t = {} for i = 1, math.maxinteger do t[i] = {i} end
  end,
}
