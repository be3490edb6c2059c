/* segment_lines.c - what a normalized line is: label, heading, issue,
 * determination, numbered entry, page furniture (see segment_int.h). Pure
 * functions of the text; no allocation except seg_span_str (arena). */
#include "segment_int.h"

#include <ctype.h>
#include <string.h>

/* lit at line start followed by optional "(s)", spaces and ':'; returns the
 * position after the colon (0 when absent). */
size_t seg_label_at(const char *s, span L, const char *lit) {
  size_t j = lit_at(s, L.s, L.e, lit);
  if (!j)
    return 0;
  if (j + 3 <= L.e && memcmp(s + j, "(s)", 3) == 0)
    j += 3;
  while (j < L.e && s[j] == ' ')
    j++;
  return j < L.e && s[j] == ':' ? j + 1 : 0;
}

size_t seg_label_any(const char *s, span L, const char *const *lits) {
  for (; *lits; lits++) {
    size_t v = seg_label_at(s, L, *lits);
    if (v)
      return v;
  }
  return 0;
}

int seg_starts_any(const char *s, span L, const char *const *lits) {
  for (; *lits; lits++)
    if (lit_at(s, L.s, L.e, *lits))
      return 1;
  return 0;
}

/* First case-insensitive occurrence of lit (then spaces and ':') in
 * s[from,to); *lab = label start; returns the position after the colon. */
size_t seg_find_label(const char *s, size_t from, size_t to, const char *lit,
                      size_t *lab) {
  char c0 = lit[0];
  for (size_t i = from; i < to; i++) {
    if (tolower((unsigned char)s[i]) != c0)
      continue;
    if (i > from && isalnum((unsigned char)s[i - 1]))
      continue;
    size_t j = lit_at(s, i, to, lit);
    if (!j)
      continue;
    while (j < to && s[j] == ' ')
      j++;
    if (j < to && s[j] == ':') {
      *lab = i;
      return j + 1;
    }
  }
  return 0;
}

char *seg_span_str(seg *c, size_t a, size_t b) {
  while (a < b && (c->s[a] == ' ' || c->s[a] == '\n'))
    a++;
  while (b > a && (c->s[b - 1] == ' ' || c->s[b - 1] == '\n'))
    b--;
  char *r = ir_arena_strndup(c->a, c->s + a, b - a);
  for (char *p = r; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return r;
}

int seg_outcome_word(const char *s, size_t a, size_t b, ir_outcome *o) {
  static const char *const up[] = {"upheld", "uphold", NULL};
  static const char *const ov[] = {"overturned", "overturn", "reversed", NULL};
  span w = {a, b};
  for (const char *const *p = up; *p; p++)
    if (b - a == strlen(*p) && lit_at(s, w.s, w.e, *p) == b)
      return *o = IR_OUT_UPHELD, 1;
  for (const char *const *p = ov; *p; p++)
    if (b - a == strlen(*p) && lit_at(s, w.s, w.e, *p) == b)
      return *o = IR_OUT_OVERTURNED, 1;
  return 0;
}

/* ---- line kinds ---------------------------------------------------------- */

const char *const seg_decision_labels[] = {
    "final determination",
    "determination",
    "imr determination",
    "decision",
    "imr decision",
    "final decision",
    "outcome",
    "result",
    "reviewer decision",
    "reviewer's decision",
    "independent medical review decision",
    NULL};
static const char *const issue_labels[] = {"issue at dispute",
                                           "issues at dispute",
                                           "issue(s) at dispute",
                                           "disputed item",
                                           "disputed items",
                                           "disputed service",
                                           "disputed treatment",
                                           "requested service",
                                           "requested treatment",
                                           "requested item",
                                           "treatment requested",
                                           "service requested",
                                           "request",
                                           "item",
                                           "issue",
                                           NULL};
const char *const seg_ca_lits[] = {"claims administrator guideline",
                                   "claims administrator guidelines", NULL};
const char *const seg_max_lits[] = {"maximus guideline", "maximus guidelines",
                                    "expert reviewer guideline",
                                    "imr guideline", NULL};

static int items_heading(const char *s, span L) {
  if (L.e - L.s > 120)
    return 0;
  if (lit_at(s, L.s, L.e, "imr issue") || lit_at(s, L.s, L.e, "imr decision"))
    return 1;
  int lower = 0, dec = 0, rat = 0;
  for (size_t i = L.s; i < L.e; i++) {
    lower |= islower((unsigned char)s[i]);
    if (!dec && lit_at(s, i, L.e, "decision"))
      dec = 1;
    if (!rat && lit_at(s, i, L.e, "rationale"))
      rat = 1;
  }
  return !lower && dec && rat;
}

/* "issue 2:", "item #1:", "Request:" - the word, optional number, colon. */
size_t seg_issue_label(const char *s, span L) {
  for (const char *const *p = issue_labels; *p; p++) {
    size_t j = lit_at(s, L.s, L.e, *p);
    if (!j)
      continue;
    if (j + 3 <= L.e && memcmp(s + j, "(s)", 3) == 0)
      j += 3;
    while (j < L.e && (s[j] == ' ' || s[j] == '#'))
      j++;
    while (j < L.e && isdigit((unsigned char)s[j]))
      j++;
    while (j < L.e && s[j] == ' ')
      j++;
    if (j < L.e && s[j] == ':')
      return j + 1;
  }
  return 0;
}

int seg_line_kind(const char *s, span L) {
  static const char *const summ[] = {"clinical case summary", "case summary",
                                     "summary of case", "clinical summary",
                                     NULL};
  static const char *const docs[] = {"documents reviewed", "records reviewed",
                                     "list of documents", NULL};
  static const char *const guide[] = {"medical treatment guideline",
                                      "guideline(s) relied",
                                      "guidelines relied", NULL};
  static const char *const qual[] = {
      "medical reviewer qualification", "reviewer qualification",
      "expert reviewer qualification", "qualifications of the", NULL};
  static const char *const endl[] = {"sincerely", "cc:", "copy to", NULL};
  if (L.s >= L.e)
    return K_NONE;
  if (items_heading(s, L))
    return K_ITEMS;
  if (lit_at(s, L.s, L.e, "how the imr final determination"))
    return K_HOW;
  if (seg_starts_any(s, L, summ) && L.e - L.s < 40)
    return K_SUMMARY;
  if (seg_label_any(s, L, summ))
    return K_SUMMARY;
  if (seg_starts_any(s, L, docs))
    return K_DOCS;
  if (seg_starts_any(s, L, guide))
    return K_GUIDE;
  if (lit_at(s, L.s, L.e, "rationale for") || seg_label_at(s, L, "rationale") ||
      seg_label_at(s, L, "decision rationale"))
    return K_RAT;
  if (seg_starts_any(s, L, qual))
    return K_QUAL;
  if (seg_starts_any(s, L, endl))
    return K_END;
  if (seg_label_any(s, L, seg_ca_lits))
    return K_CA;
  if (seg_label_any(s, L, seg_max_lits))
    return K_MAX;
  if (seg_label_any(s, L, seg_decision_labels))
    return K_DET;
  if (seg_issue_label(s, L))
    return K_ISSUE;
  return K_NONE;
}

/* "1. Service" / "2) Service": the number in *num, text start in *after. */
int seg_numbered(const char *s, span L, size_t *after, int *num) {
  size_t j = L.s;
  int v = 0;
  while (j < L.e && j < L.s + 2 && isdigit((unsigned char)s[j]))
    v = v * 10 + (s[j++] - '0');
  if (j == L.s || j + 1 >= L.e || (s[j] != '.' && s[j] != ')') ||
      s[j + 1] != ' ')
    return 0;
  *after = j + 2;
  *num = v;
  return 1;
}

/* Page furniture: "Page 2 of 3", "- 2 -", a case number or a number alone.
 */
int seg_furniture(const char *s, span L) {
  size_t a = L.s, b = L.e, j;
  if (a >= b || b - a > 40)
    return 0;
  if ((j = lit_at(s, a, b, "page ")) != 0) {
    while (j < b && (isdigit((unsigned char)s[j]) || s[j] == ' '))
      j++;
    size_t k = lit_at(s, j, b, "of ");
    if (k)
      for (j = k; j < b && isdigit((unsigned char)s[j]); j++)
        ;
    return j == b;
  }
  int letters = 0, digits = 0;
  for (j = a; j < b; j++) {
    unsigned char ch = (unsigned char)s[j];
    if (isalpha(ch))
      letters++;
    else if (isdigit(ch))
      digits++;
    else if (ch != '-' && ch != ' ' && ch != '#')
      return 0;
  }
  return digits >= 1 && letters <= 4 && (letters == 0 || digits >= 4);
}
