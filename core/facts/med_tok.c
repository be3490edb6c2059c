/* med_tok.c - tokens and strengths of opioid regimens (med_int.h): the
 * position-based tokenizer that med_sig.c, med.c and med_stated.c read
 * with, and a strength ("10/325", "10-325", "5-10 mg", "25 mcg/hr"). */
#include "med_int.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static int is_space(int c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

ir_mtok ir_mt_tok(const char *t, size_t p, size_t end) {
  while (p < end && is_space((unsigned char)t[p]))
    p++;
  ir_mtok k = {MT_END, p, p, 0};
  if (p >= end)
    return k;
  unsigned char c = (unsigned char)t[p];
  size_t q = p;
  if (ir_ascii_alpha(c)) {
    while (q < end && ir_ascii_alpha((unsigned char)t[q]))
      q++;
    k.k = MT_WORD;
  } else if (ir_ascii_digit(c) ||
             (c == '.' && q + 1 < end &&
              ir_ascii_digit((unsigned char)t[q + 1]) &&
              (q == 0 || !ir_ascii_alnum((unsigned char)t[q - 1])))) {
    double v = 0;
    for (int nd = 0; q < end && ir_ascii_digit((unsigned char)t[q]); q++, nd++)
      if (nd < 12)
        v = v * 10 + (t[q] - '0');
    if (q + 1 < end && t[q] == '.' && ir_ascii_digit((unsigned char)t[q + 1])) {
      double f = 0.1;
      for (q++; q < end && ir_ascii_digit((unsigned char)t[q]); q++, f /= 10)
        v += (t[q] - '0') * f;
    }
    k.k = MT_NUM;
    k.v = v;
  } else if (c >= 0x80) {
    while (q < end && (unsigned char)t[q] >= 0x80)
      q++;
    k.k = MT_PUNCT;
  } else {
    q++;
    k.k = MT_PUNCT;
  }
  k.e = q;
  return k;
}

int ir_mt_word(const char *t, ir_mtok k, const char *list) {
  if (k.k != MT_WORD)
    return 0;
  size_t n = k.e - k.s;
  const unsigned char *x = (const unsigned char *)t + k.s;
  /* one pass over the list, each word compared (caseless) as it is read */
  for (const char *w = list; *w;) {
    size_t i = 0;
    while (i < n && w[i] && w[i] != ' ' &&
           ir_ascii_tolower((unsigned char)w[i]) == ir_ascii_tolower(x[i]))
      i++;
    if (i == n && (w[i] == ' ' || !w[i]))
      return 1;
    while (*w && *w != ' ')
      w++;
    while (*w == ' ')
      w++;
  }
  return 0;
}

int ir_mt_is(const char *t, ir_mtok k, char c) {
  return k.k == MT_PUNCT && k.e == k.s + 1 && t[k.s] == c;
}

static const char *const NUMWORDS[] = {"one",  "two", "three",  "four",
                                       "five", "six", "seven",  "eight",
                                       "nine", "ten", "eleven", "twelve"};

double ir_mt_num(const char *t, ir_mtok k) {
  if (k.k == MT_NUM)
    return k.v;
  /* a number word has 3 to 6 letters ("one" .. "eleven") */
  if (k.k != MT_WORD || k.e - k.s < 3 || k.e - k.s > 6)
    return -1;
  for (size_t i = 0; i < sizeof NUMWORDS / sizeof *NUMWORDS; i++)
    if (ir_mt_word(t, k, NUMWORDS[i]))
      return (double)(i + 1);
  return -1;
}

size_t ir_mt_abbr(const char *t, size_t p, size_t end, const char *abbr) {
  size_t q = p;
  int dots = 0;
  for (const char *a = abbr; *a; a++) {
    if (q >= end || ir_ascii_tolower((unsigned char)t[q]) != *a)
      return 0;
    q++;
    /* a dot after the last letter only when dots stand between letters:
     * "b.i.d." but "bid." (a sentence's end) */
    if (q < end && t[q] == '.' && (a[1] || dots)) {
      q++;
      dots++;
    }
  }
  if (q < end && ir_ascii_alpha((unsigned char)t[q]))
    return 0;
  return q;
}

#define TOK(p) ir_mt_tok(t, (p), end)
#define W(k, list) ir_mt_word(t, (k), (list))
#define IS(k, c) ir_mt_is(t, (k), (c))

/* ---- strength ---------------------------------------------------------- */

size_t ir_mt_unit(const char *t, size_t p, size_t end, int *unit) {
  ir_mtok k = TOK(p);
  if (W(k, "mg mgs milligram milligrams")) {
    *unit = MU_MG;
    return k.e;
  }
  if (!W(k, "mcg mcgs microgram micrograms ug"))
    return 0;
  ir_mtok s = TOK(k.e);
  if (IS(s, '/') || W(s, "per an a")) {
    ir_mtok h = TOK(s.e);
    if (W(h, "hr hrs h hour")) {
      *unit = MU_MCGHR;
      return h.e;
    }
  }
  *unit = MU_MCG;
  return k.e;
}

/* A word that may start a sig right after a bare strength ("Norco 10 q6h"). */
static int sig_word(const char *t, ir_mtok k, size_t end) {
  if (W(k, "q every daily po prn once twice nightly er ir sr xr cr"))
    return 1;
  static const char *const AB[] = {"bid", "tid", "qid", "qd", "qhs"};
  for (size_t i = 0; i < sizeof AB / sizeof *AB; i++)
    if (k.k == MT_WORD && ir_mt_abbr(t, k.s, end, AB[i]))
      return 1;
  return 0;
}

size_t ir_mt_strength(const char *t, size_t p, size_t end, int bare_ok,
                      double *v, int *unit) {
  ir_mtok a = TOK(p);
  if (a.k != MT_NUM || a.v <= 0 || a.v >= 10000)
    return 0;
  ir_mtok s = TOK(a.e);
  int u = MU_NONE;
  if (IS(s, '/') || IS(s, '-')) {
    ir_mtok b = TOK(s.e);
    if (b.k == MT_NUM) {
      ir_mtok after = TOK(b.e);
      if ((IS(after, '/') || IS(after, '-')) && TOK(after.e).k == MT_NUM)
        return 0; /* a date: 3/4/14 */
      double x = a.v, y = b.v, val;
      if (y >= 200 && x < 200)
        val = x; /* 10/325 */
      else if (x >= 200 && y < 200 && y > 0)
        val = y; /* 300/30 (Tylenol #3) */
      else if (IS(s, '-')) {
        size_t ue = ir_mt_unit(t, b.e, end, &u); /* a range: 5-10 mg */
        if (!ue)
          return 0;
        *v = x > y ? x : y;
        *unit = u;
        return ue;
      } else
        return 0; /* 8/10: a pain score */
      size_t q = b.e, ue = ir_mt_unit(t, q, end, &u);
      *v = val;
      *unit = ue ? u : MU_NONE;
      return ue ? ue : q;
    }
  }
  size_t ue = ir_mt_unit(t, a.e, end, &u);
  if (ue) {
    /* "10 mg/325 mg": the partner's amount belongs to the strength */
    ir_mtok sl = TOK(ue);
    if (IS(sl, '/')) {
      ir_mtok b = TOK(sl.e);
      int u2;
      if (b.k == MT_NUM && b.v >= 200) {
        ue = b.e;
        size_t e2 = ir_mt_unit(t, b.e, end, &u2);
        if (e2)
          ue = e2;
      }
    }
    *v = a.v;
    *unit = u;
    return ue;
  }
  if (!bare_ok || a.v > 1000)
    return 0;
  if (!(s.k == MT_END || IS(s, '#') || IS(s, ',') || IS(s, ';') || IS(s, ')') ||
        IS(s, '.') || sig_word(t, s, end)))
    return 0;
  *v = a.v;
  *unit = MU_NONE;
  return a.e;
}
