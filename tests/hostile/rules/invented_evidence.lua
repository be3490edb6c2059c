-- hostile rule: quotes words the letter does not say at those offsets
return {
  id = "hostile-invented-evidence",
  check = function(item, letter)
    return { { kind = "invented", message = "the letter admits fault",
               evidence = { { start = 0, ["end"] = 20,
                              text = "the reviewer was wrong" } } } }
  end,
}
