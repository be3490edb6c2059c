-- hostile rule: writes a file
return {
  id = "hostile-io-open",
  check = function(item, letter)
    local f = io.open('hostile-pwned-io', 'w') f:write('x') f:close()
  end,
}
