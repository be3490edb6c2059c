/* norm_int.h - internals shared by the normalizer's files (not a public
 * contract; text.h is).
 *
 *  layout.c     layout detection and the text shape flags
 *  furniture.c  page furniture lines (left out of the normalized text)
 *  decode.c     the character source: bytes -> units (UTF-8, Windows-1252,
 *               entities, control bytes, markup stripping)
 *  normalize_line.c  measuring a line (lengths, ends, head, shapes)
 *  normalize.c  choosing separators, emitting with the map, the driver
 *  textmap.c    map lookups and original line numbers */
#ifndef IR_NORM_INT_H
#define IR_NORM_INT_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text.h"

/* textmap.c: the physical lines of a text, found once and shared by the
 * passes over them (layout, furniture, wrap width, the normalizer). end[k]
 * is the offset of the line end byte of line k, or the text length for a
 * last line without one; line k starts at end[k - 1] + 1 (0 for k = 0). */
typedef struct {
  uint32_t *end;
  size_t n;
} ir_lines;
/* The lines of s[0, n) ending at eol (arena). */
void ir_lines_build(ir_arena *a, const unsigned char *s, size_t n,
                    unsigned char eol, ir_lines *out);
/* The end of the line that starts at s + i, within s[0, n): the next eol
 * byte before n, else s + n. From the index when there is one (*k: that
 * line's number, advanced; n may cut the text short), else with memchr. */
static inline const unsigned char *ir_line_end(const ir_lines *L, size_t *k,
                                               const unsigned char *s, size_t i,
                                               size_t n, unsigned char eol) {
  if (L) {
    size_t e = L->end[(*k)++];
    return s + (e < n ? e : n);
  }
  const unsigned char *nl = memchr(s + i, eol, n - i);
  return nl ? nl : s + n;
}

/* layout.c: the shape flags of orig[0..n) and, in *layout, what
 * ir_detect_layout() reports; one pass over the bytes for both. lines: the
 * text's lines ending at '\n' (or '\r' when it has no '\n'), or NULL. */
enum { IR_SHAPE_PDF = 1, IR_SHAPE_MARKUP = 2 };
unsigned ir_layout_detect(const ir_layout_tables *x, const unsigned char *s,
                          size_t n, const ir_lines *lines, ir_layout *layout);
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
  const unsigned char *lim; /* the buffer's end: [e, lim) may be read (never
                               used), so a line can be scanned in blocks */
  int markup;               /* strip '#' heading markers and '**' / '__' */
  int at_start;             /* nothing visible yet on this line */
} src;

/* Next unit of the line; 0 at its end. Units with n == 0 are never
 * returned. */
int ir_src_next(src *s, unit *u);
/* Case-insensitive prefix w (lower case) at p, within [p, e). */
int ir_ci_prefix(const unsigned char *p, const unsigned char *e, const char *w);

/* A 256-entry constant table: F(c) for every byte value c. */
#define IR_B4(F, n) F(n), F(n + 1), F(n + 2), F(n + 3)
#define IR_B16(F, n)                                                           \
  IR_B4(F, n), IR_B4(F, n + 4), IR_B4(F, n + 8), IR_B4(F, n + 12)
#define IR_B64(F, n)                                                           \
  IR_B16(F, n), IR_B16(F, n + 16), IR_B16(F, n + 32), IR_B16(F, n + 48)
#define IR_BYTE_TABLE(F)                                                       \
  IR_B64(F, 0), IR_B64(F, 64), IR_B64(F, 128), IR_B64(F, 192)

/* Printable ASCII that the source passes through unchanged (no markup,
 * entity or space handling). */
#define IR_PLAIN(c)                                                            \
  ((c) > 0x20 && (c) < 0x7F && (c) != '<' && (c) != '&' && (c) != '*' &&       \
   (c) != '_' && (c) != '#')
extern const unsigned char ir_plain_byte[256]; /* IR_PLAIN(c) (decode.c) */

static inline int plain(unsigned char c) { return ir_plain_byte[c]; }

static inline src src_line(const unsigned char *base, const unsigned char *b,
                           const unsigned char *e, const unsigned char *lim,
                           int markup) {
  src s = {base, b, e, lim, markup, 1};
  return s;
}

/* furniture.c: the page furniture among the printed lines of s[0, n)
 * (lines end at eol): page numbers, running case-number headers and footers,
 * running header lines (see furniture.c). starts: the raw start offsets of
 * those lines, ascending (arena; n of them); case_os/case_len: the first case
 * number on one of them (case_len 0: none). */
typedef struct {
  uint32_t *starts;
  size_t n;
  uint32_t case_os, case_len;
} ir_furniture;
void ir_furniture_find(ir_arena *a, const unsigned char *s, size_t n,
                       unsigned char eol, const ir_lines *lines,
                       ir_furniture *out);

/* normalize_line.c: one physical line, measured. */
enum { HEAD_MAX = 64 };
typedef struct {
  int kind;        /* 0 empty, 1 whitespace-only, 2 content */
  uint32_t nchars; /* visible length, spaces collapsed */
  uint32_t first_os, last_os, last_end;
  unsigned char first, second;     /* first two output bytes */
  unsigned char last, before_last; /* last two output bytes */
  int trail_ws;                    /* blank after the last visible unit */
  int lower;                       /* an ASCII lower-case letter was seen */
  uint32_t upper; /* ASCII upper-case letters, counted while !lower (only
                     a line without lower case can be a heading) */
  int spaced;     /* a blank between two visible characters: >= 2 words */
  int nhead;
  int heading, label, plabel, list; /* shapes (normalize_line.c) */
  uint32_t raw_b, raw_e;            /* the line's raw bytes */
  int simple;          /* [first_os, last_end) is plain bytes and single spaces
                          between them, all read by the fast path: the emitter
                          may copy it (normalize.c) */
  char head[HEAD_MAX]; /* last: only head[0, nhead] is ever set */
} linfo;

/* The end of the run of plain bytes and single spaces between them that
 * starts at the plain byte q: the first byte that is neither plain nor a
 * space followed by a plain byte (before e), e at the latest. *lower is set
 * when the run holds an ASCII lower-case letter, *spaced when it holds a
 * space. Bytes up to lim may be read. */
const unsigned char *ir_run_end(const unsigned char *q, const unsigned char *e,
                                const unsigned char *lim, int *lower,
                                int *spaced);
/* Measures the line read by s (b, e: its raw bytes); the shapes are set
 * for a content line (kind 2) only. */
void ir_measure_line(src s, const unsigned char *b, const unsigned char *e,
                     linfo *li);
/* Shapes that few separator choices need, so computed on demand for a
 * content line: is it a bare outcome ("Upheld", "Overturned in part")? does
 * it end like an item title (ir_title_tail on its raw bytes)? */
int ir_line_outcome(const linfo *li);
int ir_line_title_tail(const unsigned char *base, const linfo *li);
/* Does s[b, e) end like an item title (": Upheld", "- Overturned in part",
 * ": Non-certified"; see title_outcome.h)? */
int ir_title_tail(const char *s, size_t b, size_t e);
/* w[0, n) is one of the (lower-case) words of list, ignoring ASCII case. */
int ir_word_in(const char *w, size_t n, const char *const *list);

static inline int a_alnum(unsigned char c) {
  return ir_ascii_alpha(c) || ir_ascii_digit(c);
}

/* textmap.c */
size_t ir_count_eol(const unsigned char *s, size_t n, unsigned char eol);
void ir_build_line_marks(ir_arena *a, ir_text *t);

#endif
