/* pdf.c - PDF -> reading-order text with a page/line table (see pdf.h).
 * MuPDF's structured text gives lines with baselines and glyph boxes; the
 * rows of a page are rebuilt from them (same baseline = one row, left to
 * right), furniture is recognized across pages, and rows are written with
 * the vertical gaps and soft wraps described in pdf.h (pdf_layout.c). */
#include "pdf.h"

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pdf_int.h"

int ir_pdf_is_pdf(const char *name, const unsigned char *b, size_t n) {
  if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
    return 1;
  size_t nl = name ? strlen(name) : 0;
  if (nl < 4 || strcasecmp(name + nl - 4, ".pdf") != 0)
    return 0;
  size_t lim = n < 1024 ? n : 1024;
  for (size_t i = 0; i + 5 <= lim; i++)
    if (b[i] == '%' && memcmp(b + i, "%PDF-", 5) == 0)
      return 1;
  return 0;
}

void ir_pdf_doc_free(ir_pdf_doc *d) {
  free(d->text);
  free(d->lines);
  memset(d, 0, sizeof *d);
}

/* ---- a capped allocator: a decompression bomb fails as an error -------- */

typedef struct {
  size_t used, cap;
  int over; /* an allocation was refused */
} mem_cap;

typedef union {
  size_t n;
  max_align_t align;
} mem_hdr;

static void *cap_malloc(void *u, size_t n) {
  mem_cap *m = u;
  if (n > m->cap - m->used || n > SIZE_MAX - sizeof(mem_hdr)) {
    m->over = 1;
    return NULL;
  }
  mem_hdr *h = malloc(sizeof *h + n);
  if (!h)
    return NULL;
  h->n = n;
  m->used += n;
  return h + 1;
}

static void cap_free(void *u, void *p) {
  if (!p)
    return;
  mem_cap *m = u;
  mem_hdr *h = (mem_hdr *)p - 1;
  m->used -= h->n;
  free(h);
}

static void *cap_realloc(void *u, void *p, size_t n) {
  if (!p)
    return cap_malloc(u, n);
  if (n == 0) {
    cap_free(u, p);
    return NULL;
  }
  mem_cap *m = u;
  mem_hdr *h = (mem_hdr *)p - 1;
  size_t old = h->n;
  if (n > old &&
      (n - old > m->cap - m->used || n > SIZE_MAX - sizeof(mem_hdr))) {
    m->over = 1;
    return NULL;
  }
  mem_hdr *nh = realloc(h, sizeof *nh + n);
  if (!nh)
    return NULL;
  nh->n = n;
  m->used = m->used - old + n;
  return nh + 1;
}

static void quiet(void *user, const char *msg) {
  (void)user;
  (void)msg;
}

/* ---- collecting rows ------------------------------------------------------
 */

static int put_utf8(ir_pdf_rows *r, int c) {
  unsigned char b[4];
  size_t n;
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
    c = ' ';
  if (c < 0x80) {
    b[0] = (unsigned char)c;
    n = 1;
  } else if (c < 0x800) {
    b[0] = (unsigned char)(0xC0 | (c >> 6));
    b[1] = (unsigned char)(0x80 | (c & 0x3F));
    n = 2;
  } else if (c < 0x10000) {
    if (c >= 0xD800 && c < 0xE000)
      c = 0xFFFD;
    b[0] = (unsigned char)(0xE0 | (c >> 12));
    b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    b[2] = (unsigned char)(0x80 | (c & 0x3F));
    n = 3;
  } else if (c < 0x110000) {
    b[0] = (unsigned char)(0xF0 | (c >> 18));
    b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    b[3] = (unsigned char)(0x80 | (c & 0x3F));
    n = 4;
  } else {
    return 0;
  }
  return ir_pdf_chars_put(r, b, n);
}

/* The hashed name of a glyph's font (the last font asked is remembered,
 * for this document only). */
static uint32_t font_hash(fz_context *ctx, ir_pdf_rows *r, fz_font *font) {
  if (font && (const void *)font == r->font_last)
    return r->font_last_h;
  const char *n = font ? fz_font_name(ctx, font) : "";
  uint32_t h = 2166136261u;
  for (; n && *n; n++)
    h = (h ^ (unsigned char)*n) * 16777619u;
  r->font_last = font;
  r->font_last_h = h;
  return h;
}

/* One MuPDF line as a row fragment. */
static int add_line(fz_context *ctx, ir_pdf_rows *r, uint32_t page,
                    fz_stext_line *ln) {
  ir_pdf_frag f;
  memset(&f, 0, sizeof f);
  f.page = page;
  f.off = (uint32_t)r->nchars;
  int seen = 0, word_done = 0;
  float word_x0 = 0;
  for (fz_stext_char *ch = ln->first_char; ch; ch = ch->next) {
    fz_rect q = fz_rect_from_quad(ch->quad);
    int blank = ch->c == ' ' || ch->c == 0xA0 || ch->c < 0x20;
    if (!seen && blank)
      continue; /* leading blanks: positions are what count */
    if (!seen) {
      f.x0 = q.x0;
      f.y = ch->origin.y;
      f.size = ch->size;
      f.font0 = font_hash(ctx, r, ch->font);
      word_x0 = q.x0;
      seen = 1;
    }
    if (blank)
      word_done = 1;
    else {
      if (!word_done)
        f.word_w = q.x1 - word_x0;
      f.x1 = q.x1;
      f.font1 = font_hash(ctx, r, ch->font);
      f.nvis++;
      r->visible++;
      if (ch->c == 0xFFFD)
        r->unmapped++;
    }
    if (put_utf8(r, ch->c) != 0)
      return -1;
  }
  if (!seen) { /* a blank printed line: kept for its place on the page */
    if (!ln->first_char)
      return 0;
    f.x0 = f.x1 = ln->first_char->origin.x;
    f.y = ln->first_char->origin.y;
    f.size = ln->first_char->size;
    return ir_pdf_frag_add(r, &f);
  }
  /* trailing blanks out */
  while (r->nchars > f.off && r->chars[r->nchars - 1] == ' ')
    r->nchars--;
  f.len = (uint32_t)(r->nchars - f.off);
  return ir_pdf_frag_add(r, &f);
}

/* "%%EOF" in the last KiB: the file was written to its end. */
static int has_eof(const unsigned char *b, size_t n) {
  size_t from = n > 1024 ? n - 1024 : 0;
  for (size_t i = from; i + 5 <= n; i++)
    if (b[i] == '%' && memcmp(b + i, "%%EOF", 5) == 0)
      return 1;
  return 0;
}

/* Adds the decompressed length of stream s to *total, stopping past lim. */
static void drain(fz_context *ctx, pdf_obj *s, size_t *total, size_t lim) {
  unsigned char scratch[16384];
  fz_stream *st = pdf_open_stream(ctx, s);
  fz_try(ctx) {
    size_t got;
    while (*total <= lim && (got = fz_read(ctx, st, scratch, sizeof scratch)))
      *total += got;
  }
  fz_always(ctx) fz_drop_stream(ctx, st);
  fz_catch(ctx) fz_rethrow(ctx);
}

/* Total decompressed size of the page content streams, stopping past lim. */
static size_t content_bytes(fz_context *ctx, pdf_document *pdoc, int np,
                            size_t lim) {
  size_t total = 0;
  for (int i = 0; i < np && total <= lim; i++) {
    pdf_obj *pg = pdf_lookup_page_obj(ctx, pdoc, i);
    pdf_obj *c = pdf_dict_get(ctx, pg, PDF_NAME(Contents));
    int arr = pdf_is_array(ctx, c);
    int n = arr ? pdf_array_len(ctx, c) : 1;
    for (int k = 0; k < n && k < 4096 && total <= lim; k++) {
      pdf_obj *s = arr ? pdf_array_get(ctx, c, k) : c;
      if (pdf_is_stream(ctx, s))
        drain(ctx, s, &total, lim);
    }
  }
  return total;
}

int ir_pdf_extract_mem(const unsigned char *b, size_t n,
                       const ir_pdf_limits *lim, ir_pdf_doc *out, char *err,
                       size_t errlen) {
  memset(out, 0, sizeof *out);
  size_t max_text = lim && lim->max_text ? lim->max_text : (size_t)64 << 20;
  uint32_t max_pages = lim && lim->max_pages ? lim->max_pages : 2000;
  mem_cap mc = {0, lim && lim->max_mem ? lim->max_mem : (size_t)512 << 20, 0};
  fz_alloc_context alloc = {&mc, cap_malloc, cap_realloc, cap_free};
  fz_context *ctx = fz_new_context(&alloc, NULL, (size_t)32 << 20);
  if (!ctx) {
    snprintf(err, errlen, "out of memory (PDF reader)");
    return -1;
  }
  fz_set_warning_callback(ctx, quiet, NULL);
  fz_set_error_callback(ctx, quiet, NULL);
  ir_pdf_rows rows;
  memset(&rows, 0, sizeof rows);
  rows.max_chars = max_text;
  fz_document *doc = NULL;
  fz_stream *stm = NULL;
  fz_stext_page *sp = NULL;
  int rc = -1;
  err[0] = 0;
  fz_var(doc);
  fz_var(stm);
  fz_var(sp);
  fz_try(ctx) {
    fz_register_document_handlers(ctx);
    stm = fz_open_memory(ctx, b, n);
    doc = fz_open_document_with_stream(ctx, "application/pdf", stm);
    if (fz_needs_password(ctx, doc))
      fz_throw(ctx, FZ_ERROR_GENERIC, "IR:encrypted PDF (password required)");
    int np = fz_count_pages(ctx, doc);
    if (np <= 0)
      fz_throw(ctx, FZ_ERROR_GENERIC, "IR:PDF has no pages");
    if ((uint32_t)np > max_pages)
      fz_throw(ctx, FZ_ERROR_GENERIC, "IR:PDF bomb: %d pages (limit %u)", np,
               max_pages);
    pdf_document *pdoc = pdf_specifics(ctx, doc);
    if (pdoc && pdf_was_repaired(ctx, pdoc) && !has_eof(b, n))
      fz_throw(ctx, FZ_ERROR_GENERIC,
               "IR:truncated PDF (the file ends early; its text would be "
               "partial)");
    if (pdoc) {
      size_t blim = n * 100 > ((size_t)64 << 20) ? n * 100 : (size_t)64 << 20;
      if (content_bytes(ctx, pdoc, np, blim) > blim)
        fz_throw(ctx, FZ_ERROR_GENERIC,
                 "IR:PDF bomb: page content decompresses to over %zu MiB "
                 "(file %zu KiB)",
                 blim >> 20, n >> 10);
    }
    fz_stext_options opts;
    memset(&opts, 0, sizeof opts);
    opts.flags = FZ_STEXT_PRESERVE_IMAGES;
    for (int i = 0; i < np; i++) {
      sp = fz_new_stext_page_from_page_number(ctx, doc, i, &opts);
      for (fz_stext_block *bl = sp->first_block; bl; bl = bl->next) {
        if (bl->type == FZ_STEXT_BLOCK_IMAGE) {
          rows.images++;
          continue;
        }
        if (bl->type != FZ_STEXT_BLOCK_TEXT)
          continue;
        for (fz_stext_line *ln = bl->u.t.first_line; ln; ln = ln->next)
          if (add_line(ctx, &rows, (uint32_t)i + 1, ln) != 0)
            fz_throw(ctx, FZ_ERROR_GENERIC,
                     rows.too_long ? "IR:PDF bomb: its text is over %zu bytes"
                                   : "IR:out of memory (PDF text)",
                     max_text);
      }
      fz_drop_stext_page(ctx, sp);
      sp = NULL;
    }
    rows.npages = (uint32_t)np;
    rc = 0;
  }
  fz_always(ctx) {
    fz_drop_stext_page(ctx, sp);
    fz_drop_document(ctx, doc);
    fz_drop_stream(ctx, stm);
  }
  fz_catch(ctx) {
    const char *m = fz_caught_message(ctx);
    if (strncmp(m, "IR:", 3) == 0)
      snprintf(err, errlen, "%s", m + 3);
    else if (mc.over)
      snprintf(err, errlen,
               "PDF bomb: reading it needs over %zu MiB (decompression)",
               mc.cap >> 20);
    else
      snprintf(err, errlen, "damaged PDF: %s", m);
    rc = -1;
  }
  fz_drop_context(ctx);
  if (rc == 0) {
    if (rows.visible == 0)
      snprintf(err, errlen, "%s",
               rows.images ? "no text layer: scanned letter; OCR it first"
                           : "no text layer: the pages are blank");
    else if (rows.unmapped * 2 > rows.visible)
      snprintf(err, errlen, "%s",
               "no usable text layer (fonts without a character map); OCR "
               "it first");
    else if (ir_pdf_layout(&rows, out) != 0)
      snprintf(err, errlen, "%s",
               rows.too_long ? "PDF bomb: its text is too long"
                             : "out of memory (PDF text)");
    rc = err[0] ? -1 : 0;
  }
  ir_pdf_rows_free(&rows);
  if (rc != 0)
    ir_pdf_doc_free(out);
  return rc;
}
