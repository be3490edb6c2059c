-- hostile rule: raises an error
return {
  id = "hostile-error",
  check = function(item, letter)
    error('hostile rule failed on purpose')
  end,
}
