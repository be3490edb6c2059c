-- hostile rule: reaches for the debug library
return {
  id = "hostile-debug",
  check = function(item, letter)
    debug.sethook(function() end, 'c')
  end,
}
