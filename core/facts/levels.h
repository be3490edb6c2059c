/* levels.h - spinal levels and sides a span of text names, for binding a
 * finding to its item (an item for right L5-S1 is not supported by a left
 * C6 finding) and for counting the levels a request names.
 *
 * ir_levels_in reads "L4-5", "L4-L5", "L5-S1", "L4/5", "L3 to S1" as
 * interspaces (L3 to S1: three), "L5", "C6" as roots, and "left",
 * "right", "bilateral", "b/l" as sides. */
#ifndef IR_LEVELS_H
#define IR_LEVELS_H
#include <stddef.h>
#include <stdint.h>
#include <strings.h>

typedef struct {
  uint64_t spaces; /* interspace below segment s (C1 0 .. L5 24): bit s */
  uint64_t roots;  /* nerve root / vertebra s: bit s (S1 25) */
  unsigned sides;  /* 1 left, 2 right, 3 both */
} ir_levels;

ir_levels ir_levels_in(const char *t, size_t lo, size_t hi);
/* 0 when both name levels (or one side each) and none is shared; a root
 * shares the interspaces above and below it. */
int ir_levels_meet(const ir_levels *a, const ir_levels *b);
/* The levels a request names: interspaces, else roots. */
int ir_levels_count(const ir_levels *v);

#endif
