/* pdf_int.h - internals of the PDF reader (pdf.c collects, pdf_layout.c
 * lays out); not a public contract (pdf.h is). */
#ifndef IR_PDF_INT_H
#define IR_PDF_INT_H
#include <stddef.h>
#include <stdint.h>

#include "pdf.h"

/* A line fragment as MuPDF found it: chars[off, off+len) of the rows. */
typedef struct {
  uint32_t page, off, len;
  uint32_t nvis;         /* visible characters */
  float x0, x1, y;       /* left, right, baseline */
  float size;            /* font size of its first character */
  float word_w;          /* width of its first word */
  uint32_t font0, font1; /* hashed font names: first and last glyph */
} ir_pdf_frag;

typedef struct {
  char *chars; /* the fragments' text, UTF-8 */
  size_t nchars, cap, max_chars;
  ir_pdf_frag *frags;
  size_t nfrags, fcap;
  size_t visible, unmapped, images;
  uint32_t npages;
  int too_long;          /* max_chars reached */
  const void *font_last; /* pdf.c's font name cache */
  uint32_t font_last_h;
} ir_pdf_rows;

int ir_pdf_chars_put(ir_pdf_rows *r, const unsigned char *b, size_t n);
int ir_pdf_frag_add(ir_pdf_rows *r, const ir_pdf_frag *f);
void ir_pdf_rows_free(ir_pdf_rows *r);

/* Rows -> the text and line table of pdf.h. 0, or -1 (r->too_long, or out
 * of memory). */
int ir_pdf_layout(ir_pdf_rows *r, ir_pdf_doc *out);

#endif
