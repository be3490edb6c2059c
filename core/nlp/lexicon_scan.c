/* lexicon_scan.c - the scan of the lexicon prefilter (see ir_lexicon_scan
 * in lexicon.h) and what it leaves for the fragments: one pass of an
 * Aho-Corasick DFA built by lexicon_prefilter.c over a sentence. The pass
 * reads a run of whitespace as one ' ' (as the literals do) and checks
 * the word-boundary flags of each literal found: the byte before
 * (IR_LF_WS) or after it (IR_LF_WE) must not be a word byte, or lie
 * outside the sentence. */
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lexicon_int.h"

size_t ir_lexicon_nfrags(const ir_lexicon *lx) { return lx->nfrags; }

/* seen: [0, nfrags) candidates; then (aligned) the scan generation, a
 * number each scan increments, and a spare word; per fragment its
 * generation << 8 | the count of its clauses satisfied in that scan; per
 * clause the generation of the scan that last satisfied it and the end of
 * its last literal found then; per clause the start and the end of its
 * earliest literal found (kept for prefix clauses only, valid while the
 * clause is satisfied); then the count of the candidates and their ids
 * (ir_lexicon_cands; the next scan resets their seen bytes through it);
 * then a bitmap of the candidates found, zero between scans (the list
 * is read off it in increasing order, with no sort).
 * Stale generations stand for zero counts and unsatisfied clauses, so a
 * scan costs no pass over the fragments or clauses it touched. */
#define GEN_MAX (1u << 24) /* (the generation fits above a count) */

static size_t gen_off(const ir_lexicon *lx) {
  return (lx->nfrags + 7) & ~(size_t)7;
}
static size_t cl_off(const ir_lexicon *lx) {
  return gen_off(lx) + 8 + 4 * ((lx->nfrags + 1) & ~(size_t)1);
}

static const uint32_t *clause_rec(const ir_lexicon *lx, const uint8_t *seen) {
  return (const uint32_t *)(const void *)(seen + cl_off(lx));
}

static uint32_t *cand_list(const ir_lexicon *lx, const uint8_t *seen) {
  return (uint32_t *)(void *)(seen + cl_off(lx) + 16 * lx->nclauses);
}

static size_t bm_off(const ir_lexicon *lx) {
  return (cl_off(lx) + 16 * lx->nclauses + 4 * (lx->nfrags + 1) + 7) &
         ~(size_t)7;
}

size_t ir_lexicon_scratch(const ir_lexicon *lx) {
  return bm_off(lx) + 8 * ((lx->nfrags + 63) / 64) + 8;
}

typedef struct {
  uint8_t *seen;
  uint32_t *fcnt; /* per fragment: gen << 8 | satisfied clauses */
  uint32_t *cl;   /* per clause: gen, end of the last literal */
  uint32_t *pf;   /* per clause: start, end + 1 of the earliest literal */
  uint64_t *bm;   /* the candidates found, a bit each */
  const unsigned char *s;
  uint32_t gen;
  ir_secmask m;
} scan_st;

/* The literals of the report list of scan state st end at source byte
 * end (a state of d). Their starts: pos holds the source offsets of the last 64
 * stream symbols (longer than any literal), k of them so far; NULL when the
 * stream is the text itself (no run of whitespace to read as one ' ').
 * The byte before a literal starting with a word byte is its previous
 * stream symbol or a skipped whitespace byte, the byte after one ending
 * with a word byte its next symbol: both are read in s. */
/* (inlined into the scan loops: it runs for a good part of the bytes) */
static inline __attribute__((always_inline)) void
report(const ir_lexicon *lx, const ac_dfa *d, scan_st *w, uint32_t st,
       uint32_t end, size_t n, const uint32_t *pos, uint32_t k) {
  const uint32_t *e = d->rent + d->rfirst[st - d->rep_lo];
  const uint32_t *ee = d->rent + d->rfirst[st - d->rep_lo + 1];
  /* the byte after is the same for every literal of the list: IR_LF_WE
   * when it is a word byte, and entries with that flag are left out */
  const uint32_t no_we =
      end + 1 < n && lx->ac_kind[w->s[end + 1]] == 1 ? IR_LF_WE : 0;
  const uint32_t gen = w->gen;
  for (; e < ee; e++) {
    uint32_t x = *e, len = x >> 2 & 63;
    if (x & no_we)
      continue;
    uint32_t start = pos ? pos[(k - len) & 63] : end + 1 - len;
    if ((x & IR_LF_WS) && start > 0 && lx->ac_kind[w->s[start - 1]] == 1)
      continue;
    uint32_t q = x >> AC_Q_SHIFT, *c = w->cl + 2 * q, *p = w->pf + 2 * q;
    if (c[0] == gen) { /* (any order of the calls: see scan_split) */
      if (end > c[1])
        c[1] = end;
      if ((x & AC_PRE) && (start < p[0] || (start == p[0] && end < p[1]))) {
        p[0] = start;
        p[1] = end + 1;
      }
      continue;
    }
    c[0] = gen;
    c[1] = end;
    if (x & AC_PRE) {
      p[0] = start;
      p[1] = end + 1;
    }
    uint32_t g = lx->clause_frag[q], v = w->fcnt[g];
    v = (v >> 8 == gen ? v : gen << 8) + 1;
    w->fcnt[g] = v;
    if ((v & 255) == lx->frag_need[g]) {
      w->bm[g >> 6] |= (uint64_t)1 << (g & 63);
      w->m |= IR_SEC_BIT(lx->frag_sec[g]);
    }
  }
}

/* May s[0, n) hold a run of whitespace (two bytes or more)? Normalized
 * text does not. Eight bytes at a time: two adjacent bytes whose low
 * seven bits are <= ' ' (whitespace, but also a few control and UTF-8
 * bytes: then 1 too, which is only slower). */
static int maybe_space_run(const unsigned char *s, size_t n) {
  const uint64_t hi = 0x8080808080808080ull, lo = 0x2121212121212121ull;
  uint64_t carry = 0;
  size_t i = 0;
#ifdef __SSE2__
  /* sixteen at a time: the bytes whose low seven bits are <= ' ' */
  const __m128i low7 = _mm_set1_epi8(0x7f), sp = _mm_set1_epi8(' ');
  unsigned c16 = 0; /* the last byte's bit, for the next block's first */
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_and_si128(_mm_loadu_si128((const void *)(s + i)), low7);
    unsigned le = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_min_epu8(v, sp), v)); /* v <= ' ' */
    if (le & (le << 1 | c16))
      return 1;
    c16 = le >> 15;
  }
  carry = c16 ? 0x80 : 0;
#endif
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    uint64_t le = ~((x | hi) - lo) & hi; /* per byte: (b & 0x7f) <= ' ' */
    if ((le & (le << 8 | carry)) != 0)
      return 1;
    carry = le >> 56; /* the last byte's bit, for the next word's first */
  }
  for (; i < n; i++) {
    uint64_t le = (s[i] & 0x7f) <= ' ' ? 0x80 : 0;
    if (le & carry)
      return 1;
    carry = le;
  }
  return 0;
}

/* The scan of a text with runs of whitespace: each run is one stream
 * symbol; literals are reported as soon as their last symbol is read. */
static void scan_runs(const ir_lexicon *lx, const ac_dfa *d, scan_st *w,
                      size_t n) {
  const uint16_t *next = d->next;
  const uint32_t *off = d->off;
  const uint32_t sp = off[' ']; /* every whitespace byte's, no other's */
  uint32_t pos[64], k = 0, st = d->start;
  uint32_t prev = 0; /* column of the last stream symbol */
  for (size_t i = 0; i < n; i++) {
    uint32_t c = off[w->s[i]];
    if (c == sp && prev == sp)
      continue;
    prev = c;
    pos[k++ & 63] = (uint32_t)i;
    st = next[(st << d->shift) + c];
    if (st >= d->rep_lo)
      report(lx, d, w, st, (uint32_t)i, n, pos, k);
  }
}

/* Each step of the scan waits for the table load of the previous one,
 * often a cache miss: a longer text without whitespace runs is scanned as
 * two chains at once, A over [0, mid) and B from mid - SPLIT_LEAD on,
 * reporting from mid. An automaton's state depends only on the last bytes
 * read, so B's state soon equals the state of a scan from the start;
 * until then it stands for a suffix of it and reports a subset of its
 * literals. A goes on past mid, reporting, until its state equals B's
 * (kept in bst). Literals are thus reported out of order, some twice;
 * report's result does not depend on that. */
#define SPLIT_MIN 64
#define SPLIT_LEAD 16

static void scan_split(const ir_lexicon *lx, const ac_dfa *d, scan_st *w,
                       size_t n) {
  const uint16_t *next = d->next;
  const uint32_t *off = d->off;
  const unsigned char *s = w->s;
  const uint32_t rep_lo = d->rep_lo;
  const int sh = d->shift;
  size_t mid = (n + SPLIT_LEAD) / 2, b0 = mid - SPLIT_LEAD, i;
  uint32_t sa = d->start, sb = d->start, bst[64];
  for (size_t j = 0; j < mid; j++) { /* both chains, one byte each */
    i = b0 + j;
    sa = next[(sa << sh) + off[s[j]]];
    sb = next[(sb << sh) + off[s[i]]];
    if (sa >= rep_lo)
      report(lx, d, w, sa, (uint32_t)j, n, NULL, 0);
    if (i >= mid) {
      if (sb >= rep_lo)
        report(lx, d, w, sb, (uint32_t)i, n, NULL, 0);
      if (i - mid < 64)
        bst[i - mid] = sb;
    }
  }
  for (i = b0 + mid; i < n; i++) {
    sb = next[(sb << sh) + off[s[i]]];
    if (sb >= rep_lo)
      report(lx, d, w, sb, (uint32_t)i, n, NULL, 0);
    if (i - mid < 64)
      bst[i - mid] = sb;
  }
  for (i = mid; i < n; i++) { /* A until it meets B */
    sa = next[(sa << sh) + off[s[i]]];
    if (i - mid < 64 && sa == bst[i - mid])
      break;
    if (sa >= rep_lo)
      report(lx, d, w, sa, (uint32_t)i, n, NULL, 0);
  }
}

/* The candidates of bitmap bm (nw words) into seen and the list v (v[-1]
 * of them, in increasing order); clears bm. */
static void take_cands(uint64_t *bm, size_t nw, uint8_t *seen, uint32_t *v) {
  uint32_t n = 0;
  for (size_t i = 0; i < nw; i++) {
    uint64_t b = bm[i];
    if (!b)
      continue;
    bm[i] = 0;
    do {
      uint32_t g = (uint32_t)(i * 64) + (uint32_t)__builtin_ctzll(b);
      seen[g] = 1;
      v[n++] = g;
      b &= b - 1;
    } while (b);
  }
  v[-1] = n;
}

/* The scan with automaton d (want: the sections it covers). */
static ir_secmask scan_with(const ir_lexicon *lx, const ac_dfa *d,
                            ir_secmask want, const char *s, size_t n,
                            uint8_t *seen) {
  scan_st w;
  uint32_t *gp = (uint32_t *)(void *)(seen + gen_off(lx));
  w.seen = seen;
  w.fcnt = gp + 2;
  w.cl = (uint32_t *)(void *)(seen + cl_off(lx));
  w.pf = w.cl + 2 * lx->nclauses;
  w.bm = (uint64_t *)(void *)(seen + bm_off(lx));
  uint32_t *cands = cand_list(lx, seen) + 1;
  w.s = (const unsigned char *)s;
  w.m = lx->init_mask & want;
  if (++*gp == GEN_MAX) { /* every generation used: all stale again */
    memset(w.fcnt, 0, (size_t)((uint8_t *)w.pf - (uint8_t *)w.fcnt));
    *gp = 1;
  }
  w.gen = *gp;
  /* the last scan's candidates are all the seen bytes set */
  for (uint32_t j = 0; j < cands[-1]; j++)
    seen[cands[j]] = 0;
  if (lx->init_mask) {
    for (uint32_t g = 0; g < lx->nfrags; g++)
      if (lx->frag_init[g])
        w.bm[g >> 6] |= (uint64_t)1 << (g & 63);
  }
  if (maybe_space_run(w.s, n)) {
    scan_runs(lx, d, &w, n);
  } else if (n >= SPLIT_MIN) {
    scan_split(lx, d, &w, n);
  } else { /* the same with the stream the text itself */
    const uint16_t *next = d->next;
    const uint32_t *off = d->off;
    const uint32_t rep_lo = d->rep_lo;
    const int sh = d->shift;
    uint32_t st = d->start;
    for (size_t i = 0; i < n; i++) {
      st = next[(st << sh) + off[w.s[i]]];
      if (st >= rep_lo)
        report(lx, d, &w, st, (uint32_t)i, n, NULL, 0);
    }
  }
  take_cands(w.bm, (lx->nfrags + 63) / 64, seen, cands);
  return w.m;
}

ir_secmask ir_lexicon_scan(const ir_lexicon *lx, const char *s, size_t n,
                           uint8_t *seen) {
  if (!lx->ac.next) {
    memset(seen, 1, lx->nfrags);
    uint32_t *v = cand_list(lx, seen);
    v[0] = (uint32_t)lx->nfrags;
    for (uint32_t g = 0; g < lx->nfrags; g++)
      v[1 + g] = g;
    return IR_SEC_ALL;
  }
  return scan_with(lx, &lx->ac, IR_SEC_ALL, s, n, seen);
}

ir_secmask ir_lexicon_scan_only(const ir_lexicon *lx, ir_secmask want,
                                const char *s, size_t n, uint8_t *seen) {
  if (lx->ac.next && lx->sub.next && want == lx->sub_want)
    return scan_with(lx, &lx->sub, want, s, n, seen);
  return ir_lexicon_scan(lx, s, n, seen) & want;
}

size_t ir_lexicon_frag_last(const ir_lexicon *lx, const uint8_t *seen,
                            size_t g) {
  if (!lx->ac.next || g >= lx->nfrags || !lx->frag_need[g])
    return (size_t)-1;
  const uint32_t *cl = clause_rec(lx, seen);
  size_t m = (size_t)-1;
  for (uint32_t q = lx->frag_c0[g]; q < lx->frag_c0[g] + lx->frag_need[g]; q++)
    if (cl[2 * q + 1] < m)
      m = cl[2 * q + 1];
  return m;
}

size_t ir_lexicon_frag_first(const ir_lexicon *lx, const uint8_t *seen,
                             size_t g, size_t *end) {
  *end = 0;
  if (!lx->ac.next || g >= lx->nfrags || lx->frag_pre[g] == UINT32_MAX)
    return 0;
  const uint32_t *pf = clause_rec(lx, seen) + 2 * lx->nclauses;
  *end = pf[2 * lx->frag_pre[g] + 1];
  return pf[2 * lx->frag_pre[g]];
}

const char *ir_lexicon_frag_literal(const ir_lexicon *lx, size_t g, int *ws,
                                    int *we) {
  if (!lx->frag_lit || g >= lx->nfrags || !lx->frag_lit[g] ||
      (lx->frag_litf[g] & IR_LF_TAIL))
    return NULL;
  *ws = (lx->frag_litf[g] & IR_LF_WS) != 0;
  *we = (lx->frag_litf[g] & IR_LF_WE) != 0;
  return lx->frag_lit[g];
}

const uint32_t *ir_lexicon_cands(const ir_lexicon *lx, const uint8_t *seen,
                                 size_t *n) {
  const uint32_t *v = cand_list(lx, seen);
  *n = v[0];
  return v + 1;
}

void ir_lexicon_cand_info(const ir_lexicon *lx, const uint8_t *seen, uint32_t g,
                          ir_frag_info *fi) {
  uint32_t lf = lx->frag_litf[g], pre = lx->frag_pre[g],
           need = lx->frag_need[g];
  fi->code = lx->frag_code[g];
  fi->lit = lx->frag_lit[g];
  fi->ws = (lf & IR_LF_WS) != 0;
  fi->we = (lf & IR_LF_WE) != 0;
  fi->tail = (lf & IR_LF_TAIL) != 0;
  fi->from = fi->fend = 0;
  fi->last = (size_t)-1;
  const uint32_t *cl = clause_rec(lx, seen);
  if (pre != UINT32_MAX) {
    const uint32_t *pf = cl + 2 * (lx->nclauses + pre);
    fi->from = pf[0];
    fi->fend = pf[1];
  }
  if (need) {
    const uint32_t *q = cl + 2 * lx->frag_c0[g] + 1;
    uint32_t m = q[0];
    for (uint32_t x = 1; x < need; x++)
      if (q[2 * x] < m)
        m = q[2 * x];
    fi->last = m;
  }
}

int ir_lexicon_sec_info(const ir_lexicon *lx, int id, size_t *base, size_t *n) {
  if (id < 0 || id >= lx->nsec || !lx->sec[id].code)
    return -1;
  *base = lx->sec[id].base;
  *n = lx->sec[id].n;
  return lx->sec[id].whole || !lx->sec[id].n || !lx->sec[id].v[0].code;
}

static int word_byte(unsigned char c) {
  return (unsigned char)((c | 0x20) - 'a') < 26 ||
         (unsigned char)(c - '0') < 10 || c == '_';
}
static int space_byte(unsigned char c) {
  return c == ' ' || (c >= 9 && c <= 13);
}

/* The end of the run of word bytes from p in text[0, e). */
static size_t word_end(const char *text, size_t e, size_t p) {
  while (p < e && word_byte((unsigned char)text[p]))
    p++;
  return p;
}

size_t ir_lexicon_literal_at(const char *lit, int ws, int we, int tail,
                             const char *text, size_t e, size_t at,
                             size_t found_end) {
  if (ws && at > 0 && word_byte((unsigned char)text[at - 1]))
    return 0;
  /* the scan found it here with its word boundaries, but for the byte
   * before the sentence (taken as a non-word byte, checked above) */
  if (found_end)
    return tail ? word_end(text, e, found_end) : found_end;
  size_t p = at;
  for (const char *q = lit; *q; q++) {
    if (*q == ' ') { /* \s+ */
      if (p >= e || !space_byte((unsigned char)text[p]))
        return 0;
      while (p < e && space_byte((unsigned char)text[p]))
        p++;
      continue;
    }
    unsigned char b = p < e ? (unsigned char)text[p] : 0;
    if (p >= e || (b >= 'A' && b <= 'Z' ? b + 32 : b) != (unsigned char)*q)
      return 0;
    p++;
  }
  if (we && p < e && word_byte((unsigned char)text[p]))
    return 0;
  return tail ? word_end(text, e, p) : p;
}

const ir_sec_info *ir_lexicon_sec_infos(const ir_lexicon *lx) {
  return lx->sinfo;
}

size_t ir_lexicon_frag_base(const ir_lexicon *lx, int id) {
  return id >= 0 && id < lx->nsec ? lx->sec[id].base : 0;
}

const pcre2_code *ir_lexicon_frag_code(const ir_lexicon *lx, int id, size_t k) {
  if (id < 0 || id >= lx->nsec || lx->sec[id].whole || k >= lx->sec[id].n)
    return NULL;
  return lx->sec[id].v[k].code;
}
