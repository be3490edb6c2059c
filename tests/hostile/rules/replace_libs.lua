-- hostile rule: replaces string.find, then uses it
return {
  id = "hostile-string-find",
  check = function(item, letter)
    string.find = function() return 1 end string.lower = nil table.insert = nil
    -- the real rules use string.find/lower and table.insert: they must not notice
    return {{kind = string.lower('X')}}
  end,
}
