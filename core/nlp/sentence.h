/* sentence.h - split normalized letter text into sentences.
 *
 * ir_sentences() appends the sentences of s[from, to) to out as [start, end)
 * spans (absolute positions, trimmed of spaces, never empty). A sentence ends
 * at '\n' (a paragraph, title or header line), or at '.', '!' or '?' followed
 * by space and an upper-case letter, digit, quote or '(' - except after
 * abbreviations ("Dr.", "vs.", "e.g.", "i.e.", "Mr.", "No.", single
 * initials). A period glued to the next sentence ("management.The") ends a
 * sentence when a word of two or more letters or a number precedes it and a
 * capitalized word follows. Decimals ("2.5"), "q4-6hrs", "L4-5", "#60" never
 * split. A run longer than IR_SENTENCE_MAX bytes is cut at a ';', ',' or
 * space. Linear in to - from. */
#ifndef IR_SENTENCE_H
#define IR_SENTENCE_H
#include <stddef.h>

#include "base/base.h"

#define IR_SENTENCE_MAX 2000 /* longer runs are cut (see sentence.c) */

typedef struct {
  size_t start, end;
} ir_span;
typedef IR_VEC(ir_span) ir_spanlist;

void ir_sentences(ir_arena *a, const char *s, size_t from, size_t to,
                  ir_spanlist *out);

#endif
