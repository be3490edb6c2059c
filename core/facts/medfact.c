/* medfact.c - TEMP until branch med lands: the MED value of an item. */
#include "extract_int.h"

void ir_x_med_value(xletter *xl, int item, const struct ir_med_table *t,
                    ir_fact *f) {
  (void)xl;
  (void)item;
  (void)t;
  (void)f;
}
