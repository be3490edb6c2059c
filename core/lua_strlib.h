/* lua_strlib.h - string.find and string.gsub with a fast path for patterns
 * that start with one single-character item (internal to the rule engine).
 *
 * ir_lua_fast_strings() replaces find and gsub in the string table at
 * index `lib` by C closures over the originals. Each checks its arguments
 * exactly as the original does (same errors, same messages), then:
 *  - find(s, pattern[, init]): when the pattern's first item must consume a
 *    character (a literal, '.', a %class or a [set], not followed by '*',
 *    '?' or '-'), skips the positions whose character that item rejects
 *    (where the original's match fails at once) and lets the original
 *    search from the first other one, or returns nil if there is none;
 *  - gsub(s, pattern, repl): when the pattern is one such item, alone or
 *    followed by '+', and repl a string without '%', replaces each matching
 *    character (or each maximal run of them) itself.
 * Every other call goes to the original unchanged. The results are the
 * original's: Lua's matcher tries every start position in turn and a match
 * at a position begins with that item. The sets of characters an item
 * accepts are computed with Lua's rules (<ctype.h> classes, as lstrlib.c)
 * and cached per state. Call it protected (it allocates). */
#ifndef IR_LUA_STRLIB_H
#define IR_LUA_STRLIB_H
#include <lua.h>

void ir_lua_fast_strings(lua_State *L, int lib);

#endif
