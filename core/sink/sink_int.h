/* sink_int.h - pieces the sink modules share. Not a public contract. */
#ifndef IR_SINK_INT_H
#define IR_SINK_INT_H
#include "sink.h"

/* The CSV row of a cross-case finding (report_csv.c). */
void ir_csv_cross(ir_buf *b, const ir_cross_finding *f, int raw);

#endif
