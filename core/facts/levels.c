/* levels.c - spinal levels and sides named in text (see levels.h). */
#include "levels.h"

#include <ctype.h>
#include <string.h>

/* Segment index of a vertebra letter and number: C1-C8 0-7, T1-T12 8-19,
 * L1-L5 20-24, S1 25; -1 when none. */
static int segment(char l, long n) {
  switch (toupper((unsigned char)l)) {
  case 'C':
    return n >= 1 && n <= 8 ? (int)n - 1 : -1;
  case 'T':
    return n >= 1 && n <= 12 ? (int)n + 7 : -1;
  case 'L':
    return n >= 1 && n <= 5 ? (int)n + 19 : -1;
  case 'S':
    return n == 1 ? 25 : -1;
  }
  return -1;
}

static int word_byte(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* A vertebra at t[i]: its segment, *e past it; -1 when none. */
static int vertebra(const char *t, size_t i, size_t hi, size_t *e) {
  if (i >= hi || !strchr("CTLSctls", t[i]) || (i && word_byte(t[i - 1])))
    return -1;
  size_t j = i + 1;
  long n = 0;
  int d = 0;
  while (j < hi && isdigit((unsigned char)t[j]) && d < 2)
    n = n * 10 + (t[j++] - '0'), d++;
  if (!d || (j < hi &&
             (isalpha((unsigned char)t[j]) || isdigit((unsigned char)t[j]))))
    return -1;
  *e = j;
  return segment(t[i], n);
}

ir_levels ir_levels_in(const char *t, size_t lo, size_t hi) {
  ir_levels v = {0, 0, 0};
  for (size_t i = lo; i < hi; i++) {
    size_t e;
    int a = vertebra(t, i, hi, &e);
    if (a < 0)
      continue;
    /* a range: L4-5, L4-L5, L5-S1, L4/5, L4 to S1 */
    size_t j = e;
    while (j < hi && t[j] == ' ')
      j++;
    int b = -1;
    size_t k = j, e2 = 0;
    if (k < hi && (t[k] == '-' || t[k] == '/' || t[k] == '\xe2'))
      k += t[k] == '\xe2' ? 3 : 1;
    else if (k + 2 < hi && strncmp(t + k, "to", 2) == 0)
      k += 2;
    else
      k = hi;
    while (k < hi && t[k] == ' ')
      k++;
    if (k < hi && isdigit((unsigned char)t[k])) {
      long n = 0;
      size_t m = k;
      while (m < hi && isdigit((unsigned char)t[m]) && m - k < 2)
        n = n * 10 + (t[m++] - '0');
      if (m >= hi || !isalnum((unsigned char)t[m])) {
        b = segment(t[i], n);
        if (b < 0 && toupper((unsigned char)t[i]) == 'L' && n == 1)
          b = 25; /* L5-1 */
        e2 = m;
      }
    } else if (k < hi) {
      b = vertebra(t, k, hi, &e2);
    }
    if (b > a && b - a <= 8) { /* interspaces a..b-1 */
      for (int s = a; s < b; s++)
        v.spaces |= 1ull << s;
      i = e2 - 1;
    } else {
      v.roots |= 1ull << a;
      i = e - 1;
    }
  }
  /* sides */
  for (size_t i = lo; i + 4 <= hi; i++) {
    if (i > lo && word_byte(t[i - 1]))
      continue;
    if (strncasecmp(t + i, "bilateral", 9) == 0 ||
        strncasecmp(t + i, "b/l", 3) == 0)
      v.sides |= 3;
    else if (strncasecmp(t + i, "left", 4) == 0)
      v.sides |= 1;
    else if (i + 5 <= hi && strncasecmp(t + i, "right", 5) == 0)
      v.sides |= 2;
  }
  return v;
}

/* The interspaces a root touches: root s lies between s-1 and s. */
static uint64_t root_spaces(uint64_t roots) { return roots | (roots >> 1); }

int ir_levels_meet(const ir_levels *a, const ir_levels *b) {
  uint64_t as = a->spaces | root_spaces(a->roots);
  uint64_t bs = b->spaces | root_spaces(b->roots);
  if (as && bs && !(as & bs))
    return 0;
  if (a->sides && b->sides && a->sides != 3 && b->sides != 3 &&
      !(a->sides & b->sides))
    return 0;
  return 1;
}

int ir_levels_count(const ir_levels *v) {
  int n = __builtin_popcountll(v->spaces);
  if (!n)
    n = __builtin_popcountll(v->roots);
  return n;
}
