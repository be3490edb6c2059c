/* sentence.c - sentence splitter (see sentence.h). */
#include "sentence.h"

#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The abbreviations, lower case, as numbers: a word of up to 6 bytes read
 * first to last into one integer (AB1..AB6), so that the list is one
 * switch. */
#define AB1(a) ((uint64_t)(unsigned char)(a))
#define AB2(a, b) (AB1(a) << 8 | AB1(b))
#define AB3(a, b, c) (AB2(a, b) << 8 | AB1(c))
#define AB4(a, b, c, d) (AB3(a, b, c) << 8 | AB1(d))
#define AB5(a, b, c, d, e) (AB4(a, b, c, d) << 8 | AB1(e))
#define AB6(a, b, c, d, e, f) (AB5(a, b, c, d, e) << 8 | AB1(f))
enum { ABBREV_MAX = 6 }; /* the longest abbreviation */

static int abbrev_word(uint64_t w) {
  switch (w) {
  case AB2('d', 'r'):
  case AB2('m', 'r'):
  case AB3('m', 'r', 's'):
  case AB2('m', 's'):
  case AB2('v', 's'):
  case AB3('e', '.', 'g'):
  case AB3('i', '.', 'e'):
  case AB2('e', 'g'):
  case AB2('i', 'e'):
  case AB2('n', 'o'):
  case AB3('n', 'o', 's'):
  case AB2('s', 't'):
  case AB2('j', 'r'):
  case AB2('s', 'r'):
  case AB3('f', 'i', 'g'):
  case AB1('p'):
  case AB2('p', 'p'):
  case AB6('a', 'p', 'p', 'r', 'o', 'x'):
  case AB2('y', 'r'):
  case AB3('y', 'r', 's'):
  case AB2('c', 'f'):
  case AB4('p', 'r', 'o', 'f'):
  case AB4('d', 'e', 'p', 't'):
  case AB3('u', '.', 's'):
  case AB3('v', 'i', 'z'):
  case AB2('a', 'l'):
  case AB2('m', 't'):
  case AB4('h', 'o', 's', 'p'):
  case AB5('b', '.', 'i', '.', 'd'):
  case AB5('t', '.', 'i', '.', 'd'):
  case AB5('q', '.', 'i', '.', 'd'):
  case AB3('h', '.', 's'):
  case AB3('p', '.', 'o'):
  case AB4('p', 'h', '.', 'd'):
  case AB3('m', '.', 'd'):
  case AB3('d', '.', 'o'):
  case AB3('v', 'o', 'l'):
    return 1;
  default:
    return 0;
  }
}

/* Is the word ending just before position dot (exclusive) an abbreviation
 * that does not end a sentence? (A word longer than any abbreviation is
 * not read to its start.) */
static int is_abbrev(const char *s, size_t from, size_t dot) {
  size_t b = dot;
  while (b > from && dot - b <= ABBREV_MAX &&
         (ir_ascii_alpha((unsigned char)s[b - 1]) || s[b - 1] == '.'))
    b--;
  size_t n = dot - b;
  if (n == 0)
    return 0;
  if (n == 1 && ir_ascii_upper((unsigned char)s[b]))
    return 1; /* an initial: "J. Smith" */
  if (n > ABBREV_MAX)
    return 0;
  /* "etc." and "inc." end a sentence only before a capital; we only get
   * here before a capital, so they are ends (not in the list). */
  uint64_t w = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[b + i];
    w = w << 8 | ir_ascii_tolower(c);
  }
  return abbrev_word(w);
}

static int opens_sentence(unsigned char c) {
  return ir_ascii_upper(c) || ir_ascii_digit(c) || c == '"' || c == '(' ||
         c == '\'' || c >= 0x80;
}

/* Returns 1 when the terminator at s[i] ends a sentence; *after is the
 * position just past it (closing quotes/brackets included). */
static int ends_here(const char *s, size_t from, size_t to, size_t i,
                     size_t *after) {
  size_t j = i + 1;
  while (j < to && (s[j] == '"' || s[j] == ')' || s[j] == '\''))
    j++;
  *after = j;
  if (j >= to || s[j] == '\n')
    return 1;
  if (s[j] == ' ') {
    size_t k = j;
    while (k < to && s[k] == ' ')
      k++;
    if (k >= to || s[k] == '\n')
      return 1;
    if (!opens_sentence((unsigned char)s[k]))
      return 0;
    return s[i] != '.' || !is_abbrev(s, from, i);
  }
  /* glued: "management.The", "2014.Examination" */
  if (s[i] != '.' || j != i + 1 || j + 1 >= to)
    return 0;
  if (!ir_ascii_upper((unsigned char)s[j]) ||
      !ir_ascii_lower((unsigned char)s[j + 1]))
    return 0;
  size_t b = i;
  int letters = 0, digits = 0;
  while (b > from && (ir_ascii_alpha((unsigned char)s[b - 1]) ||
                      ir_ascii_digit((unsigned char)s[b - 1]))) {
    b--;
    if (ir_ascii_digit((unsigned char)s[b]))
      digits++;
    else if (ir_ascii_lower((unsigned char)s[b]))
      letters++;
    else
      letters += 0;
  }
  if (b > from && s[b - 1] == '.')
    return 0; /* "e.g.Then", "U.S.A" */
  return (letters >= 2 || digits >= 2) && !is_abbrev(s, from, i);
}

static void push1(ir_arena *a, ir_spanlist *out, const char *s, size_t b,
                  size_t e) {
  while (b < e && (s[b] == ' ' || s[b] == '\n'))
    b++;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n'))
    e--;
  if (e > b) {
    ir_span sp = {b, e};
    ir_vec_push(a, out, sp);
  }
}

/* A run-on "sentence" longer than IR_SENTENCE_MAX is cut at the last ';',
 * ',' or space before the limit, so that per-sentence work stays bounded
 * and scanning stays linear in the letter size. */
static void push(ir_arena *a, ir_spanlist *out, const char *s, size_t b,
                 size_t e) {
  while (e - b > IR_SENTENCE_MAX) {
    size_t cut = 0, lim = b + IR_SENTENCE_MAX;
    for (size_t p = lim; p > b + IR_SENTENCE_MAX / 2 && !cut; p--)
      if (s[p] == ';' || s[p] == ',')
        cut = p + 1;
    for (size_t p = lim; p > b + IR_SENTENCE_MAX / 2 && !cut; p--)
      if (s[p] == ' ')
        cut = p;
    if (!cut)
      cut = lim;
    push1(a, out, s, b, cut);
    b = cut;
  }
  push1(a, out, s, b, e);
}

/* Does the 8-byte word x hold the byte c? (A zero byte of x ^ c*ones:
 * the classic test, exact as to whether one exists.) */
static uint64_t has_byte(uint64_t x, unsigned char c) {
  const uint64_t ones = 0x0101010101010101ull;
  uint64_t y = x ^ (ones * c);
  return (y - ones) & ~y & (ones * 0x80);
}

/* The first byte at or after i in s[i, to) that may end a sentence ('\n',
 * '.', '!', '?'), or to; sixteen bytes at a time with SSE2, else eight. */
static size_t next_stop(const char *s, size_t i, size_t to) {
#ifdef __SSE2__
  const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.');
  const __m128i bang = _mm_set1_epi8('!'), qm = _mm_set1_epi8('?');
  while (i + 16 <= to) {
    __m128i v = _mm_loadu_si128((const void *)(s + i));
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dot)),
        _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, qm)));
    unsigned bits = (unsigned)_mm_movemask_epi8(m);
    if (bits)
      return i + (size_t)__builtin_ctz(bits);
    i += 16;
  }
#endif
  while (i + 8 <= to) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    if (has_byte(x, '\n') | has_byte(x, '.') | has_byte(x, '!') |
        has_byte(x, '?'))
      break;
    i += 8;
  }
  while (i < to && s[i] != '\n' && s[i] != '.' && s[i] != '!' && s[i] != '?')
    i++;
  return i;
}

void ir_sentences(ir_arena *a, const char *s, size_t from, size_t to,
                  ir_spanlist *out) {
  size_t start = from, i = from;
  while (i < to) {
    i = next_stop(s, i, to);
    if (i >= to)
      break;
    char c = s[i];
    if (c == '\n') {
      push(a, out, s, start, i);
      start = ++i;
      continue;
    }
    size_t after;
    if ((c == '.' || c == '!' || c == '?') &&
        ends_here(s, from, to, i, &after)) {
      push(a, out, s, start, after);
      start = i = after;
      continue;
    }
    i++;
  }
  push(a, out, s, start, to);
}
