/* packfacts.c - the facts of a pack's criteria read from their fact specs
 * (pack.h) rather than from built-in C: the ConText way. For each fact,
 * every hit of its affirm sections in the regions it reads is classified
 * by the modifier classes the spec applies (negated, hypothetical, future,
 * resolved, not found, attributed, uncertain: the scope functions of
 * nlp/scope.h over the shared lexicon's trigger sections), after binding
 * (a term of another body region, level or side is not the item's):
 *   affirmed  -> evidence that the record documents it
 *   negated / resolved / looked for and not found -> evidence of absence
 *   cited in the rationale -> the item cites the criterion
 *   hypothetical, future, attributed, uncertain, a recital -> nothing.
 * A hit of a deny section ("EMG normal", "without fluoroscopy") that no
 * modifier reaches documents absence. A value extractor (levels, count,
 * class, percent, med, stated) gives the value. Status: present when only
 * affirmed, absent when only denied, contradicted when both (the summary
 * prevails over the rationale, as for the built-in facts). */
#include "extract_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "levels.h"
#include "med.h"

typedef struct {
  xletter *xl;
  int item;
  ir_item *it;
  const ir_crit_def *d;
  const xspec *xs;
  ir_fact *f;
  ir_levels want; /* the levels and sides the item's title names */
} pf;

static int reads(const pf *p, const xsent *x) {
  unsigned r = p->d->fact.read;
  switch (x->region) {
  case XR_SUMMARY:
    return (r & IR_READ_SUMMARY) != 0;
  case XR_TITLE:
    return (r & IR_READ_TITLE) != 0;
  case XR_RATIONALE:
    return (r & IR_READ_RATIONALE) != 0;
  default:
    return 0;
  }
}

/* An [uncertain] trigger within four words before the term in its clause,
 * or right after it ("... is questionable"). */
static int uncertain(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi, n;
  ir_scope_clause(s, ts, te, &lo, &hi);
  const ir_hit *h = ir_sent_hits(s, IR_LEX_UNCERTAIN, &n);
  for (size_t i = 0; i < n; i++) {
    if (ir_hit_pseudo(s, &h[i]))
      continue;
    if (h[i].end <= ts && h[i].start >= lo &&
        ir_scope_words(s, h[i].end, ts) <= 4)
      return 1;
    if (h[i].start >= te && h[i].end <= hi &&
        ir_scope_words(s, te, h[i].start) <= 2)
      return 1;
  }
  return 0;
}

/* A finding a later clause of its sentence says is gone, by a pronoun:
 * "a positive SLR was recorded in 2013; it has since resolved", "...,
 * which has since resolved". */
static int resolved_after(const ir_sent *s, size_t te) {
  static const char *const pro[] = {"it ",    "this ", "these ", "they ",
                                    "which ", "that ", "both ",  "all "};
  const char *t = s->text;
  for (size_t i = te; i < s->end; i++) {
    if (t[i] != ';' && t[i] != ',' && t[i] != '-')
      continue;
    size_t j = i + 1;
    while (j < s->end && t[j] == ' ')
      j++;
    for (size_t k = 0; k < sizeof pro / sizeof *pro; k++) {
      size_t n = strlen(pro[k]);
      if (j + n <= s->end && strncasecmp(t + j, pro[k], n) == 0) {
        size_t m;
        const ir_hit *h = ir_sent_hits(s, IR_LEX_RESOLVED, &m);
        for (size_t q = 0; q < m; q++)
          if (h[q].start >= j && ir_scope_words(s, j, h[q].start) <= 4)
            return 1;
      }
    }
  }
  return 0;
}

/* The term's clause restates a guideline: a [recital] hit in it ("the
 * guidelines require", "is recommended when") and no [applied] one ("in
 * this case", "the patient"). Clause by clause, not the whole sentence:
 * in "Without evidence of functional benefit, continued use cannot be
 * supported; the medication should be tapered as the guideline
 * describes" the first clause is the reviewer's finding. */
static int recital_clause(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi;
  ir_scope_clause(s, ts, te, &lo, &hi);
  return ir_sent_has(s, IR_LEX_RECITAL, lo, hi) &&
         !ir_sent_has(s, IR_LEX_APPLIED, lo, hi);
}

/* Classification of a term under the spec's modifier classes. */
static int classify(const xsent *x, size_t ts, size_t te, unsigned mods) {
  const ir_sent *s = &x->s;
  if (x->region == XR_HEADER)
    return XC_NONE;
  if ((mods & IR_MOD_ATTRIBUTED) && ir_scope_attributed(s, te))
    return XC_NONE;
  int rat = x->region == XR_RATIONALE;
  int c = ir_scope_cited(s, ts, te);
  if (rat && c == 1 && ir_x_doc_cite(s, ts, te))
    return XC_CITE;
  if (rat && recital_clause(s, ts, te))
    return XC_NONE;
  if (c == 1)
    return rat ? XC_CITE : XC_NONE;
  if (c == 2)
    return XC_NONE;
  if ((mods & IR_MOD_NOT_FOUND) && ir_scope_not_found(s, ts, te))
    return XC_DENY;
  if ((mods & IR_MOD_HYPOTHETICAL) && ir_scope_conditional(s, ts, te))
    return XC_NONE;
  if ((mods & IR_MOD_FUTURE) && ir_scope_hypothetical(s, ts, te))
    return XC_NONE;
  if ((mods & IR_MOD_UNCERTAIN) && uncertain(s, ts, te))
    return XC_NONE;
  if ((mods & IR_MOD_NEGATED) && ir_scope_negated(s, ts, te))
    return XC_DENY;
  if ((mods & IR_MOD_RESOLVED) && (ir_scope_resolved(s, ts, te) ||
                                   resolved_after(s, te) || x->next_resolves))
    return XC_DENY;
  return XC_AFFIRM;
}

/* The term at [ts, te) speaks of another region, level or side. */
static int foreign(const pf *p, const xsent *x, size_t ts, size_t te) {
  ir_bind b = p->d->fact.bind;
  if (b == IR_BIND_NONE || x->region == XR_TITLE)
    return 0;
  if (!ir_x_in_region(p->xl, x, p->item) || ir_x_foreign_term(p->xl, x, ts))
    return 1;
  if (b != IR_BIND_LEVEL)
    return 0;
  size_t lo, hi;
  ir_scope_clause(&x->s, ts, te, &lo, &hi);
  ir_levels here = ir_levels_in(x->s.text, lo, hi);
  return !ir_levels_meet(&p->want, &here);
}

static void add(pf *p, ir_evlist *l, const xsent *x, size_t lo, size_t hi) {
  ir_x_add_ev(p->xl, l, x, lo, hi);
}

/* A [negation_pre] trigger ("no", "without") within three words before
 * ts in its clause: "no UDS" (a result after the term, "UDS negative
 * for oxycodone", is no absence of the screen). */
static int negated_before(const ir_sent *s, size_t ts) {
  size_t lo, hi, n;
  ir_scope_clause(s, ts, ts, &lo, &hi);
  const ir_hit *h = ir_sent_hits(s, IR_LEX_NEG_PRE, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].end <= ts && h[i].start >= lo && !ir_hit_pseudo(s, &h[i]) &&
        ir_scope_words(s, h[i].end, ts) <= 3)
      return 1;
  return 0;
}

/* The sentence has a hit of one of the spec's `with` sections (none
 * named: any sentence). */
static int with_ok(const pf *p, const xsent *x) {
  if (!p->xs->nwith)
    return 1;
  for (int j = 0; j < p->xs->nwith; j++)
    if (ir_sent_has_any(&x->s, p->xs->with[j]))
      return 1;
  return 0;
}

static void read_sections(pf *p, const int *secs, int nsecs, int deny) {
  xletter *xl = p->xl;
  unsigned mods = p->d->fact.mods;
  /* a deny phrase carries its own polarity ("SLR negative", "EMG was
   * normal"): the negation triggers beside it ("... and the EMG was
   * normal") are its own words or another finding's, never its negation */
  if (deny)
    mods &= ~(unsigned)IR_MOD_NEGATED;
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (x->region == XR_HEADER || !with_ok(p, x))
      continue;
    for (int j = 0; j < nsecs; j++) {
      size_t n;
      const ir_hit *h = ir_sent_hits(&x->s, secs[j], &n);
      for (size_t i = 0; i < n; i++) {
        if (ir_hit_pseudo(&x->s, &h[i]) || foreign(p, x, h[i].start, h[i].end))
          continue;
        int c = classify(x, h[i].start, h[i].end, mods);
        if (c == XC_CITE) {
          if (!deny)
            ir_x_cite(xl, p->it, (int)(p->d - p->it->pack->crit), x, h[i].start,
                      h[i].end);
          continue;
        }
        if (c == XC_NONE)
          continue;
        /* the reviewer's own words: a rationale stating the record shows
         * the criterion unmet (a negative finding for a criterion met by
         * its presence, a present one for one met by its absence) names
         * it as unmet */
        if (x->region == XR_RATIONALE && p->d->meets) {
          /* (negation counts here even for a fact read without the
           * negated class: "no UDS" in a rationale names the screen as
           * missing) */
          int neg = deny ? c == XC_AFFIRM
                         : c == XC_DENY || (c == XC_AFFIRM &&
                                            negated_before(&x->s, h[i].start));
          int want_absent = strcmp(p->d->meets, "absent") == 0;
          if (strcmp(p->d->meets, "value") != 0 && neg != want_absent)
            ir_x_cite(xl, p->it, (int)(p->d - p->it->pack->crit), x, h[i].start,
                      h[i].end);
        }
        if (!reads(p, x))
          continue;
        if (deny) { /* a negative finding; negated it says nothing, turned
                       ("it is not the case that the SLR was negative") it
                       affirms */
          if (c == XC_AFFIRM)
            add(p,
                ir_scope_flipped(&x->s, h[i].start, h[i].end) ? &p->f->affirm
                                                              : &p->f->deny,
                x, h[i].start, h[i].end);
          continue;
        }
        add(p, c == XC_AFFIRM ? &p->f->affirm : &p->f->deny, x, h[i].start,
            h[i].end);
      }
    }
  }
}

/* Citation terms: the rationale names the criterion in a cited sense. */
static void read_cites(pf *p) {
  xletter *xl = p->xl;
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (x->region != XR_RATIONALE)
      continue;
    for (int j = 0; j < p->xs->ncite; j++) {
      size_t n;
      const ir_hit *h = ir_sent_hits(&x->s, p->xs->cite[j], &n);
      for (size_t i = 0; i < n; i++) {
        if (classify(x, h[i].start, h[i].end, IR_MOD_ATTRIBUTED) == XC_CITE)
          ir_x_cite(xl, p->it, (int)(p->d - p->it->pack->crit), x, h[i].start,
                    h[i].end);
      }
    }
    for (int j = 0; j < p->xs->nunmet; j++) {
      size_t n;
      const ir_hit *h = ir_sent_hits(&x->s, p->xs->unmet[j], &n);
      for (size_t i = 0; i < n; i++)
        if (!ir_scope_attributed(&x->s, h[i].end) &&
            !ir_scope_conditional(&x->s, h[i].start, h[i].end))
          ir_x_cite(xl, p->it, (int)(p->d - p->it->pack->crit), x, h[i].start,
                    h[i].end);
    }
  }
}

/* ---- values ------------------------------------------------------------ */

/* Does sentence x hold a hit of one of secs (none given: any sentence)? */
static const ir_hit *first_hit(const xsent *x, const int *secs, int n) {
  const ir_hit *best = NULL;
  for (int j = 0; j < n; j++) {
    size_t m;
    const ir_hit *h = ir_sent_hits(&x->s, secs[j], &m);
    if (m && (!best || h[0].start < best->start))
      best = &h[0];
  }
  return best;
}

/* The sentences values are read from: the title first, then those of the
 * regions the fact reads that hold a value_at hit (or any, without
 * value_at), in order. Calls fn until it returns nonzero. */
static void value_sentences(pf *p,
                            int (*fn)(pf *, const xsent *, const ir_hit *)) {
  xletter *xl = p->xl;
  for (int pass = 0; pass < 2; pass++)
    for (size_t k = 0; k < xl->n; k++) {
      const xsent *x = &xl->v[k];
      if ((pass == 0) != (x->region == XR_TITLE) || x->region == XR_HEADER)
        continue;
      if (pass == 1 && !reads(p, x))
        continue;
      const ir_hit *at = NULL;
      if (p->xs->nvalue_at) {
        at = first_hit(x, p->xs->value_at, p->xs->nvalue_at);
        /* a relief told in the sentence right after the injection's ("He
         * had an ESI on 1/21/14. He reported 70% relief for two months.")
         * belongs to it */
        const xsent *prev = k > 0 ? &xl->v[k - 1] : NULL;
        if (!at && p->d->fact.vx == IR_VX_PERCENT && pass == 1 && prev &&
            prev->region == x->region &&
            first_hit(prev, p->xs->value_at, p->xs->nvalue_at)) {
          if (fn(p, x, NULL))
            return;
          continue;
        }
        if (!at)
          continue;
        if (classify(x, at->start, at->end,
                     IR_MOD_HYPOTHETICAL | IR_MOD_ATTRIBUTED) == XC_NONE &&
            x->region != XR_TITLE)
          continue;
        if (pass == 1 && foreign(p, x, at->start, at->end))
          continue;
      }
      if (fn(p, x, at))
        return;
    }
}

static int v_levels(pf *p, const xsent *x, const ir_hit *at) {
  ir_levels v = ir_levels_in(x->s.text, x->s.start, x->s.end);
  int n = ir_levels_count(&v);
  if (!n)
    return 0;
  p->f->has_value = 1;
  p->f->ivalue = n;
  add(p, &p->f->affirm, x, at ? at->start : x->s.start,
      at ? at->end : x->s.start);
  return 1;
}

static int v_class(pf *p, const xsent *x, const ir_hit *at) {
  int any = 0;
  for (int j = 0; j < p->xs->nclasses; j++) {
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, p->xs->classes[j], &n);
    if (!n || classify(x, h[0].start, h[0].end,
                       IR_MOD_NEGATED | IR_MOD_HYPOTHETICAL) != XC_AFFIRM)
      continue;
    const char *name = p->d->fact.class_names[j];
    if (p->d->fact.vx == IR_VX_CLASS) {
      p->f->svalue = name;
      p->f->has_value = 1;
      add(p, &p->f->affirm, x, h[0].start, h[0].end);
      return 1;
    }
    int dup = 0;
    for (size_t i = 0; i < p->f->list.n; i++)
      dup |= strcmp(p->f->list.v[i], name) == 0;
    if (!dup)
      ir_vec_push(p->xl->a, &p->f->list, name);
    p->f->has_value = 1;
    add(p, &p->f->affirm, x, h[0].start, h[0].end);
    any = 1;
  }
  (void)at;
  return any && p->d->fact.vx == IR_VX_CLASS;
}

/* A number right after at ("x3", "(3)", "three", "3") or a [count] hit in
 * its clause. */
static int v_count(pf *p, const xsent *x, const ir_hit *at) {
  if (!at)
    return 0;
  size_t lo, hi, n;
  ir_scope_clause(&x->s, at->start, at->end, &lo, &hi);
  const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_NUM, &n);
  for (size_t i = 0; i < n; i++) {
    if (h[i].start < lo || h[i].end > hi ||
        ir_phrase_words(x->s.text, at->end, h[i].start) > 6)
      continue;
    long v = ir_x_hit_number(x->s.text, &h[i]);
    if (v <= 0 || v > 100)
      continue;
    p->f->has_value = 1;
    p->f->ivalue = v;
    add(p, &p->f->affirm, x, at->start, h[i].end);
    return 1;
  }
  return 0;
}

/* The first number after at within six words: "MED of 90 mg". */
static int v_stated(pf *p, const xsent *x, const ir_hit *at) {
  if (!at)
    return 0;
  const char *t = x->s.text;
  size_t i = at->end, words = 0;
  while (i < x->s.end && words <= 6) {
    if (isdigit((unsigned char)t[i])) {
      long v = strtol(t + i, NULL, 10);
      p->f->has_value = 1;
      p->f->ivalue = v;
      add(p, &p->f->affirm, x, at->start, i);
      return 1;
    }
    if (t[i] == ' ')
      words++;
    if (t[i] == '.' || t[i] == ';')
      break;
    i++;
  }
  return 0;
}

/* A number written in digits or words at t[a, b), or -1. */
static long number_word(const char *t, size_t a, size_t b) {
  if (a < b && isdigit((unsigned char)t[a]))
    return strtol(t + a, NULL, 10);
  return ir_x_word_number(t + a, b - a);
}

/* A duration given as a range after from ("eight to ten weeks", "6-8
 * wks"): its lower bound in days, or -1. */
static long range_days(const char *t, size_t from, size_t end) {
  static const struct {
    const char *u;
    long d;
  } units[] = {{"week", 7}, {"wk", 7}, {"month", 30}, {"mo", 30}, {"day", 1}};
  for (size_t i = from; i < end; i++) {
    if (i > from && isalnum((unsigned char)t[i - 1]))
      continue;
    /* first number */
    size_t a = i;
    while (i < end && isalnum((unsigned char)t[i]))
      i++;
    long lo = number_word(t, a, i);
    if (lo <= 0)
      continue;
    size_t j = i;
    while (j < end && t[j] == ' ')
      j++;
    if (j + 2 < end && strncmp(t + j, "to", 2) == 0 && t[j + 2] == ' ')
      j += 3;
    else if (j < end && t[j] == '-')
      j++;
    else
      continue;
    while (j < end && t[j] == ' ')
      j++;
    size_t b = j;
    while (j < end && isalnum((unsigned char)t[j]))
      j++;
    if (number_word(t, b, j) <= lo)
      continue;
    while (j < end && t[j] == ' ')
      j++;
    for (size_t u = 0; u < sizeof units / sizeof *units; u++)
      if (strncasecmp(t + j, units[u].u, strlen(units[u].u)) == 0)
        return lo * units[u].d;
  }
  return -1;
}

/* Relief from a prior treatment: a percent with a duration, judged by the
 * criterion's at_least_percent and at_least_days. */
static int v_percent(pf *p, const xsent *x, const ir_hit *at) {
  const char *t = x->s.text;
  long pct = -1;
  size_t ps = 0;
  for (size_t i = at ? at->end : x->s.start; i + 1 < x->s.end; i++) {
    if (!isdigit((unsigned char)t[i]) ||
        (i && isdigit((unsigned char)t[i - 1])))
      continue;
    char *e;
    long v = strtol(t + i, &e, 10);
    size_t j = (size_t)(e - t);
    while (j < x->s.end && t[j] == ' ')
      j++;
    if (j < x->s.end &&
        (t[j] == '%' || strncasecmp(t + j, "percent", 7) == 0) && v <= 100) {
      pct = v;
      ps = i;
      break;
    }
  }
  if (pct < 0)
    return 0;
  long days = -1;
  size_t n;
  const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_RELIEF_DUR, &n);
  for (size_t i = 0; i < n && days < 0; i++)
    days = ir_x_interval_days(t, &h[i]);
  h = ir_sent_hits(&x->s, IR_LEX_INTERVAL, &n);
  for (size_t i = 0; i < n && days < 0; i++)
    if (h[i].start > ps)
      days = ir_x_interval_days(t, &h[i]);
  if (days < 0)
    days = range_days(t, ps, x->s.end);
  int c = (int)(p->d - p->it->pack->crit);
  long need_p = -1, need_d = -1;
  ir_pack_number(p->it->pack, c, "at_least_percent", &need_p);
  ir_pack_number(p->it->pack, c, "at_least_days", &need_d);
  int ok = (need_p < 0 || pct >= need_p) && (need_d < 0 || days >= need_d);
  int bad = (need_p >= 0 && pct < need_p) ||
            (need_d >= 0 && days >= 0 && days < need_d);
  if (!ok && !bad)
    return 0; /* enough relief, its duration not stated */
  add(p, ok ? &p->f->affirm : &p->f->deny, x, ps, ps + 1);
  return 1;
}

/* An ordinal at t[p] ("second", "3rd"): its number, or 0. */
static long ordinal_at(const char *t, size_t p, size_t e) {
  static const char *const w[] = {"first", "second", "third", "fourth",
                                  "fifth", "sixth",  "1st",   "2nd",
                                  "3rd",   "4th",    "5th",   "6th"};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
    size_t n = strlen(w[i]);
    if (p + n <= e && strncasecmp(t + p, w[i], n) == 0 &&
        (p + n == e || !isalnum((unsigned char)t[p + n])))
      return (long)(i % 6) + 1;
  }
  return 0;
}

/* Blocks in the item's region in the year before the letter, the request
 * counted: prior injections by distinct date (a date right after a prior
 * injection's mention, within 365 days of the letter), a count stated
 * beside one ("two prior ESIs this year", "his only ESI to date"), or an
 * ordinal ("this would be the second block"), whichever is most. */
static void v_blocks(pf *p) {
  xletter *xl = p->xl;
  const char *ref =
      xl->l->date_decision ? xl->l->date_decision : xl->last_iso[0];
  long rday = ir_x_days(ref), seen[16], blocks = 1;
  size_t nseen = 0;
  long stated = 0;
  int evidence = 0;
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (x->region == XR_HEADER || x->region == XR_TITLE || !reads(p, x))
      continue;
    const ir_hit *at = first_hit(x, p->xs->value_at, p->xs->nvalue_at);
    if (!at ||
        classify(x, at->start, at->end,
                 IR_MOD_HYPOTHETICAL | IR_MOD_ATTRIBUTED | IR_MOD_NEGATED) !=
            XC_AFFIRM ||
        !ir_x_in_region(xl, x, p->item) || ir_x_foreign_term(xl, x, at->start))
      continue;
    const char *t = x->s.text;
    long ord = ordinal_at(t, at->start, at->end);
    if (ord) { /* the request's rank when the sentence speaks of it */
      int req = ir_sent_has(&x->s, IR_LEX_REQUEST, x->s.start, x->s.end) ||
                ir_sent_has(&x->s, IR_LEX_FUTURE, x->s.start, x->s.end) ||
                ir_sent_has(&x->s, IR_LEX_HYPO, x->s.start, x->s.end);
      long b = req ? ord : ord + 1;
      blocks = b > blocks ? b : blocks;
    }
    /* "her only prior injection", "... on 1/21/14, his only epidural
     * injection to date": one prior */
    size_t lim = at->end + 40 < x->s.end ? at->end + 40 : x->s.end;
    size_t from = at->start > x->s.start + 12 ? at->start - 12 : x->s.start;
    for (size_t q = from; q + 5 <= lim && stated < 1; q++)
      if (strncasecmp(t + q, "only ", 5) == 0 && (q == 0 || t[q - 1] == ' '))
        stated = 1;
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_NUM, &n);
    for (size_t i = 0; i < n; i++)
      if (ir_phrase_words(t, h[i].end, at->start) <= 3 ||
          ir_phrase_words(t, at->end, h[i].start) <= 1) {
        long v = ir_x_hit_number(t, &h[i]);
        if (v > stated && v < 12)
          stated = v;
      }
    size_t chain = at->end; /* a list of dates runs on: "on 11/14/17,
                               2/6/18, 5/1/18 and 7/24/18" */
    for (uint32_t j = 0; j < x->dn; j++) {
      const xdate *dt = &xl->dates[x->d0 + j];
      /* the date of this injection: in its mention or just after it */
      if (dt->start < at->start)
        continue;
      size_t gap =
          dt->start >= chain ? ir_words_between(t, chain, dt->start) : 0;
      if (gap > (chain == at->end ? 6 : 2))
        continue;
      chain = dt->end > chain ? dt->end : chain;
      long d = ir_x_days(dt->iso);
      if (d < 0 || rday < 0 || d > rday || rday - d > 365)
        continue;
      int dup = 0;
      for (size_t q = 0; q < nseen; q++)
        dup |= seen[q] == d;
      if (!dup && nseen < 16)
        seen[nseen++] = d;
    }
    if (!evidence) {
      add(p, &p->f->affirm, x, at->start, at->end);
      evidence = 1;
    }
  }
  long prior = (long)nseen > stated ? (long)nseen : stated;
  p->f->has_value = 1;
  p->f->ivalue = prior + 1 > blocks ? prior + 1 : blocks;
}

static void read_value(pf *p) {
  switch (p->d->fact.vx) {
  case IR_VX_LEVELS:
    value_sentences(p, v_levels);
    break;
  case IR_VX_CLASS:
  case IR_VX_CLASSES:
    value_sentences(p, v_class);
    break;
  case IR_VX_COUNT:
    value_sentences(p, v_count);
    break;
  case IR_VX_STATED:
    value_sentences(p, v_stated);
    break;
  case IR_VX_PERCENT:
    value_sentences(p, v_percent);
    break;
  case IR_VX_MED:
    ir_x_med_value(p->xl, p->item, p->xs->med, p->f);
    break;
  case IR_VX_BLOCKS:
    v_blocks(p);
    break;
  default:
    break;
  }
}

static int from_summary(const ir_evlist *l) {
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i].section == IR_SEC_SUMMARY)
      return 1;
  return 0;
}

static void derive(ir_fact *f, const ir_crit_def *d) {
  ir_value_kind kind = d->kind;
  const char *other = d->fact.otherwise;
  if (d->fact.affirm_wins && f->affirm.n)
    f->deny.n = 0;
  if (f->affirm.n && f->deny.n) {
    int sa = from_summary(&f->affirm), sd = from_summary(&f->deny);
    if (sa && !sd)
      f->deny.n = 0;
    else if (sd && !sa)
      f->affirm.n = 0;
  }
  f->contradicted = f->affirm.n && f->deny.n;
  if (kind != IR_VAL_STATUS && f->has_value) {
    f->status = IR_FACT_PRESENT;
    return;
  }
  f->status = f->affirm.n ? IR_FACT_PRESENT
              : f->deny.n ? IR_FACT_ABSENT
                          : IR_FACT_UNKNOWN;
  if (f->status != IR_FACT_UNKNOWN || !other)
    return;
  if (kind == IR_VAL_STRING) { /* a stated default value, status unknown */
    f->svalue = other;
    f->has_value = 1;
  } else if (strcmp(other, "absent") == 0) {
    f->status = IR_FACT_ABSENT;
  } else if (strcmp(other, "present") == 0) {
    f->status = IR_FACT_PRESENT;
  }
}

void ir_x_pack_facts(xletter *xl, int item, const xpack *xp) {
  ir_item *it = &xl->l->items.v[item];
  if (!it->pack || it->pack != xp->p)
    return;
  pf p;
  memset(&p, 0, sizeof p);
  p.xl = xl;
  p.item = item;
  p.it = it;
  for (size_t k = 0; k < xl->n; k++)
    if (xl->v[k].region == XR_TITLE) {
      ir_levels v =
          ir_levels_in(xl->v[k].s.text, xl->v[k].s.start, xl->v[k].s.end);
      p.want.spaces |= v.spaces;
      p.want.roots |= v.roots;
      p.want.sides |= v.sides;
    }
  for (size_t c = 0; c < xp->p->ncrit; c++) {
    p.d = &xp->p->crit[c];
    if (p.d->fact.builtin)
      continue;
    p.xs = &xp->spec[c];
    p.f = &it->facts[c];
    if (p.d->fact.vx == IR_VX_NONE || p.d->fact.vx == IR_VX_PERCENT) {
      read_sections(&p, p.xs->affirm, p.xs->naffirm, 0);
      read_sections(&p, p.xs->deny, p.xs->ndeny, 1);
      if (!p.f->affirm.n) /* weak denials: only where nothing affirms */
        read_sections(&p, p.xs->weak, p.xs->nweak, 1);
    } else {
      /* a value fact: its terms only cite it and deny it */
      ir_evlist keep = p.f->affirm;
      read_sections(&p, p.xs->affirm, p.xs->naffirm, 0);
      p.f->affirm = keep;
      read_sections(&p, p.xs->deny, p.xs->ndeny, 1);
    }
    read_cites(&p);
    read_value(&p);
    derive(p.f, p.d);
  }
}
