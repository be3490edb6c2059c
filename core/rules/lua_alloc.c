/* lua_alloc.c - the counting allocator of the rule states and the process
 * budget they share (see lua_alloc.h). */
#include "lua_alloc.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* ---- counting allocator ------------------------------------------------
 * Blocks of up to POOL_MAX bytes come from per-state free lists of 16-byte
 * size classes (Lua gives every block's size back when it frees or resizes
 * it); a class with no free block takes a new one from the state's current
 * chunk (CHUNK bytes from malloc, carved in order), so a growing state calls
 * malloc once per chunk rather than once per block. Larger blocks come from
 * malloc. `used` counts the sizes Lua asked for, so the cap is what it was;
 * chunks are freed with the state. */

/* ---- the process budget ---------------------------------------------------
 * All states together may hold at most `budget_cap` bytes. Each state
 * reserves from the shared count in quanta of QUANT bytes (one atomic
 * operation per quantum, none per block), gives back what it no longer uses
 * after each call (ir_lua_box_call, through ir_lua_mem_unreserve) and
 * everything when it closes. */

#define QUANT ((size_t)256 << 10)

static atomic_size_t budget_used;
static atomic_size_t budget_cap = IR_RULE_MEMORY_TOTAL;

void ir_lua_budget_set(size_t total) { atomic_store(&budget_cap, total); }

static void limit_update(ir_lua_mem *m) {
  m->limit = m->reserved < m->cap ? m->reserved : m->cap;
}

/* Reserves so that `total` bytes are covered; 0 when the budget is spent. */
static int reserve(ir_lua_mem *m, size_t total) {
  if (total <= m->reserved)
    return 1;
  size_t grow = (total - m->reserved + QUANT - 1) / QUANT * QUANT;
  size_t now = atomic_fetch_add(&budget_used, grow) + grow;
  if (now > atomic_load(&budget_cap)) {
    atomic_fetch_sub(&budget_used, grow);
    m->budget_refused = 1;
    return 0;
  }
  m->reserved += grow;
  limit_update(m);
  return 1;
}

/* Gives back the reservation beyond what is used (plus one quantum). */
void ir_lua_mem_unreserve(ir_lua_mem *m, size_t keep) {
  size_t want = keep ? (m->used + QUANT - 1) / QUANT * QUANT + QUANT : 0;
  if (m->reserved > want) {
    atomic_fetch_sub(&budget_used, m->reserved - want);
    m->reserved = want;
    limit_update(m);
  }
}

#define CHUNK (16u << 10)
#define CHUNK_HEAD 16 /* the chunk list link; keeps blocks 16-byte aligned */

static size_t pool_class(size_t n) { return (n - 1) / POOL_STEP; }

/* A block of class c, or NULL when malloc fails. */
static void *pool_get(ir_lua_mem *m, size_t c) {
  void *p = m->pool[c];
  if (p) {
    m->pool[c] = *(void **)p;
    return p;
  }
  size_t size = (c + 1) * POOL_STEP;
  if ((size_t)(m->bump_end - m->bump) < size) {
    char *chunk = malloc(CHUNK);
    if (!chunk)
      return NULL;
    *(void **)chunk = m->chunks;
    m->chunks = chunk;
    m->bump = chunk + CHUNK_HEAD;
    m->bump_end = chunk + CHUNK;
  }
  p = m->bump;
  m->bump += size;
  return p;
}

static void pool_put(ir_lua_mem *m, void *p, size_t n) {
  size_t c = pool_class(n);
  *(void **)p = m->pool[c];
  m->pool[c] = p;
}

static void release(ir_lua_mem *m, void *p, size_t n) {
  if (n <= POOL_MAX)
    pool_put(m, p, n);
  else
    free(p);
}

/* Frees the chunks (after lua_close). */
void ir_lua_mem_drain(ir_lua_mem *m) {
  while (m->chunks) {
    void *p = m->chunks;
    m->chunks = *(void **)p;
    free(p);
  }
  memset(m->pool, 0, sizeof m->pool);
  m->bump = m->bump_end = NULL;
  ir_lua_mem_unreserve(m, 0);
}

/* A block of nsize bytes holding the first bytes of ptr (old bytes), or
 * NULL (ptr untouched). */
static void *resize(ir_lua_mem *m, void *ptr, size_t old, size_t nsize) {
  if (old > POOL_MAX && nsize > POOL_MAX)
    return realloc(ptr, nsize);
  if (ptr && old <= POOL_MAX && nsize <= POOL_MAX &&
      pool_class(old) == pool_class(nsize))
    return ptr;
  void *p = nsize <= POOL_MAX ? pool_get(m, pool_class(nsize)) : malloc(nsize);
  if (p && ptr) {
    memcpy(p, ptr, old < nsize ? old : nsize);
    release(m, ptr, old);
  }
  return p;
}

/* Every case of ir_lua_mem_alloc (the common ones have a fast path there). */
static void *alloc_slow(ir_lua_mem *m, void *ptr, size_t old, size_t nsize) {
  if (nsize == 0) {
    if (ptr)
      release(m, ptr, old);
    m->used -= old;
    return NULL;
  }
  if (nsize > old &&
      (nsize - old > m->cap || m->used + (nsize - old) > m->cap ||
       !reserve(m, m->used + (nsize - old)))) {
    m->refused = 1;
    return NULL;
  }
  void *p = resize(m, ptr, old, nsize);
  if (!p) {
    if (nsize <= old) { /* a shrink must not fail: keep the old block */
      m->used -= old - nsize;
      return ptr;
    }
    m->refused = 1;
    return NULL;
  }
  m->used = m->used - old + nsize;
  if (m->used > m->peak)
    m->peak = m->used;
  return p;
}

/* Fast paths: a new small block within the cap and the reservation,
 * freeing a small block. used <= limit always, so limit - used cannot
 * wrap. */
void *ir_lua_mem_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  ir_lua_mem *m = ud;
  if (!ptr) { /* osize is a type tag */
    if (nsize - 1 < POOL_MAX && nsize <= m->limit - m->used) {
      void *p = pool_get(m, pool_class(nsize));
      if (p) {
        m->used += nsize;
        if (m->used > m->peak)
          m->peak = m->used;
        return p;
      }
    }
    return alloc_slow(m, NULL, 0, nsize);
  }
  if (nsize == 0 && osize <= POOL_MAX) {
    pool_put(m, ptr, osize);
    m->used -= osize;
    return NULL;
  }
  return alloc_slow(m, ptr, osize, nsize);
}

void ir_lua_mem_init(ir_lua_mem *m, size_t cap) {
  memset(m, 0, sizeof *m);
  m->cap = cap;
  limit_update(m);
}

size_t ir_lua_budget_cap(void) { return atomic_load(&budget_cap); }
