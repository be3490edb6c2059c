/* segment_int.h - internals shared by the segmenter's files (not a public
 * contract; segment.h is).
 *
 *  segment.c         patterns (compiled by ir_segmenter_new), per-call
 *                    context, entry point
 *  segment_lines.c   line kinds and small text predicates
 *  segment_items.c   finding items: titles, issue labels, determinations
 *  segment_groups.c  issue lists: entries, their outcomes, member sections
 *  segment_body.c    inside an item: guidelines, rationale, conclusion
 *  segment_header.c  header fields, reviewer, clinical case summary
 *
 * Positions are byte offsets into the normalized text c->s[0..n). */
#ifndef IR_SEGMENT_INT_H
#define IR_SEGMENT_INT_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "segment.h"

typedef struct {
  size_t s, e;
} span;

/* A word start where some header patterns (bit p: pattern p) may match. */
typedef struct {
  size_t pos;
  uint16_t pats;
} seg_cand;

/* Patterns compiled in segment.c. */
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
  P_DOI_FB3,
  P_SPEC,
  P_LIC,
  P_BOARD,
  P_BOARD_ONLY,
  P_LIC_ONLY,
  P_INLINE,
  P_COUNT
};

typedef struct cl_lex cl_lex;         /* conclusion.h */
typedef struct seg_cat_index seg_cat; /* category.c */

/* What ir_segmenter_new builds; read-only afterwards. */
struct ir_segmenter {
  pcre2_code *pats[P_COUNT];
  pcre2_match_context *mctx;
  /* For each pair of leading letters (a..z, lower case): the wb patterns
   * (bit p) with a literal starting so (see word_candidates). */
  uint16_t pair_pats[26 * 26];
  /* The same for the line checks of seg_line_kind (segment_lines.c). */
  uint16_t line_pairs[26 * 26];
  cl_lex *lex;  /* the conclusion reader's words and phrases */
  seg_cat *cat; /* the category lists, indexed by first letter */
};

/* Per-call context: the segmenter, the normalized text, its lines (trimmed
 * spans), and the match data of this call (so ir_segment is thread-safe). */
typedef struct {
  const ir_segmenter *sg;
  ir_arena *a;
  ir_letter *l;
  const char *s;
  size_t n;
  span *lines;
  size_t nlines;
  pcre2_match_data *md;
  int8_t *kinds;          /* seg_line_kind of each line, -1 until computed */
  IR_VEC(seg_cand) cands; /* word starts that may begin a header pattern */
  size_t cand_to;         /* cands covers s[0, cand_to) */
  int cert;   /* title outcomes may be certification words (decision section) */
  int capped; /* SEG_MAX_ITEMS reached: the scan stopped */
} seg;

/* Line kinds (seg_line_kind). */
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

/* An item found by the scan, before its body is parsed. */
typedef struct {
  size_t start;      /* item start */
  size_t ts, te;     /* title span */
  size_t ss, se;     /* service span */
  size_t body;       /* where labels are searched from */
  size_t first_line; /* index of the line after the title */
  ir_outcome out;
  int has_det;
  int group, gidx; /* numbered issues under one heading: group id, 1-based */
  int titled;      /* the outcome came from the issue's own title */
  size_t sec_s, sec_e; /* a group member's own rationale section (sec_e 0:
                          none found; the members share the rationale) */
  size_t end;
} proto;
typedef IR_VEC(proto) protolist;

/* Most items kept per letter; a letter with more is marked truncated. */
#define SEG_MAX_ITEMS 500

/* Case-insensitive literal at s[i] (single spaces in lit match 1+ spaces);
 * returns the position after it, 0 when absent. lit is lower case. */
static inline size_t lit_at(const char *s, size_t i, size_t e,
                            const char *lit) {
  size_t j = i;
  for (const char *p = lit; *p; p++) {
    if (*p == ' ') {
      if (j >= e || s[j] != ' ')
        return 0;
      while (j < e && s[j] == ' ')
        j++;
      continue;
    }
    if (j >= e || ir_ascii_tolower((unsigned char)s[j]) != (unsigned char)*p)
      return 0;
    j++;
  }
  return j;
}

/* segment.c */
int seg_find(seg *c, int p, size_t from, size_t to, int g, span *out);
size_t seg_line_at(seg *c, size_t pos);
/* seg_line_kind of line i, computed once per call of ir_segment. */
int seg_kind(seg *c, size_t i);

/* segment_lines.c */
extern const char *const seg_decision_labels[];
extern const char *const seg_ca_lits[];
extern const char *const seg_max_lits[];
size_t seg_label_at(const char *s, span L, const char *lit);
size_t seg_label_any(const char *s, span L, const char *const *lits);
int seg_starts_any(const char *s, span L, const char *const *lits);
/* A label search (seg_find_labels): the first occurrence in s[from, to) of
 * any of lits (lower case, ending in a letter, no ':'; a space matches a
 * run of spaces), at a word start and followed by spaces and ':'; on a tie
 * the first listed. */
typedef struct {
  const char *const *lits; /* NULL-terminated */
  size_t val;              /* after the colon; 0 when absent */
  size_t lab;              /* label start; to when absent */
} seg_label_req;
void seg_find_labels(const char *s, size_t from, size_t to, seg_label_req *req,
                     size_t nreq);
char *seg_span_str(seg *c, size_t a, size_t b);
int seg_outcome_word(const char *s, size_t a, size_t b, ir_outcome *o);
size_t seg_issue_label(const char *s, span L);
/* Fills line_pairs (zeroed) for seg_line_kind. */
void seg_line_pairs(uint16_t line_pairs[26 * 26]);
int seg_line_kind(const ir_segmenter *sg, const char *s, span L);
int seg_numbered(const char *s, span L, size_t *after, int *num);
int seg_furniture(const char *s, span L);
int seg_member_marker(const char *s, span L, int *num, size_t *after);

/* segment_items.c */
int seg_title_line(seg *c, span L, size_t *svc_end, size_t *t_end,
                   ir_outcome *o);
int seg_scan_items(seg *c, size_t from, protolist *v);

int seg_bare_outcome(seg *c, span L, ir_outcome *o);
void seg_open_item(seg *c, protolist *v, proto p);

/* segment_groups.c: seg_issue_group opens the members of the issue list
 * under the heading on line i (*last: its last line; 0 when none);
 * seg_group_outcomes applies a determination (line li, value V) to the
 * open group and returns the last line it consumed; seg_close_groups ends
 * the groups and finds the members' sections; seg_section_line: does L
 * open a member's section (no new item)? */
int seg_issue_group(seg *c, protolist *v, size_t i, size_t *last, int *gid);
size_t seg_group_outcomes(seg *c, protolist *v, size_t li, span V,
                          ir_outcome all);
void seg_close_groups(seg *c, protolist *v);
int seg_section_line(seg *c, protolist *v, span L);

/* category.c: the category lists indexed (NULL when out of memory);
 * seg_category is ir_category_of that also tells whether the title
 * decided (*by_title 1: ir_category_of(sg, title, NULL) is not "other"). */
seg_cat *seg_cat_new(void);
void seg_cat_free(seg_cat *x);
const char *seg_category(const ir_segmenter *sg, const char *title,
                         const char *guideline_maximus, int *by_title);

/* segment_body.c; *svc_cat: the service alone names a category (see
 * seg_category) */
void seg_fill_item(seg *c, const proto *p, int index, ir_item *it,
                   int *truncated, int *svc_cat);

/* segment_header.c */
void seg_parse_header(seg *c, size_t hdr_end);
void seg_parse_reviewer(seg *c);
void seg_parse_summary(seg *c);

#endif
