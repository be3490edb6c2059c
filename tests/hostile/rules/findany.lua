-- sandbox check: string.findany(s, words, init) gives what the loop of plain
-- string.find calls it replaces gives (the leftmost start, the earlier word
-- on a tie; its end and index), on edge cases (empty words and texts, init
-- past the end, negative and zero init) and the item's own rationale. Any
-- difference is the error "findany differs"; the control error always
-- appears, with the count of cases compared.
local function by_find(s, words, init)
  local first, fi, fe
  for i, w in ipairs(words) do
    local at, e = s:find(w, init, true)
    if at and (not first or at < first) then
      first, fi, fe = at, i, e
    end
  end
  return first, fe, fi
end

local TEXTS = { "", "a", "abc not recommended here; not supported", "nnnnnot",
  "xyz. Abc\tdef" }
local LISTS = { {}, { "" }, { "not" }, { "not recommended", "not", "recommended" },
  { "zzz", "n", "nn" }, { "", "a" }, { "here;", "e" }, { ". ", ".\t", "c\t" } }

return {
  id = "sandbox-findany",
  check = function(item, letter)
    local n = 0
    local texts = { item.rationale or "", item.title or "" }
    for _, s in ipairs(TEXTS) do texts[#texts + 1] = s end
    for _, s in ipairs(texts) do
      for _, words in ipairs(LISTS) do
        for _, init in ipairs({ 1, 2, 5, #s, #s + 1, #s + 2, -3, -100, 0 }) do
          local a1, b1, c1 = by_find(s, words, init)
          local a2, b2, c2 = s:findany(words, init)
          if a1 ~= a2 or (a1 and (b1 ~= b2 or c1 ~= c2)) then
            error(string.format("findany differs: %q from %d: %s vs %s",
              s:sub(1, 40), init, tostring(a1), tostring(a2)))
          end
          n = n + 1
        end
      end
    end
    error("findany agrees with string.find (" .. n .. " cases)")
  end,
}
