/* med.h - TEMP until branch med lands: the morphine-equivalent dose
 * table. */
#ifndef IR_MED_H
#define IR_MED_H
#include <stddef.h>
typedef struct ir_med_table ir_med_table;
ir_med_table *ir_med_load(const char *path, char *err, size_t errlen);
void ir_med_free(ir_med_table *t);
#endif
