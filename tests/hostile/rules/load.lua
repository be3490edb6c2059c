-- hostile rule: compiles code at run time
return {
  id = "hostile-load",
  check = function(item, letter)
    return load('return {{kind = "x"}}')()
  end,
}
