/* report_explain.c - `--explain`: per item, the checklist of the criteria
 * of its guideline pack (headed by the pack's id, guideline and version;
 * per criterion what the pack requires, what the record documents with
 * its value, how a computed value was reached and the evidence, whether
 * the rationale cites it, the verdict) and the findings, so a reviewer
 * sees why an item was or was not flagged. An item no pack covers says so
 * in one line. The verdict is the
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

static int is_cited(const ir_item *it, int c) {
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

/* The record column: the status, then the value by the criterion's kind
 * (a number, a word, the list classes). */
static void record_col(ir_buf *b, const ir_crit_def *d, const ir_fact *f) {
  ir_buf tmp = {0};
  ir_buf_puts(&tmp, ir_status_name(f->status));
  if (d->kind == IR_VAL_NUMBER && f->has_value)
    ir_buf_printf(&tmp, " (%ld%s)", f->ivalue, f->half ? ".5" : "");
  else if (d->kind == IR_VAL_STRING && f->has_value && f->svalue) {
    ir_buf sc = {0};
    ir_buf_printf(&tmp, " (%s)", ir_term(&sc, f->svalue));
    ir_buf_free(&sc);
  } else if (f->list.n) {
    ir_buf sc = {0};
    for (size_t i = 0; i < f->list.n; i++)
      ir_buf_printf(&tmp, "%s%s", i ? "," : " (",
                    f->list.v[i] ? ir_term(&sc, f->list.v[i]) : "?");
    ir_buf_putc(&tmp, ')');
    ir_buf_free(&sc);
  }
  ir_buf_printf(b, "%-28.*s", (int)(tmp.n < 160 ? tmp.n : 160),
                tmp.p ? tmp.p : "");
  ir_buf_free(&tmp);
}

/* A dim note line under a criterion: "requires: ...", "how: ...". */
static void note_line(ir_buf *b, const char *label, const char *s, int color) {
  ir_buf sc = {0};
  const char *t = ir_term(&sc, s);
  size_t n = strlen(t);
  int cut = n > 110;
  ir_buf_printf(b, "      %s%s:%s %.*s%s\n", col(color, C_DIM), label,
                col(color, C_OFF), (int)(cut ? 107 : n), t, cut ? "..." : "");
  ir_buf_free(&sc);
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

/* The pack's criteria, in its order. */
static void checklist(ir_buf *b, const ir_letter *l, const ir_item *it,
                      int color) {
  const ir_pack *p = it->pack;
  ir_buf sc[3] = {{0}};
  ir_buf_printf(b, "  pack %s%s%s: %s%s%s%s%s\n", col(color, C_BOLD),
                ir_term(&sc[0], p->id), col(color, C_OFF),
                p->guideline ? ir_term(&sc[1], p->guideline) : "(no guideline)",
                p->pages ? ", " : "", p->pages ? ir_term(&sc[2], p->pages) : "",
                p->version ? ", version " : "", p->version ? p->version : "");
  for (int i = 0; i < 3; i++)
    ir_buf_free(&sc[i]);
  ir_buf_printf(b, "  %s%-26s %-28s %-6s %s%s\n", col(color, C_BOLD),
                "criterion", "record", "cited", "verdict", col(color, C_OFF));
  size_t nf = it->facts ? it->nfacts : 0;
  if (nf > p->ncrit)
    nf = p->ncrit;
  for (int c = 0; c < (int)nf; c++) {
    const ir_crit_def *d = &p->crit[c];
    const ir_fact *f = &it->facts[c];
    ir_verdict v = f->verdict;
    int cited = is_cited(it, c), bad;
    const char *why = reading(it, v, cited, &bad);
    const char *vc = v == IR_VERDICT_MET            ? C_GREEN
                     : v == IR_VERDICT_UNMET        ? C_YELLOW
                     : v == IR_VERDICT_CONTRADICTED ? C_RED
                                                    : C_DIM;
    ir_buf_printf(b, "  %-26s ", ir_term(&sc[0], d->id));
    ir_buf_free(&sc[0]);
    record_col(b, d, f);
    ir_buf_printf(b, " %-6s %s%s%s", cited ? "yes" : "no", col(color, vc),
                  verdict_name(v), col(color, C_OFF));
    if (*why)
      ir_buf_printf(b, " - %s%s%s", col(color, bad ? C_RED : ""), why,
                    col(color, bad ? C_OFF : ""));
    ir_buf_putc(b, '\n');
    if (d->requires && *d->requires)
      note_line(b, "requires", d->requires, color);
    if (f->how && *f->how)
      note_line(b, "how", f->how, color);
    for (size_t i = 0; i < f->affirm.n && i < 2; i++)
      evidence_line(b, l, "affirms,", &f->affirm.v[i], color);
    for (size_t i = 0; i < f->deny.n && i < 2; i++)
      evidence_line(b, l, "denies,", &f->deny.v[i], color);
    for (size_t i = 0; i < it->cited.n; i++)
      if (it->cited.v[i].criterion == c && it->cited.v[i].evidence.n)
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
  if (it->pack)
    checklist(b, l, it, color);
  else
    ir_buf_printf(b,
                  "  (no checklist: no guideline pack covers category "
                  "%s)\n",
                  it->category ? it->category : "other");
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
