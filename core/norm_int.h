/* norm_int.h - internals shared by the normalizer's files (not a public
 * contract; text.h is).
 *
 *  layout.c     layout detection and the text shape flags
 *  decode.c     the character source: bytes -> units (UTF-8, Windows-1252,
 *               entities, control bytes, markup stripping)
 *  normalize.c  measuring lines, choosing separators, emitting with the map
 *  textmap.c    map lookups and original line numbers */
#ifndef IR_NORM_INT_H
#define IR_NORM_INT_H
#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* layout.c */
enum { IR_SHAPE_PDF = 1, IR_SHAPE_MARKUP = 2 };
unsigned ir_layout_shape(const unsigned char *s, size_t n);
/* Length of an HTML-like tag at s ("<b>", "</p>", "<br/>"), 0 if none. */
size_t ir_markup_tag_len(const unsigned char *s, const unsigned char *e);

/* decode.c: one output unit of a line (a character, a space, or a
 * replacement) and where it came from. */
typedef struct {
  unsigned char b[4];
  uint8_t n;        /* output bytes, 0 = dropped */
  uint8_t space;    /* a whitespace unit */
  uint8_t verbatim; /* b[0..n) are exactly the original bytes */
  uint32_t os, ol;  /* original range */
} unit;

/* A character source over one physical line [p, e) of base. */
typedef struct {
  const unsigned char *base, *p, *e;
  int markup;   /* strip '#' heading markers and '**' / '__' */
  int at_start; /* nothing visible yet on this line */
} src;

/* Next unit of the line; 0 at its end. Units with n == 0 are never
 * returned. */
int ir_src_next(src *s, unit *u);
/* Case-insensitive prefix w (lower case) at p, within [p, e). */
int ir_ci_prefix(const unsigned char *p, const unsigned char *e, const char *w);

/* Printable ASCII that the source passes through unchanged (no markup,
 * entity or space handling). */
static inline int plain(unsigned char c) {
  return c > 0x20 && c < 0x7F && c != '<' && c != '&' && c != '*' && c != '_' &&
         c != '#';
}

static inline src src_line(const unsigned char *base, const unsigned char *b,
                           const unsigned char *e, int markup) {
  src s = {base, b, e, markup, 1};
  return s;
}

/* textmap.c */
size_t ir_count_eol(const unsigned char *s, size_t n, unsigned char eol);
void ir_build_line_marks(ir_arena *a, ir_text *t);

#endif
