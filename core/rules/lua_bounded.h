/* lua_bounded.h - library calls a rule makes, bounded by its step budget
 * (internal to the rule engine).
 *
 * The instruction hook never fires inside one C call, so a library function
 * that loops on its arguments (string.rep("", 2^50), table.move({}, 1, 2^50,
 * 2), table.insert(t, 1, v) on a table whose __len says 2^50, a pattern that
 * backtracks) would run unbounded. ir_lua_bound_libs() replaces those of the
 * string and table libraries with wrappers that first charge the call's
 * worst-case work to the rule's step budget (ir_lua_box_charge) and raise
 * the instruction-limit error when it does not fit:
 *   string.rep       n / 8 + bytes / 1024 (memcpy is cheap per byte)
 *   table.move       e - f + 1
 *   table.insert     #t - pos + 1 (with a position)
 *   table.remove     #t - pos + 1
 *   table.concat     j - i + 1
 *   table.unpack     j - i + 1
 *   table.sort       #t * log2(#t)
 *   string.find, match, gmatch, gsub (with patterns)
 *                    (n + 1)^(q + 1) / 64, n the subject's length, q the
 *                    repeated items (*, +, -) followed by more pattern
 * and adds string.findany(s, words [, init]), the first of several plain
 * strings (one plain find per word: n + the word's length each).
 * Call with the string and table libraries in the globals. */
#ifndef IR_LUA_BOUNDED_H
#define IR_LUA_BOUNDED_H
#include <lua.h>

void ir_lua_bound_libs(lua_State *L);

/* Replaces lib[name] (lib at index lib) by the C closure f over the
 * original (its upvalue 1). */
void ir_lua_wrap(lua_State *L, int lib, const char *name, lua_CFunction f);

/* For such a closure: calls the original with this call's arguments and
 * returns all its results. */
int ir_lua_forward(lua_State *L);

#endif
