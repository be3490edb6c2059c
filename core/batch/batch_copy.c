/* batch_copy.c - text-free deep copy of a letter record (see batch_int.h).
 * The worker's arena is reset on its next letter; the writer thread works
 * on this copy, which lives in the batch slot's own arena. A lean copy
 * (every sink's letter op reads only its fragment) keeps only what the
 * writer itself reads: the summary, the cross-case index and the error
 * lines; the pointers it drops are NULL or empty, never left dangling into
 * the worker's arena. */
#include <string.h>

#include "batch_int.h"

static const char *dup(ir_arena *a, const char *s) {
  return s ? ir_arena_strdup(a, s) : NULL;
}

static ir_evidence ev_copy(ir_arena *a, const ir_evidence *e) {
  ir_evidence r = *e;
  r.text = dup(a, e->text);
  return r;
}

static void evlist_copy(ir_arena *a, ir_evlist *dst, const ir_evlist *src) {
  memset(dst, 0, sizeof *dst);
  if (!src->n)
    return;
  ir_vec_reserve(a, dst, src->n);
  for (size_t i = 0; i < src->n; i++)
    dst->v[dst->n++] = ev_copy(a, &src->v[i]);
}

static void strlist_copy(ir_arena *a, ir_strlist *dst, const ir_strlist *src) {
  memset(dst, 0, sizeof *dst);
  if (!src->n)
    return;
  ir_vec_reserve(a, dst, src->n);
  for (size_t i = 0; i < src->n; i++)
    dst->v[dst->n++] = dup(a, src->v[i]);
}

static void finding_copy(ir_arena *a, ir_finding *d, const ir_finding *s) {
  *d = *s;
  d->rule = dup(a, s->rule);
  d->kind = dup(a, s->kind);
  d->criterion = dup(a, s->criterion);
  d->message = dup(a, s->message);
  evlist_copy(a, &d->evidence, &s->evidence);
  strlist_copy(a, &d->counterparts, &s->counterparts);
}

/* Lean: what ir_summary_add (kind, criterion, severity) and the
 * cross-case index (findings.n) read of a finding. */
static void finding_lean(ir_arena *a, ir_finding *d, const ir_finding *s) {
  memset(d, 0, sizeof *d);
  d->kind = dup(a, s->kind);
  d->criterion = dup(a, s->criterion);
  d->severity = s->severity;
}

/* d's facts array (s's count, filled by the caller). */
static void facts_alloc(ir_arena *a, ir_item *d, const ir_item *s) {
  d->facts = NULL;
  d->nfacts = s->facts ? s->nfacts : 0;
  if (d->nfacts)
    d->facts = ir_arena_alloc(a, d->nfacts * sizeof *d->facts);
}

/* Lean: of an item, the cross-case index reads index, line, outcome,
 * conclusion, category, service, pack and the facts' status and list;
 * the summary its findings (finding_lean). */
static void item_lean(ir_arena *a, ir_item *d, const ir_item *s) {
  *d = *s;
  d->service = dup(a, s->service);
  d->category = dup(a, s->category);
  memset(&d->title, 0, sizeof d->title);
  memset(&d->conclusion_ev, 0, sizeof d->conclusion_ev);
  d->guideline_ca = d->guideline_maximus = NULL;
  memset(&d->cited, 0, sizeof d->cited);
  facts_alloc(a, d, s);
  for (size_t c = 0; c < d->nfacts; c++) {
    const ir_fact *sf = &s->facts[c];
    ir_fact *df = &d->facts[c];
    *df = *sf;
    memset(&df->affirm, 0, sizeof df->affirm);
    memset(&df->deny, 0, sizeof df->deny);
    df->svalue = df->how = NULL;
    if (sf->list.n)
      strlist_copy(a, &df->list, &sf->list);
    else
      memset(&df->list, 0, sizeof df->list);
  }
  memset(&d->findings, 0, sizeof d->findings);
  if (s->findings.n) {
    ir_vec_reserve(a, &d->findings, s->findings.n);
    for (size_t i = 0; i < s->findings.n; i++)
      finding_lean(a, &d->findings.v[d->findings.n++], &s->findings.v[i]);
  }
}

static void item_copy(ir_arena *a, ir_item *d, const ir_item *s) {
  *d = *s;
  d->service = dup(a, s->service);
  d->title = ev_copy(a, &s->title);
  d->category = dup(a, s->category);
  d->conclusion_ev = ev_copy(a, &s->conclusion_ev);
  d->guideline_ca = dup(a, s->guideline_ca);
  d->guideline_maximus = dup(a, s->guideline_maximus);
  /* the pack is shared, read-only for the whole run: the pointer is kept */
  facts_alloc(a, d, s);
  for (size_t c = 0; c < d->nfacts; c++) {
    const ir_fact *sf = &s->facts[c];
    ir_fact *df = &d->facts[c];
    *df = *sf;
    df->svalue = dup(a, sf->svalue);
    df->how = dup(a, sf->how);
    evlist_copy(a, &df->affirm, &sf->affirm);
    evlist_copy(a, &df->deny, &sf->deny);
    strlist_copy(a, &df->list, &sf->list);
  }
  memset(&d->cited, 0, sizeof d->cited);
  if (s->cited.n) {
    ir_vec_reserve(a, &d->cited, s->cited.n);
    for (size_t i = 0; i < s->cited.n; i++) {
      ir_cite *c = &d->cited.v[d->cited.n++];
      c->criterion = s->cited.v[i].criterion;
      evlist_copy(a, &c->evidence, &s->cited.v[i].evidence);
    }
  }
  memset(&d->findings, 0, sizeof d->findings);
  if (s->findings.n) {
    ir_vec_reserve(a, &d->findings, s->findings.n);
    for (size_t i = 0; i < s->findings.n; i++)
      finding_copy(a, &d->findings.v[d->findings.n++], &s->findings.v[i]);
  }
}

ir_letter *ir_letter_copy(ir_arena *a, const ir_letter *l, int lean) {
  ir_letter *d = ir_arena_alloc(a, sizeof *d);
  *d = *l;
  d->path = dup(a, l->path ? l->path : "-");
  d->error = dup(a, l->error);
  d->text.orig = NULL;
  d->text.norm = NULL;
  d->text.runs = NULL;
  d->text.nruns = 0;
  d->case_number = dup(a, l->case_number);
  d->date_decision = dup(a, l->date_decision);
  d->specialty = dup(a, l->specialty);
  d->specialty_group = dup(a, l->specialty_group);
  if (lean) {
    d->date_injury = d->date_ur_denial = d->date_assigned = NULL;
    d->date_application = d->priority = d->licensure = NULL;
  } else {
    d->date_injury = dup(a, l->date_injury);
    d->date_ur_denial = dup(a, l->date_ur_denial);
    d->date_assigned = dup(a, l->date_assigned);
    d->date_application = dup(a, l->date_application);
    d->priority = dup(a, l->priority);
    d->licensure = dup(a, l->licensure);
  }
  memset(&d->items, 0, sizeof d->items);
  if (l->items.n) {
    ir_vec_reserve(a, &d->items, l->items.n);
    for (size_t i = 0; i < l->items.n; i++)
      (lean ? item_lean : item_copy)(a, &d->items.v[d->items.n++],
                                     &l->items.v[i]);
  }
  memset(&d->rule_errors, 0, sizeof d->rule_errors);
  if (l->rule_errors.n) {
    ir_vec_reserve(a, &d->rule_errors, l->rule_errors.n);
    for (size_t i = 0; i < l->rule_errors.n; i++) {
      ir_rule_error e = l->rule_errors.v[i];
      e.rule = dup(a, e.rule);
      e.file = dup(a, e.file);
      e.message = dup(a, e.message);
      d->rule_errors.v[d->rule_errors.n++] = e;
    }
  }
  return d;
}
