/* rules_run.c - the rules stage's worker contexts and running the rules
 * on a letter (rules.h; the loading is rules.c). */
#include "rules.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "lua_convert.h"
#include "lua_sandbox.h"
#include "rules_int.h"

#define MAX_ERROR_MSG 1000

/* ---- worker contexts ------------------------------------------------------
 */

void ir_rules_ctx_free(ir_rules_ctx *c) {
  if (!c)
    return;
  for (size_t i = 0; c->box && i < c->rs->n; i++)
    ir_lua_box_free(c->box[i]);
  free(c->box);
  free(c);
}

ir_rules_ctx *ir_rules_ctx_new(const ir_ruleset *r, char *err, size_t errlen) {
  ir_rules_ctx *c = calloc(1, sizeof *c);
  if (c) {
    c->rs = r;
    c->box = calloc(r->n ? r->n : 1, sizeof *c->box);
  }
  if (!c || !c->box) {
    snprintf(err, errlen, "out of memory");
    free(c);
    return NULL;
  }
  for (size_t i = 0; i < r->n; i++) {
    const ir_rule *ru = &r->v[i];
    c->box[i] =
        ir_lua_box_open(ru->file, ru->src, ru->srclen, ru->id, ru->pack,
                        &r->libset, r->opt.memory, r->opt.steps, err, errlen);
    if (!c->box[i]) {
      ir_rules_ctx_free(c);
      return NULL;
    }
  }
  return c;
}

/* ---- running ---------------------------------------------------------------
 */

/* Is the item's pack p (the same pack, maybe loaded by another ruleset)? */
static int same_pack(const ir_pack *a, const ir_pack *b) {
  return a == b || (a && b && strcmp(a->id, b->id) == 0);
}

/* A rule with applies_to checks the items of those categories; else a
 * check of a pack with criteria checks the items of its pack, and a check
 * of a pack without criteria (outcome) or a loose rule every item. */
static int applies(const ir_rule *r, const ir_item *it) {
  if (!r->applies)
    return !r->pack || r->pack->ncrit == 0 || same_pack(r->pack, it->pack);
  const char *cat = it->category ? it->category : "other";
  for (size_t i = 0; i < r->napplies; i++)
    if (strcmp(r->applies[i], cat) == 0 || strcmp(r->applies[i], "*") == 0)
      return 1;
  return 0;
}

static void add_error(ir_arena *a, ir_letter *l, const ir_rule *r, int item,
                      const char *msg) {
  ir_rule_error e;
  e.rule = ir_arena_strdup(a, r->id);
  e.file = ir_arena_strdup(a, r->file);
  e.item = item;
  e.message = ir_arena_strndup(a, msg ? msg : "unknown error",
                               strnlen(msg ? msg : "", MAX_ERROR_MSG));
  ir_vec_push(a, &l->rule_errors, e);
}

/* Records the message on top of the stack as a rule error. After a limit or
 * memory error (which can leave the state unusable) the rule gets a fresh
 * state and 1 is returned; after a plain Lua error the state and the
 * read-only letter tables stay valid and are kept (0). */
static int fail(ir_arena *a, ir_letter *l, const ir_rule *r, ir_lua_box *b,
                int item, const char *prefix, ir_box_status st) {
  const char *m = lua_tostring(b->L, -1);
  char buf[MAX_ERROR_MSG + 100];
  snprintf(buf, sizeof buf, "%s%s", prefix, m ? m : "unknown error");
  add_error(a, l, r, item, buf);
  if (st == IR_BOX_ERROR) {
    lua_pop(b->L, 1);
    return 0;
  }
  char err[512];
  if (ir_lua_box_reopen(b, err, sizeof err) != 0)
    add_error(a, l, r, item, err);
  return 1;
}

typedef struct {
  ir_rules_ctx *c;
  size_t rule;
  ir_arena *a;
  ir_letter *l;
  int fresh; /* the rule's state was reset for this letter */
  int built; /* letter table at stack 1, items at 2 */
  int skip;  /* the letter could not be converted: rule skipped */
  int debug;
  const unsigned char *want; /* items the rule applies to (NULL: all) */
  const char *rule_id;       /* the rule id in the arena (findings' rule) */
} run_state;

/* The rule's verdict(item, id) on each criterion of the item's pack (the
 * rule's own), into the item's facts. 1 after a rule error (recorded),
 * else 0; the stack is left at the letter tables. */
static int run_verdicts(run_state *s, ir_item *it, size_t idx) {
  const ir_rule *r = &s->c->rs->v[s->rule];
  ir_lua_box *b = s->c->box[s->rule];
  lua_State *L = b->L;
  if (!r->pack || !same_pack(r->pack, it->pack))
    return 0;
  for (size_t c = 0; c < it->nfacts && c < it->pack->ncrit; c++) {
    const char *id = it->pack->crit[c].id;
    lua_rawgeti(L, LUA_REGISTRYINDEX, b->rule_ref);
    lua_getfield(L, -1, "verdict");
    lua_remove(L, -2);
    lua_rawgeti(L, 2, (lua_Integer)idx + 1);
    lua_pushstring(L, id);
    ir_box_status st = ir_lua_box_call(b, 2, 1, s->debug);
    if (st != IR_BOX_OK) {
      if (fail(s->a, s->l, r, b, it->index, "verdict: ", st))
        s->built = 0;
      return 1;
    }
    const char *v = lua_tostring(L, -1);
    int k = v ? ir_verdict_from_name(v) : -1;
    if (k < 0) {
      lua_pushfstring(L,
                      "verdict returned %s for %s, not met, unmet, "
                      "unknown or contradicted",
                      v ? v : luaL_typename(L, -1), id);
      fail(s->a, s->l, r, b, it->index, "", IR_BOX_ERROR);
      lua_settop(L, 2);
      return 1;
    }
    it->facts[c].verdict = (ir_verdict)k;
    lua_settop(L, 2);
  }
  return 0;
}

static int run_item(run_state *s, ir_item *it, size_t idx) {
  const ir_rule *r = &s->c->rs->v[s->rule];
  ir_lua_box *b = s->c->box[s->rule];
  if (!b->L) {
    char err[512];
    if (ir_lua_box_reopen(b, err, sizeof err) != 0) {
      add_error(s->a, s->l, r, it->index, err);
      return 1;
    }
  }
  lua_State *L = b->L;
  if (!s->fresh) { /* nothing a rule keeps survives into the next letter */
    lua_settop(L, 0);
    ir_box_status st = ir_lua_box_renew(b);
    if (st != IR_BOX_OK) {
      s->skip = 1;
      fail(s->a, s->l, r, b, it->index,
           "while starting the rule for this letter (skipped): ", st);
      return 1;
    }
    s->fresh = 1;
  }
  if (!s->built) {
    lua_settop(L, 0);
    ir_lua_letter_arg arg = {s->l, s->want};
    ir_box_status st = ir_lua_box_cpcall(b, ir_lua_push_letter, &arg, 0, 2);
    if (st != IR_BOX_OK) {
      char pre[200];
      snprintf(pre, sizeof pre,
               "while converting the letter (%zu items; the rule is skipped "
               "for this letter): ",
               s->l->items.n);
      s->skip = 1; /* retrying per item would only fail again, n times */
      fail(s->a, s->l, r, b, it->index, pre,
           st == IR_BOX_ERROR ? IR_BOX_MEMORY : st);
      return 1;
    }
    s->built = 1;
  }
  lua_settop(L, 2);
  if (s->c->rs->opt.verdicts && r->has_verdict && run_verdicts(s, it, idx))
    return 1;
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->check_ref);
  lua_rawgeti(L, 2, (lua_Integer)idx + 1);
  lua_pushvalue(L, 1);
  ir_box_status st = ir_lua_box_call(b, 2, 1, s->debug);
  if (st != IR_BOX_OK) {
    if (fail(s->a, s->l, r, b, it->index, "", st))
      s->built = 0;
    return 1;
  }
  int ty = lua_type(L, -1);
  if (ty == LUA_TNIL || (ty == LUA_TTABLE && lua_rawlen(L, -1) == 0))
    return 0; /* no findings: what ir_lua_read_findings would conclude */
  ir_lua_readback rb;
  memset(&rb, 0, sizeof rb);
  rb.a = s->a;
  rb.l = s->l;
  rb.item = it;
  if (!s->rule_id)
    s->rule_id = ir_arena_strdup(s->a, r->id);
  rb.rule = s->rule_id;
  rb.file = r->file;
  rb.kinds = (const char *const *)r->kinds;
  rb.nkinds = r->nkinds;
  st = ir_lua_box_cpcall(b, ir_lua_read_findings, &rb, 1, 0);
  if (st != IR_BOX_OK) {
    if (fail(s->a, s->l, r, b, it->index, "", st))
      s->built = 0;
    return 1;
  }
  for (size_t i = 0; i < rb.out.n; i++)
    ir_vec_push(s->a, &it->findings, rb.out.v[i]);
  return 0;
}

int ir_rules_run(ir_rules_ctx *c, ir_arena *a, ir_letter *l) {
  if (!c || !l || !l->ok)
    return 0;
  int errors = 0;
  unsigned char *want = l->items.n ? malloc(l->items.n) : NULL;
  for (size_t ri = 0; ri < c->rs->n; ri++) {
    const ir_rule *r = &c->rs->v[ri];
    run_state s = {c, ri, a, l, 0, 0, 0, c->rs->opt.debug, NULL, NULL};
    if (want && (r->applies || (r->pack && r->pack->ncrit))) {
      for (size_t i = 0; i < l->items.n; i++)
        want[i] = (unsigned char)applies(r, &l->items.v[i]);
      s.want = want;
    }
    for (size_t i = 0; i < l->items.n && !s.skip; i++)
      if (s.want ? s.want[i] : applies(r, &l->items.v[i]))
        errors += run_item(&s, &l->items.v[i], i);
    ir_lua_box *b = c->box[ri];
    ir_lua_box_set_letter(b, NULL); /* its lazy tables now refuse to build */
    if (b->L)
      lua_settop(b->L, 0);
  }
  free(want);
  return errors;
}
