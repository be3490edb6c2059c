/* conclusion.h - internals of the conclusion reader (the public contract,
 * ir_conclusion_of, is in segment.h).
 *
 *  conclusion.c      sentences, verdict words, polarity, strength
 *  conclusion_lex.c  the word lists and phrase lists it consults, compiled
 *                    by cl_lex_new into lookup tables (owned by the
 *                    segmenter, so by the engine)
 *
 * cl_word_class(x, s, b, e) classifies the word s[b, e) (ASCII case ignored) in
 * O(length): the W_* lists it belongs to and, in bits 24.., 1 + the index of
 * its verdict entry (0: no verdict word). cl_traits(x, s, n, gl_end) tests the
 * sentence s[0, n) for the T_* phrase lists in one pass (ASCII case
 * ignored); T_GL phrases count only when they end at or before gl_end.
 * Both read the tables x only (thread-safe). */
#ifndef IR_CONCLUSION_H
#define IR_CONCLUSION_H
#include <stddef.h>
#include <stdint.h>

#include "base/base.h"

enum { POS = 1, NEG = -1 };
enum { F_CORE = 1, F_CTX = 2, F_VERB = 4, F_OUTCOME = 8 };

typedef struct {
  const char *w;
  int pol, flags;
} verdict_word;

extern const verdict_word cl_verdicts[];

/* Word classes. */
enum {
  W_NEG = 1 << 0,    /* not, never, cannot, neither, nor, without */
  W_NT = 1 << 1,     /* ends in n't (isn't, can't) */
  W_NO = 1 << 2,     /* no */
  W_LONGER = 1 << 3, /* longer (of "no longer") */
  W_MODAL = 1 << 4,  /* would, could, may, might, should */
  W_COP = 1 << 5,    /* is, are, was, been, remains, deemed, ... */
  W_BREAK = 1 << 6,  /* and, but, because, that, which, if, ... */
  W_MED = 1 << 7,    /* medically */
  W_ONLY = 1 << 8,   /* only */
  W_FOR = 1 << 9,    /* for */
  W_NEC = 1 << 10,   /* necessity */
  W_LACK = 1 << 11,  /* no, lack, lacking, without, insufficient, ... */
  W_NOUN = 1 << 12,  /* indication, support, justification, rationale */
  W_VSHIFT = 24      /* verdict index + 1 in the bits from here */
};

typedef struct cl_lex cl_lex;

/* The compiled lists; NULL when out of memory or when the phrases do not
 * fit the automaton (a list edit). */
cl_lex *cl_lex_new(void);
void cl_lex_free(cl_lex *x);

uint32_t cl_word_class(const cl_lex *x, const char *s, size_t b, size_t e);

/* Sentence traits. */
enum {
  T_REQ = 1,  /* mentions the request ("request", "this treatment", ...) */
  T_ATT = 2,  /* attributed to utilization review or a prior reviewer */
  T_GL = 4,   /* a guideline named among the first words */
  T_COND = 8, /* conditional (" if ", " unless ", ...) */
  T_CTX = 16  /* "necess" or "request" */
};

unsigned cl_traits(const cl_lex *x, const char *s, size_t n, size_t gl_end);

/* Byte classes: CB_WORD a word byte (ASCII letter or digit, ' - or any
 * byte >= 0x80), CB_STOP a sentence stop ('.', '!', '?' or '\n'). */
enum { CB_WORD = 1, CB_STOP = 2 };
extern const uint8_t cl_byte[256];

#endif
