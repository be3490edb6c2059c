/* report_summary.c - the batch summary as text (a "batch summary" block
 * ending "summary: N letters, ...") and as the final JSON Lines object.
 * Tables are printed sorted by key. */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "sink.h"

static int cmp_rows(const void *a, const void *b) {
  return strcmp(((const ir_sum_row *)a)->key, ((const ir_sum_row *)b)->key);
}

/* Rows sorted by key (in place: order of insertion carries no meaning). */
static void sort_table(const ir_sum_table *t) {
  if (t->n > 1)
    qsort(t->v, t->n, sizeof *t->v, cmp_rows);
}

static double pct(long a, long b) { return b ? 100.0 * a / b : 0.0; }

static void text_counts(ir_buf *b, const char *title, const ir_sum_table *t) {
  sort_table(t);
  ir_buf_printf(b, "  %-22s", title);
  if (!t->n)
    ir_buf_puts(b, " none");
  ir_buf sc = {0};
  for (size_t i = 0; i < t->n; i++)
    ir_buf_printf(b, "%s %s %ld", i ? "," : "", ir_term(&sc, t->v[i].key),
                  t->v[i].n[0]);
  ir_buf_free(&sc);
  ir_buf_putc(b, '\n');
}

void ir_summary_text(ir_buf *b, const ir_summary *s) {
  ir_buf_puts(b, "\nbatch summary\n");
  ir_buf_printf(b,
                "  letters %ld (%ld failed), items %ld, flagged items %ld "
                "(%.1f%%) in %ld letters, findings %ld, rule errors %ld\n",
                s->letters, s->failed, s->items, s->flagged_items,
                pct(s->flagged_items, s->items), s->flagged_letters,
                s->findings, s->rule_errors);
  text_counts(b, "findings by kind:", &s->by_kind);
  text_counts(b, "findings by criterion:", &s->by_criterion);
  text_counts(b, "findings by severity:", &s->by_severity);
  sort_table(&s->by_pack);
  ir_buf_printf(b, "  %-22s", "items by pack:");
  if (!s->by_pack.n)
    ir_buf_puts(b, " none");
  for (size_t i = 0; i < s->by_pack.n; i++) {
    const ir_sum_row *r = &s->by_pack.v[i];
    ir_buf sc = {0};
    ir_buf_printf(b, "%s %s %ld (%ld flagged)", i ? "," : "",
                  ir_term(&sc, r->key), r->n[0], r->n[1]);
    ir_buf_free(&sc);
  }
  ir_buf_putc(b, '\n');
  sort_table(&s->by_category);
  ir_buf_puts(b, "  outcomes by category:\n");
  for (size_t i = 0; i < s->by_category.n; i++) {
    const ir_sum_row *r = &s->by_category.v[i];
    long n = r->n[0] + r->n[1] + r->n[2];
    ir_buf_printf(b,
                  "    %-18s %5ld items: upheld %.1f%%, overturned %.1f%%, "
                  "unknown %.1f%%; flagged %ld\n",
                  r->key, n, pct(r->n[0], n), pct(r->n[1], n), pct(r->n[2], n),
                  r->n[3]);
  }
  sort_table(&s->by_specialty);
  ir_buf_puts(b, "  flagged share by reviewer specialty:\n");
  for (size_t i = 0; i < s->by_specialty.n; i++) {
    const ir_sum_row *r = &s->by_specialty.v[i];
    ir_buf sc = {0};
    ir_buf_printf(b, "    %-30s %ld/%ld items flagged (%.1f%%)\n",
                  ir_term(&sc, r->key), r->n[1], r->n[0],
                  pct(r->n[1], r->n[0]));
    ir_buf_free(&sc);
  }
  ir_buf_printf(b, "summary: %ld letters, %ld items, %ld flagged, %ld failed",
                s->letters, s->items, s->flagged_items, s->failed);
  if (s->interrupted)
    ir_buf_printf(b, " (interrupted by signal %d: later inputs not audited)",
                  s->interrupted);
  ir_buf_putc(b, '\n');
}

static void json_counts(ir_buf *b, const char *name, const ir_sum_table *t) {
  sort_table(t);
  ir_buf_printf(b, ",\"%s\":{", name);
  for (size_t i = 0; i < t->n; i++) {
    if (i)
      ir_buf_putc(b, ',');
    ir_buf_json_str(b, t->v[i].key);
    ir_buf_printf(b, ":%ld", t->v[i].n[0]);
  }
  ir_buf_putc(b, '}');
}

static double rate(long a, long b) { return b ? (double)a / b : 0.0; }

void ir_summary_json(ir_buf *b, const ir_summary *s) {
  ir_buf_printf(b,
                "{\"summary\":true,\"letters\":%ld,\"failed\":%ld,"
                "\"items\":%ld,\"flagged_items\":%ld,\"flagged_letters\":%ld,"
                "\"findings\":%ld,\"rule_errors\":%ld",
                s->letters, s->failed, s->items, s->flagged_items,
                s->flagged_letters, s->findings, s->rule_errors);
  if (s->interrupted)
    ir_buf_printf(b, ",\"interrupted\":%d", s->interrupted);
  json_counts(b, "findings_by_kind", &s->by_kind);
  json_counts(b, "findings_by_criterion", &s->by_criterion);
  json_counts(b, "findings_by_severity", &s->by_severity);
  sort_table(&s->by_pack);
  ir_buf_puts(b, ",\"packs\":{");
  for (size_t i = 0; i < s->by_pack.n; i++) {
    const ir_sum_row *r = &s->by_pack.v[i];
    if (i)
      ir_buf_putc(b, ',');
    ir_buf_json_str(b, r->key);
    ir_buf_printf(b, ":{\"items\":%ld,\"flagged\":%ld,\"findings\":%ld}",
                  r->n[0], r->n[1], r->n[2]);
  }
  ir_buf_putc(b, '}');
  sort_table(&s->by_category);
  ir_buf_puts(b, ",\"categories\":{");
  for (size_t i = 0; i < s->by_category.n; i++) {
    const ir_sum_row *r = &s->by_category.v[i];
    long n = r->n[0] + r->n[1] + r->n[2];
    if (i)
      ir_buf_putc(b, ',');
    ir_buf_json_str(b, r->key);
    ir_buf_printf(b,
                  ":{\"items\":%ld,\"upheld\":%ld,\"overturned\":%ld,"
                  "\"unknown\":%ld,\"flagged\":%ld,\"upheld_rate\":%.4f,"
                  "\"overturned_rate\":%.4f}",
                  n, r->n[0], r->n[1], r->n[2], r->n[3], rate(r->n[0], n),
                  rate(r->n[1], n));
  }
  sort_table(&s->by_specialty);
  ir_buf_puts(b, "},\"specialties\":{");
  for (size_t i = 0; i < s->by_specialty.n; i++) {
    const ir_sum_row *r = &s->by_specialty.v[i];
    if (i)
      ir_buf_putc(b, ',');
    ir_buf_json_str(b, r->key);
    ir_buf_printf(b,
                  ":{\"letters\":%ld,\"items\":%ld,\"flagged\":%ld,"
                  "\"flagged_share\":%.4f}",
                  r->n[2], r->n[0], r->n[1], rate(r->n[1], r->n[0]));
  }
  ir_buf_puts(b, "}}\n");
}
