/* extract_int.h - internals shared by extract.c, extract_facts.c and
 * extract_dates.c. A letter is cut into regions (header, summary, each
 * item's title and rationale), each region into sentences, and every
 * lexicon section is matched once over every sentence. The fact functions
 * then read the hits through the scope functions (scope.h). */
#ifndef IR_EXTRACT_INT_H
#define IR_EXTRACT_INT_H
#include "extract.h"
#include "nlp/nlp.h"

enum { XR_HEADER, XR_SUMMARY, XR_TITLE, XR_RATIONALE };

typedef struct {
  ir_sent s;
  int region;
  int item;          /* 0-based item index for title/rationale, -1 otherwise */
  unsigned regions;  /* body regions named: bit 0 lumbar, 1 cervical, ... */
  int next_resolves; /* the next sentence opens by saying this one's
                        findings are gone since ("Those symptoms cleared
                        over the following months.") */
  uint32_t d0, dn;   /* its dates: xletter.dates[d0, d0 + dn) */
} xsent;

typedef struct {
  char iso[11];
  size_t start, end; /* normalized span of the date */
  size_t sent;       /* index into xletter.v */
} xdate;

typedef struct {
  ir_letter *l;
  ir_arena *a;
  const ir_text *t;
  xsent *v;
  size_t n;
  /* The whole letter's sentences, every item's rationale included (a
   * per-item view keeps them: therapy.c reads history restated under
   * another item). */
  const xsent *all;
  size_t nall;
  xdate *dates;
  size_t ndates;
  unsigned item_regions; /* regions named by the current item's title */
  /* Sentence index ranges (whole letter): header, summary, and per item
   * its title + rationale. The fact functions run on a per-item view that
   * holds only header, summary and that item's sentences, so the work per
   * item never grows with the number of items. */
  size_t hdr_hi, sum_lo, sum_hi, *it_lo, *it_hi;
  /* the latest and second latest distinct dates of the whole letter */
  char last_iso[2][11];
  const ir_fact_limits *lim; /* the guideline's thresholds */
  const ir_extractor *x;
} xletter;

/* the sections a header sentence is matched with (dates' context) */
#define HEADER_SECTIONS (IR_SEC_BIT(IR_LEX_INJURY) | IR_SEC_BIT(IR_LEX_ATTRIB))

/* A pack's lexicon section k stands in sentence hits as section
 * IR_XSEC(pack index, k): after every shared section, so a sentence's
 * hits stay sorted by section when a pack's are appended. */
#define IR_XSEC(p, k) (IR_LEX_MAX * (1 + (p)) + (k))

/* A fact spec with its section names resolved to hit sections. */
typedef struct {
  int affirm[IR_PACK_MAX_SECS], naffirm;
  int deny[IR_PACK_MAX_SECS], ndeny;
  int weak[IR_PACK_MAX_SECS], nweak;
  int cite[IR_PACK_MAX_SECS], ncite;
  int unmet[IR_PACK_MAX_SECS], nunmet;
  int classes[IR_PACK_MAX_SECS], nclasses;
  int value_at[IR_PACK_MAX_SECS], nvalue_at;
  int with[IR_PACK_MAX_SECS], nwith;
  struct ir_med_table *med; /* IR_VX_MED */
} xspec;

typedef struct {
  const ir_pack *p;
  ir_lexicon *lx; /* its own sections, or NULL */
  xspec *spec;    /* one per criterion */
  int data;       /* some criterion is read by the data-driven engine */
} xpack;

struct ir_extractor {
  ir_lexicon *lx; /* the shared sections (scope, TPI terms) */
  ir_fact_limits lim;
  const ir_packset *ps;
  xpack *packs; /* one per pack of ps, same order */
  size_t npacks;
  const ir_pack *tpi; /* the pack the built-in TPI extractor fills */
};

/* A fragment's next match, cached while the scan moves past earlier ones. */
typedef struct {
  /* the fragment (ir_lexicon_cand_info), its offsets made offsets into
   * the text: every match starts in [fi.from, fi.last]; fi.fend is the
   * end of the prefix literal found at fi.from (0 when unknown) */
  ir_frag_info fi;
  int state; /* 0 unknown, 1 cached, 2 no more matches */
  ir_hit h;
} fragnext;

struct ir_extract_ctx {
  const ir_extractor *x;
  pcre2_match_data *md;
  pcre2_match_context *mctx;
  pcre2_jit_stack *js;
  const ir_lexicon *cur; /* the lexicon being matched */
  uint8_t *seen;         /* candidate fragments of the current sentence (the
                            scratch of the lexicon being matched) */
  uint8_t *shared_seen;  /* the shared lexicon's scratch */
  uint8_t **pack_seen;   /* each pack lexicon's own (scan work space may not
                            be shared between lexicons) */
  fragnext *cand;        /* scratch, one per fragment */
  ir_arena tmp;          /* a sentence's hits while they are found (the letter's
                            arena gets them at their final size: no doubling) */
};

/* Matches the shared lexicon over sentence x (hits into x->s); 0, or a
 * PCRE2 error with *bad_sec (match.c). */
int ir_x_match_sentence(ir_extract_ctx *c, ir_arena *a, const char *text,
                        xsent *x, int *bad_sec);
/* Appends the hits of pack p's lexicon to sentence x (sections
 * IR_XSEC(p, k)). */
int ir_x_match_pack(ir_extract_ctx *c, ir_arena *a, const char *text, xsent *x,
                    int p, int *bad_sec);
/* Loads and resolves the packs' lexicons and fact specs (packs.c). */
int ir_x_packs_load(ir_extractor *x, char *err, size_t errlen);
void ir_x_packs_free(ir_extractor *x);
/* The data-driven facts of item i, whose pack is xp (packfacts.c). */
void ir_x_pack_facts(xletter *xl, int item, const xpack *xp);
/* The morphine-equivalent dose of item's regimen into f (medfact.c). */
void ir_x_med_value(xletter *xl, int item, const struct ir_med_table *t,
                    ir_fact *f);
/* The name of hit section sec (shared or a pack's). */
const char *ir_x_sec_name(const ir_extractor *x, int sec);

/* Classification of a term occurrence. */
enum { XC_NONE, XC_AFFIRM, XC_DENY, XC_CITE };
int ir_x_classify(const xsent *x, size_t ts, size_t te);
/* Is [ts, te) cited by a documentation phrase ("no documentation of",
 * "not documented") rather than a plain negation ("no evidence of")? */
int ir_x_doc_cite(const ir_sent *s, size_t ts, size_t te);
/* Does sentence x belong to item i (summary, or i's title/rationale)? */
int ir_x_in_item(const xsent *x, int i);
/* ... and, for a summary sentence naming body regions, one of them is a
 * region the item's title names (or the title names none). */
int ir_x_in_region(const xletter *xl, const xsent *x, int i);
/* The body regions ([region_*] sections) a sentence names, one bit each. */
unsigned ir_x_regions_of(const ir_sent *s);
/* The term at ts speaks of a body region other than the item's: that
 * region is named just before it in the same phrase ("left L5
 * radiculopathy" for a cervical item), or its clause names regions and
 * none of them is the item's. */
int ir_x_foreign_term(const xletter *xl, const xsent *x, size_t ts);
/* A sentence naming two or more trigger point injections ("... to the
 * lumbar spine with lidocaine and Kenalog, and ... to the trapezius with
 * lidocaine"): the value at p belongs to the nearest injection before it,
 * and that one's region words (between it and p) are not the item's. */
int ir_x_other_request(const xletter *xl, const xsent *x, size_t p);

void ir_x_add_ev(xletter *xl, ir_evlist *list, const xsent *x, size_t lo,
                 size_t hi);
void ir_x_cite(xletter *xl, ir_item *it, int c, const xsent *x, size_t lo,
               size_t hi);

void ir_x_facts(xletter *xl, int item);   /* extract_facts.c */
void ir_x_values(xletter *xl, int item);  /* extract_values.c */
void ir_x_therapy(xletter *xl, int item); /* therapy.c */
/* Does h overlap a failure-class outcome phrase ("temporary relief")? */
int ir_x_failure_phrase(const ir_sent *s, const ir_hit *h);
void ir_x_other_cites(xletter *xl, int item);         /* after ir_x_values */
long ir_x_hit_number(const char *t, const ir_hit *h); /* group 1, digits */
int ir_x_about_tpi(const ir_sent *s, size_t p);
/* 1: a TPI just before p links to it by "with" ("trigger point injections
 * with lidocaine"), 0: another injection does, -1: no such link. */
int ir_x_with_link(const ir_sent *s, size_t p);
/* End of the last hit of section sec ending at or before p, or 0 when
 * none. */
size_t ir_x_last_end(const ir_sent *s, int sec, size_t p);
long ir_x_word_number(const char *s, size_t n); /* "four" -> 4, -1 */
void ir_x_scan_dates(xletter *xl);              /* extract_dates.c */
void ir_x_duration_dates(xletter *xl, int item);
void ir_x_frequency(xletter *xl, int item);
long ir_x_days(const char *iso); /* days since 1970-01-01, or -1 */
/* The days an [interval] or [relief_duration] hit states (group 1 the
 * number, the unit read from the text: days, weeks/wks, months/mos,
 * years/yrs), or -1. */
long ir_x_interval_days(const char *t, const ir_hit *h);

#endif
