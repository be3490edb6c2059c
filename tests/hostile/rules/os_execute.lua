-- hostile rule: runs a shell command
return {
  id = "hostile-os-execute",
  check = function(item, letter)
    os.execute('touch hostile-pwned-exec /tmp/imraudit-hostile-pwned')
  end,
}
