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
  int item;         /* 0-based item index for title/rationale, -1 otherwise */
  unsigned regions; /* body regions named: bit 0 lumbar, 1 cervical, ... */
  uint32_t d0, dn;  /* its dates: xletter.dates[d0, d0 + dn) */
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
} xletter;

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
void ir_x_cite(xletter *xl, ir_item *it, ir_criterion c, const xsent *x,
               size_t lo, size_t hi);

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
