/* segment.c - split a normalized IMR letter into header fields, reviewer,
 * clinical summary and decided items (contract in segment.h).
 *
 * The letter is read line by line (a normalized line is a paragraph, a
 * heading or a title). Items start at:
 *  - a title line "<service>: Upheld|Overturned" (trailing '.', any case,
 *    ':' or a dash before the outcome), also with the labels run on in the
 *    same line, or wrapped onto a bare "Upheld" line, or a fragment on the
 *    line before ("Trigger point injection for the" / "lumbar spine: Upheld");
 *  - a service label ("ISSUE AT DISPUTE:", "Item 1:", "Request:") whose
 *    outcome comes from a determination line ("FINAL DETERMINATION: Upheld",
 *    "DETERMINATION: The requested treatment is not medically necessary").
 * Inside an item the labels "Claims Administrator guideline:", "MAXIMUS
 * guideline:", "Decision rationale:" (or the older "MEDICAL TREATMENT
 * GUIDELINE(S) RELIED UPON ...:" and "RATIONALE FOR WHY ...:" headings) split
 * guidelines and rationale; the rationale ends at the item's end or at a
 * closing section (reviewer qualifications, documents reviewed, cc:).
 * Header fields and reviewer come from PCRE2 patterns compiled once (JIT,
 * match limits); match data is per call, so ir_segment is thread-safe.
 * Everything is a linear scan; patterns are bounded. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "segment.h"

#include <ctype.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* ---- patterns ----------------------------------------------------------- */

enum {
  P_CASE,
  P_DOI,
  P_DECISION,
  P_URDENIAL,
  P_ASSIGNED,
  P_APPL,
  P_PRIORITY,
  P_DOI_FB,
  P_DOI_FB2,
  P_SPEC,
  P_LIC,
  P_BOARD,
  P_BOARD_ONLY,
  P_LIC_ONLY,
  P_INLINE,
  P_COUNT
};

#define CI PCRE2_CASELESS
static const struct {
  const char *re;
  uint32_t flags;
} pat_src[P_COUNT] = {
    [P_CASE] = {"\\bCase\\s+(?:Number|No\\.?|#)\\s*:?\\s*"
                "([A-Z]{2}\\d{2}-\\d{4,10}|(?=[A-Z-]{0,12}\\d)[A-Z0-9][A-Z0-9-]"
                "{3,24})\\b",
                CI},
    [P_DOI] = {"\\b(?:Date\\s+of\\s+Injur(?:y|ies)|DOI)\\s*(?::|on|of|was|is|"
               "-)?\\s*",
               CI},
    [P_DECISION] = {"\\bDecision\\s+Date\\s*:?\\s*", CI},
    [P_URDENIAL] = {"\\b(?:UR|Utilization\\s+Review)\\s+(?:Denial\\s+)?Date"
                    "\\s*:?\\s*",
                    CI},
    [P_ASSIGNED] = {"\\bDate\\s+Assigned\\s*:?\\s*", CI},
    [P_APPL] = {"\\b(?:Date\\s+)?Application\\s+Received(?:\\s+Date)?\\s*:?"
                "\\s*",
                CI},
    [P_PRIORITY] = {"\\bPriority\\s*:\\s*([A-Za-z]+)", CI},
    [P_DOI_FB] = {"\\b(?:injury|injured|accident)\\s+(?:that\\s+occurred\\s+)?"
                  "(?:on|of|dated?)\\s+",
                  CI},
    [P_DOI_FB2] =
        {"\\b(?:injur(?:ed|y|ies)|fell|fall|slipped|tripped|accident|"
         "collision|crash|strain(?:ed)?|sprain(?:ed)?|hurt|twisted|"
         "assaulted|struck)\\b[^.\\n]{0,60}?\\b(?:on|of)"
         "\\s+(?=\\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
         CI},
    [P_SPEC] = {"Certifications?(?:\\(s\\))?\\s*/\\s*Specialt(?:y|ies)\\s*:"
                "\\s*([^\\n]{1,200}?)\\s*(?=States?(?:\\(s\\))?\\s+of\\s+"
                "Licensure|\\n|$)",
                CI},
    [P_LIC] = {"States?(?:\\(s\\))?\\s+of\\s+Licensure\\s*:\\s*([^\\n]{1,200}?)"
               "\\s*(?=Certifications?(?:\\(s\\))?\\s*/|\\n|$)",
               CI},
    [P_BOARD] = {"Board[ -]Certified\\s+in\\s+(?:the\\s+(?:field|specialty)\\s+"
                 "of\\s+)?([^\\n.;]{2,150}?)\\s*,?\\s+and\\s+(?:is\\s+)?(?:"
                 "currently\\s+)?licensed\\s+(?:to\\s+practice\\s+)?in\\s+(?:"
                 "the\\s+state\\s+of\\s+)?([^\\n.;]{2,80}?)\\s*(?=[.;\\n]|$)",
                 CI},
    [P_BOARD_ONLY] = {"Board[ -]Certified\\s+in\\s+([^\\n.;,]{2,100}?)\\s*"
                      "(?=\\s+and\\b|[.;,\\n]|$)",
                      CI},
    [P_LIC_ONLY] =
        {"[Ll]icensed\\s+(?:to\\s+practice\\s+)?in\\s+(?:the\\s+"
         "[Ss]tate\\s+of\\s+)?([A-Z][A-Za-z]+(?:\\s+[A-Z][A-Za-z]+)?)",
         0},
    [P_INLINE] = {":\\s*(Upheld|Overturned|Reversed)\\b\\.?\\s*(?=(?:Claims\\s+"
                  "Administrator|MAXIMUS|Expert\\s+Reviewer)\\s+guideline|"
                  "Decision\\s+rationale|Rationale\\s*:)",
                  CI},
};

static pcre2_code *pats[P_COUNT];
static pcre2_match_context *mctx;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static char init_msg[256];
static int init_failed;

static void do_init(void) {
  mctx = pcre2_match_context_create(NULL);
  if (!mctx) {
    snprintf(init_msg, sizeof init_msg, "segment: out of memory");
    init_failed = 1;
    return;
  }
  pcre2_set_match_limit(mctx, 1000000);
  pcre2_set_depth_limit(mctx, 10000);
  for (int i = 0; i < P_COUNT; i++) {
    int ec;
    PCRE2_SIZE eo;
    pats[i] = pcre2_compile((PCRE2_SPTR)pat_src[i].re, PCRE2_ZERO_TERMINATED,
                            pat_src[i].flags, &ec, &eo, NULL);
    if (!pats[i]) {
      PCRE2_UCHAR msg[120];
      pcre2_get_error_message(ec, msg, sizeof msg);
      snprintf(init_msg, sizeof init_msg, "segment: pattern %d at %zu: %s", i,
               (size_t)eo, (const char *)msg);
      init_failed = 1;
      return;
    }
#ifndef IR_NO_JIT /* -DIR_NO_JIT for valgrind runs (JIT code confuses it) */
    pcre2_jit_compile(pats[i], PCRE2_JIT_COMPLETE); /* optional speed-up */
#endif
  }
}

int ir_segment_init(char *err, size_t errlen) {
  pthread_once(&init_once, do_init);
  if (init_failed && err && errlen)
    snprintf(err, errlen, "%s", init_msg);
  return init_failed ? -1 : 0;
}

void ir_segment_fini(void) {
  for (int i = 0; i < P_COUNT; i++) {
    pcre2_code_free(pats[i]);
    pats[i] = NULL;
  }
  pcre2_match_context_free(mctx);
  mctx = NULL;
}

/* ---- per-call context ---------------------------------------------------- */

typedef struct {
  size_t s, e;
} span;

typedef struct {
  ir_arena *a;
  ir_letter *l;
  const char *s;
  size_t n;
  span *lines;
  size_t nlines;
  pcre2_match_data *md;
} seg;

/* Finds pattern p in s[from, to); group g's span in *out. */
static int find(seg *c, int p, size_t from, size_t to, int g, span *out) {
  if (from >= to || !pats[p])
    return 0;
  int rc = pcre2_match(pats[p], (PCRE2_SPTR)c->s, to, from, 0, c->md, mctx);
  if (rc <= g)
    return 0;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
  if (ov[2 * g] == PCRE2_UNSET)
    return 0;
  out->s = ov[2 * g];
  out->e = ov[2 * g + 1];
  return 1;
}

static void build_lines(seg *c) {
  size_t cnt = 1;
  for (size_t i = 0; i < c->n; i++)
    cnt += c->s[i] == '\n';
  c->lines = ir_arena_alloc(c->a, cnt * sizeof *c->lines);
  size_t st = 0, k = 0;
  for (size_t i = 0; i <= c->n; i++) {
    if (i == c->n || c->s[i] == '\n') {
      size_t a = st, b = i;
      while (a < b && (c->s[a] == ' ' || c->s[a] == '\t' || c->s[a] == '\r'))
        a++;
      while (b > a &&
             (c->s[b - 1] == ' ' || c->s[b - 1] == '\t' || c->s[b - 1] == '\r'))
        b--;
      c->lines[k].s = a;
      c->lines[k].e = b;
      k++;
      st = i + 1;
    }
  }
  c->nlines = k;
}

/* ---- small text helpers -------------------------------------------------- */

/* Case-insensitive literal at s[i] (single spaces in lit match 1+ spaces). */
static size_t lit_at(const char *s, size_t i, size_t e, const char *lit) {
  size_t j = i;
  for (const char *p = lit; *p; p++) {
    if (*p == ' ') {
      if (j >= e || s[j] != ' ')
        return 0;
      while (j < e && s[j] == ' ')
        j++;
      continue;
    }
    if (j >= e || tolower((unsigned char)s[j]) != *p)
      return 0;
    j++;
  }
  return j;
}

/* lit at line start followed by optional "(s)", spaces and ':'; returns the
 * position after the colon (0 when absent). */
static size_t label_at(const char *s, span L, const char *lit) {
  size_t j = lit_at(s, L.s, L.e, lit);
  if (!j)
    return 0;
  if (j + 3 <= L.e && memcmp(s + j, "(s)", 3) == 0)
    j += 3;
  while (j < L.e && s[j] == ' ')
    j++;
  return j < L.e && s[j] == ':' ? j + 1 : 0;
}

static size_t label_any(const char *s, span L, const char *const *lits) {
  for (; *lits; lits++) {
    size_t v = label_at(s, L, *lits);
    if (v)
      return v;
  }
  return 0;
}

static int starts_any(const char *s, span L, const char *const *lits) {
  for (; *lits; lits++)
    if (lit_at(s, L.s, L.e, *lits))
      return 1;
  return 0;
}

/* First case-insensitive occurrence of lit (then spaces and ':') in
 * s[from,to); *lab = label start; returns the position after the colon. */
static size_t find_label(const char *s, size_t from, size_t to, const char *lit,
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

static char *span_str(seg *c, size_t a, size_t b) {
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

static int outcome_word(const char *s, size_t a, size_t b, ir_outcome *o) {
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

static const char *const decision_labels[] = {
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
static const char *const ca_lits[] = {"claims administrator guideline",
                                      "claims administrator guidelines", NULL};
static const char *const max_lits[] = {
    "maximus guideline", "maximus guidelines", "expert reviewer guideline",
    "imr guideline", NULL};

enum {
  K_NONE = 0,
  K_ITEMS,
  K_HOW,
  K_SUMMARY,
  K_DOCS,
  K_GUIDE,
  K_RAT,
  K_QUAL,
  K_END,
  K_CA,
  K_MAX,
  K_ISSUE,
  K_DET
};

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
static size_t issue_label(const char *s, span L) {
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

static int line_kind(const char *s, span L) {
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
  if (starts_any(s, L, summ) && L.e - L.s < 40)
    return K_SUMMARY;
  if (label_any(s, L, summ))
    return K_SUMMARY;
  if (starts_any(s, L, docs))
    return K_DOCS;
  if (starts_any(s, L, guide))
    return K_GUIDE;
  if (lit_at(s, L.s, L.e, "rationale for") || label_at(s, L, "rationale") ||
      label_at(s, L, "decision rationale"))
    return K_RAT;
  if (starts_any(s, L, qual))
    return K_QUAL;
  if (starts_any(s, L, endl))
    return K_END;
  if (label_any(s, L, ca_lits))
    return K_CA;
  if (label_any(s, L, max_lits))
    return K_MAX;
  if (label_any(s, L, decision_labels))
    return K_DET;
  if (issue_label(s, L))
    return K_ISSUE;
  return K_NONE;
}

/* ---- titles -------------------------------------------------------------- */

typedef struct {
  size_t start;      /* item start */
  size_t ts, te;     /* title span */
  size_t ss, se;     /* service span */
  size_t body;       /* where labels are searched from */
  size_t first_line; /* index of the line after the title */
  ir_outcome out;
  int has_det;
  int group, gidx; /* numbered issues under one heading: group id, 1-based */
  size_t end;
} proto;

/* "1. Service" / "2) Service": the number in *num, text start in *after. */
static int numbered(const char *s, span L, size_t *after, int *num) {
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

/* "<service>: Upheld" (or " - Upheld"); fills service end and title end. */
static int title_line(seg *c, span L, size_t *svc_end, size_t *t_end,
                      ir_outcome *o) {
  const char *s = c->s;
  size_t e = L.e;
  while (e > L.s && (s[e - 1] == '.' || s[e - 1] == '*' || s[e - 1] == ' ' ||
                     s[e - 1] == '!'))
    e--;
  size_t w = e;
  while (w > L.s && isalpha((unsigned char)s[w - 1]))
    w--;
  if (w < e && outcome_word(s, w, e, o)) {
    size_t k = w;
    while (k > L.s && (s[k - 1] == ' ' || s[k - 1] == '*'))
      k--;
    if (k > L.s && s[k - 1] == ':')
      k--;
    else if (k > L.s && s[k - 1] == '-' && k < w)
      k--;
    else if (k >= L.s + 3 && (unsigned char)s[k - 3] == 0xe2 &&
             (unsigned char)s[k - 2] == 0x80 &&
             ((unsigned char)s[k - 1] == 0x93 ||
              (unsigned char)s[k - 1] == 0x94))
      k -= 3;
    else
      return 0;
    while (k > L.s && (s[k - 1] == ' ' || s[k - 1] == '*'))
      k--;
    if (k <= L.s)
      return 0;
    *svc_end = k;
    *t_end = e;
    return 1;
  }
  span m;
  if (find(c, P_INLINE, L.s, L.e, 1, &m) && m.s > L.s) {
    outcome_word(s, m.s, m.e, o);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
    size_t k = ov[0];
    while (k > L.s && s[k - 1] == ' ')
      k--;
    if (k <= L.s)
      return 0;
    *svc_end = k;
    *t_end = m.e;
    return 1;
  }
  return 0;
}

static int bare_outcome(seg *c, span L, ir_outcome *o) {
  size_t e = L.e, a = L.s;
  while (e > a && (c->s[e - 1] == '.' || c->s[e - 1] == '*'))
    e--;
  while (a < e && c->s[a] == '*')
    a++;
  return e > a && outcome_word(c->s, a, e, o);
}

static int ends_sentence(const char *s, span L) {
  if (L.e <= L.s)
    return 1;
  char ch = s[L.e - 1];
  return ch == '.' || ch == ':' || ch == ';' || ch == '!' || ch == '?' ||
         ch == ')' || ch == '"';
}

/* Page furniture: "Page 2 of 3", "- 2 -", a case number or a number alone. */
static int furniture(const char *s, span L) {
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

/* A line that may start a title wrapped onto the next line. */
static int title_fragment(seg *c, size_t li) {
  span L = c->lines[li];
  return L.e > L.s && L.e - L.s < 160 && !ends_sentence(c->s, L) &&
         !furniture(c->s, L) && line_kind(c->s, L) == K_NONE &&
         !lit_at(c->s, L.s, L.e, "the final determination");
}

/* Strips labels, numbering and boilerplate around a service name. */
static void clean_service(seg *c, size_t *pa, size_t *pb) {
  const char *s = c->s;
  size_t a = *pa, b = *pb;
  for (size_t i = a; i + 16 <= b; i++)
    if (lit_at(s, i, b, "set forth below:")) {
      a = i + 16;
      break;
    }
  while (a < b && (s[a] == ' ' || s[a] == '*'))
    a++;
  span L = {a, b};
  size_t v = issue_label(s, L);
  if (v)
    a = v;
  while (a < b && s[a] == ' ')
    a++;
  size_t d = a;
  while (d < b && isdigit((unsigned char)s[d]))
    d++;
  if (d > a && d < b && d - a < 3 && (s[d] == '.' || s[d] == ')') &&
      d + 1 < b && s[d + 1] == ' ')
    a = d + 2;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == ':' || s[b - 1] == '*' ||
                   s[b - 1] == '-'))
    b--;
  if (b - a > 250) { /* a paragraph run into the title: keep the last part */
    for (size_t i = b - 2; i > a + 1; i--)
      if (s[i] == ' ' && s[i - 1] == '.' && isupper((unsigned char)s[i + 1])) {
        a = i + 1;
        break;
      }
  }
  *pa = a;
  *pb = b;
}

/* ---- finding items ------------------------------------------------------- */

typedef IR_VEC(proto) protolist;

static void open_item(seg *c, protolist *v, proto p) {
  if (v->n)
    v->v[v->n - 1].end = p.start;
  clean_service(c, &p.ss, &p.se);
  p.end = c->n;
  ir_vec_push(c->a, v, p);
}

#define MAX_GROUP 32

/* "ISSUE AT DISPUTE:" followed by numbered lines: one item per line. */
static int issue_group(seg *c, protolist *v, size_t i, size_t *last, int *gid) {
  span L = c->lines[i];
  size_t val = issue_label(c->s, L), after, j = i + 1;
  int num, k = 0;
  if (val < L.e)
    return 0;
  /* sequential numbers 1, 2, ...; a handful at most (each member scans
   * the shared region, so the size is capped to keep segmenting linear) */
  while (j < c->nlines && j - i <= MAX_GROUP &&
         numbered(c->s, c->lines[j], &after, &num) && num == (int)(j - i) &&
         line_kind(c->s, c->lines[j]) == K_NONE)
    j++;
  if (j - i - 1 < 2 || j - i - 1 >= MAX_GROUP)
    return 0;
  (*gid)++;
  for (size_t m = i + 1; m < j; m++) {
    proto p;
    memset(&p, 0, sizeof p);
    numbered(c->s, c->lines[m], &after, &num);
    p.start = p.ts = c->lines[m].s;
    p.ss = after;
    p.se = p.te = c->lines[m].e;
    p.body = c->lines[j - 1].e;
    p.group = *gid;
    p.gidx = ++k;
    open_item(c, v, p);
  }
  *last = j - 1;
  return 1;
}

/* A determination for a group: outcome words in order, one per member
 * (from the value and numbered lines after it); else one for all. */
static void group_outcomes(seg *c, protolist *v, size_t li, span V,
                           ir_outcome all) {
  int g = v->v[v->n - 1].group;
  size_t first = v->n, members = 0;
  while (first > 0 && v->v[first - 1].group == g)
    first--;
  members = v->n - first;
  ir_outcome found[64];
  size_t nf = 0, after;
  int num;
  span R = V;
  for (size_t j = li + 1; j < c->nlines; j++) { /* numbered lines after */
    if (!numbered(c->s, c->lines[j], &after, &num) ||
        line_kind(c->s, c->lines[j]) != K_NONE)
      break;
    if (c->lines[j].e > R.e && c->lines[j].s >= V.e)
      R.e = c->lines[j].e;
  }
  for (size_t i = R.s; i < R.e && nf < 64;) {
    while (i < R.e && !isalpha((unsigned char)c->s[i]))
      i++;
    size_t b = i;
    while (i < R.e && isalpha((unsigned char)c->s[i]))
      i++;
    ir_outcome o;
    if (b < i && outcome_word(c->s, b, i, &o))
      found[nf++] = o;
  }
  for (size_t m = 0; m < members; m++) {
    proto *p = &v->v[first + m];
    p->out = nf == members ? found[m] : all;
    p->has_det = 1;
  }
}

/* Members of a group share the region after their numbered lines. */
static void close_groups(protolist *v) {
  for (size_t i = 0; i < v->n;) {
    size_t j = i + 1;
    while (v->v[i].group && j < v->n && v->v[j].group == v->v[i].group)
      j++;
    for (size_t k = i; k < j; k++)
      v->v[k].end = v->v[j - 1].end;
    i = j;
  }
}

/* Scans lines [from, nlines); returns how many outcome signals were seen. */
static int scan_items(seg *c, size_t from, protolist *v) {
  int signals = 0, gid = 0;
  ir_outcome pending = IR_OUT_UNKNOWN;
  int has_pending = 0;
  span pend_line = {0, 0};
  for (size_t i = from; i < c->nlines; i++) {
    span L = c->lines[i];
    if (L.s >= L.e || lit_at(c->s, L.s, L.e, "the final determination was"))
      continue;
    int kind = line_kind(c->s, L);
    proto p;
    memset(&p, 0, sizeof p);
    size_t svc_end, t_end;
    ir_outcome o = IR_OUT_UNKNOWN;
    if (kind == K_DET) {
      size_t val = label_any(c->s, L, decision_labels);
      span V = {val, L.e};
      if (V.s >= V.e && i + 1 < c->nlines)
        V = c->lines[i + 1];
      o = ir_outcome_of(c->s + V.s, V.e - V.s);
      signals++;
      proto *cur = v->n ? &v->v[v->n - 1] : NULL;
      if (cur && cur->group && !cur->has_det) {
        group_outcomes(c, v, i, V, o);
      } else if (cur && !cur->has_det && cur->out == IR_OUT_UNKNOWN) {
        cur->out = o;
        cur->has_det = 1;
      } else if (!cur || cur->has_det || cur->out != IR_OUT_UNKNOWN) {
        pending = o;
        has_pending = 1;
        pend_line = L;
      }
      continue;
    }
    if (kind == K_NONE || kind == K_ISSUE) {
      if (title_line(c, L, &svc_end, &t_end, &o)) {
        p.start = p.ts = p.ss = L.s;
        p.se = svc_end;
        p.te = t_end;
        if (i > from && title_fragment(c, i - 1) &&
            (!v->n || v->v[v->n - 1].body < c->lines[i - 1].s))
          p.start = p.ts = p.ss = c->lines[i - 1].s;
      } else if (i + 1 < c->nlines && bare_outcome(c, c->lines[i + 1], &o) &&
                 kind == K_NONE && L.e - L.s < 400) {
        p.start = p.ts = p.ss = L.s;
        p.se = L.e;
        p.te = c->lines[i + 1].e;
        if (i > from && title_fragment(c, i - 1) &&
            (!v->n || v->v[v->n - 1].body < c->lines[i - 1].s))
          p.start = p.ts = p.ss = c->lines[i - 1].s;
        i++;
      } else if (kind == K_ISSUE && issue_group(c, v, i, &i, &gid)) {
        signals++;
        continue;
      } else if (kind == K_ISSUE) {
        size_t val = issue_label(c->s, L);
        p.start = p.ts = L.s;
        p.ss = val;
        p.se = L.e;
        if (val >= L.e && i + 1 < c->nlines &&
            line_kind(c->s, c->lines[i + 1]) == K_NONE) {
          i++;
          p.ss = c->lines[i].s;
          p.se = p.te = c->lines[i].e;
        }
        p.te = p.se;
        o = IR_OUT_UNKNOWN;
        if (has_pending) {
          o = pending;
          p.has_det = 1;
          has_pending = 0;
        }
      } else {
        continue;
      }
      signals++;
      p.out = o;
      p.body = p.te;
      p.first_line = i + 1;
      open_item(c, v, p);
    }
  }
  close_groups(v);
  if (has_pending && !v->n) { /* a determination without a service line */
    proto p;
    memset(&p, 0, sizeof p);
    p.start = p.ts = p.ss = pend_line.s;
    p.te = p.se = p.body = pend_line.e;
    p.out = pending;
    p.has_det = 1;
    open_item(c, v, p);
  }
  return signals;
}

/* ---- inside an item ------------------------------------------------------ */

/* Index of the first line starting at or after pos (binary search). */
static size_t line_at(seg *c, size_t pos) {
  size_t lo = 0, hi = c->nlines;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->lines[mid].s < pos)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static size_t next_heading(seg *c, size_t from, size_t limit, int stop_kinds) {
  for (size_t i = line_at(c, from); i < c->nlines && c->lines[i].s < limit;
       i++) {
    int k = line_kind(c->s, c->lines[i]);
    if (k != K_NONE && (stop_kinds & (1 << k)))
      return c->lines[i].s;
  }
  return limit;
}

static size_t min3(size_t a, size_t b, size_t c) {
  size_t m = a < b ? a : b;
  return m < c ? m : c;
}

static size_t label_in(seg *c, size_t from, size_t to, const char *const *lits,
                       size_t *lab) {
  size_t best = 0, bl = to;
  for (; *lits; lits++) {
    size_t l, v = find_label(c->s, from, to, *lits, &l);
    if (v && l < bl) {
      best = v;
      bl = l;
    }
  }
  *lab = bl;
  return best;
}

/* In a shared rationale, the paragraph numbered k ("2. Cyclobenzaprine:
 * ...") up to the paragraph numbered k+1. */
static void narrow_numbered(seg *c, int k, size_t *rs, size_t *re) {
  size_t st = 0, after;
  int num;
  for (size_t i = line_at(c, *rs); i < c->nlines && c->lines[i].s < *re; i++) {
    if (!numbered(c->s, c->lines[i], &after, &num))
      continue;
    if (!st && num == k)
      st = after;
    else if (st && num == k + 1) {
      size_t e = c->lines[i].s;
      while (e > st && (c->s[e - 1] == '\n' || c->s[e - 1] == ' '))
        e--;
      *re = e;
      break;
    }
  }
  if (st)
    *rs = st;
}

static void parse_item(seg *c, const proto *p, ir_item *it, int *truncated) {
  const char *s = c->s;
  size_t from = p->body, to = p->end, ca_l, max_l, rat_l;
  static const char *const rat_lits[] = {"decision rationale", NULL};
  size_t ca = label_in(c, from, to, ca_lits, &ca_l);
  size_t mx = label_in(c, from, to, max_lits, &max_l);
  size_t rat = label_in(c, from, to, rat_lits, &rat_l);
  const int heads = (1 << K_SUMMARY) | (1 << K_DOCS) | (1 << K_GUIDE) |
                    (1 << K_RAT) | (1 << K_QUAL) | (1 << K_END) |
                    (1 << K_ISSUE) | (1 << K_DET) | (1 << K_ITEMS) |
                    (1 << K_HOW);
  if (!rat) { /* "Rationale:" or "RATIONALE FOR WHY ... :" heading */
    for (size_t i = line_at(c, from); i < c->nlines && c->lines[i].s < to;
         i++) {
      span L = c->lines[i];
      if (line_kind(s, L) != K_RAT)
        continue;
      rat_l = L.s;
      size_t k = L.s;
      while (k < L.e && s[k] != ':')
        k++;
      rat = (k < L.e) ? k + 1 : L.e;
      if (rat >= L.e)
        rat = L.e < c->n ? L.e + 1 : L.e;
      break;
    }
  }
  if (ca) {
    size_t e =
        min3(mx && max_l > ca ? max_l : to, rat && rat_l > ca ? rat_l : to, to);
    size_t le = ca;
    while (le < c->n && s[le] != '\n')
      le++;
    it->guideline_ca = span_str(c, ca, e < le ? e : le);
  }
  if (mx) {
    size_t e = rat && rat_l > mx ? rat_l : to;
    size_t le = mx;
    while (le < c->n && s[le] != '\n')
      le++;
    it->guideline_maximus = span_str(c, mx, e < le ? e : le);
  } else {
    for (size_t i = line_at(c, from); i < c->nlines && c->lines[i].s < to;
         i++) {
      span L = c->lines[i];
      if (line_kind(s, L) != K_GUIDE)
        continue;
      size_t k = L.s;
      while (k < L.e && s[k] != ':')
        k++;
      size_t v = k < L.e ? k + 1 : L.e;
      it->guideline_maximus = span_str(c, v, next_heading(c, v + 1, to, ~0));
      break;
    }
  }
  size_t rs, re;
  if (rat) {
    rs = rat;
    re = next_heading(c, rat, to, heads & ~(1 << K_RAT));
  } else { /* no label: what follows the last label line, or the title */
    size_t after = p->te;
    size_t lab = ca > mx ? ca : mx;
    if (lab) {
      after = lab;
      while (after < c->n && s[after] != '\n')
        after++;
    }
    rs = after;
    re = next_heading(c, after + 1, to, heads);
  }
  while (rs < re && (s[rs] == ' ' || s[rs] == '\n'))
    rs++;
  while (re > rs && (s[re - 1] == ' ' || s[re - 1] == '\n'))
    re--;
  if (p->group)
    narrow_numbered(c, p->gidx, &rs, &re);
  while (re > rs) { /* drop page furniture at the end */
    size_t k = line_at(c, re);
    if (k == 0 || c->lines[k - 1].s < rs || !furniture(s, c->lines[k - 1]))
      break;
    re = c->lines[k - 1].s;
    while (re > rs && (s[re - 1] == ' ' || s[re - 1] == '\n'))
      re--;
  }
  it->rat_start = rs;
  it->rat_end = re;
  size_t cs, ce;
  it->conclusion = ir_conclusion_of(s + rs, re - rs, &cs, &ce);
  if (it->conclusion != IR_CONC_UNKNOWN)
    it->conclusion_ev =
        ir_make_evidence(c->a, &c->l->text, IR_SEC_RATIONALE, rs + cs, rs + ce);
  /* truncated: nothing after the labels, or the text stops mid-sentence
   * with no verdict reached */
  size_t tend = c->n;
  while (tend > 0 && (s[tend - 1] == ' ' || s[tend - 1] == '\n'))
    tend--;
  int cut = rs >= re;
  if (!cut && it->conclusion == IR_CONC_UNKNOWN && re >= tend) {
    char last = s[re - 1];
    cut = !rat || !(last == '.' || last == '!' || last == '?' || last == ')' ||
                    last == '"');
  }
  *truncated = cut;
}

static void fill_item(seg *c, const proto *p, int index, ir_item *it,
                      int *truncated) {
  memset(it, 0, sizeof *it);
  it->index = index;
  it->nstart = p->start;
  it->nend = p->end;
  it->outcome = p->out;
  it->service = span_str(c, p->ss, p->se);
  it->title = ir_make_evidence(c->a, &c->l->text, IR_SEC_TITLE, p->ts, p->te);
  it->line = ir_text_orig_line(&c->l->text, it->title.start);
  parse_item(c, p, it, truncated);
  it->category = ir_category_of(it->service, it->guideline_maximus);
}

/* ---- header, reviewer, summary ------------------------------------------- */

static const char *date_after(seg *c, int p, size_t from, size_t to) {
  span m;
  char iso[11];
  size_t pos = from;
  while (pos < to && find(c, p, pos, to, 0, &m)) {
    if (ir_scan_date(c->s + m.e, c->n - m.e, iso))
      return ir_arena_strdup(c->a, iso);
    pos = m.e > m.s ? m.e : m.s + 1;
  }
  return NULL;
}

static void parse_header(seg *c, size_t hdr_end) {
  ir_letter *l = c->l;
  span m;
  if (find(c, P_CASE, 0, hdr_end, 1, &m))
    l->case_number = span_str(c, m.s, m.e);
  l->date_injury = date_after(c, P_DOI, 0, hdr_end);
  if (!l->date_injury && l->sum_end > hdr_end)
    l->date_injury = date_after(c, P_DOI, l->sum_start, l->sum_end);
  if (!l->date_injury)
    l->date_injury = date_after(c, P_DOI_FB, 0, hdr_end);
  if (!l->date_injury && l->sum_end > hdr_end)
    l->date_injury = date_after(c, P_DOI_FB, l->sum_start, l->sum_end);
  if (!l->date_injury) /* "injured his low back lifting boxes on 8/14/11" */
    l->date_injury = date_after(c, P_DOI_FB2, 0, hdr_end);
  if (!l->date_injury && l->sum_end > hdr_end)
    l->date_injury = date_after(c, P_DOI_FB2, l->sum_start, l->sum_end);
  l->date_decision = date_after(c, P_DECISION, 0, hdr_end);
  l->date_ur_denial = date_after(c, P_URDENIAL, 0, hdr_end);
  l->date_assigned = date_after(c, P_ASSIGNED, 0, hdr_end);
  l->date_application = date_after(c, P_APPL, 0, hdr_end);
  if (find(c, P_PRIORITY, 0, hdr_end, 1, &m))
    l->priority = span_str(c, m.s, m.e);
}

static int is_us_state(const char *v) {
  static const char *const st[] = {
      "alabama",        "alaska",        "arizona",
      "arkansas",       "california",    "colorado",
      "connecticut",    "delaware",      "florida",
      "georgia",        "hawaii",        "idaho",
      "illinois",       "indiana",       "iowa",
      "kansas",         "kentucky",      "louisiana",
      "maine",          "maryland",      "massachusetts",
      "michigan",       "minnesota",     "mississippi",
      "missouri",       "montana",       "nebraska",
      "nevada",         "new hampshire", "new jersey",
      "new mexico",     "new york",      "north carolina",
      "north dakota",   "ohio",          "oklahoma",
      "oregon",         "pennsylvania",  "rhode island",
      "south carolina", "south dakota",  "tennessee",
      "texas",          "utah",          "vermont",
      "virginia",       "washington",    "west virginia",
      "wisconsin",      "wyoming",       "district of columbia",
      "the state of",   "state of",      NULL};
  size_t n = strlen(v);
  for (const char *const *p = st; *p; p++) {
    size_t k = lit_at(v, 0, n, *p);
    if (k && (k == n || !isalpha((unsigned char)v[k])))
      return 1;
  }
  return 0;
}

static char *clean_value(seg *c, span m) {
  while (m.e > m.s && strchr(" ,.;:", c->s[m.e - 1]))
    m.e--;
  return span_str(c, m.s, m.e);
}

static void parse_reviewer(seg *c) {
  ir_letter *l = c->l;
  span m;
  if (find(c, P_SPEC, 0, c->n, 1, &m))
    l->specialty = clean_value(c, m);
  if (find(c, P_LIC, 0, c->n, 1, &m))
    l->licensure = clean_value(c, m);
  if (!l->specialty && !l->licensure && find(c, P_BOARD, 0, c->n, 1, &m)) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
    span lic = {ov[4], ov[5]};
    l->specialty = clean_value(c, m);
    l->licensure = clean_value(c, lic);
  }
  if (!l->specialty && find(c, P_BOARD_ONLY, 0, c->n, 1, &m))
    l->specialty = clean_value(c, m);
  if (!l->licensure && find(c, P_LIC_ONLY, 0, c->n, 1, &m))
    l->licensure = clean_value(c, m);
  /* "Board Certified in California and licensed in Occupational Medicine" */
  if (l->specialty && l->licensure && is_us_state(l->specialty) &&
      !is_us_state(l->licensure)) {
    const char *t = l->specialty;
    l->specialty = l->licensure;
    l->licensure = t;
  }
}

/* The clinical case summary: after its heading (and the boilerplate
 * "The expert reviewer developed the following ...:"), up to the next
 * section or item. */
static void parse_summary(seg *c) {
  const char *s = c->s;
  for (size_t i = 0; i < c->nlines; i++) {
    span L = c->lines[i];
    if (line_kind(s, L) != K_SUMMARY)
      continue;
    size_t k = L.s;
    while (k < L.e && s[k] != ':')
      k++;
    size_t st = k < L.e ? k + 1 : L.e;
    while (st < L.e && s[st] == ' ')
      st++;
    if (st >= L.e)
      st = (i + 1 < c->nlines) ? c->lines[i + 1].s : c->n;
    size_t li = line_at(c, st);
    if (li < c->nlines && c->lines[li].s == st) {
      span B = c->lines[li];
      int boiler = 0;
      for (size_t j = B.s; j < B.e && j < B.s + 200 && !boiler; j++)
        boiler = lit_at(s, j, B.e, "developed the following") != 0;
      if (boiler) {
        size_t q = B.s;
        while (q < B.e && s[q] != ':')
          q++;
        st = q + 1 < B.e ? q + 1
                         : (li + 1 < c->nlines ? c->lines[li + 1].s : c->n);
        while (st < c->n && (s[st] == ' ' || s[st] == '\n'))
          st++;
      }
    }
    size_t end = c->n;
    for (size_t j = line_at(c, st); j < c->nlines; j++) {
      span M = c->lines[j];
      if (M.s <= st)
        continue;
      size_t se, te;
      ir_outcome o;
      if (line_kind(s, M) != K_NONE || title_line(c, M, &se, &te, &o)) {
        end = M.s;
        break;
      }
    }
    while (end > st && (s[end - 1] == '\n' || s[end - 1] == ' '))
      end--;
    if (end > st) {
      c->l->sum_start = st;
      c->l->sum_end = end;
    }
    return;
  }
}

/* ---- entry point --------------------------------------------------------- */

static int fail(seg *c, const char *msg) {
  c->l->error = ir_arena_strdup(c->a, msg);
  return -1;
}

int ir_segment(ir_arena *a, ir_letter *l) {
  char err[256];
  if (ir_segment_init(err, sizeof err) != 0) {
    l->error = ir_arena_strdup(a, err);
    return -1;
  }
  seg c = {a, l,   l->text.norm ? l->text.norm : "", l->text.norm_len, NULL,
           0, NULL};
  c.md = pcre2_match_data_create(8, NULL);
  if (!c.md)
    return fail(&c, "out of memory");
  build_lines(&c);
  size_t heading = c.nlines;
  for (size_t i = 0; i < c.nlines && heading == c.nlines; i++)
    if (c.lines[i].e - c.lines[i].s <= 120 &&
        line_kind(c.s, c.lines[i]) == K_ITEMS)
      heading = i;
  protolist pv = {0};
  int signals = scan_items(&c, heading < c.nlines ? heading + 1 : 0, &pv);
  size_t first_item_line = pv.n ? line_at(&c, pv.v[0].start) : c.nlines;
  size_t limit_line = heading < first_item_line ? heading : first_item_line;
  parse_summary(&c);
  size_t hdr_end = limit_line < c.nlines ? c.lines[limit_line].s : c.n;
  parse_header(&c, hdr_end);
  parse_reviewer(&c);
  int rc = 0;
  if (!pv.n && !signals && heading == c.nlines) {
    rc = fail(&c, "not an IMR letter (no decision section or outcome found)");
  } else {
    int index = 0;
    for (size_t i = 0; i < pv.n; i++) {
      ir_item it;
      int cut = 0;
      fill_item(&c, &pv.v[i], index + 1, &it, &cut);
      int decided = it.outcome != IR_OUT_UNKNOWN || pv.v[i].has_det ||
                    it.conclusion != IR_CONC_UNKNOWN;
      if (i + 1 == pv.n && (cut || !decided))
        l->truncated = 1;
      if (!decided)
        continue;
      ir_vec_push(a, &l->items, it);
      index++;
    }
    if (!l->items.n)
      rc = fail(&c, "no decided item found");
  }
  pcre2_match_data_free(c.md);
  return rc;
}
