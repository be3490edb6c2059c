/* batch_int.h - internals shared by the batch modules (batch.c, the
 * summary, CSV and HTML reports). Not a public contract.
 *
 * Workers audit and render in parallel; the single writer thread (the
 * caller of ir_batch_run) consumes letters in input order. What the writer
 * needs from a letter is a copy without its text (ir_letter_copy) made by
 * the worker into a per-slot arena, plus the fragments the worker rendered. */
#ifndef IR_BATCH_INT_H
#define IR_BATCH_INT_H
#include <stdio.h>

#include "batch.h"
#include "base/buf.h"
#include "letter/record.h"

/* Deep copy of l into a, without the text (text.norm/orig NULL, lengths and
 * layout kept). Evidence text strings are copied. */
ir_letter *ir_letter_copy(ir_arena *a, const ir_letter *l);

/* Batch summary, fed in input order by the writer. */
#define IR_SUM_MAXKEYS 64
typedef struct {
  char *key;
  long n[4]; /* meaning depends on the table */
} ir_sum_row;
typedef struct {
  ir_sum_row *v;
  size_t n, cap;
} ir_sum_table;

typedef struct {
  long letters, items, failed, flagged_items, flagged_letters, rule_errors;
  long findings;
  ir_sum_table by_kind;      /* n[0] findings, n[1] items */
  ir_sum_table by_criterion; /* n[0] findings */
  ir_sum_table by_severity;  /* n[0] findings */
  ir_sum_table by_category;  /* n[0] upheld, n[1] overturned, n[2] unknown,
                                n[3] flagged items */
  ir_sum_table by_specialty; /* n[0] items, n[1] flagged items, n[2] letters */
} ir_summary;

void ir_summary_init(ir_summary *s);
void ir_summary_add(ir_summary *s, const ir_letter *l);
/* Adds one cross-case finding on an item; first_on_item when the item had
 * no finding before (it becomes flagged). */
void ir_summary_add_cross(ir_summary *s, const char *category,
                          const char *specialty, int first_on_item);
ir_sum_row *ir_sum_get(ir_sum_table *t, const char *key);
void ir_summary_text(ir_buf *b, const ir_summary *s);
void ir_summary_json(ir_buf *b, const ir_summary *s);
void ir_summary_free(ir_summary *s);

/* CSV (report_csv.c): RFC 4180, CRLF line ends. */
void ir_csv_header(ir_buf *b);
void ir_csv_letter(ir_buf *b, const ir_letter *l);
void ir_csv_field(ir_buf *b, const char *s, int last);

#endif
