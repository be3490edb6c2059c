/* lua_sandbox.c - one sandboxed Lua state per rule (see lua_sandbox.h). */
#include "lua_sandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "letter/letter.h"
#include "lua_bounded.h"
#include "lua_convert.h"

#define HOOK_EVERY 1000 /* instructions between limit checks */

/* ---- counting allocator ------------------------------------------------
 * Blocks of up to POOL_MAX bytes come from per-state free lists of 16-byte
 * size classes (Lua gives every block's size back when it frees or resizes
 * it); a class with no free block takes a new one from the state's current
 * chunk (CHUNK bytes from malloc, carved in order), so a growing state calls
 * malloc once per chunk rather than once per block. Larger blocks come from
 * malloc. `used` counts the sizes Lua asked for, so the cap is what it was;
 * chunks are freed with the state. */

/* ---- the process budget ---------------------------------------------------
 * All states together may hold at most `budget_cap` bytes. Each state
 * reserves from the shared count in quanta of QUANT bytes (one atomic
 * operation per quantum, none per block), gives back what it no longer uses
 * after each call (ir_lua_box_call) and everything when it closes. */

#define QUANT ((size_t)256 << 10)

static atomic_size_t budget_used;
static atomic_size_t budget_cap = IR_RULE_MEMORY_TOTAL;

void ir_lua_budget_set(size_t total) { atomic_store(&budget_cap, total); }

static void limit_update(ir_lua_mem *m) {
  m->limit = m->reserved < m->cap ? m->reserved : m->cap;
}

/* Reserves so that `total` bytes are covered; 0 when the budget is spent. */
static int reserve(ir_lua_mem *m, size_t total) {
  if (total <= m->reserved)
    return 1;
  size_t grow = (total - m->reserved + QUANT - 1) / QUANT * QUANT;
  size_t now = atomic_fetch_add(&budget_used, grow) + grow;
  if (now > atomic_load(&budget_cap)) {
    atomic_fetch_sub(&budget_used, grow);
    m->budget_refused = 1;
    return 0;
  }
  m->reserved += grow;
  limit_update(m);
  return 1;
}

/* Gives back the reservation beyond what is used (plus one quantum). */
static void unreserve(ir_lua_mem *m, size_t keep) {
  size_t want = keep ? (m->used + QUANT - 1) / QUANT * QUANT + QUANT : 0;
  if (m->reserved > want) {
    atomic_fetch_sub(&budget_used, m->reserved - want);
    m->reserved = want;
    limit_update(m);
  }
}

#define CHUNK (16u << 10)
#define CHUNK_HEAD 16 /* the chunk list link; keeps blocks 16-byte aligned */

static size_t pool_class(size_t n) { return (n - 1) / POOL_STEP; }

/* A block of class c, or NULL when malloc fails. */
static void *pool_get(ir_lua_mem *m, size_t c) {
  void *p = m->pool[c];
  if (p) {
    m->pool[c] = *(void **)p;
    return p;
  }
  size_t size = (c + 1) * POOL_STEP;
  if ((size_t)(m->bump_end - m->bump) < size) {
    char *chunk = malloc(CHUNK);
    if (!chunk)
      return NULL;
    *(void **)chunk = m->chunks;
    m->chunks = chunk;
    m->bump = chunk + CHUNK_HEAD;
    m->bump_end = chunk + CHUNK;
  }
  p = m->bump;
  m->bump += size;
  return p;
}

static void pool_put(ir_lua_mem *m, void *p, size_t n) {
  size_t c = pool_class(n);
  *(void **)p = m->pool[c];
  m->pool[c] = p;
}

static void release(ir_lua_mem *m, void *p, size_t n) {
  if (n <= POOL_MAX)
    pool_put(m, p, n);
  else
    free(p);
}

/* Frees the chunks (after lua_close). */
static void pool_drain(ir_lua_mem *m) {
  while (m->chunks) {
    void *p = m->chunks;
    m->chunks = *(void **)p;
    free(p);
  }
  memset(m->pool, 0, sizeof m->pool);
  m->bump = m->bump_end = NULL;
  unreserve(m, 0);
}

/* A block of nsize bytes holding the first bytes of ptr (old bytes), or
 * NULL (ptr untouched). */
static void *resize(ir_lua_mem *m, void *ptr, size_t old, size_t nsize) {
  if (old > POOL_MAX && nsize > POOL_MAX)
    return realloc(ptr, nsize);
  if (ptr && old <= POOL_MAX && nsize <= POOL_MAX &&
      pool_class(old) == pool_class(nsize))
    return ptr;
  void *p = nsize <= POOL_MAX ? pool_get(m, pool_class(nsize)) : malloc(nsize);
  if (p && ptr) {
    memcpy(p, ptr, old < nsize ? old : nsize);
    release(m, ptr, old);
  }
  return p;
}

/* Every case of box_alloc (the common ones have a fast path there). */
static void *alloc_slow(ir_lua_mem *m, void *ptr, size_t old, size_t nsize) {
  if (nsize == 0) {
    if (ptr)
      release(m, ptr, old);
    m->used -= old;
    return NULL;
  }
  if (nsize > old &&
      (nsize - old > m->cap || m->used + (nsize - old) > m->cap ||
       !reserve(m, m->used + (nsize - old)))) {
    m->refused = 1;
    return NULL;
  }
  void *p = resize(m, ptr, old, nsize);
  if (!p) {
    if (nsize <= old) { /* a shrink must not fail: keep the old block */
      m->used -= old - nsize;
      return ptr;
    }
    m->refused = 1;
    return NULL;
  }
  m->used = m->used - old + nsize;
  if (m->used > m->peak)
    m->peak = m->used;
  return p;
}

/* Fast paths: a new small block within the cap and the reservation,
 * freeing a small block. used <= limit always, so limit - used cannot
 * wrap. */
static void *box_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  ir_lua_mem *m = ud;
  if (!ptr) { /* osize is a type tag */
    if (nsize - 1 < POOL_MAX && nsize <= m->limit - m->used) {
      void *p = pool_get(m, pool_class(nsize));
      if (p) {
        m->used += nsize;
        if (m->used > m->peak)
          m->peak = m->used;
        return p;
      }
    }
    return alloc_slow(m, NULL, 0, nsize);
  }
  if (nsize == 0 && osize <= POOL_MAX) {
    pool_put(m, ptr, osize);
    m->used -= osize;
    return NULL;
  }
  return alloc_slow(m, ptr, osize, nsize);
}

/* ---- instruction limit ------------------------------------------------- */

static void count_hook(lua_State *L, lua_Debug *ar);
static void time_hook(lua_State *L, lua_Debug *ar);

static ir_lua_box *box_of(lua_State *L) {
  return *(ir_lua_box **)lua_getextraspace(L);
}

ir_lua_box *ir_lua_box_of(lua_State *L) { return box_of(L); }

void ir_lua_box_set_letter(ir_lua_box *b, const void *letter) {
  b->letter = letter;
  b->letter_gen++;
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static int steps_shown(const ir_lua_box *b) {
  return (int)(b->steps_limit > 2147483647L ? 2147483647L : b->steps_limit);
}

/* Raises the limit error (sticky: the hook raises again at every
 * instruction, so pcall cannot loop on). */
static int limit_error(lua_State *L, ir_lua_box *b, lua_Debug *ar) {
  b->limit_hit = 1;
  lua_sethook(L, b->time_hit ? time_hook : count_hook, LUA_MASKCOUNT, 1);
  int line = -1;
  const char *src = "?";
  lua_Debug d;
  if (!ar && lua_getstack(L, 1, &d))
    ar = &d;
  if (ar && lua_getinfo(L, "Sl", ar)) {
    line = ar->currentline;
    src = ar->short_src;
  }
  if (b->time_hit)
    lua_pushfstring(L, "%s:%d: time limit exceeded (%d s per check)", src, line,
                    IR_RULE_SECONDS);
  else
    lua_pushfstring(L, "%s:%d: instruction limit exceeded (%d steps)", src,
                    line, steps_shown(b));
  return lua_error(L);
}

static void count_hook(lua_State *L, lua_Debug *ar) {
  ir_lua_box *b = box_of(L);
  if (!b->limit_hit) {
    b->steps_used += HOOK_EVERY;
    if (b->steps_used < b->steps_limit) {
      /* the wall-clock backstop, read every 64 hook calls */
      if ((b->steps_used / HOOK_EVERY & 63) != 0 ||
          now_s() - b->started < IR_RULE_SECONDS)
        return;
      b->time_hit = 1;
    }
  }
  limit_error(L, b, ar);
}

static void time_hook(lua_State *L, lua_Debug *ar) { count_hook(L, ar); }

void ir_lua_box_charge(lua_State *L, double cost) {
  ir_lua_box *b = box_of(L);
  if (b->limit_hit || cost >= (double)(b->steps_limit - b->steps_used)) {
    b->steps_used = b->steps_limit;
    limit_error(L, b, NULL);
  }
  b->steps_used += (long)cost;
}

static void arm(ir_lua_box *b) {
  b->steps_used = 0;
  b->limit_hit = 0;
  b->time_hit = 0;
  b->started = now_s();
  b->mem.refused = 0;
  b->mem.budget_refused = 0;
  lua_sethook(b->L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
}

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
  ir_lua_box *b = box_of(L);
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
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
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

static void setup_globals(lua_State *L) {
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

  lua_createtable(L, IR_CRIT_COUNT, 0);
  for (int i = 0; i < IR_CRIT_COUNT; i++) {
    lua_pushstring(L, ir_criterion_name((ir_criterion)i));
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, g, "CRITERIA");
  lua_pushcfunction(L, ir_lua_span);
  lua_setfield(L, g, "span");

  /* strict globals: reading an undefined global is an error */
  lua_createtable(L, 0, 2);
  lua_pushcfunction(L, strict_index);
  lua_setfield(L, -2, "__index");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, g);
  lua_settop(L, g - 1);
}

/* ---- state life cycle --------------------------------------------------- */

/* Registry key of the pristine globals laid out flat (made on the first
 * fresh_env; the pristine tables never change): per global, in lua_next
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
 * pristine globals, each plain library table copied too, _G itself,
 * strict), the chunk run in it, its table and `check` kept in the registry
 * (replacing the last ones), math.random reseeded. Nothing a rule sets
 * survives: not its locals (new closures), not its globals, not a change to
 * a library table. */
static int fresh_env(lua_State *L) {
  ir_lua_box *b = box_of(L);
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
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->meta_ref);
  lua_setmetatable(L, env);
  lua_getfield(L, base, "math");
  lua_getfield(L, -1, "randomseed");
  lua_pushinteger(L, 0);
  lua_call(L, 1, 0);
  lua_settop(L, env);
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

/* Protected: open the libraries, sandbox them, keep the pristine globals
 * and the strict metatable, load the chunk (text only) and run it in a
 * fresh environment. */
static int boot(lua_State *L) {
  ir_lua_box *b = box_of(L);
  luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
  luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
  luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
  luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
  luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
  lua_settop(L, 0);
  setup_globals(L);
  lua_pushglobaltable(L);
  lua_getmetatable(L, -1);
  b->meta_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  b->base_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  /* string methods ("s:upper()") use the pristine string table, which a
   * rule cannot reach: getmetatable("") is locked */
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_settop(L, 0);
  lua_pushfstring(L, "@%s", b->file);
  int st = luaL_loadbufferx(L, b->src, b->srclen, lua_tostring(L, -1), "t");
  if (st != LUA_OK) {
    const char *m = lua_tostring(L, -1);
    if (m && strncmp(m, b->file, strlen(b->file)) != 0)
      lua_pushfstring(L, "%s:1: %s", b->file, m);
    return lua_error(L);
  }
  b->chunk_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  b->check_ref = b->rule_ref = LUA_NOREF;
  return fresh_env(L);
}

ir_box_status ir_lua_box_fresh(ir_lua_box *b) {
  lua_pushcfunction(b->L, fresh_env);
  return ir_lua_box_call(b, 0, 0, 0);
}

static void copy_msg(lua_State *L, char *err, size_t errlen) {
  const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  snprintf(err, errlen, "%s", m ? m : "unknown error");
}

static int box_start(ir_lua_box *b, char *err, size_t errlen) {
  memset(&b->mem, 0, sizeof b->mem);
  b->mem.cap = b->memory;
  limit_update(&b->mem);
  b->L = lua_newstate(box_alloc, &b->mem);
  if (!b->L) {
    pool_drain(&b->mem);
    snprintf(err, errlen, "%s: memory limit too small for a Lua state",
             b->file);
    return -1;
  }
  *(ir_lua_box **)lua_getextraspace(b->L) = b;
  /* a cycle when the heap has grown to 3x what the last one kept: a
   * letter's garbage (fresh environment, letter views) is reused while
   * still in the caches; at 10x (1000) the free lists spread over
   * megabytes and most allocations missed them (fewer instructions, but
   * ~8% more time over a batch) */
  lua_gc(b->L, LUA_GCINC, 300, 400, 0);
  arm(b);
  lua_pushcfunction(b->L, boot);
  int st = lua_pcall(b->L, 0, 0, 0);
  if (st != LUA_OK) {
    if (st == LUA_ERRMEM)
      snprintf(err, errlen,
               "%s: memory limit exceeded (%zu bytes%s) while "
               "loading the rule",
               b->file,
               b->mem.budget_refused ? atomic_load(&budget_cap) : b->mem.cap,
               b->mem.budget_refused ? " for all rule states together" : "");
    else
      copy_msg(b->L, err, errlen);
    lua_close(b->L);
    b->L = NULL;
    pool_drain(&b->mem);
    return -1;
  }
  lua_sethook(b->L, NULL, 0, 0);
  lua_settop(b->L, 0);
  return 0;
}

ir_lua_box *ir_lua_box_open(const char *file, const char *src, size_t srclen,
                            const char *rule_id, size_t memory, long steps,
                            char *err, size_t errlen) {
  ir_lua_box *b = calloc(1, sizeof *b);
  if (!b) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  b->file = file;
  b->src = src;
  b->srclen = srclen;
  b->rule_id = rule_id;
  b->memory = memory;
  b->steps_limit = steps;
  if (box_start(b, err, errlen) != 0) {
    free(b);
    return NULL;
  }
  return b;
}

static void box_stop(ir_lua_box *b) {
  if (b->L) {
    lua_close(b->L);
    b->L = NULL;
  }
  pool_drain(&b->mem);
}

int ir_lua_box_reopen(ir_lua_box *b, char *err, size_t errlen) {
  box_stop(b);
  return box_start(b, err, errlen);
}

void ir_lua_box_free(ir_lua_box *b) {
  if (!b)
    return;
  box_stop(b);
  free(b);
}

size_t ir_lua_box_used(const ir_lua_box *b) { return b->mem.used; }

/* ---- calls --------------------------------------------------------------- */

static int msgh_plain(lua_State *L) {
  if (lua_type(L, 1) != LUA_TSTRING)
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  return 1;
}

static int msgh_trace(lua_State *L) {
  const char *m = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
  if (!m)
    m = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  luaL_traceback(L, L, m, 1);
  return 1;
}

static ir_box_status classify(ir_lua_box *b, int st) {
  lua_State *L = b->L;
  if (st == LUA_OK)
    return IR_BOX_OK;
  if (b->limit_hit) {
    if (lua_type(L, -1) != LUA_TSTRING ||
        !strstr(lua_tostring(L, -1), " limit exceeded")) {
      lua_pop(L, 1);
      if (b->time_hit)
        lua_pushfstring(L, "%s: time limit exceeded (%d s per check)", b->file,
                        IR_RULE_SECONDS);
      else
        lua_pushfstring(L, "%s: instruction limit exceeded (%d steps)", b->file,
                        steps_shown(b));
    }
    return IR_BOX_LIMIT;
  }
  if (st == LUA_ERRMEM || (b->mem.refused && st == LUA_ERRERR)) {
    lua_pop(L, 1);
    if (b->mem.budget_refused)
      lua_pushfstring(L,
                      "%s: memory limit exceeded (all rule states together "
                      "hold the process budget, %I bytes)",
                      b->file, (lua_Integer)atomic_load(&budget_cap));
    else
      lua_pushfstring(L, "%s: memory limit exceeded (%I bytes)", b->file,
                      (lua_Integer)b->mem.cap);
    return IR_BOX_MEMORY;
  }
  if (lua_type(L, -1) != LUA_TSTRING) {
    lua_pop(L, 1);
    lua_pushliteral(L, "unknown error");
  }
  return IR_BOX_ERROR;
}

ir_box_status ir_lua_box_call(ir_lua_box *b, int nargs, int nres, int debug) {
  lua_State *L = b->L;
  int fn = lua_gettop(L) - nargs;
  lua_pushcfunction(L, debug ? msgh_trace : msgh_plain);
  lua_insert(L, fn);
  arm(b);
  int st = lua_pcall(L, nargs, nres, fn);
  lua_sethook(L, NULL, 0, 0);
  ir_box_status r = classify(b, st);
  unreserve(&b->mem, 1);
  lua_remove(L, fn);
  return r;
}

ir_box_status ir_lua_box_cpcall(ir_lua_box *b, lua_CFunction f, void *ud,
                                int nargs, int nres) {
  lua_State *L = b->L;
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, f);
  lua_pushlightuserdata(L, ud);
  lua_rotate(L, base + 1, 2);
  b->limit_hit = 0;
  b->time_hit = 0;
  b->mem.refused = 0;
  b->mem.budget_refused = 0;
  int st = lua_pcall(L, nargs + 1, nres, 0);
  return classify(b, st);
}
