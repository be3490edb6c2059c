/* title_outcome.h - the outcome phrase that ends an item title line.
 *
 * Shared by the normalizer (where to break lines) and the segmenter (item
 * titles). Recognized, case-insensitive, at the end of s[b, e) after
 * trailing '.', '*', '!' and blanks:
 *   Upheld | Uphold                        -> upheld
 *   Overturned | Overturn | Reversed       -> overturned
 * with a qualifier, which does not change the outcome: a trailing
 * parenthetical of at most 40 bytes ("Overturned (partially)"), a trailing
 * "in part" / "in full" / "partially" / "partly" ("Upheld in part"), or a
 * leading "partially" / "partly" ("Partially overturned"). A partial
 * reversal is still a reversal of the denial (overturned); a denial upheld
 * in part stays upheld.
 * With IR_TO_CERT also the certification wordings of a decision section:
 *   Certified | Approved | Authorized      -> overturned
 *   Non-certified | Noncertified | Uncertified | Not certified | Denied |
 *   Not approved | Not authorized          -> upheld
 * With IR_TO_WHOLE the phrase must be the whole span (leading '*' and blanks
 * skipped): a bare outcome line.
 * Returns 1 with *o, the phrase start *ps and end *pe (qualifier included,
 * trailing punctuation excluded); 0 when the span ends otherwise. O(length
 * of the phrase); reads only s[b, e). */
#ifndef IR_TITLE_OUTCOME_H
#define IR_TITLE_OUTCOME_H
#include <stddef.h>

/* The outcome of a decided item (the letter stage records it). */
typedef enum {
  IR_OUT_UNKNOWN = 0,
  IR_OUT_UPHELD,
  IR_OUT_OVERTURNED
} ir_outcome;

enum { IR_TO_CERT = 1, IR_TO_WHOLE = 2 };

int ir_title_outcome(const char *s, size_t b, size_t e, unsigned flags,
                     ir_outcome *o, size_t *ps, size_t *pe);

#endif
