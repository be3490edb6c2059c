/* scope.c - trigger scope inside one sentence (see scope.h). */
#include "scope.h"

#include <string.h>

const ir_hit *ir_sent_hits(const ir_sent *s, int sec, size_t *n) {
  *n = s->first[sec + 1] - s->first[sec];
  return *n ? s->hits + s->first[sec] : s->hits; /* hits may be NULL */
}

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

int ir_sent_has_any(const ir_sent *s, int sec) {
  return ir_sent_has(s, sec, s->start, s->end);
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

/* Clause bounds using the hits of section sec as terminators. */
static void bounds(const ir_sent *s, int sec, size_t ts, size_t te, size_t *lo,
                   size_t *hi) {
  size_t n;
  const ir_hit *h = ir_sent_hits(s, sec, &n);
  for (size_t i = 0; i < n; i++) {
    if (ir_hit_pseudo(s, &h[i]))
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
         memchr(s->text + neg->end, ',', ts - neg->end) != NULL;
}

int ir_scope_negated(const ir_sent *s, size_t ts, size_t te) {
  return ir_scope_negated_apart(s, ts, te, -1);
}

int ir_scope_negated_apart(const ir_sent *s, size_t ts, size_t te, int skip) {
  size_t lo, hi, n;
  ir_scope_clause(s, ts, te, &lo, &hi);
  const ir_hit *h = ir_sent_hits(s, IR_LEX_NEG_PRE, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= lo && h[i].end <= ts && !ir_hit_pseudo(s, &h[i]) &&
        ir_words_between(s->text, h[i].end, ts) <= IR_NEG_WINDOW &&
        !mid_list_item(s, &h[i], ts) &&
        (skip < 0 || !ir_hit_overlaps(s, skip, &h[i])))
      return 1;
  h = ir_sent_hits(s, IR_LEX_NEG_POST, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= te && h[i].end <= hi && !ir_hit_pseudo(s, &h[i]) &&
        ir_words_between(s->text, te, h[i].start) <= IR_NEG_POST_WINDOW &&
        !memchr(s->text + te, ',', h[i].start - te) &&
        (skip < 0 || !ir_hit_overlaps(s, skip, &h[i])))
      return 1;
  h = ir_sent_hits(s, IR_LEX_NEG_RESULT, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start >= te && h[i].end <= hi && !ir_hit_pseudo(s, &h[i]) &&
        ir_words_between(s->text, te, h[i].start) <= IR_NEG_RESULT_WINDOW &&
        !memchr(s->text + te, ',', h[i].start - te) &&
        !memchr(s->text + te, ';', h[i].start - te) &&
        (skip < 0 || !ir_hit_overlaps(s, skip, &h[i])))
      return 1;
  return 0;
}

int ir_scope_hypothetical(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi;
  ir_scope_clause(s, ts, te, &lo, &hi);
  return ir_sent_has(s, IR_LEX_HYPO, lo, hi);
}

int ir_scope_attributed(const ir_sent *s, size_t te) {
  size_t n;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_ATTRIB, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].start < te && !ir_hit_pseudo(s, &h[i]))
      return 1;
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
  if (ir_scope_recital(s))
    return 1;
  size_t lo, hi, n;
  ir_scope_clause(s, ts, te, &lo, &hi);
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
