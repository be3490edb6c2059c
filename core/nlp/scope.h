/* scope.h - NegEx/ConText-style scope of lexicon triggers in one sentence.
 *
 * An ir_sent holds a sentence span of the normalized text and the lexicon
 * matches ("hits") found in it, grouped by lexicon section. The scope
 * functions answer, for a term span [ts, te) inside the sentence:
 *  - clause: bounded by [terminator] hits (but, however, although, except,
 *    which, ';' ...) and the sentence ends;
 *  - negated: a [negation_pre] trigger ends before ts in the clause within
 *    IR_NEG_WINDOW words, or a [negation_post] trigger starts after te in
 *    the clause within IR_NEG_POST_WINDOW words and no comma between, or
 *    a [negation_result] trigger (a test's shorthand result: "neg",
 *    "2+ symmetric", "intact") follows te within IR_NEG_RESULT_WINDOW
 *    words with no punctuation between;
 *    a [negation_clause] trigger (fronted: "at no time", "neither") before
 *    ts negates the rest of its clause at any distance; a [double_negation]
 *    trigger ("it is not true that") before ts in the clause, with no ':'
 *    between, turns the result around;
 *  - insertions: a [parenthetical] hit (", despite careful palpation,")
 *    that does not hold the term is transparent: its words do not count
 *    in the windows, its commas and terminators do not bound, and its
 *    triggers do not reach the term;
 *  - resolved: a [resolved] trigger ("has since resolved", "no longer
 *    present") after te within IR_RESOLVED_WINDOW (16) words with no ';'
 *    between (it may cross "which", "but these"), or right before ts
 *    ("resolved radicular symptoms"): the finding is past;
 *  - not found: a [sought] trigger ("looked for", "was sought", "examined
 *    ... for") within IR_SOUGHT_WINDOW words of the term, and after it,
 *    anywhere later in the sentence, a [negation_post] trigger ("none were
 *    elicited", "could not be reproduced") with no negation of its own
 *    between;
 *  - hypothetical: a [hypothetical] trigger anywhere in the clause;
 *  - attributed: an [attribution] trigger before te in the sentence (UR,
 *    claims administrator, prior peer review, "it was noted that") with no
 *    [contrast] hit between ("but", "however", "this reviewer agrees")
 *    and no [adoption] hit ending just before it ("I agree with the
 *    utilization reviewer that ...");
 *  - cited: a [citation_pre] trigger before ts in the clause within
 *    IR_CITE_WINDOW words with no [citation_terminator] between, or a
 *    [citation_post] trigger after te in the clause within
 *    IR_NEG_POST_WINDOW words; returns 2 when a [citation_terminator]
 *    ("as well as") stands between: the term is then an addition the
 *    citation does not name;
 *  - recital: the sentence has a [recital] hit (guidelines, criteria, MTUS)
 *    and no [applied] hit (the patient, in this case, the request).
 * Any trigger overlapping a [pseudo_negation] hit is ignored. */
#ifndef IR_SCOPE_H
#define IR_SCOPE_H
#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

#define IR_NEG_WINDOW 6
#define IR_NEG_POST_WINDOW 8
#define IR_NEG_RESULT_WINDOW 1
#define IR_CITE_WINDOW 16
#define IR_RESOLVED_WINDOW 16
#define IR_SOUGHT_WINDOW 8

typedef struct {
  uint32_t start, end; /* normalized positions */
  int32_t g1s, g1e;    /* first capturing group, -1 when unset */
  uint32_t sec;        /* its lexicon section */
} ir_hit;

typedef struct {
  size_t start, end; /* sentence span, normalized positions */
  const char *text;  /* the whole normalized text */
  ir_hit *hits;      /* sorted by section (then position): a section's
                        hits are found by binary search, so a sentence
                        costs a few words however many sections exist */
  uint32_t nhits;
  uint64_t secs; /* IR_SENT_SECBIT(sec) of each section with hits (set
                    with hits): most sections have none, and most asks
                    learn so from this word */
} ir_sent;

#define IR_SENT_SECBIT(sec) ((uint64_t)1 << ((unsigned)(sec)&63))

/* Hits of one section, *n set to their count. */
static inline const ir_hit *ir_sent_hits(const ir_sent *s, int sec, size_t *n) {
  if (!(s->secs & IR_SENT_SECBIT(sec))) {
    *n = 0;
    return s->hits; /* may be NULL */
  }
  uint32_t lo = 0, hi = s->nhits; /* the first hit of sec or later */
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (s->hits[mid].sec < (uint32_t)sec)
      lo = mid + 1;
    else
      hi = mid;
  }
  uint32_t e = lo;
  while (e < s->nhits && s->hits[e].sec == (uint32_t)sec)
    e++;
  *n = e - lo;
  return *n ? s->hits + lo : s->hits; /* hits may be NULL */
}

/* Is there a (non-pseudo) hit of sec inside [lo, hi)? */
int ir_sent_has(const ir_sent *s, int sec, size_t lo, size_t hi);
static inline int ir_sent_has_any(const ir_sent *s, int sec) {
  return (s->secs & IR_SENT_SECBIT(sec)) && /* (most sentences: none) */
         ir_sent_has(s, sec, s->start, s->end);
}
/* Does h overlap a hit of section sec? Of [pseudo_negation]? */
int ir_hit_overlaps(const ir_sent *s, int sec, const ir_hit *h);
int ir_hit_pseudo(const ir_sent *s, const ir_hit *h);

void ir_scope_clause(const ir_sent *s, size_t ts, size_t te, size_t *lo,
                     size_t *hi);
int ir_scope_negated(const ir_sent *s, size_t ts, size_t te);
/* Negated by a trigger that does not overlap a hit of section skip: "no
 * evidence of radiculopathy" is not negated apart from its citation
 * trigger; "no documentation that radiculopathy was ruled out" is. */
int ir_scope_negated_apart(const ir_sent *s, size_t ts, size_t te, int skip);
/* A [double_negation] trigger reaches the term (the negation turns). */
int ir_scope_flipped(const ir_sent *s, size_t ts, size_t te);
/* ... and an inner negation is there too: "it is not the case that the
 * straight leg raise was negative" affirms the test. */
int ir_scope_double_negated(const ir_sent *s, size_t ts, size_t te);
int ir_scope_resolved(const ir_sent *s, size_t ts, size_t te);
int ir_scope_not_found(const ir_sent *s, size_t ts, size_t te);
int ir_scope_hypothetical(const ir_sent *s, size_t ts, size_t te);
/* Hypothetical in the narrower sense: a [hypothetical] trigger only, not a
 * [future] one. A plan in the future tense documents no finding ("will
 * check for a twitch response"), but it does state what the request is
 * ("each trigger point will be injected with lidocaine"). */
int ir_scope_conditional(const ir_sent *s, size_t ts, size_t te);
int ir_scope_attributed(const ir_sent *s, size_t te);
int ir_scope_cited(const ir_sent *s, size_t ts, size_t te);
int ir_scope_recital(const ir_sent *s);
/* The term at [ts, te) restates a guideline: the sentence is a recital, or
 * a [recital] hit precedes the term in its clause with no [applied] hit
 * between ("the guidelines require a twitch response, and ..."). */
int ir_scope_recital_at(const ir_sent *s, size_t ts, size_t te);
/* Words in [a, b) of the sentence, insertions wholly inside not counted. */
size_t ir_scope_words(const ir_sent *s, size_t a, size_t b);
/* Words (runs of non-spaces) in text[a, b). */
size_t ir_words_between(const char *text, size_t a, size_t b);
/* The same, or (size_t)-1 when a ',' or ';' lies in [a, b): the two ends
 * stand in different parts of the sentence. */
size_t ir_phrase_words(const char *text, size_t a, size_t b);

#endif
