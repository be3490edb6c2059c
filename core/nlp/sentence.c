/* sentence.c - sentence splitter (see sentence.h). */
#include "sentence.h"

#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

static const char *const abbrevs[] = {
    "dr",  "mr",     "mrs", "ms",   "vs",    "e.g",   "i.e",   "eg",
    "ie",  "no",     "nos", "st",   "jr",    "sr",    "fig",   "p",
    "pp",  "approx", "yr",  "yrs",  "cf",    "prof",  "dept",  "u.s",
    "viz", "al",     "mt",  "hosp", "b.i.d", "t.i.d", "q.i.d", "h.s",
    "p.o", "ph.d",   "m.d", "d.o",  "vol"};

/* Is the word ending just before position dot (exclusive) an abbreviation
 * that does not end a sentence? */
static int is_abbrev(const char *s, size_t from, size_t dot) {
  size_t b = dot;
  while (b > from &&
         (ir_ascii_alpha((unsigned char)s[b - 1]) || s[b - 1] == '.'))
    b--;
  size_t n = dot - b;
  if (n == 0)
    return 0;
  if (n == 1 && ir_ascii_upper((unsigned char)s[b]))
    return 1; /* an initial: "J. Smith" */
  if (n > 8)
    return 0;
  char w[10];
  for (size_t i = 0; i < n; i++)
    w[i] = (char)(ir_ascii_upper((unsigned char)s[b + i]) ? s[b + i] | 0x20
                                                          : s[b + i]);
  w[n] = 0;
  /* "etc." and "inc." end a sentence only before a capital; we only get
   * here before a capital, so treat them as ends. */
  if (!strcmp(w, "etc") || !strcmp(w, "inc"))
    return 0;
  for (size_t i = 0; i < sizeof abbrevs / sizeof *abbrevs; i++)
    if (abbrevs[i][0] == w[0] && !strcmp(w, abbrevs[i]))
      return 1;
  return 0;
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
