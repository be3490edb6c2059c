/* lua_readonly.c - read-only and lazy views of tables (lua_readonly.h). */
#include "lua_readonly.h"

#include <lauxlib.h>

#include "lua_sandbox.h"

/* Registry keys (addresses): the letter's shared empty view, and the kit:
 * the metatable keys and "read-only" as interned strings, so that making a
 * view does not look them up by C string each time. */
static const char EMPTY_KEY = 0, KIT_KEY = 0;
enum { KIT_INDEX = 1, KIT_NEWINDEX, KIT_LEN, KIT_PAIRS, KIT_METATABLE, KIT_RO };
static const char *const KIT[] = {"__index", "__newindex",  "__len",
                                  "__pairs", "__metatable", "read-only"};

static int ro_newindex(lua_State *L) {
  const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
  return luaL_error(L,
                    "the letter and item tables are read-only (assigning "
                    "'%s'); copy what you need into a local table",
                    k ? k : "?");
}

int ir_ro_is_view_mt(lua_State *L) {
  lua_pushliteral(L, "__newindex");
  int is = lua_rawget(L, -2) == LUA_TFUNCTION &&
           lua_tocfunction(L, -1) == ro_newindex;
  lua_pop(L, 1);
  return is;
}

static int lazy_index(lua_State *L);

/* Completes the storage table on top if it is lazily complete. */
static void complete(lua_State *L) {
  if (!lua_getmetatable(L, -1))
    return;
  lua_pushliteral(L, "__index");
  lua_rawget(L, -2);
  lua_remove(L, -2);
  if (lua_tocfunction(L, -1) != lazy_index) {
    lua_pop(L, 1);
    return;
  }
  lua_pushvalue(L, -2);
  lua_call(L, 1, 0);
}

int ir_ro_storage(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
    return 0;
  if (!ir_ro_is_view_mt(L))
    return lua_pop(L, 1), 0;
  lua_pushliteral(L, "__index");
  int ty = lua_rawget(L, -2);
  lua_remove(L, -2);
  if (ty == LUA_TFUNCTION && lua_tocfunction(L, -1) == lazy_index) {
    lua_pushvalue(L, idx); /* one argument: returns the storage */
    lua_call(L, 1, 1);
    ty = lua_type(L, -1);
  }
  if (ty != LUA_TTABLE)
    return lua_pop(L, 1), 0;
  complete(L);
  return 1;
}

static int ro_len(lua_State *L) {
  if (!ir_ro_storage(L, 1))
    return luaL_error(L, "not a read-only table");
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
  return 1;
}

static int ro_next(lua_State *L) {
  if (!ir_ro_storage(L, 1))
    return luaL_error(L, "not a read-only table");
  lua_settop(L, 3);
  lua_pushvalue(L, 2);
  if (lua_next(L, 3))
    return 2;
  lua_pushnil(L);
  return 1;
}

static int ro_pairs(lua_State *L) {
  lua_pushcfunction(L, ro_next);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

/* Pushes the state's kit (made on first use) and returns its index. */
static int push_kit(lua_State *L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &KIT_KEY) != LUA_TTABLE) {
    lua_pop(L, 1);
    int n = (int)(sizeof KIT / sizeof *KIT);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
      lua_pushstring(L, KIT[i]);
      lua_rawseti(L, -2, i + 1);
    }
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &KIT_KEY);
  }
  return lua_gettop(L);
}

/* Replaces the value on top (a storage table or a lazy_index closure) by a
 * new proxy serving it. The metatable's keys come from the kit. */
static void make_view(lua_State *L) {
  int v = lua_gettop(L);
  int kit = push_kit(L), mt = v + 3;
  lua_createtable(L, 0, 0);
  lua_createtable(L, 0, 5);
  lua_rawgeti(L, kit, KIT_INDEX);
  lua_pushvalue(L, v);
  lua_rawset(L, mt);
  static const struct {
    int key;
    lua_CFunction f;
  } mm[] = {
      {KIT_NEWINDEX, ro_newindex}, {KIT_LEN, ro_len}, {KIT_PAIRS, ro_pairs}};
  for (size_t i = 0; i < sizeof mm / sizeof *mm; i++) {
    lua_rawgeti(L, kit, mm[i].key);
    lua_pushcfunction(L, mm[i].f);
    lua_rawset(L, mt);
  }
  lua_rawgeti(L, kit, KIT_METATABLE);
  lua_rawgeti(L, kit, KIT_RO);
  lua_rawset(L, mt);
  lua_setmetatable(L, v + 2);
  lua_copy(L, v + 2, v);
  lua_settop(L, v);
}

void ir_ro_begin_letter(lua_State *L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &EMPTY_KEY) == LUA_TTABLE) {
    lua_pop(L, 1); /* the state's kit and empty view are made once */
    return;
  }
  lua_pop(L, 1);
  lua_createtable(L, 0, 0);
  make_view(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &EMPTY_KEY);
}

void ir_ro_push_empty(lua_State *L) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &EMPTY_KEY);
}

void ir_ro_view(lua_State *L) { make_view(L); }

void ir_ro_seal(lua_State *L) {
  if (lua_getmetatable(L, -1)) {
    int view = ir_ro_is_view_mt(L);
    lua_pop(L, 1);
    if (!view) /* partly built: never the shared empty view */
      make_view(L);
    return;
  }
  lua_pushnil(L);
  if (lua_next(L, -2)) {
    lua_pop(L, 2);
    make_view(L);
    return;
  }
  lua_pop(L, 1);
  ir_ro_push_empty(L);
}

/* __index of a lazy view's metatable, or of a lazily complete storage's.
 * Upvalues: 1 generation, 2 kind, 3 data, then the extras. Called by the VM
 * with (table, key): builds, then returns storage[key]; by this file with
 * (table): returns the storage. */
static int lazy_index(lua_State *L) {
  int nargs = lua_gettop(L);
  const ir_lua_box *b = ir_lua_box_of(L);
  if (!b->letter ||
      lua_tointeger(L, lua_upvalueindex(1)) != (lua_Integer)b->letter_gen)
    return luaL_error(L, "letter tables are only valid during the check() "
                         "call of their letter");
  luaL_checkstack(L, 20, "building a letter table");
  const ir_ro_kind *k = lua_touserdata(L, lua_upvalueindex(2));
  const void *data = lua_touserdata(L, lua_upvalueindex(3));
  int s = nargs + 1;
  if (k->rest && nargs == 2 && k->build_key) { /* just what key needs */
    lua_pushvalue(L, 1);
    k->build_key(L, data, 2);
    lua_settop(L, s);
    lua_pushvalue(L, 2);
    lua_rawget(L, 1); /* the metatable stays: raw, or this loops */
    return 1;
  }
  if (k->rest) { /* 1 is the storage: complete it, drop its metatable */
    lua_pushvalue(L, 1);
    k->build(L, data);
    lua_settop(L, s);
    lua_pushnil(L);
    lua_setmetatable(L, s);
  } else { /* 1 is the proxy: install the storage as its __index */
    k->build(L, data);
    lua_copy(L, -1, s); /* the storage is what the builder left on top */
    lua_settop(L, s);
    if (!lua_getmetatable(L, 1))
      return luaL_error(L, "not a read-only table");
    lua_pushliteral(L, "__index");
    lua_pushvalue(L, s);
    lua_rawset(L, s + 1);
    lua_settop(L, s);
  }
  if (nargs == 1)
    return 1;
  lua_pushvalue(L, 2);
  lua_gettable(L, s); /* a partly built storage completes itself */
  return 1;
}

/* Pushes the lazy_index closure over (letter generation, kind, data, the
 * nextra values on top of the stack, which it consumes). */
static void push_lazy(lua_State *L, const ir_ro_kind *kind, const void *data,
                      int nextra) {
  luaL_checkstack(L, 8, "making a lazy view");
  lua_pushinteger(L, (lua_Integer)ir_lua_box_of(L)->letter_gen);
  lua_pushlightuserdata(L, (void *)kind);
  lua_pushlightuserdata(L, (void *)data);
  if (nextra > 0)
    lua_rotate(L, -(nextra + 3), 3);
  lua_pushcclosure(L, lazy_index, 3 + nextra);
}

void ir_ro_lazy(lua_State *L, const ir_ro_kind *kind, const void *data,
                int nextra) {
  push_lazy(L, kind, data, nextra);
  make_view(L);
}

void ir_ro_lazy_rest(lua_State *L, const ir_ro_kind *kind, const void *data,
                     int nextra) {
  push_lazy(L, kind, data, nextra);
  int f = lua_gettop(L);
  int kit = push_kit(L);
  lua_createtable(L, 0, 1);
  lua_rawgeti(L, kit, KIT_INDEX);
  lua_pushvalue(L, f);
  lua_rawset(L, kit + 1);
  lua_setmetatable(L, f - 1);
  lua_settop(L, f - 1);
}
