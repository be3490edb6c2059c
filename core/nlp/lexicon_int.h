/* lexicon_int.h - internals shared by lexicon.c (file parsing, section
 * patterns) and lexicon_prefilter.c (the literal prefilter, see
 * ir_lexicon_scan in lexicon.h). */
#ifndef IR_LEXICON_INT_H
#define IR_LEXICON_INT_H
#include <stdint.h>

#include "lexicon.h"

_Static_assert(IR_LEX_COUNT <= IR_LEX_MAX, "section masks are 128-bit");

/* --- literals of a fragment (lexicon_literals.c) --- */
#define IR_LIT_MAX 48    /* bytes per literal, with the NUL */
#define IR_LIT_CLAUSES 4 /* required sets kept per fragment */
enum {
  IR_LF_WS = 1,  /* the byte before the literal is not a word byte */
  IR_LF_WE = 2,  /* the byte after it is not a word byte */
  IR_LF_TAIL = 4 /* (frag_litf only) the fragment is the literal then \w* */
};

/* Lower-case literals; whitespace in them is one ' ' standing for a run of
 * whitespace. ok: every match contains one of v[] (with its flags f[]). */
typedef struct {
  char **v;
  uint8_t *f;
  size_t n;
  int ok;
} ir_litset;

typedef struct {
  ir_litset v[16];
  size_t n;
  int pre; /* index of the set every match starts with (a prefix), or -1 */
} ir_clauses;

/* The requirements of one fragment, as clauses every match satisfies: a
 * match contains one literal of each set. A fragment whose top level is a
 * sequence gets its best required sets (literal runs, required groups);
 * one with top-level alternatives gets a single set, the union of one set
 * per alternative. None: always a candidate. *understood = 0 when the
 * parser does not know the syntax (then no clauses). pre names the set
 * (if kept) whose strings every match begins with: the fragment's leading
 * run of exact atoms, after optional \b and lookarounds (zero-width). */
void ir_lex_fragment_clauses(const char *re, int *understood, ir_clauses *out);
void ir_lex_clauses_free(ir_clauses *c);
size_t ir_lex_ls_score(const ir_litset *s);
/* Set helpers (lexicon_litset.c): free; add a string (a duplicate keeps
 * the flags both have); copy; keep the better of *best and *cand (cand is
 * consumed); do two sets hold the same strings? */
void ir_lex_ls_free(ir_litset *s);
int ir_lex_ls_push(ir_litset *s, const char *p, size_t n, uint8_t f);
int ir_lex_ls_copy(ir_litset *d, const ir_litset *s);
void ir_lex_ls_pick(ir_litset *best, ir_litset *cand);
int ir_lex_ls_same(const ir_litset *a, const ir_litset *b);

typedef struct {
  char *re;
  size_t order;
  pcre2_code *code; /* the fragment alone */
} lex_term;

typedef struct {
  lex_term *v;
  size_t n, cap;
  pcre2_code *code; /* the whole section */
  size_t base;      /* id of its first fragment */
  int whole;        /* match the section as one pattern */
} lex_section;

/* An Aho-Corasick DFA for the scan: next[(state << shift) + off[byte]] is
 * the next state (the table holds planes of 1 << shift columns, whitespace
 * and the letters in the first: see ac_renumber). States are numbered so
 * that those with outputs to report come last, from rep_lo on; the report
 * list of state st (st >= rep_lo) is rent[rfirst[st - rep_lo], rfirst[st -
 * rep_lo + 1]): its literals and those of its suffixes, each an entry
 * clause id << AC_Q_SHIFT | AC_PRE when the clause is its fragment's
 * prefix clause (frag_pre) | length << 2 | IR_LF_* flags. */
#define AC_PRE 0x100u
#define AC_Q_SHIFT 9
typedef struct {
  uint16_t *next;
  uint32_t off[256];
  int shift;
  uint32_t start, rep_lo;
  uint32_t *rfirst, *rent;
} ac_dfa;

struct ir_lexicon {
  lex_section sec[IR_LEX_MAX];
  int nsec;                /* IR_LEX_COUNT, or an open lexicon's count */
  int open;                /* sections are named by its files (packs) */
  char *names[IR_LEX_MAX]; /* an open lexicon's section names */
  ir_lexicon *shared;      /* gets an open lexicon's shared sections */
  size_t nterms;
  /* prefilter (see build_prefilter) */
  size_t nfrags;
  uint8_t *frag_init;   /* 1: fragment without literals, always a candidate */
  uint8_t *frag_sec;    /* fragment id -> section */
  ir_secmask init_mask; /* sections with such a fragment */
  uint8_t ac_cls[256];
  int ac_ncls;
  /* Aho-Corasick DFAs over the literals (see ac_dfa): ac over all of
   * them, ac.next NULL when not built; sub over those of the fragments of
   * the sections in sub_want (ir_lexicon_subset), sub.next NULL when
   * none. The arrays after them are only used while building. */
  ac_dfa ac, sub;
  ir_secmask sub_want;
  int32_t *ac_report; /* build state -> first state with outputs */
  int32_t *ac_dict;   /* state -> next shorter suffix state with outputs */
  uint32_t *ac_ofirst, *ac_oids; /* outputs (clause ids) per state */
  uint8_t *ac_oflag;             /* IR_LF_* per output */
  uint8_t *ac_depth;             /* state -> length of its literal */
  uint8_t ac_kind[256];          /* 1 word byte, 2 whitespace */
  uint32_t *frag_c0;             /* fragment id -> its first clause id */
  uint8_t *frag_need;            /* fragment id -> number of its clauses */
  uint32_t *clause_frag;         /* clause id -> fragment id */
  uint32_t *frag_pre; /* fragment id -> its prefix clause id, or UINT32_MAX */
  const pcre2_code **frag_code; /* fragment id -> its code (sec[].v[].code) */
  char **frag_lit;    /* fragment id -> the literal it is exactly, or NULL */
  uint8_t *frag_litf; /* and that literal's IR_LF_* flags */
  size_t nclauses;
  ir_sec_info sinfo[IR_LEX_MAX]; /* ir_lexicon_sec_infos */
};

/* Builds the prefilter from the compiled sections (after sorting their
 * fragments and compiling each one); on failure every fragment is always
 * a candidate. */
void ir_lex_build_prefilter(ir_lexicon *lx);
void ir_lex_prefilter_free(ir_lexicon *lx);

#endif
