-- hostile rule: allocates without bound
return {
  id = "hostile-alloc",
  check = function(item, letter)
    local t = {} local s = 'xxxxxxxx' while true do s = s .. s t[#t + 1] = s end
  end,
}
