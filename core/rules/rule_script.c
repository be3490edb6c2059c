/* rule_script.c - one rule script: read, run once in a throw-away
 * sandbox, its table's shape checked and its metadata copied out
 * (rule_script.h). */
#include "rule_script.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "lua_sandbox.h"
#include "pack_load.h"

#define MAX_RULE_FILE (1u << 20)

char *ir_rule_read_file(const char *path, size_t *len, char *err,
                        size_t errlen) {
  return ir_slurp(path, MAX_RULE_FILE, "rule file", len, err, errlen);
}

/* ---- checking the shape of a rule table --------------------------------- */

static const char *const known_fields[] = {
    "id",    "check",   "title",  "guideline", "description", "applies_to",
    "kinds", "version", "author", "verdict",   NULL};

typedef struct {
  const char *file, *src;
  char *err;
  size_t errlen;
} shape_ctx;

static int shape_fail(shape_ctx *s, const char *field, const char *fmt,
                      const char *a) {
  char msg[300];
  snprintf(msg, sizeof msg, fmt, a);
  snprintf(s->err, s->errlen, "%s:%d: %s", s->file,
           ir_src_line_of(s->src, field), msg);
  return -1;
}

/* Checks the list at index t holds only non-empty strings. */
static int string_list(lua_State *L, int t, size_t *n) {
  if (lua_type(L, t) != LUA_TTABLE)
    return 0;
  size_t m = lua_rawlen(L, t), count = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    int ok = lua_type(L, -1) == LUA_TSTRING && lua_rawlen(L, -1) > 0;
    lua_pop(L, 1);
    if (!ok)
      return lua_pop(L, 1), 0;
    count++;
  }
  *n = m;
  return count == m;
}

static int check_shape(lua_State *L, int t, shape_ctx *s) {
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING)
      return lua_pop(L, 1), shape_fail(s, "return", "%s",
                                       "rule table keys must be field names");
    const char *k = lua_tostring(L, -1);
    int i = 0;
    while (known_fields[i] && strcmp(known_fields[i], k) != 0)
      i++;
    if (!known_fields[i] && strcmp(k, "criteria") == 0) {
      shape_fail(s, k, "%s",
                 "field 'criteria' belongs in the pack's pack.lua (one home "
                 "for the criteria; the rule reads them as PACK.criteria)");
      lua_pop(L, 1);
      return -1;
    }
    if (!known_fields[i]) {
      shape_fail(s, k,
                 "unknown field '%s' (fields: id, check, title, guideline, "
                 "description, applies_to, kinds, version, author, "
                 "verdict)",
                 k);
      lua_pop(L, 1);
      return -1;
    }
  }
  lua_getfield(L, t, "id");
  size_t idlen = 0;
  const char *id =
      lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &idlen) : NULL;
  if (!id || idlen == 0 || idlen > 64)
    return shape_fail(s, "id", "%s",
                      "the rule needs a string 'id' (1 to 64 characters)");
  for (const char *p = id; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
      return shape_fail(s, "id",
                        "rule id '%s' may hold only letters, digits, "
                        "'-', '_' and '.'",
                        id);
  lua_pop(L, 1);
  lua_getfield(L, t, "check");
  if (lua_type(L, -1) != LUA_TFUNCTION)
    return shape_fail(s, "check", "the rule needs a function 'check' (got %s)",
                      luaL_typename(L, -1));
  lua_pop(L, 1);
  int vt = lua_getfield(L, t, "verdict");
  lua_pop(L, 1);
  if (vt != LUA_TNIL && vt != LUA_TFUNCTION)
    return shape_fail(s, "verdict", "field 'verdict' must be a function (%s)",
                      "verdict(item, criterion) -> met|unmet|unknown|"
                      "contradicted");
  static const char *const strs[] = {"title",   "guideline", "description",
                                     "version", "author",    NULL};
  for (int i = 0; strs[i]; i++) {
    int ty = lua_getfield(L, t, strs[i]);
    lua_pop(L, 1);
    if (ty != LUA_TNIL && ty != LUA_TSTRING)
      return shape_fail(s, strs[i], "field '%s' must be a string", strs[i]);
  }
  static const char *const lists[] = {"applies_to", "kinds", NULL};
  for (int i = 0; lists[i]; i++) {
    size_t n;
    int ty = lua_getfield(L, t, lists[i]);
    int ok = ty == LUA_TNIL || string_list(L, lua_gettop(L), &n);
    lua_pop(L, 1);
    if (!ok)
      return shape_fail(s, lists[i], "field '%s' must be a list of strings",
                        lists[i]);
  }
  return 0;
}

/* ---- copying the metadata out -------------------------------------------- */

static char *dup_field(lua_State *L, int t, const char *k) {
  lua_getfield(L, t, k);
  const char *v = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  char *r = v ? strdup(v) : NULL;
  lua_pop(L, 1);
  return r;
}

static char **dup_list(lua_State *L, int t, const char *k, size_t *n) {
  *n = 0;
  if (lua_getfield(L, t, k) != LUA_TTABLE)
    return lua_pop(L, 1), NULL;
  size_t m = lua_rawlen(L, -1);
  char **v = calloc(m + 1, sizeof *v);
  for (size_t i = 0; v && i < m; i++) {
    lua_rawgeti(L, -1, (lua_Integer)i + 1);
    v[i] = strdup(lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  *n = v ? m : 0;
  return v;
}

void ir_rule_free_list(char **v, size_t n) {
  for (size_t i = 0; v && i < n; i++)
    free(v[i]);
  free(v);
}

void ir_rule_free(ir_rule *r) {
  free(r->file);
  free(r->src);
  free(r->id);
  free(r->title);
  free(r->guideline);
  free(r->description);
  free(r->version);
  ir_rule_free_list(r->applies, r->napplies);
  ir_rule_free_list(r->kinds, r->nkinds);
}

/* Loads one file into r: runs it in a sandbox and checks its shape. */
int ir_rule_load(ir_rule *r, const ir_rules_opts *opt, const ir_lua_libs *libs,
                 char *err, size_t errlen) {
  r->src = ir_rule_read_file(r->file, &r->srclen, err, errlen);
  if (!r->src)
    return -1;
  ir_lua_box *b = ir_lua_box_open(r->file, r->src, r->srclen, NULL, r->pack,
                                  libs, opt->memory, opt->steps, err, errlen);
  if (!b)
    return -1;
  lua_State *L = b->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->rule_ref);
  int t = lua_gettop(L);
  shape_ctx s = {r->file, r->src, err, errlen};
  int rc = check_shape(L, t, &s);
  if (rc == 0) {
    r->id = dup_field(L, t, "id");
    r->title = dup_field(L, t, "title");
    r->guideline = dup_field(L, t, "guideline");
    r->description = dup_field(L, t, "description");
    r->version = dup_field(L, t, "version");
    r->applies = dup_list(L, t, "applies_to", &r->napplies);
    r->kinds = dup_list(L, t, "kinds", &r->nkinds);
    r->has_verdict = lua_getfield(L, t, "verdict") == LUA_TFUNCTION;
    lua_pop(L, 1);
    if (!r->id) {
      snprintf(err, errlen, "out of memory");
      rc = -1;
    }
  }
  ir_lua_box_free(b);
  return rc;
}
