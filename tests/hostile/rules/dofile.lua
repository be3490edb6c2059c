-- hostile rule: runs another file
return {
  id = "hostile-dofile",
  check = function(item, letter)
    return dofile('/etc/passwd')
  end,
}
