/* conclusion_lex.c - the word and phrase lists of the conclusion reader,
 * compiled by cl_lex_new into a word hash (word -> classes) and a phrase
 * automaton (Aho-Corasick: one pass over a sentence finds every list it
 * mentions); see conclusion.h. */
#include <stdlib.h>
#include <string.h>

#include "conclusion.h"

const verdict_word cl_verdicts[] = {{"necessary", POS, F_CORE},
                                    {"unnecessary", NEG, F_CORE},
                                    {"certified", POS, F_CORE},
                                    {"noncertified", NEG, F_CORE},
                                    {"non-certified", NEG, F_CORE},
                                    {"uncertified", NEG, F_CORE},
                                    {"indicated", POS, 0},
                                    {"contraindicated", NEG, 0},
                                    {"appropriate", POS, 0},
                                    {"inappropriate", NEG, 0},
                                    {"supported", POS, 0},
                                    {"unsupported", NEG, 0},
                                    {"recommended", POS, 0},
                                    {"warranted", POS, 0},
                                    {"unwarranted", NEG, 0},
                                    {"reasonable", POS, 0},
                                    {"unreasonable", NEG, 0},
                                    {"justified", POS, 0},
                                    {"unjustified", NEG, 0},
                                    {"approved", POS, 0},
                                    {"authorized", POS, 0},
                                    {"denied", NEG, 0},
                                    {"established", POS, F_CTX},
                                    {"substantiated", POS, F_CTX},
                                    {"demonstrated", POS, F_CTX},
                                    {"recommend", POS, F_VERB},
                                    {"recommends", POS, F_VERB},
                                    {"support", POS, F_VERB},
                                    {"supports", POS, F_VERB},
                                    {"meets", POS, F_VERB},
                                    {"meet", POS, F_VERB},
                                    {"upheld", NEG, F_OUTCOME},
                                    {"overturned", POS, F_OUTCOME},
                                    {"reversed", POS, F_OUTCOME},
                                    {NULL, 0, 0}};

/* ---- word classes ------------------------------------------------------- */

static const char *const negators[] = {"not", "never",   "cannot", "neither",
                                       "nor", "without", NULL};
static const char *const copulas[] = {
    "is",      "are",     "was",    "were",       "be",    "been",
    "being",   "remains", "remain", "remained",   "seems", "seem",
    "appears", "appear",  "deemed", "considered", "found", "felt",
    "become",  "becomes", "'s",     NULL};
static const char *const modals[] = {"would", "could",  "may",
                                     "might", "should", NULL};
static const char *const clause_breaks[] = {
    "and",     "but",     "or",    "however", "although",  "though", "while",
    "whereas", "because", "since", "that",    "which",     "who",    "if",
    "unless",  "when",    "as",    "so",      "therefore", NULL};
static const char *const lack[] = {"no",      "lack",       "lacks",
                                   "lacking", "without",    "insufficient",
                                   "absent",  "inadequate", NULL};
static const char *const nouns[] = {"indication", "support", "justification",
                                    "rationale", NULL};
static const char *const w_no[] = {"no", NULL};
static const char *const w_longer[] = {"longer", NULL};
static const char *const w_med[] = {"medically", NULL};
static const char *const w_only[] = {"only", NULL};
static const char *const w_for[] = {"for", NULL};
static const char *const w_nec[] = {"necessity", NULL};

static const struct {
  const char *const *list;
  uint32_t cls;
} word_lists[] = {
    {negators, W_NEG}, {copulas, W_COP},
    {modals, W_MODAL}, {clause_breaks, W_BREAK},
    {lack, W_LACK},    {nouns, W_NOUN},
    {w_no, W_NO},      {w_longer, W_LONGER},
    {w_med, W_MED},    {w_only, W_ONLY},
    {w_for, W_FOR},    {w_nec, W_NEC},
};

enum { HBITS = 9, HSIZE = 1 << HBITS, MAXLEN = 16 };

/* A word of at most MAXLEN bytes, lower-cased and zero-padded, as two
 * 64-bit halves (words hold no NUL byte, so the padding fixes the length). */
typedef struct {
  uint64_t k0, k1;
} wkey;

typedef struct {
  wkey key;
  uint32_t cls; /* 0: empty slot (every listed word has a class) */
} slot;

enum { MAXNODES = 1024, NCLS = 32 };

/* The compiled lists. The phrase automaton is a full transition table:
 * byte -> class (the phrases' characters, either case; 0 for any other
 * byte), state x class -> state (0 is the start). out[state] holds the T_*
 * bits of every phrase ending there. */
struct cl_lex {
  slot table[HSIZE];
  /* lengths (bit n) of the listed words starting with each byte, either
   * case: most words of a text are rejected by this test alone */
  uint32_t lengths_by_first[256];
  uint8_t byte_cls[256];
  unsigned ncls, nstates;
  uint16_t go[MAXNODES][NCLS];
  uint8_t out[MAXNODES];
  int failed; /* the phrases did not fit */
};

static inline unsigned hash_key(wkey k) {
  uint64_t h = k.k0 * 0x9E3779B97F4A7C15u ^ k.k1 * 0xC2B2AE3D27D4EB4Fu;
  return (unsigned)(h >> (64 - HBITS));
}

static wkey key_of(const unsigned char *w, size_t n) {
  unsigned char b[MAXLEN] = {0};
  for (size_t i = 0; i < n; i++)
    b[i] = ir_ascii_tolower(w[i]);
  wkey k;
  memcpy(&k.k0, b, 8);
  memcpy(&k.k1, b + 8, 8);
  return k;
}

static void add_word(cl_lex *x, const char *w, uint32_t cls) {
  size_t n = strlen(w);
  unsigned char c = (unsigned char)w[0];
  x->lengths_by_first[c] |= 1u << n;
  if (c >= 'a' && c <= 'z')
    x->lengths_by_first[c - 'a' + 'A'] |= 1u << n;
  wkey k = key_of((const unsigned char *)w, n);
  for (unsigned h = hash_key(k);; h = (h + 1) & (HSIZE - 1)) {
    slot *sl = &x->table[h];
    if (!sl->cls)
      sl->key = k;
    else if (sl->key.k0 != k.k0 || sl->key.k1 != k.k1)
      continue;
    sl->cls |= cls;
    return;
  }
}

uint32_t cl_word_class(const cl_lex *x, const char *s, size_t b, size_t e) {
  size_t n = e - b;
  uint32_t nt = n >= 3 && ir_ascii_tolower((unsigned char)s[e - 1]) == 't' &&
                        s[e - 2] == '\'' &&
                        ir_ascii_tolower((unsigned char)s[e - 3]) == 'n'
                    ? W_NT
                    : 0;
  if (n == 0 || n > MAXLEN ||
      !(x->lengths_by_first[(unsigned char)s[b]] >> n & 1))
    return nt;
  wkey k = key_of((const unsigned char *)s + b, n);
  for (unsigned h = hash_key(k);; h = (h + 1) & (HSIZE - 1)) {
    const slot *sl = &x->table[h];
    if (!sl->cls)
      return nt;
    if (sl->key.k0 == k.k0 && sl->key.k1 == k.k1)
      return sl->cls | nt;
  }
}

/* ---- phrases ------------------------------------------------------------ */

static const char *const rq[] = {"request",           "the proposed",
                                 "this treatment",    "the treatment",
                                 "this medication",   "the medication",
                                 "the service",       "this service",
                                 "the procedure",     "this procedure",
                                 "these injection",   "this injection",
                                 "the injection",     "continued use",
                                 "ongoing use",       "the prescription",
                                 "this prescription", "the trial",
                                 "this trial",        NULL};
static const char *const at[] = {"utilization review",
                                 " ur ",
                                 "ur's",
                                 " ur,",
                                 "claims administrator",
                                 "peer review",
                                 "prior review",
                                 "previous review",
                                 "previously",
                                 "the prior reviewer",
                                 "the previous reviewer",
                                 "was modified",
                                 "originally",
                                 NULL};
static const char *const gl[] = {
    "guideline",    "mtus",    "acoem",          "odg",      "reference",
    "according to", "per ",    "as noted",       "criteria", "recommended only",
    "literature",   "studies", "evidence-based", NULL};
static const char *const cd[] = {" if ",       " unless ",  " once ", " until ",
                                 " provided ", " pending ", NULL};
static const char *const cx[] = {"necess", "request", NULL};

static const struct {
  const char *const *list;
  uint8_t bit;
} phrase_lists[] = {
    {rq, T_REQ}, {at, T_ATT}, {gl, T_GL}, {cd, T_COND}, {cx, T_CTX},
};

enum { T_ALL = T_REQ | T_ATT | T_GL | T_COND | T_CTX };

static unsigned class_of(cl_lex *x, unsigned char c) {
  if (!x->byte_cls[c]) {
    if (x->ncls >= NCLS) {
      x->failed = 1;
      return 0;
    }
    x->byte_cls[c] = (uint8_t)x->ncls;
    if (c >= 'a' && c <= 'z')
      x->byte_cls[c - 'a' + 'A'] = (uint8_t)x->ncls;
    x->ncls++;
  }
  return x->byte_cls[c];
}

static void add_phrase(cl_lex *x, const char *p, uint8_t bit) {
  unsigned st = 0;
  for (; *p; p++) {
    unsigned k = class_of(x, (unsigned char)*p);
    if (!k)
      return;
    if (!x->go[st][k]) {
      if (x->nstates >= MAXNODES) {
        x->failed = 1;
        return;
      }
      x->go[st][k] = (uint16_t)x->nstates++;
    }
    st = x->go[st][k];
  }
  x->out[st] |= bit;
}

/* Failure links, breadth first; missing transitions follow them. */
static void complete(cl_lex *x) {
  uint16_t fail[MAXNODES], queue[MAXNODES];
  size_t qh = 0, qt = 0;
  for (unsigned k = 0; k < NCLS; k++)
    if (x->go[0][k]) {
      fail[x->go[0][k]] = 0;
      queue[qt++] = x->go[0][k];
    }
  while (qh < qt) {
    unsigned u = queue[qh++];
    for (unsigned k = 0; k < NCLS; k++) {
      unsigned v = x->go[u][k];
      if (!v) {
        x->go[u][k] = x->go[fail[u]][k];
        continue;
      }
      fail[v] = x->go[fail[u]][k];
      x->out[v] |= x->out[fail[v]];
      queue[qt++] = (uint16_t)v;
    }
  }
}

unsigned cl_traits(const cl_lex *x, const char *s, size_t n, size_t gl_end) {
  unsigned got = 0, st = 0;
  for (size_t q = 0; q < n; q++) {
    st = x->go[st][x->byte_cls[(unsigned char)s[q]]];
    unsigned o = x->out[st];
    if (o) {
      got |= q + 1 > gl_end ? o & ~(unsigned)T_GL : o;
      if (got == T_ALL)
        break;
    }
  }
  return got;
}

/* ---- building ----------------------------------------------------------- */

/* Byte classes (conclusion.h), a constant table. */
#define CB_(c)                                                                 \
  (uint8_t)(                                                                   \
      ((((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z') ||                         \
               ((c) >= '0' && (c) <= '9') || (c) == '\'' || (c) == '-' ||      \
               (c) >= 0x80                                                     \
           ? CB_WORD                                                           \
           : 0) |                                                              \
      ((c) == '.' || (c) == '!' || (c) == '?' || (c) == '\n' ? CB_STOP : 0))
#define CB4_(c) CB_(c), CB_((c) + 1), CB_((c) + 2), CB_((c) + 3)
#define CB16_(c) CB4_(c), CB4_((c) + 4), CB4_((c) + 8), CB4_((c) + 12)
#define CB64_(c) CB16_(c), CB16_((c) + 16), CB16_((c) + 32), CB16_((c) + 48)
const uint8_t cl_byte[256] = {CB64_(0), CB64_(64), CB64_(128), CB64_(192)};

cl_lex *cl_lex_new(void) {
  cl_lex *x = calloc(1, sizeof *x);
  if (!x)
    return NULL;
  x->ncls = 1;
  x->nstates = 1;
  for (size_t k = 0; cl_verdicts[k].w; k++)
    add_word(x, cl_verdicts[k].w, (uint32_t)(k + 1) << W_VSHIFT);
  for (size_t l = 0; l < sizeof word_lists / sizeof *word_lists; l++)
    for (const char *const *w = word_lists[l].list; *w; w++)
      add_word(x, *w, word_lists[l].cls);
  for (size_t l = 0; l < sizeof phrase_lists / sizeof *phrase_lists; l++)
    for (const char *const *p = phrase_lists[l].list; *p; p++)
      add_phrase(x, *p, phrase_lists[l].bit);
  complete(x);
  if (x->failed) {
    free(x);
    return NULL;
  }
  return x;
}

void cl_lex_free(cl_lex *x) { free(x); }
