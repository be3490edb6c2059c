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
 * Header fields and reviewer come from PCRE2 patterns compiled by
 * ir_segmenter_new (JIT, match limits); match data is per call, so
 * ir_segment is thread-safe.
 * Most are compiled anchored and tried only where a match can start (see
 * seg_find), which finds the first match an unanchored search would; the
 * match limit then applies to each try rather than to the whole search.
 * Everything is a linear scan; patterns are bounded. */
#include "segment_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "conclusion.h"

/* ---- patterns ----------------------------------------------------------- */

/* Every match of a pattern starts with one of its literals ("firsts",
 * lower case, matched ignoring ASCII case as PCRE2 does without UTF; a
 * space stands for one or more \\s characters). The patterns with wb set
 * start at a word boundary ("\\b"): they are compiled anchored and tried
 * only where one of their literals starts a word (see seg_find), which
 * finds the match an unanchored search would without running the pattern
 * over the text between. The others are searched unanchored. A wb
 * pattern's literals run on as far as every match must ("Decision Date",
 * not just "Decision"), so that most words that start no match are passed
 * over without a pcre2_match call; the first two letters of each are what
 * word_candidates looks for. */
static const char *const f_case[] = {"case number", "case no", "case #", NULL};
static const char *const f_doi[] = {"date of injur", "doi", NULL};
static const char *const f_decision[] = {"decision date", NULL};
/* (UR|Utilization Review) (Denial )?Date, Date of (UR|Utilization Review)
 * (Decision|Denial|Determination) */
static const char *const f_urdenial[] = {"ur d", "utilization review d",
                                         "date of ur d",
                                         "date of utilization review d", NULL};
static const char *const f_date[] = {"date assigned", NULL};
static const char *const f_appl[] = {"date application received",
                                     "application received", NULL};
static const char *const f_priority[] = {"priority", NULL};
static const char *const f_doi_fb[] = {"injur", "accident", NULL};
static const char *const f_doi_fb2[] = {
    "injur",    "fell",      "fall",      "slipped", "tripped",
    "accident", "collision", "crash",     "strain",  "sprain",
    "hurt",     "twisted",   "assaulted", "struck",  NULL};
static const char *const f_on[] = {"on", NULL};
static const char *const f_spec[] = {"certification", NULL};
static const char *const f_lic[] = {"state", NULL};
static const char *const f_board[] = {"board", NULL};
static const char *const f_lic_only[] = {"licensed", NULL};
static const char *const f_inline[] = {":", NULL};

/* PCRE2's \\s without UTF: isspace in the C locale. */
static int re_space(unsigned char ch) {
  return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

static size_t back_space(const char *s, size_t lo, size_t e) {
  while (e > lo && re_space((unsigned char)s[e - 1]))
    e--;
  return e;
}

/* Where lit (lower case) starts when s[lo, e) ends with it, ignoring case;
 * SIZE_MAX otherwise (also when e is SIZE_MAX). */
static inline size_t back_lit(const char *s, size_t lo, size_t e,
                              const char *lit) {
  size_t l = strlen(lit);
  if (e == SIZE_MAX || e < lo || e - lo < l)
    return SIZE_MAX;
  for (size_t k = 0; k < l; k++)
    if (ir_ascii_tolower((unsigned char)s[e - l + k]) != (unsigned char)lit[k])
      return SIZE_MAX;
  return e - l;
}

/* The labels of P_SPEC and P_LIC end in "\\s*:", and each can be read
 * backwards from that colon in one way only: these return where the one
 * match that could use the colon at `colon` starts (not before lo), or
 * SIZE_MAX. */
static size_t spec_start(const char *s, size_t lo, size_t colon) {
  /* Certifications?(?:\(s\))?\s*\/\s*Specialt(?:y|ies)\s*: */
  size_t e = back_space(s, lo, colon);
  size_t b = back_lit(s, lo, e, "specialty");
  if (b == SIZE_MAX)
    b = back_lit(s, lo, e, "specialties");
  if (b == SIZE_MAX)
    return SIZE_MAX;
  e = back_space(s, lo, b);
  if (e == lo || s[e - 1] != '/')
    return SIZE_MAX;
  e = back_space(s, lo, e - 1);
  size_t q = back_lit(s, lo, e, "(s)");
  if (q != SIZE_MAX)
    e = q;
  size_t st = back_lit(s, lo, e, "certification");
  return st != SIZE_MAX ? st : back_lit(s, lo, e, "certifications");
}

static size_t lic_start(const char *s, size_t lo, size_t colon) {
  /* States?(?:\(s\))?\s+of\s+Licensure\s*: */
  size_t e = back_space(s, lo, colon);
  size_t b = back_lit(s, lo, e, "licensure");
  if (b == SIZE_MAX || (e = back_space(s, lo, b)) == b)
    return SIZE_MAX;
  b = back_lit(s, lo, e, "of");
  if (b == SIZE_MAX || (e = back_space(s, lo, b)) == b)
    return SIZE_MAX;
  size_t q = back_lit(s, lo, e, "(s)");
  if (q != SIZE_MAX)
    e = q;
  size_t st = back_lit(s, lo, e, "state");
  return st != SIZE_MAX ? st : back_lit(s, lo, e, "states");
}

#define CI PCRE2_CASELESS
/* back: a pattern whose matches are found from their label's colon (see
 * spec_start); compiled anchored like the wb ones. */
static const struct {
  const char *re;
  uint32_t flags;
  const char *const *firsts;
  int wb;
  size_t (*back)(const char *s, size_t lo, size_t colon);
} pat_src[P_COUNT] = {
    [P_CASE] = {"\\bCase\\s+(?:Number|No\\.?|#)\\s*:?\\s*"
                "([A-Z]{2}\\d{2}-\\d{4,10}|(?=[A-Z-]{0,12}\\d)[A-Z0-9][A-Z0-9-]"
                "{3,24})\\b",
                CI, f_case, 1},
    [P_DOI] = {"\\b(?:Date\\s+of\\s+Injur(?:y|ies)|DOI)\\s*(?::|on|of|was|is|"
               "-)?\\s*",
               CI, f_doi, 1},
    [P_DECISION] = {"\\bDecision\\s+Date\\s*:?\\s*", CI, f_decision, 1},
    [P_URDENIAL] = {"\\b(?:(?:UR|Utilization\\s+Review)\\s+(?:Denial\\s+)?Date"
                    "|Date\\s+of\\s+(?:UR|Utilization\\s+Review)\\s+"
                    "(?:Decision|Denial|Determination))\\s*:?\\s*",
                    CI, f_urdenial, 1},
    [P_ASSIGNED] = {"\\bDate\\s+Assigned\\s*:?\\s*", CI, f_date, 1},
    [P_APPL] = {"\\b(?:Date\\s+)?Application\\s+Received(?:\\s+Date)?\\s*:?"
                "\\s*",
                CI, f_appl, 1},
    [P_PRIORITY] = {"\\bPriority\\s*:\\s*([A-Za-z]+)", CI, f_priority, 1},
    [P_DOI_FB] = {"\\b(?:injury|injured|accident)\\s+(?:that\\s+occurred\\s+)?"
                  "(?:on|of|dated?)\\s+",
                  CI, f_doi_fb, 1},
    [P_DOI_FB2] =
        {"\\b(?:injur(?:ed|y|ies)|fell|fall|slipped|tripped|accident|"
         "collision|crash|strain(?:ed)?|sprain(?:ed)?|hurt|twisted|"
         "assaulted|struck)\\b[^.\\n]{0,60}?\\b(?:on|of)"
         "\\s+(?=\\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
         CI, f_doi_fb2, 1},
    /* "On 04/02/2012 the injured worker, a grocery clerk, injured her low
     * back": the date comes first; "the injured worker" alone is no event */
    [P_DOI_FB3] =
        {"\\bOn\\s+(?=(?:\\d{1,2}/\\d{1,2}/\\d{2,4}|(?:Jan|Feb|Mar|Apr|"
         "May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+"
         "\\d{4}),?\\s+(?:the|this|he|she)\\b[^.\\n]{0,60}?\\b(?:"
         "injured(?!\\s+worker)|fell|slipped|tripped|strained|sprained|"
         "twisted|hurt)\\b)",
         CI, f_on, 1},
    [P_SPEC] = {"Certifications?(?:\\(s\\))?\\s*/\\s*Specialt(?:y|ies)\\s*:"
                "\\s*([^\\n]{1,200}?)\\s*(?=States?(?:\\(s\\))?\\s+of\\s+"
                "Licensure|\\n|$)",
                CI, f_spec, 0, spec_start},
    [P_LIC] = {"States?(?:\\(s\\))?\\s+of\\s+Licensure\\s*:\\s*([^\\n]{1,200}?)"
               "\\s*(?=Certifications?(?:\\(s\\))?\\s*/|\\n|$)",
               CI, f_lic, 0, lic_start},
    [P_BOARD] = {"Board[ -]Certified\\s+in\\s+(?:the\\s+(?:field|specialty)\\s+"
                 "of\\s+)?([^\\n.;]{2,150}?)\\s*,?\\s+and\\s+(?:is\\s+)?(?:"
                 "currently\\s+)?licensed\\s+(?:to\\s+practice\\s+)?in\\s+(?:"
                 "the\\s+state\\s+of\\s+)?([^\\n.;]{2,80}?)\\s*(?=[.;\\n]|$)",
                 CI, f_board, 0},
    [P_BOARD_ONLY] = {"Board[ -]Certified\\s+in\\s+([^\\n.;,]{2,100}?)\\s*"
                      "(?=\\s+and\\b|[.;,\\n]|$)",
                      CI, f_board, 0},
    [P_LIC_ONLY] =
        {"[Ll]icensed\\s+(?:to\\s+practice\\s+)?in\\s+(?:the\\s+"
         "[Ss]tate\\s+of\\s+)?([A-Z][A-Za-z]+(?:\\s+[A-Z][A-Za-z]+)?)",
         0, f_lic_only, 0},
    [P_INLINE] = {":\\s*(Upheld|Overturned|Reversed|Certified|Approved|"
                  "Non-?certified|Uncertified|Not\\s+certified|Denied)\\b"
                  "(\\s*\\([^()\\n:]{1,38}\\)|\\s+in\\s+(?:part|full)|"
                  "\\s+partially|\\s+partly)?\\.?\\s*(?=(?:Claims\\s+"
                  "Administrator|MAXIMUS|Expert\\s+Reviewer)\\s+guideline|"
                  "Decision\\s+rationale|Rationale\\s*:)",
                  CI, f_inline, 0},
};

/* PCRE2's \\w without UTF, by byte: 0 not a word character, 1 a digit or
 * '_', 2 + (0..25) an ASCII letter of either case. A constant table. */
#define WC_(ch)                                                                \
  (unsigned char)((unsigned)(((ch) | 0x20) - 'a') < 26                         \
                      ? 2 + (((ch) | 0x20) - 'a')                              \
                  : (((ch) >= '0' && (ch) <= '9') || (ch) == '_') ? 1          \
                                                                  : 0)
#define WC4_(c) WC_(c), WC_((c) + 1), WC_((c) + 2), WC_((c) + 3)
#define WC16_(c) WC4_(c), WC4_((c) + 4), WC4_((c) + 8), WC4_((c) + 12)
#define WC64_(c) WC16_(c), WC16_((c) + 16), WC16_((c) + 32), WC16_((c) + 48)
static const unsigned char wclass[256] = {WC64_(0), WC64_(64), WC64_(128),
                                          WC64_(192)};

static unsigned pair_of(const char *lit) { /* lit: two lower-case letters+ */
  return (unsigned)(lit[0] - 'a') * 26 + (unsigned)(lit[1] - 'a');
}

ir_segmenter *ir_segmenter_new(char *err, size_t errlen) {
  ir_segmenter *sg = calloc(1, sizeof *sg);
  if (!sg || !(sg->mctx = pcre2_match_context_create(NULL)) ||
      !(sg->lex = cl_lex_new()) || !(sg->cat = seg_cat_new())) {
    snprintf(err, errlen, "segment: out of memory or a word list too large");
    goto fail;
  }
  pcre2_set_match_limit(sg->mctx, 1000000);
  pcre2_set_depth_limit(sg->mctx, 10000);
  seg_line_pairs(sg->line_pairs);
  for (int i = 0; i < P_COUNT; i++) {
    _Static_assert(P_COUNT <= 16, "pair_pats holds a bit per pattern");
    for (const char *const *f = pat_src[i].firsts; pat_src[i].wb && *f; f++)
      sg->pair_pats[pair_of(*f)] |= (uint16_t)(1u << i);
    int ec;
    PCRE2_SIZE eo;
    uint32_t anch = pat_src[i].wb || pat_src[i].back ? PCRE2_ANCHORED : 0;
    sg->pats[i] =
        pcre2_compile((PCRE2_SPTR)pat_src[i].re, PCRE2_ZERO_TERMINATED,
                      pat_src[i].flags | anch, &ec, &eo, NULL);
    if (!sg->pats[i]) {
      PCRE2_UCHAR msg[120];
      pcre2_get_error_message(ec, msg, sizeof msg);
      snprintf(err, errlen, "segment: pattern %d at %zu: %s", i, (size_t)eo,
               (const char *)msg);
      goto fail;
    }
#ifndef IR_NO_JIT /* -DIR_NO_JIT for valgrind runs (JIT code confuses it) */
    pcre2_jit_compile(sg->pats[i], PCRE2_JIT_COMPLETE); /* optional speed-up */
#endif
  }
  return sg;
fail:
  ir_segmenter_free(sg);
  return NULL;
}

void ir_segmenter_free(ir_segmenter *sg) {
  if (!sg)
    return;
  for (int i = 0; i < P_COUNT; i++)
    pcre2_code_free(sg->pats[i]);
  pcre2_match_context_free(sg->mctx);
  cl_lex_free(sg->lex);
  seg_cat_free(sg->cat);
  free(sg);
}

/* A word start at s[i] (of s[0, n)): its candidate entry when its first
 * two letters begin a literal of some wb pattern. */
static inline void word_at(seg *c, const unsigned char *s, size_t i, size_t n) {
  unsigned t = wclass[s[i]], t1 = i + 1 < n ? wclass[s[i + 1]] : 0;
  uint16_t pp =
      t >= 2 && t1 >= 2 ? c->sg->pair_pats[(t - 2) * 26 + (t1 - 2)] : 0;
  if (pp) {
    seg_cand k = {i, pp};
    ir_vec_push(c->a, &c->cands, k);
  }
}

#ifdef __SSE2__
/* Bit j set when s[j] (of 16) is a letter (*letters too) or a digit or
 * '_'. Unsigned x <= k is min(x, k) == x. */
static unsigned word_bits(const unsigned char *s, unsigned *letters) {
  __m128i v = _mm_loadu_si128((const void *)s);
  __m128i lw =
      _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
  __m128i lt = _mm_cmpeq_epi8(_mm_min_epu8(lw, _mm_set1_epi8(25)), lw);
  __m128i dg = _mm_sub_epi8(v, _mm_set1_epi8('0'));
  __m128i w =
      _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(dg, _mm_set1_epi8(9)), dg),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
  *letters = (unsigned)_mm_movemask_epi8(lt);
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(w, lt));
}
#endif

/* Extends c->cands, the starts of words whose first two letters begin a
 * literal of some wb pattern, to cover s[0, to). A word is a run of
 * PCRE2's \\w characters (ASCII letters, digits, '_'; see wclass); it
 * starts where the byte before is not one. With SSE2 the starts of words
 * with a letter first are found 16 bytes at a time. */
static void word_candidates(seg *c, size_t to) {
  const unsigned char *s = (const unsigned char *)c->s;
  size_t i = c->cand_to, n = c->n;
  if (to <= i)
    return;
  unsigned prev = i > 0 && wclass[s[i - 1]]; /* s[i - 1] is a word byte */
#ifdef __SSE2__
  for (; i + 16 <= to; i += 16) {
    unsigned letters, w = word_bits(s + i, &letters);
    /* a letter first and second (a pair word_at can take) */
    unsigned two =
        letters &
        (letters >> 1 | (unsigned)(i + 16 < n && wclass[s[i + 16]] >= 2) << 15);
    for (unsigned st = w & ~(w << 1 | prev) & two; st; st &= st - 1)
      word_at(c, s, i + (size_t)__builtin_ctz(st), n);
    prev = w >> 15;
  }
#endif
  for (; i < to; i++) {
    unsigned w = wclass[s[i]] != 0;
    if (w && !prev)
      word_at(c, s, i, n);
    prev = w;
  }
  c->cand_to = to;
}

/* Does one of the literals lits start at s[i] (ignoring case; a space in
 * a literal matches one or more \\s characters)? */
static int starts_lit(const seg *c, size_t i, const char *const *lits) {
  const char *s = c->s;
  for (; *lits; lits++) {
    size_t j = i;
    const char *p = *lits;
    for (; *p; p++) {
      if (*p == ' ') {
        if (j >= c->n || !re_space((unsigned char)s[j]))
          break;
        while (j < c->n && re_space((unsigned char)s[j]))
          j++;
      } else if (j >= c->n ||
                 ir_ascii_tolower((unsigned char)s[j]) != (unsigned char)*p) {
        break;
      } else {
        j++;
      }
    }
    if (!*p)
      return 1;
  }
  return 0;
}

static int take(seg *c, int rc, int g, span *out) {
  if (rc <= g)
    return 0;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
  if (ov[2 * g] == PCRE2_UNSET)
    return 0;
  out->s = ov[2 * g];
  out->e = ov[2 * g + 1];
  return 1;
}

enum { CAND_STEP = 256 }; /* bytes scanned for candidates at a time */

/* Finds pattern p in s[from, to); group g's span in *out. */
int seg_find(seg *c, int p, size_t from, size_t to, int g, span *out) {
  const pcre2_code *re = c->sg->pats[p];
  pcre2_match_context *mctx = c->sg->mctx;
  if (from >= to)
    return 0;
  if (pat_src[p].back) {
    for (const char *q = memchr(c->s + from, ':', to - from); q;
         q = memchr(q + 1, ':', (size_t)(c->s + to - (q + 1)))) {
      size_t at = pat_src[p].back(c->s, from, (size_t)(q - c->s));
      if (at == SIZE_MAX)
        continue;
      int rc = pcre2_match(re, (PCRE2_SPTR)c->s, to, at, 0, c->md, mctx);
      if (rc != PCRE2_ERROR_NOMATCH)
        return take(c, rc, g, out);
    }
    return 0;
  }
  if (!pat_src[p].wb && pat_src[p].firsts[0][1] == 0) {
    /* one first byte: no match starts before its first occurrence */
    const char *q = memchr(c->s + from, pat_src[p].firsts[0][0], to - from);
    if (!q)
      return 0;
    from = (size_t)(q - c->s);
  }
  if (!pat_src[p].wb)
    return take(c, pcre2_match(re, (PCRE2_SPTR)c->s, to, from, 0, c->md, mctx),
                g, out);
  /* the candidates are found in steps, as far as the search gets: most
   * header fields are near the top */
  word_candidates(c, from);
  size_t lo = 0, hi = c->cands.n; /* first candidate at or after from */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->cands.v[mid].pos < from)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t k = lo;; k++) {
    while (k == c->cands.n && c->cand_to < to)
      word_candidates(c, to - c->cand_to > CAND_STEP ? c->cand_to + CAND_STEP
                                                     : to);
    if (k == c->cands.n || c->cands.v[k].pos >= to)
      return 0;
    size_t at = c->cands.v[k].pos;
    if (!(c->cands.v[k].pats >> p & 1) || !starts_lit(c, at, pat_src[p].firsts))
      continue;
    int rc = pcre2_match(re, (PCRE2_SPTR)c->s, to, at, 0, c->md, mctx);
    if (rc != PCRE2_ERROR_NOMATCH)
      return take(c, rc, g, out);
  }
}

static void build_lines(seg *c) {
  size_t cnt = 1;
  for (const char *p = c->s, *e = c->s + c->n;
       (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
    cnt++;
  c->lines = ir_arena_alloc(c->a, cnt * sizeof *c->lines);
  c->kinds = ir_arena_alloc(c->a, cnt);
  memset(c->kinds, -1, cnt);
  size_t st = 0, k = 0;
  for (;;) {
    const char *nl = memchr(c->s + st, '\n', c->n - st);
    size_t i = nl ? (size_t)(nl - c->s) : c->n;
    size_t a = st, b = i;
    while (a < b && (c->s[a] == ' ' || c->s[a] == '\t' || c->s[a] == '\r'))
      a++;
    while (b > a &&
           (c->s[b - 1] == ' ' || c->s[b - 1] == '\t' || c->s[b - 1] == '\r'))
      b--;
    c->lines[k].s = a;
    c->lines[k].e = b;
    k++;
    if (!nl)
      break;
    st = i + 1;
  }
  c->nlines = k;
}

int seg_kind(seg *c, size_t i) {
  if (c->kinds[i] < 0)
    c->kinds[i] = (int8_t)seg_line_kind(c->sg, c->s, c->lines[i]);
  return c->kinds[i];
}

/* ---- entry point --------------------------------------------------------- */

/* Index of the first line starting at or after pos (binary search). */
size_t seg_line_at(seg *c, size_t pos) {
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

static int fail(seg *c, const char *msg) {
  c->l->error = ir_arena_strdup(c->a, msg);
  return -1;
}

/* An item whose title names no kind of service took its category from its
 * guideline line. When that line is shared by several items (one
 * "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON" section for a numbered
 * issue list), it speaks of all of them: the item stays "other".
 * svc_cat[i]: item i's service named its category (seg_fill_item). */
static void shared_guideline_categories(ir_letter *l, const char *svc_cat) {
  for (size_t i = 0; i < l->items.n; i++) {
    ir_item *it = &l->items.v[i];
    const char *g = it->guideline_maximus;
    if (!g || svc_cat[i])
      continue;
    for (size_t j = 0; j < l->items.n; j++)
      if (j != i && l->items.v[j].guideline_maximus &&
          strcmp(l->items.v[j].guideline_maximus, g) == 0) {
        it->category = "other";
        break;
      }
  }
}

int ir_segment(const ir_segmenter *sg, ir_arena *a, ir_letter *l) {
  seg c;
  memset(&c, 0, sizeof c);
  c.sg = sg;
  c.a = a;
  c.l = l;
  c.s = l->text.norm ? l->text.norm : "";
  c.n = l->text.norm_len;
  c.md = pcre2_match_data_create(8, NULL);
  if (!c.md)
    return fail(&c, "out of memory");
  build_lines(&c);
  size_t heading = c.nlines;
  for (size_t i = 0; i < c.nlines && heading == c.nlines; i++)
    if (c.lines[i].e - c.lines[i].s <= 120 && seg_kind(&c, i) == K_ITEMS)
      heading = i;
  protolist pv = {0};
  c.cert = heading < c.nlines; /* a decision section: "Item: Certified" */
  int signals = seg_scan_items(&c, heading < c.nlines ? heading + 1 : 0, &pv);
  if (c.capped) {
    l->truncated = 1;
    l->items_capped = SEG_MAX_ITEMS;
  }
  size_t first_item_line = pv.n ? seg_line_at(&c, pv.v[0].start) : c.nlines;
  size_t limit_line = heading < first_item_line ? heading : first_item_line;
  seg_parse_summary(&c);
  size_t hdr_end = limit_line < c.nlines ? c.lines[limit_line].s : c.n;
  seg_parse_header(&c, hdr_end);
  seg_parse_reviewer(&c);
  int rc = 0;
  if (!pv.n && !signals && heading == c.nlines) {
    rc = fail(&c, "not an IMR letter (no decision section or outcome found)");
  } else {
    int index = 0;
    ir_vec_reserve(a, &l->items, pv.n); /* one allocation, no regrowth */
    char *svc_cat = ir_arena_alloc(a, pv.n + 1);
    for (size_t i = 0; i < pv.n; i++) {
      ir_item it;
      int cut = 0, by_svc = 0;
      seg_fill_item(&c, &pv.v[i], index + 1, &it, &cut, &by_svc);
      int decided = it.outcome != IR_OUT_UNKNOWN || pv.v[i].has_det ||
                    it.conclusion != IR_CONC_UNKNOWN;
      if (i + 1 == pv.n && (cut || !decided))
        l->truncated = 1;
      if (!decided)
        continue;
      svc_cat[l->items.n] = (char)by_svc;
      ir_vec_push(a, &l->items, it);
      index++;
    }
    if (!l->items.n)
      rc = fail(&c, "no decided item found");
    shared_guideline_categories(l, svc_cat);
  }
  pcre2_match_data_free(c.md);
  return rc;
}
