/* report_csv.c - --format csv: one row per decided item (RFC 4180: fields
 * holding a comma, quote, CR or LF are quoted, quotes doubled; CRLF line
 * ends; a header row first). Safe for spreadsheets unless raw: a field
 * starting with = + - @ TAB or CR, which a spreadsheet would run as a
 * formula, gets a leading ' (OWASP, CSV injection). A letter that could not be
 * audited gets one row with its error; a cross-case finding is a row of its
 * item with the finding's kind, severity and message. Columns: see
 * ir_csv_header(); the criteria of the item's guideline pack are one
 * "facts" cell, "id=status[:value];...", so that items of different packs
 * share one header. */
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

/* The item row's columns. The guideline criteria are not columns (each
 * pack has its own): "facts" holds every criterion of the item's pack as
 * id=status[:value], ";"-joined in the pack's order, "cited" the cited
 * ids; "pack" says whose ids they are. */
static const char *const head[] = {
    "file",          "case_number", "item",          "service", "category",
    "outcome",       "conclusion",  "pack",          "facts",   "cited",
    "finding_kinds", "severities",  "first_message", "error"};
#define NHEAD (sizeof head / sizeof *head)

void ir_csv_header(ir_buf *b) {
  for (size_t i = 0; i < NHEAD; i++)
    ir_csv_field(b, head[i], i + 1 == NHEAD);
}

/* s into a "facts" cell: the separators ; = : + (and CR, LF) become _ so
 * that the cell splits unambiguously. */
static void fact_token(ir_buf *b, const char *s) {
  for (; s && *s; s++)
    ir_buf_putc(b, strchr(";=:+\r\n", *s) ? '_' : *s);
}

/* One criterion of a "facts" cell: id=status, then :value when it has one
 * (a number, a word, or list classes "+"-joined). */
static void fact_cell(ir_buf *b, const char *id, ir_status st, const char *num,
                      const char *word, const ir_strlist *list) {
  if (b->n)
    ir_buf_putc(b, ';');
  fact_token(b, id);
  ir_buf_putc(b, '=');
  ir_buf_puts(b, ir_status_name(st));
  if (num) {
    ir_buf_putc(b, ':');
    ir_buf_puts(b, num);
  } else if (word) {
    ir_buf_putc(b, ':');
    fact_token(b, word);
  } else if (list && list->n) {
    ir_buf_putc(b, ':');
    for (size_t i = 0; i < list->n; i++) {
      if (i)
        ir_buf_putc(b, '+');
      fact_token(b, list->v[i] ? list->v[i] : "?");
    }
  }
}

/* The "facts" cell of an item. */
static void item_facts(ir_buf *b, const ir_item *it) {
  size_t nf = it->pack && it->facts ? it->nfacts : 0;
  if (it->pack && nf > it->pack->ncrit)
    nf = it->pack->ncrit;
  for (size_t c = 0; c < nf; c++) {
    const ir_crit_def *d = &it->pack->crit[c];
    const ir_fact *f = &it->facts[c];
    char num[24];
    const char *n = NULL, *w = NULL;
    const ir_strlist *l = NULL;
    if (d->kind == IR_VAL_NUMBER && f->has_value) {
      snprintf(num, sizeof num, "%ld%s", f->ivalue, f->half ? ".5" : "");
      n = num;
    } else if (d->kind == IR_VAL_STRING && f->has_value)
      w = f->svalue;
    else if (d->kind == IR_VAL_LIST || f->list.n)
      l = &f->list;
    fact_cell(b, d->id, f->status, n, w, l);
  }
}

/* The "facts" cell of a cross-case row: the profile (statuses, and the
 * classes of list criteria). */
static void cross_facts(ir_buf *b, const ir_cross_finding *f) {
  for (size_t c = 0; f->pack && c < f->nstatus && c < f->pack->ncrit; c++) {
    const char *cl = f->classes ? f->classes[c] : NULL;
    if (b->n)
      ir_buf_putc(b, ';');
    fact_token(b, f->pack->crit[c].id);
    ir_buf_putc(b, '=');
    ir_buf_puts(b, ir_status_name((ir_status)f->status[c]));
    if (cl && *cl) { /* already "+"-joined */
      ir_buf_putc(b, ':');
      for (; *cl; cl++)
        ir_buf_putc(b, strchr(";=:\r\n", *cl) ? '_' : *cl);
    }
  }
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
  const ir_item *x = it;
  return ir_item_crit_name(x, x->cited.v[i].criterion);
}
static const char *kind_at(const void *it, size_t i) {
  return ((const ir_item *)it)->findings.v[i].kind;
}
static const char *sev_at(const void *it, size_t i) {
  return ir_severity_name(((const ir_item *)it)->findings.v[i].severity);
}

/* The columns an item row and a cross-case row share: file .. facts. */
static void row_head(ir_buf *b, const char *file, const char *case_number,
                     int index, const char *service, const char *category,
                     ir_outcome o, ir_conclusion c, const ir_pack *pack,
                     const ir_buf *facts, int raw) {
  char idx[24];
  snprintf(idx, sizeof idx, "%d", index);
  field(b, file, 0, raw);
  field(b, case_number, 0, raw);
  field(b, idx, 0, raw);
  field(b, service, 0, raw);
  field(b, category, 0, raw);
  field(b, ir_outcome_name(o), 0, raw);
  field(b, ir_conclusion_name(c), 0, raw);
  field(b, pack ? pack->id : "", 0, raw);
  field(b, facts->n ? facts->p : "", 0, raw);
}

static void item_row(ir_buf *b, const ir_letter *l, const ir_item *it,
                     int raw) {
  ir_buf facts = {0};
  item_facts(&facts, it);
  row_head(b, l->path, l->case_number, it->index, it->service, it->category,
           it->outcome, it->conclusion, it->pack, &facts, raw);
  ir_buf_free(&facts);
  joined(b, it->cited.n, cited_at, it, raw);
  joined(b, it->findings.n, kind_at, it, raw);
  joined(b, it->findings.n, sev_at, it, raw);
  field(b, it->findings.n ? it->findings.v[0].message : "", 0, raw);
  field(b, "", 1, raw);
}

void ir_csv_cross(ir_buf *b, const ir_cross_finding *f, int raw) {
  ir_buf facts = {0};
  cross_facts(&facts, f);
  row_head(b, f->file, f->case_number, f->index, f->service, f->category,
           f->outcome, f->conclusion, f->pack, &facts, raw);
  ir_buf_free(&facts);
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
    for (size_t i = 2; i + 1 < NHEAD; i++)
      field(b, "", 0, raw);
    field(b, l->ok ? "no decided item" : l->error, 1, raw);
    return;
  }
  for (size_t i = 0; i < l->items.n; i++)
    item_row(b, l, &l->items.v[i], raw);
}
