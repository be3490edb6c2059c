/* lua_convert.h - the audit record as Lua tables, and findings read back
 * (internal to the rule engine; see rules/README.md for the table shapes).
 *
 * The lua_CFunctions here are meant for ir_lua_box_cpcall() (they may raise
 * memory errors). They never call a rule's metamethods on values it
 * returned: all reads are raw (a letter table returned as evidence is built
 * by this module's own code) and only strings/numbers/tables are accepted. */
#ifndef IR_LUA_CONVERT_H
#define IR_LUA_CONVERT_H
#include <lua.h>

#include "letter/letter.h"

typedef struct {
  const ir_letter *l;
  const unsigned char *want; /* want[i]: the rule checks item i (NULL: all) */
} ir_lua_letter_arg;

/* arg 1: lightuserdata const ir_lua_letter_arg*. Makes its letter the box's
 * current letter (ir_lua_box_set_letter) and returns the letter table and
 * the list behind its field `items` (the item tables, in order; only the
 * wanted ones are in it before Lua first reads the list). Made once per
 * letter and rule state and shared by every check() call: the letter and
 * every table in it are read-only views (lua_readonly.h: writes raise an
 * error, # and pairs work, the storage is unreachable from Lua);
 * letter.items[i] is the very table passed as the item argument. Built here:
 * the items list and the wanted items with their outcome and conclusion.
 * The rest is built on first use, inside check() and the state's memory
 * cap: the letter, each other field of an item on its own first read, each
 * fact of item.facts on the first read of its key, item.cited_evidence and
 * the lists of a fact with evidence. Tables that hold only names are shared
 * by every letter: facts without evidence or value, and (up to a bound)
 * item.status, item.contradicted and item.cited with the same names. What
 * is not built yet can be built only while this letter is the box's current
 * one: afterwards a read that would build raises "letter tables are only
 * valid during the check() call of their letter" (what was built stays
 * readable). All keys and names come from lua_names.h. */
int ir_lua_push_letter(lua_State *L);

/* If the value at idx is a read-only view or a frozen table (lua_freeze.h),
 * replaces it by its storage (raw reads then see the fields; a lazy view is
 * built first, which may raise) and returns 1; else 0. */
int ir_lua_unwrap(lua_State *L, int idx);

typedef struct {
  ir_arena *a;
  const ir_letter *l;
  const ir_item *item;
  const char *rule;         /* rule id, stored in each finding */
  const char *file;         /* for messages */
  const char *const *kinds; /* declared kinds (NULL: any) */
  size_t nkinds;
  IR_VEC(ir_finding) out; /* validated findings (arena) */
} ir_lua_readback;

/* span(ev, i, j): the evidence table for ev.text:sub(i, j) (byte positions,
 * inclusive) with its own original offsets. ev must come from the current
 * letter (fields nstart/nend). Installed as a global of every rule. */
int ir_lua_span(lua_State *L);

/* Maximum findings one check() call may return. */
#define IR_MAX_FINDINGS 100

/* arg 1: lightuserdata ir_lua_readback*, arg 2: what check() returned.
 * Fills rb->out or raises "file: finding N: reason". */
int ir_lua_read_findings(lua_State *L);

#endif
