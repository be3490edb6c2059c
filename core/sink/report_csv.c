/* report_csv.c - --format csv: one row per decided item (RFC 4180: fields
 * holding a comma, quote, CR or LF are quoted, quotes doubled; CRLF line
 * ends; a header row first). Safe for spreadsheets unless raw: a field
 * starting with = + - @ TAB or CR, which a spreadsheet would run as a
 * formula, gets a leading ' (OWASP, CSV injection). A letter that could not be
 * audited gets one row with its error; a cross-case finding is a row of its
 * item with the finding's kind, severity and message. Columns: see
 * ir_csv_header(). */
#include <string.h>

#include "sink.h"
#include "sink_int.h"

static void field(ir_buf *b, const char *s, int last, int raw) {
  if (!s)
    s = "";
  int lead = !raw && *s && strchr("=+-@\t\r", *s);
  if (strpbrk(s, ",\"\r\n")) {
    ir_buf_putc(b, '"');
    if (lead)
      ir_buf_putc(b, '\'');
    for (const char *p = s; *p; p++) {
      if (*p == '"')
        ir_buf_putc(b, '"');
      ir_buf_putc(b, *p);
    }
    ir_buf_putc(b, '"');
  } else {
    if (lead)
      ir_buf_putc(b, '\'');
    ir_buf_puts(b, s);
  }
  ir_buf_puts(b, last ? "\r\n" : ",");
}

void ir_csv_field(ir_buf *b, const char *s, int last) { field(b, s, last, 0); }
void ir_csv_field_raw(ir_buf *b, const char *s, int last) {
  field(b, s, last, 1);
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
                   const char *(*get)(const void *, size_t), const void *ctx,
                   int raw) {
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
  field(out, tmp.p ? tmp.p : "", 0, raw);
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
                     const unsigned char status[IR_CRIT_COUNT], int raw) {
  char idx[24];
  snprintf(idx, sizeof idx, "%d", index);
  field(b, file, 0, raw);
  field(b, case_number, 0, raw);
  field(b, idx, 0, raw);
  field(b, service, 0, raw);
  field(b, category, 0, raw);
  field(b, ir_outcome_name(o), 0, raw);
  field(b, ir_conclusion_name(c), 0, raw);
  for (int k = 0; k < IR_CRIT_COUNT; k++)
    field(b, ir_status_name((ir_status)status[k]), 0, raw);
}

static void item_row(ir_buf *b, const ir_letter *l, const ir_item *it,
                     int raw) {
  unsigned char status[IR_CRIT_COUNT];
  for (int k = 0; k < IR_CRIT_COUNT; k++)
    status[k] = (unsigned char)it->facts[k].status;
  row_head(b, l->path, l->case_number, it->index, it->service, it->category,
           it->outcome, it->conclusion, status, raw);
  joined(b, it->cited.n, cited_at, it, raw);
  joined(b, it->findings.n, kind_at, it, raw);
  joined(b, it->findings.n, sev_at, it, raw);
  field(b, it->findings.n ? it->findings.v[0].message : "", 0, raw);
  field(b, "", 1, raw);
}

void ir_csv_cross(ir_buf *b, const ir_cross_finding *f, int raw) {
  row_head(b, f->file, f->case_number, f->index, f->service, f->category,
           f->outcome, f->conclusion, f->status, raw);
  field(b, "", 0, raw);
  field(b, IR_CROSS_KIND, 0, raw);
  field(b, "warning", 0, raw);
  field(b, f->message, 0, raw);
  field(b, "", 1, raw);
}

void ir_csv_letter(ir_buf *b, const ir_letter *l, int raw) {
  if (!l->ok || !l->items.n) {
    field(b, l->path, 0, raw);
    field(b, l->case_number, 0, raw);
    for (int i = 0; i < 5 + IR_CRIT_COUNT + 4; i++)
      field(b, "", 0, raw);
    field(b, l->ok ? "no decided item" : l->error, 1, raw);
    return;
  }
  for (size_t i = 0; i < l->items.n; i++)
    item_row(b, l, &l->items.v[i], raw);
}
