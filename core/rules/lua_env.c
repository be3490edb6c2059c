/* lua_env.c - a rule's environment: a fresh copy of the pristine globals
 * per letter, and include() of the shared check libraries in it (see
 * lua_env.h). */
#include "lua_env.h"

#include <lauxlib.h>
#include <string.h>

#include "lua_sandbox.h"

/* ---- include(): shared check libraries --------------------------------- */

/* Registry key of the state's compiled library chunks, by name. */
static const char LIBS_KEY = 0;

static const ir_lua_lib *find_lib(const ir_lua_libs *libs, const char *name) {
  for (size_t i = 0; libs && i < libs->n; i++)
    if (strcmp(libs->v[i].name, name) == 0)
      return &libs->v[i];
  return NULL;
}

/* Raises "include: no library 'x' (d1/lib/x.lua, d2/lib/x.lua)". */
static int no_library(lua_State *L, const ir_lua_libs *libs, const char *name) {
  luaL_Buffer buf;
  luaL_buffinit(L, &buf);
  size_t n = libs ? libs->ndirs : 0;
  for (size_t i = 0; i < n; i++) {
    if (i)
      luaL_addstring(&buf, ", ");
    luaL_addstring(&buf, libs->dirs[i]);
    luaL_addstring(&buf, "/lib/");
    luaL_addstring(&buf, name);
    luaL_addstring(&buf, ".lua");
  }
  if (n == 0)
    luaL_addstring(&buf, "no rules directory");
  luaL_pushresult(&buf);
  return luaL_error(L, "include: no library '%s' (%s)", name,
                    lua_tostring(L, -1));
}

/* Pushes the compiled chunk of lib, compiling it on the state's first
 * include of it (the loader checked its syntax already). */
static void push_lib_chunk(lua_State *L, const ir_lua_lib *lib) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &LIBS_KEY) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &LIBS_KEY);
  }
  if (lua_getfield(L, -1, lib->name) == LUA_TFUNCTION) {
    lua_remove(L, -2);
    return;
  }
  lua_pop(L, 1);
  lua_pushfstring(L, "@%s", lib->file);
  if (luaL_loadbufferx(L, lib->src, lib->srclen, lua_tostring(L, -1), "t") !=
      LUA_OK)
    lua_error(L);
  lua_remove(L, -2);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, lib->name);
  lua_remove(L, -2);
}

/* include(name): upvalue 1 is the environment it was made for, upvalue 2
 * its modules by name (made on the first include). A name being loaded
 * holds false until its chunk returns. */
static int sandbox_include(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  lua_settop(L, 1);
  if (lua_type(L, lua_upvalueindex(2)) != LUA_TTABLE) {
    lua_newtable(L);
    lua_replace(L, lua_upvalueindex(2));
    ir_lua_box_of(L)->dirty = 1; /* a C upvalue: lua_freeze.c cannot see it */
  }
  int t = lua_getfield(L, lua_upvalueindex(2), name);
  if (t == LUA_TTABLE)
    return 1;
  if (t == LUA_TBOOLEAN)
    return luaL_error(L,
                      "include: library '%s' is still loading (it includes "
                      "itself, or its loading failed earlier)",
                      name);
  const ir_lua_lib *lib = find_lib(ir_lua_box_of(L)->libs, name);
  if (!lib)
    return no_library(L, ir_lua_box_of(L)->libs, name);
  lua_pushboolean(L, 0);
  lua_setfield(L, lua_upvalueindex(2), name);
  push_lib_chunk(L, lib);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_setupvalue(L, -2, 1); /* the chunk's _ENV: the rule's environment */
  lua_call(L, 0, 1);
  if (!lua_istable(L, -1))
    return luaL_error(L,
                      "include: library '%s' (%s) must return a table (got "
                      "%s)",
                      name, lib->file, luaL_typename(L, -1));
  lua_pushvalue(L, -1);
  lua_setfield(L, lua_upvalueindex(2), name);
  return 1;
}

/* ---- a fresh environment ------------------------------------------------ */

int ir_lua_env_reseed(lua_State *L) {
  ir_lua_box *b = ir_lua_box_of(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->base_ref);
  lua_getfield(L, -1, "math");
  lua_getfield(L, -1, "randomseed");
  lua_pushinteger(L, 0);
  lua_call(L, 1, 0);
  lua_pop(L, 2);
  b->random_touched = 0;
  return 0;
}

/* Registry key of the pristine globals laid out flat (made on the first
 * ir_lua_env_fresh; the pristine tables never change): per global, in lua_next
 * order, its key, its value and either the flat copy list of a plain
 * library table ({narray, nhash, k1, v1, k2, v2, ...}) or false. Copying
 * from arrays into tables made at their final size costs a fraction of
 * lua_next and rawset's rehashing as the copies grow. */
static const char FLAT_KEY = 0;

/* Pushes the flat list of table t (see FLAT_KEY). */
static void push_flat(lua_State *L, int t) {
  lua_newtable(L);
  int fl = lua_gettop(L);
  lua_Integer n = 2, narr = 0, nhash = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    if (lua_isinteger(L, -2))
      narr++;
    else
      nhash++;
    lua_pushvalue(L, -2);
    lua_rawseti(L, fl, ++n);
    lua_rawseti(L, fl, ++n);
  }
  lua_pushinteger(L, narr);
  lua_rawseti(L, fl, 1);
  lua_pushinteger(L, nhash);
  lua_rawseti(L, fl, 2);
}

static void push_flat_globals(lua_State *L, int base) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &FLAT_KEY) == LUA_TTABLE)
    return;
  lua_pop(L, 1);
  lua_newtable(L);
  int fl = lua_gettop(L);
  lua_Integer n = 0;
  lua_pushnil(L);
  while (lua_next(L, base)) {
    int v = lua_gettop(L);
    lua_pushvalue(L, v - 1);
    lua_rawseti(L, fl, ++n);
    lua_pushvalue(L, v);
    lua_rawseti(L, fl, ++n);
    int locked = lua_type(L, v) == LUA_TTABLE && lua_getmetatable(L, v);
    if (locked)
      lua_pop(L, 1); /* stub libraries: locked, shared */
    if (!locked && lua_type(L, v) == LUA_TTABLE)
      push_flat(L, v);
    else
      lua_pushboolean(L, 0);
    lua_rawseti(L, fl, ++n);
    lua_settop(L, v - 1);
  }
  lua_pushvalue(L, fl);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &FLAT_KEY);
}

/* Protected: a fresh environment for the rule's chunk (a copy of the
 * pristine globals, each plain library table copied too, _G itself, an
 * include() of its own with no module loaded, strict), the chunk run in it,
 * its table and `check` kept in the registry (replacing the last ones),
 * math.random reseeded. Nothing a rule sets survives: not its locals (new
 * closures), not its globals, not a change to a library table, not a
 * library module (included again, it runs again in the new environment). */
int ir_lua_env_fresh(lua_State *L) {
  ir_lua_box *b = ir_lua_box_of(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->base_ref);
  int base = lua_gettop(L);
  push_flat_globals(L, base);
  int fl = base + 1;
  lua_Integer nfl = (lua_Integer)lua_rawlen(L, fl);
  lua_createtable(L, 0, (int)(nfl / 3));
  int env = base + 2;
  for (lua_Integer i = 1; i + 2 <= nfl; i += 3) {
    lua_rawgeti(L, fl, i);                         /* the key */
    if (lua_rawgeti(L, fl, i + 2) == LUA_TTABLE) { /* a plain library */
      int lib = lua_gettop(L);
      lua_Integer m = (lua_Integer)lua_rawlen(L, lib);
      lua_rawgeti(L, lib, 1);
      lua_rawgeti(L, lib, 2);
      lua_createtable(L, (int)lua_tointeger(L, -2), (int)lua_tointeger(L, -1));
      lua_replace(L, lib + 1);
      lua_pop(L, 1);
      for (lua_Integer j = 3; j + 1 <= m; j += 2) {
        lua_rawgeti(L, lib, j);
        lua_rawgeti(L, lib, j + 1);
        lua_rawset(L, lib + 1);
      }
      lua_replace(L, lib);
    } else {
      lua_pop(L, 1);
      lua_rawgeti(L, fl, i + 1);
    }
    lua_rawset(L, env);
  }
  lua_pushvalue(L, env);
  lua_setfield(L, env, "_G");
  lua_pushvalue(L, env); /* include(), with no module loaded yet */
  lua_pushboolean(L, 0);
  lua_pushcclosure(L, sandbox_include, 2);
  lua_setfield(L, env, "include");
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->meta_ref);
  lua_setmetatable(L, env);
  ir_lua_env_reseed(L); /* the chunk's use of it is what counts */
  lua_settop(L, env);
  lua_pushvalue(L, env);
  if (b->env_ref != LUA_NOREF)
    luaL_unref(L, LUA_REGISTRYINDEX, b->env_ref);
  b->env_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->chunk_ref);
  lua_pushvalue(L, env);
  lua_setupvalue(L, -2, 1); /* the chunk's _ENV */
  lua_call(L, 0, 1);
  if (!lua_istable(L, -1))
    return luaL_error(L, "%s:1: the rule file must return a table (got %s)",
                      b->file, luaL_typename(L, -1));
  lua_getfield(L, -1, "check");
  if (b->check_ref != LUA_NOREF) {
    luaL_unref(L, LUA_REGISTRYINDEX, b->check_ref);
    luaL_unref(L, LUA_REGISTRYINDEX, b->rule_ref);
  }
  b->check_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  b->rule_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}
