/* dates.c - calendar dates as letters write them, to ISO yyyy-mm-dd.
 *
 * Accepted at the start of the input (leading spaces skipped): "3/9/09",
 * "03/09/2009", "3-9-2009", "3.9.2009" (US month/day/year; two-digit years
 * pivot at 50: 09 -> 2009, 96 -> 1996), "2009-02-18", "February 18, 2009",
 * "Feb. 18, 2009", "Feb 18th 2009", "18 February 2009". The date must not run
 * on into more digits or letters ("3/9/091" fails). ir_scan_date() returns
 * the bytes consumed (0 when no date starts there); ir_parse_date() returns
 * 1 or 0. Both validate month and day against the calendar. */
#include "dates.h"

#include <string.h>

#include "segment.h"

static const char *const months[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int valid(int y, int m, int d) {
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1)
    return 0;
  return d <= mdays[m - 1] + (m == 2 && leap(y));
}

static int emit(int y, int m, int d, char out[11]) {
  if (!valid(y, m, d))
    return 0;
  out[0] = (char)('0' + y / 1000);
  out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10);
  out[4] = '-';
  out[5] = (char)('0' + m / 10);
  out[6] = (char)('0' + m % 10);
  out[7] = '-';
  out[8] = (char)('0' + d / 10);
  out[9] = (char)('0' + d % 10);
  out[10] = 0;
  return 1;
}

/* ASCII classes (what ctype does in the C locale the program runs in,
 * without the locale lookups). */
/* Reads up to max digits at s[*i]; returns the count read (value in *v). */
static int digits(const char *s, size_t n, size_t *i, int max, int *v) {
  int k = 0;
  *v = 0;
  while (*i < n && k < max && ir_ascii_digit((unsigned char)s[*i])) {
    *v = *v * 10 + (s[*i] - '0');
    (*i)++;
    k++;
  }
  return k;
}

static int ends_clean(const char *s, size_t n, size_t i) {
  return i >= n || !(ir_ascii_alpha((unsigned char)s[i]) ||
                     ir_ascii_digit((unsigned char)s[i]));
}

static size_t scan_numeric(const char *s, size_t n, size_t i, char out[11]) {
  int a, b, c;
  int ka = digits(s, n, &i, 4, &a);
  if (ka == 0 || i >= n)
    return 0;
  char sep = s[i];
  if (sep != '/' && sep != '-' && sep != '.')
    return 0;
  i++;
  int kb = digits(s, n, &i, 2, &b);
  if (kb == 0 || i >= n || s[i] != sep)
    return 0;
  i++;
  int kc = digits(s, n, &i, 4, &c);
  if (!ends_clean(s, n, i) || (i < n && s[i] == sep))
    return 0;
  if (ka == 4) { /* yyyy-mm-dd */
    if (kc == 0 || kc > 2)
      return 0;
    return emit(a, b, c, out) ? i : 0;
  }
  if (ka > 2 || (kc != 2 && kc != 4))
    return 0;
  if (kc == 2)
    c += c <= 50 ? 2000 : 1900;
  return emit(c, a, b, out) ? i : 0;
}

/* The months whose first three letters s[j, j + 3) are (a 0-terminated
 * list of 1-based months, from the first that fits), or NULL. */
static const unsigned char *month_prefix(const char *s, size_t n, size_t j) {
  /* the months starting with each letter, 1-based, 0-terminated */
  static const unsigned char by_initial[26][4] = {
      ['a' - 'a'] = {4, 8},    ['d' - 'a'] = {12},   ['f' - 'a'] = {2},
      ['j' - 'a'] = {1, 6, 7}, ['m' - 'a'] = {3, 5}, ['n' - 'a'] = {11},
      ['o' - 'a'] = {10},      ['s' - 'a'] = {9}};
  unsigned l = j < n ? (unsigned)(((unsigned char)s[j] | 0x20) - 'a') : 26;
  if (l >= 26 || !by_initial[l][0] || j + 2 >= n)
    return NULL; /* no month starts with this byte, or too short */
  unsigned char c1 = ir_ascii_tolower((unsigned char)s[j + 1]),
                c2 = ir_ascii_tolower((unsigned char)s[j + 2]);
  const unsigned char *c = by_initial[l];
  while (*c && (months[*c - 1][1] != c1 || months[*c - 1][2] != c2))
    c++;
  return *c ? c : NULL;
}

/* Month name (full, or 3+ letter abbreviation, optional '.') at s[*i]:
 * the whole word (letters, at most 15) is a month name, its first three
 * letters, or "sept". */
static int month_at(const char *s, size_t n, size_t *i) {
  static const unsigned char mlen[12] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
  size_t j = *i, k = 0;
  char w[16];
  const unsigned char *c = month_prefix(s, n, j);
  if (!c)
    return 0; /* the first three letters are no month's */
  while (j < n && ir_ascii_alpha((unsigned char)s[j]) && k < sizeof w - 1)
    w[k++] = (char)ir_ascii_tolower((unsigned char)s[j++]);
  if (k < 3 || k > 9 || (j < n && ir_ascii_alpha((unsigned char)s[j])))
    return 0;       /* (no month name is longer than 9 letters) */
  for (; *c; c++) { /* from the first candidate whose prefix matched */
    int m = *c - 1;
    size_t ml = mlen[m];
    if (k > ml || !(k == ml || k == 3 || (m == 8 && k == 4)) ||
        memcmp(w, months[m], k) != 0)
      continue;
    if (j < n && s[j] == '.')
      j++;
    *i = j;
    return m + 1;
  }
  return 0;
}

static void skip_spaces(const char *s, size_t n, size_t *i) {
  while (*i < n && s[*i] == ' ')
    (*i)++;
}

static void skip_ordinal(const char *s, size_t n, size_t *i) {
  if (*i + 1 < n && ir_ascii_alpha((unsigned char)s[*i]) &&
      ir_ascii_alpha((unsigned char)s[*i + 1]) &&
      (*i + 2 >= n || !ir_ascii_alpha((unsigned char)s[*i + 2]))) {
    char a = (char)ir_ascii_tolower((unsigned char)s[*i]),
         b = (char)ir_ascii_tolower((unsigned char)s[*i + 1]);
    if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
        (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
      *i += 2;
  }
}

static size_t scan_named(const char *s, size_t n, size_t i, char out[11]) {
  int m, d, y;
  size_t j = i;
  if ((m = month_at(s, n, &j))) { /* February 18, 2009 */
    skip_spaces(s, n, &j);
    if (!digits(s, n, &j, 2, &d))
      return 0;
    skip_ordinal(s, n, &j);
    if (j < n && s[j] == ',')
      j++;
    skip_spaces(s, n, &j);
    if (digits(s, n, &j, 4, &y) != 4 || !ends_clean(s, n, j))
      return 0;
    return emit(y, m, d, out) ? j : 0;
  }
  if (!digits(s, n, &j, 2, &d)) /* 18 February 2009 */
    return 0;
  skip_ordinal(s, n, &j);
  skip_spaces(s, n, &j);
  if (!(m = month_at(s, n, &j)))
    return 0;
  if (j < n && s[j] == ',')
    j++;
  skip_spaces(s, n, &j);
  if (digits(s, n, &j, 4, &y) != 4 || !ends_clean(s, n, j))
    return 0;
  return emit(y, m, d, out) ? j : 0;
}

size_t ir_scan_date(const char *s, size_t n, char out[11]) {
  size_t i = 0;
  if (!s)
    return 0;
  skip_spaces(s, n, &i);
  if (i >= n)
    return 0;
  size_t r = 0;
  if (ir_ascii_digit((unsigned char)s[i]))
    r = scan_numeric(s, n, i, out);
  if (!r)
    r = scan_named(s, n, i, out);
  return r;
}

#define IR_MONTH_INITIAL(c) [c] = 2, [c - 32] = 2
const unsigned char ir_date_first[256] = {['0'] = 1,
                                          ['1'] = 1,
                                          ['2'] = 1,
                                          ['3'] = 1,
                                          ['4'] = 1,
                                          ['5'] = 1,
                                          ['6'] = 1,
                                          ['7'] = 1,
                                          ['8'] = 1,
                                          ['9'] = 1,
                                          IR_MONTH_INITIAL('a'),
                                          IR_MONTH_INITIAL('d'),
                                          IR_MONTH_INITIAL('f'),
                                          IR_MONTH_INITIAL('j'),
                                          IR_MONTH_INITIAL('m'),
                                          IR_MONTH_INITIAL('n'),
                                          IR_MONTH_INITIAL('o'),
                                          IR_MONTH_INITIAL('s')};
#undef IR_MONTH_INITIAL

int ir_month_prefix_at(const char *s, size_t n) {
  return month_prefix(s, n, 0) != NULL;
}

int ir_parse_date(const char *s, size_t n, char out[11]) {
  return ir_scan_date(s, n, out) != 0;
}
