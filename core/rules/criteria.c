/* criteria.c - reading a rule's criteria table (criteria.h). */
#include "criteria.h"

#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

static int bad(char *err, size_t errlen, const char **where, const char *w,
               const char *fmt, const char *a) {
  snprintf(err, errlen, fmt, a);
  *where = w;
  return -1;
}

/* The entry at the top of the stack, for criterion id (where errors are
 * located: the entry's line, or a threshold's). */
static int read_entry(lua_State *L, const char *id, ir_crit_spec *sp, char *err,
                      size_t errlen, const char **where) {
  int e = lua_gettop(L);
  if (lua_getfield(L, e, "meets") != LUA_TSTRING)
    return bad(err, errlen, where, id, "%s",
               "criterion needs 'meets' = \"present\", \"absent\" or "
               "\"value\"");
  const char *m = lua_tostring(L, -1);
  if (strcmp(m, "present") && strcmp(m, "absent") && strcmp(m, "value"))
    return bad(err, errlen, where, id,
               "'meets' is \"%s\"; it must be \"present\", \"absent\" or "
               "\"value\"",
               m);
  snprintf(sp->meets, sizeof sp->meets, "%s", m);
  lua_pop(L, 1);
  lua_pushnil(L);
  while (lua_next(L, e)) {
    const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
    if (!k)
      return lua_pop(L, 2), bad(err, errlen, where, id, "%s",
                                "criterion fields must be names");
    if (!strcmp(k, "id") || !strcmp(k, "meets") || !strcmp(k, "requires") ||
        !strcmp(k, "allowed")) {
      lua_pop(L, 1);
      continue;
    }
    if (!lua_isinteger(L, -1))
      return lua_pop(L, 2),
             bad(err, errlen, where, k,
                 "criterion field '%s' must be an integer threshold", k);
    if (sp->nnum == IR_CRIT_MAX_NUMS || strlen(k) >= sizeof sp->num[0].key)
      return lua_pop(L, 2),
             bad(err, errlen, where, k,
                 "too many thresholds, or too long a name ('%s')", k);
    snprintf(sp->num[sp->nnum].key, sizeof sp->num[0].key, "%s", k);
    sp->num[sp->nnum++].v = (long)lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  return 0;
}

int ir_crit_specs_read(lua_State *L, int t, ir_crit_specs *out, char *err,
                       size_t errlen, const char **where) {
  memset(out, 0, sizeof *out);
  int ty = lua_getfield(L, t, "criteria");
  if (ty == LUA_TNIL)
    return lua_pop(L, 1), 0;
  if (ty != LUA_TTABLE)
    return lua_pop(L, 1), bad(err, errlen, where, "criteria", "%s",
                              "field 'criteria' must be a list of tables");
  int list = lua_gettop(L);
  lua_Integer n = (lua_Integer)lua_rawlen(L, list);
  for (lua_Integer i = 1; i <= n; i++) {
    if (lua_rawgeti(L, list, i) != LUA_TTABLE ||
        lua_getfield(L, -1, "id") != LUA_TSTRING) {
      lua_settop(L, list - 1);
      return bad(err, errlen, where, "criteria", "%s",
                 "each criterion must be a table with a string 'id'");
    }
    const char *id = lua_tostring(L, -1);
    int c = ir_criterion_from_name(id);
    if (c < 0 || out->c[c].declared) {
      bad(err, errlen, where, id,
          c < 0 ? "unknown criterion '%s'" : "criterion '%s' declared twice",
          id);
      lua_settop(L, list - 1);
      return -1;
    }
    lua_pop(L, 1); /* the id; the entry is on top */
    out->c[c].declared = 1;
    if (read_entry(L, ir_criterion_name((ir_criterion)c), &out->c[c], err,
                   errlen, where) != 0) {
      lua_settop(L, list - 1);
      return -1;
    }
    lua_pop(L, 1);
  }
  lua_settop(L, list - 1);
  return 0;
}

int ir_crit_specs_number(const ir_crit_specs *s, ir_criterion c,
                         const char *key, long *v) {
  const ir_crit_spec *sp = &s->c[c];
  for (int i = 0; i < sp->nnum; i++)
    if (strcmp(sp->num[i].key, key) == 0)
      return *v = sp->num[i].v, 1;
  return 0;
}
