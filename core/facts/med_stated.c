/* med_stated.c - a MED the text states (ir_med_stated, see med.h).
 *
 * Two shapes, around a keyword ("MED", "MEDD" in capitals; "MME";
 * "morphine equivalent(s) [dose]", "morphine milligram equivalents"):
 *  - the number first: "180 mg MED", "90 MME/day", "270 mg of oral
 *    morphine equivalents per day";
 *  - the keyword first, then a few linking words: "MED of 90 mg", "MED
 *    135", "MED: 135", "the morphine equivalent is 240 mg", "morphine
 *    equivalent dose (MED) of 120 mg/day", "calculated to be 90".
 * A threshold is no statement: a number after "the", a comparison ("below",
 * "exceeds", "over", "up to", "more than") or "threshold of", or a keyword
 * followed by "threshold", "limit" ...; after the keyword only the linking
 * words pass ("MED is below 120" states nothing). */
#include "med_int.h"

#include <string.h>
#include <strings.h>

#define TOK(p) ir_mt_tok(t, (p), end)
#define W(k, list) ir_mt_word(t, (k), (list))
#define IS(k, c) ir_mt_is(t, (k), (c))

#define COMPARE                                                                \
  "the exceed exceeds exceeded exceeding above below under over than beyond "  \
  "to max maximum limit limits threshold ceiling surpass surpasses "           \
  "surpassing until"
#define THRESH                                                                 \
  "threshold thresholds limit limits ceiling cap level levels maximum "        \
  "benchmark mark guideline guidelines trigger recommended allowed permitted " \
  "suggested"
#define LINK                                                                   \
  "of is was are were equals equal approximately approx about around "         \
  "roughly calculated computed estimated at be being currently now today "     \
  "total totals totaling totalling amounts amount amounting reaches reached "  \
  "comes came per day"

/* a word before "to" that makes "to N" a value, not a bound */
#define LINK_TO                                                                \
  "amounts amount amounting corresponds correspond corresponding comes came "  \
  "equal equals equates equivalent converts translates calculated computed "   \
  "estimated adds"

/* "/day", "per day", "a day", "daily", "each day", "/d", "per 24 hours". */
static size_t per_day_at(const char *t, size_t p, size_t end) {
  ir_mtok k = TOK(p);
  if (W(k, "daily"))
    return k.e;
  if (!(IS(k, '/') || W(k, "per a each")))
    return 0;
  ir_mtok d = TOK(k.e);
  if (W(d, "day d"))
    return d.e;
  if (d.k == MT_NUM && d.v == 24 && W(TOK(d.e), "hours hrs h"))
    return TOK(d.e).e;
  return 0;
}

/* The keyword at k: its end (with "dose", "(MED)" ... after it), or 0. */
static size_t kw_at(const char *t, ir_mtok k, size_t end) {
  size_t n = k.e - k.s, e;
  if (k.k != MT_WORD)
    return 0;
  if ((n == 3 && memcmp(t + k.s, "MED", 3) == 0) ||
      (n == 4 && memcmp(t + k.s, "MEDD", 4) == 0) || W(k, "mme mmes mmed"))
    e = k.e;
  else if (W(k, "morphine")) {
    ir_mtok m = TOK(k.e);
    if (IS(m, '-'))
      m = TOK(m.e);
    if (W(m, "milligram milligrams mg")) {
      m = TOK(m.e);
      if (IS(m, '-'))
        m = TOK(m.e);
    }
    if (!W(m, "equivalent equivalents equivalence equivalency equiv"))
      return 0;
    e = m.e;
  } else
    return 0;
  for (int i = 0; i < 4; i++) {
    ir_mtok m = TOK(e);
    size_t pd;
    if (W(m, "dose dosage doses daily total"))
      e = m.e;
    else if ((pd = per_day_at(t, e, end)))
      e = pd;
    else if (IS(m, '(')) { /* "(MED)" */
      ir_mtok a = TOK(m.e), b = TOK(a.e);
      if (a.k != MT_WORD || !IS(b, ')') ||
          !(W(a, "mme medd") || (a.e - a.s == 3 && !memcmp(t + a.s, "MED", 3))))
        break;
      e = b.e;
    } else
      break;
  }
  return e;
}

size_t ir_mt_med_keyword(const char *t, size_t p, size_t end) {
  ir_mtok m = TOK(p);
  if (W(m, "of"))
    m = TOK(m.e);
  if (W(m, "oral total daily"))
    m = TOK(m.e);
  return kw_at(t, m, end);
}

/* After the number: a range's higher end, "mg", per day. */
static size_t after_num(const char *t, ir_mtok n, size_t end, double *v) {
  size_t e = n.e;
  *v = n.v;
  ir_mtok m = TOK(e);
  if (IS(m, '/') && TOK(m.e).k == MT_NUM)
    return 0; /* 4/10: a score */
  if (IS(m, '%'))
    return 0;
  if (IS(m, '-') && TOK(m.e).k == MT_NUM) {
    ir_mtok b = TOK(m.e);
    if (b.v > *v)
      *v = b.v;
    e = b.e;
    m = TOK(e);
  }
  if (W(m, "mg mgs milligram milligrams"))
    e = m.e;
  size_t pd = per_day_at(t, e, end);
  return pd ? pd : e;
}

static int rejected_after(const char *t, size_t e, size_t end) {
  return W(TOK(e), THRESH);
}

/* The number first: "180 mg MED". prev1/prev2: the two tokens before. */
static size_t number_first(const char *t, ir_mtok k, size_t end, ir_mtok p1,
                           ir_mtok p2, double *v) {
  /* "amounts to 270 mg ...", "corresponds to 120 mg MED"; not "up to" */
  int linked = W(p1, "to") && W(p2, LINK_TO);
  if ((W(p1, COMPARE) && !linked) || IS(p1, '<') || IS(p1, '>') ||
      (W(p1, "of") && W(p2, THRESH)))
    return 0;
  if (p1.k == MT_PUNCT && p1.e - p1.s == 3 && (unsigned char)t[p1.s] == 0xE2 &&
      (unsigned char)t[p1.s + 1] == 0x89)
    return 0; /* "<=" ">=" as one character */
  size_t e = after_num(t, k, end, v);
  if (!e)
    return 0;
  ir_mtok m = TOK(e);
  if (W(m, "of")) {
    e = m.e;
    m = TOK(e);
  }
  if (W(m, "oral total daily")) {
    e = m.e;
    m = TOK(e);
  }
  size_t ke = kw_at(t, m, end);
  if (!ke || rejected_after(t, ke, end))
    return 0;
  return ke;
}

/* The keyword first: "MED of 90 mg". */
static size_t keyword_first(const char *t, size_t ke, size_t end, double *v) {
  size_t e = ke;
  ir_mtok prev = {MT_END, 0, 0, 0};
  for (int gap = 0;; gap++) {
    ir_mtok m = TOK(e);
    if (m.k == MT_NUM)
      break;
    if (gap >= 5)
      return 0;
    int ok = W(m, LINK) || IS(m, ':') || IS(m, '=') || IS(m, '~') ||
             IS(m, ',') || IS(m, '(') || IS(m, ')');
    /* "equal to", "calculated to be"; not "reduce the MED to 90" */
    if (!ok && W(m, "to"))
      ok = W(prev, LINK_TO);
    if (!ok)
      return 0;
    prev = m;
    e = m.e;
  }
  e = after_num(t, TOK(e), end, v);
  if (!e || rejected_after(t, e, end))
    return 0;
  return e;
}

/* A statement needs a keyword (kw_at): the word "MED" or "MEDD" (capitals),
 * "mme..." or "morphine" in any case. A text holding none of "MED", "mme"
 * and "morphine" states no MED: one pass over its bytes, testing only at an
 * 'm' or 'M', spares the token-by-token reading of most sentences. */
static int may_state(const char *t, size_t start, size_t end) {
  for (size_t i = start; i + 3 <= end; i++) {
    if ((t[i] | 0x20) != 'm')
      continue;
    if (t[i] == 'M' && t[i + 1] == 'E' && t[i + 2] == 'D')
      return 1;
    unsigned char c = (unsigned char)(t[i + 1] | 0x20);
    if (c == 'm' && (t[i + 2] | 0x20) == 'e')
      return 1;
    if (c == 'o' && i + 8 <= end && strncasecmp(t + i, "morphine", 8) == 0)
      return 1;
  }
  return 0;
}

int ir_med_stated(const char *t, size_t start, size_t end, double *mg,
                  size_t *s, size_t *e) {
  if (!may_state(t, start, end))
    return 0;
  ir_mtok p1 = {MT_END, 0, 0, 0}, p2 = p1;
  for (size_t p = start;;) {
    ir_mtok k = TOK(p);
    if (k.k == MT_END)
      return 0;
    double v = 0;
    size_t q = 0;
    if (k.k == MT_NUM)
      q = number_first(t, k, end, p1, p2, &v);
    else if (k.k == MT_WORD) {
      size_t ke = kw_at(t, k, end);
      if (ke)
        q = keyword_first(t, ke, end, &v);
    }
    if (q && v > 0) {
      *mg = v;
      *s = k.s;
      *e = q;
      return 1;
    }
    p2 = p1;
    p1 = k;
    p = k.e;
  }
}
