/* batch_summary.c - counts over a batch (see batch_int.h): letters, items,
 * failures, findings by kind / criterion (keyed "pack: criterion") /
 * severity, items and findings per guideline pack, outcomes per category,
 * flagged share per reviewer specialty. Tables are small keyed arrays
 * (at most IR_SUM_MAXKEYS distinct keys each, the rest counted under
 * "(other)"), so memory does not grow with the batch. */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "batch_int.h"

static char *xstrdup(const char *s) {
  char *d = strdup(s);
  if (!d)
    ir_exit_nomem();
  return d;
}

void ir_summary_init(ir_summary *s) { memset(s, 0, sizeof *s); }

ir_sum_row *ir_sum_get_cap(ir_sum_table *t, const char *key, size_t cap) {
  if (!key || !*key)
    key = "(unknown)";
  for (size_t i = 0; i < t->n; i++)
    if (strcmp(t->v[i].key, key) == 0)
      return &t->v[i];
  if (t->n >= cap && strcmp(key, "(other)") != 0)
    return ir_sum_get_cap(t, "(other)", cap);
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 8;
    t->v = realloc(t->v, t->cap * sizeof *t->v);
    if (!t->v)
      ir_exit_nomem();
  }
  ir_sum_row *r = &t->v[t->n++];
  memset(r, 0, sizeof *r);
  r->key = xstrdup(key);
  return r;
}

/* The group a letter's specialty is counted under. */
static const char *group_of(const ir_letter *l) {
  return l->specialty_group ? l->specialty_group : l->specialty;
}

ir_sum_row *ir_sum_get(ir_sum_table *t, const char *key) {
  return ir_sum_get_cap(t, key, IR_SUM_MAXKEYS);
}

/* The decision month's row: "YYYY-MM" of an ISO date, else "(undated)". */
static ir_sum_row *month_row(ir_summary *s, const char *date) {
  char m[8] = "";
  if (date && strlen(date) >= 7 && date[4] == '-') {
    memcpy(m, date, 7);
    m[7] = 0;
  }
  return ir_sum_get_cap(&s->by_month, *m ? m : "(undated)", IR_SUM_MAXMONTHS);
}

static int seen_kind(const ir_item *it, size_t j) {
  for (size_t k = 0; k < j; k++)
    if (it->findings.v[k].kind && it->findings.v[j].kind &&
        strcmp(it->findings.v[k].kind, it->findings.v[j].kind) == 0)
      return 1;
  return 0;
}

/* The by_criterion key of a finding's criterion: "pack: criterion" on an
 * item of a pack (ids of different packs may be the same word), the
 * criterion alone otherwise. */
static void count_criterion(ir_summary *s, const ir_item *it,
                            const char *crit) {
  if (!it->pack) {
    ir_sum_get(&s->by_criterion, crit)->n[0]++;
    return;
  }
  ir_buf k = {0};
  ir_buf_printf(&k, "%s: %s", it->pack->id, crit);
  ir_sum_get(&s->by_criterion, k.p)->n[0]++;
  ir_buf_free(&k);
}

static void add_item(ir_summary *s, const ir_letter *l, const ir_item *it) {
  ir_sum_row *pk = ir_sum_get(&s->by_pack, it->pack ? it->pack->id : "(none)");
  pk->n[0]++;
  pk->n[1] += it->findings.n > 0;
  pk->n[2] += (long)it->findings.n;
  ir_sum_row *cat = ir_sum_get(&s->by_category, it->category);
  cat->n[it->outcome == IR_OUT_UPHELD       ? 0
         : it->outcome == IR_OUT_OVERTURNED ? 1
                                            : 2]++;
  ir_sum_row *spec = ir_sum_get(&s->by_specialty, group_of(l));
  spec->n[0]++;
  ir_sum_row *month = month_row(s, l->date_decision);
  month->n[it->outcome == IR_OUT_UPHELD       ? 0
           : it->outcome == IR_OUT_OVERTURNED ? 1
                                              : 2]++;
  if (!it->findings.n)
    return;
  s->flagged_items++;
  cat->n[3]++;
  spec->n[1]++;
  month->n[3]++;
  for (size_t j = 0; j < it->findings.n; j++) {
    const ir_finding *f = &it->findings.v[j];
    s->findings++;
    ir_sum_row *k = ir_sum_get(&s->by_kind, f->kind);
    k->n[0]++;
    if (!seen_kind(it, j))
      k->n[1]++;
    if (f->criterion)
      count_criterion(s, it, f->criterion);
    ir_sum_get(&s->by_severity, ir_severity_name(f->severity))->n[0]++;
  }
}

void ir_summary_add(ir_summary *s, const ir_letter *l) {
  s->letters++;
  s->rule_errors += (long)l->rule_errors.n;
  if (!l->ok) {
    s->failed++;
    return;
  }
  ir_sum_get(&s->by_specialty, group_of(l))->n[2]++;
  long before = s->flagged_items;
  s->items += (long)l->items.n;
  for (size_t i = 0; i < l->items.n; i++)
    add_item(s, l, &l->items.v[i]);
  if (s->flagged_items > before)
    s->flagged_letters++;
}

void ir_summary_add_cross(ir_summary *s, const ir_cross_finding *f,
                          int first_on_item) {
  s->findings++;
  ir_sum_row *k = ir_sum_get(&s->by_kind, "similar-cases-differ");
  k->n[0]++;
  k->n[1]++;
  ir_sum_get(&s->by_severity, "warning")->n[0]++;
  ir_sum_row *pk = ir_sum_get(&s->by_pack, f->pack ? f->pack->id : "(none)");
  pk->n[2]++;
  if (first_on_item) {
    pk->n[1]++;
    s->flagged_items++;
    ir_sum_get(&s->by_category, f->category)->n[3]++;
    ir_sum_get(&s->by_specialty, f->specialty)->n[1]++;
    month_row(s, f->date_decision)->n[3]++;
  }
}

static void free_table(ir_sum_table *t) {
  for (size_t i = 0; i < t->n; i++)
    free(t->v[i].key);
  free(t->v);
  memset(t, 0, sizeof *t);
}

void ir_summary_free(ir_summary *s) {
  free_table(&s->by_kind);
  free_table(&s->by_criterion);
  free_table(&s->by_pack);
  free_table(&s->by_severity);
  free_table(&s->by_category);
  free_table(&s->by_specialty);
  free_table(&s->by_month);
}
