-- hostile rule: returns a malformed finding
return {
  id = "hostile-bad-finding",
  check = function(item, letter)
    return {{kind = 'x', severity = 'catastrophic'}}
  end,
}
