/* report_html.h - the self-contained HTML audit report (--report F.html).
 *
 * Workers render, per letter, HTML fragments of the items that are flagged
 * or could become flagged by a cross-case finding, with each evidence quote
 * shown in a small window of the letter text around it (ir_html_letter;
 * needs the letter's text). The writer appends the fragments to a
 * temporary file in input order (ir_html_add), and the cross-case findings
 * to another (ir_html_cross), so memory stays flat; at the end ir_html_finish
 * writes the report: headline figures, inline SVG charts of the whole batch,
 * and the table of flagged items (rule and cross-case findings; at most
 * max_items, the most severe first, so the page opens fast at any batch
 * size), sortable and filterable with a little inline JS, printable. Everything
 * from letters is HTML-escaped; invalid UTF-8 becomes U+FFFD. */
#ifndef IR_REPORT_HTML_H
#define IR_REPORT_HTML_H
#include <stdio.h>

#include "sink.h"

typedef struct ir_html ir_html;
struct ir_html { /* internal to report_html*.c */
  char *path;
  char *outname; /* the page being written: a hidden file beside path,
                    renamed to path once complete, removed otherwise */
  FILE *out;
  int spool_err; /* a temporary file could not be written (disk full) */
  FILE *tmp;     /* fragments in input order */
  FILE *fail;    /* table rows of failed letters and rule errors */
  FILE *cross;   /* cross-case finding blocks, "X seq index n\n" + n bytes */
  size_t ncross;
  long max_items;        /* rows of the flagged-items table */
  long nfail, fail_more; /* rows in fail; rows left out */
};

/* The rows the failed-letters table holds at most. */
#define IR_HTML_FAIL_ROWS 200
/* The flagged-items table holds at most max_items rows, the most severe
 * first; the page says how many more the CSV and the database hold. */
ir_html *ir_html_new(const char *path, long max_items, char *err,
                     size_t errlen);
/* Worker side: fragments of l's items into b (l must still have its text). */
void ir_html_letter(ir_buf *b, const ir_letter *l);
/* Writer side, in input order. */
void ir_html_add(ir_html *h, long seq, const ir_letter *l, const char *frag,
                 size_t n);
/* Writer side, after the letters, in input order. */
int ir_html_cross(ir_html *h, const ir_cross_finding *f);
/* Writes the page to outname and renames it to path once it is complete
 * (every write checked); 0, or -1 after printing the error, with nothing
 * left under path. A run interrupted (base/stop.h) writes no report. */
int ir_html_finish(ir_html *h, const ir_summary *s);
void ir_html_free(ir_html *h);
/* The charts section from the batch summary (report_html_charts.c). */
void ir_html_charts(ir_buf *b, const ir_summary *s);
/* HTML-escape (text and attribute safe); invalid UTF-8 -> U+FFFD. */
void ir_html_esc(ir_buf *b, const char *s);
void ir_html_esc_n(ir_buf *b, const char *s, size_t n);

#endif
