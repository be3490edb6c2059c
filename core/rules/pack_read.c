/* pack_read.c - the pack reader's context: where an entry is in pack.lua's
 * source, its error messages and the small field readers (pack_read.h). */
#include "pack_read.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "pack_load.h"

/* ---- locating an entry in the source ----------------------------------- */

int ir_pk_line_at(const char *src, const char *at) {
  int line = 1;
  for (const char *p = src; at && p < at; p++)
    line += *p == '\n';
  return line;
}

static int word_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* The first "word =" at or after from (not "=="), or NULL. */
static const char *find_key(const char *from, const char *src,
                            const char *word) {
  size_t wl = strlen(word);
  for (const char *p = from; *p; p++) {
    if (strncmp(p, word, wl) != 0 || (p > src && word_char(p[-1])) ||
        word_char(p[wl]))
      continue;
    const char *q = p + wl;
    while (*q == ' ' || *q == '\t')
      q++;
    if (*q == '=' && q[1] != '=')
      return p;
  }
  return NULL;
}

/* The nth (1-based) 'word' or "word" at or after from, or NULL. */
const char *ir_pk_find_quoted(const char *from, const char *word, int nth) {
  size_t wl = strlen(word);
  for (const char *p = from; *p; p++)
    if ((*p == '\'' || *p == '"') && strncmp(p + 1, word, wl) == 0 &&
        p[wl + 1] == *p && --nth == 0)
      return p;
  return NULL;
}

int ir_src_line_of(const char *src, const char *word) {
  const char *at = find_key(src, src, word);
  if (!at)
    at = ir_pk_find_quoted(src, word, 1);
  if (!at) {
    const char *ret = NULL;
    for (const char *p = src; (p = strstr(p, "return")) != NULL; p++)
      ret = p;
    at = ret;
  }
  return ir_pk_line_at(src, at);
}

/* ---- the loader's context ------------------------------------------------ */

/* Records "file:line: message" with the line of word (searched from the
 * current criterion when there is one) and returns -1. */
int ir_pk_fail(pk_ctx *c, const char *word, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  int line;
  const char *at = NULL;
  if (word && c->anchor) {
    at = find_key(c->anchor, c->src, word);
    if (!at)
      at = ir_pk_find_quoted(c->anchor, word, 1);
    if (!at)
      at = c->anchor;
    line = ir_pk_line_at(c->src, at);
  } else {
    line = word ? ir_src_line_of(c->src, word) : 1;
  }
  snprintf(c->err, c->errlen, "%s:%d: %s", c->file, line, msg);
  return -1;
}

int ir_pk_name_ok(const char *s, size_t n, int upper_dot) {
  if (n == 0 || n > 64)
    return 0;
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
          ch == '-' || (upper_dot && ((ch >= 'A' && ch <= 'Z') || ch == '.'))))
      return 0;
  }
  return 1;
}

/* ---- small readers (the value is on top of the stack) ------------------- */

/* An optional string field k of the table at t into *out (arena). */
int ir_pk_opt_str(pk_ctx *c, int t, const char *k, const char **out,
                  int number_ok) {
  lua_State *L = c->L;
  lua_pushstring(L, k);
  int ty = lua_rawget(L, t);
  if (ty == LUA_TNIL) {
    lua_pop(L, 1);
    return 0;
  }
  if (ty != LUA_TSTRING && !(number_ok && ty == LUA_TNUMBER)) {
    lua_pop(L, 1);
    return ir_pk_fail(c, k, "field '%s' must be a string", k);
  }
  *out = ir_arena_strdup(c->a, lua_tostring(L, -1));
  lua_pop(L, 1);
  return 0;
}

/* The list of strings on top of the stack (field k, at most max) into an
 * arena array. */
int ir_pk_str_list(pk_ctx *c, const char *k, size_t max, const char ***out,
                   size_t *n) {
  lua_State *L = c->L;
  int t = lua_gettop(L);
  if (lua_type(L, t) != LUA_TTABLE)
    return ir_pk_fail(c, k, "field '%s' must be a list of strings", k);
  size_t m = lua_rawlen(L, t), count = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    int ok = lua_type(L, -1) == LUA_TSTRING && lua_rawlen(L, -1) > 0 &&
             lua_type(L, -2) == LUA_TNUMBER;
    lua_pop(L, 1);
    if (!ok) {
      lua_pop(L, 1);
      return ir_pk_fail(c, k, "field '%s' must be a list of non-empty strings",
                        k);
    }
    count++;
  }
  if (count != m)
    return ir_pk_fail(c, k, "field '%s' must be a list of non-empty strings",
                      k);
  if (m > max)
    return ir_pk_fail(c, k, "field '%s' holds %zu entries (at most %zu)", k, m,
                      max);
  const char **v = ir_arena_alloc(c->a, (m + 1) * sizeof *v);
  for (size_t i = 0; i < m; i++) {
    lua_rawgeti(L, t, (lua_Integer)i + 1);
    v[i] = ir_arena_strdup(c->a, lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  *out = v;
  *n = m;
  return 0;
}

/* A list of lexicon section names (field k) into s. */
int ir_pk_sec_list(pk_ctx *c, const char *k, ir_secset *s) {
  const char **v;
  size_t n;
  if (ir_pk_str_list(c, k, IR_PACK_MAX_SECS, &v, &n) != 0)
    return -1;
  for (size_t i = 0; i < n; i++) {
    if (!ir_pk_name_ok(v[i], strlen(v[i]), 0))
      return ir_pk_fail(c, v[i],
                        "section name '%s' in '%s' may hold only a-z, 0-9, '_' "
                        "and '-'",
                        v[i], k);
    s->names[i] = v[i];
  }
  s->n = (int)n;
  return 0;
}

size_t ir_pk_count(lua_State *L, int t) {
  size_t count = 0;
  t = lua_absindex(L, t);
  lua_pushnil(L);
  while (lua_next(L, t)) {
    count++;
    lua_pop(L, 1);
  }
  return count;
}

int ir_pk_known(const char *const *keys, const char *k) {
  for (int i = 0; keys[i]; i++)
    if (strcmp(keys[i], k) == 0)
      return 1;
  return 0;
}

int ir_pk_unknown(pk_ctx *c, const char *what, const char *k,
                  const char *const *keys) {
  char kb[80], list[512];
  size_t n = 0;
  snprintf(kb, sizeof kb, "%s", k);
  list[0] = 0;
  for (int i = 0; keys[i] && n < sizeof list; i++)
    n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "",
                          keys[i]);
  return ir_pk_fail(c, kb, "unknown %s '%s' (fields: %s)", what, kb, list);
}
