/* report_csv.c - --format csv: one row per decided item (RFC 4180: fields
 * holding a comma, quote, CR or LF are quoted, quotes doubled; CRLF line
 * ends; a header row first). A letter that could not be audited gets one
 * row with its error; a cross-case finding is a row of its item with
 * the finding's kind, severity and message. Columns: see ir_csv_header(). */
#include <string.h>

#include "sink.h"
#include "sink_int.h"

void ir_csv_field(ir_buf *b, const char *s, int last) {
  if (!s)
    s = "";
  if (strpbrk(s, ",\"\r\n")) {
    ir_buf_putc(b, '"');
    for (const char *p = s; *p; p++) {
      if (*p == '"')
        ir_buf_putc(b, '"');
      ir_buf_putc(b, *p);
    }
    ir_buf_putc(b, '"');
  } else {
    ir_buf_puts(b, s);
  }
  ir_buf_puts(b, last ? "\r\n" : ",");
}

void ir_csv_header(ir_buf *b) {
  static const char *const head[] = {"file",      "case_number", "item",
                                     "service",   "category",    "outcome",
                                     "conclusion"};
  for (size_t i = 0; i < sizeof head / sizeof *head; i++)
    ir_csv_field(b, head[i], 0);
  for (int c = 0; c < IR_CRIT_COUNT; c++)
    ir_csv_field(b, ir_criterion_name((ir_criterion)c), 0);
  ir_csv_field(b, "cited", 0);
  ir_csv_field(b, "finding_kinds", 0);
  ir_csv_field(b, "severities", 0);
  ir_csv_field(b, "first_message", 0);
  ir_csv_field(b, "error", 1);
}

/* "a;b;c" of the distinct strings produced by get(i) for i < n. */
static void joined(ir_buf *out, size_t n,
                   const char *(*get)(const void *, size_t), const void *ctx) {
  ir_buf tmp = {0};
  for (size_t i = 0; i < n; i++) {
    const char *s = get(ctx, i);
    if (!s)
      continue;
    int dup = 0;
    for (size_t j = 0; j < i && !dup; j++) {
      const char *t = get(ctx, j);
      dup = t && strcmp(s, t) == 0;
    }
    if (dup)
      continue;
    if (tmp.n)
      ir_buf_putc(&tmp, ';');
    ir_buf_puts(&tmp, s);
  }
  ir_csv_field(out, tmp.p ? tmp.p : "", 0);
  ir_buf_free(&tmp);
}

static const char *cited_at(const void *it, size_t i) {
  return ir_criterion_name(((const ir_item *)it)->cited.v[i].criterion);
}
static const char *kind_at(const void *it, size_t i) {
  return ((const ir_item *)it)->findings.v[i].kind;
}
static const char *sev_at(const void *it, size_t i) {
  return ir_severity_name(((const ir_item *)it)->findings.v[i].severity);
}

/* The columns an item row and a cross-case row share: file .. the
 * criterion statuses. */
static void row_head(ir_buf *b, const char *file, const char *case_number,
                     int index, const char *service, const char *category,
                     ir_outcome o, ir_conclusion c,
                     const unsigned char status[IR_CRIT_COUNT]) {
  char idx[24];
  snprintf(idx, sizeof idx, "%d", index);
  ir_csv_field(b, file, 0);
  ir_csv_field(b, case_number, 0);
  ir_csv_field(b, idx, 0);
  ir_csv_field(b, service, 0);
  ir_csv_field(b, category, 0);
  ir_csv_field(b, ir_outcome_name(o), 0);
  ir_csv_field(b, ir_conclusion_name(c), 0);
  for (int k = 0; k < IR_CRIT_COUNT; k++)
    ir_csv_field(b, ir_status_name((ir_status)status[k]), 0);
}

static void item_row(ir_buf *b, const ir_letter *l, const ir_item *it) {
  unsigned char status[IR_CRIT_COUNT];
  for (int k = 0; k < IR_CRIT_COUNT; k++)
    status[k] = (unsigned char)it->facts[k].status;
  row_head(b, l->path, l->case_number, it->index, it->service, it->category,
           it->outcome, it->conclusion, status);
  joined(b, it->cited.n, cited_at, it);
  joined(b, it->findings.n, kind_at, it);
  joined(b, it->findings.n, sev_at, it);
  ir_csv_field(b, it->findings.n ? it->findings.v[0].message : "", 0);
  ir_csv_field(b, "", 1);
}

void ir_csv_cross(ir_buf *b, const ir_cross_finding *f) {
  row_head(b, f->file, f->case_number, f->index, f->service, f->category,
           f->outcome, f->conclusion, f->status);
  ir_csv_field(b, "", 0);
  ir_csv_field(b, IR_CROSS_KIND, 0);
  ir_csv_field(b, "warning", 0);
  ir_csv_field(b, f->message, 0);
  ir_csv_field(b, "", 1);
}

void ir_csv_letter(ir_buf *b, const ir_letter *l) {
  if (!l->ok || !l->items.n) {
    ir_csv_field(b, l->path, 0);
    ir_csv_field(b, l->case_number, 0);
    for (int i = 0; i < 5 + IR_CRIT_COUNT + 4; i++)
      ir_csv_field(b, "", 0);
    ir_csv_field(b, l->ok ? "no decided item" : l->error, 1);
    return;
  }
  for (size_t i = 0; i < l->items.n; i++)
    item_row(b, l, &l->items.v[i]);
}
