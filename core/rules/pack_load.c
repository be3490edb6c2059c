/* pack_load.c - pack.lua -> ir_pack (see pack_load.h). */
#include "pack_load.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/base.h"
#include "letter/letter.h"
#include "pack_fact.h"
#include "pack_read.h"

#define MAX_PACK_FILE (1u << 20)
#define PACK_STEPS 1000000L     /* instructions pack.lua may run */
#define PACK_MEMORY (16u << 20) /* bytes its state may hold */
#define MAX_CRITERIA 64
#define MAX_CATEGORIES 64
#define MAX_ALLOWED 64

typedef struct {
  ir_pack p; /* first: ir_pack_free casts back */
  ir_arena a;
  int id_line; /* the line of the pack's id in pack.lua */
} pack_mem;

static void *pack_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  pk_ctx *c = ud;
  if (!ptr)
    osize = 0;
  if (nsize == 0) {
    free(ptr);
    c->mem -= osize;
    return NULL;
  }
  if (nsize > osize && c->mem + (nsize - osize) > c->cap)
    return NULL;
  void *q = realloc(ptr, nsize);
  if (q)
    c->mem = c->mem - osize + nsize;
  return q;
}

static void count_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  pk_ctx *c = *(pk_ctx **)lua_getextraspace(L);
  c->steps += 1000;
  if (c->steps > PACK_STEPS)
    luaL_error(L, "instruction limit exceeded (%d steps; pack.lua is data)",
               (int)PACK_STEPS);
}

/* The kind of value an extractor gives (IR_VAL_STATUS: none). */
static ir_value_kind vx_kind(ir_vx v) {
  switch (v) {
  case IR_VX_COUNT:
  case IR_VX_LEVELS:
  case IR_VX_MED:
  case IR_VX_STATED:
  case IR_VX_BLOCKS:
    return IR_VAL_NUMBER;
  case IR_VX_CLASS:
    return IR_VAL_STRING;
  case IR_VX_CLASSES:
    return IR_VAL_LIST;
  default:
    return IR_VAL_STATUS;
  }
}

/* ---- a criterion ----------------------------------------------------------
 */

static const char *const crit_keys[] = {"id",      "meets", "value", "requires",
                                        "allowed", "fact",  NULL};

/* The criterion table at t (entry i of `criteria`) into d. */
static int read_crit(pk_ctx *c, int t, lua_Integer i, ir_crit_def *d,
                     const ir_crit_def *prev, size_t nprev, int *has_fact,
                     int *kind_given) {
  lua_State *L = c->L;
  c->anchor = NULL;
  lua_pushliteral(L, "id");
  if (lua_rawget(L, t) != LUA_TSTRING ||
      !ir_pk_name_ok(lua_tostring(L, -1), lua_rawlen(L, -1), 0)) {
    lua_pop(L, 1);
    return ir_pk_fail(c, "criteria",
                      "criterion %d needs an 'id' (a-z, 0-9, '_', '-'; 1 to 64 "
                      "characters)",
                      (int)i);
  }
  d->id = ir_arena_strdup(c->a, lua_tostring(L, -1));
  lua_pop(L, 1);
  int dup = 0;
  for (size_t k = 0; k < nprev; k++)
    dup += strcmp(prev[k].id, d->id) == 0;
  c->anchor = ir_pk_find_quoted(c->src, d->id, dup + 1);
  if (dup) {
    if (!c->anchor)
      c->anchor = ir_pk_find_quoted(c->src, d->id, 1);
    return ir_pk_fail(c, d->id, "criterion '%s' declared twice", d->id);
  }
  d->line = c->anchor ? ir_pk_line_at(c->src, c->anchor) : 1;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    if (lua_type(L, -2) != LUA_TSTRING) {
      lua_pop(L, 2);
      return ir_pk_fail(c, d->id, "criterion '%s': fields must be names",
                        d->id);
    }
    const char *k = lua_tostring(L, -2);
    if (ir_pk_known(crit_keys, k)) {
      lua_pop(L, 1);
      continue;
    }
    if (!lua_isinteger(L, -1)) {
      char kb[80];
      snprintf(kb, sizeof kb, "%s", k);
      lua_pop(L, 2);
      return ir_pk_fail(
          c, kb,
          "unknown field '%s' in criterion '%s' (fields: id, meets, "
          "value, requires, allowed, fact; any other field is an "
          "integer threshold)",
          kb, d->id);
    }
    if (d->nnum == IR_PACK_MAX_NUMS) {
      char kb[80];
      snprintf(kb, sizeof kb, "%s", k);
      lua_pop(L, 2);
      return ir_pk_fail(c, kb, "criterion '%s' has more than %d thresholds",
                        d->id, IR_PACK_MAX_NUMS);
    }
    d->num[d->nnum].key = ir_arena_strdup(c->a, k);
    d->num[d->nnum++].v = (long)lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  lua_pushliteral(L, "meets");
  if (lua_rawget(L, t) != LUA_TSTRING) {
    lua_pop(L, 1);
    return ir_pk_fail(
        c, d->id,
        "criterion '%s' needs 'meets' = \"present\", \"absent\" or "
        "\"value\"",
        d->id);
  }
  const char *m = lua_tostring(L, -1);
  if (strcmp(m, "present") && strcmp(m, "absent") && strcmp(m, "value")) {
    char mb[80];
    snprintf(mb, sizeof mb, "%s", m);
    lua_pop(L, 1);
    return ir_pk_fail(
        c, "meets",
        "'meets' is \"%s\"; it must be \"present\", \"absent\" or "
        "\"value\"",
        mb);
  }
  d->meets = ir_arena_strdup(c->a, m);
  lua_pop(L, 1);
  const char *kind = NULL;
  if (ir_pk_opt_str(c, t, "value", &kind, 0) != 0 ||
      ir_pk_opt_str(c, t, "requires", &d->requires, 0) != 0)
    return -1;
  *kind_given = kind != NULL;
  if (kind) {
    static const char *const kinds[] = {"status", "number", "string", "list"};
    int k = 0;
    while (k < 4 && strcmp(kinds[k], kind))
      k++;
    if (k == 4)
      return ir_pk_fail(
          c, kind,
          "criterion '%s': value is \"%s\"; it must be \"status\", "
          "\"number\", \"string\" or \"list\"",
          d->id, kind);
    d->kind = (ir_value_kind)k;
  }
  lua_pushliteral(L, "allowed");
  if (lua_rawget(L, t) != LUA_TNIL &&
      ir_pk_str_list(c, "allowed", MAX_ALLOWED, &d->allowed, &d->nallowed) != 0)
    return lua_pop(L, 1), -1;
  lua_pop(L, 1);
  lua_pushliteral(L, "fact");
  int ft = lua_rawget(L, t);
  *has_fact = ft != LUA_TNIL;
  if (ft != LUA_TNIL && ft != LUA_TTABLE) {
    lua_pop(L, 1);
    return ir_pk_fail(c, "fact", "criterion '%s': field 'fact' must be a table",
                      d->id);
  }
  if (ft == LUA_TTABLE && ir_pk_read_fact(c, lua_gettop(L), &d->fact) != 0)
    return lua_pop(L, 1), -1;
  lua_pop(L, 1);
  if (ft == LUA_TTABLE) {
    ir_value_kind vk = vx_kind(d->fact.vx);
    if (!kind && vk != IR_VAL_STATUS)
      d->kind = vk;
    else if (kind && vk != IR_VAL_STATUS && vk != d->kind)
      return ir_pk_fail(c, kind,
                        "criterion '%s': value = \"%s\" but its fact's value = "
                        "\"%s\" gives a %s",
                        d->id, kind, ir_vx_name(d->fact.vx),
                        ir_value_kind_name(vk));
  }
  return 0;
}

/* ---- the pack table ------------------------------------------------------ */

static const char *const pack_keys[] = {"id",       "guideline",  "pages",
                                        "version",  "categories", "builtin",
                                        "criteria", NULL};

/* Puts the built-in TPI criteria first, in IR_CRITERIA order (each without
 * a fact), the data criteria after them in their order. */
static int order_builtin(pk_ctx *c, ir_pack *p, ir_crit_def *v, size_t n,
                         const int *has_fact) {
  ir_crit_def *out = ir_arena_alloc(c->a, (n + 1) * sizeof *out);
  for (int k = 0; k < IR_CRIT_COUNT; k++) {
    const char *name = ir_criterion_name((ir_criterion)k);
    size_t i = 0;
    while (i < n && strcmp(v[i].id, name))
      i++;
    if (i == n) {
      c->anchor = NULL;
      return ir_pk_fail(
          c, "builtin",
          "builtin = \"tpi\" needs the criterion '%s' (the built-in "
          "extractor's eleven facts)",
          name);
    }
    out[k] = v[i];
    out[k].fact.builtin = 1;
    out[k].fact.read = IR_READ_SUMMARY | IR_READ_TITLE | IR_READ_RATIONALE;
    out[k].fact.mods = IR_MOD_ALL;
    out[k].fact.line = out[k].line;
  }
  size_t m = IR_CRIT_COUNT;
  for (size_t i = 0; i < n; i++)
    if (ir_criterion_from_name(v[i].id) < 0)
      out[m++] = v[i];
  (void)has_fact;
  p->crit = out;
  p->ncrit = m;
  return 0;
}

static int read_criteria(pk_ctx *c, int t, ir_pack *p) {
  lua_State *L = c->L;
  size_t n = lua_rawlen(L, t);
  if (ir_pk_count(L, t) != n)
    return ir_pk_fail(c, "criteria", "%s",
                      "field 'criteria' must be a list of criterion tables");
  if (n > MAX_CRITERIA)
    return ir_pk_fail(c, "criteria",
                      "a pack has at most %d criteria (%zu given)",
                      MAX_CRITERIA, n);
  ir_crit_def *v = ir_arena_alloc(c->a, (n + 1) * sizeof *v);
  int *has_fact = ir_arena_alloc(c->a, (n + 1) * sizeof *has_fact);
  for (size_t i = 0; i < n; i++) {
    if (lua_rawgeti(L, t, (lua_Integer)i + 1) != LUA_TTABLE) {
      lua_pop(L, 1);
      c->anchor = NULL;
      return ir_pk_fail(c, "criteria", "criterion %zu must be a table", i + 1);
    }
    int kind_given = 0;
    if (read_crit(c, lua_gettop(L), (lua_Integer)i + 1, &v[i], v, i,
                  &has_fact[i], &kind_given) != 0)
      return -1;
    lua_pop(L, 1);
    int tpi = ir_criterion_from_name(v[i].id);
    if (p->builtin_tpi && tpi >= 0) {
      if (has_fact[i])
        return ir_pk_fail(c, "fact",
                          "criterion '%s' is a built-in TPI fact (builtin = "
                          "\"tpi\"); it takes no 'fact'",
                          v[i].id);
      if (!kind_given)
        v[i].kind = tpi == IR_CRIT_INJECTION_COUNT ? IR_VAL_NUMBER
                    : tpi == IR_CRIT_INJECTATE     ? IR_VAL_LIST
                                                   : IR_VAL_STATUS;
    } else if (!has_fact[i]) {
      return ir_pk_fail(c, v[i].id, "criterion '%s' is named by no fact",
                        v[i].id);
    }
  }
  c->anchor = NULL;
  if (p->builtin_tpi)
    return order_builtin(c, p, v, n, has_fact);
  p->crit = v;
  p->ncrit = n;
  return 0;
}

static int read_pack(pk_ctx *c, int t, ir_pack *p) {
  lua_State *L = c->L;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING) {
      lua_pop(L, 1);
      return ir_pk_fail(c, NULL, "%s", "pack table keys must be field names");
    }
    const char *k = lua_tostring(L, -1);
    if (!ir_pk_known(pack_keys, k)) {
      int rc = ir_pk_unknown(c, "field", k, pack_keys);
      lua_pop(L, 1);
      return rc;
    }
  }
  const char *id = NULL, *builtin = NULL;
  if (ir_pk_opt_str(c, t, "id", &id, 0) != 0)
    return -1;
  if (!id || !ir_pk_name_ok(id, strlen(id), 1))
    return ir_pk_fail(
        c, "id", "%s",
        "the pack needs a string 'id' (letters, digits, '-', '_', "
        "'.'; 1 to 64 characters)");
  p->id = id;
  if (ir_pk_opt_str(c, t, "guideline", &p->guideline, 0) != 0 ||
      ir_pk_opt_str(c, t, "pages", &p->pages, 1) != 0 ||
      ir_pk_opt_str(c, t, "version", &p->version, 0) != 0 ||
      ir_pk_opt_str(c, t, "builtin", &builtin, 0) != 0)
    return -1;
  if (builtin) {
    if (strcmp(builtin, "tpi") != 0)
      return ir_pk_fail(c, "builtin",
                        "builtin is \"%s\"; the only built-in extractor is "
                        "\"tpi\"",
                        builtin);
    p->builtin_tpi = 1;
  }
  lua_pushliteral(L, "categories");
  if (lua_rawget(L, t) == LUA_TNIL || lua_rawlen(L, -1) == 0) {
    lua_pop(L, 1);
    return ir_pk_fail(
        c, "categories", "%s",
        "the pack needs 'categories': a list of the item categories "
        "it covers (\"*\" for every item)");
  }
  int rc = ir_pk_str_list(c, "categories", MAX_CATEGORIES, &p->categories,
                          &p->ncategories);
  lua_pop(L, 1);
  if (rc != 0)
    return -1;
  lua_pushliteral(L, "criteria");
  int ty = lua_rawget(L, t);
  if (ty == LUA_TTABLE)
    rc = read_criteria(c, lua_gettop(L), p);
  else if (ty != LUA_TNIL)
    rc = ir_pk_fail(c, "criteria", "%s",
                    "field 'criteria' must be a list of criterion tables");
  lua_pop(L, 1);
  if (rc == 0 && p->builtin_tpi && p->ncrit == 0)
    rc = ir_pk_fail(c, "builtin", "%s",
                    "builtin = \"tpi\" needs the eleven TPI criteria");
  return rc;
}

/* Protected: runs the chunk (arg 1) and reads its table. */
static int load_protected(lua_State *L) {
  pk_ctx *c = *(pk_ctx **)lua_getextraspace(L);
  ir_pack *p = lua_touserdata(L, 2);
  lua_settop(L, 1);
  lua_call(L, 0, 1);
  lua_sethook(L, NULL, 0, 0);
  if (lua_type(L, -1) != LUA_TTABLE) {
    ir_pk_fail(c, "return", "pack.lua must return a table (got %s)",
               luaL_typename(L, -1));
    return 0;
  }
  read_pack(c, lua_gettop(L), p);
  return 0;
}

ir_pack *ir_pack_load_text(const char *dir, const char *file, const char *src,
                           size_t len, char *err, size_t errlen) {
  pack_mem *pm = calloc(1, sizeof *pm);
  if (!pm) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  ir_arena_init(&pm->a);
  pk_ctx c;
  memset(&c, 0, sizeof c);
  c.file = file;
  c.dir = dir;
  c.err = err;
  c.errlen = errlen;
  c.a = &pm->a;
  c.cap = PACK_MEMORY;
  c.src = ir_arena_strndup(&pm->a, src, len);
  err[0] = 0;
  pm->p.dir = ir_arena_strdup(&pm->a, dir);
  lua_State *L = lua_newstate(pack_alloc, &c);
  if (!L) {
    snprintf(err, errlen, "%s: out of memory", file);
    goto fail;
  }
  *(pk_ctx **)lua_getextraspace(L) = &c;
  c.L = L;
  char name[4200];
  snprintf(name, sizeof name, "@%s", file);
  int st = luaL_loadbufferx(L, src, len, name, "t");
  if (st == LUA_OK) {
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1000);
    lua_pushcfunction(L, load_protected);
    lua_insert(L, -2);
    lua_pushlightuserdata(L, &pm->p);
    st = lua_pcall(L, 2, 0, 0);
  }
  if (st != LUA_OK) {
    const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                    : st == LUA_ERRMEM             ? "memory limit exceeded"
                                                   : "error";
    if (strncmp(m, file, strlen(file)) == 0)
      snprintf(err, errlen, "%s", m);
    else
      snprintf(err, errlen, "%s:1: %s", file, m);
  }
  lua_close(L);
  if (st != LUA_OK || err[0])
    goto fail;
  pm->id_line = ir_pk_line_at(c.src, ir_pk_find_quoted(c.src, pm->p.id, 1));
  return &pm->p;
fail:
  ir_arena_free(&pm->a);
  free(pm);
  return NULL;
}

int ir_pack_dir_is_pack(const char *dir) {
  char path[4200];
  struct stat st;
  snprintf(path, sizeof path, "%s/pack.lua", dir);
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

ir_pack *ir_pack_load(const char *dir, char *err, size_t errlen) {
  char path[4200];
  snprintf(path, sizeof path, "%s/pack.lua", dir);
  size_t n;
  char *buf = ir_slurp(path, MAX_PACK_FILE, "pack file", &n, err, errlen);
  if (!buf)
    return NULL;
  ir_pack *p = ir_pack_load_text(dir, path, buf, n, err, errlen);
  free(buf);
  return p;
}

int ir_pack_id_line(const ir_pack *p) {
  return p ? ((const pack_mem *)p)->id_line : 0;
}

void ir_pack_free(ir_pack *p) {
  if (!p)
    return;
  pack_mem *pm = (pack_mem *)p;
  ir_arena_free(&pm->a);
  free(pm);
}
