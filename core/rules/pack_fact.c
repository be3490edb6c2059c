/* pack_fact.c - reading one fact specification of a pack criterion
 * (pack_fact.h). */
#include "pack_fact.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "pack_read.h"

/* ---- a fact specification ------------------------------------------------ */

/* The fields that list lexicon sections, and where each goes. */
static ir_secset *sec_field(ir_fact_spec *f, const char *k) {
  static const struct {
    const char *key;
    size_t off;
  } secs[] = {{"affirm", offsetof(ir_fact_spec, affirm)},
              {"deny", offsetof(ir_fact_spec, deny)},
              {"weak_deny", offsetof(ir_fact_spec, weak_deny)},
              {"cite", offsetof(ir_fact_spec, cite)},
              {"unmet", offsetof(ir_fact_spec, unmet)},
              {"with", offsetof(ir_fact_spec, with)},
              {"value_at", offsetof(ir_fact_spec, value_at)}};
  for (size_t i = 0; i < sizeof secs / sizeof *secs; i++)
    if (strcmp(secs[i].key, k) == 0)
      return (ir_secset *)((char *)f + secs[i].off);
  return NULL;
}

static const char *const fact_keys[] = {
    "affirm", "deny",    "cite",      "read",  "modifiers", "bind",
    "value",  "classes", "value_at",  "table", "otherwise", "prevail",
    "with",   "unmet",   "weak_deny", NULL};

static int read_classes(pk_ctx *c, int t, ir_fact_spec *f) {
  lua_State *L = c->L;
  size_t m = lua_rawlen(L, t);
  if (ir_pk_count(L, t) != m || m == 0)
    return ir_pk_fail(
        c, "classes", "%s",
        "field 'classes' must be a list of {value, section} pairs");
  if (m > IR_PACK_MAX_SECS)
    return ir_pk_fail(c, "classes",
                      "field 'classes' holds %zu classes (at most %d)", m,
                      IR_PACK_MAX_SECS);
  f->class_names = ir_arena_alloc(c->a, (m + 1) * sizeof *f->class_names);
  for (size_t i = 0; i < m; i++) {
    lua_rawgeti(L, t, (lua_Integer)i + 1);
    int ok = lua_type(L, -1) == LUA_TTABLE && lua_rawlen(L, -1) == 2;
    const char *v = NULL, *s = NULL;
    if (ok) {
      lua_rawgeti(L, -1, 1);
      lua_rawgeti(L, -2, 2);
      ok = lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TSTRING;
      if (ok) {
        v = ir_arena_strdup(c->a, lua_tostring(L, -2));
        s = ir_arena_strdup(c->a, lua_tostring(L, -1));
      }
      lua_pop(L, 2);
    }
    lua_pop(L, 1);
    if (!ok || !*v || !ir_pk_name_ok(s, strlen(s), 0))
      return ir_pk_fail(c, "classes",
                        "class %zu must be a pair { \"value\", \"section\" } "
                        "(section: a-z, 0-9, '_', '-')",
                        i + 1);
    f->class_names[i] = v;
    f->classes.names[i] = s;
  }
  f->classes.n = (int)m;
  return 0;
}

int ir_pk_read_fact(pk_ctx *c, int t, ir_fact_spec *f) {
  lua_State *L = c->L;
  f->read = IR_READ_SUMMARY | IR_READ_TITLE | IR_READ_RATIONALE;
  f->mods = IR_MOD_ALL;
  f->line = c->anchor ? ir_pk_line_at(c->src, c->anchor) : 1;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    if (lua_type(L, -2) != LUA_TSTRING) {
      lua_pop(L, 2);
      return ir_pk_fail(c, "fact", "%s", "fact fields must be names");
    }
    const char *k = lua_tostring(L, -2);
    if (!ir_pk_known(fact_keys, k)) {
      int rc = ir_pk_unknown(c, "fact field", k, fact_keys);
      lua_pop(L, 2);
      return rc;
    }
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawget(L, t);
    int rc = 0;
    ir_secset *sec = sec_field(f, k);
    if (sec)
      rc = ir_pk_sec_list(c, k, sec);
    else if (!strcmp(k, "classes"))
      rc =
          lua_type(L, -1) == LUA_TTABLE
              ? read_classes(c, lua_gettop(L), f)
              : ir_pk_fail(c, k, "%s",
                           "field 'classes' must be a list of {value, section} "
                           "pairs");
    else if (!strcmp(k, "read") || !strcmp(k, "modifiers")) {
      const char **v;
      size_t n;
      int is_read = k[0] == 'r';
      rc = ir_pk_str_list(c, k, 16, &v, &n);
      unsigned bits = 0;
      for (size_t i = 0; rc == 0 && i < n; i++) {
        int b = 0;
        if (is_read)
          b = !strcmp(v[i], "summary")     ? IR_READ_SUMMARY
              : !strcmp(v[i], "title")     ? IR_READ_TITLE
              : !strcmp(v[i], "rationale") ? IR_READ_RATIONALE
                                           : 0;
        else
          b = ir_mod_from_name(v[i]);
        if (!b)
          rc =
              ir_pk_fail(c, v[i],
                         is_read ? "unknown record region '%s' in 'read' "
                                   "(summary, title, rationale)"
                                 : "unknown modifier class '%s' (negated, "
                                   "hypothetical, future, resolved, not_found, "
                                   "attributed, uncertain)",
                         v[i]);
        bits |= (unsigned)b;
      }
      if (rc == 0 && is_read)
        f->read = bits;
      else if (rc == 0)
        f->mods = bits;
    } else if (!strcmp(k, "bind") || !strcmp(k, "value") ||
               !strcmp(k, "table") || !strcmp(k, "otherwise") ||
               !strcmp(k, "prevail")) {
      if (lua_type(L, -1) != LUA_TSTRING) {
        rc = ir_pk_fail(c, k, "fact field '%s' must be a string", k);
      } else {
        const char *v = lua_tostring(L, -1);
        if (!strcmp(k, "bind")) {
          if (!strcmp(v, "none"))
            f->bind = IR_BIND_NONE;
          else if (!strcmp(v, "region"))
            f->bind = IR_BIND_REGION;
          else if (!strcmp(v, "level"))
            f->bind = IR_BIND_LEVEL;
          else
            rc = ir_pk_fail(c, v, "unknown bind '%s' (none, region, level)", v);
        } else if (!strcmp(k, "value")) {
          int x = ir_vx_from_name(v);
          if (x < 0)
            rc =
                ir_pk_fail(c, v,
                           "unknown value extractor '%s' (none, count, levels, "
                           "class, classes, percent, med, stated, blocks)",
                           v);
          else
            f->vx = (ir_vx)x;
        } else if (!strcmp(k, "otherwise")) {
          f->otherwise = ir_arena_strdup(c->a, v);
        } else if (!strcmp(k, "prevail")) {
          if (!strcmp(v, "affirm"))
            f->affirm_wins = 1;
          else if (strcmp(v, "summary") != 0)
            rc = ir_pk_fail(c, v, "unknown prevail '%s' (summary, affirm)", v);
        } else {
          f->table = ir_arena_strdup(c->a, v);
        }
      }
    }
    lua_pop(L, 1); /* the value; the key stays for lua_next */
    if (rc != 0) {
      lua_pop(L, 1);
      return -1;
    }
  }
  if ((f->vx == IR_VX_CLASS || f->vx == IR_VX_CLASSES) && f->classes.n == 0)
    return ir_pk_fail(c, "value", "value = \"%s\" needs 'classes'",
                      ir_vx_name(f->vx));
  if (f->classes.n && !(f->vx == IR_VX_CLASS || f->vx == IR_VX_CLASSES))
    return ir_pk_fail(c, "classes", "%s",
                      "'classes' needs value = \"class\" or \"classes\"");
  if (f->vx == IR_VX_MED && !f->table)
    return ir_pk_fail(c, "value", "%s", "value = \"med\" needs a drug 'table'");
  if (f->table && f->vx != IR_VX_MED)
    return ir_pk_fail(c, "table", "%s", "'table' is for value = \"med\"");
  if (f->table) {
    const char *tb = f->table;
    if (tb[0] != '/')
      f->table = ir_arena_printf(c->a, "%s/%s", c->dir, tb);
    if (access(f->table, R_OK) != 0)
      return ir_pk_fail(c, "table", "table '%s': cannot read %s: %s", tb,
                        f->table, strerror(errno));
  }
  if (!f->affirm.n && !f->deny.n && !f->classes.n && !f->value_at.n &&
      !f->table)
    return ir_pk_fail(
        c, "fact", "%s",
        "a fact names no section (affirm, deny, classes, value_at) "
        "and no table: it can find nothing");
  return 0;
}
