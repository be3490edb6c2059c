/* lua_bounded.c - bounded library calls for rules (see lua_bounded.h). */
#include "lua_bounded.h"

#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "lua_freeze.h"
#include "lua_sandbox.h"

int ir_lua_forward(lua_State *L) {
  int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, n, LUA_MULTRET);
  return lua_gettop(L);
}

static double span(lua_Integer a, lua_Integer b) {
  return b >= a ? (double)b - (double)a + 1.0 : 0.0;
}

static int b_rep(lua_State *L) {
  size_t l = 0, lsep = 0;
  luaL_checklstring(L, 1, &l);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &lsep);
  if (n > 0)
    ir_lua_box_charge(L, (double)n / 8.0 +
                             (double)n * (double)(l + lsep) / 1024.0);
  return ir_lua_forward(L);
}

static int b_move(lua_State *L) {
  lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
  ir_lua_box_charge(L, span(f, e));
  return ir_lua_forward(L);
}

/* #t (honouring __len, which runs under the hook) */
static lua_Integer len_of(lua_State *L, int i) {
  luaL_checktype(L, i, LUA_TTABLE);
  return luaL_len(L, i);
}

static int b_insert(lua_State *L) {
  if (lua_gettop(L) >= 3) {
    lua_Integer e = len_of(L, 1), pos = luaL_checkinteger(L, 2);
    ir_lua_box_charge(L, span(pos, e + 1));
  }
  return ir_lua_forward(L);
}

static int b_remove(lua_State *L) {
  lua_Integer e = len_of(L, 1), pos = luaL_optinteger(L, 2, e);
  ir_lua_box_charge(L, span(pos, e + 1));
  return ir_lua_forward(L);
}

static int b_concat(lua_State *L) {
  lua_Integer i = luaL_optinteger(L, 3, 1);
  lua_Integer j =
      lua_isnoneornil(L, 4) ? len_of(L, 1) : luaL_checkinteger(L, 4);
  ir_lua_box_charge(L, span(i, j));
  return ir_lua_forward(L);
}

static int b_unpack(lua_State *L) {
  lua_Integer i = luaL_optinteger(L, 2, 1);
  lua_Integer j =
      lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
  ir_lua_box_charge(L, span(i, j));
  return ir_lua_forward(L);
}

static int b_sort(lua_State *L) {
  double n = (double)len_of(L, 1);
  if (n > 1)
    ir_lua_box_charge(L, n * log2(n));
  return ir_lua_forward(L);
}

/* End of the single pattern item at p (a class, a set, %b.., %f[..]). */
static const char *item_end(const char *p, const char *e) {
  if (*p == '%') {
    if (p + 1 >= e)
      return e;
    if (p[1] == 'b')
      return p + 4 <= e ? p + 4 : e;
    if (p[1] == 'f') {
      p += 2;
      if (p >= e || *p != '[')
        return p;
    } else {
      return p + 2;
    }
  }
  if (*p == '[') {
    p++;
    if (p < e && *p == '^')
      p++;
    do { /* the first ']' is a member */
      if (p >= e)
        return e;
      if (*p == '%' && p + 1 < e)
        p++;
      p++;
    } while (p < e && *p != ']');
    return p < e ? p + 1 : e;
  }
  return p + 1;
}

/* Repeated items (*, +, -) followed by more pattern. */
static int backtracking_items(const char *p, size_t n) {
  const char *e = p + n;
  int q = 0, last = 0;
  if (p < e && *p == '^')
    p++;
  while (p < e) {
    if (*p == '$' && p + 1 == e)
      break;
    if (*p == '(' || *p == ')') {
      p++;
      continue;
    }
    const char *x = item_end(p, e);
    last = x < e && (*x == '*' || *x == '+' || *x == '-');
    q += last;
    p = x + (x < e && (last || *x == '?'));
  }
  return q - last;
}

/* Charges a pattern call: subject at 1, pattern at 2; plain finds (init and
 * plain given) are linear. */
static void charge_pattern(lua_State *L, int plain_arg) {
  size_t ls = 0, lp = 0;
  luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  double cost = (double)ls + (double)lp;
  if (!(plain_arg && lua_toboolean(L, plain_arg)) &&
      strpbrk(p, "^$*+?.([%-") != NULL)
    cost += pow((double)ls + 1.0, backtracking_items(p, lp) + 1) / 64.0;
  ir_lua_box_charge(L, cost);
}

static int b_find(lua_State *L) {
  charge_pattern(L, 4);
  return ir_lua_forward(L);
}

static int b_pattern(lua_State *L) {
  charge_pattern(L, 0);
  return ir_lua_forward(L);
}

/* string.findany(s, words [, init]): the first place at or after init
 * (default 1; negative counts from the end, as in string.find) where one of
 * the plain strings of the list words starts: its start, end and index in
 * words, or nil. On a tie the earlier word wins. Charged as one plain find
 * over s plus the words' lengths. One pass over s: a byte that starts no
 * word is skipped on a bitmap test; at one that does, the words starting
 * with it are compared in list order (a chain per first byte). */
#define FINDANY_MAX 256

static int b_findany(lua_State *L) {
  size_t ls = 0;
  const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &ls);
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_Integer init = luaL_optinteger(L, 3, 1);
  if (init < 0)
    init = (lua_Integer)ls + init + 1;
  if (init < 1)
    init = 1;
  if (init > (lua_Integer)ls + 1) {
    lua_pushnil(L);
    return 1;
  }
  if (ir_lua_frozen_storage(L, 2)) /* a list the rule's chunk made */
    lua_replace(L, 2);
  lua_Integer n = luaL_len(L, 2);
  if (n > FINDANY_MAX)
    return luaL_error(L, "bad argument #2 to 'findany' (more than %d words)",
                      FINDANY_MAX);
  luaL_checkstack(L, (int)n + 4, "findany");
  const unsigned char *w[FINDANY_MAX];
  size_t lw[FINDANY_MAX], wsum = 0;
  int next[FINDANY_MAX], head[256], empty = -1;
  uint64_t first[4] = {0, 0, 0, 0};
  int base = lua_gettop(L);
  for (lua_Integer i = 1; i <= n; i++) { /* the words stay on the stack */
    if (lua_geti(L, 2, i) != LUA_TSTRING)
      return luaL_error(L,
                        "bad argument #2 to 'findany' (word %I is a %s, "
                        "not a string)",
                        i, luaL_typename(L, -1));
    w[i - 1] = (const unsigned char *)lua_tolstring(L, -1, &lw[i - 1]);
    wsum += lw[i - 1];
  }
  ir_lua_box_charge(L, (double)(ls - (size_t)(init - 1)) + (double)wsum);
  for (int i = (int)n - 1; i >= 0; i--) { /* chains in list order */
    if (lw[i] == 0) {
      empty = i;
      continue;
    }
    unsigned c = w[i][0];
    int known = (first[c >> 6] >> (c & 63)) & 1;
    next[i] = known ? head[c] : -1;
    head[c] = i;
    first[c >> 6] |= (uint64_t)1 << (c & 63);
  }
  for (size_t p = (size_t)init - 1; p <= ls; p++) {
    int hit = empty; /* an empty word matches everywhere */
    if (p < ls && ((first[s[p] >> 6] >> (s[p] & 63)) & 1)) {
      for (int i = head[s[p]]; i >= 0 && (hit < 0 || i < hit); i = next[i])
        if (lw[i] <= ls - p && (lw[i] < 2 || s[p + 1] == w[i][1]) &&
            memcmp(s + p, w[i], lw[i]) == 0) {
          hit = i;
          break;
        }
    }
    if (hit >= 0) {
      lua_settop(L, base);
      lua_pushinteger(L, (lua_Integer)p + 1);
      lua_pushinteger(L, (lua_Integer)(p + lw[hit]));
      lua_pushinteger(L, hit + 1);
      return 3;
    }
    if (empty < 0 && p < ls && !((first[s[p] >> 6] >> (s[p] & 63)) & 1)) {
      /* skip to the next byte that starts a word */
      while (p + 1 < ls && !((first[s[p + 1] >> 6] >> (s[p + 1] & 63)) & 1))
        p++;
    }
  }
  lua_settop(L, base);
  lua_pushnil(L);
  return 1;
}

void ir_lua_wrap(lua_State *L, int lib, const char *name, lua_CFunction f) {
  lua_getfield(L, lib, name);
  lua_pushcclosure(L, f, 1);
  lua_setfield(L, lib, name);
}

void ir_lua_bound_libs(lua_State *L) {
  lua_getglobal(L, "string");
  int s = lua_gettop(L);
  ir_lua_wrap(L, s, "rep", b_rep);
  ir_lua_wrap(L, s, "find", b_find);
  ir_lua_wrap(L, s, "match", b_pattern);
  ir_lua_wrap(L, s, "gmatch", b_pattern);
  ir_lua_wrap(L, s, "gsub", b_pattern);
  lua_pushcfunction(L, b_findany);
  lua_setfield(L, s, "findany");
  lua_getglobal(L, "table");
  int t = lua_gettop(L);
  ir_lua_wrap(L, t, "move", b_move);
  ir_lua_wrap(L, t, "insert", b_insert);
  ir_lua_wrap(L, t, "remove", b_remove);
  ir_lua_wrap(L, t, "concat", b_concat);
  ir_lua_wrap(L, t, "unpack", b_unpack);
  ir_lua_wrap(L, t, "sort", b_sort);
  lua_pop(L, 2);
}
