/* segment_lines.c - what a normalized line is: label, heading, issue,
 * determination, numbered entry, page furniture (see segment_int.h). Pure
 * functions of the text; no allocation except seg_span_str (arena). */
#include "segment_int.h"

#include <ctype.h>
#include <pthread.h>
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

/* Start of lit (lower case; a space matches a run of spaces) ending at e,
 * matched backwards, not before from; 0 with *ok = 0 when it does not end
 * there. */
static size_t lit_ending(const char *s, size_t from, size_t e, const char *lit,
                         int *ok) {
  size_t j = e;
  *ok = 0;
  for (size_t k = strlen(lit); k-- > 0;) {
    if (lit[k] == ' ') {
      if (j <= from || s[j - 1] != ' ')
        return 0;
      while (j > from && s[j - 1] == ' ')
        j--;
      continue;
    }
    if (j <= from || seg_lc((unsigned char)s[j - 1]) != (unsigned char)lit[k])
      return 0;
    j--;
  }
  *ok = 1;
  return j;
}

/* Every label ends in spaces and a colon, and a label's text holds no
 * colon, so labels appear in the order of their colons: visit each colon in
 * s[from, to) and match the literals backwards from it. The earliest label
 * start wins (the first literal listed on a tie), as when each literal is
 * searched forwards separately and the earliest kept. */
void seg_find_labels(const char *s, size_t from, size_t to, seg_label_req *req,
                     size_t nreq) {
  size_t pending = nreq;
  for (size_t r = 0; r < nreq; r++) {
    req[r].val = 0;
    req[r].lab = to;
  }
  for (const char *p = s + from;
       pending && p < s + to && (p = memchr(p, ':', (size_t)(s + to - p)));
       p++) {
    size_t colon = (size_t)(p - s), e = colon;
    while (e > from && s[e - 1] == ' ')
      e--;
    /* every label ends in a letter: most colons follow something else */
    if (e == from || (unsigned char)((s[e - 1] | 0x20) - 'a') >= 26)
      continue;
    for (size_t r = 0; r < nreq; r++) {
      if (req[r].val)
        continue;
      size_t best = to;
      for (const char *const *lit = req[r].lits; *lit; lit++) {
        int ok;
        size_t i = lit_ending(s, from, e, *lit, &ok);
        if (!ok || i >= best)
          continue;
        unsigned char pc = i > from ? (unsigned char)s[i - 1] : ' ';
        if ((unsigned char)((pc | 0x20) - 'a') < 26 ||
            (unsigned char)(pc - '0') < 10)
          continue; /* inside a word (isalnum in the C locale) */
        best = i;
      }
      if (best < to) {
        req[r].val = colon + 1;
        req[r].lab = best;
        pending--;
      }
    }
  }
}

char *seg_span_str(seg *c, size_t a, size_t b) {
  while (a < b && (c->s[a] == ' ' || c->s[a] == '\n'))
    a++;
  while (b > a && (c->s[b - 1] == ' ' || c->s[b - 1] == '\n'))
    b--;
  char *r = ir_arena_strndup(c->a, c->s + a, b - a);
  for (char *p = r; (p = memchr(p, '\n', (size_t)(r + (b - a) - p))) != NULL;
       p++)
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
  int dec = 0, rat = 0;
  for (size_t i = L.s; i < L.e; i++) {
    if ((unsigned char)(s[i] - 'a') < 26)
      return 0; /* a lower-case letter: no all-caps heading */
    if (!dec && lit_at(s, i, L.e, "decision"))
      dec = 1;
    if (!rat && lit_at(s, i, L.e, "rationale"))
      rat = 1;
  }
  return dec && rat;
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

static const char *const summ_lits[] = {"clinical case summary", "case summary",
                                        "summary of case", "clinical summary",
                                        NULL};
static const char *const docs_lits[] = {
    "documents reviewed", "records reviewed", "list of documents", NULL};
static const char *const guide_lits[] = {"medical treatment guideline",
                                         "guideline(s) relied",
                                         "guidelines relied", NULL};
static const char *const rat_lits[] = {"rationale for", "rationale",
                                       "decision rationale", NULL};
static const char *const qual_lits[] = {
    "medical reviewer qualification", "reviewer qualification",
    "expert reviewer qualification", "qualifications of the", NULL};
static const char *const end_lits[] = {"sincerely", "cc:", "copy to", NULL};
static const char *const how_lits[] = {"how the imr final determination", NULL};

/* First letters (bits a..z) of the literals of each check, so that a line
 * is tested only by the checks that can match its first letter (every
 * literal starts with a letter and is matched at the line start). */
static struct {
  uint32_t how, summ, docs, guide, rat, qual, end, ca, max, det, issue;
} initials;
static pthread_once_t initials_once = PTHREAD_ONCE_INIT;

static uint32_t initials_of(const char *const *lits) {
  uint32_t m = 0;
  for (; *lits; lits++)
    m |= 1u << ((unsigned char)(*lits)[0] - 'a');
  return m;
}

static void build_initials(void) {
  initials.how = initials_of(how_lits);
  initials.summ = initials_of(summ_lits);
  initials.docs = initials_of(docs_lits);
  initials.guide = initials_of(guide_lits);
  initials.rat = initials_of(rat_lits);
  initials.qual = initials_of(qual_lits);
  initials.end = initials_of(end_lits);
  initials.ca = initials_of(seg_ca_lits);
  initials.max = initials_of(seg_max_lits);
  initials.det = initials_of(seg_decision_labels);
  initials.issue = initials_of(issue_labels);
}

int seg_line_kind(const char *s, span L) {
  if (L.s >= L.e)
    return K_NONE;
  if (items_heading(s, L))
    return K_ITEMS;
  unsigned l = (unsigned)(seg_lc((unsigned char)s[L.s]) - 'a');
  if (l >= 26)
    return K_NONE;
  uint32_t b = 1u << l;
  pthread_once(&initials_once, build_initials);
  if ((initials.how & b) && lit_at(s, L.s, L.e, how_lits[0]))
    return K_HOW;
  if ((initials.summ & b) && seg_starts_any(s, L, summ_lits) && L.e - L.s < 40)
    return K_SUMMARY;
  if ((initials.summ & b) && seg_label_any(s, L, summ_lits))
    return K_SUMMARY;
  if ((initials.docs & b) && seg_starts_any(s, L, docs_lits))
    return K_DOCS;
  if ((initials.guide & b) && seg_starts_any(s, L, guide_lits))
    return K_GUIDE;
  if ((initials.rat & b) &&
      (lit_at(s, L.s, L.e, rat_lits[0]) || seg_label_at(s, L, rat_lits[1]) ||
       seg_label_at(s, L, rat_lits[2])))
    return K_RAT;
  if ((initials.qual & b) && seg_starts_any(s, L, qual_lits))
    return K_QUAL;
  if ((initials.end & b) && seg_starts_any(s, L, end_lits))
    return K_END;
  if ((initials.ca & b) && seg_label_any(s, L, seg_ca_lits))
    return K_CA;
  if ((initials.max & b) && seg_label_any(s, L, seg_max_lits))
    return K_MAX;
  if ((initials.det & b) && seg_label_any(s, L, seg_decision_labels))
    return K_DET;
  if ((initials.issue & b) && seg_issue_label(s, L))
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
