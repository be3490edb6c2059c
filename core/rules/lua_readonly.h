/* lua_readonly.h - read-only views of Lua tables (internal to the rule
 * engine; lua_convert.c and lua_facts.c build the letter with them).
 *
 * A view is an empty proxy table whose own metatable serves reads from the
 * storage table (__index = storage: reads stay on the VM's fast path),
 * refuses writes with "the letter and item tables are read-only (assigning
 * 'k'); ...", forwards # and pairs(), and answers getmetatable() with the
 * string "read-only". Rules have no rawset, so they can neither change a
 * view nor reach its storage.
 *
 * A lazy view has no storage yet: its __index is a C closure that, on the
 * first read, #, pairs() or ir_ro_storage(), calls its builder, installs the
 * result as __index (later reads are plain table reads) and serves the read.
 * A storage table may itself be partly built: a small metatable on it (the
 * only kind a storage ever has) holds a closure that adds the remaining
 * fields on the first read of a key it lacks (or ir_ro_storage()) and then
 * drops that metatable.
 * Builders read C data that lives only while the letter it came from is
 * audited: the closure keeps the box's letter generation (ir_lua_box) it was
 * made in and raises "letter tables are only valid during the check() call
 * of their letter" when used under another one (or after). Builders allocate
 * in the box's allocator; if one raises (memory), the view stays lazy.
 *
 * Every function here may raise a memory error (call them protected). */
#ifndef IR_LUA_READONLY_H
#define IR_LUA_READONLY_H
#include <lua.h>

/* A builder. For ir_ro_lazy(): pushes the storage table (it may push other
 * values first: the storage is the value it leaves on top). For
 * ir_ro_lazy_rest(): adds the remaining fields to the table on top of the
 * stack and leaves it there. Children it stores must be views. Extra values
 * given when the lazy table was made are at lua_upvalueindex(IR_RO_EXTRA +
 * i), i = 0.. */
typedef void (*ir_ro_build_fn)(lua_State *L, const void *data);
/* Optional, for ir_ro_lazy_rest() kinds: on the VM's read of a key the
 * table on top lacks (the key is at stack index `key`), adds only the
 * field(s) that key needs (none when it names no field) and leaves the
 * table there. The table keeps its metatable (a later read of an absent key
 * comes back here) until completed by ir_ro_storage(). */
typedef void (*ir_ro_build_key_fn)(lua_State *L, const void *data, int key);
typedef struct {
  ir_ro_build_fn build;
  int rest; /* 0: for ir_ro_lazy(); 1: for ir_ro_lazy_rest() */
  ir_ro_build_key_fn build_key; /* NULL: build everything on any miss */
} ir_ro_kind;
#define IR_RO_EXTRA 4

/* Starts a letter: makes the state's shared empty view if it has none yet
 * (every empty table of every letter is that one view, as rawequal can
 * tell; it holds no letter data, so it never goes stale). */
void ir_ro_begin_letter(lua_State *L);

/* Pushes the state's shared empty view. */
void ir_ro_push_empty(lua_State *L);

/* Replaces the table on top by its view (the shared empty view when it is
 * empty). A table that already has a metatable is left as it is. */
void ir_ro_seal(lua_State *L);

/* Replaces the plain, non-empty table on top by its view (what ir_ro_seal
 * does, without checking). */
void ir_ro_view(lua_State *L);

/* Pops nextra values and pushes a lazy view that builds its storage with
 * kind->build(L, data), those values being its extra upvalues. */
void ir_ro_lazy(lua_State *L, const ir_ro_kind *kind, const void *data,
                int nextra);

/* Makes the storage table below the nextra values on top lazily complete:
 * pops the values (extra upvalues); kind->build runs on the first read of a
 * key the table lacks. */
void ir_ro_lazy_rest(lua_State *L, const ir_ro_kind *kind, const void *data,
                     int nextra);

/* If the value at idx is a view, pushes its storage (built and complete:
 * may raise) and returns 1; else pushes nothing and returns 0. */
int ir_ro_storage(lua_State *L, int idx);

/* Whether the metatable on top of the stack (left there) is a view's. */
int ir_ro_is_view_mt(lua_State *L);

#endif
