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

#include "base/base.h"
#include "batch.h"
#include "letter/letter.h"

/* Deep copy of l into a, without the text (text.norm/orig NULL, lengths and
 * layout kept). Evidence text strings are copied. lean: only what the
 * writer itself reads (the summary, the cross-case index, the error lines:
 * the path, error, case number, decision date, specialty, rule errors, and
 * per item its index, line, outcome, conclusion, category, service, pack,
 * facts' status and values but no evidence, findings' kind, criterion and
 * severity); the rest is NULL or empty. For sinks whose letter op reads
 * only its fragment (ir_sink_ops.frag_only). */
ir_letter *ir_letter_copy(ir_arena *a, const ir_letter *l, int lean);

/* Batch summary (sink/sink.h), fed in input order by the writer. */
void ir_summary_init(ir_summary *s);
void ir_summary_add(ir_summary *s, const ir_letter *l);
/* Adds one cross-case finding on an item; first_on_item when the item had
 * no finding before (it becomes flagged). */
void ir_summary_add_cross(ir_summary *s, const ir_cross_finding *f,
                          int first_on_item);
/* The row of key (NULL or "" is "(unknown)"), added when new; past
 * IR_SUM_MAXKEYS keys (cap for ir_sum_get_cap) the "(other)" row. */
ir_sum_row *ir_sum_get(ir_sum_table *t, const char *key);
ir_sum_row *ir_sum_get_cap(ir_sum_table *t, const char *key, size_t cap);
void ir_summary_free(ir_summary *s);

#endif
