/* report_explain.c - `--explain`: per item, the trigger point criteria
 * checklist (criterion, what the record documents with its evidence,
 * whether the rationale cites it, the verdict) and the findings, so a
 * reviewer sees why an item was or was not flagged. The verdict is the
 * rule pack's own (its verdict() over its criteria table, run by the rules
 * stage when --explain asks: ir_rules_opts.verdicts); nothing here knows
 * what meets a criterion. */
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "sink.h"

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_DIM "\033[2m"
#define C_OFF "\033[0m"

static const char *col(int color, const char *code) {
  return color ? code : "";
}

static int is_cited(const ir_item *it, ir_criterion c) {
  for (size_t i = 0; i < it->cited.n; i++)
    if (it->cited.v[i].criterion == (int)c)
      return 1;
  return 0;
}

/* What the verdict means for this outcome. */
static const char *reading(const ir_item *it, ir_verdict v, int cited,
                           int *bad) {
  *bad = 0;
  if (v == IR_VERDICT_CONTRADICTED)
    return "record says both: not scored";
  if (it->outcome == IR_OUT_UPHELD && cited) {
    if (v == IR_VERDICT_MET)
      return *bad = 1, "denial cites it, but the record shows it met";
    return v == IR_VERDICT_UNMET
               ? "denial cites it: consistent"
               : "denial cites it as undocumented: consistent";
  }
  if (it->outcome == IR_OUT_OVERTURNED && v == IR_VERDICT_UNMET)
    return *bad = 1, "authorized although the record shows it unmet";
  return "";
}

static void record_col(ir_buf *b, ir_criterion c, const ir_fact *f) {
  char tmp[160];
  size_t n = 0;
  tmp[0] = 0;
  n += (size_t)snprintf(tmp, sizeof tmp, "%s", ir_status_name(f->status));
  if (c == IR_CRIT_INJECTION_COUNT && f->has_value && n < sizeof tmp)
    n += (size_t)snprintf(tmp + n, sizeof tmp - n, " (%ld)", f->ivalue);
  for (size_t i = 0; c == IR_CRIT_INJECTATE && i < f->list.n; i++)
    if (n < sizeof tmp)
      n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%s%s", i ? "," : " (",
                            f->list.v[i] ? f->list.v[i] : "?");
  if (c == IR_CRIT_INJECTATE && f->list.n && n < sizeof tmp)
    snprintf(tmp + n, sizeof tmp - n, ")");
  ir_buf_printf(b, "%-28s", tmp);
}

static void evidence_line(ir_buf *b, const ir_letter *l, const char *label,
                          const ir_evidence *e, int color) {
  ir_buf sc = {0};
  const char *s = ir_term(&sc, e->text);
  size_t n = strlen(s);
  int cut = n > 110;
  int pline, page = ir_text_orig_page(&l->text, e->start, &pline);
  if (page) /* a PDF letter: where a reviewer finds it in the PDF */
    ir_buf_printf(b, "      %s%s %s p. %d line %d:%s \"%.*s%s\"\n",
                  col(color, C_DIM), label, ir_section_name(e->section), page,
                  pline, col(color, C_OFF), (int)(cut ? 107 : n), s,
                  cut ? "..." : "");
  else
    ir_buf_printf(b, "      %s%s %s line %d:%s \"%.*s%s\"\n", col(color, C_DIM),
                  label, ir_section_name(e->section),
                  ir_text_orig_line(&l->text, e->start), col(color, C_OFF),
                  (int)(cut ? 107 : n), s, cut ? "..." : "");
  ir_buf_free(&sc);
}

static const char *verdict_name(ir_verdict v) {
  return v == IR_VERDICT_MET            ? "met"
         : v == IR_VERDICT_UNMET        ? "unmet"
         : v == IR_VERDICT_CONTRADICTED ? "contradicted"
                                        : "undocumented";
}

static void checklist(ir_buf *b, const ir_letter *l, const ir_item *it,
                      int color) {
  ir_buf_printf(b, "  %s%-26s %-28s %-6s %s%s\n", col(color, C_BOLD),
                "criterion", "record", "cited", "verdict", col(color, C_OFF));
  for (int c = 0; c < IR_CRIT_COUNT; c++) {
    const ir_fact *f = &it->facts[c];
    ir_verdict v = f->verdict;
    int cited = is_cited(it, (ir_criterion)c), bad;
    const char *why = reading(it, v, cited, &bad);
    const char *vc = v == IR_VERDICT_MET            ? C_GREEN
                     : v == IR_VERDICT_UNMET        ? C_YELLOW
                     : v == IR_VERDICT_CONTRADICTED ? C_RED
                                                    : C_DIM;
    ir_buf_printf(b, "  %-26s ", ir_criterion_name((ir_criterion)c));
    record_col(b, (ir_criterion)c, f);
    ir_buf_printf(b, " %-6s %s%s%s", cited ? "yes" : "no", col(color, vc),
                  verdict_name(v), col(color, C_OFF));
    if (*why)
      ir_buf_printf(b, " - %s%s%s", col(color, bad ? C_RED : ""), why,
                    col(color, bad ? C_OFF : ""));
    ir_buf_putc(b, '\n');
    for (size_t i = 0; i < f->affirm.n && i < 2; i++)
      evidence_line(b, l, "affirms,", &f->affirm.v[i], color);
    for (size_t i = 0; i < f->deny.n && i < 2; i++)
      evidence_line(b, l, "denies,", &f->deny.v[i], color);
    for (size_t i = 0; i < it->cited.n; i++)
      if ((int)it->cited.v[i].criterion == c && it->cited.v[i].evidence.n)
        evidence_line(b, l, "cited,", &it->cited.v[i].evidence.v[0], color);
  }
}

static void item_explain(ir_buf *b, const ir_letter *l, const ir_item *it,
                         int color) {
  ir_buf sc[4] = {{0}};
  ir_buf_printf(b, "%s%s: item %d%s (line %d): %s\n", col(color, C_BOLD),
                ir_term(&sc[0], l->path), it->index, col(color, C_OFF),
                it->line, ir_term(&sc[1], it->service));
  ir_buf_printf(b,
                "  category %s, outcome %s, rationale concludes %s, "
                "%zu criteri%s cited\n",
                it->category ? it->category : "other",
                ir_outcome_name(it->outcome),
                ir_conclusion_name(it->conclusion), it->cited.n,
                it->cited.n == 1 ? "on" : "a");
  if (it->conclusion_ev.text)
    evidence_line(b, l, "conclusion,", &it->conclusion_ev, color);
  if (it->category && strcmp(it->category, "tpi") == 0)
    checklist(b, l, it, color);
  else
    ir_buf_printf(b, "  (no trigger point checklist: not a TPI item)\n");
  if (it->findings.n == 0)
    ir_buf_printf(b, "  findings: none\n");
  for (size_t i = 0; i < it->findings.n; i++) {
    const ir_finding *f = &it->findings.v[i];
    ir_buf_printf(b, "  finding: %s%s%s %s%s%s [%s]: %s\n", col(color, C_RED),
                  ir_severity_name(f->severity), col(color, C_OFF),
                  ir_term(&sc[0], f->kind), f->criterion ? " " : "",
                  ir_term(&sc[1], f->criterion),
                  f->rule ? ir_term(&sc[2], f->rule) : "?",
                  ir_term(&sc[3], f->message));
  }
  ir_buf_putc(b, '\n');
  for (int i = 0; i < 4; i++)
    ir_buf_free(&sc[i]);
}

void ir_report_explain(ir_buf *b, const ir_letter *l, int color) {
  ir_buf sc[4] = {{0}};
  const char *path = ir_term(&sc[0], l->path);
  if (!l->ok) {
    ir_buf_printf(b, "%s: not audited: %s\n\n", path,
                  l->error ? ir_term(&sc[1], l->error) : "?");
  } else {
    for (size_t i = 0; i < l->items.n; i++)
      item_explain(b, l, &l->items.v[i], color);
    for (size_t i = 0; i < l->rule_errors.n; i++)
      ir_buf_printf(b, "%s: rule %s (%s) failed on item %d: %s\n", path,
                    ir_term(&sc[1], l->rule_errors.v[i].rule),
                    ir_term(&sc[2], l->rule_errors.v[i].file),
                    l->rule_errors.v[i].item,
                    ir_term(&sc[3], l->rule_errors.v[i].message));
  }
  for (int i = 0; i < 4; i++)
    ir_buf_free(&sc[i]);
}
