/* title_outcome.c - the outcome phrase ending an item title (contract in
 * title_outcome.h). Works backwards from the end of the span, word by word;
 * never looks at more than a few words. */
#include "title_outcome.h"

#include <stdint.h>

#include "base/base.h"

enum { MAX_PAREN = 40 };

static int trail_ch(unsigned char c) {
  return c <= ' ' || c == '.' || c == '*' || c == '!';
}

static size_t strip(const char *s, size_t b, size_t e) {
  while (e > b && trail_ch((unsigned char)s[e - 1]))
    e--;
  return e;
}

static size_t skip_blanks_back(const char *s, size_t b, size_t e) {
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
    e--;
  return e;
}

/* Start of the word (letters, inner hyphens) ending at e. */
static size_t word_start(const char *s, size_t b, size_t e) {
  size_t w = e;
  while (w > b && (ir_ascii_alpha((unsigned char)s[w - 1]) || s[w - 1] == '-'))
    w--;
  while (w < e && s[w] == '-')
    w++;
  return w;
}

/* s[w, e) is lit (lower case), ignoring case. */
static int word_is(const char *s, size_t w, size_t e, const char *lit) {
  size_t i = 0;
  for (; w + i < e; i++)
    if (!lit[i] ||
        ir_ascii_tolower((unsigned char)s[w + i]) != (unsigned char)lit[i])
      return 0;
  return lit[i] == 0;
}

static int word_in(const char *s, size_t w, size_t e, const char *const *list) {
  for (; *list; list++)
    if (word_is(s, w, e, *list))
      return 1;
  return 0;
}

/* The word before position w (after blanks): [*pw, *pe); 0 when none. */
static int prev_word(const char *s, size_t b, size_t w, size_t *pw,
                     size_t *pe) {
  size_t e = skip_blanks_back(s, b, w);
  if (e == w || e == b)
    return 0;
  *pe = e;
  *pw = word_start(s, b, e);
  return *pw < e;
}

/* Drops a trailing qualifier; returns the new end. When nothing is dropped
 * and the word ending at e was found, *ws is its start (else unchanged). */
static size_t drop_qualifier(const char *s, size_t b, size_t e, size_t *ws) {
  static const char *const partial[] = {"partially", "partly", NULL};
  if (e > b && s[e - 1] == ')') {
    size_t k = e - 1;
    while (k > b && e - k <= MAX_PAREN && s[k - 1] != '(' && s[k - 1] != ')' &&
           s[k - 1] != ':')
      k--;
    if (k > b && s[k - 1] == '(')
      return strip(s, b, k - 1);
    return e;
  }
  size_t w = word_start(s, b, e), pw, pe;
  if (w >= e)
    return e;
  if (word_in(s, w, e, partial))
    return skip_blanks_back(s, b, w);
  if ((word_is(s, w, e, "part") || word_is(s, w, e, "full")) &&
      prev_word(s, b, w, &pw, &pe) && word_is(s, pw, pe, "in"))
    return skip_blanks_back(s, b, pw);
  *ws = w;
  return e;
}

int ir_title_outcome(const char *s, size_t b, size_t e, unsigned flags,
                     ir_outcome *o, size_t *ps, size_t *pe) {
  static const char *const up[] = {"upheld", "uphold", NULL};
  static const char *const ov[] = {"overturned", "overturn", "reversed", NULL};
  static const char *const cert_pos[] = {"certified", "approved", "authorized",
                                         NULL};
  static const char *const cert_neg[] = {"non-certified", "noncertified",
                                         "uncertified", "denied", NULL};
  static const char *const partial[] = {"partially", "partly", NULL};
  size_t end = strip(s, b, e);
  if (end > b && s[end - 1] != ')') {
    /* cheap rejection of most spans: the last word's initial and length
     * fit no outcome word (upheld, uphold, overturned, overturn, reversed,
     * certified, approved, authorized, non-certified, noncertified,
     * uncertified, denied) and no qualifier (partially, partly, part,
     * full) */
    static const uint16_t lens[26] = {['a' - 'a'] = 1u << 8 | 1u << 10,
                                      ['c' - 'a'] = 1u << 9,
                                      ['d' - 'a'] = 1u << 6,
                                      ['f' - 'a'] = 1u << 4,
                                      ['n' - 'a'] = 1u << 12 | 1u << 13,
                                      ['o' - 'a'] = 1u << 8 | 1u << 10,
                                      ['p' - 'a'] = 1u << 4 | 1u << 6 | 1u << 9,
                                      ['r' - 'a'] = 1u << 8,
                                      ['u' - 'a'] = 1u << 6 | 1u << 11};
    size_t w = word_start(s, b, end);
    unsigned c0 = (unsigned)(ir_ascii_tolower((unsigned char)s[w]) - 'a');
    if (end - w > 13 || c0 >= 26 || !(lens[c0] >> (end - w) & 1))
      return 0;
  }
  size_t ws = SIZE_MAX;
  size_t we = drop_qualifier(s, b, end, &ws);
  if (ws == SIZE_MAX) /* (else the word ending at end, found already) */
    ws = word_start(s, b, we);
  if (ws >= we)
    return 0;
  /* cheap rejection: every outcome word has 6..13 letters and starts with
   * one of u o r c a n d */
  unsigned l0 = (unsigned)(ir_ascii_tolower((unsigned char)s[ws]) - 'a');
  const uint32_t initials = 1u << ('u' - 'a') | 1u << ('o' - 'a') |
                            1u << ('r' - 'a') | 1u << ('c' - 'a') |
                            1u << ('a' - 'a') | 1u << ('n' - 'a') |
                            1u << ('d' - 'a');
  if (we - ws < 6 || we - ws > 13 || l0 >= 26 || !(initials >> l0 & 1))
    return 0;
  ir_outcome out;
  int core = 1;
  if (word_in(s, ws, we, up))
    out = IR_OUT_UPHELD;
  else if (word_in(s, ws, we, ov))
    out = IR_OUT_OVERTURNED;
  else if ((flags & IR_TO_CERT) && word_in(s, ws, we, cert_pos))
    out = IR_OUT_OVERTURNED, core = 0;
  else if ((flags & IR_TO_CERT) && word_in(s, ws, we, cert_neg))
    out = IR_OUT_UPHELD, core = 0;
  else
    return 0;
  size_t start = ws, pw, pwe;
  if (prev_word(s, b, ws, &pw, &pwe)) {
    if (core && word_in(s, pw, pwe, partial))
      start = pw;
    else if (!core && out == IR_OUT_OVERTURNED && word_is(s, pw, pwe, "not"))
      out = IR_OUT_UPHELD, start = pw;
  }
  if (flags & IR_TO_WHOLE) {
    size_t a = b;
    while (a < start && (s[a] == '*' || s[a] == ' ' || s[a] == '\t'))
      a++;
    if (a != start)
      return 0;
  }
  *o = out;
  *ps = start;
  *pe = end;
  return 1;
}
