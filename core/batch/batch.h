/* batch.h - auditing a list of inputs with N worker threads.
 *
 * ir_batch_run() enumerates the inputs (files, directories recursively with
 * a glob, "-" for stdin, and --files-from lists), audits each with one
 * ir_worker per thread, and hands each letter's record to every sink in
 * input order as soon as it and all earlier ones are done (bounded reorder
 * buffer: memory flat in the batch length). Every input gets a record,
 * audited or failed. After the batch: cross-case findings, then the
 * summary, to every sink. Returns the exit status (0 clean, 1 flagged, 2
 * some input failed, a rule errored or a sink failed; 128 + the signal
 * when a stop was requested (base/stop.h): the inputs not yet taken are
 * skipped, the letters in flight are written, the outputs say so). */
#ifndef IR_BATCH_H
#define IR_BATCH_H
#include <stdio.h>

#include "letter/letter.h"
#include "sink/sink.h"

/* How one letter is audited: the per-letter driver above the batch gives
 * one worker per thread (worker_new from ctx; NULL with a message in err)
 * and audit fills *out from a path, never failing silently (ok = 0 and a
 * one-line error). */
typedef struct {
  void *(*worker_new)(const void *ctx, char *err, size_t errlen);
  void (*audit)(void *worker, const char *path, ir_letter *out);
  void (*worker_free)(void *worker);
  const void *ctx;
} ir_auditor;

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

int ir_batch_run(const ir_auditor *a, const ir_batch_opts *o);

#include "clash.h" /* outputs refused before the batch (main) */

#endif
