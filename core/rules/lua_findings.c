/* lua_findings.c - what a rule's check() returned -> findings of the record
 * (see lua_convert.h, ir_lua_read_findings, and rules/README.md). */
#include <lauxlib.h>
#include <string.h>

#include "lua_convert.h"
#include "lua_sandbox.h"

/* ---- Lua -> findings ------------------------------------------------------
 */

#define MAX_MESSAGE 2000
#define MAX_EVIDENCE 50

/* Raw field read: pushes t[k] without metamethods, returns its type. */
static int rawfield(lua_State *L, int t, const char *k) {
  lua_pushstring(L, k);
  return lua_rawget(L, t);
}

static const char *opt_string(lua_State *L, int t, const char *k, int n,
                              const ir_lua_readback *rb) {
  int ty = rawfield(L, t, k);
  if (ty == LUA_TNIL) {
    lua_pop(L, 1);
    return NULL;
  }
  if (ty != LUA_TSTRING)
    luaL_error(L, "%s: finding %d: field '%s' must be a string (got %s)",
               rb->file, n, k, luaL_typename(L, -1));
  const char *s = lua_tostring(L, -1);
  lua_pop(L, 1); /* still referenced by the finding table */
  return s;
}

static int opt_integer(lua_State *L, int t, const char *k, lua_Integer *out) {
  int ty = rawfield(L, t, k);
  int ok = ty == LUA_TNUMBER && lua_isinteger(L, -1);
  if (ok)
    *out = lua_tointeger(L, -1);
  lua_pop(L, 1);
  return ok;
}

static int section_from(const char *s) {
  for (int i = IR_SEC_HEADER; i <= IR_SEC_OTHER; i++)
    if (s && strcmp(s, ir_section_name((ir_section)i)) == 0)
      return i;
  return IR_SEC_OTHER;
}

static void add_evlist(ir_lua_readback *rb, ir_evlist *dst,
                       const ir_evlist *src) {
  for (size_t i = 0; i < src->n && dst->n < MAX_EVIDENCE; i++)
    ir_vec_push(rb->a, dst, src->v[i]);
}

/* All evidence the item holds for a criterion: the fact's spans, then the
 * rationale's citation of it. */
static void add_criterion_evidence(ir_lua_readback *rb, ir_evlist *dst, int c) {
  if (c < 0 || (size_t)c >= rb->item->nfacts)
    return;
  const ir_fact *f = &rb->item->facts[c];
  add_evlist(rb, dst, &f->affirm);
  add_evlist(rb, dst, &f->deny);
  for (size_t i = 0; i < rb->item->cited.n; i++)
    if ((int)rb->item->cited.v[i].criterion == c)
      add_evlist(rb, dst, &rb->item->cited.v[i].evidence);
}

/* The index of criterion id in the item's pack, or raises "criterion 'x'
 * is not a criterion of pack P". */
static int crit_of(lua_State *L, ir_lua_readback *rb, int n, const char *id,
                   const char *what) {
  const ir_pack *p = rb->item->pack;
  int c = ir_pack_crit(p, id);
  if (c < 0 || (size_t)c >= rb->item->nfacts) {
    if (p)
      luaL_error(L,
                 "%s: finding %d: %scriterion '%s' is not a criterion "
                 "of pack %s",
                 rb->file, n, what, id, p->id);
    else
      luaL_error(L,
                 "%s: finding %d: %scriterion '%s' is not a criterion "
                 "of item %d (no guideline pack covers it)",
                 rb->file, n, what, id, rb->item->index);
  }
  return c;
}

static int is_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

/* a and b equal once each run of whitespace is one space and the ends are
 * trimmed (evidence text is the normalized letter text). */
static int same_text(const char *a, size_t an, const char *b, size_t bn) {
  size_t i = 0, j = 0;
  while (i < an && is_ws((unsigned char)a[i]))
    i++;
  while (j < bn && is_ws((unsigned char)b[j]))
    j++;
  while (an > i && is_ws((unsigned char)a[an - 1]))
    an--;
  while (bn > j && is_ws((unsigned char)b[bn - 1]))
    bn--;
  while (i < an && j < bn) {
    int wa = is_ws((unsigned char)a[i]), wb = is_ws((unsigned char)b[j]);
    if (wa != wb)
      return 0;
    if (wa) {
      while (i < an && is_ws((unsigned char)a[i]))
        i++;
      while (j < bn && is_ws((unsigned char)b[j]))
        j++;
      continue;
    }
    if (a[i++] != b[j++])
      return 0;
  }
  return i == an && j == bn;
}

/* Evidence text a rule gives must be the letter's: its normalized text at
 * nstart..nend when given, else its bytes at start..end (whitespace runs
 * compared as one space). A rule cannot quote what the letter does not
 * say. */
static int text_is_letters(const ir_letter *l, const ir_evidence *ev,
                           const char *text, size_t len, int has_norm) {
  if (has_norm && l->text.norm &&
      same_text(text, len, l->text.norm + ev->nstart, ev->nend - ev->nstart))
    return 1;
  return l->text.orig &&
         same_text(text, len, (const char *)l->text.orig + ev->start,
                   ev->end - ev->start);
}

static void read_span(lua_State *L, int e, int n, ir_lua_readback *rb,
                      ir_evlist *dst) {
  lua_Integer s = 0, en = 0, ns = 0, ne = 0;
  size_t olen = rb->l->text.orig_len, nlen = rb->l->text.norm_len;
  if (!opt_integer(L, e, "start", &s) || !opt_integer(L, e, "end", &en) ||
      s < 0 || en < s || (size_t)en > olen)
    luaL_error(L,
               "%s: finding %d: evidence needs integer start <= end within "
               "the file (0..%I)",
               rb->file, n, (lua_Integer)olen);
  ir_evidence ev;
  memset(&ev, 0, sizeof ev);
  ev.start = (size_t)s;
  ev.end = (size_t)en;
  int has_norm = 0;
  if (opt_integer(L, e, "nstart", &ns) && opt_integer(L, e, "nend", &ne) &&
      ns >= 0 && ne >= ns && (size_t)ne <= nlen) {
    ev.nstart = (size_t)ns;
    ev.nend = (size_t)ne;
    has_norm = 1;
  }
  ev.section = (ir_section)section_from(opt_string(L, e, "section", n, rb));
  const char *text = opt_string(L, e, "text", n, rb);
  if (text && !text_is_letters(rb->l, &ev, text, strlen(text), has_norm))
    luaL_error(L,
               "%s: finding %d: evidence text is not the letter's text at "
               "bytes %I-%I",
               rb->file, n, (lua_Integer)s, (lua_Integer)en);
  if (text)
    ev.text = ir_arena_strndup(rb->a, text, strnlen(text, MAX_MESSAGE));
  else if (rb->l->text.orig)
    ev.text = ir_arena_strndup(rb->a, (const char *)rb->l->text.orig + ev.start,
                               ev.end - ev.start);
  else
    ev.text = "";
  if (dst->n < MAX_EVIDENCE)
    ir_vec_push(rb->a, dst, ev);
}

static void read_evidence(lua_State *L, int f, int n, ir_lua_readback *rb,
                          ir_finding *out) {
  int ty = rawfield(L, f, "evidence");
  int ev = lua_gettop(L);
  ir_lua_unwrap(L, ev);
  if (ty == LUA_TTABLE) {
    lua_Integer m = (lua_Integer)lua_rawlen(L, ev);
    for (lua_Integer i = 1; i <= m; i++) {
      int et = lua_rawgeti(L, ev, i);
      ir_lua_unwrap(L, -1);
      if (et == LUA_TTABLE) {
        read_span(L, lua_gettop(L), n, rb, &out->evidence);
      } else if (et == LUA_TSTRING) {
        int c = crit_of(L, rb, n, lua_tostring(L, -1), "evidence: ");
        add_criterion_evidence(rb, &out->evidence, c);
      } else {
        luaL_error(L,
                   "%s: finding %d: evidence entries must be tables or "
                   "criterion ids (got %s)",
                   rb->file, n, luaL_typename(L, -1));
      }
      lua_pop(L, 1);
    }
  } else if (ty != LUA_TNIL) {
    luaL_error(L, "%s: finding %d: field 'evidence' must be a list (got %s)",
               rb->file, n, luaL_typename(L, -1));
  }
  lua_pop(L, 1);
  if (out->evidence.n == 0 && out->criterion)
    add_criterion_evidence(rb, &out->evidence,
                           ir_pack_crit(rb->item->pack, out->criterion));
}

static int kind_ok(const char *k) {
  size_t n = strlen(k);
  if (n == 0 || n > 64)
    return 0;
  for (const char *p = k; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
          *p == '_'))
      return 0;
  return 1;
}

static void read_one(lua_State *L, int f, int n, ir_lua_readback *rb) {
  ir_finding out;
  memset(&out, 0, sizeof out);
  out.rule = rb->rule;
  const char *kind = opt_string(L, f, "kind", n, rb);
  if (!kind || !kind_ok(kind))
    luaL_error(L,
               "%s: finding %d: 'kind' must be a non-empty lower-case "
               "word (letters, digits, '-', '_')",
               rb->file, n);
  if (rb->kinds) {
    size_t i = 0;
    while (i < rb->nkinds && strcmp(rb->kinds[i], kind) != 0)
      i++;
    if (i == rb->nkinds)
      luaL_error(L, "%s: finding %d: kind '%s' is not in the rule's kinds",
                 rb->file, n, kind);
  }
  out.kind = ir_arena_strdup(rb->a, kind);
  const char *crit = opt_string(L, f, "criterion", n, rb);
  if (crit) {
    int c = crit_of(L, rb, n, crit, "");
    out.criterion = ir_item_crit_name(rb->item, c);
  }
  const char *sev = opt_string(L, f, "severity", n, rb);
  out.severity = IR_SEV_WARNING;
  if (sev) {
    if (strcmp(sev, "error") == 0)
      out.severity = IR_SEV_ERROR;
    else if (strcmp(sev, "info") == 0)
      out.severity = IR_SEV_INFO;
    else if (strcmp(sev, "warning") != 0)
      luaL_error(L,
                 "%s: finding %d: severity must be error, warning or info "
                 "(got '%s')",
                 rb->file, n, sev);
  }
  const char *msg = opt_string(L, f, "message", n, rb);
  out.message =
      msg ? ir_arena_strndup(rb->a, msg, strnlen(msg, MAX_MESSAGE)) : out.kind;
  read_evidence(L, f, n, rb, &out);
  ir_vec_push(rb->a, &rb->out, out);
}

int ir_lua_read_findings(lua_State *L) {
  ir_lua_readback *rb = lua_touserdata(L, 1);
  int ty = lua_type(L, 2);
  if (ty == LUA_TNIL)
    return 0;
  if (ty != LUA_TTABLE)
    return luaL_error(L,
                      "%s: check() must return a list of findings or nil "
                      "(got %s)",
                      rb->file, luaL_typename(L, 2));
  ir_lua_unwrap(L, 2);
  lua_Integer m = (lua_Integer)lua_rawlen(L, 2);
  if (m > IR_MAX_FINDINGS)
    return luaL_error(L, "%s: check() returned %I findings (at most %d)",
                      rb->file, m, IR_MAX_FINDINGS);
  for (lua_Integer i = 1; i <= m; i++) {
    if (lua_rawgeti(L, 2, i) != LUA_TTABLE)
      return luaL_error(L, "%s: finding %d must be a table (got %s)", rb->file,
                        (int)i, luaL_typename(L, -1));
    ir_lua_unwrap(L, -1);
    read_one(L, lua_gettop(L), (int)i, rb);
    lua_pop(L, 1);
  }
  return 0;
}
