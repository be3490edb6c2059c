-- hostile rule: the tables its chunk made must behave as plain tables in
-- check() although the engine keeps them frozen between letters
-- (lua_freeze.h): #, rawlen, rawget, next, pairs, ipairs, getmetatable,
-- the table library, writes and reads back. A difference is the rule error
-- "frozen table: ..."; the control error always appears.
local list = { "b", "a", "c" }
local map = { x = 1, y = 2 }
local nested = { inner = { 10, 20 } }
local empty = {}
local marks = {}

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

return {
  id = "hostile-plain",
  check = function(item, letter)
    local function want(ok, what) if not ok then error("frozen table: " .. what) end end
    local first = not rawequal(marks.letter, letter) -- state as the chunk left it
    marks.letter = letter
    if not first then error("frozen tables behave as tables") end
    want(#list == 3 and rawlen(list) == 3, "# / rawlen")
    want(rawget(map, "x") == 1 and map.y == 2, "rawget / index")
    want(next(empty) == nil and next(map) ~= nil, "next")
    want(count(map) == 2 and count(list) == 3, "pairs")
    local s = ""
    for i, v in ipairs(list) do s = s .. i .. v end
    want(s == "1b2a3c" or s:find("^1") ~= nil and #s == 6, "ipairs")
    want(getmetatable(list) == nil and getmetatable(empty) == nil, "getmetatable")
    want(table.concat(list, ",") == list[1] .. "," .. list[2] .. "," .. list[3], "table.concat")
    want(select("#", table.unpack(nested.inner)) == 2, "table.unpack")
    table.sort(list)
    want(table.concat(list) == "abc", "table.sort")
    table.insert(list, "d")
    want(#list == 4 and rawlen(list) == 4 and list[4] == "d", "table.insert")
    table.remove(list, 1)
    want(#list == 3 and list[1] == "b", "table.remove")
    map.z = 3
    want(rawget(map, "z") == 3 and count(map) == 3, "a new key")
    map.z = nil
    want(count(map) == 2, "a cleared key")
    setmetatable(empty, { __index = function() return 7 end })
    want(empty.anything == 7, "setmetatable")
    error("frozen tables behave as tables")
  end,
}
