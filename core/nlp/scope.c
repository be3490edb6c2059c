/* scope.c - trigger scope inside one sentence (see scope.h). */
#include "scope.h"

#include <string.h>

int ir_hit_overlaps(const ir_sent *s, int sec, const ir_hit *h) {
  size_t n;
  const ir_hit *o = ir_sent_hits(s, sec, &n);
  for (size_t i = 0; i < n; i++)
    if (o[i].start < h->end && h->start < o[i].end)
      return 1;
  return 0;
}

int ir_hit_pseudo(const ir_sent *s, const ir_hit *h) {
  return ir_hit_overlaps(s, IR_LEX_PSEUDO, h);
}

int ir_sent_has(const ir_sent *s, int sec, size_t lo, size_t hi) {
  size_t n;
  const ir_hit *h = ir_sent_hits(s, sec, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= lo && h[i].end <= hi && !ir_hit_pseudo(s, &h[i]))
      return 1;
  return 0;
}

size_t ir_words_between(const char *text, size_t a, size_t b) {
  size_t w = 0;
  int in = 0;
  for (size_t i = a; i < b; i++) {
    int sp = text[i] == ' ' || text[i] == '\n';
    if (!sp && !in)
      w++;
    in = !sp;
  }
  return w;
}

size_t ir_phrase_words(const char *text, size_t a, size_t b) {
  if (memchr(text + a, ',', b - a) || memchr(text + a, ';', b - a))
    return (size_t)-1;
  return ir_words_between(text, a, b);
}

/* The [parenthetical] hit that holds [a, b), or NULL. */
static const ir_hit *paren_of(const ir_sent *s, size_t a, size_t b) {
  size_t n;
  const ir_hit *p = ir_sent_hits(s, IR_LEX_PAREN, &n);
  for (size_t i = 0; i < n; i++)
    if (p[i].start <= a && b <= p[i].end)
      return &p[i];
  return NULL;
}

/* Is hit h inside an insertion (", despite repeated palpation,") that does
 * not also hold the term [ts, te)? Then it speaks of the insertion only. */
static int in_other_paren(const ir_sent *s, const ir_hit *h, size_t ts,
                          size_t te) {
  const ir_hit *p = paren_of(s, h->start, h->end);
  return p && !(p->start <= ts && te <= p->end);
}

size_t ir_scope_words(const ir_sent *s, size_t a, size_t b) {
  size_t w = ir_words_between(s->text, a, b), n;
  const ir_hit *p = ir_sent_hits(s, IR_LEX_PAREN, &n);
  for (size_t i = 0; i < n; i++)
    if (p[i].start >= a && p[i].end <= b)
      w -= ir_words_between(s->text, p[i].start, p[i].end);
  return w;
}

/* Does c occur in [a, b) outside the insertions wholly inside it? */
static int has_char(const ir_sent *s, size_t a, size_t b, char c) {
  for (size_t k = a; k < b; k++) {
    if (s->text[k] != c)
      continue;
    size_t n;
    const ir_hit *p = ir_sent_hits(s, IR_LEX_PAREN, &n);
    int inside = 0;
    for (size_t i = 0; i < n && !inside; i++)
      inside =
          p[i].start >= a && p[i].end <= b && p[i].start <= k && k < p[i].end;
    if (!inside)
      return 1;
  }
  return 0;
}

/* Clause bounds using the hits of section sec as terminators. */
static void bounds(const ir_sent *s, int sec, size_t ts, size_t te, size_t *lo,
                   size_t *hi) {
  size_t n;
  const ir_hit *h = ir_sent_hits(s, sec, &n);
  for (size_t i = 0; i < n; i++) {
    if (ir_hit_pseudo(s, &h[i]) || in_other_paren(s, &h[i], ts, te))
      continue;
    if (h[i].end <= ts && h[i].end > *lo)
      *lo = h[i].end;
    if (h[i].start >= te && h[i].start < *hi)
      *hi = h[i].start;
  }
}

void ir_scope_clause(const ir_sent *s, size_t ts, size_t te, size_t *lo,
                     size_t *hi) {
  *lo = s->start;
  *hi = s->end;
  bounds(s, IR_LEX_TERMINATOR, ts, te, lo, hi);
}

/* "trigger points, a twitch response, no radiculopathy, and failure of
 * physical therapy": a negation that opens one item in the middle of a
 * list ends at that item's comma (one that opens the list, "no twitch,
 * referral or radiculopathy", covers the list). */
static int mid_list_item(const ir_sent *s, const ir_hit *neg, size_t ts) {
  size_t p = neg->start;
  while (p > s->start && s->text[p - 1] == ' ')
    p--;
  return p > s->start && s->text[p - 1] == ',' &&
         has_char(s, neg->end, ts, ',');
}

/* "no atrophy, no spasm, and a twitch response": the members of this list
 * carry their own negations, so the one that opens it covers only its own
 * member; a later member without one is not negated. */
static int own_negations_list(const ir_sent *s, const ir_hit *h, size_t n,
                              size_t i, size_t ts) {
  for (size_t j = i + 1; j < n; j++)
    if (h[j].start >= h[i].end && h[j].end <= ts && mid_list_item(s, &h[j], ts))
      return 1;
  return 0;
}

int ir_scope_negated(const ir_sent *s, size_t ts, size_t te) {
  return ir_scope_negated_apart(s, ts, te, -1);
}

/* Is trigger h usable for the term [ts, te): not pseudo, not part of a
 * double negation (which speaks for itself), not inside another insertion,
 * not overlapping a hit of section skip? */
static int usable(const ir_sent *s, const ir_hit *h, size_t ts, size_t te,
                  int skip) {
  return !ir_hit_pseudo(s, h) && !ir_hit_overlaps(s, IR_LEX_NEG_FLIP, h) &&
         !in_other_paren(s, h, ts, te) &&
         (skip < 0 || !ir_hit_overlaps(s, skip, h));
}

/* The plain negation of the term (no double negation considered). */
static int negated_plain(const ir_sent *s, size_t ts, size_t te, size_t lo,
                         size_t hi, int skip) {
  size_t n;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_NEG_CLAUSE, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= lo && h[i].end <= ts && usable(s, &h[i], ts, te, skip))
      return 1;
  h = ir_sent_hits(s, IR_LEX_NEG_PRE, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= lo && h[i].end <= ts && usable(s, &h[i], ts, te, skip) &&
        ir_scope_words(s, h[i].end, ts) <= IR_NEG_WINDOW &&
        !mid_list_item(s, &h[i], ts) && !own_negations_list(s, h, n, i, ts))
      return 1;
  h = ir_sent_hits(s, IR_LEX_NEG_POST, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= te && h[i].end <= hi && usable(s, &h[i], ts, te, skip) &&
        ir_scope_words(s, te, h[i].start) <= IR_NEG_POST_WINDOW &&
        !has_char(s, te, h[i].start, ','))
      return 1;
  h = ir_sent_hits(s, IR_LEX_NEG_RESULT, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= te && h[i].end <= hi && usable(s, &h[i], ts, te, skip) &&
        ir_scope_words(s, te, h[i].start) <= IR_NEG_RESULT_WINDOW &&
        !has_char(s, te, h[i].start, ',') && !has_char(s, te, h[i].start, ';'))
      return 1;
  return 0;
}

int ir_scope_flipped(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi, n;
  ir_scope_clause(s, ts, te, &lo, &hi);
  const ir_hit *h = ir_sent_hits(s, IR_LEX_NEG_FLIP, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= lo && h[i].end <= ts && !ir_hit_pseudo(s, &h[i]) &&
        !in_other_paren(s, &h[i], ts, te) && !has_char(s, h[i].end, ts, ':'))
      return 1;
  return 0;
}

int ir_scope_negated_apart(const ir_sent *s, size_t ts, size_t te, int skip) {
  size_t lo, hi;
  ir_scope_clause(s, ts, te, &lo, &hi);
  int neg = negated_plain(s, ts, te, lo, hi, skip);
  /* "it is not true that there was no twitch response": the outer
   * negation turns the inner one (or a plain term) around */
  return ir_scope_flipped(s, ts, te) ? !neg : neg;
}

int ir_scope_double_negated(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi;
  ir_scope_clause(s, ts, te, &lo, &hi);
  return ir_scope_flipped(s, ts, te) && negated_plain(s, ts, te, lo, hi, -1);
}

int ir_scope_resolved(const ir_sent *s, size_t ts, size_t te) {
  size_t n;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_RESOLVED, &n);
  for (size_t i = 0; i < n; i++) {
    if (ir_hit_pseudo(s, &h[i]))
      continue;
    if (h[i].start >= te && !has_char(s, te, h[i].start, ';') &&
        ir_scope_words(s, te, h[i].start) <= IR_RESOLVED_WINDOW)
      return 1;
    if (h[i].end <= ts && ir_scope_words(s, h[i].end, ts) <= 2 &&
        !has_char(s, h[i].end, ts, ',') && !has_char(s, h[i].end, ts, ';'))
      return 1;
  }
  return 0;
}

int ir_scope_not_found(const ir_sent *s, size_t ts, size_t te) {
  size_t n, from = 0;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_SOUGHT, &n);
  for (size_t i = 0; i < n && !from; i++) {
    if (ir_hit_pseudo(s, &h[i]))
      continue;
    if (h[i].end <= ts && ir_scope_words(s, h[i].end, ts) <= IR_SOUGHT_WINDOW)
      from = te;
    else if (h[i].start >= te &&
             ir_scope_words(s, te, h[i].start) <= IR_SOUGHT_WINDOW)
      from = h[i].end;
  }
  if (!from)
    return 0;
  /* the search's result: a post negation later in the sentence, with no
   * other negated finding ("no radiculopathy was found") before it */
  h = ir_sent_hits(s, IR_LEX_NEG_POST, &n);
  for (size_t i = 0; i < n; i++) {
    if (h[i].start < from || ir_hit_pseudo(s, &h[i]))
      continue;
    size_t m;
    const ir_hit *p = ir_sent_hits(s, IR_LEX_NEG_PRE, &m);
    int own = 0;
    for (size_t j = 0; j < m && !own; j++)
      own = p[j].start >= te && p[j].end <= h[i].start &&
            !ir_hit_pseudo(s, &p[j]);
    if (!own)
      return 1;
  }
  return 0;
}

int ir_scope_hypothetical(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi;
  ir_scope_clause(s, ts, te, &lo, &hi);
  return ir_sent_has(s, IR_LEX_HYPO, lo, hi) ||
         ir_sent_has(s, IR_LEX_FUTURE, lo, hi);
}

int ir_scope_conditional(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi;
  ir_scope_clause(s, ts, te, &lo, &hi);
  return ir_sent_has(s, IR_LEX_HYPO, lo, hi);
}

/* The reviewer adopts the party's statement before naming it: an
 * [adoption] hit ("I agree with", "concur w/", "as the ... correctly
 * noted") ends at most 24 bytes before the party's name; what follows is
 * the reviewer's own finding. */
static int adopted(const ir_sent *s, const ir_hit *a) {
  size_t n;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_ADOPTION, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].end <= a->start && a->start - h[i].end <= 24 &&
        !ir_hit_pseudo(s, &h[i]))
      return 1;
  return 0;
}

int ir_scope_attributed(const ir_sent *s, size_t te) {
  size_t n, m;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_ATTRIB, &n);
  const ir_hit *c = ir_sent_hits(s, IR_LEX_CONTRAST, &m);
  for (size_t i = 0; i < n; i++) {
    if (h[i].start >= te || ir_hit_pseudo(s, &h[i]))
      continue;
    /* "UR found no twitch response, but the examination documents one",
     * "..., and this reviewer agrees: ...": the record or the reviewer
     * speaks again after a contrast or an adoption */
    int ended = 0;
    for (size_t j = 0; j < m && !ended; j++)
      ended =
          c[j].start >= h[i].end && c[j].end <= te && !ir_hit_pseudo(s, &c[j]);
    if (!ended && !adopted(s, &h[i]))
      return 1;
  }
  return 0;
}

int ir_scope_cited(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi, n;
  ir_scope_clause(s, ts, te, &lo, &hi);
  const ir_hit *h = ir_sent_hits(s, IR_LEX_CITE_PRE, &n);
  int found = 0;
  for (size_t i = 0; i < n; i++) {
    if (h[i].start < lo || h[i].end > ts || ir_hit_pseudo(s, &h[i]) ||
        ir_words_between(s->text, h[i].end, ts) > IR_CITE_WINDOW ||
        mid_list_item(s, &h[i], ts))
      continue;
    found = ir_sent_has(s, IR_LEX_CITE_TERM, h[i].end, ts) ? (found ? found : 2)
                                                           : 1;
    if (found == 1)
      return 1;
  }
  if (found)
    return found;
  h = ir_sent_hits(s, IR_LEX_CITE_POST, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= te && h[i].end <= hi && !ir_hit_pseudo(s, &h[i]) &&
        ir_words_between(s->text, te, h[i].start) <= IR_NEG_POST_WINDOW)
      return 1;
  return 0;
}

int ir_scope_recital_at(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi, n;
  ir_scope_clause(s, ts, te, &lo, &hi);
  /* a sentence that restates the guideline, unless the term stands in a
   * clause of its own after a ';' that names no guideline word and says
   * what is missing: "Page 122 requires a twitch response and referred
   * pain; neither the twitch nor any referral is recorded" (a list of the
   * criteria, one a clause, stays a recital) */
  if (ir_scope_recital(s) &&
      !(lo > s->start && has_char(s, s->start, lo, ';') &&
        !ir_sent_has(s, IR_LEX_RECITAL, lo, hi) &&
        (ir_sent_has(s, IR_LEX_CITE_PRE, lo, hi) ||
         ir_sent_has(s, IR_LEX_CITE_POST, lo, hi))))
    return 1;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_RECITAL, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= lo && h[i].end <= ts &&
        !ir_sent_has(s, IR_LEX_APPLIED, h[i].start, ts))
      return 1;
  return 0;
}

int ir_scope_recital(const ir_sent *s) {
  return ir_sent_has_any(s, IR_LEX_RECITAL) &&
         !ir_sent_has_any(s, IR_LEX_APPLIED);
}
