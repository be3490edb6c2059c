/* conclusion_lex.c - the word and phrase lists of the conclusion reader,
 * compiled once into a word hash (word -> classes) and a phrase automaton
 * (Aho-Corasick: one pass over a sentence finds every list it mentions);
 * see conclusion.h. */
#include <pthread.h>
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

static slot table[HSIZE];
/* lengths (bit n) of the listed words starting with each byte, either case:
 * most words of a text are rejected by this test alone */
static uint32_t lengths_by_first[256];

static inline unsigned hash_key(wkey k) {
  uint64_t h = k.k0 * 0x9E3779B97F4A7C15u ^ k.k1 * 0xC2B2AE3D27D4EB4Fu;
  return (unsigned)(h >> (64 - HBITS));
}

static wkey key_of(const unsigned char *w, size_t n) {
  unsigned char b[MAXLEN] = {0};
  for (size_t i = 0; i < n; i++)
    b[i] = cl_lc(w[i]);
  wkey k;
  memcpy(&k.k0, b, 8);
  memcpy(&k.k1, b + 8, 8);
  return k;
}

static void add_word(const char *w, uint32_t cls) {
  size_t n = strlen(w);
  unsigned char c = (unsigned char)w[0];
  lengths_by_first[c] |= 1u << n;
  if (c >= 'a' && c <= 'z')
    lengths_by_first[c - 'a' + 'A'] |= 1u << n;
  wkey k = key_of((const unsigned char *)w, n);
  for (unsigned h = hash_key(k);; h = (h + 1) & (HSIZE - 1)) {
    slot *sl = &table[h];
    if (!sl->cls)
      sl->key = k;
    else if (sl->key.k0 != k.k0 || sl->key.k1 != k.k1)
      continue;
    sl->cls |= cls;
    return;
  }
}

uint32_t cl_word_class(const char *s, size_t b, size_t e) {
  size_t n = e - b;
  uint32_t nt = n >= 3 && cl_lc((unsigned char)s[e - 1]) == 't' &&
                        s[e - 2] == '\'' &&
                        cl_lc((unsigned char)s[e - 3]) == 'n'
                    ? W_NT
                    : 0;
  if (n == 0 || n > MAXLEN || !(lengths_by_first[(unsigned char)s[b]] >> n & 1))
    return nt;
  wkey k = key_of((const unsigned char *)s + b, n);
  for (unsigned h = hash_key(k);; h = (h + 1) & (HSIZE - 1)) {
    const slot *sl = &table[h];
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

enum {
  MAXNODES = 1024,
  NCLS = 32,
  T_ALL = T_REQ | T_ATT | T_GL | T_COND | T_CTX
};

/* Aho-Corasick automaton over the phrases, as a full transition table:
 * byte -> class (the phrases' characters, either case; 0 for any other
 * byte), state x class -> state (0 is the start). out[state] holds the T_*
 * bits of every phrase ending there. */
static uint8_t byte_cls[256];
static unsigned ncls = 1;
static uint16_t go[MAXNODES][NCLS];
static uint8_t out[MAXNODES];
static unsigned nstates = 1;
static int build_failed;

static unsigned class_of(unsigned char c) {
  if (!byte_cls[c]) {
    if (ncls >= NCLS) {
      build_failed = 1;
      return 0;
    }
    byte_cls[c] = (uint8_t)ncls;
    if (c >= 'a' && c <= 'z')
      byte_cls[c - 'a' + 'A'] = (uint8_t)ncls;
    ncls++;
  }
  return byte_cls[c];
}

static void add_phrase(const char *p, uint8_t bit) {
  unsigned st = 0;
  for (; *p; p++) {
    unsigned k = class_of((unsigned char)*p);
    if (!k)
      return;
    if (!go[st][k]) {
      if (nstates >= MAXNODES) {
        build_failed = 1;
        return;
      }
      go[st][k] = (uint16_t)nstates++;
    }
    st = go[st][k];
  }
  out[st] |= bit;
}

/* Failure links, breadth first; missing transitions follow them. */
static void complete(void) {
  static uint16_t fail[MAXNODES], queue[MAXNODES];
  size_t qh = 0, qt = 0;
  for (unsigned k = 0; k < NCLS; k++)
    if (go[0][k]) {
      fail[go[0][k]] = 0;
      queue[qt++] = go[0][k];
    }
  while (qh < qt) {
    unsigned u = queue[qh++];
    for (unsigned k = 0; k < NCLS; k++) {
      unsigned v = go[u][k];
      if (!v) {
        go[u][k] = go[fail[u]][k];
        continue;
      }
      fail[v] = go[fail[u]][k];
      out[v] |= out[fail[v]];
      queue[qt++] = (uint16_t)v;
    }
  }
}

unsigned cl_traits(const char *s, size_t n, size_t gl_end) {
  unsigned got = 0, st = 0;
  for (size_t q = 0; q < n; q++) {
    st = go[st][byte_cls[(unsigned char)s[q]]];
    unsigned o = out[st];
    if (o) {
      got |= q + 1 > gl_end ? o & ~(unsigned)T_GL : o;
      if (got == T_ALL)
        break;
    }
  }
  return got;
}

/* ---- init ---------------------------------------------------------------- */

static pthread_once_t once = PTHREAD_ONCE_INIT;

uint8_t cl_byte[256];

static void build(void) {
  for (unsigned c = 0; c < 256; c++) {
    int word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9') || c == '\'' || c == '-' || c >= 0x80;
    int stop = c == '.' || c == '!' || c == '?' || c == '\n';
    cl_byte[c] = (uint8_t)((word ? CB_WORD : 0) | (stop ? CB_STOP : 0));
  }
  for (size_t k = 0; cl_verdicts[k].w; k++)
    add_word(cl_verdicts[k].w, (uint32_t)(k + 1) << W_VSHIFT);
  for (size_t l = 0; l < sizeof word_lists / sizeof *word_lists; l++)
    for (const char *const *w = word_lists[l].list; *w; w++)
      add_word(*w, word_lists[l].cls);
  for (size_t l = 0; l < sizeof phrase_lists / sizeof *phrase_lists; l++)
    for (const char *const *p = phrase_lists[l].list; *p; p++)
      add_phrase(*p, phrase_lists[l].bit);
  complete();
}

int cl_init(void) {
  pthread_once(&once, build);
  return build_failed ? -1 : 0;
}
