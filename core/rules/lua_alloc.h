/* lua_alloc.h - the memory of the rule states (internal to the rule engine;
 * lua_sandbox.c gives each state one ir_lua_mem, lua_sandbox.h).
 *
 * ir_lua_mem_alloc() is the lua_Alloc of a state (ud: its ir_lua_mem): it
 * counts the bytes Lua asks for, refuses growth past the state's cap or past
 * what the process budget (ir_lua_budget_set) has left, and never fails a
 * shrink. Small blocks come from per-state size classes cut from chunks. */
#ifndef IR_LUA_ALLOC_H
#define IR_LUA_ALLOC_H
#include <stddef.h>

#include "lua_sandbox.h"

/* Clears m for a new state capped at cap bytes. */
void ir_lua_mem_init(ir_lua_mem *m, size_t cap);
void *ir_lua_mem_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
/* Gives back to the process budget what m reserves beyond its use plus one
 * quantum (keep), or all of it (keep 0). */
void ir_lua_mem_unreserve(ir_lua_mem *m, size_t keep);
/* After lua_close: frees m's chunks and gives back its whole reservation. */
void ir_lua_mem_drain(ir_lua_mem *m);
/* The process budget (bytes of all states together). */
size_t ir_lua_budget_cap(void);

#endif
