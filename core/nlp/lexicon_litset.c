/* lexicon_litset.c - sets of literals (ir_litset, see lexicon_int.h) for
 * lexicon_literals.c. */
#include <stdlib.h>
#include <string.h>

#include "lexicon_int.h"

typedef ir_litset litset;

void ir_lex_ls_free(litset *s) {
  for (size_t k = 0; k < s->n; k++)
    free(s->v[k]);
  free(s->v);
  free(s->f);
  memset(s, 0, sizeof *s);
}

/* Adds p[0, n) with flags f; a duplicate keeps the flags both have. */
int ir_lex_ls_push(litset *s, const char *p, size_t n, uint8_t f) {
  for (size_t k = 0; k < s->n; k++)
    if (strlen(s->v[k]) == n && memcmp(s->v[k], p, n) == 0) {
      s->f[k] &= f;
      return 0;
    }
  char **v = realloc(s->v, (s->n + 1) * sizeof *v);
  if (!v)
    return -1;
  s->v = v;
  uint8_t *fl = realloc(s->f, s->n + 1);
  if (!fl)
    return -1;
  s->f = fl;
  if (!(v[s->n] = strndup(p, n)))
    return -1;
  fl[s->n++] = f;
  return 0;
}

int ir_lex_ls_copy(litset *d, const litset *s) {
  memset(d, 0, sizeof *d);
  d->ok = 1;
  for (size_t k = 0; k < s->n; k++)
    if (ir_lex_ls_push(d, s->v[k], strlen(s->v[k]), s->f[k]) != 0) {
      ir_lex_ls_free(d);
      return -1;
    }
  return 0;
}

/* The worst literal's non-space length, plus one per boundary flag. */
size_t ir_lex_ls_score(const litset *s) {
  size_t m = (size_t)-1;
  for (size_t k = 0; k < s->n; k++) {
    size_t l = 0;
    for (const char *q = s->v[k]; *q; q++)
      l += *q != ' ';
    if (l)
      l += (s->f[k] & IR_LF_WS ? 1 : 0) + (s->f[k] & IR_LF_WE ? 1 : 0);
    if (l < m)
      m = l;
  }
  return s->ok && s->n ? m : 0;
}

/* Keeps the better of *best and *cand (cand is consumed). */
void ir_lex_ls_pick(litset *best, litset *cand) {
  size_t a = ir_lex_ls_score(best), b = ir_lex_ls_score(cand);
  if (b > a || (b == a && b && cand->n < best->n)) {
    ir_lex_ls_free(best);
    *best = *cand;
  } else {
    ir_lex_ls_free(cand);
  }
  memset(cand, 0, sizeof *cand);
}

/* Do sets a and b hold the same strings? */
int ir_lex_ls_same(const litset *a, const litset *b) {
  if (a->n != b->n)
    return 0;
  for (size_t k = 0; k < a->n; k++) {
    size_t j = 0;
    while (j < b->n && strcmp(a->v[k], b->v[j]) != 0)
      j++;
    if (j == b->n)
      return 0;
  }
  return 1;
}
