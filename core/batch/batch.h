/* batch.h - auditing a list of inputs with N worker threads.
 *
 * ir_batch_run() enumerates the inputs (files, directories recursively with
 * a glob, "-" for stdin, and --files-from lists), audits each with one
 * ir_worker per thread, and writes each letter's rendered record to out in
 * input order as soon as it and all earlier ones are done (bounded reorder
 * buffer: memory flat in the batch length). Every input gets a record,
 * audited or failed. After the batch: cross-case findings, the summary,
 * the HTML report and the SQLite store when asked. Returns the exit status
 * (0 clean, 1 flagged, 2 some input failed or a rule errored). */
#ifndef IR_BATCH_H
#define IR_BATCH_H
#include <stdio.h>

#include "audit.h"

typedef enum { IR_FMT_TEXT = 0, IR_FMT_JSON, IR_FMT_CSV } ir_format;

typedef struct {
  const char *const *paths; /* command-line inputs */
  size_t npaths;
  const char *files_from; /* file with one path per line, "-" = stdin */
  const char *glob;       /* for directories; default "*.txt" */
  int jobs;               /* worker threads; <= 0: number of cores */
  ir_format format;
  int color;               /* colour in the text report */
  int quiet;               /* no progress line */
  int explain;             /* criteria checklist per item (text) */
  int cross_case;          /* similar-cases-differ findings */
  const char *report_html; /* --report FILE.html or NULL */
  const char *db_path;     /* --db FILE.sqlite or NULL */
} ir_batch_opts;

int ir_batch_run(const ir_engine *e, const ir_batch_opts *o, FILE *out);

#endif
