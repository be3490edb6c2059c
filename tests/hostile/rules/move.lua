-- hostile rule: table.move over 2^50 slots, one C call
return {
  id = "hostile-move",
  check = function(item, letter)
    table.move({}, 1, 2 ^ 50, 2)
    return nil
  end,
}
