/* clash.h - outputs that would overwrite an input or each other.
 *
 * Before any work, ir_outputs_clash() refuses outputs (--report, --db)
 * that name the same file as each other, as a command-line input, as the
 * --files-from list or a path it lists, or that lie inside an input
 * directory where the walk would take them as input (name matching the
 * glob). Files are compared by device and inode when they exist, else by
 * their canonical name (realpath of the directory plus the name). Returns
 * 0, or -1 with a one-line message in err. */
#ifndef IR_CLASH_H
#define IR_CLASH_H
#include <stddef.h>

#include "batch.h"

typedef struct {
  const char *path;
  const char *option; /* "--report", "--db" */
} ir_output;

int ir_outputs_clash(const ir_batch_opts *o, const ir_output *outs, size_t n,
                     char *err, size_t errlen);

#endif
