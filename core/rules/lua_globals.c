/* lua_globals.c - the sandbox's global table (see lua_globals.h). */
#include "lua_globals.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>

#include "letter/letter.h"
#include "lua_bounded.h"
#include "lua_convert.h"
#include "lua_freeze.h"
#include "lua_sandbox.h"

/* ---- replacements for what rules may not use --------------------------- */

static int unavailable(lua_State *L) {
  return luaL_error(L, "%s is not available in rules",
                    lua_tostring(L, lua_upvalueindex(1)));
}

static void push_unavailable(lua_State *L, const char *name) {
  lua_pushstring(L, name);
  lua_pushcclosure(L, unavailable, 1);
}

/* __index/__newindex of a stub library: "<lib>.<key> is not available". */
static int stub_index(lua_State *L) {
  const char *lib = lua_tostring(L, lua_upvalueindex(1));
  const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
  return luaL_error(L, "%s.%s is not available in rules", lib, key);
}

/* Leaves a locked table on the stack: reading an unknown key errors. */
static void push_stub_lib(lua_State *L, const char *lib) {
  lua_newtable(L);
  lua_createtable(L, 0, 3);
  lua_pushstring(L, lib);
  lua_pushcclosure(L, stub_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushstring(L, lib);
  lua_pushcclosure(L, stub_index, 1);
  lua_setfield(L, -2, "__newindex");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
}

static int strict_index(lua_State *L) {
  const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
  return luaL_error(L, "undefined global '%s'", key);
}

static int sandbox_print(lua_State *L) {
  ir_lua_box *b = ir_lua_box_of(L);
  int n = lua_gettop(L);
  luaL_Buffer buf;
  luaL_buffinit(L, &buf);
  luaL_addchar(&buf, '[');
  luaL_addstring(&buf, b->rule_id ? b->rule_id : "rule");
  luaL_addstring(&buf, "] ");
  for (int i = 1; i <= n; i++) {
    if (i > 1)
      luaL_addchar(&buf, '\t');
    luaL_tolstring(L, i, NULL);
    luaL_addvalue(&buf);
  }
  luaL_addchar(&buf, '\n');
  luaL_pushresult(&buf);
  size_t len;
  const char *s = lua_tolstring(L, -1, &len);
  fwrite(s, 1, len, stderr);
  return 0;
}

/* setmetatable without finalizers: a __gc could run outside any limit. */
static int sandbox_setmetatable(lua_State *L) {
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL)
      return luaL_error(L, "__gc metamethods are not available in rules");
    lua_pop(L, 1);
  }
  return ir_lua_forward(L);
}

static int sandbox_collectgarbage(lua_State *L) {
  const char *opt = luaL_optstring(L, 1, "collect");
  if (strcmp(opt, "count") != 0)
    return luaL_error(L, "collectgarbage(\"%s\") is not available in rules",
                      opt);
  int kb = lua_gc(L, LUA_GCCOUNT, 0), rem = lua_gc(L, LUA_GCCOUNTB, 0);
  lua_pushnumber(L, (lua_Number)kb + (lua_Number)rem / 1024.0);
  return 1;
}

static const char *const base_allowed[] = {
    "assert",   "error",    "getmetatable", "ipairs", "next",     "pairs",
    "pcall",    "rawequal", "rawget",       "rawlen", "select",   "tonumber",
    "tostring", "type",     "xpcall",       "_G",     "_VERSION", "string",
    "table",    "math",     "utf8",         NULL};

static int allowed(const char *k) {
  for (int i = 0; base_allowed[i]; i++)
    if (strcmp(k, base_allowed[i]) == 0)
      return 1;
  return 0;
}

/* Replaces every global that is not allowed with a stub naming it. */
static void restrict_globals(lua_State *L) {
  lua_pushglobaltable(L);
  int g = lua_gettop(L);
  lua_newtable(L); /* names to replace */
  int names = g + 1, n = 0;
  lua_pushnil(L);
  while (lua_next(L, g)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING && !allowed(lua_tostring(L, -1))) {
      lua_pushvalue(L, -1);
      lua_rawseti(L, names, ++n);
    }
  }
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, names, i);
    const char *k = lua_tostring(L, -1);
    push_unavailable(L, k);
    lua_rawset(L, g);
  }
  lua_settop(L, g - 1);
}

static void set_os(lua_State *L, int g) {
  luaL_requiref(L, "os", luaopen_os, 0);
  int real = lua_gettop(L);
  push_stub_lib(L, "os");
  static const char *const ok[] = {"time", "date", "clock", "difftime", NULL};
  for (int i = 0; ok[i]; i++) {
    lua_pushstring(L, ok[i]);
    lua_getfield(L, real, ok[i]);
    lua_rawset(L, real + 1);
  }
  lua_setfield(L, g, "os");
  lua_settop(L, real - 1);
}

/* ---- PACK: the rule's pack as read-only tables ------------------------ */

static int pack_newindex(lua_State *L);

int ir_lua_globals_sealed_mt(lua_State *L) {
  lua_pushliteral(L, "__newindex");
  lua_rawget(L, -2);
  lua_CFunction f = lua_tocfunction(L, -1);
  lua_pop(L, 1);
  return f == pack_newindex || f == stub_index;
}

static int pack_newindex(lua_State *L) {
  return luaL_error(L, "PACK is read-only (assigning '%s')",
                    lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?");
}

static int pack_len(lua_State *L) {
  lua_getmetatable(L, 1);
  lua_getfield(L, -1, "__index");
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
  return 1;
}

static int pack_pairs(lua_State *L) {
  lua_getmetatable(L, 1);
  lua_pushcfunction(L, ir_lua_raw_next);
  lua_getfield(L, -2, "__index");
  lua_pushnil(L);
  return 3;
}

/* Replaces the table on top by a read-only proxy of it (shared by every
 * letter: ir_lua_env_fresh copies only tables without a metatable). */
static void ro_proxy(lua_State *L) {
  lua_newtable(L);
  lua_createtable(L, 0, 5);
  lua_pushvalue(L, -3);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, pack_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, pack_len);
  lua_setfield(L, -2, "__len");
  lua_pushcfunction(L, pack_pairs);
  lua_setfield(L, -2, "__pairs");
  lua_pushliteral(L, "read-only");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_remove(L, -2);
}

static void push_str_list(lua_State *L, const char *const *v, size_t n) {
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushstring(L, v[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  ro_proxy(L);
}

static void push_pack(lua_State *L, const ir_pack *p) {
  lua_createtable(L, 0, 6);
  int t = lua_gettop(L);
  lua_pushstring(L, p->id);
  lua_setfield(L, t, "id");
  if (p->guideline) {
    lua_pushstring(L, p->guideline);
    lua_setfield(L, t, "guideline");
  }
  if (p->pages) {
    lua_pushstring(L, p->pages);
    lua_setfield(L, t, "pages");
  }
  if (p->version) {
    lua_pushstring(L, p->version);
    lua_setfield(L, t, "version");
  }
  push_str_list(L, p->categories, p->ncategories);
  lua_setfield(L, t, "categories");
  lua_createtable(L, (int)p->ncrit, 0);
  for (size_t i = 0; i < p->ncrit; i++) {
    const ir_crit_def *d = &p->crit[i];
    lua_createtable(L, 0, 6);
    lua_pushstring(L, d->id);
    lua_setfield(L, -2, "id");
    lua_pushstring(L, d->meets);
    lua_setfield(L, -2, "meets");
    lua_pushstring(L, ir_value_kind_name(d->kind));
    lua_setfield(L, -2, "value");
    if (d->requires) {
      lua_pushstring(L, d->requires);
      lua_setfield(L, -2, "requires");
    }
    for (int k = 0; k < d->nnum; k++) {
      lua_pushinteger(L, (lua_Integer)d->num[k].v);
      lua_setfield(L, -2, d->num[k].key);
    }
    if (d->allowed) {
      push_str_list(L, d->allowed, d->nallowed);
      lua_setfield(L, -2, "allowed");
    }
    ro_proxy(L);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  ro_proxy(L);
  lua_setfield(L, t, "criteria");
  ro_proxy(L);
}

void ir_lua_globals_setup(lua_State *L) {
  lua_pushglobaltable(L);
  int g = lua_gettop(L);
  lua_getfield(L, g, "setmetatable"); /* the real one, kept as an upvalue */
  lua_pushcclosure(L, sandbox_setmetatable, 1);
  int smt = lua_gettop(L);
  restrict_globals(L);
  static const char *const gone[] = {"require", "loadstring", "module",
                                     "setfenv", "getfenv",    "newproxy",
                                     NULL};
  for (int i = 0; gone[i]; i++) {
    push_unavailable(L, gone[i]);
    lua_setfield(L, g, gone[i]);
  }
  lua_pushvalue(L, smt);
  lua_setfield(L, g, "setmetatable");
  lua_pushcfunction(L, sandbox_print);
  lua_setfield(L, g, "print");
  lua_pushcfunction(L, sandbox_collectgarbage);
  lua_setfield(L, g, "collectgarbage");
  lua_settop(L, g);

  ir_lua_bound_libs(L);
  lua_getfield(L, g, "string");
  push_unavailable(L, "string.dump");
  lua_setfield(L, -2, "dump");
  lua_pop(L, 1);

  static const char *const stubs[] = {"io", "debug", "package", "coroutine",
                                      NULL};
  for (int i = 0; stubs[i]; i++) {
    push_stub_lib(L, stubs[i]);
    lua_setfield(L, g, stubs[i]);
  }
  set_os(L, g);

  const ir_pack *pk = ir_lua_box_of(L)->pack;
  lua_createtable(L, pk ? (int)pk->ncrit : 0, 0);
  for (size_t i = 0; pk && i < pk->ncrit; i++) {
    lua_pushstring(L, pk->crit[i].id);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, g, "CRITERIA");
  if (pk) {
    push_pack(L, pk);
    lua_setfield(L, g, "PACK");
  }
  lua_pushcfunction(L, ir_lua_span);
  lua_setfield(L, g, "span");
  ir_lua_freeze_wrap_globals(L, g);

  /* strict globals: reading an undefined global is an error */
  lua_createtable(L, 0, 2);
  lua_pushcfunction(L, strict_index);
  lua_setfield(L, -2, "__index");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, g);
  lua_settop(L, g - 1);
}
