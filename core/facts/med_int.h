/* med_int.h - internals shared by med.c (table, scan), med_tok.c (tokens,
 * strengths), med_sig.c (sigs), med_stated.c (a stated MED) and
 * med_total.c (the total and its arithmetic).
 * Everything reads text by position: a token is re-read where needed, so
 * nothing is allocated while matching. */
#ifndef IR_MED_INT_H
#define IR_MED_INT_H
#include "med.h"

/* The other part of a combination: "hydrocodone/acetaminophen". */
#define IR_MT_PARTNERS "acetaminophen apap acet ibuprofen aspirin asa naloxone"

/* A token of text[p, end): a run of ASCII letters, a number ("7.5", ".5"),
 * a run of bytes >= 0x80, or one other character. Spaces and line breaks
 * separate tokens and are never part of one. */
enum { MT_END, MT_WORD, MT_NUM, MT_PUNCT };
typedef struct {
  int k;
  size_t s, e; /* [s, e) in the text */
  double v;    /* MT_NUM: the value */
} ir_mtok;

ir_mtok ir_mt_tok(const char *t, size_t p, size_t end);
/* k is a word of the space-separated list (case-insensitive). */
int ir_mt_word(const char *t, ir_mtok k, const char *list);
/* k is the character c. */
int ir_mt_is(const char *t, ir_mtok k, char c);
/* A number or a number word ("one" .. "twelve"); -1 otherwise. */
double ir_mt_num(const char *t, ir_mtok k);
/* A dotted abbreviation at p: letters of abbr each optionally followed by
 * '.' and nothing between them ("bid", "b.i.d.", "B.I.D"); its end, or 0.
 * A dot after the last letter is read only after dots between letters. */
size_t ir_mt_abbr(const char *t, size_t p, size_t end, const char *abbr);

enum { MU_NONE, MU_MG, MU_MCG, MU_MCGHR };
/* A unit at p ("mg", "mcg", "mcg/hr", "micrograms per hour"): its end, or
 * 0. */
size_t ir_mt_unit(const char *t, size_t p, size_t end, int *unit);
/* A strength at p: its end (0 if none), the opioid amount in *v, its unit
 * in *unit. "10/325" and "10-325" (the acetaminophen part >= 200 either
 * side), "5-10 mg" (the higher), "10mg", "25 mcg/hr"; a bare number only
 * with bare_ok, and when what follows it is no count ("2 tabs"). */
size_t ir_mt_strength(const char *t, size_t p, size_t end, int bare_ok,
                      double *v, int *unit);

/* What a sig says: units per dose (max), doses a day (max), a daily cap,
 * the dispensed quantity and the days' supply (0: not said). */
typedef struct {
  double count, freq, cap, qty, days;
  int patch;    /* a word says patch/transdermal */
  int extended; /* 1 "ER"..., -1 "IR"..., 0 not said */
} ir_msig;

/* Reads the sig from p; stops at another drug name of tb, another strength,
 * or a word no sig uses. Returns the end of the last token read (p when
 * none). */
size_t ir_mt_sig(const ir_med_table *tb, const char *t, size_t p, size_t end,
                 ir_msig *sg);
/* The release a word at k states: 1 ER, -1 IR, 0 none; *e its end. */
int ir_mt_release(const char *t, ir_mtok k, size_t end, size_t *e);

/* A MED keyword at p ("MED", "MME", "of oral morphine equivalents"): its
 * end, or 0 (med_stated.c): "180 mg MED" is no strength. */
size_t ir_mt_med_keyword(const char *t, size_t p, size_t end);

/* A name of tb starting at p (a word start): its end and the index of its
 * first row in *row; 0 when none (med.c). */
size_t ir_med_name_at(const ir_med_table *tb, const char *t, size_t p,
                      size_t end, size_t *row);

#endif
