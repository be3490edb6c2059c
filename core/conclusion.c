/* conclusion.c - what a decision rationale itself concludes.
 *
 * ir_conclusion_of(rationale, n, &cs, &ce) splits the rationale into
 * sentences, finds verdict words in each ("necessary", "certified",
 * "indicated", "appropriate", "supported", "recommended", "warranted",
 * "established", ... and their negative forms "unnecessary",
 * "inappropriate", "non-certified", "denied") and decides each one's polarity
 * from negators a few words before it in the same clause ("not", "cannot",
 * "would not be", "has not been", "neither/nor", "no longer"). A verdict word
 * counts only as a predicate (after a copula, a negator or "medically"), so
 * "the records indicated that" is no verdict.
 * Each verdict gets a strength: 3 when it speaks of medical necessity or
 * certification or of the request; 2 otherwise; 1 when the sentence states a
 * guideline ("According to MTUS, X is not recommended for ..."), reports what
 * utilization review or a prior reviewer said, or is a hypothetical positive
 * ("would be indicated if ..."). The conclusion is the polarity of the last
 * sentence of the greatest strength; [cs, ce) is that sentence. Linear in n;
 * never reads "not medically necessary" as necessary. */
#include "segment.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { POS = 1, NEG = -1 };
enum { F_CORE = 1, F_CTX = 2, F_VERB = 4, F_OUTCOME = 8 };

typedef struct {
  const char *w;
  int pol, flags;
} verdict_word;

static const verdict_word verdicts[] = {
    {"necessary", POS, F_CORE},     {"unnecessary", NEG, F_CORE},
    {"certified", POS, F_CORE},     {"noncertified", NEG, F_CORE},
    {"non-certified", NEG, F_CORE}, {"uncertified", NEG, F_CORE},
    {"indicated", POS, 0},          {"contraindicated", NEG, 0},
    {"appropriate", POS, 0},        {"inappropriate", NEG, 0},
    {"supported", POS, 0},          {"unsupported", NEG, 0},
    {"recommended", POS, 0},        {"warranted", POS, 0},
    {"unwarranted", NEG, 0},        {"reasonable", POS, 0},
    {"unreasonable", NEG, 0},       {"justified", POS, 0},
    {"unjustified", NEG, 0},        {"approved", POS, 0},
    {"authorized", POS, 0},         {"denied", NEG, 0},
    {"established", POS, F_CTX},    {"substantiated", POS, F_CTX},
    {"demonstrated", POS, F_CTX},   {"recommend", POS, F_VERB},
    {"recommends", POS, F_VERB},    {"support", POS, F_VERB},
    {"supports", POS, F_VERB},      {"meets", POS, F_VERB},
    {"meet", POS, F_VERB},          {"upheld", NEG, F_OUTCOME},
    {"overturned", POS, F_OUTCOME}, {"reversed", POS, F_OUTCOME},
};

typedef struct {
  size_t s, e;
} span;

/* ---- words ------------------------------------------------------------ */

static int wch(unsigned char c) {
  return isalnum(c) || c == '\'' || c == '-' || c >= 0x80;
}

/* ASCII lower case (the program runs in the C locale, where this is what
 * tolower() does, without the locale lookup). */
static inline unsigned char lc(unsigned char c) {
  return (unsigned char)(c - 'A') < 26 ? (unsigned char)(c | 0x20) : c;
}

/* The word s[w] equals lit (lower case), ignoring case. */
static int word_eq(const char *s, span w, const char *lit) {
  size_t l = w.e - w.s;
  if (!l || lc((unsigned char)s[w.s]) != (unsigned char)lit[0])
    return 0;
  for (size_t i = 1; i < l; i++)
    if (!lit[i] || lc((unsigned char)s[w.s + i]) != (unsigned char)lit[i])
      return 0;
  return lit[l] == 0;
}

static int word_in(const char *s, span w, const char *const *list) {
  for (; *list; list++)
    if (word_eq(s, w, *list))
      return 1;
  return 0;
}

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

static int is_negator(const char *s, span w, const span *prev) {
  static const char *const neg[] = {"not", "never",   "cannot", "neither",
                                    "nor", "without", NULL};
  if (word_in(s, w, neg))
    return 1;
  size_t l = w.e - w.s;
  if (l >= 3 && lc((unsigned char)s[w.e - 1]) == 't' && s[w.e - 2] == '\'' &&
      lc((unsigned char)s[w.e - 3]) == 'n')
    return 1; /* isn't, can't, wouldn't */
  if (word_eq(s, w, "longer") && prev && word_eq(s, *prev, "no"))
    return 1;
  return 0;
}

/* ---- sentences -------------------------------------------------------- */

static int abbrev_before(const char *s, size_t start, size_t dot) {
  static const char *const ab[] = {
      "dr",  "mr",  "mrs", "ms",   "vs",  "no",  "nos",   "approx", "st",
      "jr",  "sr",  "fig", "pg",   "pp",  "inc", "ltd",   "co",     "vol",
      "al",  "e.g", "i.e", "etc.", "p",   "ref", "sec",   "yr",     "yrs",
      "min", "max", "ch",  "chap", "dos", "q",   "b.i.d", "t.i.d",  NULL};
  size_t b = dot;
  while (b > start && (isalpha((unsigned char)s[b - 1]) || s[b - 1] == '.'))
    b--;
  span w = {b, dot};
  if (dot - b == 1 && isupper((unsigned char)s[b]))
    return 1; /* an initial */
  return word_in(s, w, ab);
}

/* Next sentence starting at or after *pos; returns 0 at the end. */
static int next_sentence(const char *s, size_t n, size_t *pos, span *out) {
  size_t i = *pos;
  while (i < n && (s[i] == ' ' || s[i] == '\n'))
    i++;
  if (i >= n)
    return 0;
  size_t st = i;
  for (; i < n; i++) {
    char c = s[i];
    if (c == '\n')
      break;
    if (c != '.' && c != '!' && c != '?')
      continue;
    size_t j = i + 1;
    while (j < n && (s[j] == '"' || s[j] == ')' || s[j] == '\''))
      j++;
    if (j >= n || s[j] == '\n') {
      i = j;
      break;
    }
    if (s[j] != ' ')
      continue;
    while (j < n && s[j] == ' ')
      j++;
    if (j < n && (islower((unsigned char)s[j])))
      continue;
    if (c == '.' && abbrev_before(s, st, i))
      continue;
    i++;
    break;
  }
  if (i > n)
    i = n;
  out->s = st;
  out->e = i;
  *pos = i;
  return 1;
}

/* ---- sentence traits -------------------------------------------------- */

/* A sentence lower-cased once, for the substring tests below. */
typedef struct {
  const char *low; /* lower-cased copy of the sentence */
  size_t n;
} lowered;

/* lit (lower case) occurs in t->low[a, b): memchr to each candidate first
 * byte, then memcmp. */
static int low_has(const lowered *t, size_t a, size_t b, const char *lit) {
  size_t l = strlen(lit);
  if (b > t->n)
    b = t->n;
  if (b < a + l || !l)
    return 0;
  const char *p = t->low + a, *last = t->low + b - l;
  while (p <= last && (p = memchr(p, lit[0], (size_t)(last - p) + 1)) != NULL) {
    if (memcmp(p + 1, lit + 1, l - 1) == 0)
      return 1;
    p++;
  }
  return 0;
}

static int contains_any(const lowered *t, size_t a, size_t b,
                        const char *const *list) {
  for (; *list; list++)
    if (low_has(t, a, b, *list))
      return 1;
  return 0;
}

static int mentions_request(const lowered *t) {
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
  return contains_any(t, 0, t->n, rq);
}

static int attributed(const lowered *t) {
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
  return contains_any(t, 0, t->n, at);
}

/* A guideline statement: a guideline named among the first words. */
static int guideline_sentence(const lowered *t) {
  static const char *const gl[] = {"guideline",      "mtus",
                                   "acoem",          "odg",
                                   "reference",      "according to",
                                   "per ",           "as noted",
                                   "criteria",       "recommended only",
                                   "literature",     "studies",
                                   "evidence-based", NULL};
  size_t words = 0, i = 0;
  while (i < t->n && words < 8) {
    if (t->low[i] == ' ')
      words++;
    i++;
  }
  return contains_any(t, 0, i, gl);
}

static int conditional(const lowered *t) {
  static const char *const cd[] = {
      " if ", " unless ", " once ", " until ", " provided ", " pending ", NULL};
  return contains_any(t, 0, t->n, cd);
}

/* ---- verdicts within one sentence ------------------------------------- */

#define MAXW 512 /* words kept per window; longer sentences are split */

typedef struct {
  int pol, strength;
} verdict;

static const verdict_word *verdict_of(const char *s, span w) {
  for (size_t k = 0; k < sizeof verdicts / sizeof *verdicts; k++)
    if (word_eq(s, w, verdicts[k].w))
      return &verdicts[k];
  return NULL;
}

/* Polarity of the verdict word at words[k], or 0 when it is no predicate. */
static int polarity_at(const char *s, const span *words, size_t k,
                       const verdict_word *v, int *modal, int *core) {
  int neg = 0, cop = 0, seen = 0;
  *modal = 0;
  *core = (v->flags & F_CORE) != 0;
  if (k > 0 && word_eq(s, words[k - 1], "medically"))
    cop = 1, *core = 1;
  for (size_t j = k; j-- > 0 && seen < 6;) {
    span w = words[j];
    /* punctuation between words ends the clause (not commas) */
    size_t gap_s = w.e, gap_e = words[j + 1].s;
    int hard = 0;
    for (size_t g = gap_s; g < gap_e; g++)
      if (s[g] == ';' || s[g] == ':' || s[g] == '(' || s[g] == ')')
        hard = 1;
    if (hard)
      break;
    if (word_eq(s, w, "medically") || word_eq(s, w, "only"))
      continue;
    seen++;
    if (is_negator(s, w, j > 0 ? &words[j - 1] : NULL) ||
        ((v->flags & F_VERB) && word_eq(s, w, "no"))) {
      if (j + 1 < k + 1 && word_eq(s, words[j + 1], "only"))
        continue; /* "not only" */
      neg ^= 1;
      cop = 1;
      continue;
    }
    if (word_in(s, w, modals)) {
      *modal = 1;
      cop = 1;
      continue;
    }
    if (word_in(s, w, copulas)) {
      cop = 1;
      continue;
    }
    if (cop && word_in(s, w, clause_breaks))
      break;
    if (verdict_of(s, w))
      continue; /* "not medically necessary or appropriate" */
  }
  if (!cop && !(v->flags & (F_VERB | F_OUTCOME)))
    return 0;
  return neg ? -v->pol : v->pol;
}

/* "no medical necessity", "lack of medical necessity", "no indication for",
 * "no guideline support for": NEG when a lack word precedes the noun;
 * indication/support/justification need "for" after them, so "no
 * indication that he has radiculopathy" is no verdict. Needs words[k+1]
 * (the caller passes nw). */
static int lack_noun(const char *s, const span *words, size_t k, size_t nw,
                     int *core) {
  static const char *const lack[] = {"no",      "lack",       "lacks",
                                     "lacking", "without",    "insufficient",
                                     "absent",  "inadequate", NULL};
  static const char *const nouns[] = {"indication", "support", "justification",
                                      "rationale", NULL};
  int necessity = word_eq(s, words[k], "necessity");
  if (!necessity && !word_in(s, words[k], nouns))
    return 0;
  if (!necessity && (k + 1 >= nw || !word_eq(s, words[k + 1], "for")))
    return 0;
  for (size_t j = k; j-- > 0 && k - j <= 3;)
    if (word_in(s, words[j], lack)) {
      *core = necessity;
      return NEG;
    }
  return 0;
}

static verdict sentence_verdict(const char *s, span t) {
  span words[MAXW];
  size_t nw = 0;
  verdict best = {0, 0};
  int best_core = -1, best_real = -1;
  int traits = 0, req = 0, att = 0, gl = 0, cond = 0, ctx = 0;
  char lowbuf[2048], *heap = NULL;
  for (size_t i = t.s; i < t.e;) {
    while (i < t.e && !wch((unsigned char)s[i]))
      i++;
    if (i >= t.e)
      break;
    size_t b = i;
    while (i < t.e && wch((unsigned char)s[i]))
      i++;
    if (nw == MAXW) { /* keep the last words only */
      memmove(words, words + MAXW / 2, (MAXW / 2) * sizeof *words);
      nw = MAXW / 2;
    }
    words[nw].s = b;
    words[nw].e = i;
    /* trim trailing apostrophes/hyphens */
    while (words[nw].e > b + 1 &&
           (s[words[nw].e - 1] == '-' || s[words[nw].e - 1] == '\''))
      words[nw].e--;
    size_t k = nw++;
    const verdict_word *v = verdict_of(s, words[k]);
    int pol = 0, modal = 0, core = 0;
    if (!traits && (v || word_eq(s, words[k], "for") ||
                    word_eq(s, words[k], "necessity"))) {
      traits = 1; /* computed once, for sentences holding a verdict word */
      size_t ln = t.e - t.s;
      char *low = ln <= sizeof lowbuf ? lowbuf : (heap = malloc(ln));
      if (!low) { /* out of memory: test the first part only */
        low = lowbuf;
        ln = sizeof lowbuf;
      }
      for (size_t q = 0; q < ln; q++)
        low[q] = (char)lc((unsigned char)s[t.s + q]);
      lowered lt = {low, ln};
      req = mentions_request(&lt);
      att = attributed(&lt);
      gl = guideline_sentence(&lt);
      cond = conditional(&lt);
      ctx = low_has(&lt, 0, ln, "necess") || low_has(&lt, 0, ln, "request");
    }
    if (v) {
      if ((v->flags & F_CTX) && !ctx &&
          !(k > 0 && word_eq(s, words[k - 1], "medically")))
        continue;
      pol = polarity_at(s, words, k, v, &modal, &core);
    } else if (k > 0 && (pol = lack_noun(s, words, k - 1, nw, &core)) != 0) {
      /* the noun before this word ("indication" + "for") */
    } else if (i >= t.e && (pol = lack_noun(s, words, k, nw, &core)) != 0) {
      /* a lack noun ending the sentence */
    }
    if (!pol)
      continue;
    int strength = (core || req) ? 3 : 2;
    int hypo = pol == POS && (modal || cond);
    if (v && (v->flags & F_OUTCOME))
      strength = 2;
    else if (hypo || att || (gl && !req) || (v && (v->flags & F_VERB)))
      strength = 1;
    /* prefer core over non-core, real over hypothetical, then the last */
    int real = !hypo;
    if (strength > best.strength ||
        (strength == best.strength &&
         (core > best_core || (core == best_core && real >= best_real)))) {
      best.pol = pol;
      best.strength = strength;
      best_core = core;
      best_real = real;
    }
  }
  free(heap);
  return best;
}

ir_conclusion ir_conclusion_of(const char *rationale, size_t n,
                               size_t *conc_start, size_t *conc_end) {
  size_t pos = 0;
  span t, pick = {0, 0};
  verdict best = {0, 0};
  if (conc_start)
    *conc_start = 0;
  if (conc_end)
    *conc_end = 0;
  if (!rationale)
    return IR_CONC_UNKNOWN;
  while (next_sentence(rationale, n, &pos, &t)) {
    verdict v = sentence_verdict(rationale, t);
    if (v.pol && v.strength >= best.strength) {
      best = v;
      pick = t;
    }
  }
  if (!best.pol)
    return IR_CONC_UNKNOWN;
  if (conc_start)
    *conc_start = pick.s;
  if (conc_end)
    *conc_end = pick.e;
  return best.pol > 0 ? IR_CONC_NECESSARY : IR_CONC_NOT_NECESSARY;
}

ir_outcome ir_outcome_of(const char *s, size_t n) {
  static const char *const up[] = {"upheld", "uphold", "upholds", NULL};
  static const char *const ov[] = {"overturned", "overturn", "overturns",
                                   "reversed",   "reverse",  NULL};
  span t = {0, n};
  int u = -1, o = -1;
  /* the first outcome word decides ("Upheld. The denial was not reversed") */
  for (size_t i = 0; i < n && u < 0 && o < 0;) {
    while (i < n && !isalpha((unsigned char)s[i]))
      i++;
    size_t b = i;
    while (i < n && isalpha((unsigned char)s[i]))
      i++;
    span w = {b, i};
    if (b < i && word_in(s, w, up))
      u = (int)b;
    else if (b < i && word_in(s, w, ov))
      o = (int)b;
  }
  (void)t;
  if (u >= 0)
    return IR_OUT_UPHELD;
  if (o >= 0)
    return IR_OUT_OVERTURNED;
  switch (ir_conclusion_of(s, n, NULL, NULL)) {
  case IR_CONC_NECESSARY:
    return IR_OUT_OVERTURNED;
  case IR_CONC_NOT_NECESSARY:
    return IR_OUT_UPHELD;
  default:
    return IR_OUT_UNKNOWN;
  }
}
