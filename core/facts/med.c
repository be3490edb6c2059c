/* med.c - TEMP until branch med lands. */
#include "med.h"

#include <stdio.h>

ir_med_table *ir_med_load(const char *path, char *err, size_t errlen) {
  snprintf(err, errlen, "%s: drug tables are not supported yet", path);
  return NULL;
}

void ir_med_free(ir_med_table *t) { (void)t; }
