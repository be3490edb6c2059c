/* segment_lines.c - what a normalized line is: label, heading, issue,
 * determination, numbered entry, page furniture (see segment_int.h). Pure
 * functions of the text; no allocation except seg_span_str (arena). */
#include "segment_int.h"

#include <ctype.h>
#include <stdlib.h>
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

/* Can lit match at L's start as far as its first two bytes go? The first
 * test lit_at would make (a space in lit may match several). */
static inline int head_fits(const char *s, span L, const char *lit) {
  if (lit[0] == ' ' || lit[0] == 0)
    return 1;
  if (L.s >= L.e ||
      ir_ascii_tolower((unsigned char)s[L.s]) != (unsigned char)lit[0])
    return 0;
  return lit[1] == ' ' || lit[1] == 0 ||
         (L.s + 1 < L.e &&
          ir_ascii_tolower((unsigned char)s[L.s + 1]) == (unsigned char)lit[1]);
}

size_t seg_label_any(const char *s, span L, const char *const *lits) {
  for (; *lits; lits++) {
    size_t v = head_fits(s, L, *lits) ? seg_label_at(s, L, *lits) : 0;
    if (v)
      return v;
  }
  return 0;
}

int seg_starts_any(const char *s, span L, const char *const *lits) {
  for (; *lits; lits++)
    if (head_fits(s, L, *lits) && lit_at(s, L.s, L.e, *lits))
      return 1;
  return 0;
}

/* Start of lit (lower case; a space matches a run of spaces) ending at e,
 * matched backwards, not before from; 0 with *ok = 0 when it does not end
 * there. */
static size_t lit_ending(const char *s, size_t from, size_t e, const char *lit,
                         size_t len, int *ok) {
  size_t j = e;
  *ok = 0;
  for (size_t k = len; k-- > 0;) {
    if (lit[k] == ' ') {
      if (j <= from || s[j - 1] != ' ')
        return 0;
      while (j > from && s[j - 1] == ' ')
        j--;
      continue;
    }
    if (j <= from ||
        ir_ascii_tolower((unsigned char)s[j - 1]) != (unsigned char)lit[k])
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
  enum { LENS = 32 }; /* literal lengths kept (the rest found per use) */
  size_t pending = nreq, lens[LENS], nl = 0;
  uint32_t last = 0; /* the last letters of all the literals (bits a..z) */
  for (size_t r = 0; r < nreq; r++) {
    req[r].val = 0;
    req[r].lab = to;
    for (const char *const *lit = req[r].lits; *lit; lit++, nl++) {
      size_t len = strlen(*lit);
      if (nl < LENS)
        lens[nl] = len;
      last |= 1u << (((*lit)[len - 1] - 'a') & 31);
    }
  }
  for (const char *p = s + from;
       pending && p < s + to && (p = memchr(p, ':', (size_t)(s + to - p)));
       p++) {
    size_t colon = (size_t)(p - s), e = colon;
    while (e > from && s[e - 1] == ' ')
      e--;
    /* every label ends in a letter: most colons follow something else */
    unsigned l =
        e > from ? (unsigned)(ir_ascii_tolower((unsigned char)s[e - 1]) - 'a')
                 : 26;
    if (l >= 26 || !(last >> l & 1))
      continue;
    size_t q = 0; /* the index of lit among all the literals */
    for (size_t r = 0; r < nreq; r++) {
      size_t best = to;
      for (const char *const *lit = req[r].lits; *lit; lit++, q++) {
        if (req[r].val)
          continue;
        size_t len = q < LENS ? lens[q] : strlen(*lit);
        if ((unsigned char)(*lit)[len - 1] != 'a' + l)
          continue; /* (the test lit_ending would make first) */
        int ok;
        size_t i = lit_ending(s, from, e, *lit, len, &ok);
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
  for (size_t i = L.s; i < L.e; i++)
    if ((unsigned char)(s[i] - 'a') < 26)
      return 0; /* a lower-case letter: no all-caps heading */
  int dec = 0, rat = 0;
  for (size_t i = L.s; i < L.e && !(dec && rat); i++) {
    if (!dec && s[i] == 'D' && lit_at(s, i, L.e, "decision"))
      dec = 1;
    if (!rat && s[i] == 'R' && lit_at(s, i, L.e, "rationale"))
      rat = 1;
  }
  return dec && rat;
}

/* "issue 2:", "item #1:", "Request:" - the word, optional number, colon. */
size_t seg_issue_label(const char *s, span L) {
  for (const char *const *p = issue_labels; *p; p++) {
    size_t j = head_fits(s, L, *p) ? lit_at(s, L.s, L.e, *p) : 0;
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

/* The checks of seg_line_kind (bits), and for each pair of first letters
 * (a..z, lower case) the checks with a literal starting so (seg_line_pairs
 * fills the segmenter's table, line_pairs): every literal
 * starts with two letters and is matched at the line start, so a line is
 * tested only by the checks that can match its first two letters. */
enum {
  C_HOW = 1 << 0,
  C_SUMM = 1 << 1,
  C_DOCS = 1 << 2,
  C_GUIDE = 1 << 3,
  C_RAT = 1 << 4,
  C_QUAL = 1 << 5,
  C_END = 1 << 6,
  C_CA = 1 << 7,
  C_MAX = 1 << 8,
  C_DET = 1 << 9,
  C_ISSUE = 1 << 10
};
static void add_pairs(uint16_t *pair_checks, const char *const *lits,
                      uint16_t check) {
  for (; *lits; lits++) {
    unsigned l0 = (unsigned)((*lits)[0] - 'a');
    unsigned l1 = (*lits)[0] ? (unsigned)((*lits)[1] - 'a') : 26;
    if (l0 >= 26 || l1 >= 26)
      abort(); /* a literal edit broke the table's assumption */
    pair_checks[l0 * 26 + l1] |= check;
  }
}

void seg_line_pairs(uint16_t p[26 * 26]) {
  add_pairs(p, how_lits, C_HOW);
  add_pairs(p, summ_lits, C_SUMM);
  add_pairs(p, docs_lits, C_DOCS);
  add_pairs(p, guide_lits, C_GUIDE);
  add_pairs(p, rat_lits, C_RAT);
  add_pairs(p, qual_lits, C_QUAL);
  add_pairs(p, end_lits, C_END);
  add_pairs(p, seg_ca_lits, C_CA);
  add_pairs(p, seg_max_lits, C_MAX);
  add_pairs(p, seg_decision_labels, C_DET);
  add_pairs(p, issue_labels, C_ISSUE);
}

int seg_line_kind(const ir_segmenter *sg, const char *s, span L) {
  if (L.s >= L.e)
    return K_NONE;
  if (items_heading(s, L))
    return K_ITEMS;
  unsigned l0 = (unsigned)(ir_ascii_tolower((unsigned char)s[L.s]) - 'a');
  unsigned l1 =
      L.s + 1 < L.e
          ? (unsigned)(ir_ascii_tolower((unsigned char)s[L.s + 1]) - 'a')
          : 26;
  if (l0 >= 26 || l1 >= 26)
    return K_NONE; /* every literal starts with two letters */
  unsigned b = sg->line_pairs[l0 * 26 + l1];
  if (!b)
    return K_NONE;
  if ((b & C_HOW) && lit_at(s, L.s, L.e, how_lits[0]))
    return K_HOW;
  if ((b & C_SUMM) && seg_starts_any(s, L, summ_lits) && L.e - L.s < 40)
    return K_SUMMARY;
  if ((b & C_SUMM) && seg_label_any(s, L, summ_lits))
    return K_SUMMARY;
  if ((b & C_DOCS) && seg_starts_any(s, L, docs_lits))
    return K_DOCS;
  if ((b & C_GUIDE) && seg_starts_any(s, L, guide_lits))
    return K_GUIDE;
  if ((b & C_RAT) &&
      (lit_at(s, L.s, L.e, rat_lits[0]) || seg_label_at(s, L, rat_lits[1]) ||
       seg_label_at(s, L, rat_lits[2])))
    return K_RAT;
  if ((b & C_QUAL) && seg_starts_any(s, L, qual_lits))
    return K_QUAL;
  if ((b & C_END) && seg_starts_any(s, L, end_lits))
    return K_END;
  if ((b & C_CA) && seg_label_any(s, L, seg_ca_lits))
    return K_CA;
  if ((b & C_MAX) && seg_label_any(s, L, seg_max_lits))
    return K_MAX;
  if ((b & C_DET) && seg_label_any(s, L, seg_decision_labels))
    return K_DET;
  if ((b & C_ISSUE) && seg_issue_label(s, L))
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

/* An entry marker at the start of L: "1. ", "2) ", "(3) ", "#4 ", "Issue 1:",
 * "Issue #2 -", "Item 3.", "Request 1)". The number in *num; *after is past
 * the marker and the blanks, ':' or '-' after it. */
int seg_member_marker(const char *s, span L, int *num, size_t *after) {
  static const char *const words[] = {"issue", "item", "request", "service",
                                      NULL};
  size_t j = L.s;
  int word = 0, paren = 0;
  for (const char *const *w = words; *w && !word; w++) {
    size_t k = lit_at(s, j, L.e, *w);
    if (k && k < L.e && (s[k] == ' ' || s[k] == '#'))
      j = k, word = 1;
  }
  while (word && j < L.e && s[j] == ' ')
    j++;
  if (j < L.e && (s[j] == '#' || (!word && s[j] == '(')))
    paren = s[j++] == '(';
  size_t d = j;
  int v = 0;
  while (j < L.e && j - d < 2 && isdigit((unsigned char)s[j]))
    v = v * 10 + (s[j++] - '0');
  if (j == d || j >= L.e || v == 0)
    return 0;
  if (paren) {
    if (s[j] != ')')
      return 0;
    j++;
  } else if (s[j] == '.' || s[j] == ')' || (word && s[j] == ':')) {
    j++;
  } else if (!(word || s[d - 1] == '#') || s[j] != ' ') {
    return 0; /* "3 sessions", a bare "#4" is a quantity */
  }
  if (j < L.e && s[j] != ' ')
    return 0;
  while (j < L.e && (s[j] == ' ' || s[j] == ':' || s[j] == '-'))
    j++;
  if (word && j >= L.e)
    return 0;
  *num = v;
  *after = j;
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
