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
 * never reads "not medically necessary" as necessary. Each word is looked up
 * once (a hash of the word lists) and each sentence's traits are found in
 * one pass (a phrase trie); the lists are in conclusion_lex.c. */
#include "segment_int.h"

#include <ctype.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "conclusion.h"

/* ---- words ------------------------------------------------------------ */

/* A word byte: isalnum (C locale), ' - or >= 0x80. */
static inline int wch(unsigned char c) { return cl_byte[c] & CB_WORD; }

/* The word s[w] equals lit (lower case), ignoring case. */
static int word_eq(const char *s, span w, const char *lit) {
  size_t l = w.e - w.s;
  if (!l || ir_ascii_tolower((unsigned char)s[w.s]) != (unsigned char)lit[0])
    return 0;
  for (size_t i = 1; i < l; i++)
    if (!lit[i] ||
        ir_ascii_tolower((unsigned char)s[w.s + i]) != (unsigned char)lit[i])
      return 0;
  return lit[l] == 0;
}

static int word_in(const char *s, span w, const char *const *list) {
  for (; *list; list++)
    if (word_eq(s, w, *list))
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

/* Sentences end at a line break, or at a stop ('.', '!', '?') followed,
 * after closing quotes or parentheses, by the end of the line or by spaces
 * and no lower-case letter, unless the '.' ends an abbreviation. Whether
 * the stop s[i] (in a line ending at end: a '\n' or the text's end) ends a
 * sentence depends only on the bytes around it (the abbreviation test
 * cannot reach back past the sentence start: that follows a blank or a stop
 * and a quote), so sentences can be found from the end of the text; *e is
 * where the sentence ends. */
static int stop_ends(const char *s, size_t end, size_t i, size_t *e) {
  size_t j = i + 1;
  while (j < end && (s[j] == '"' || s[j] == ')' || s[j] == '\''))
    j++;
  if (j >= end) {
    *e = j;
    return 1;
  }
  if (s[j] != ' ')
    return 0;
  while (j < end && s[j] == ' ')
    j++;
  if (j < end && islower((unsigned char)s[j]))
    return 0;
  if (s[i] == '.' && abbrev_before(s, 0, i))
    return 0;
  *e = i + 1;
  return 1;
}

/* ---- verdicts within one sentence ------------------------------------- */

#define MAXW 512 /* words kept per window; longer sentences are split */

typedef struct {
  int pol, strength;
} verdict;

/* The words of a sentence window with their classes (conclusion.h). */
typedef struct {
  const cl_lex *lex;
  span w[MAXW];
  uint32_t cls[MAXW];
  size_t n;
} words;

static const verdict_word *verdict_in(uint32_t cls) {
  uint32_t v = cls >> W_VSHIFT;
  return v ? &cl_verdicts[v - 1] : NULL;
}

/* A negator ("not", "isn't", "no longer"); prev is the class of the word
 * before (0 when none). */
static int negates(uint32_t cls, uint32_t prev) {
  return (cls & (W_NEG | W_NT)) || ((cls & W_LONGER) && (prev & W_NO));
}

/* Polarity of the verdict word at k, or 0 when it is no predicate. */
static int polarity_at(const char *s, const words *ws, size_t k,
                       const verdict_word *v, int *modal, int *core) {
  int neg = 0, cop = 0, seen = 0;
  *modal = 0;
  *core = (v->flags & F_CORE) != 0;
  if (k > 0 && (ws->cls[k - 1] & W_MED))
    cop = 1, *core = 1;
  for (size_t j = k; j-- > 0 && seen < 6;) {
    uint32_t cls = ws->cls[j];
    /* punctuation between words ends the clause (not commas) */
    size_t gap_s = ws->w[j].e, gap_e = ws->w[j + 1].s;
    int hard = 0;
    for (size_t g = gap_s; g < gap_e; g++)
      if (s[g] == ';' || s[g] == ':' || s[g] == '(' || s[g] == ')')
        hard = 1;
    if (hard)
      break;
    if (cls & (W_MED | W_ONLY))
      continue;
    seen++;
    if (negates(cls, j > 0 ? ws->cls[j - 1] : 0) ||
        ((v->flags & F_VERB) && (cls & W_NO))) {
      if (j + 1 < k + 1 && (ws->cls[j + 1] & W_ONLY))
        continue; /* "not only" */
      neg ^= 1;
      cop = 1;
      continue;
    }
    if (cls & W_MODAL) {
      *modal = 1;
      cop = 1;
      continue;
    }
    if (cls & W_COP) {
      cop = 1;
      continue;
    }
    if (cop && (cls & W_BREAK))
      break;
    /* a verdict word: "not medically necessary or appropriate" */
  }
  if (!cop && !(v->flags & (F_VERB | F_OUTCOME)))
    return 0;
  return neg ? -v->pol : v->pol;
}

/* "no medical necessity", "lack of medical necessity", "no indication for",
 * "no guideline support for": NEG when a lack word precedes the noun;
 * indication/support/justification need "for" after them, so "no
 * indication that he has radiculopathy" is no verdict. */
static int lack_noun(const words *ws, size_t k, int *core) {
  int necessity = (ws->cls[k] & W_NEC) != 0;
  if (!necessity && !(ws->cls[k] & W_NOUN))
    return 0;
  if (!necessity && (k + 1 >= ws->n || !(ws->cls[k + 1] & W_FOR)))
    return 0;
  for (size_t j = k; j-- > 0 && k - j <= 3;)
    if (ws->cls[j] & W_LACK) {
      *core = necessity;
      return NEG;
    }
  return 0;
}

/* Sentence traits (conclusion.h), tested once per sentence when first
 * needed. A guideline counts among the first 8 words only. */
static unsigned traits_of(const cl_lex *x, const char *s, span t) {
  size_t n = t.e - t.s, nsp = 0, i = 0;
  while (i < n && nsp < 8) {
    if (s[t.s + i] == ' ')
      nsp++;
    i++;
  }
  return cl_traits(x, s + t.s, n, i);
}

/* Next word at or after *i in s[.., e): trimmed span in *w; 0 at the end. */
static int next_word(const char *s, size_t *i, size_t e, span *w) {
  size_t p = *i;
  while (p < e && !wch((unsigned char)s[p]))
    p++;
  if (p >= e)
    return 0;
  size_t b = p;
  while (p < e && wch((unsigned char)s[p]))
    p++;
  *i = p;
  w->s = b;
  w->e = p;
  /* trim trailing apostrophes/hyphens */
  while (w->e > b + 1 && (s[w->e - 1] == '-' || s[w->e - 1] == '\''))
    w->e--;
  return 1;
}

static verdict sentence_verdict(const char *s, span t, words *ws) {
  verdict best = {0, 0};
  int best_core = -1, best_real = -1;
  int have_traits = 0;
  unsigned tr = 0;
  span w;
  ws->n = 0;
  for (size_t i = t.s; next_word(s, &i, t.e, &w);) {
    if (ws->n == MAXW) { /* keep the last words only */
      memmove(ws->w, ws->w + MAXW / 2, (MAXW / 2) * sizeof *ws->w);
      memmove(ws->cls, ws->cls + MAXW / 2, (MAXW / 2) * sizeof *ws->cls);
      ws->n = MAXW / 2;
    }
    size_t k = ws->n++;
    ws->w[k] = w;
    uint32_t cls = ws->cls[k] = cl_word_class(ws->lex, s, w.s, w.e);
    const verdict_word *v = verdict_in(cls);
    int pol = 0, modal = 0, core = 0;
    if (v) {
      if ((v->flags & F_CTX) && !(k > 0 && (ws->cls[k - 1] & W_MED))) {
        if (!have_traits)
          tr = traits_of(ws->lex, s, t), have_traits = 1;
        if (!(tr & T_CTX))
          continue;
      }
      pol = polarity_at(s, ws, k, v, &modal, &core);
    } else if (k > 0 && (pol = lack_noun(ws, k - 1, &core)) != 0) {
      /* the noun before this word ("indication" + "for") */
    } else if (i >= t.e && (pol = lack_noun(ws, k, &core)) != 0) {
      /* a lack noun ending the sentence */
    }
    if (!pol)
      continue;
    if (!have_traits)
      tr = traits_of(ws->lex, s, t), have_traits = 1;
    int req = (tr & T_REQ) != 0, att = (tr & T_ATT) != 0;
    int gl = (tr & T_GL) != 0, cond = (tr & T_COND) != 0;
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
  return best;
}

enum { STRONGEST = 3 };

/* The last byte of s[0, i) that is CB_STOP ('.', '!', '?', '\n'), or
 * SIZE_MAX: 16 bytes at a time from the end, then one at a time. */
static size_t last_stop(const char *s, size_t i) {
#ifdef __SSE2__
  for (; i >= 16; i -= 16) {
    __m128i v = _mm_loadu_si128((const void *)(s + i - 16));
    __m128i m =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))),
                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('?')),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
    unsigned bits = (unsigned)_mm_movemask_epi8(m);
    if (bits)
      return i - 16 + (size_t)(31 - __builtin_clz(bits));
  }
#endif
  while (i-- > 0)
    if (cl_byte[(unsigned char)s[i]] & CB_STOP)
      return i;
  return (size_t)-1;
}

/* The last sentence of the greatest strength: the sentences are taken from
 * the end of the text, until one of the greatest possible strength (usually
 * the closing sentence), so a rationale is rarely read in full. */
static verdict pick_last(const char *s, size_t n, words *ws, span *pick) {
  verdict best = {0, 0};
  size_t end = n; /* end of the current line */
  for (;;) {
    size_t cur = end, i = end; /* cur: end of the sentence being found */
    for (;;) {
      size_t e = 0;
      int found = 0;
      /* back to the previous stop byte: a '\n' ends the line (i after
       * it), another one may end a sentence */
      while (!found) {
        size_t p = last_stop(s, i);
        if (p == (size_t)-1 || s[p] == '\n') {
          i = p + 1; /* 0 when none */
          break;
        }
        i = p;
        found = stop_ends(s, end, i, &e);
      }
      size_t st = found ? e : i;
      while (st < cur && s[st] == ' ')
        st++;
      if (st < cur) {
        span t = {st, cur};
        verdict v = sentence_verdict(s, t, ws);
        if (v.pol && v.strength > best.strength) { /* ties: the later */
          best = v;
          *pick = t;
        }
        if (best.strength == STRONGEST)
          return best;
      }
      if (!found)
        break;
      cur = e;
    }
    if (i == 0)
      return best;
    end = i - 1;
  }
}

ir_conclusion ir_conclusion_of(const ir_segmenter *sg, const char *rationale,
                               size_t n, size_t *conc_start, size_t *conc_end) {
  span pick = {0, 0};
  if (conc_start)
    *conc_start = 0;
  if (conc_end)
    *conc_end = 0;
  if (!rationale)
    return IR_CONC_UNKNOWN;
  words ws;
  ws.lex = sg->lex;
  verdict best = pick_last(rationale, n, &ws, &pick);
  if (!best.pol)
    return IR_CONC_UNKNOWN;
  if (conc_start)
    *conc_start = pick.s;
  if (conc_end)
    *conc_end = pick.e;
  return best.pol > 0 ? IR_CONC_NECESSARY : IR_CONC_NOT_NECESSARY;
}

ir_outcome ir_outcome_of(const ir_segmenter *sg, const char *s, size_t n) {
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
  switch (ir_conclusion_of(sg, s, n, NULL, NULL)) {
  case IR_CONC_NECESSARY:
    return IR_OUT_OVERTURNED;
  case IR_CONC_NOT_NECESSARY:
    return IR_OUT_UPHELD;
  default:
    return IR_OUT_UNKNOWN;
  }
}
