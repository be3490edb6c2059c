/* pack_fact.h - one fact specification of a pack criterion (`fact = {...}`
 * in pack.lua) into an ir_fact_spec. Internal to pack loading (pack_load.c).
 *
 * ir_pk_read_fact() reads the table at t: its keys must be known (affirm,
 * deny, cite, read, modifiers, bind, value, classes, value_at, table,
 * otherwise, prevail, with, unmet, weak_deny) with values of their shape; a
 * class or classes extractor needs `classes`, med needs a readable `table`
 * (relative to c->dir), and the fact must name a section or a table. 0, or
 * -1 with the message in c->err (pack_read.h). */
#ifndef IR_PACK_FACT_H
#define IR_PACK_FACT_H
#include "letter/letter.h"
#include "pack_read.h"

int ir_pk_read_fact(pk_ctx *c, int t, ir_fact_spec *f);

#endif
