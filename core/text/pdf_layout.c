/* pdf_layout.c - a PDF's line fragments -> page rows -> text (pdf.h).
 *
 *  1. fragments on one baseline of a page form a row, left to right;
 *  2. furniture: among the first two and last two rows of a page, a row
 *     that repeats (digits aside) in the same place on at least half of
 *     the pages (two at least), or that reads "Page N", "Page N of M",
 *     "N/M" or a bare number (one with a digit, or three pages at least);
 *     a furniture row with a case number or a page number stays in the
 *     text as a line of its own (the text stage reads those as furniture
 *     and may take the case number from them), other furniture goes;
 *  3. the line pitch: the smallest baseline distance that recurs (a page
 *     printed with a blank line after every line still has its pitch: a
 *     distance near two font sizes is halved);
 *  4. writing: a gap of k pitches is k-1 empty lines (at most 3; across a
 *     page break, the room left at the foot of one page and the top of the
 *     next count); a row that reaches the right margin so that the next
 *     row's first word would not have fitted is soft-wrapped and joined. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_int.h"
#include "title_outcome.h"

/* The array v of *cap elements of size sz (first: the first capacity),
 * grown by doubling to hold at least need: the array (v itself when it is
 * large enough), or NULL with v untouched (out of memory: the worker fails
 * soft, unlike base's buffers). */
static void *reserve(void *v, size_t *cap, size_t need, size_t sz,
                     size_t first) {
  if (need <= *cap)
    return v;
  size_t nc = *cap ? *cap * 2 : first;
  while (nc < need)
    nc *= 2;
  void *p = realloc(v, nc * sz);
  if (p)
    *cap = nc;
  return p;
}

int ir_pdf_chars_put(ir_pdf_rows *r, const unsigned char *b, size_t n) {
  if (r->nchars + n > r->max_chars) {
    r->too_long = 1;
    return -1;
  }
  char *c = reserve(r->chars, &r->cap, r->nchars + n, 1, 4096);
  if (!c)
    return -1;
  r->chars = c;
  memcpy(r->chars + r->nchars, b, n);
  r->nchars += n;
  return 0;
}

int ir_pdf_frag_add(ir_pdf_rows *r, const ir_pdf_frag *f) {
  ir_pdf_frag *v =
      reserve(r->frags, &r->fcap, r->nfrags + 1, sizeof *r->frags, 256);
  if (!v)
    return -1;
  r->frags = v;
  r->frags[r->nfrags++] = *f;
  return 0;
}

void ir_pdf_rows_free(ir_pdf_rows *r) {
  free(r->chars);
  free(r->frags);
  memset(r, 0, sizeof *r);
}

typedef struct {
  uint32_t page, line;   /* 1-based */
  uint32_t first, nfrag; /* fragments, sorted left to right */
  float x0, x1, y, size, word_w;
  uint32_t nvis;
  uint32_t font0, font1; /* fonts of its first and last glyphs */
  int furniture;
} row;

typedef struct {
  uint64_t key;
  uint32_t page, row;
  int zone; /* 0 top, 1 foot */
} cand;

static int cmp_frag_y(const void *a, const void *b) {
  const ir_pdf_frag *x = a, *y = b;
  if (x->page != y->page)
    return x->page < y->page ? -1 : 1;
  if (x->y != y->y)
    return x->y < y->y ? -1 : 1;
  return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Left to right, blank fragments last (a row's first fragment is text). */
static int cmp_frag_x(const void *a, const void *b) {
  const ir_pdf_frag *x = a, *y = b;
  if (!x->len != !y->len)
    return x->len ? -1 : 1;
  return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int cmp_cand(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->zone != y->zone)
    return x->zone - y->zone;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->page < y->page ? -1 : x->page > y->page;
}

static int cmp_float(const void *a, const void *b) {
  float x = *(const float *)a, y = *(const float *)b;
  return x < y ? -1 : x > y;
}

/* The row's text, digits as '#', lower case, blanks collapsed: hashed. */
static uint64_t row_key(const ir_pdf_rows *r, const row *w) {
  uint64_t h = 1469598103934665603ull;
  int sp = 0;
  for (uint32_t k = 0; k < w->nfrag; k++) {
    const ir_pdf_frag *f = &r->frags[w->first + k];
    for (uint32_t i = 0; i < f->len; i++) {
      unsigned char c = (unsigned char)r->chars[f->off + i];
      if (c == ' ') {
        sp = 1;
        continue;
      }
      if (sp)
        h = (h ^ ' ') * 1099511628211ull;
      sp = 0;
      c = isdigit(c) ? '#' : (unsigned char)tolower(c);
      h = (h ^ c) * 1099511628211ull;
    }
    sp = 1;
  }
  return h;
}

/* "Page 3", "Page 3 of 7", "page 3/7", "3 of 7", "3/7", "- 3 -", "3": a
 * page number row (at most 48 bytes of text in all). */
static int page_number_row(const ir_pdf_rows *r, const row *w) {
  char t[49];
  size_t n = 0;
  for (uint32_t k = 0; k < w->nfrag; k++) {
    const ir_pdf_frag *f = &r->frags[w->first + k];
    if (n + f->len + 1 > sizeof t - 1)
      return 0;
    if (n)
      t[n++] = ' ';
    for (uint32_t i = 0; i < f->len; i++)
      t[n++] = (char)tolower((unsigned char)r->chars[f->off + i]);
  }
  t[n] = 0;
  const char *p = strstr(t, "page");
  if (p) {
    p += 4;
    while (*p == ' ' || *p == '.' || *p == ':')
      p++;
    if (!isdigit((unsigned char)*p))
      return 0;
    while (isdigit((unsigned char)*p))
      p++;
    while (*p == ' ')
      p++;
    if (*p == 0)
      return 1;
    if (*p == '/' || strncmp(p, "of", 2) == 0) {
      p += *p == '/' ? 1 : 2;
      while (*p == ' ')
        p++;
      return isdigit((unsigned char)*p) != 0;
    }
    return 0;
  }
  p = t;
  while (*p == ' ' || *p == '-')
    p++;
  if (!isdigit((unsigned char)*p))
    return 0;
  while (isdigit((unsigned char)*p))
    p++;
  while (*p == ' ')
    p++;
  if (*p == '/' || strncmp(p, "of", 2) == 0) {
    p += *p == '/' ? 1 : 2;
    while (*p == ' ')
      p++;
    if (!isdigit((unsigned char)*p))
      return 0;
    while (isdigit((unsigned char)*p))
      p++;
  }
  while (*p == ' ' || *p == '-')
    p++;
  return *p == 0;
}

static int has_digit(const ir_pdf_rows *r, const row *w) {
  for (uint32_t k = 0; k < w->nfrag; k++) {
    const ir_pdf_frag *f = &r->frags[w->first + k];
    for (uint32_t i = 0; i < f->len; i++)
      if (isdigit((unsigned char)r->chars[f->off + i]))
        return 1;
  }
  return 0;
}

/* A case number ("CM15-0123456": two capitals, two digits, '-', 4 to 10
 * digits) in the row. */
static int has_case_id(const ir_pdf_rows *r, const row *w) {
  for (uint32_t k = 0; k < w->nfrag; k++) {
    const ir_pdf_frag *f = &r->frags[w->first + k];
    const unsigned char *s = (const unsigned char *)r->chars + f->off;
    for (uint32_t i = 0; i + 9 <= f->len; i++) {
      if (!isupper(s[i]) || !isupper(s[i + 1]) || !isdigit(s[i + 2]) ||
          !isdigit(s[i + 3]) || s[i + 4] != '-')
        continue;
      uint32_t d = 0;
      while (i + 5 + d < f->len && isdigit(s[i + 5 + d]))
        d++;
      if (d >= 4 && d <= 10)
        return 1;
    }
  }
  return 0;
}

enum { FURN_DROP = 1, FURN_KEEP = 2 };

/* Furniture rows that carry a case number or are a page number stay in the
 * text: the text stage recognizes those as furniture itself (a case number
 * next to a page number) and takes the letter's case number from them when
 * the letter prints it nowhere else. Other running headers are left out. */
static void keep_case_rows(const ir_pdf_rows *r, row *rows, size_t nrows) {
  for (size_t k = 0; k < nrows; k++)
    if (rows[k].furniture &&
        (has_case_id(r, &rows[k]) || page_number_row(r, &rows[k])))
      rows[k].furniture = FURN_KEEP;
}

static void mark_furniture(const ir_pdf_rows *r, row *rows, size_t nrows,
                           const size_t *pstart, uint32_t npages) {
  cand *c = malloc((size_t)npages * 4 * sizeof *c + 1);
  size_t nc = 0;
  size_t *tx = malloc((nrows + 1) * sizeof *tx); /* a page's text rows */
  for (uint32_t p = 0; tx && p < npages; p++) {
    size_t n = 0;
    for (size_t k = pstart[p]; k < pstart[p + 1]; k++)
      if (rows[k].nvis)
        tx[n++] = k;
    if (n < 2)
      continue;
    for (size_t k = 0; k < 2 && k + 1 < n; k++) {
      size_t top = tx[k], foot = tx[n - 1 - k];
      if (page_number_row(r, &rows[top]))
        rows[top].furniture = 1;
      if (page_number_row(r, &rows[foot]))
        rows[foot].furniture = 1;
      if (c) {
        c[nc++] = (cand){row_key(r, &rows[top]), p, (uint32_t)top, 0};
        c[nc++] = (cand){row_key(r, &rows[foot]), p, (uint32_t)foot, 1};
      }
    }
  }
  free(tx);
  if (!c)
    return;
  qsort(c, nc, sizeof *c, cmp_cand);
  uint32_t need = npages < 4 ? 2 : (npages + 1) / 2;
  for (size_t i = 0; i < nc;) {
    size_t j = i;
    uint32_t pages = 0, last = UINT32_MAX;
    int same_place = 1;
    while (j < nc && c[j].zone == c[i].zone && c[j].key == c[i].key) {
      pages += c[j].page != last;
      last = c[j].page;
      same_place &= fabsf(rows[c[j].row].y - rows[c[i].row].y) <= 2.0f;
      j++;
    }
    /* a body line that happens to repeat at a page foot ("necessary.")
     * has no number in it: then three pages at least */
    if (npages >= 2 && pages >= need && same_place &&
        (has_digit(r, &rows[c[i].row]) || pages >= 3))
      for (size_t k = i; k < j; k++)
        rows[c[k].row].furniture = 1;
    i = j;
  }
  free(c);
}

/* The line pitch (see the file comment), from body text rows only. */
static float line_pitch(const row *rows, size_t nrows, float size) {
  float *d = malloc((nrows + 1) * sizeof *d);
  size_t nd = 0;
  const row *a = NULL; /* the previous body text row */
  for (size_t i = 0; d && i < nrows; i++) {
    const row *b = &rows[i];
    if (b->furniture || !b->nvis)
      continue;
    float dy = a ? b->y - a->y : 0;
    if (a && a->page == b->page && dy > 0.8f * a->size && dy < 4.5f * a->size)
      d[nd++] = roundf(dy * 4) / 4;
    a = b;
  }
  float pitch = 1.2f * size;
  if (nd) {
    qsort(d, nd, sizeof *d, cmp_float);
    size_t need = nd / 20 > 3 ? nd / 20 : 3;
    if (need > nd)
      need = nd;
    for (size_t i = 0; i < nd;) {
      size_t j = i;
      while (j < nd && d[j] - d[i] <= 0.5f)
        j++;
      if (j - i >= need) {
        pitch = d[i + (j - i) / 2];
        break;
      }
      i = j;
    }
    if (pitch > 1.75f * size) { /* every printed line then a blank one */
      float k = roundf(pitch / (1.15f * size));
      if (k >= 2)
        pitch /= k;
    }
  }
  free(d);
  return pitch > 0.5f ? pitch : 12.0f;
}

typedef struct {
  ir_pdf_doc *d;
  size_t cap, lcap;
  size_t max;
} writer;

static int w_put(writer *w, const char *s, size_t n) {
  ir_pdf_doc *d = w->d;
  if (d->len + n + 1 > w->max)
    return -2;
  char *t = reserve(d->text, &w->cap, d->len + n + 1, 1, 8192);
  if (!t)
    return -1;
  d->text = t;
  memcpy(d->text + d->len, s, n);
  d->len += n;
  d->text[d->len] = 0;
  return 0;
}

static int w_line(writer *w, const row *rw) {
  ir_pdf_doc *d = w->d;
  ir_pdf_line *v =
      reserve(d->lines, &w->lcap, d->nlines + 1, sizeof *d->lines, 256);
  if (!v)
    return -1;
  d->lines = v;
  d->lines[d->nlines++] = (ir_pdf_line){(uint32_t)d->len, rw->page, rw->line};
  return 0;
}

static int w_row(writer *w, const ir_pdf_rows *r, const row *rw) {
  for (uint32_t k = 0; k < rw->nfrag; k++) {
    const ir_pdf_frag *f = &r->frags[rw->first + k];
    if (!f->len)
      continue;
    if (k) {
      const ir_pdf_frag *p = f - 1;
      if (f->x0 - p->x1 > 0.15f * f->size && w_put(w, " ", 1) != 0)
        return -1;
    }
    int rc = w_put(w, r->chars + f->off, f->len);
    if (rc)
      return rc;
  }
  return 0;
}

static int last_char(const ir_pdf_rows *r, const row *w, int back) {
  const ir_pdf_frag *f = &r->frags[w->first + w->nfrag - 1];
  while (f > &r->frags[w->first] && !f->len)
    f--;
  return f->len > (uint32_t)back
             ? (unsigned char)r->chars[f->off + f->len - 1 - back]
             : 0;
}

static int first_char(const ir_pdf_rows *r, const row *w) {
  const ir_pdf_frag *f = &r->frags[w->first];
  return f->len ? (unsigned char)r->chars[f->off] : 0;
}

/* Does the row start with a numbered list marker ("2.", "10)")? */
static int list_marker(const ir_pdf_rows *r, const row *w) {
  const ir_pdf_frag *f = &r->frags[w->first];
  uint32_t i = 0;
  while (i < f->len && isdigit((unsigned char)r->chars[f->off + i]))
    i++;
  return i > 0 && i < f->len &&
         (r->chars[f->off + i] == '.' || r->chars[f->off + i] == ')') &&
         (i + 1 == f->len || r->chars[f->off + i + 1] == ' ');
}

/* Does the row end with an item title's outcome ("...: Upheld", "... -
 * Overturned")? Such a row ends a title even at the margin. */
static int title_end(const ir_pdf_rows *r, const row *w) {
  const ir_pdf_frag *f = &r->frags[w->first + w->nfrag - 1];
  while (f > &r->frags[w->first] && !f->len)
    f--;
  ir_outcome o;
  size_t ps, pe;
  if (!ir_title_outcome(r->chars, f->off, (size_t)f->off + f->len, 0, &o, &ps,
                        &pe))
    return 0;
  while (ps > f->off && r->chars[ps - 1] == ' ')
    ps--;
  return ps > f->off && (r->chars[ps - 1] == ':' || r->chars[ps - 1] == '-');
}

/* Was row a soft-wrapped onto row b (see the file comment)? */
static int soft_wrap(const ir_pdf_rows *r, const row *a, const row *b,
                     float right) {
  if (fabsf(a->size - b->size) > 0.5f || b->x0 > a->x0 + 1.5f * a->size ||
      a->font1 != b->font0)
    return 0;
  float cw = a->nvis ? (a->x1 - a->x0) / (float)a->nvis : a->size * 0.5f;
  float sp = cw < 0.6f * a->size ? cw : 0.6f * a->size;
  int end = last_char(r, a, 0);
  if (end == '-')
    sp = 0;
  /* a sentence ended at the margin and the next row starts a new one: a
   * wrap or a hard break look the same; a break keeps headings apart */
  if ((end == '.' || end == ':') && isupper(first_char(r, b)))
    return 0;
  if (list_marker(r, b)) /* "2. Repeat injections ..." opens an item */
    return 0;
  if (title_end(r, a) && isalpha(first_char(r, b)))
    return 0; /* "X: Overturned" / "Acupuncture ...: Upheld" */
  if (a->x1 + sp + b->word_w > right + 0.05f * a->size)
    return 1;
  /* prose broken before a number ("approximately" / "20 percent"): a long
   * row without end punctuation, the next row starting with a digit */
  return !strchr(".:;!?", end) && isdigit(first_char(r, b)) &&
         !list_marker(r, b) && a->x1 >= a->x0 + 0.6f * (right - a->x0);
}

int ir_pdf_layout(ir_pdf_rows *r, ir_pdf_doc *out) {
  memset(out, 0, sizeof *out);
  out->npages = r->npages;
  int rc = -1;
  qsort(r->frags, r->nfrags, sizeof *r->frags, cmp_frag_y);
  row *rows = malloc((r->nfrags + 1) * sizeof *rows);
  size_t *pstart = malloc(((size_t)r->npages + 2) * sizeof *pstart);
  float *sizes = malloc((r->nfrags + 1) * sizeof *sizes);
  if (!rows || !pstart || !sizes)
    goto done;
  size_t nrows = 0;
  for (size_t i = 0; i < r->nfrags;) {
    ir_pdf_frag *f = &r->frags[i];
    size_t j = i + 1;
    float tol = 0.35f * (f->size > 1 ? f->size : 1);
    while (j < r->nfrags && r->frags[j].page == f->page &&
           r->frags[j].y - f->y <= tol)
      j++;
    qsort(f, j - i, sizeof *f, cmp_frag_x);
    row *w = &rows[nrows++];
    memset(w, 0, sizeof *w);
    w->page = f->page;
    w->first = (uint32_t)i;
    w->nfrag = (uint32_t)(j - i);
    w->x0 = f->x0;
    w->y = f->y;
    w->size = f->size;
    w->word_w = f->word_w;
    w->font0 = f->font0;
    for (size_t k = i; k < j; k++) {
      if (r->frags[k].nvis)
        w->font1 = r->frags[k].font1;
      w->nvis += r->frags[k].nvis;
      if (r->frags[k].x1 > w->x1)
        w->x1 = r->frags[k].x1;
      if (r->frags[k].size > w->size)
        w->size = r->frags[k].size;
    }
    sizes[nrows - 1] = w->size;
    i = j;
  }
  /* rows per page (pages are 1-based) and their line numbers */
  for (uint32_t p = 0, k = 0; p <= r->npages; p++) {
    pstart[p] = k;
    uint32_t line = 0;
    for (; k < nrows && rows[k].page == p + 1; k++)
      rows[k].line = rows[k].nvis ? ++line : line;
  }
  pstart[r->npages] = nrows;
  mark_furniture(r, rows, nrows, pstart, r->npages);
  keep_case_rows(r, rows, nrows);
  qsort(sizes, nrows, sizeof *sizes, cmp_float);
  float size = nrows ? sizes[nrows / 2] : 10.0f;
  float pitch = line_pitch(rows, nrows, size);
  float right = 0, top = 1e30f, foot = -1e30f;
  size_t nends = 0;
  float *ends = sizes; /* reused: sizes are done with */
  for (uint32_t p = 0; p < r->npages; p++) {
    size_t first = SIZE_MAX, last = SIZE_MAX;
    for (size_t k = pstart[p]; k < pstart[p + 1]; k++) {
      if (rows[k].furniture)
        continue;
      last = k; /* a blank row at the foot still shows the room used */
      if (!rows[k].nvis)
        continue;
      if (first == SIZE_MAX)
        first = k;
      if (rows[k].nvis >= 10)
        ends[nends++] = rows[k].x1;
    }
    if (first != SIZE_MAX && rows[first].y < top)
      top = rows[first].y;
    if (last != SIZE_MAX && rows[last].y > foot)
      foot = rows[last].y;
  }
  /* the measure's right edge: the row ends at the 95th percentile (a
   * stray long row, a header running into the margin, does not move it) */
  if (nends) {
    qsort(ends, nends, sizeof *ends, cmp_float);
    right = ends[nends - 1 - nends / 20];
  }
  writer w = {out, 0, 0, r->max_chars ? r->max_chars : (size_t)64 << 20};
  const row *prev = NULL;      /* the last body row written */
  int after_kept = 0, any = 0; /* a kept furniture row was written last */
  for (size_t k = 0; k < nrows; k++) {
    const row *rw = &rows[k];
    if (rw->furniture == FURN_DROP || !rw->nvis)
      continue;
    int err = 0;
    if (rw->furniture == FURN_KEEP) { /* a line of its own, no gap */
      err = any ? w_put(&w, "\n", 1) : 0;
      after_kept = 1;
    } else if (prev) {
      float gap = prev->page == rw->page
                      ? (rw->y - prev->y) / pitch - 1
                      : (foot - prev->y) / pitch + (rw->y - top) / pitch;
      int g = (int)floorf(gap + 0.5f);
      g = g < 0 ? 0 : g > 3 ? 3 : g;
      int wrap = g == 0 && soft_wrap(r, prev, rw, right);
      if (wrap && after_kept) /* the text stage runs it on across */
        err = w_put(&w, "\n", 1);
      else if (wrap) {
        int hy = last_char(r, prev, 0) == '-' &&
                 isalnum(last_char(r, prev, 1)) && isalnum(first_char(r, rw));
        if (!hy)
          err = w_put(&w, " ", 1);
      } else {
        err = w_put(&w, "\n\n\n\n", (size_t)g + 1);
      }
    } else if (any) {
      err = w_put(&w, "\n", 1);
    }
    if (!err)
      err = w_line(&w, rw);
    if (!err)
      err = w_row(&w, r, rw);
    if (err) {
      if (err == -2)
        r->too_long = 1;
      goto done;
    }
    any = 1;
    if (rw->furniture != FURN_KEEP) {
      prev = rw;
      after_kept = 0;
    }
  }
  if (w_put(&w, "\n", 1) != 0) {
    r->too_long = 1;
    goto done;
  }
  rc = 0;
done:
  free(rows);
  free(pstart);
  free(sizes);
  if (rc != 0)
    ir_pdf_doc_free(out);
  return rc;
}
