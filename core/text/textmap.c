/* textmap.c - normalized -> original offsets and original line numbers
 * (contract in text.h). Binary search over the map runs; line numbers from a
 * per-4 KiB index of line ends plus one memchr scan of at most a block, or
 * from all the line ends (normalize.c keeps them for a letter of up to
 * LINE_INDEX_MAX bytes). The physical line index (norm_int.h). */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "norm_int.h"

size_t ir_count_eol(const unsigned char *s, size_t n, unsigned char eol) {
  size_t k = 0;
  for (const unsigned char *p = s, *e = s + n;
       (p = memchr(p, eol, (size_t)(e - p))) != NULL; p++)
    k++;
  return k;
}

void ir_lines_build(ir_arena *a, const unsigned char *s, size_t n,
                    unsigned char eol, ir_lines *out) {
  size_t cap = n / 32 + 64, k = 0, i = 0;
  uint32_t *v = ir_arena_alloc_raw(a, cap * sizeof *v);
#ifdef __SSE2__
  /* 16 bytes at a time: a bit per line end */
  const __m128i want = _mm_set1_epi8((char)eol);
  for (; i + 16 <= n; i += 16) {
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_loadu_si128((const void *)(s + i)), want));
    if (!m)
      continue;
    if (k + 16 > cap) {
      v = ir_arena_grow_raw(a, v, cap * sizeof *v, cap * 2 * sizeof *v);
      cap *= 2;
    }
    for (; m; m &= m - 1)
      v[k++] = (uint32_t)(i + (size_t)__builtin_ctz(m));
  }
#endif
  for (; i < n; i++) {
    if (s[i] != eol)
      continue;
    if (k + 1 > cap) {
      v = ir_arena_grow_raw(a, v, cap * sizeof *v, cap * 2 * sizeof *v);
      cap *= 2;
    }
    v[k++] = (uint32_t)i;
  }
  if (k == cap)
    v = ir_arena_grow_raw(a, v, cap * sizeof *v, (cap + 1) * sizeof *v);
  if (n && (!k || v[k - 1] != n - 1))
    v[k++] = (uint32_t)n; /* a last line without an end byte */
  out->end = v;
  out->n = k;
}

void ir_build_line_marks(ir_arena *a, ir_text *t) {
  size_t nm = t->orig_len / IR_LINE_BLOCK + 1;
  uint32_t *m = ir_arena_alloc(a, nm * sizeof *m);
  size_t acc = 0;
  for (size_t k = 1; k < nm; k++) {
    acc += ir_count_eol(t->orig + (k - 1) * IR_LINE_BLOCK, IR_LINE_BLOCK,
                        t->line_eol);
    m[k] = (uint32_t)acc;
  }
  t->line_marks = m;
  t->nline_marks = nm;
}

/* The map run holding normalized position npos (binary search). */
static const ir_map_run *find_run(const ir_text *t, size_t npos) {
  size_t lo = 0, hi = t->nruns;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->runs[mid].nstart <= npos)
      lo = mid;
    else
      hi = mid;
  }
  return &t->runs[lo];
}

size_t ir_text_orig_start(const ir_text *t, size_t npos) {
  if (!t->nruns || npos >= t->norm_len)
    return t->orig_len;
  const ir_map_run *r = find_run(t, npos);
  size_t d = npos - r->nstart;
  if (r->verbatim)
    return r->ostart + (d < r->olen ? d : r->olen);
  return r->ostart;
}

size_t ir_text_orig_end(const ir_text *t, size_t npos_end) {
  if (!t->nruns || npos_end == 0)
    return t->nruns ? t->runs[0].ostart : 0;
  if (npos_end > t->norm_len)
    npos_end = t->norm_len;
  const ir_map_run *r = find_run(t, npos_end - 1);
  size_t d = npos_end - r->nstart;
  if (r->verbatim)
    return r->ostart + (d < r->olen ? d : r->olen);
  return (size_t)r->ostart + r->olen;
}

int ir_text_orig_line(const ir_text *t, size_t off) {
  if (!t->orig)
    return 1;
  if (off > t->orig_len)
    off = t->orig_len;
  if (t->line_ends) { /* the line ends before off, by binary search */
    size_t lo = 0, hi = t->nline_ends;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (t->line_ends[mid] < off)
        lo = mid + 1;
      else
        hi = mid;
    }
    return (int)lo + 1;
  }
  unsigned char eol = t->line_eol ? t->line_eol : '\n';
  size_t k = off / IR_LINE_BLOCK, base = 0, from = 0;
  if (t->line_marks && k < t->nline_marks) {
    base = t->line_marks[k];
    from = k * IR_LINE_BLOCK;
  }
  return (int)(base + ir_count_eol(t->orig + from, off - from, eol) + 1);
}

int ir_text_orig_page(const ir_text *t, size_t off, int *line) {
  *line = 0;
  if (!t->pdf_lines || !t->npdf_lines)
    return 0;
  size_t lo = 0, hi = t->npdf_lines;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->pdf_lines[mid].off <= off)
      lo = mid;
    else
      hi = mid;
  }
  *line = (int)t->pdf_lines[lo].line;
  return (int)t->pdf_lines[lo].page;
}
