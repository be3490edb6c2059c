/* report_html_charts.c - the HTML report's charts (report_html.h): inline
 * SVG horizontal bar charts from the batch summary, so they cover the whole
 * batch whatever the table shows: findings by kind and by criterion
 * (keyed "pack: criterion", as ids of different packs may be the same
 * word), items per guideline pack, outcomes by category, outcomes and flagged
 * items over time (by decision month, or by year when the batch spans more than
 * three years), and the flagged share per reviewer specialty group with its
 * counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_html.h"

#define esc ir_html_esc

static double ratio(long a, long b) { return b > 0 ? (double)a / b : 0.0; }

/* One horizontal bar chart: labels, values, optional label text per bar. */
typedef struct {
  const char *label;
  double v;        /* bar length (absolute) */
  double parts[3]; /* stacked fractions of the bar, or all 0 */
  char note[64];
} bar;

static const char *const palette[3] = {"#4f7cac", "#c0504d", "#9aa5b1"};

static void chart(ir_buf *b, const char *title, const bar *bars, size_t n,
                  const char *legend) {
  ir_buf_puts(b, "<div class=\"chart\"><h3>");
  esc(b, title);
  ir_buf_puts(b, "</h3>");
  if (legend)
    ir_buf_puts(b, legend);
  if (!n) {
    ir_buf_puts(b, "<p class=\"empty\">none</p></div>");
    return;
  }
  double max = 0;
  for (size_t i = 0; i < n; i++)
    if (bars[i].v > max)
      max = bars[i].v;
  const int lw = 220, bw = 220, row = 22;
  int h = (int)n * row + 6;
  ir_buf_printf(b,
                "<svg role=\"img\" width=\"100%%\" viewBox=\"0 0 %d %d\" "
                "xmlns=\"http://www.w3.org/2000/svg\"><title>",
                lw + bw + 190, h);
  esc(b, title);
  ir_buf_puts(b, "</title>");
  for (size_t i = 0; i < n; i++) {
    int y = (int)i * row + 3;
    double w = max > 0 ? bars[i].v / max * bw : 0;
    ir_buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", lw - 6,
                  y + 14);
    /* at most 32 bytes of the label, cut on a character boundary */
    size_t ll = strlen(bars[i].label), cut = ll;
    if (ll > 34) {
      cut = 32;
      while (cut > 0 && ((unsigned char)bars[i].label[cut] & 0xC0) == 0x80)
        cut--;
    }
    ir_html_esc_n(b, bars[i].label, cut);
    if (cut < ll)
      ir_buf_puts(b, "\xE2\x80\xA6");
    ir_buf_puts(b, "<title>");
    esc(b, bars[i].label);
    ir_buf_puts(b, "</title></text>");
    double sum = bars[i].parts[0] + bars[i].parts[1] + bars[i].parts[2];
    if (sum > 0) {
      double x = lw;
      for (int k = 0; k < 3; k++) {
        double pw = w * bars[i].parts[k] / sum;
        if (pw > 0)
          ir_buf_printf(b,
                        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                        "height=\"16\" fill=\"%s\"/>",
                        x, y, pw, palette[k]);
        x += pw;
      }
    } else {
      ir_buf_printf(b,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" "
                    "fill=\"%s\"/>",
                    lw, y, w, palette[0]);
    }
    ir_buf_printf(b, "<text x=\"%.1f\" y=\"%d\">", lw + w + 6, y + 13);
    esc(b, bars[i].note);
    ir_buf_puts(b, "</text>");
  }
  ir_buf_puts(b, "</svg></div>");
}

static bar *bars_of(const ir_sum_table *t, size_t *n) {
  bar *v = calloc(t->n ? t->n : 1, sizeof *v);
  if (!v) {
    ir_exit_nomem();
  }
  *n = t->n;
  for (size_t i = 0; i < t->n; i++)
    v[i].label = t->v[i].key;
  return v;
}

/* Bars in label order (the summary's tables are in no particular order). */
static int cmp_label(const void *a, const void *b) {
  return strcmp(((const bar *)a)->label, ((const bar *)b)->label);
}
static void sort_bars(bar *v, size_t n) {
  if (n > 1)
    qsort(v, n, sizeof *v, cmp_label);
}

static const char outcome_legend[] =
    "<p class=\"sub\"><span style=\"color:#4f7cac\">&#9632;</span> upheld "
    "<span style=\"color:#c0504d\">&#9632;</span> overturned "
    "<span style=\"color:#9aa5b1\">&#9632;</span> unknown</p>";

static void count_chart(ir_buf *b, const char *title, const ir_sum_table *t) {
  size_t n;
  bar *v = bars_of(t, &n);
  for (size_t i = 0; i < n; i++) {
    v[i].v = (double)t->v[i].n[0];
    snprintf(v[i].note, sizeof v[i].note, "%ld", t->v[i].n[0]);
  }
  sort_bars(v, n);
  chart(b, title, v, n, NULL);
  free(v);
}

static int cmp_key(const void *a, const void *b) {
  return strcmp(((const ir_sum_row *)a)->key, ((const ir_sum_row *)b)->key);
}

/* Outcomes and flagged items by decision month, or by year when the dated
 * months span more than 36: one bar per period in time order, undated
 * items last. */
static void timeline(ir_buf *b, const ir_summary *s) {
  const ir_sum_table *t = &s->by_month;
  ir_sum_row *rows = calloc(t->n + 1, sizeof *rows);
  bar *v = calloc(t->n + 1, sizeof *v);
  if (!rows || !v) {
    ir_exit_nomem();
  }
  size_t nd = 0, n = 0;
  for (size_t i = 0; i < t->n; i++)
    if (t->v[i].key[0] >= '0' && t->v[i].key[0] <= '9')
      rows[nd++] = t->v[i];
  qsort(rows, nd, sizeof *rows, cmp_key);
  int by_year = 0;
  if (nd > 1) {
    int y0 = atoi(rows[0].key), m0 = atoi(rows[0].key + 5);
    int y1 = atoi(rows[nd - 1].key), m1 = atoi(rows[nd - 1].key + 5);
    by_year = (y1 - y0) * 12 + (m1 - m0) >= 36;
  }
  char keys[IR_SUM_MAXMONTHS + 1][8];
  for (size_t i = 0; i < nd; i++) {
    size_t kl = by_year ? 4 : 7;
    if (n && strncmp(keys[n - 1], rows[i].key, kl) == 0 &&
        keys[n - 1][kl] == 0) {
      for (int k = 0; k < 4; k++)
        rows[n - 1].n[k] += rows[i].n[k];
      continue;
    }
    snprintf(keys[n], sizeof keys[n], "%.*s", (int)kl, rows[i].key);
    rows[n] = rows[i];
    rows[n].key = keys[n];
    n++;
  }
  for (size_t i = 0; i < t->n; i++) /* "(undated)", "(other)" */
    if (!(t->v[i].key[0] >= '0' && t->v[i].key[0] <= '9'))
      rows[n++] = t->v[i];
  for (size_t i = 0; i < n; i++) {
    const long *c = rows[i].n;
    long tot = c[0] + c[1] + c[2];
    v[i].label = rows[i].key;
    v[i].v = (double)tot;
    for (int k = 0; k < 3; k++)
      v[i].parts[k] = (double)c[k];
    snprintf(v[i].note, sizeof v[i].note, "%ld items, %ld flagged (%.0f%%)",
             tot, c[3], 100 * ratio(c[3], tot));
  }
  chart(b,
        by_year ? "Outcomes and flagged items by decision year"
                : "Outcomes and flagged items by decision month",
        v, n, outcome_legend);
  free(v);
  free(rows);
}

void ir_html_charts(ir_buf *b, const ir_summary *s) {
  ir_buf_puts(b, "<h2>Charts</h2><div class=\"charts\">");
  count_chart(b, "Findings by kind", &s->by_kind);
  count_chart(b, "Findings by criterion (pack: criterion)", &s->by_criterion);
  size_t n;
  bar *v = bars_of(&s->by_pack, &n);
  for (size_t i = 0; i < n; i++) {
    const long *c = s->by_pack.v[i].n;
    v[i].v = (double)c[0];
    snprintf(v[i].note, sizeof v[i].note, "%ld items, %ld flagged (%.0f%%)",
             c[0], c[1], 100 * ratio(c[1], c[0]));
  }
  sort_bars(v, n);
  chart(b, "Items by guideline pack", v, n, NULL);
  free(v);
  v = bars_of(&s->by_category, &n);
  for (size_t i = 0; i < n; i++) {
    const long *c = s->by_category.v[i].n;
    long tot = c[0] + c[1] + c[2];
    v[i].v = (double)tot;
    for (int k = 0; k < 3; k++)
      v[i].parts[k] = (double)c[k];
    snprintf(v[i].note, sizeof v[i].note, "%ld: %.0f%% upheld", tot,
             100 * ratio(c[0], tot));
  }
  sort_bars(v, n);
  chart(b, "Outcome by category", v, n, outcome_legend);
  free(v);
  timeline(b, s);
  v = bars_of(&s->by_specialty, &n);
  for (size_t i = 0; i < n; i++) {
    const long *c = s->by_specialty.v[i].n;
    v[i].v = ratio(c[1], c[0]);
    snprintf(v[i].note, sizeof v[i].note, "%ld of %ld items (%.0f%%)", c[1],
             c[0], 100 * ratio(c[1], c[0]));
  }
  sort_bars(v, n);
  chart(b, "Flagged share of items by reviewer specialty", v, n, NULL);
  free(v);
  ir_buf_puts(b, "</div>");
}
