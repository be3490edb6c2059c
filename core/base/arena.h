/* arena.h - per-letter bump allocator.
 * Contract: everything a letter's record owns is allocated from one arena and
 * released at once by ir_arena_reset()/ir_arena_free(). Allocation never
 * returns NULL: on out-of-memory the process prints an error and exits(3).
 * An arena is owned by one thread. */
#ifndef IR_ARENA_H
#define IR_ARENA_H
#include <stddef.h>

typedef struct ir_arena_block ir_arena_block;
typedef struct {
  ir_arena_block *head;  /* current block */
  ir_arena_block *spare; /* blocks kept for reuse after reset */
  size_t used_total;     /* bytes handed out since last reset */
} ir_arena;

void ir_arena_init(ir_arena *a);
void *ir_arena_alloc(ir_arena *a, size_t n); /* zeroed, 16-aligned */
/* p (old_n bytes, the last or any earlier allocation) as new_n bytes; the
 * added bytes are zeroed. */
void *ir_arena_grow(ir_arena *a, void *p, size_t old_n, size_t new_n);
/* Unzeroed variants: the caller writes every byte it later reads. */
void *ir_arena_alloc_raw(ir_arena *a, size_t n);
void *ir_arena_grow_raw(ir_arena *a, void *p, size_t old_n, size_t new_n);
char *ir_arena_strndup(ir_arena *a, const char *s, size_t n);
char *ir_arena_strdup(ir_arena *a, const char *s);
char *ir_arena_printf(ir_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ir_arena_reset(ir_arena *a); /* keeps at most a few blocks for reuse */
void ir_arena_free(ir_arena *a);

/* Growable array stored in an arena: IR_VEC(T) v; ir_vec_push(arena,&v,x).
 * Only v[0..n) is defined: spare capacity is not zeroed. */
#define IR_VEC(T)                                                              \
  struct {                                                                     \
    T *v;                                                                      \
    size_t n, cap;                                                             \
  }
#define ir_vec_reserve(A, VEC, NEED)                                           \
  do {                                                                         \
    if ((VEC)->n + (NEED) > (VEC)->cap) {                                      \
      size_t nc_ = (VEC)->cap ? (VEC)->cap * 2 : 8;                            \
      while (nc_ < (VEC)->n + (NEED))                                          \
        nc_ *= 2;                                                              \
      (VEC)->v =                                                               \
          ir_arena_grow_raw((A), (VEC)->v, (VEC)->cap * sizeof *(VEC)->v,      \
                            nc_ * sizeof *(VEC)->v);                           \
      (VEC)->cap = nc_;                                                        \
    }                                                                          \
  } while (0)
#define ir_vec_push(A, VEC, X)                                                 \
  do {                                                                         \
    ir_vec_reserve((A), (VEC), 1);                                             \
    (VEC)->v[(VEC)->n++] = (X);                                                \
  } while (0)

#endif
