/* report.h - rendering one letter's record.
 * ir_report_json: one JSON line (audit-json.md), ending in '\n'.
 * ir_report_text: the terminal report for one letter (items, findings as
 * compiler diagnostics with quoted evidence); colour when color != 0.
 * ir_report_explain: the per-item criteria checklist (--explain). */
#ifndef IR_REPORT_H
#define IR_REPORT_H
#include "base/buf.h"
#include "letter/record.h"

void ir_report_json(ir_buf *b, const ir_letter *l);
void ir_report_text(ir_buf *b, const ir_letter *l, int color);
void ir_report_explain(ir_buf *b, const ir_letter *l, int color);

#endif
