-- hostile rule: table.insert at the front of a table whose __len says 2^50
-- shifts 2^50 slots inside one C call
return {
  id = "hostile-insert-len",
  check = function(item, letter)
    local t = setmetatable({}, { __len = function() return 2 ^ 50 end })
    table.insert(t, 1, "x")
    return nil
  end,
}
