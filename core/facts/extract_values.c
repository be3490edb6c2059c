/* extract_values.c - injection_count and injectate of one item.
 *
 * Both come from the item's title first (when it names a trigger point
 * injection or the item is a tpi item); only when the title states nothing
 * from text about the injection: a sentence clause naming a trigger point
 * injection, not hypothetical, not a guideline recital and not a prior
 * injection ([performed] in the clause, for the count). Statements that
 * UR modified "TPI (x1) with Ketorolac" still describe the request, so
 * attribution does not exclude them. A count after another treatment
 * named since the last injection term ([other_service], physical therapy,
 * an oral drug) is that treatment's. The count is the first capturing
 * group of a [count] entry (digits or a number word); the injectate is the
 * set of classes of [injectate_*] entries, each within 120 bytes of the
 * injection term and nearer to it than any other injection type, or after
 * a [request] phrase in its clause ("the request is for lidocaine only");
 * where a region says what the request is for, its other mentions are
 * other injections' and do not count. */
#include "extract_int.h"

#include <ctype.h>
#include <string.h>

static const char *const class_names[] = {
    "local_anesthetic", "steroid",   "nsaid", "saline",
    "dextrose",         "botulinum", "other"};
static const int class_secs[] = {IR_LEX_INJ_LA,       IR_LEX_INJ_STEROID,
                                 IR_LEX_INJ_NSAID,    IR_LEX_INJ_SALINE,
                                 IR_LEX_INJ_DEXTROSE, IR_LEX_INJ_BOTULINUM,
                                 IR_LEX_INJ_OTHER};
#define NCLASS 7

/* The injectate classes' section filter bits (see ir_sent.secs). */
static uint64_t class_bits(void) {
  uint64_t b = 0;
  for (int c = 0; c < NCLASS; c++)
    b |= IR_SENT_SECBIT(class_secs[c]);
  return b;
}

long ir_x_word_number(const char *s, size_t n) {
  static const char *const w[] = {"zero", "one",    "two",   "three", "four",
                                  "five", "six",    "seven", "eight", "nine",
                                  "ten",  "eleven", "twelve"};
  if (n > 6)
    return -1;
  char b[8];
  for (size_t i = 0; i < n; i++)
    b[i] = (char)tolower((unsigned char)s[i]);
  b[n] = 0;
  if (!strcmp(b, "single") || !strcmp(b, "a") || !strcmp(b, "an"))
    return 1;
  for (int i = 0; i < 13; i++)
    if (!strcmp(b, w[i]))
      return i;
  return -1;
}

static long count_value(const char *t, const ir_hit *h) {
  long v = ir_x_hit_number(t, h);
  if (v < 0 && h->g1s >= 0)
    v = ir_x_word_number(t + h->g1s, (size_t)(h->g1e - h->g1s));
  return v > 0 && v < 1000 ? v : -1;
}

static size_t dist(size_t a, size_t b) { return a > b ? a - b : b - a; }

/* Nearest injection term to p within the clause [lo, hi): a trigger point
 * injection, or "injections" in a sentence naming no other injection. */
static size_t sec_dist(const ir_sent *s, int sec, size_t p, size_t lo,
                       size_t hi) {
  size_t n, best = (size_t)-1;
  const ir_hit *h = ir_sent_hits(s, sec, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= lo && h[i].end <= hi) {
      size_t d = h[i].end <= p ? p - h[i].end : dist(h[i].start, p);
      if (d < best)
        best = d;
    }
  return best;
}

static size_t tpi_dist(const ir_sent *s, size_t p, size_t lo, size_t hi) {
  size_t d = sec_dist(s, IR_LEX_TPI, p, lo, hi);
  if (!ir_sent_has_any(s, IR_LEX_OTHER_INJ)) {
    size_t d2 = sec_dist(s, IR_LEX_INJ_WORD, p, lo, hi);
    if (d2 < d)
      d = d2;
  }
  return d;
}

/* Does the sentence carry a date that the item's title also states (the
 * injection under review, "DOS 01/14/2015")? */
static int title_date_in(const xletter *xl, const xsent *x, int item) {
  for (size_t i = x->d0; i < x->d0 + x->dn; i++) {
    const xdate *d = &xl->dates[i];
    for (size_t j = 0; j < xl->ndates; j++) {
      const xsent *t = &xl->v[xl->dates[j].sent];
      if (t->region == XR_TITLE && t->item == item &&
          !strcmp(xl->dates[j].iso, d->iso))
        return 1;
    }
  }
  return 0;
}

/* "injection of Toradol 60 mg": a drug right after the injection term
 * (of, with, using) is what is injected, not another service. */
static int injected(const ir_sent *s, size_t inj_end, const ir_hit *h) {
  static const char *const link[] = {" of ", " with ", " using "};
  size_t gap = h->start - inj_end;
  for (size_t k = 0; k < sizeof link / sizeof *link; k++)
    if (gap == strlen(link[k]) && !strncasecmp(s->text + inj_end, link[k], gap))
      return 1;
  return 0;
}

/* Does another treatment ([other_service], physical therapy, an oral
 * drug) stand between the last injection term before p and p? ("trigger
 * point injections and acupuncture x 6": the 6 is the acupuncture's.)
 * With no injection term before p, a count right after the treatment
 * (at most one word between) is the treatment's. */
static int other_service_before(const ir_sent *s, size_t p) {
  static const int other[] = {IR_LEX_OTHER_SERVICE, IR_LEX_PT, IR_LEX_NSAID,
                              IR_LEX_MR};
  size_t et = ir_x_last_end(s, IR_LEX_TPI, p);
  size_t ew = ir_x_last_end(s, IR_LEX_INJ_WORD, p);
  size_t last = et > ew ? et : ew, n;
  for (size_t k = 0; k < sizeof other / sizeof *other; k++) {
    const ir_hit *h = ir_sent_hits(s, other[k], &n);
    for (size_t i = 0; i < n; i++) {
      if (h[i].start < last || h[i].end > p)
        continue;
      /* right after the treatment ("Acupuncture x4 and trigger point
       * injections", "Norco #40"), even with no injection term before */
      if (last ? !injected(s, last, &h[i])
               : ir_phrase_words(s->text, h[i].end, p) <= 1)
        return 1;
    }
  }
  return 0;
}

/* "the request is for lidocaine only": a [request] phrase before h in its
 * clause, in a sentence that names no other injection type and at most one
 * trigger point injection, names what the item requests. */
static int requested_here(const ir_sent *s, const ir_hit *h) {
  size_t lo, hi, ntpi;
  ir_scope_clause(s, h->start, h->end, &lo, &hi);
  ir_sent_hits(s, IR_LEX_TPI, &ntpi);
  /* a sentence naming two requested injections ("... to the lumbar spine
   * with lidocaine and Kenalog, and ... to the trapezius with lidocaine")
   * binds each substance to its nearest injection instead */
  return ntpi <= 1 && !ir_sent_has_any(s, IR_LEX_OTHER_INJ) &&
         ir_sent_has(s, IR_LEX_REQUEST, lo, h->start);
}

/* Is a count/injectate occurrence at hit h in sentence x about the
 * requested injection? title: any; text: see the file comment. */
static int usable(const xletter *xl, const xsent *x, const ir_hit *h,
                  int for_count, int item) {
  const ir_sent *s = &x->s;
  if (x->region == XR_TITLE)
    return 1;
  if (x->region == XR_RATIONALE && ir_scope_recital(s))
    return 0;
  if (ir_scope_conditional(s, h->start, h->end) ||
      ir_scope_negated(s, h->start, h->end))
    return 0; /* a plan ("will be injected with") still states the request */
  size_t lo, hi;
  ir_scope_clause(s, h->start, h->end, &lo, &hi);
  if (ir_x_other_request(xl, x, h->start))
    return 0;
  if (!for_count && requested_here(s, h))
    return 1;
  if (tpi_dist(s, h->start, lo, hi) > 120 ||
      (ir_sent_has_any(s, IR_LEX_OTHER_INJ) && !ir_x_about_tpi(s, h->start)))
    return 0;
  if (for_count && ir_sent_has(s, IR_LEX_DONE, lo, hi) &&
      !title_date_in(xl, x, item))
    return 0;
  if (for_count && other_service_before(s, h->start))
    return 0;
  return 1;
}

static int title_applies(const xletter *xl, int i) {
  const ir_item *it = &xl->l->items.v[i];
  for (size_t k = 0; k < xl->n; k++)
    if (xl->v[k].region == XR_TITLE && xl->v[k].item == i &&
        ir_sent_has_any(&xl->v[k].s, IR_LEX_TPI))
      return 1;
  return it->category && !strcmp(it->category, "tpi");
}

/* Region order: title, rationale, summary. */
static const int order[] = {XR_TITLE, XR_RATIONALE, XR_SUMMARY};

static void count_fact(xletter *xl, int i, int title_ok) {
  ir_fact *f = &xl->l->items.v[i].facts[IR_CRIT_INJECTION_COUNT];
  for (int o = title_ok ? 0 : 1; o < 3 && !f->has_value; o++) {
    for (size_t k = 0; k < xl->n; k++) {
      const xsent *x = &xl->v[k];
      if (x->region != order[o] || !ir_x_in_region(xl, x, i))
        continue;
      size_t n;
      const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_NUM, &n);
      for (size_t j = 0; j < n; j++) {
        long v = count_value(x->s.text, &h[j]);
        if (v < 0 || !usable(xl, x, &h[j], 1, i))
          continue;
        f->has_value = 1;
        f->ivalue = v; /* the summary's last mention wins */
        f->affirm.n = 0;
        ir_x_add_ev(xl, &f->affirm, x, h[j].start, h[j].end);
        if (order[o] != XR_SUMMARY)
          break;
      }
      if (f->has_value && order[o] != XR_SUMMARY)
        break;
    }
  }
}

/* A title of an injection that is not a trigger point injection
 * ("Toradol 60mg intramuscular injection", "Kenalog IM shot"). */
static int other_injection_title(const ir_item *it) {
  const char *t = it->title.text;
  if (!t || (it->category && !strcmp(it->category, "tpi")))
    return 0;
  static const char *const w[] = {"inject", "intramuscular", " IM ", "shot"};
  for (size_t k = 0; k < sizeof w / sizeof *w; k++)
    for (size_t p = 0; t[p]; p++)
      if (!strncasecmp(t + p, w[k], strlen(w[k])))
        return 1;
  return 0;
}

/* Does another decided item, a separate injection, name the drug at h in
 * its title ("Toradol 60mg intramuscular injection: Upheld")? Outside a
 * "with" link to the trigger point injections, the letter then speaks of
 * that item. */
static int other_item_drug(const xletter *xl, const xsent *x, const ir_hit *h,
                           int i) {
  if (x->region == XR_TITLE || ir_x_with_link(&x->s, h->start) == 1)
    return 0;
  size_t len = h->end - h->start;
  const ir_letter *l = xl->l;
  for (size_t k = 0; k < l->items.n; k++) {
    const char *t = l->items.v[k].title.text;
    if ((int)k == i || !other_injection_title(&l->items.v[k]))
      continue;
    for (size_t p = 0; t[p] && len; p++)
      if (!strncasecmp(t + p, x->s.text + h->start, len))
        return 1;
  }
  return 0;
}

/* The title names a distinctive substance (anything but a local
 * anesthetic: "with Toradol") and the record describes the same injection
 * with that substance among others ("Toradol 60 mg mixed with 4 cc of 1%
 * lidocaine"): the mixture's other classes belong to the item too. A
 * sentence about an injection already given ([performed]) describes the
 * item's injection only when it carries the title's date. */
static void complete_mixture(xletter *xl, int i, int *seen, ir_fact *f) {
  uint64_t cb = class_bits();
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (!(x->s.secs & cb) || /* (no injectate: most sentences) */
        (x->region != XR_SUMMARY && x->region != XR_RATIONALE) ||
        !ir_x_in_region(xl, x, i))
      continue;
    int here[NCLASS] = {0}, shared = 0;
    for (int c = 0; c < NCLASS; c++) {
      size_t n;
      const ir_hit *h = ir_sent_hits(&x->s, class_secs[c], &n);
      for (size_t j = 0; j < n && !here[c]; j++) {
        size_t lo, hi;
        ir_scope_clause(&x->s, h[j].start, h[j].end, &lo, &hi);
        if (usable(xl, x, &h[j], 0, i) && !other_item_drug(xl, x, &h[j], i) &&
            (!ir_sent_has(&x->s, IR_LEX_DONE, lo, hi) ||
             title_date_in(xl, x, i)))
          here[c] = 1;
      }
      shared |= here[c] && seen[c] && class_secs[c] != IR_LEX_INJ_LA;
    }
    for (int c = 0; c < NCLASS && shared; c++)
      if (here[c] && !seen[c]) {
        seen[c] = 1;
        ir_x_add_ev(xl, &f->affirm, x, x->s.start, x->s.end);
      }
  }
}

/* An injectate in a clause about injections already given ([performed],
 * not carrying the title's date): "Injections in 2013 used Botox; this
 * request is for lidocaine only". */
static int past_clause(const xletter *xl, const xsent *x, const ir_hit *h,
                       int i) {
  size_t lo, hi;
  if (x->region == XR_TITLE)
    return 0;
  ir_scope_clause(&x->s, h->start, h->end, &lo, &hi);
  return ir_sent_has(&x->s, IR_LEX_DONE, lo, hi) && !title_date_in(xl, x, i);
}

/* The injectate: the first region (title, rationale, summary) naming one;
 * substances of injections already given count only when nothing names
 * the requested one's. */
static void injectate_fact(xletter *xl, int i, int title_ok) {
  ir_fact *f = &xl->l->items.v[i].facts[IR_CRIT_INJECTATE];
  int seen[NCLASS] = {0}, past[NCLASS] = {0};
  int any = 0, any_past = 0, from_title = 0;
  ir_evlist past_ev = {0};
  uint64_t cb = class_bits();
  for (int o = title_ok ? 0 : 1; o < 3 && !any; o++) {
    /* where the region says what the request is for ("this request is for
     * lidocaine only"), its other mentions describe other injections
     * ("injections in 2013 used Botox") */
    int req_only = 0;
    for (size_t k = 0; k < xl->n; k++) {
      const xsent *x = &xl->v[k];
      if (!(x->s.secs & cb) || x->region != order[o] || order[o] == XR_TITLE ||
          !ir_x_in_region(xl, x, i))
        continue;
      for (int c = 0; c < NCLASS && !req_only; c++) {
        size_t n;
        const ir_hit *h = ir_sent_hits(&x->s, class_secs[c], &n);
        for (size_t j = 0; j < n && !req_only; j++)
          req_only = requested_here(&x->s, &h[j]) &&
                     usable(xl, x, &h[j], 0, i) &&
                     !other_item_drug(xl, x, &h[j], i);
      }
    }
    for (size_t k = 0; k < xl->n; k++) {
      const xsent *x = &xl->v[k];
      if (!(x->s.secs & cb) || x->region != order[o] ||
          !ir_x_in_region(xl, x, i))
        continue;
      for (int c = 0; c < NCLASS; c++) {
        size_t n;
        const ir_hit *h = ir_sent_hits(&x->s, class_secs[c], &n);
        for (size_t j = 0; j < n; j++) {
          if (!usable(xl, x, &h[j], 0, i) || other_item_drug(xl, x, &h[j], i) ||
              (req_only && !requested_here(&x->s, &h[j])))
            continue;
          if (past_clause(xl, x, &h[j], i)) {
            if (!any_past || !past[c])
              ir_x_add_ev(xl, &past_ev, x, h[j].start, h[j].end);
            past[c] = any_past = 1;
            continue;
          }
          ir_x_add_ev(xl, &f->affirm, x, h[j].start, h[j].end);
          seen[c] = 1;
          any = 1;
          from_title = order[o] == XR_TITLE;
        }
      }
    }
  }
  if (!any && any_past) {
    memcpy(seen, past, sizeof seen);
    f->affirm = past_ev;
    any = 1;
  }
  if (from_title)
    complete_mixture(xl, i, seen, f);
  for (int c = 0; c < NCLASS; c++)
    if (seen[c])
      ir_vec_push(xl->a, &f->list, class_names[c]);
  f->has_value = any;
}

void ir_x_values(xletter *xl, int i) {
  int title_ok = title_applies(xl, i);
  count_fact(xl, i, title_ok);
  injectate_fact(xl, i, title_ok);
  ir_x_other_cites(xl, i);
}
