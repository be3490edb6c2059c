/* record.c - names and small helpers of the audit record (see record.h). */
#include "record.h"

#include <string.h>

const char *ir_section_name(ir_section s) {
  static const char *const names[] = {"header", "summary", "rationale", "title",
                                      "other"};
  return (unsigned)s < sizeof names / sizeof *names ? names[s] : "other";
}

const char *ir_outcome_name(ir_outcome o) {
  return o == IR_OUT_UPHELD       ? "upheld"
         : o == IR_OUT_OVERTURNED ? "overturned"
                                  : "unknown";
}

const char *ir_conclusion_name(ir_conclusion c) {
  return c == IR_CONC_NECESSARY       ? "necessary"
         : c == IR_CONC_NOT_NECESSARY ? "not_necessary"
                                      : "unknown";
}

const char *ir_status_name(ir_status s) {
  return s == IR_FACT_PRESENT  ? "present"
         : s == IR_FACT_ABSENT ? "absent"
                               : "unknown";
}

static const char *const verdict_names[] = {"none", "unknown", "met", "unmet",
                                            "contradicted"};

const char *ir_verdict_name(ir_verdict v) {
  return (unsigned)v < 5 ? verdict_names[v] : "none";
}

int ir_verdict_from_name(const char *s) {
  for (int i = 1; i < 5; i++)
    if (strcmp(s, verdict_names[i]) == 0)
      return i;
  return -1;
}

const char *ir_severity_name(ir_severity s) {
  return s == IR_SEV_ERROR ? "error" : s == IR_SEV_WARNING ? "warning" : "info";
}

#define IR_CRIT_NAME(e, s) s,
static const char *const crit_names[] = {IR_CRITERIA(IR_CRIT_NAME)};
#undef IR_CRIT_NAME

const char *ir_criterion_name(ir_criterion c) {
  return (unsigned)c < IR_CRIT_COUNT ? crit_names[c] : "unknown";
}

int ir_criterion_from_name(const char *s) {
  for (int i = 0; i < IR_CRIT_COUNT; i++)
    if (strcmp(s, crit_names[i]) == 0)
      return i;
  return -1;
}

const char *ir_item_crit_name(const ir_item *it, int c) {
  if (!it->pack || c < 0 || (size_t)c >= it->pack->ncrit)
    return "unknown";
  return it->pack->crit[c].id;
}

void ir_item_set_pack(ir_arena *a, ir_item *it, const ir_pack *p) {
  it->pack = p;
  it->nfacts = p ? p->ncrit : 0;
  it->facts =
      it->nfacts ? ir_arena_alloc(a, it->nfacts * sizeof *it->facts) : NULL;
}

static int is_space(char c) { return c == ' ' || c == '\n'; }

ir_evidence ir_make_evidence(ir_arena *a, const ir_text *t, ir_section sec,
                             size_t ns, size_t ne) {
  ir_evidence e;
  memset(&e, 0, sizeof e);
  if (ne > t->norm_len)
    ne = t->norm_len;
  if (ns > ne)
    ns = ne;
  while (ns < ne && is_space(t->norm[ns]))
    ns++;
  while (ne > ns && is_space(t->norm[ne - 1]))
    ne--;
  e.section = sec;
  e.nstart = ns;
  e.nend = ne;
  e.start = ir_text_orig_start(t, ns);
  e.end = ne > ns ? ir_text_orig_end(t, ne) : e.start;
  char *s = ir_arena_strndup(a, t->norm + ns, ne - ns);
  char *end = s + strlen(s); /* (a NUL byte in the text ends it) */
  for (char *p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
    *p = ' ';
  e.text = s;
  return e;
}

int ir_letter_status(const ir_letter *l) {
  if (!l->ok || l->rule_errors.n)
    return IR_EXIT_FAILED;
  for (size_t i = 0; i < l->items.n; i++)
    if (l->items.v[i].findings.n)
      return IR_EXIT_FLAGGED;
  return IR_EXIT_OK;
}
