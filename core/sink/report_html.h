/* report_html.h - the self-contained HTML audit report (--report F.html).
 *
 * Workers render, per letter, HTML fragments of the items that are flagged
 * or could become flagged by a cross-case finding, with each evidence quote
 * shown in a small window of the letter text around it (ir_html_letter;
 * needs the letter's text). The writer appends the fragments to a
 * temporary file in input order (ir_html_add), and the cross-case findings
 * to another (ir_html_cross), so memory stays flat; at the end ir_html_finish
 * writes the report: headline figures, inline SVG charts, and the table of
 * flagged items (rule and cross-case findings), sortable and filterable with a
 * little inline JS, printable. Everything from letters is HTML-escaped; invalid
 * UTF-8 becomes U+FFFD. */
#ifndef IR_REPORT_HTML_H
#define IR_REPORT_HTML_H
#include <stdio.h>

#include "sink.h"

typedef struct ir_html ir_html;
struct ir_html { /* internal to report_html*.c */
  char *path;
  FILE *tmp;   /* fragments in input order */
  FILE *fail;  /* table rows of failed letters and rule errors */
  FILE *cross; /* cross-case finding blocks, "X seq index n\n" + n bytes */
  size_t ncross;
};

ir_html *ir_html_new(const char *path, char *err, size_t errlen);
/* Worker side: fragments of l's items into b (l must still have its text). */
void ir_html_letter(ir_buf *b, const ir_letter *l);
/* Writer side, in input order. */
void ir_html_add(ir_html *h, long seq, const ir_letter *l, const char *frag,
                 size_t n);
/* Writer side, after the letters, in input order. */
int ir_html_cross(ir_html *h, const ir_cross_finding *f);
/* Writes the file; 0, or -1 after printing the error. */
int ir_html_finish(ir_html *h, const ir_summary *s);
void ir_html_free(ir_html *h);
/* HTML-escape (text and attribute safe); invalid UTF-8 -> U+FFFD. */
void ir_html_esc(ir_buf *b, const char *s);
void ir_html_esc_n(ir_buf *b, const char *s, size_t n);

#endif
