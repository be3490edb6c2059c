/* arena.c - per-letter bump allocator (see arena.h). */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcode.h"

struct ir_arena_block {
  ir_arena_block *next;
  size_t size, used;
  _Alignas(16) unsigned char data[];
};

enum { BLOCK_MIN = 64 * 1024, SPARE_MAX = 4 };

static void oom(void) { ir_exit_nomem(); }

void ir_arena_init(ir_arena *a) { memset(a, 0, sizeof *a); }

static ir_arena_block *new_block(ir_arena *a, size_t need) {
  ir_arena_block **pp = &a->spare;
  for (; *pp; pp = &(*pp)->next) {
    if ((*pp)->size >= need) {
      ir_arena_block *b = *pp;
      *pp = b->next;
      b->used = 0;
      return b;
    }
  }
  size_t size = need < BLOCK_MIN ? BLOCK_MIN : need;
  ir_arena_block *b = malloc(sizeof *b + size);
  if (!b)
    oom();
  b->size = size;
  b->used = 0;
  return b;
}

void *ir_arena_alloc_raw(ir_arena *a, size_t n) {
  if (n == 0)
    n = 1;
  size_t need = (n + 15) & ~(size_t)15;
  if (need < n)
    oom();
  ir_arena_block *b = a->head;
  if (!b || b->size - b->used < need) {
    size_t want = need;
    if (b && b->size * 2 > want && b->size < (SIZE_MAX / 4))
      want = b->size * 2 > need ? b->size * 2 : need;
    b = new_block(a, want);
    b->next = a->head;
    a->head = b;
  }
  void *p = b->data + b->used;
  b->used += need;
  a->used_total += need;
  return p;
}

void *ir_arena_alloc(ir_arena *a, size_t n) {
  void *p = ir_arena_alloc_raw(a, n);
  memset(p, 0, n ? n : 1);
  return p;
}

void *ir_arena_grow_raw(ir_arena *a, void *p, size_t old_n, size_t new_n) {
  if (new_n <= old_n)
    return p;
  ir_arena_block *b = a->head;
  size_t old_need = (old_n + 15) & ~(size_t)15;
  size_t new_need = (new_n + 15) & ~(size_t)15;
  /* extend in place when p is the last allocation of the current block */
  if (p && b && (unsigned char *)p + old_need == b->data + b->used &&
      b->size - b->used >= new_need - old_need) {
    b->used += new_need - old_need;
    a->used_total += new_need - old_need;
    return p;
  }
  void *q = ir_arena_alloc_raw(a, new_n);
  if (p && old_n)
    memcpy(q, p, old_n);
  return q;
}

void *ir_arena_grow(ir_arena *a, void *p, size_t old_n, size_t new_n) {
  if (new_n <= old_n)
    return p;
  unsigned char *q = ir_arena_grow_raw(a, p, old_n, new_n);
  memset(q + old_n, 0, new_n - old_n);
  return q;
}

char *ir_arena_strndup(ir_arena *a, const char *s, size_t n) {
  char *d = ir_arena_alloc_raw(a, n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

char *ir_arena_strdup(ir_arena *a, const char *s) {
  return ir_arena_strndup(a, s, strlen(s));
}

char *ir_arena_printf(ir_arena *a, const char *fmt, ...) {
  if (!fmt)
    return ir_arena_strdup(a, "");
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return ir_arena_strdup(a, "");
  char *d = ir_arena_alloc(a, (size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(d, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return d;
}

void ir_arena_reset(ir_arena *a) {
  ir_arena_block *b = a->head;
  size_t kept = 0;
  for (ir_arena_block *s = a->spare; s; s = s->next)
    kept++;
  while (b) {
    ir_arena_block *next = b->next;
    if (kept < SPARE_MAX && b->size <= 16 * BLOCK_MIN) {
      b->next = a->spare;
      a->spare = b;
      kept++;
    } else {
      free(b);
    }
    b = next;
  }
  a->head = NULL;
  a->used_total = 0;
}

void ir_arena_free(ir_arena *a) {
  ir_arena_reset(a);
  while (a->spare) {
    ir_arena_block *n = a->spare->next;
    free(a->spare);
    a->spare = n;
  }
}
