/* batch.h - auditing a list of inputs with N worker threads.
 *
 * ir_batch_run() enumerates the inputs (files, directories recursively with
 * a glob, "-" for stdin, and --files-from lists), audits each with one
 * ir_worker per thread, and hands each letter's record to every sink in
 * input order as soon as it and all earlier ones are done (bounded reorder
 * buffer: memory flat in the batch length). Every input gets a record,
 * audited or failed. After the batch: cross-case findings, then the
 * summary, to every sink. Returns the exit status (0 clean, 1 flagged, 2
 * some input failed, a rule errored or a sink failed). */
#ifndef IR_BATCH_H
#define IR_BATCH_H
#include <stdio.h>

#include "audit.h"
#include "sink/sink.h"

typedef struct {
  const char *const *paths; /* command-line inputs */
  size_t npaths;
  const char *files_from; /* file with one path per line, "-" = stdin */
  const char *glob;       /* for directories; default "*.txt" */
  int jobs;               /* worker threads; <= 0: number of cores */
  int quiet;              /* no progress line */
  int cross_case;         /* similar-cases-differ findings */
  ir_sink *const *sinks;  /* where results go, driven in this order */
  size_t nsinks;
} ir_batch_opts;

int ir_batch_run(const ir_engine *e, const ir_batch_opts *o);

#endif
