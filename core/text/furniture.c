/* furniture.c - page furniture among a letter's printed lines (contract in
 * norm_int.h).
 *
 * A printed line is furniture when it is made only of page numbers ("Page 2
 * of 4", "2 of 4", "- 2 -"), case numbers ("CM15-0123456", "Case Number:
 * CM15-0123456", "IMR Case #CM15-0123456") and separators, in any order and
 * combination; a line of case numbers only (a header row may be one) counts
 * when it sits next to other furniture or its case number is repeated on
 * another such line (a running header or footer). A short line of other
 * words next to furniture is a running header when it carries a case number,
 * repeats at another page break, or sits between two furniture lines.
 * One pass classifies the lines; the few running-header candidates are then
 * compared with each other. */
#include <string.h>

#include "norm_int.h"

enum { F_TEXT = 0, F_PAGE, F_CASE };
/* RUN_MAX: longest running header; PAGE_ALONE_MAX: highest "Page N"
 * without "of M" read as a page number */
enum { RUN_MAX = 100, CAND_MAX = 256, PAGE_ALONE_MAX = 60 };

typedef struct {
  uint32_t raw;          /* raw line start (offset in orig) */
  uint32_t b, e;         /* trimmed content */
  uint32_t cs, cl;       /* the first case number on the line, cl 0: none */
  uint8_t cls;           /* F_TEXT, F_PAGE, F_CASE */
  uint8_t label;         /* a case line with a label ("Case Number:") */
  uint8_t colon_end;     /* a text line ending in ':' (a label awaiting its
                            value on the next line) */
  uint8_t cand, dropped; /* running-header candidate; left out */
} fline;

#define BLANK(c)                                                               \
  ((c) == ' ' || (c) == '\t' || (c) == '\f' || (c) == '\v' || (c) == '\r' ||   \
   (c) == 0xA0)
static int blank(unsigned char c) { return BLANK(c); }

/* Bytes that end a word of a line being classified: a blank, ':', '#'. */
#define WORD_END(c) (BLANK(c) || (c) == ':' || (c) == '#')
static const unsigned char word_end[256] = {IR_BYTE_TABLE(WORD_END)};

/* The end of the word at p (before e). */
static const unsigned char *word_end_at(const unsigned char *p,
                                        const unsigned char *e) {
  while (p < e && !word_end[*p])
    p++;
  return p;
}

/* A case number "CM15-0123456" at p (two capitals, two digits, '-', 4..10
 * digits, not followed by a word character): its length, 0 if none. */
static size_t case_id(const unsigned char *p, const unsigned char *e) {
  if (e - p < 8 || !ir_ascii_upper(p[0]) || !ir_ascii_upper(p[1]) ||
      !ir_ascii_digit(p[2]) || !ir_ascii_digit(p[3]) || p[4] != '-')
    return 0;
  const unsigned char *q = p + 5;
  while (q < e && ir_ascii_digit(*q) && q - p < 16)
    q++;
  size_t nd = (size_t)(q - p) - 5;
  if (nd < 4 || nd > 10 || (q < e && a_alnum(*q)))
    return 0;
  return (size_t)(q - p);
}

/* The word p[0, n) is a case-number label: "imr", "case", "number", "no.",
 * "no", ignoring ASCII case. */
static int lab_word(const unsigned char *p, size_t n) {
  char f[6];
  if (n < 2 || n > 6)
    return 0;
  for (size_t i = 0; i < n; i++)
    f[i] = (char)ir_ascii_tolower(p[i]);
  switch (n) {
  case 2:
    return memcmp(f, "no", 2) == 0;
  case 3:
    return memcmp(f, "imr", 3) == 0 || memcmp(f, "no.", 3) == 0;
  case 4:
    return memcmp(f, "case", 4) == 0;
  case 6:
    return memcmp(f, "number", 6) == 0;
  default:
    return 0;
  }
}

/* Could a case number start in [p, e)? There is a '-' after two capitals
 * and two digits (what case_id needs first). */
static int may_hold_case(const unsigned char *p, const unsigned char *e) {
  for (const unsigned char *d = p + 4; d < e; d++) {
    d = memchr(d, '-', (size_t)(e - d));
    if (!d)
      return 0;
    if (ir_ascii_upper(d[-4]) && ir_ascii_upper(d[-3]) &&
        ir_ascii_digit(d[-2]) && ir_ascii_digit(d[-1]))
      return 1;
  }
  return 0;
}

/* A run of digits at *p: its value (capped), *p moved past it; -1 if none. */
static long number(const unsigned char **p, const unsigned char *e) {
  const unsigned char *q = *p;
  long v = 0;
  while (q < e && ir_ascii_digit(*q) && q - *p < 5)
    v = v * 10 + (*q++ - '0');
  if (q == *p || (q < e && a_alnum(*q)))
    return -1;
  *p = q;
  return v;
}

/* " of M" after a page number: the position after it, or p when absent. */
static const unsigned char *of_total(const unsigned char *p,
                                     const unsigned char *e) {
  const unsigned char *q = p;
  while (q < e && *q == ' ')
    q++;
  if (e - q < 4 || !ir_ci_prefix(q, e, "of") || q[2] != ' ')
    return p;
  q += 2;
  while (q < e && *q == ' ')
    q++;
  return number(&q, e) >= 0 ? q : p;
}

/* Is [p, e) at a separator (blank, '|', ',', '-', '/', an en or em dash)?
 * Its length, 0 if not. */
static size_t separator(const unsigned char *p, const unsigned char *e) {
  if (blank(*p) || *p == '|' || *p == ',' || *p == '-' || *p == '/' ||
      *p == ':' || *p == '#')
    return 1;
  if (e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
      (p[2] == 0x93 || p[2] == 0x94))
    return 3;
  return 0;
}

/* Classifies the trimmed line [b, e) of s (see the file comment). */
static void classify(const unsigned char *s, fline *f) {
  const unsigned char *p = s + f->b, *e = s + f->e;
  int pages = 0, cases = 0, labels = 0, other = 0, dashes = 0, bare = 0;
  long bare_v = -1, page_v = 0;
  f->cls = F_TEXT;
  f->cl = 0;
  if (e - p > 160)
    return;
  while (p < e) {
    size_t k = separator(p, e);
    if (k) {
      dashes += *p == '-' || *p == 0xE2;
      p += k;
      continue;
    }
    size_t id = case_id(p, e);
    if (id) {
      if (!cases++) {
        f->cs = (uint32_t)(p - s);
        f->cl = (uint32_t)id;
      }
      if (other)
        return; /* text with a case number: nothing more to learn */
      p += id;
      continue;
    }
    if (other) { /* already text: only a case number still matters */
      const unsigned char *q = word_end_at(p, e);
      p = q > p ? q : p + 1;
      continue;
    }
    unsigned char c0 = ir_ascii_tolower(*p);
    if (c0 == 'i' || c0 == 'c' || c0 == 'n') { /* (lab_word's first letters) */
      const unsigned char *q = word_end_at(p, e);
      if (lab_word(p, (size_t)(q - p))) {
        labels++;
        p = q;
        continue;
      }
    }
    if (c0 == 'p' && (ir_ci_prefix(p, e, "page") || ir_ci_prefix(p, e, "pg"))) {
      const unsigned char *r = p + (ir_ci_prefix(p, e, "page") ? 4 : 2);
      if (r < e && *r == '.')
        r++;
      while (r < e && *r == ' ')
        r++;
      long pv = number(&r, e);
      if (pv >= 0) {
        pages++;
        p = of_total(r, e);
        if (p == r && pv > page_v)
          page_v = pv; /* "Page 122" alone may be a guideline's page */
        continue;
      }
    }
    const unsigned char *r = p;
    long v = number(&r, e);
    if (v >= 0) {
      const unsigned char *t = of_total(r, e);
      if (t != r) { /* "2 of 4" */
        pages++;
        p = t;
        continue;
      }
      bare++;
      bare_v = v;
      p = r;
      continue;
    }
    other++;
    /* text: only a case number after the word still matters. A case
     * number that may start after the word's end may start after p + 1:
     * when none may from there (most lines), the word's end is not needed */
    if (cases || !may_hold_case(p + 1, e))
      return;
    const unsigned char *q = word_end_at(p, e);
    p = q > p ? q : p + 1;
    if (!may_hold_case(p, e))
      return;
  }
  if (other || (bare && (pages || cases || labels)))
    return;
  if (pages && page_v <= PAGE_ALONE_MAX)
    f->cls = F_PAGE;
  else if (cases)
    f->cls = F_CASE, f->label = labels > 0;
  else if (bare == 1 && dashes >= 2 && bare_v < 1000)
    f->cls = F_PAGE; /* "- 2 -" */
}

/* Whitespace-collapsed, case-insensitive equality of two trimmed lines. */
static int same_text(const unsigned char *s, const fline *x, const fline *y) {
  const unsigned char *p = s + x->b, *pe = s + x->e;
  const unsigned char *q = s + y->b, *qe = s + y->e;
  while (p < pe && q < qe) {
    if (blank(*p) && blank(*q)) {
      while (p < pe && blank(*p))
        p++;
      while (q < qe && blank(*q))
        q++;
      continue;
    }
    unsigned char a = *p, b = *q;
    if ((unsigned char)(a - 'A') < 26)
      a |= 0x20;
    if ((unsigned char)(b - 'A') < 26)
      b |= 0x20;
    if (a != b)
      return 0;
    p++, q++;
  }
  return p == pe && q == qe;
}

static int is_furn(const fline *f) {
  return f->cls != F_TEXT && (f->cls == F_PAGE || f->dropped);
}

void ir_furniture_find(ir_arena *a, const unsigned char *s, size_t n,
                       unsigned char eol, const ir_lines *lines,
                       ir_furniture *out) {
  memset(out, 0, sizeof *out);
  fline *v = NULL;
  size_t nv = 0, cap = 0, ln = 0;
  for (size_t i = 0; i < n;) {
    const unsigned char *b = s + i, *e = ir_line_end(lines, &ln, s, i, n, eol);
    uint32_t raw = (uint32_t)i;
    i = (size_t)(e - s) + (e < s + n ? 1 : 0);
    while (b < e && blank(*b))
      b++;
    while (e > b && blank(e[-1]))
      e--;
    if (b == e)
      continue;
    if (nv == cap) {
      size_t nc = cap ? cap * 2 : 64;
      v = ir_arena_grow_raw(a, v, cap * sizeof *v, nc * sizeof *v);
      cap = nc;
    }
    fline f;
    memset(&f, 0, sizeof f);
    f.raw = raw;
    f.b = (uint32_t)(b - s);
    f.e = (uint32_t)(e - s);
    f.colon_end = e[-1] == ':';
    classify(s, &f);
    v[nv++] = f;
  }
  /* case lines: next to a page line, or a case number repeated on another
   * case line; a bare case number after a label line is its value */
  for (size_t k = 0; k < nv; k++) {
    fline *f = &v[k];
    if (f->cls != F_CASE || (k && v[k - 1].colon_end && !f->label))
      continue;
    int near =
        (k && v[k - 1].cls == F_PAGE) || (k + 1 < nv && v[k + 1].cls == F_PAGE);
    for (size_t m = 0; m < nv && !near; m++)
      near = m != k && v[m].cl == f->cl && v[m].cls != F_TEXT &&
             memcmp(s + v[m].cs, s + f->cs, f->cl) == 0;
    f->dropped = (uint8_t)near;
  }
  /* running headers: short lines of words next to furniture */
  size_t cand[CAND_MAX], nc = 0;
  for (size_t k = 0; k < nv; k++) {
    fline *f = &v[k];
    if (f->cls != F_TEXT || f->e - f->b > RUN_MAX)
      continue;
    int prev = k && is_furn(&v[k - 1]), next = k + 1 < nv && is_furn(&v[k + 1]);
    if (!prev && !next)
      continue;
    unsigned char last = s[f->e - 1];
    if (last == '.' || last == ';' || last == ',' || last == ':' ||
        (memchr(s + f->b, ':', f->e - f->b) && !f->cl))
      continue;
    if (f->cl || (prev && next))
      f->dropped = 1;
    else if (nc < CAND_MAX)
      cand[nc++] = k;
  }
  for (size_t x = 0; x < nc; x++)
    for (size_t y = x + 1; y < nc; y++)
      if (same_text(s, &v[cand[x]], &v[cand[y]]))
        v[cand[x]].dropped = v[cand[y]].dropped = 1;
  size_t nd = 0;
  for (size_t k = 0; k < nv; k++) {
    if (v[k].cls == F_PAGE)
      v[k].dropped = 1;
    nd += v[k].dropped;
  }
  if (!nd)
    return;
  out->starts = ir_arena_alloc_raw(a, nd * sizeof *out->starts);
  for (size_t k = 0; k < nv; k++) {
    if (!v[k].dropped)
      continue;
    out->starts[out->n++] = v[k].raw;
    if (v[k].cl && !out->case_len) {
      out->case_os = v[k].cs;
      out->case_len = v[k].cl;
    }
  }
}
