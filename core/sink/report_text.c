/* report_text.c - the terminal report: a line per item, findings as
 * compiler-style diagnostics followed by the quoted evidence. Text from
 * letters and rules is escaped for the terminal (base/term.h). */
#include <string.h>

#include "base/base.h"
#include "sink.h"

/* Scratch buffers for escaped strings, one per string of a line. */
typedef struct {
  ir_buf v[6];
} scratch;

static void scratch_free(scratch *sc) {
  for (size_t i = 0; i < sizeof sc->v / sizeof sc->v[0]; i++)
    ir_buf_free(&sc->v[i]);
}

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAG "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[32m"
#define C_DIM "\033[2m"
#define C_OFF "\033[0m"

static const char *col(int color, const char *code) {
  return color ? code : "";
}

static const char *sev_color(ir_severity s) {
  return s == IR_SEV_ERROR ? C_RED : s == IR_SEV_WARNING ? C_MAG : C_CYAN;
}

/* Quotes one evidence span, wrapped at about 76 columns. */
static void quote(ir_buf *b, const ir_letter *l, const ir_evidence *e,
                  int color) {
  int line = ir_text_orig_line(&l->text, e->start);
  int pline, page = ir_text_orig_page(&l->text, e->start, &pline);
  if (page)
    ir_buf_printf(b, "  %s%5d | %s(%s, p. %d line %d, bytes %zu-%zu)%s\n",
                  col(color, C_DIM), line, "", ir_section_name(e->section),
                  page, pline, e->start, e->end, col(color, C_OFF));
  else
    ir_buf_printf(b, "  %s%5d | %s(%s, bytes %zu-%zu)%s\n", col(color, C_DIM),
                  line, "", ir_section_name(e->section), e->start, e->end,
                  col(color, C_OFF));
  ir_buf safe = {0};
  const char *s = ir_term(&safe, e->text);
  size_t n = strlen(s);
  while (n > 0) {
    size_t take = n;
    if (take > 76) {
      take = 76;
      while (take > 40 && s[take] != ' ')
        take--;
    }
    ir_buf_printf(b, "  %s      |%s   %s%.*s%s\n", col(color, C_DIM),
                  col(color, C_OFF), col(color, C_GREEN), (int)take, s,
                  col(color, C_OFF));
    s += take;
    n -= take;
    while (n > 0 && *s == ' ')
      s++, n--;
  }
  ir_buf_free(&safe);
}

static void diagnostic(ir_buf *b, const ir_letter *l, const ir_item *it,
                       const ir_finding *f, int color) {
  int line = it->line;
  scratch sc = {0};
  if (f->evidence.n)
    line = ir_text_orig_line(&l->text, f->evidence.v[0].start);
  ir_buf_printf(b, "%s%s:%d:%s %s%s:%s %s", col(color, C_BOLD),
                ir_term(&sc.v[0], l->path), line, col(color, C_OFF),
                col(color, sev_color(f->severity)),
                ir_severity_name(f->severity), col(color, C_OFF),
                ir_term(&sc.v[1], f->kind));
  if (f->criterion)
    ir_buf_printf(b, " (%s)", ir_term(&sc.v[2], f->criterion));
  ir_buf_printf(b, ": %s [%s]\n", ir_term(&sc.v[3], f->message),
                f->rule ? ir_term(&sc.v[4], f->rule) : "?");
  for (size_t i = 0; i < f->evidence.n; i++)
    quote(b, l, &f->evidence.v[i], color);
  for (size_t i = 0; i < f->counterparts.n; i++)
    ir_buf_printf(b, "        | similar: %s\n",
                  ir_term(&sc.v[5], f->counterparts.v[i]));
  scratch_free(&sc);
}

void ir_report_text(ir_buf *b, const ir_letter *l, int color) {
  scratch sc = {0};
  const char *path = ir_term(&sc.v[0], l->path);
  if (!l->ok) {
    ir_buf_printf(b, "%s%s:%s %serror:%s %s\n", col(color, C_BOLD), path,
                  col(color, C_OFF), col(color, C_RED), col(color, C_OFF),
                  l->error ? ir_term(&sc.v[1], l->error) : "cannot audit");
    scratch_free(&sc);
    return;
  }
  for (size_t i = 0; i < l->items.n; i++) {
    const ir_item *it = &l->items.v[i];
    ir_buf_printf(
        b, "%s%s:%s item %d [%s] %s -> %s: %s\n", col(color, C_BOLD), path,
        col(color, C_OFF), it->index, it->category ? it->category : "other",
        ir_outcome_name(it->outcome), ir_conclusion_name(it->conclusion),
        ir_term(&sc.v[1], it->service));
    for (size_t j = 0; j < it->findings.n; j++)
      diagnostic(b, l, it, &it->findings.v[j], color);
  }
  if (l->items_capped)
    ir_buf_printf(b,
                  "%s: note: more than %d items; only the first %d are "
                  "audited\n",
                  path, l->items_capped, l->items_capped);
  else if (l->truncated)
    ir_buf_printf(b, "%s: note: the letter ends inside an item (truncated)\n",
                  path);
  for (size_t i = 0; i < l->rule_errors.n; i++) {
    const ir_rule_error *e = &l->rule_errors.v[i];
    ir_buf_printf(b, "%s%s:%s %serror:%s rule %s (%s), item %d: %s\n",
                  col(color, C_BOLD), path, col(color, C_OFF),
                  col(color, C_RED), col(color, C_OFF),
                  ir_term(&sc.v[2], e->rule), ir_term(&sc.v[3], e->file),
                  e->item, ir_term(&sc.v[4], e->message));
  }
  scratch_free(&sc);
}
