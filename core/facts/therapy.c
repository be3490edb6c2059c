/* therapy.c - failed_physical_therapy, failed_nsaids, failed_muscle_relaxants.
 *
 * A therapy term ([physical_therapy], [nsaid], [muscle_relaxant]) takes
 * the outcome of the outcome-class phrases in the same part of its
 * sentence (between [contrast] hits), so a list of treatments followed by
 * one outcome ("PT, naproxen and Flexeril, with persistent pain") gives it
 * to each. The classes (OUTCOMES below, phrases in rules/lexicon/
 * therapy.lex) decide the fact: a failure class -> affirm (present),
 * unless a [side_effect] explains the stop; [helped] (a lasting success)
 * -> deny; [not_tried] before the therapy, or a negation -> deny.
 *
 * Constructions besides the shared part of a sentence:
 *  - "..., but her pain has not been controlled": the part right after a
 *    contrast names the pain, a failure, and no other therapy;
 *  - in the rationale, [tried] before the therapy while the rationale
 *    speaks of failure elsewhere (the reviewer concedes it);
 *  - umbrella terms (UMBRELLAS below: "conservative care has failed",
 *    "despite therapy and medications"): a failure of the umbrella is a
 *    failure of each therapy of its kind that the record names as tried;
 *    one that names none stays unknown;
 *  - history that another item's rationale restates ("He has failed
 *    physical therapy and NSAIDs" under an epidural item) affirms a
 *    failure for this item too (a failure is not regional); only
 *    affirmations are taken from there, never citations or denials;
 *  - the rationale's own denial ("the patient has not tried muscle
 *    relaxants") of a failure the summary documents is the reviewer's
 *    reading, not the record: it cites the criterion, and the summary
 *    decides the fact. */
#include "extract_int.h"

#include <string.h>

typedef enum { TO_FAIL, TO_SUCCESS, TO_SIDE_EFFECT } to_verdict;

/* The outcome classes: lexicon section -> what it says of the therapy. */
static const struct {
  int sec;
  const char *name; /* the class, as the lexicon comments name it */
  to_verdict v;
} OUTCOMES[] = {
    {IR_LEX_FAILED, "no effect", TO_FAIL},
    {IR_LEX_OUT_PARTIAL, "partial", TO_FAIL},
    {IR_LEX_OUT_TRANSIENT, "transient", TO_FAIL},
    {IR_LEX_OUT_PLATEAU, "plateaued", TO_FAIL},
    {IR_LEX_OUT_PERSISTS, "persists despite", TO_FAIL},
    {IR_LEX_HELPED, "success", TO_SUCCESS},
    {IR_LEX_SIDE_EFFECT, "stopped for side effects", TO_SIDE_EFFECT},
};
#define NOUTCOMES (sizeof OUTCOMES / sizeof *OUTCOMES)

/* Umbrella terms -> the therapy sections they stand for (-1 ends). */
static const struct {
  int sec;
  int covers[3];
} UMBRELLAS[] = {
    {IR_LEX_UMB_CONSERVATIVE, {IR_LEX_PT, IR_LEX_NSAID, IR_LEX_MR}},
    {IR_LEX_UMB_MEDICATION, {IR_LEX_NSAID, IR_LEX_MR, -1}},
    {IR_LEX_UMB_THERAPY, {IR_LEX_PT, -1, -1}},
};
#define NUMBRELLAS (sizeof UMBRELLAS / sizeof *UMBRELLAS)

static const int THERAPIES[] = {IR_LEX_PT, IR_LEX_NSAID, IR_LEX_MR};

static ir_secmask verdict_mask(to_verdict v) {
  ir_secmask m = 0;
  for (size_t i = 0; i < NOUTCOMES; i++)
    if (OUTCOMES[i].v == v)
      m |= IR_SEC_BIT(OUTCOMES[i].sec);
  return m;
}

/* Is hit h inside a hit of one of the sections in mask? */
static int covered_by(const ir_sent *s, ir_secmask mask, const ir_hit *h) {
  for (; mask; mask &= mask - 1) { /* each section of mask */
    int sec = ir_secmask_first(mask);
    size_t n;
    const ir_hit *o = ir_sent_hits(s, sec, &n);
    for (size_t i = 0; i < n; i++)
      if (o[i].start <= h->start && h->end <= o[i].end)
        return 1;
  }
  return 0;
}

static ir_secmask bit(int sec) { return IR_SEC_BIT(sec); }

/* A [pseudo_negation] hit voids an outcome phrase that it overlaps, unless
 * the phrase holds it and says more: "failed" in "failed back surgery" is
 * void, "no further improvement" and "no change in pain" are not. */
static int pseudo_voids(const ir_sent *s, const ir_hit *h) {
  size_t n;
  const ir_hit *p = ir_sent_hits(s, IR_LEX_PSEUDO, &n);
  for (size_t i = 0; i < n; i++) {
    if (!(p[i].start < h->end && h->start < p[i].end))
      continue;
    if (!(h->start <= p[i].start && p[i].end <= h->end &&
          p[i].end - p[i].start < h->end - h->start))
      return 1;
  }
  return 0;
}

/* A usable trigger of a section in mask within [lo, hi): not pseudo, not
 * negated itself, not inside a hit of a section in not_mask. */
static int trigger_in(const ir_sent *s, ir_secmask mask, size_t lo, size_t hi,
                      ir_secmask not_mask) {
  for (; mask; mask &= mask - 1) { /* each section of mask */
    int sec = ir_secmask_first(mask);
    size_t n;
    const ir_hit *h = ir_sent_hits(s, sec, &n);
    for (size_t i = 0; i < n; i++) {
      if (h[i].start < lo || h[i].end > hi || pseudo_voids(s, &h[i]))
        continue;
      if (not_mask && covered_by(s, not_mask, &h[i]))
        continue;
      if (ir_scope_negated(s, h[i].start, h[i].end))
        continue;
      return 1;
    }
  }
  return 0;
}

int ir_x_failure_phrase(const ir_sent *s, const ir_hit *h) {
  ir_secmask m = verdict_mask(TO_FAIL);
  for (; m; m &= m - 1) { /* each section of m */
    size_t n;
    const ir_hit *o = ir_sent_hits(s, ir_secmask_first(m), &n);
    for (size_t i = 0; i < n; i++)
      if (o[i].start < h->end && h->start < o[i].end)
        return 1;
  }
  return 0;
}

static int rationale_fails(const xletter *xl, int i) {
  ir_secmask m = verdict_mask(TO_FAIL);
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (x->region != XR_RATIONALE || x->item != i)
      continue;
    for (size_t j = 0; j < NOUTCOMES; j++)
      if ((m & bit(OUTCOMES[j].sec)) && ir_sent_has_any(&x->s, OUTCOMES[j].sec))
        return 1;
  }
  return 0;
}

/* The part of the sentence around t between [contrast] hits ("but",
 * "however", ';'): a therapy and its outcome may sit in different clauses
 * ("tizanidine, which he says does not help"). */
static void contrast_span(const ir_sent *s, const ir_hit *t, size_t *lo,
                          size_t *hi) {
  size_t n;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_CONTRAST, &n);
  *lo = s->start;
  *hi = s->end;
  for (size_t i = 0; i < n; i++) {
    if (h[i].end <= t->start && h[i].end > *lo)
      *lo = h[i].end;
    if (h[i].start >= t->end && h[i].start < *hi)
      *hi = h[i].start;
  }
}

/* "He had 18 physical therapy visits, but his pain has not been
 * controlled" / "...; the improvement it brought was not sustained":
 * right after the therapy's part of the sentence, a contrast opens a part
 * that names the pain or refers back to the therapy's effect
 * ([outcome_referent]),
 * states a failure, and names no other therapy. chi is where the therapy's
 * part ends (the contrast hit's start, or the sentence end). */
static int pain_fails_after(const ir_sent *s, size_t chi) {
  size_t n, lo = 0, hi = s->end;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_CONTRAST, &n);
  for (size_t i = 0; i < n && !lo; i++)
    if (h[i].start == chi)
      lo = h[i].end;
  if (!lo)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= lo && h[i].start < hi)
      hi = h[i].start;
  for (size_t i = 0; i < sizeof THERAPIES / sizeof *THERAPIES; i++)
    if (ir_sent_has(s, THERAPIES[i], lo, hi))
      return 0;
  return ir_sent_has(s, IR_LEX_OUT_REFERENT, lo, hi) &&
         trigger_in(s, verdict_mask(TO_FAIL), lo, hi, bit(IR_LEX_NEG_PRE));
}

/* "NSAIDs have not been tried": a [not_tried] phrase right after. */
static int not_tried_after(const ir_sent *s, const ir_hit *t, size_t hi) {
  size_t n;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_NOT_TRIED, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= t->end && h[i].end <= hi &&
        ir_words_between(s->text, t->end, h[i].start) <= 3 &&
        !ir_scope_negated(s, h[i].start, h[i].end))
      return 1; /* not "it is not true that NSAIDs have not been tried" */
  return 0;
}

/* Rationale sentence x (in xl->all) is a recital that the next sentence
 * grants to this patient ([concession]: "The employee meets each of these
 * requirements"): the recital's conditions are then the record's. */
static int conceded(const xletter *xl, const xsent *x) {
  if (x < xl->all || x + 1 >= xl->all + xl->nall)
    return 0;
  const xsent *y = x + 1;
  if (y->region != XR_RATIONALE || y->item != x->item ||
      ir_scope_recital(&y->s))
    return 0;
  size_t n;
  const ir_hit *h = ir_sent_hits(&y->s, IR_LEX_CONCESSION, &n);
  for (size_t i = 0; i < n; i++)
    if (!ir_scope_negated(&y->s, h[i].start, h[i].end) &&
        !ir_scope_hypothetical(&y->s, h[i].start, h[i].end))
      return 1;
  return 0;
}

/* One therapy (or umbrella) occurrence of sentence x (in xl->all): XC_*
 * outcome. failed_context: the item's rationale speaks of failure. */
/* "physical therapy for her knee", "PT to the right wrist": the therapy
 * treated a limb ([region_elsewhere], the object of a for / to / of / on
 * right after it), not the spine an injection item is about. */
static int elsewhere(const ir_sent *s, const ir_hit *t) {
  size_t n;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_REG_ELSEWHERE, &n);
  for (size_t i = 0; i < n; i++) {
    if (h[i].start < t->end || ir_phrase_words(s->text, t->end, h[i].start) > 3)
      continue;
    const char *p = s->text + t->end;
    while (p < s->text + h[i].start && *p == ' ')
      p++;
    static const char *const prep[] = {"for ", "to ", "of ", "on "};
    for (size_t k = 0; k < sizeof prep / sizeof *prep; k++) {
      size_t l = strlen(prep[k]);
      if (strncasecmp(p, prep[k], l))
        continue;
      const char *q = p + l; /* the limb is the preposition's object */
      while (*q == ' ')
        q++;
      if (q == s->text + h[i].start)
        return 1;
    }
  }
  return 0;
}

static int therapy_outcome(const xletter *xl, const xsent *x, const ir_hit *t,
                           int failed_context) {
  const ir_sent *s = &x->s;
  int rat = x->region == XR_RATIONALE;
  int granted = rat && conceded(xl, x);
  ir_secmask fail = verdict_mask(TO_FAIL);
  if (x->region != XR_SUMMARY && !rat)
    return XC_NONE;
  if (ir_scope_attributed(s, t->end) || elsewhere(s, t))
    return XC_NONE;
  int c = ir_scope_cited(s, t->start, t->end);
  if (rat && c == 1 && ir_x_doc_cite(s, t->start, t->end))
    return XC_CITE;
  if (rat && !granted && ir_scope_recital_at(s, t->start, t->end))
    return XC_NONE;
  if (c == 2 || (c == 1 && (rat || ir_x_doc_cite(s, t->start, t->end))))
    return c == 1 && rat ? XC_CITE : XC_NONE;
  /* in the summary, "PT did not provide relief" is no documentation
   * phrase: the therapy is read for its outcome below */
  if (!granted && ir_scope_hypothetical(s, t->start, t->end))
    return XC_NONE;
  size_t lo, hi, clo, chi;
  ir_scope_clause(s, t->start, t->end, &lo, &hi);
  contrast_span(s, t, &clo, &chi);
  if (trigger_in(s, bit(IR_LEX_NOT_TRIED), lo, t->start, fail) ||
      not_tried_after(s, t, chi < hi ? chi : hi))
    return XC_DENY;
  ir_secmask side = verdict_mask(TO_SIDE_EFFECT);
  int stop = 0;
  for (size_t i = 0; i < NOUTCOMES && !stop; i++)
    if (side & bit(OUTCOMES[i].sec))
      stop = ir_sent_has(s, OUTCOMES[i].sec, clo, chi);
  if (trigger_in(s, fail, clo, chi, bit(IR_LEX_NEG_PRE)))
    return stop ? XC_NONE : XC_AFFIRM;
  if (stop)
    return XC_NONE; /* stopped or not tolerated: not a failure */
  /* "X helped in 2011, but the relief wore off": the later part, about
   * the same effect, decides over the earlier success */
  if (pain_fails_after(s, chi))
    return XC_AFFIRM;
  if (trigger_in(s, verdict_mask(TO_SUCCESS), clo, chi, fail))
    return XC_DENY;
  /* a double negation ("it is not the case that X did not fail") turns
   * the outcome, not the therapy's own presence */
  if (ir_scope_negated(s, t->start, t->end) &&
      !ir_scope_flipped(s, t->start, t->end))
    return XC_DENY;
  if (pain_fails_after(s, chi))
    return XC_AFFIRM;
  if (rat && failed_context &&
      trigger_in(s, bit(IR_LEX_TRIED), lo, t->start, bit(IR_LEX_NOT_TRIED)))
    return XC_AFFIRM;
  return XC_NONE;
}

/* Every sentence the failed-therapy facts of item i may read: the
 * summary and every item's rationale (other items' only for history). */
static int readable(const xsent *x) {
  return x->region == XR_SUMMARY || x->region == XR_RATIONALE;
}

/* Does the record name therapy sec as tried: an occurrence that is not
 * attributed, cited, hypothetical, a recital, negated, not tried, a
 * request, or a success? */
static int named_tried(const xletter *xl, int sec) {
  for (size_t k = 0; k < xl->nall; k++) {
    const xsent *x = &xl->all[k];
    size_t n;
    const ir_hit *h = readable(x) ? ir_sent_hits(&x->s, sec, &n) : NULL;
    for (size_t j = 0; h && j < n; j++) {
      const ir_sent *s = &x->s;
      size_t lo, hi;
      if (ir_scope_attributed(s, h[j].end) ||
          ir_scope_cited(s, h[j].start, h[j].end) ||
          ir_scope_hypothetical(s, h[j].start, h[j].end) ||
          ir_scope_negated(s, h[j].start, h[j].end) ||
          (x->region == XR_RATIONALE &&
           ir_scope_recital_at(s, h[j].start, h[j].end)))
        continue;
      ir_scope_clause(s, h[j].start, h[j].end, &lo, &hi);
      if (ir_sent_has(s, IR_LEX_REQUEST, lo, hi))
        continue;
      int c = therapy_outcome(xl, x, &h[j], 0);
      if (c == XC_NONE || c == XC_AFFIRM)
        return 1;
    }
  }
  return 0;
}

/* The umbrella hit h is the head noun of a named therapy ("anti-
 * inflammatory medications"): that therapy speaks for itself. */
static int umbrella_of_term(const ir_sent *s, const ir_hit *h) {
  for (size_t i = 0; i < sizeof THERAPIES / sizeof *THERAPIES; i++) {
    size_t n;
    const ir_hit *o = ir_sent_hits(s, THERAPIES[i], &n);
    for (size_t j = 0; j < n; j++)
      if (o[j].end <= h->start && o[j].end + 1 >= h->start)
        return 1;
  }
  return 0;
}

typedef struct {
  const xsent *x;
  size_t lo, hi;
} pending;

static void therapy_fact(xletter *xl, int i, int sec, ir_criterion crit,
                         int ctx) {
  ir_item *it = &xl->l->items.v[i];
  ir_fact *f = &it->facts[crit];
  int summary_fails = 0;
  IR_VEC(pending) rdeny = {0};
  for (size_t k = 0; k < xl->nall; k++) {
    const xsent *x = &xl->all[k];
    if (!(x->s.secs & IR_SENT_SECBIT(sec)))
      continue; /* no hit of sec: most sentences */
    int own = ir_x_in_item(x, i);
    if (!readable(x) || (!own && x->region != XR_RATIONALE))
      continue;
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, sec, &n);
    for (size_t j = 0; j < n; j++) {
      int c = therapy_outcome(xl, x, &h[j], own && ctx);
      if (!own) { /* another item's rationale: restated history */
        if (c == XC_AFFIRM)
          ir_x_add_ev(xl, &f->affirm, x, h[j].start, h[j].end);
        continue;
      }
      if (c == XC_AFFIRM) {
        ir_x_add_ev(xl, &f->affirm, x, h[j].start, h[j].end);
        summary_fails |= x->region == XR_SUMMARY;
      } else if (c == XC_DENY && x->region == XR_RATIONALE) {
        pending p = {x, h[j].start, h[j].end};
        ir_vec_push(xl->a, &rdeny, p);
      } else if (c == XC_DENY)
        ir_x_add_ev(xl, &f->deny, x, h[j].start, h[j].end);
      if (c == XC_CITE || (c == XC_DENY && x->region == XR_RATIONALE))
        ir_x_cite(xl, it, crit, x, h[j].start, h[j].end);
    }
  }
  /* the reviewer's denial of what the summary documents: a citation */
  for (size_t k = 0; k < rdeny.n && !summary_fails; k++)
    ir_x_add_ev(xl, &f->deny, rdeny.v[k].x, rdeny.v[k].lo, rdeny.v[k].hi);
}

static void umbrella_facts(xletter *xl, int i, int ctx) {
  ir_item *it = &xl->l->items.v[i];
  int named[sizeof THERAPIES / sizeof *THERAPIES] = {-1, -1, -1};
  uint64_t umb = 0; /* the umbrella sections' filter bits */
  for (size_t u = 0; u < NUMBRELLAS; u++)
    umb |= IR_SENT_SECBIT(UMBRELLAS[u].sec);
  for (size_t k = 0; k < xl->nall; k++) {
    const xsent *x = &xl->all[k];
    if (!(x->s.secs & umb))
      continue; /* no umbrella hit: most sentences */
    int own = ir_x_in_item(x, i);
    if (!readable(x) || (!own && x->region != XR_RATIONALE))
      continue;
    for (size_t u = 0; u < NUMBRELLAS; u++) {
      size_t n;
      const ir_hit *h = ir_sent_hits(&x->s, UMBRELLAS[u].sec, &n);
      for (size_t j = 0; j < n; j++) {
        if (umbrella_of_term(&x->s, &h[j]) ||
            therapy_outcome(xl, x, &h[j], own && ctx) != XC_AFFIRM)
          continue;
        for (size_t c = 0; c < 3 && UMBRELLAS[u].covers[c] >= 0; c++) {
          int sec = UMBRELLAS[u].covers[c];
          size_t t = sec == IR_LEX_PT ? 0 : sec == IR_LEX_NSAID ? 1 : 2;
          if (named[t] < 0)
            named[t] = named_tried(xl, sec);
          if (named[t])
            ir_x_add_ev(xl, &it->facts[IR_CRIT_FAILED_PT + t].affirm, x,
                        h[j].start, h[j].end);
        }
      }
    }
  }
}

void ir_x_therapy(xletter *xl, int i) {
  _Static_assert(IR_CRIT_FAILED_NSAIDS == IR_CRIT_FAILED_PT + 1 &&
                     IR_CRIT_FAILED_MR == IR_CRIT_FAILED_PT + 2,
                 "failed_* criteria are consecutive");
  int ctx = rationale_fails(xl, i);
  therapy_fact(xl, i, IR_LEX_PT, IR_CRIT_FAILED_PT, ctx);
  therapy_fact(xl, i, IR_LEX_NSAID, IR_CRIT_FAILED_NSAIDS, ctx);
  therapy_fact(xl, i, IR_LEX_MR, IR_CRIT_FAILED_MR, ctx);
  umbrella_facts(xl, i, ctx);
}
