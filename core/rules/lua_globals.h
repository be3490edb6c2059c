/* lua_globals.h - the sandbox's pristine globals (internal to the rule
 * engine; lua_sandbox.c calls it once per state, lua_env.c copies the
 * result per letter).
 *
 * With base, string, table, math and utf8 open in the global table,
 * ir_lua_globals_setup() replaces every other global and library (io, os
 * but time/date/clock/difftime, debug, package, coroutine, require,
 * string.dump, ...) by stubs whose error names them, wraps setmetatable (no
 * __gc), print (to stderr, "[rule] ") and collectgarbage ("count" only),
 * bounds the looping library calls (lua_bounded.h), adds CRITERIA, PACK (the
 * box's pack, read-only) and span(), and makes reading an undefined global
 * an error. May raise (call it protected). */
#ifndef IR_LUA_GLOBALS_H
#define IR_LUA_GLOBALS_H
#include <lua.h>

void ir_lua_globals_setup(lua_State *L);

/* Whether the metatable on top of the stack (left there) is one this file
 * made read-only by construction: PACK's tables, the stub libraries. */
int ir_lua_globals_sealed_mt(lua_State *L);

#endif
