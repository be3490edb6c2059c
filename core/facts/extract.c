/* extract.c - the fact extractor's driver (see extract.h, extract_int.h).
 *
 * Facts are computed for items of category "tpi" and for any item whose
 * title names a trigger point injection; other items keep empty facts (the
 * rules only read tpi items). Each item sees the clinical summary, its own
 * title and its own rationale; another item's rationale never leaks in.
 * Status: present when only affirmed, absent when only denied, present with
 * contradicted = 1 when both. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nlp/nlp.h"

#define IR_MATCH_LIMIT 2000000
#define IR_DEPTH_LIMIT 5000

/* The TPI thresholds, from the pack the built-in extractor fills. */
static void tpi_limits(ir_extractor *x) {
  const ir_pack *p = x->tpi;
  x->lim.duration_days = x->lim.interval_days = x->lim.relief_percent = -1;
  x->lim.relief_days = -1;
  if (!p)
    return;
  ir_pack_number(p, IR_CRIT_DURATION, "more_than_days", &x->lim.duration_days);
  ir_pack_number(p, IR_CRIT_FREQUENCY, "at_least_days", &x->lim.interval_days);
  ir_pack_number(p, IR_CRIT_REPEAT_RELIEF, "at_least_percent",
                 &x->lim.relief_percent);
  ir_pack_number(p, IR_CRIT_REPEAT_RELIEF, "at_least_days",
                 &x->lim.relief_days);
}

ir_extractor *ir_extractor_load(const char *const *dirs, size_t ndirs,
                                const ir_packset *ps, char *err,
                                size_t errlen) {
  static const char *const def[] = {"rules"};
  ir_extractor *x = calloc(1, sizeof *x);
  if (!x || !(x->lx = ir_lexicon_new())) {
    free(x);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  if (!ndirs) {
    dirs = def;
    ndirs = 1;
  }
  x->ps = ps;
  ir_lexicon_subset(x->lx, HEADER_SECTIONS);
  int found = 0;
  for (size_t i = 0; i < ndirs; i++) {
    int a = ir_lexicon_add_files(x->lx, dirs[i], err, errlen);
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/lexicon", dirs[i]);
    int b = a < 0 ? -1 : ir_lexicon_add_files(x->lx, sub, err, errlen);
    if (a < 0 || b < 0) {
      ir_extractor_free(x);
      return NULL;
    }
    found += a + b;
  }
  if (!found) {
    snprintf(err, errlen, "%s/lexicon: no *.lex lexicon files found", dirs[0]);
    ir_extractor_free(x);
    return NULL;
  }
  if (ir_x_packs_load(x, err, errlen) != 0 ||
      ir_lexicon_compile(x->lx, err, errlen) != 0) {
    ir_extractor_free(x);
    return NULL;
  }
  tpi_limits(x);
  return x;
}

const ir_fact_limits *ir_extractor_limits(const ir_extractor *x) {
  return &x->lim;
}

/* For tests: an extractor from lexicon text held in memory. */
ir_extractor *ir_extractor_from_text(const char *text, char *err,
                                     size_t errlen);
ir_extractor *ir_extractor_from_text(const char *text, char *err,
                                     size_t errlen) {
  ir_extractor *x = calloc(1, sizeof *x);
  if (!x || !(x->lx = ir_lexicon_new())) {
    free(x);
    return NULL;
  }
  tpi_limits(x);
  if (ir_lexicon_add(x->lx, "<text>", text, strlen(text), err, errlen) ||
      ir_lexicon_compile(x->lx, err, errlen)) {
    ir_extractor_free(x);
    return NULL;
  }
  return x;
}

void ir_extractor_free(ir_extractor *x) {
  if (!x)
    return;
  ir_x_packs_free(x);
  ir_lexicon_free(x->lx);
  free(x);
}

ir_extract_ctx *ir_extract_ctx_new(const ir_extractor *x) {
  ir_extract_ctx *c = calloc(1, sizeof *c);
  if (!c)
    return NULL;
  c->x = x;
  c->md = pcre2_match_data_create(32, NULL);
  c->mctx = pcre2_match_context_create(NULL);
  c->js = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
  size_t nf = ir_lexicon_nfrags(x->lx);
  c->pack_seen = calloc(x->npacks + 1, sizeof *c->pack_seen);
  if (!c->pack_seen) {
    ir_extract_ctx_free(c);
    return NULL;
  }
  for (size_t i = 0; i < x->npacks; i++)
    if (x->packs[i].lx) {
      size_t f = ir_lexicon_nfrags(x->packs[i].lx);
      nf = f > nf ? f : nf;
      c->pack_seen[i] = calloc(ir_lexicon_scratch(x->packs[i].lx), 1);
      if (!c->pack_seen[i]) {
        ir_extract_ctx_free(c);
        return NULL;
      }
    }
  c->seen = c->shared_seen = calloc(ir_lexicon_scratch(x->lx), 1);
  c->cand = malloc((nf + 1) * sizeof *c->cand);
  ir_arena_init(&c->tmp);
  if (!c->md || !c->mctx || !c->shared_seen || !c->cand) {
    ir_extract_ctx_free(c);
    return NULL;
  }
  pcre2_set_match_limit(c->mctx, IR_MATCH_LIMIT);
  pcre2_set_depth_limit(c->mctx, IR_DEPTH_LIMIT);
  if (c->js)
    pcre2_jit_stack_assign(c->mctx, NULL, c->js);
  return c;
}

void ir_extract_ctx_free(ir_extract_ctx *c) {
  if (!c)
    return;
  pcre2_match_data_free(c->md);
  pcre2_match_context_free(c->mctx);
  if (c->js)
    pcre2_jit_stack_free(c->js);
  free(c->shared_seen);
  for (size_t i = 0; c->pack_seen && i < c->x->npacks; i++)
    free(c->pack_seen[i]);
  free(c->pack_seen);
  free(c->cand);
  ir_arena_free(&c->tmp);
  free(c);
}

/* ---- regions and sentences ------------------------------------------ */

typedef IR_VEC(xsent) xsentvec;

static size_t clampz(size_t v, size_t n) { return v > n ? n : v; }

static void add_region(xletter *xl, xsentvec *out, size_t from, size_t to,
                       int region, int item) {
  size_t n = xl->t->norm_len;
  from = clampz(from, n);
  to = clampz(to, n);
  if (from >= to)
    return;
  ir_spanlist sl = {0};
  ir_sentences(xl->a, xl->t->norm, from, to, &sl);
  ir_vec_reserve(xl->a, out, sl.n);
  for (size_t i = 0; i < sl.n; i++) { /* built in place: xsent is large */
    xsent *x = &out->v[out->n++];
    memset(x, 0, sizeof *x);
    x->s.start = sl.v[i].start;
    x->s.end = sl.v[i].end;
    x->s.text = xl->t->norm;
    x->region = region;
    x->item = item;
  }
}

static void build_sentences(xletter *xl) {
  ir_letter *l = xl->l;
  xsentvec v = {0};
  size_t head_end = l->sum_end > l->sum_start ? l->sum_start : 0;
  if (!head_end && l->items.n)
    head_end = l->items.v[0].nstart;
  add_region(xl, &v, 0, head_end, XR_HEADER, -1);
  xl->hdr_hi = xl->sum_lo = v.n;
  add_region(xl, &v, l->sum_start, l->sum_end, XR_SUMMARY, -1);
  xl->sum_hi = v.n;
  size_t ni = l->items.n ? l->items.n : 1;
  xl->it_lo = ir_arena_alloc(xl->a, ni * sizeof *xl->it_lo);
  xl->it_hi = ir_arena_alloc(xl->a, ni * sizeof *xl->it_hi);
  for (size_t i = 0; i < l->items.n; i++) {
    ir_item *it = &l->items.v[i];
    xl->it_lo[i] = v.n;
    add_region(xl, &v, it->title.nstart, it->title.nend, XR_TITLE, (int)i);
    add_region(xl, &v, it->rat_start, it->rat_end, XR_RATIONALE, (int)i);
    xl->it_hi[i] = v.n;
  }
  xl->v = v.v;
  xl->n = v.n;
}

/* ---- helpers for the fact functions --------------------------------- */

int ir_x_in_item(const xsent *x, int i) {
  return x->region == XR_SUMMARY ||
         ((x->region == XR_TITLE || x->region == XR_RATIONALE) && x->item == i);
}

/* In the summary a citation phrase about documentation ("no documentation
 * of", "not documented") leaves the fact unknown, while "no evidence of",
 * "absence of" read as plain negations of a finding. */
int ir_x_doc_cite(const ir_sent *s, size_t ts, size_t te) {
  static const char *const words[] = {"document",  "mention",     "describ",
                                      "detail",    "characteriz", "report",
                                      "establish", "indicat"};
  size_t lo, hi, n;
  ir_scope_clause(s, ts, te, &lo, &hi);
  if (ir_sent_has(s, IR_LEX_CITE_POST, te, hi))
    return 1;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_CITE_PRE, &n);
  for (size_t i = 0; i < n; i++) {
    if (h[i].start < lo || h[i].end > ts)
      continue;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
      size_t wl = strlen(words[w]);
      for (size_t p = h[i].start; p + wl <= h[i].end; p++)
        if (strncasecmp(s->text + p, words[w], wl) == 0)
          return 1;
    }
  }
  return 0;
}

/* Does sentence n open with an anaphoric subject ("Those arm symptoms",
 * "These findings", "It", "Both") and a [resolved] trigger within its
 * first eight words? */
static int opens_resolved(const xsent *n) {
  static const char *const pro[] = {"those ", "these ",  "this ",
                                    "that ",  "it ",     "they ",
                                    "both ",  "all of ", "such "};
  const char *t = n->s.text + n->s.start;
  size_t len = n->s.end - n->s.start;
  int ok = 0;
  /* (every sentence comes here: the caseless compare is inline, and most
   * sentences fail it at the first byte) */
  for (size_t k = 0; k < sizeof pro / sizeof *pro && !ok; k++) {
    const char *w = pro[k];
    size_t i = 0;
    while (w[i] && i < len && ir_ascii_tolower((unsigned char)t[i]) == w[i])
      i++;
    ok = !w[i] && len > i;
  }
  if (!ok)
    return 0;
  size_t m;
  const ir_hit *h = ir_sent_hits(&n->s, IR_LEX_RESOLVED, &m);
  for (size_t i = 0; i < m; i++)
    if (!ir_hit_pseudo(&n->s, &h[i]) &&
        ir_words_between(n->s.text, n->s.start, h[i].start) <= 8)
      return 1;
  return 0;
}

static void mark_next_resolves(xletter *xl) {
  for (size_t k = 0; k + 1 < xl->n; k++)
    xl->v[k].next_resolves = xl->v[k + 1].region == xl->v[k].region &&
                             xl->v[k + 1].item == xl->v[k].item &&
                             opens_resolved(&xl->v[k + 1]);
}

int ir_x_classify(const xsent *x, size_t ts, size_t te) {
  const ir_sent *s = &x->s;
  if (x->region == XR_HEADER || ir_scope_attributed(s, te))
    return XC_NONE;
  int rat = x->region == XR_RATIONALE;
  int c = ir_scope_cited(s, ts, te);
  if (rat && c == 1 && ir_x_doc_cite(s, ts, te))
    return XC_CITE; /* "... must have failed, and there is no documentation" */
  if (rat && ir_scope_recital_at(s, ts, te))
    return XC_NONE;
  if (c == 1 && (rat || ir_x_doc_cite(s, ts, te)))
    return rat ? XC_CITE : XC_NONE;
  if (c == 2)
    return XC_NONE;
  /* looked for and not found: absent, even when the search was "to rule
   * it out" */
  if (ir_scope_not_found(s, ts, te))
    return XC_DENY;
  if (ir_scope_hypothetical(s, ts, te))
    return XC_NONE;
  /* placed in the past and gone since: the current state is absent */
  return ir_scope_negated(s, ts, te) || ir_scope_resolved(s, ts, te) ||
                 x->next_resolves
             ? XC_DENY
             : XC_AFFIRM;
}

static ir_section sec_of(const xsent *x) {
  switch (x->region) {
  case XR_SUMMARY:
    return IR_SEC_SUMMARY;
  case XR_TITLE:
    return IR_SEC_TITLE;
  case XR_RATIONALE:
    return IR_SEC_RATIONALE;
  default:
    return IR_SEC_HEADER;
  }
}

#define IR_EV_MAX 400
#define IR_EV_LIST_MAX 16
#define IR_EV_CTX 160

/* Evidence is the sentence, or a window of it around [lo, hi) when long. */
void ir_x_add_ev(xletter *xl, ir_evlist *list, const xsent *x, size_t lo,
                 size_t hi) {
  size_t s = x->s.start, e = x->s.end;
  const char *t = xl->t->norm;
  if (e - s > IR_EV_MAX) {
    size_t ns = lo > s + IR_EV_CTX ? lo - IR_EV_CTX : s;
    size_t ne = hi + IR_EV_CTX < e ? hi + IR_EV_CTX : e;
    while (ns > s && t[ns - 1] != ' ')
      ns--;
    while (ne < e && t[ne] != ' ')
      ne++;
    s = ns;
    e = ne;
  }
  if (list->n >= IR_EV_LIST_MAX)
    return; /* enough to show; keeps the work linear */
  for (size_t i = 0; i < list->n; i++)
    if (list->v[i].nstart < e && s < list->v[i].nend)
      return; /* this sentence is already evidence */
  ir_evidence ev = ir_make_evidence(xl->a, xl->t, sec_of(x), s, e);
  ir_vec_push(xl->a, list, ev);
}

void ir_x_cite(xletter *xl, ir_item *it, int c, const xsent *x, size_t lo,
               size_t hi) {
  ir_cite *ct = NULL;
  for (size_t i = 0; i < it->cited.n; i++)
    if (it->cited.v[i].criterion == c)
      ct = &it->cited.v[i];
  if (!ct) {
    ir_cite nc;
    memset(&nc, 0, sizeof nc);
    nc.criterion = c;
    ir_vec_push(xl->a, &it->cited, nc);
    ct = &it->cited.v[it->cited.n - 1];
  }
  ir_x_add_ev(xl, &ct->evidence, x, lo, hi);
}

static int from_summary(const ir_evlist *l) {
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i].section == IR_SEC_SUMMARY)
      return 1;
  return 0;
}

/* The record is the summary: a rationale's own statement that contradicts
 * what the summary alone documents ("the patient did benefit from the
 * prior injections" over a summary's 25% relief for two weeks; "the pain
 * is radicular" over a normal EMG) is not a record finding. */
static void summary_prevails(ir_fact *f) {
  if (!f->affirm.n || !f->deny.n)
    return;
  int sa = from_summary(&f->affirm), sd = from_summary(&f->deny);
  if (sa && !sd)
    f->deny.n = 0;
  else if (sd && !sa)
    f->affirm.n = 0;
}

static void derive_status(ir_item *it) {
  for (int c = 0; c < IR_CRIT_COUNT; c++) {
    ir_fact *f = &it->facts[c];
    if (c == IR_CRIT_INJECTION_COUNT || c == IR_CRIT_INJECTATE) {
      f->status = f->has_value ? IR_FACT_PRESENT : IR_FACT_UNKNOWN;
      continue;
    }
    summary_prevails(f);
    f->contradicted = f->affirm.n && f->deny.n;
    f->status = f->affirm.n ? IR_FACT_PRESENT
                : f->deny.n ? IR_FACT_ABSENT
                            : IR_FACT_UNKNOWN;
  }
}

static int item_is_tpi(const xletter *xl, int i) {
  const ir_item *it = &xl->l->items.v[i];
  if (it->category && strcmp(it->category, "tpi") == 0)
    return 1;
  for (size_t k = xl->it_lo[i]; k < xl->it_hi[i]; k++)
    if (xl->v[k].region == XR_TITLE && ir_sent_has_any(&xl->v[k].s, IR_LEX_TPI))
      return 1;
  return 0;
}

/* Matches sentences [lo, hi) with the shared lexicon (pack < 0) or with
 * pack's own; -1 with l->error set on a pattern limit. */
static int match_range(ir_extract_ctx *c, xletter *xl, size_t lo, size_t hi,
                       int pack) {
  ir_letter *l = xl->l;
  for (size_t i = lo; i < hi; i++) {
    int bad = 0;
    int rc =
        pack < 0
            ? ir_x_match_sentence(c, xl->a, l->text.norm, &xl->v[i], &bad)
            : ir_x_match_pack(c, xl->a, l->text.norm, &xl->v[i], pack, &bad);
    if (rc) {
      const char *why = rc == PCRE2_ERROR_MATCHLIMIT       ? "match limit"
                        : rc == PCRE2_ERROR_DEPTHLIMIT     ? "depth limit"
                        : rc == PCRE2_ERROR_JIT_STACKLIMIT ? "JIT stack limit"
                                                           : "match error";
      l->error = ir_arena_printf(
          xl->a, "pattern %s exceeded in lexicon section [%s] at byte %zu", why,
          ir_x_sec_name(c->x, bad),
          ir_text_orig_start(&l->text, xl->v[i].s.start));
      return -1;
    }
    if (pack < 0)
      xl->v[i].regions = ir_x_regions_of(&xl->v[i].s);
  }
  return 0;
}

typedef IR_VEC(xdate) xdatevec;

static void view_add(const xletter *xl, xletter *vw, xsentvec *sv, xdatevec *dv,
                     size_t lo, size_t hi) {
  ir_vec_reserve(vw->a, sv, hi - lo);
  for (size_t k = lo; k < hi; k++) {
    xsent x = xl->v[k];
    uint32_t d0 = (uint32_t)dv->n;
    for (uint32_t j = 0; j < x.dn; j++) {
      xdate d = xl->dates[x.d0 + j];
      d.sent = sv->n;
      ir_vec_push(vw->a, dv, d);
    }
    x.d0 = d0;
    ir_vec_push(vw->a, sv, x);
  }
}

/* The letter as item i sees it: header, summary, its title and rationale. */
static void item_view(const xletter *xl, int i, xletter *vw) {
  *vw = *xl;
  xsentvec sv = {0};
  xdatevec dv = {0};
  view_add(xl, vw, &sv, &dv, 0, xl->sum_hi);
  view_add(xl, vw, &sv, &dv, xl->it_lo[i], xl->it_hi[i]);
  vw->v = sv.v;
  vw->n = sv.n;
  vw->dates = dv.v;
  vw->ndates = dv.n;
  vw->item_regions = 0;
  for (size_t k = 0; k < vw->n; k++)
    if (vw->v[k].region == XR_TITLE)
      vw->item_regions |= vw->v[k].regions;
}

/* The latest two distinct dates of the letter (the reference for duration
 * when the header gives no decision date). */
static void last_dates(xletter *xl) {
  long d1 = -1, d2 = -1;
  for (size_t i = 0; i < xl->ndates; i++) {
    long v = ir_x_days(xl->dates[i].iso);
    if (v < 0 || v == d1 || v == d2)
      continue;
    if (v > d1) {
      d2 = d1;
      memcpy(xl->last_iso[1], xl->last_iso[0], 11);
      d1 = v;
      memcpy(xl->last_iso[0], xl->dates[i].iso, 11);
    } else if (v > d2) {
      d2 = v;
      memcpy(xl->last_iso[1], xl->dates[i].iso, 11);
    }
  }
}

int ir_extract(ir_extract_ctx *c, ir_arena *a, ir_letter *l) {
  xletter xl;
  memset(&xl, 0, sizeof xl);
  xl.l = l;
  xl.a = a;
  xl.lim = &c->x->lim;
  xl.t = &l->text;
  if (!l->text.norm)
    return 0;
  build_sentences(&xl);
  if (match_range(c, &xl, 0, xl.sum_hi, -1) != 0)
    return -1;
  char *tpi = ir_arena_alloc(a, l->items.n + 1);
  for (size_t i = 0; i < l->items.n; i++) {
    size_t lo = xl.it_lo[i], hi = xl.it_hi[i], t = lo;
    while (t < hi && xl.v[t].region == XR_TITLE)
      t++;
    if (match_range(c, &xl, lo, t, -1) != 0)
      return -1;
    tpi[i] = (char)item_is_tpi(&xl, (int)i);
    if (tpi[i] && match_range(c, &xl, t, hi, -1) != 0)
      return -1;
  }
  ir_x_scan_dates(&xl);
  last_dates(&xl);
  /* packs: a title naming a TPI takes the built-in TPI pack, else the
   * category's pack */
  const ir_extractor *x = c->x;
  int *pk = ir_arena_alloc(a, (l->items.n + 1) * sizeof *pk);
  int any_data = 0;
  for (size_t i = 0; i < l->items.n; i++) {
    ir_item *it = &l->items.v[i];
    const ir_pack *p =
        tpi[i] && x->tpi ? x->tpi : ir_packset_for(x->ps, it->category);
    ir_item_set_pack(a, it, p);
    pk[i] = p ? p->index : -1;
    if (p && (size_t)p->index < x->npacks && x->packs[p->index].data)
      any_data = 1;
    else
      pk[i] = -1; /* no data-driven facts */
  }
  /* Another item's rationale is read only for the history it restates
   * (failed therapy, therapy.c), and only when the letter has a TPI item;
   * matched after the dates so these stay what the items themselves say.
   * An item with data-driven facts reads its own. */
  int any_tpi = 0;
  for (size_t i = 0; i < l->items.n; i++)
    any_tpi |= tpi[i];
  for (size_t i = 0; (any_tpi || any_data) && i < l->items.n; i++) {
    size_t t = xl.it_lo[i];
    while (t < xl.it_hi[i] && xl.v[t].region == XR_TITLE)
      t++;
    if (!tpi[i] && (any_tpi || pk[i] >= 0) &&
        match_range(c, &xl, t, xl.it_hi[i], -1) != 0)
      return -1;
  }
  /* each pack's own sections, packs in order (hits stay sorted) */
  for (size_t p = 0; any_data && p < x->npacks; p++) {
    int used = 0;
    for (size_t i = 0; i < l->items.n; i++)
      used |= pk[i] == (int)p;
    if (!used || !x->packs[p].lx)
      continue;
    if (match_range(c, &xl, xl.sum_lo, xl.sum_hi, (int)p) != 0)
      return -1;
    for (size_t i = 0; i < l->items.n; i++)
      if (pk[i] == (int)p &&
          match_range(c, &xl, xl.it_lo[i], xl.it_hi[i], (int)p) != 0)
        return -1;
  }
  mark_next_resolves(&xl);
  xl.all = xl.v;
  xl.nall = any_tpi ? xl.n : 0;
  xl.x = x;
  for (size_t i = 0; i < l->items.n; i++) {
    if (!tpi[i] && pk[i] < 0)
      continue;
    xletter vw;
    item_view(&xl, (int)i, &vw);
    if (tpi[i] && x->tpi && l->items.v[i].pack == x->tpi) {
      ir_x_facts(&vw, (int)i);
      ir_x_values(&vw, (int)i);
      ir_x_duration_dates(&vw, (int)i);
      ir_x_frequency(&vw, (int)i);
      derive_status(&l->items.v[i]);
    }
    if (pk[i] >= 0)
      ir_x_pack_facts(&vw, (int)i, &x->packs[pk[i]]);
  }
  return 0;
}
