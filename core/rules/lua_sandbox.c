/* lua_sandbox.c - one sandboxed Lua state per rule (see lua_sandbox.h). */
#include "lua_sandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "letter/letter.h"
#include "lua_alloc.h"
#include "lua_env.h"
#include "lua_freeze.h"
#include "lua_globals.h"

#define HOOK_EVERY 1000 /* instructions between limit checks */

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

/* ---- state life cycle --------------------------------------------------- */

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
  ir_lua_globals_setup(L);
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
  b->check_ref = b->rule_ref = b->env_ref = LUA_NOREF;
  return ir_lua_env_fresh(L);
}

ir_box_status ir_lua_box_renew(ir_lua_box *b) {
  lua_State *L = b->L;
  /* kept, the generator reseeded if the last letter used it */
  if (ir_lua_frozen_intact(L) &&
      (!b->random_touched ||
       ir_lua_box_cpcall(b, ir_lua_env_reseed, NULL, 0, 0) == IR_BOX_OK))
    return IR_BOX_OK;
  lua_settop(L, 0);
  if (b->used) {
    lua_pushcfunction(L, ir_lua_env_fresh);
    ir_box_status st = ir_lua_box_call(b, 0, 0, 0);
    if (st != IR_BOX_OK)
      return st;
  }
  b->used = 1;
  /* not frozen (out of memory while freezing): rebuilt for every letter */
  if (ir_lua_box_cpcall(b, ir_lua_freeze, NULL, 0, 0) != IR_BOX_OK) {
    b->frozen = 0;
    lua_settop(L, 0);
  }
  return IR_BOX_OK;
}

static void copy_msg(lua_State *L, char *err, size_t errlen) {
  const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  snprintf(err, errlen, "%s", m ? m : "unknown error");
}

static int box_start(ir_lua_box *b, char *err, size_t errlen) {
  b->used = b->frozen = b->dirty = b->random_touched = 0;
  ir_lua_mem_init(&b->mem, b->memory);
  b->L = lua_newstate(ir_lua_mem_alloc, &b->mem);
  if (!b->L) {
    ir_lua_mem_drain(&b->mem);
    snprintf(err, errlen, "%s: memory limit too small for a Lua state",
             b->file);
    return -1;
  }
  *(ir_lua_box **)lua_getextraspace(b->L) = b;
  /* a cycle when the heap has grown to 6x what the last one kept: with the
   * state kept between letters (lua_freeze.h) a letter leaves little
   * garbage, and each cycle marks the whole kept state (3x: 3% more
   * instructions in the rules stage, ~4% more time over a batch; at 10x
   * the free lists spread over megabytes and most allocations missed
   * them) */
  lua_gc(b->L, LUA_GCINC, 600, 400, 0);
  arm(b);
  lua_pushcfunction(b->L, boot);
  int st = lua_pcall(b->L, 0, 0, 0);
  if (st != LUA_OK) {
    if (st == LUA_ERRMEM)
      snprintf(err, errlen,
               "%s: memory limit exceeded (%zu bytes%s) while "
               "loading the rule",
               b->file,
               b->mem.budget_refused ? ir_lua_budget_cap() : b->mem.cap,
               b->mem.budget_refused ? " for all rule states together" : "");
    else
      copy_msg(b->L, err, errlen);
    lua_close(b->L);
    b->L = NULL;
    ir_lua_mem_drain(&b->mem);
    return -1;
  }
  lua_sethook(b->L, NULL, 0, 0);
  lua_settop(b->L, 0);
  return 0;
}

ir_lua_box *ir_lua_box_open(const char *file, const char *src, size_t srclen,
                            const char *rule_id, const ir_pack *pack,
                            const ir_lua_libs *libs, size_t memory, long steps,
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
  b->pack = pack;
  b->libs = libs;
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
  ir_lua_frozen_release(b);
  b->frozen = 0;
  ir_lua_mem_drain(&b->mem);
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
                      b->file, (lua_Integer)ir_lua_budget_cap());
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
  ir_lua_mem_unreserve(&b->mem, 1);
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
