/* packfacts_int.h - internals shared by packfacts.c (reading a fact's
 * sections under its modifier classes, deriving the status) and
 * packvalues.c (the value extractors). */
#ifndef IR_PACKFACTS_INT_H
#define IR_PACKFACTS_INT_H
#include "extract_int.h"
#include "levels.h"

typedef struct {
  xletter *xl;
  int item;
  ir_item *it;
  const ir_crit_def *d;
  const xspec *xs;
  ir_fact *f;
  ir_levels want; /* the levels and sides the item's title names */
} pf;

/* Does the fact read sentence x's region? */
int ir_pf_reads(const pf *p, const xsent *x);
/* XC_* of the term [ts, te) under the modifier classes mods. */
int ir_pf_classify(const xsent *x, size_t ts, size_t te, unsigned mods);
/* The term speaks of another region, level or side than the item's. */
int ir_pf_foreign(const pf *p, const xsent *x, size_t ts, size_t te);
/* Evidence of sentence x around [lo, hi) into l. */
void ir_pf_add(pf *p, ir_evlist *l, const xsent *x, size_t lo, size_t hi);
/* The fact's value by its extractor (packvalues.c). */
void ir_pf_value(pf *p);

#endif
