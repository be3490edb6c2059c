/* lua_freeze.h - a rule's state kept between letters only while it is
 * exactly what its chunk left (internal to the rule engine; used by
 * lua_sandbox.c, lua_globals.c and lua_convert.c).
 *
 * Running a rule's chunk again for every letter (ir_lua_env_fresh) is what
 * makes rule output independent of which letters a state saw before; it is
 * also most of a rule's cost per letter. Instead, after the chunk ran,
 * ir_lua_freeze() walks everything the rule can reach (its environment, the
 * table it returned, their tables, functions and upvalues) and
 *  - moves the contents of each table into a hidden storage table: the
 *    table itself stays empty, with a metatable that reads the storage
 *    (__index, __len, __pairs) and sends every write to it, marking the
 *    state as changed (box->dirty). Every table behaves as before, for
 *    reads, writes, #, pairs, ipairs and the table library; next, rawget,
 *    rawlen, getmetatable and setmetatable are wrapped to see the storage
 *    (ir_lua_freeze_wrap_globals), and the C side reads it through
 *    ir_lua_frozen_storage;
 *  - records every upvalue of every function it found.
 * ir_lua_frozen_intact() then says, before the next letter, whether the
 * state is still the chunk's: nothing written to a table, no upvalue
 * reassigned. Only then is the state reused (math.random reseeded when the
 * letter used it: box->random_touched, ir_lua_env_reseed); otherwise it is
 * rebuilt (ir_lua_env_fresh) and frozen again. A state with
 * what this cannot follow (a table with a metatable the rule set, a
 * coroutine or userdata, math.random used by the chunk) is not frozen: it
 * is rebuilt for every letter, as before. */
#ifndef IR_LUA_FREEZE_H
#define IR_LUA_FREEZE_H
#include <lua.h>

struct ir_lua_box;

/* Protected (a lua_CFunction for lua_pcall): freezes the state after its
 * chunk ran in environment box->env_ref. Sets box->frozen (1: frozen,
 * 0: not freezable) and clears box->dirty. May raise memory errors; the
 * state is consistent (each table frozen completely or not at all) but not
 * frozen then. */
int ir_lua_freeze(lua_State *L);

/* Frees the upvalue record (when the state closes). */
void ir_lua_frozen_release(struct ir_lua_box *b);

/* 1 when the state is frozen and nothing changed since: no write to a
 * frozen table, no upvalue of a function it reached reassigned (the random
 * generator is the caller's: box->random_touched). Never raises, never
 * allocates. */
int ir_lua_frozen_intact(lua_State *L);

/* If the value at idx is a frozen table, pushes its storage and returns 1;
 * else pushes nothing and returns 0. */
int ir_lua_frozen_storage(lua_State *L, int idx);

/* next(t, k) without metamethods on table t: the iterator pairs() of a
 * table whose contents sit in another (a storage) returns with it. */
int ir_lua_raw_next(lua_State *L);

/* Replaces next, rawget, rawlen, getmetatable and setmetatable of the
 * global table at g by versions that see a frozen table's storage, and
 * math.random / math.randomseed by versions that record their use. */
void ir_lua_freeze_wrap_globals(lua_State *L, int g);

#endif
