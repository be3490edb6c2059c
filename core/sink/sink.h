/* sink.h - where audit results go: every output behind one interface.
 *
 * Takes: audited records (ir_letter) in input order, then the batch's
 * cross-case findings (plain findings on an item, in input order), then
 * the batch summary. Gives: the stdout stream (text, JSON Lines or CSV),
 * the HTML report, the SQLite store. A sink never reaches back into the
 * batch; the batch drives a list of sinks.
 *
 * Call order, all on the writer thread except prepare:
 *   begin; letter (per letter, input order; flush when the writer runs out
 *   of ready letters); cross (per cross-case finding, input order; first
 *   is 1 for the batch's first); summary; finish; ir_sink_free.
 * prepare runs on a worker thread while the letter still has its text: what
 * the sink needs from the text (a rendered record, HTML fragments with
 * quotes in context, a hash of the bytes) goes into frag, which letter()
 * then receives. prepare reads only the sink's configuration, never its
 * writer-side state, so workers may call it concurrently.
 * Every op may be NULL (nothing to do). The int ops return 0, or -1 after
 * printing a one-line error (the batch then exits 2). */
#ifndef IR_SINK_H
#define IR_SINK_H
#include <stdio.h>

#include "base/base.h"
#include "letter/letter.h"

/* CSV: fields a spreadsheet would run as formulas get a leading ';
 * CSV_RAW: every field as it is. */
typedef enum {
  IR_FMT_TEXT = 0,
  IR_FMT_JSON,
  IR_FMT_CSV,
  IR_FMT_CSV_RAW
} ir_format;

/* --- what sinks receive besides records --------------------------------- */

/* Batch summary tables: small keyed arrays; n[] meaning per table. */
#define IR_SUM_MAXKEYS 64
#define IR_SUM_MAXMONTHS 1200
typedef struct {
  char *key;
  long n[4];
} ir_sum_row;
typedef struct {
  ir_sum_row *v;
  size_t n, cap;
} ir_sum_table;

typedef struct {
  long letters, items, failed, flagged_items, flagged_letters, rule_errors;
  long findings;
  int interrupted;      /* the stop signal (base/stop.h) when the run was cut
                           short: the letters counted are those audited */
  ir_sum_table by_kind; /* n[0] findings, n[1] items */
  ir_sum_table by_criterion; /* n[0] findings; key "pack: criterion" (the
                                item's pack), or the criterion alone on an
                                item without a pack */
  ir_sum_table by_pack;      /* n[0] items, n[1] flagged items, n[2]
                                findings; key the pack id, "(none)" */
  ir_sum_table by_severity;  /* n[0] findings */
  ir_sum_table by_category;  /* n[0] upheld, n[1] overturned, n[2] unknown,
                                n[3] flagged items */
  ir_sum_table by_specialty; /* n[0] items, n[1] flagged items, n[2] letters */
  ir_sum_table by_month;     /* decision month "YYYY-MM" or "(undated)":
                                n[0] upheld, n[1] overturned, n[2] unknown,
                                n[3] flagged items (up to IR_SUM_MAXMONTHS) */
} ir_summary;

/* A cross-case finding: similar-cases-differ on one item. */
#define IR_CROSS_MAX_NAMED 10
#define IR_CROSS_KIND "similar-cases-differ"
#define IR_CROSS_RULE "cross-case"

typedef struct {
  long seq;         /* input position of the letter */
  const char *file; /* letter path */
  const char *case_number;
  const char *specialty;     /* the letter's specialty group */
  const char *date_decision; /* the letter's, ISO, or NULL */
  const char *category;
  const char *service;
  int index; /* item index, 1-based */
  int line;  /* line of the item title */
  ir_outcome outcome;
  ir_conclusion conclusion;
  /* the criteria profile the item shares with its group: the pack that
   * covers the item (the same for every item of a group), the status of
   * each of its criteria (nstatus = pack->ncrit, in the pack's order) and,
   * per criterion of kind list, its classes "a+b" (NULL: none, or not a
   * list criterion) */
  const ir_pack *pack;
  size_t nstatus;
  const unsigned char *status; /* ir_status per criterion */
  const char *const *classes;
  int first_on_item; /* the item had no other finding */
  const char *message;
  const char **counterparts; /* "file#index" */
  size_t ncounterparts;      /* named (<= IR_CROSS_MAX_NAMED) */
  size_t ntotal;             /* all counterparts */
} ir_cross_finding;

/* --- the interface -------------------------------------------------------- */

typedef struct ir_sink ir_sink;
typedef struct {
  const char *name;
  void (*prepare)(const ir_sink *s, ir_buf *frag, const ir_letter *l);
  int (*begin)(ir_sink *s);
  int (*letter)(ir_sink *s, long seq, const ir_letter *l, const char *frag,
                size_t nfrag);
  /* letter reads only frag: when every sink says so, the batch hands it a
   * record with only the fields it reads itself (no evidence, messages,
   * guideline text), which is cheaper to copy off the worker */
  int frag_only;
  int (*flush)(ir_sink *s);
  int (*cross)(ir_sink *s, const ir_cross_finding *f, int first);
  int (*summary)(ir_sink *s, const ir_summary *sum);
  int (*finish)(ir_sink *s);
  void (*free)(ir_sink *s);
} ir_sink_ops;

struct ir_sink { /* the first member of every sink */
  const ir_sink_ops *ops;
};

/* The record stream on out: records, cross-case findings and the summary
 * in fmt (CSV: header row first, no summary); explain adds the criteria
 * checklist per item (text only). */
ir_sink *ir_sink_stream(FILE *out, ir_format fmt, int color, int explain);
/* The HTML report written to path at finish; its flagged-items table holds
 * at most max_items rows (the most severe first); NULL with a message in
 * err. */
#define IR_HTML_MAX_ITEMS 500
ir_sink *ir_sink_html(const char *path, long max_items, char *err,
                      size_t errlen);
/* The SQLite store at path; NULL with a message in err. */
ir_sink *ir_sink_store(const char *path, char *err, size_t errlen);
void ir_sink_free(ir_sink *s);

/* --- renderers the sinks share (also used by tests and rule tests) -------- */

void ir_report_json(ir_buf *b, const ir_letter *l);
void ir_report_text(ir_buf *b, const ir_letter *l, int color);
void ir_report_explain(ir_buf *b, const ir_letter *l, int color);
/* A cross-case finding as a JSON object line, a text diagnostic (after a
 * section heading when first) or a CSV row. */
void ir_report_cross(ir_buf *b, const ir_cross_finding *f, int first,
                     ir_format fmt, int color);
void ir_summary_text(ir_buf *b, const ir_summary *s);
void ir_summary_json(ir_buf *b, const ir_summary *s);
/* CSV (RFC 4180, CRLF): header row, one letter's rows, one field. A field
 * starting with = + - @ TAB or CR gets a leading ' (OWASP CSV injection)
 * unless raw (ir_csv_field_raw, raw = 1). */
void ir_csv_header(ir_buf *b);
void ir_csv_letter(ir_buf *b, const ir_letter *l, int raw);
void ir_csv_field(ir_buf *b, const char *s, int last);
void ir_csv_field_raw(ir_buf *b, const char *s, int last);

#endif
