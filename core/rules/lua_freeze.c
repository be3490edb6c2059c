/* lua_freeze.c - a rule's state kept between letters only while it is
 * exactly what its chunk left (see lua_freeze.h). */
#include "lua_freeze.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "lua_bounded.h"
#include "lua_globals.h"
#include "lua_readonly.h"
#include "lua_sandbox.h"

/* Registry keys (addresses): the frozen tables (weak keys) -> storage; the
 * upvalue record's anchor {f1, v1, f2, v2, ...} (the functions and the
 * values, which it keeps alive, so that an address in the record below is
 * never reused by another object). */
static const char FROZEN_KEY = 0, UPVALS_KEY = 0;

/* One recorded upvalue: function number fn (its index in the anchor is
 * 2 * fn - 1), upvalue n, and the value's type and identity: the object's
 * address, or the number or boolean itself. */
struct ir_lua_upval {
  int fn, n, type, isint;
  const void *p;
  lua_Integer i;
  lua_Number d;
};

/* ---- frozen tables ------------------------------------------------------ */

int ir_lua_frozen_storage(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE)
    return 0;
  idx = lua_absindex(L, idx);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &FROZEN_KEY) != LUA_TTABLE) {
    lua_pop(L, 1);
    return 0;
  }
  lua_pushvalue(L, idx);
  if (lua_rawget(L, -2) != LUA_TTABLE) {
    lua_pop(L, 2);
    return 0;
  }
  lua_remove(L, -2);
  return 1;
}

/* __newindex of a frozen table (upvalue 1: its storage): the write goes to
 * the storage (with the storage's own metatable, the original one) and the
 * state is no longer the chunk's. */
static int frozen_newindex(lua_State *L) {
  ir_lua_box_of(L)->dirty = 1;
  lua_settop(L, 3);
  lua_settable(L, lua_upvalueindex(1));
  return 0;
}

static int frozen_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, lua_upvalueindex(1)));
  return 1;
}

int ir_lua_raw_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  if (lua_next(L, 1))
    return 2;
  lua_pushnil(L);
  return 1;
}

/* pairs(t): the storage's pairs, in the storage's order. */
static int frozen_pairs(lua_State *L) {
  lua_pushcfunction(L, ir_lua_raw_next);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushnil(L);
  return 3;
}

/* Freezes table t: its contents move to a new storage table (which takes
 * t's metatable), t gets the frozen metatable. Everything is allocated
 * before t changes, so a memory error leaves t as it was. */
static void freeze_table(lua_State *L, int t, int frozen) {
  int narr = 0, nhash = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_isinteger(L, -1))
      narr++;
    else
      nhash++;
  }
  lua_createtable(L, narr, nhash);
  int h = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, h);
  }
  lua_createtable(L, 0, 5); /* the frozen metatable */
  int mt = h + 1;
  lua_pushvalue(L, h);
  lua_setfield(L, mt, "__index");
  lua_pushvalue(L, h);
  lua_pushcclosure(L, frozen_newindex, 1);
  lua_setfield(L, mt, "__newindex");
  lua_pushvalue(L, h);
  lua_pushcclosure(L, frozen_len, 1);
  lua_setfield(L, mt, "__len");
  lua_pushvalue(L, h);
  lua_pushcclosure(L, frozen_pairs, 1);
  lua_setfield(L, mt, "__pairs");
  if (lua_getmetatable(L, t)) { /* the environment's: "locked" stays */
    lua_getfield(L, -1, "__metatable");
    lua_setfield(L, mt, "__metatable");
    lua_setmetatable(L, h);
  }
  lua_pushvalue(L, t);
  lua_pushvalue(L, h);
  lua_rawset(L, frozen);
  /* no allocation from here: clearing existing fields during a traversal
   * is allowed */
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushnil(L);
    lua_rawset(L, t);
  }
  lua_setmetatable(L, t);
  lua_settop(L, h - 1);
}

/* Pushes the registry's frozen-table map, made (weak keys) on first use. */
static int push_frozen_map(lua_State *L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &FROZEN_KEY) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &FROZEN_KEY);
  }
  return lua_gettop(L);
}

/* ---- the walk ------------------------------------------------------------ */

typedef struct {
  lua_State *L;
  int seen;   /* table: value -> true */
  int queue;  /* array of values to visit */
  int tables; /* array of the tables to freeze */
  int anchor; /* the record's anchor (UPVALS_KEY) */
  int ids;    /* upvalue id (light userdata) -> true */
  int env;    /* the environment */
  int frozen; /* the frozen-table map */
  int lastf;  /* the function recorded last */
  lua_Integer nq, nt, na;
  int fn; /* its index in the anchor */
  int ok;
  struct ir_lua_upval *u; /* the record */
  size_t nu, cap;
} walk_st;

static void enqueue(walk_st *w, int idx) {
  int ty = lua_type(w->L, idx);
  if (ty == LUA_TTABLE || ty == LUA_TFUNCTION || ty == LUA_TUSERDATA ||
      ty == LUA_TTHREAD) {
    lua_pushvalue(w->L, idx);
    lua_rawseti(w->L, w->queue, ++w->nq);
  }
}

static void visit_table(walk_st *w, int t) {
  lua_State *L = w->L;
  int src = t;
  if (lua_getmetatable(L, t)) {
    int sealed = ir_ro_is_view_mt(L) || ir_lua_globals_sealed_mt(L);
    lua_pop(L, 1);
    if (sealed) /* read-only by construction (PACK, stub libraries) */
      return;
    if (ir_lua_frozen_storage(L, t)) { /* frozen earlier: walk its storage */
      src = lua_gettop(L);
    } else if (!lua_rawequal(L, t, w->env)) {
      w->ok = 0; /* a metatable the rule set: not followed */
      return;
    }
  }
  if (src == t) {
    lua_pushvalue(L, t);
    lua_rawseti(L, w->tables, ++w->nt);
  }
  lua_pushnil(L);
  while (lua_next(L, src)) {
    enqueue(w, -2);
    enqueue(w, -1);
    lua_pop(L, 1);
  }
  if (src != t)
    lua_pop(L, 1);
}

/* Appends upvalue n of function f, value at v, to the record. */
static void record(walk_st *w, int f, int n, int v) {
  lua_State *L = w->L;
  if (w->nu == w->cap) {
    size_t cap = w->cap ? 2 * w->cap : 64;
    struct ir_lua_upval *u = realloc(w->u, cap * sizeof *u);
    if (!u) {
      w->ok = 0; /* not frozen: rebuilt for every letter */
      return;
    }
    w->u = u;
    w->cap = cap;
  }
  if (!lua_rawequal(L, f, w->lastf)) {
    lua_pushvalue(L, f);
    lua_replace(L, w->lastf);
    lua_pushvalue(L, f);
    lua_rawseti(L, w->anchor, ++w->na);
    w->fn = (int)w->na;
  }
  lua_pushvalue(L, v);
  lua_rawseti(L, w->anchor, ++w->na);
  struct ir_lua_upval *e = &w->u[w->nu++];
  e->fn = w->fn;
  e->n = n;
  e->type = lua_type(L, v);
  e->isint = lua_isinteger(L, v);
  e->p = lua_topointer(L, v);
  e->i = e->isint ? lua_tointeger(L, v) : 0;
  e->d = e->type == LUA_TNUMBER ? lua_tonumber(L, v)
                                : (lua_Number)lua_toboolean(L, v);
}

/* The upvalues of a Lua function are recorded (a rule may assign them); a C
 * function's are only followed: no rule can assign them (no debug library)
 * and the engine's C code that does (include()) marks the state changed. */
static void visit_function(walk_st *w, int f) {
  lua_State *L = w->L;
  int c = lua_iscfunction(L, f);
  for (int n = 1; lua_getupvalue(L, f, n); n++) {
    int v = lua_gettop(L);
    if (c) {
      enqueue(w, v);
      lua_settop(L, v - 1);
      continue;
    }
    lua_pushlightuserdata(L, lua_upvalueid(L, f, n));
    if (lua_rawget(L, w->ids) == LUA_TNIL) {
      lua_pushlightuserdata(L, lua_upvalueid(L, f, n));
      lua_pushboolean(L, 1);
      lua_rawset(L, w->ids);
      record(w, f, n, v);
      enqueue(w, v);
    }
    lua_settop(L, v - 1);
  }
}

static void walk(walk_st *w) {
  lua_State *L = w->L;
  for (lua_Integer i = 1; i <= w->nq && w->ok; i++) {
    lua_rawgeti(L, w->queue, i);
    int v = lua_gettop(L);
    lua_pushvalue(L, v);
    if (lua_rawget(L, w->seen) == LUA_TNIL) {
      lua_pushvalue(L, v);
      lua_pushboolean(L, 1);
      lua_rawset(L, w->seen);
      switch (lua_type(L, v)) {
      case LUA_TTABLE:
        visit_table(w, v);
        break;
      case LUA_TFUNCTION:
        visit_function(w, v);
        break;
      case LUA_TUSERDATA:
        /* the generator state of math.random (an upvalue of the library's
         * random and randomseed, tracked by random_touched); a rule cannot
         * make userdata. One with a metatable is not followed. */
        if (lua_getmetatable(L, v))
          w->ok = 0;
        break;
      default: /* coroutines: state this cannot follow */
        w->ok = 0;
      }
    }
    lua_settop(L, v - 1);
  }
}

void ir_lua_frozen_release(ir_lua_box *b) {
  free(b->upv);
  b->upv = NULL;
  b->nupv = 0;
}

int ir_lua_freeze(lua_State *L) {
  ir_lua_box *b = ir_lua_box_of(L);
  b->frozen = 0;
  b->dirty = 0;
  ir_lua_frozen_release(b);
  if (b->random_touched) /* the chunk used the generator: not followed */
    return 0;
  luaL_checkstack(L, 30, "freezing the rule state");
  walk_st w;
  memset(&w, 0, sizeof w);
  w.L = L;
  w.ok = 1;
  lua_settop(L, 0);
  for (int i = 0; i < 5; i++)
    lua_newtable(L);
  w.seen = 1, w.queue = 2, w.tables = 3, w.anchor = 4, w.ids = 5;
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->env_ref);
  w.env = 6;
  w.frozen = push_frozen_map(L);
  lua_pushnil(L);
  w.lastf = 8;
  enqueue(&w, w.env);
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->rule_ref);
  enqueue(&w, -1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->check_ref);
  enqueue(&w, -1);
  lua_settop(L, w.lastf);
  walk(&w);
  if (!w.ok) {
    free(w.u);
    return 0;
  }
  for (lua_Integer i = 1; i <= w.nt; i++) {
    lua_rawgeti(L, w.tables, i);
    freeze_table(L, lua_gettop(L), w.frozen);
    lua_pop(L, 1);
  }
  lua_pushvalue(L, w.anchor);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &UPVALS_KEY);
  b->upv = w.u;
  b->nupv = w.nu;
  b->frozen = 1;
  lua_settop(L, 0);
  return 0;
}

/* Whether the value on top is the one e recorded. */
static int same_value(lua_State *L, const struct ir_lua_upval *e) {
  int t = lua_type(L, -1);
  if (t != e->type)
    return 0;
  switch (t) {
  case LUA_TNIL:
    return 1;
  case LUA_TBOOLEAN:
    return (lua_Number)lua_toboolean(L, -1) == e->d;
  case LUA_TNUMBER:
    if (lua_isinteger(L, -1) != e->isint)
      return 0;
    return e->isint ? lua_tointeger(L, -1) == e->i
                    : lua_tonumber(L, -1) == e->d;
  default: /* the same object (a long string equal to it counts as changed) */
    return lua_topointer(L, -1) == e->p;
  }
}

int ir_lua_frozen_intact(lua_State *L) {
  ir_lua_box *b = ir_lua_box_of(L);
  if (!b->frozen || b->dirty || !lua_checkstack(L, 4))
    return 0;
  int top = lua_gettop(L), ok = 1, fn = 0;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &UPVALS_KEY) != LUA_TTABLE) {
    lua_settop(L, top);
    return 0;
  }
  lua_pushnil(L); /* the function of the entries being checked */
  for (size_t i = 0; ok && i < b->nupv; i++) {
    const struct ir_lua_upval *e = &b->upv[i];
    if (e->fn != fn) {
      lua_rawgeti(L, top + 1, e->fn);
      lua_replace(L, top + 2);
      fn = e->fn;
    }
    ok = lua_getupvalue(L, top + 2, e->n) != NULL && same_value(L, e);
    lua_settop(L, top + 2);
  }
  lua_settop(L, top);
  return ok;
}

/* ---- the globals that see a frozen table's storage ----------------------- */

/* Replaces argument 1 by its storage when it is a frozen table. */
static void see_storage(lua_State *L) {
  if (ir_lua_frozen_storage(L, 1))
    lua_replace(L, 1);
}

/* next, rawget, rawlen: the original (upvalue 1) on the storage. */
static int through_storage(lua_State *L) {
  see_storage(L);
  return ir_lua_forward(L);
}

/* getmetatable(t) of a frozen table: what its storage's metatable (the
 * original one) would give. */
static int frozen_getmetatable(lua_State *L) {
  if (ir_lua_frozen_storage(L, 1)) {
    if (!lua_getmetatable(L, -1)) {
      lua_pushnil(L);
      return 1;
    }
    lua_pushliteral(L, "__metatable");
    if (lua_rawget(L, -2) == LUA_TNIL)
      lua_pop(L, 1);
    return 1;
  }
  return ir_lua_forward(L);
}

/* Thaws the frozen table at idx (absolute; no-op for another value): its
 * contents come back from the storage, with the storage's metatable, and
 * the state is changed. */
static void thaw(lua_State *L, int idx) {
  if (!ir_lua_frozen_storage(L, idx))
    return;
  int h = lua_gettop(L);
  ir_lua_box_of(L)->dirty = 1;
  lua_pushnil(L);
  while (lua_next(L, h)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, idx);
  }
  push_frozen_map(L);
  lua_pushvalue(L, idx);
  lua_pushnil(L);
  lua_rawset(L, -3);
  if (!lua_getmetatable(L, h))
    lua_pushnil(L);
  lua_setmetatable(L, idx);
  lua_settop(L, h - 1);
}

/* setmetatable(t, mt): a frozen t or mt is thawed first (the VM reads
 * metamethods raw, and t's own metatable is the frozen one). */
static int frozen_setmetatable(lua_State *L) {
  if (ir_lua_frozen_storage(L, 1)) {
    if (luaL_getmetafield(L, -1, "__metatable") != LUA_TNIL)
      return luaL_error(L, "cannot change a protected metatable");
    lua_pop(L, 1);
  }
  thaw(L, 1);
  if (lua_gettop(L) >= 2)
    thaw(L, 2);
  return ir_lua_forward(L);
}

/* math.random, math.randomseed: the originals, and the state changed. */
static int touch_random(lua_State *L) {
  ir_lua_box_of(L)->random_touched = 1;
  return ir_lua_forward(L);
}

void ir_lua_freeze_wrap_globals(lua_State *L, int g) {
  ir_lua_wrap(L, g, "next", through_storage);
  ir_lua_wrap(L, g, "rawget", through_storage);
  ir_lua_wrap(L, g, "rawlen", through_storage);
  ir_lua_wrap(L, g, "getmetatable", frozen_getmetatable);
  ir_lua_wrap(L, g, "setmetatable", frozen_setmetatable);
  lua_getfield(L, g, "math");
  ir_lua_wrap(L, lua_gettop(L), "random", touch_random);
  ir_lua_wrap(L, lua_gettop(L), "randomseed", touch_random);
  lua_pop(L, 1);
}
