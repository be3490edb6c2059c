/* packvalues.c - the value extractors of pack facts (pack.h ir_vx):
 * levels, class / classes, count, stated number, percent relief with its
 * duration, blocks per year, MED (medfact.c). Each reads the title first,
 * then the sentences of the regions the fact reads that hold a value_at
 * hit (the request, a prior injection, the drug). */
#include "packfacts_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
      if (pass == 1 && !ir_pf_reads(p, x))
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
        if (ir_pf_classify(x, at->start, at->end,
                           IR_MOD_HYPOTHETICAL | IR_MOD_ATTRIBUTED) ==
                XC_NONE &&
            x->region != XR_TITLE)
          continue;
        if (pass == 1 && ir_pf_foreign(p, x, at->start, at->end))
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
  ir_pf_add(p, &p->f->affirm, x, at ? at->start : x->s.start,
            at ? at->end : x->s.start);
  return 1;
}

static int v_class(pf *p, const xsent *x, const ir_hit *at) {
  int any = 0;
  for (int j = 0; j < p->xs->nclasses; j++) {
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, p->xs->classes[j], &n);
    if (!n || ir_pf_classify(x, h[0].start, h[0].end,
                             IR_MOD_NEGATED | IR_MOD_HYPOTHETICAL) != XC_AFFIRM)
      continue;
    const char *name = p->d->fact.class_names[j];
    if (p->d->fact.vx == IR_VX_CLASS) {
      p->f->svalue = name;
      p->f->has_value = 1;
      ir_pf_add(p, &p->f->affirm, x, h[0].start, h[0].end);
      return 1;
    }
    int dup = 0;
    for (size_t i = 0; i < p->f->list.n; i++)
      dup |= strcmp(p->f->list.v[i], name) == 0;
    if (!dup)
      ir_vec_push(p->xl->a, &p->f->list, name);
    p->f->has_value = 1;
    ir_pf_add(p, &p->f->affirm, x, h[0].start, h[0].end);
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
    ir_pf_add(p, &p->f->affirm, x, at->start, h[i].end);
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
      ir_pf_add(p, &p->f->affirm, x, at->start, i);
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
  ir_pf_add(p, ok ? &p->f->affirm : &p->f->deny, x, ps, ps + 1);
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
  /* the year before the request: the utilization review's date is the
   * nearest the letter gives (the IMR decision comes months later) */
  const char *ref = xl->l->date_ur_denial  ? xl->l->date_ur_denial
                    : xl->l->date_decision ? xl->l->date_decision
                                           : xl->last_iso[0];
  long rday = ir_x_days(ref), seen[16], blocks = 1;
  size_t nseen = 0;
  long stated = 0;
  int evidence = 0;
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (x->region == XR_HEADER || x->region == XR_TITLE || !ir_pf_reads(p, x))
      continue;
    const ir_hit *at = first_hit(x, p->xs->value_at, p->xs->nvalue_at);
    if (!at ||
        ir_pf_classify(x, at->start, at->end,
                       IR_MOD_HYPOTHETICAL | IR_MOD_ATTRIBUTED |
                           IR_MOD_NEGATED) != XC_AFFIRM ||
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
      if (gap > (chain == at->end ? 8 : 2))
        continue;
      chain = dt->end > chain ? dt->end : chain;
      long d = ir_x_days(dt->iso);
      /* (the request precedes the review by up to 14 days: California
       * utilization review decides within 5 working days, 14 at most) */
      if (d < 0 || rday < 0 || d > rday || rday - d > 365 + 14)
        continue;
      int dup = 0;
      for (size_t q = 0; q < nseen; q++)
        dup |= seen[q] == d;
      if (!dup && nseen < 16)
        seen[nseen++] = d;
    }
    if (!evidence) {
      ir_pf_add(p, &p->f->affirm, x, at->start, at->end);
      evidence = 1;
    }
  }
  long prior = (long)nseen > stated ? (long)nseen : stated;
  p->f->has_value = 1;
  p->f->ivalue = prior + 1 > blocks ? prior + 1 : blocks;
}

void ir_pf_value(pf *p) {
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
