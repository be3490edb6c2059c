-- hostile rule: loads a module
return {
  id = "hostile-require",
  check = function(item, letter)
    local lfs = require('io') lfs.open('hostile-pwned-req', 'w')
  end,
}
