/* lua_env.h - a rule's environment (internal to the rule engine; used by
 * lua_sandbox.c).
 *
 * ir_lua_env_fresh() is a lua_CFunction run protected under the limits: it
 * makes a fresh environment from the pristine globals (box->base_ref, each
 * plain library table copied, _G, the strict metatable box->meta_ref, an
 * include() of its own that runs lib/NAME.lua of box->libs in it once),
 * reseeds math.random, runs the rule's chunk (box->chunk_ref) in it and
 * keeps the table it returns and its `check` (box->rule_ref, check_ref).
 * Nothing a rule set in an earlier environment survives. */
#ifndef IR_LUA_ENV_H
#define IR_LUA_ENV_H
#include <lua.h>

int ir_lua_env_fresh(lua_State *L);

/* A lua_CFunction (may raise): math.randomseed(0) of the pristine globals,
 * as a fresh environment starts, and box->random_touched cleared. */
int ir_lua_env_reseed(lua_State *L);

#endif
