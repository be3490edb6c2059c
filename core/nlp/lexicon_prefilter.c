/* lexicon_prefilter.c - builds the literal prefilter of the lexicon
 * sections (see ir_lexicon_scan in lexicon.h): literals every match of a
 * fragment must contain (lexicon_literals.c), compiled into an
 * Aho-Corasick DFA that lexicon_scan.c runs over each sentence; and the
 * same over a subset of the sections (ir_lexicon_subset). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "lexicon_int.h"

typedef ir_clauses clauses;

/* --- Aho-Corasick over the literals ----------------------------------- */
typedef struct {
  int32_t *next; /* [state * ncls + cls] -> state (a full DFA) */
  int32_t *fail;
  int32_t *parent; /* in the trie (-1 for the root) */
  uint8_t *depth;
  size_t n, cap;
  uint32_t *pst, *pid; /* (state, clause) output pairs */
  uint8_t *pfl;        /* and their flags */
  size_t np, pcap;
} ac_build;

static int ac_state(ac_build *b, int ncls, int depth, int32_t parent) {
  if (b->n == b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 256;
    int32_t *nx = realloc(b->next, nc * (size_t)ncls * sizeof *nx);
    if (nx)
      b->next = nx;
    int32_t *fl = realloc(b->fail, nc * sizeof *fl);
    if (fl)
      b->fail = fl;
    int32_t *pa = realloc(b->parent, nc * sizeof *pa);
    if (pa)
      b->parent = pa;
    uint8_t *dp = realloc(b->depth, nc);
    if (dp)
      b->depth = dp;
    if (!nx || !fl || !pa || !dp)
      return -1;
    b->cap = nc;
  }
  for (int c = 0; c < ncls; c++)
    b->next[b->n * (size_t)ncls + (size_t)c] = -1;
  b->fail[b->n] = 0;
  b->parent[b->n] = parent;
  b->depth[b->n] = (uint8_t)depth;
  return (int)b->n++;
}

static void ac_dfa_free(ac_dfa *d) {
  free(d->next);
  free(d->rfirst);
  free(d->rent);
  memset(d, 0, sizeof *d);
}

/* The build's per-state tables (the scan keeps only its own). */
static void free_build_tables(ir_lexicon *lx) {
  free(lx->ac_report);
  free(lx->ac_dict);
  free(lx->ac_ofirst);
  free(lx->ac_oids);
  free(lx->ac_oflag);
  free(lx->ac_depth);
  lx->ac_report = lx->ac_dict = NULL;
  lx->ac_ofirst = lx->ac_oids = NULL;
  lx->ac_oflag = lx->ac_depth = NULL;
}

void ir_lex_prefilter_free(ir_lexicon *lx) {
  ac_dfa_free(&lx->ac);
  ac_dfa_free(&lx->sub);
  free_build_tables(lx);
  free(lx->frag_init);
  free(lx->frag_sec);
  free(lx->frag_need);
  free(lx->frag_c0);
  free(lx->clause_frag);
  free(lx->frag_pre);
  lx->frag_pre = NULL;
  free(lx->frag_code);
  lx->frag_code = NULL;
  for (size_t g = 0; lx->frag_lit && g < lx->nfrags; g++)
    free(lx->frag_lit[g]);
  free(lx->frag_lit);
  free(lx->frag_litf);
  lx->frag_lit = NULL;
  lx->frag_litf = NULL;
  lx->frag_need = NULL;
  lx->frag_c0 = NULL;
  lx->clause_frag = NULL;
  lx->nclauses = 0;
  lx->frag_sec = NULL;
  lx->init_mask = 0;
  lx->frag_init = NULL;
}

/* Adds one literal of clause id (with its flags) to the trie. */
static int ac_add(ac_build *b, const ir_lexicon *lx, const char *lit,
                  uint32_t id, uint8_t flags) {
  int32_t st = 0;
  size_t nc = (size_t)lx->ac_ncls;
  int d = 0;
  for (const unsigned char *q = (const unsigned char *)lit; *q; q++) {
    d++;
    if (b->next[(size_t)st * nc + lx->ac_cls[*q]] < 0) {
      int ns = ac_state(b, lx->ac_ncls, d, st);
      if (ns < 0)
        return -1;
      b->next[(size_t)st * nc + lx->ac_cls[*q]] = ns;
    }
    st = b->next[(size_t)st * nc + lx->ac_cls[*q]];
  }
  if (b->np == b->pcap) {
    size_t c2 = b->pcap ? b->pcap * 2 : 256;
    uint32_t *x = realloc(b->pst, c2 * sizeof *x);
    if (x)
      b->pst = x;
    uint32_t *y = realloc(b->pid, c2 * sizeof *y);
    if (y)
      b->pid = y;
    uint8_t *z = realloc(b->pfl, c2);
    if (z)
      b->pfl = z;
    if (!x || !y || !z)
      return -1;
    b->pcap = c2;
  }
  b->pst[b->np] = (uint32_t)st;
  b->pfl[b->np] = flags;
  b->pid[b->np++] = id;
  return 0;
}

/* The outputs per state (CSR, with their flags). */
static int ac_outputs(ac_build *b, ir_lexicon *lx) {
  lx->ac_ofirst = calloc(b->n + 1, sizeof *lx->ac_ofirst);
  lx->ac_oids = malloc((b->np + 1) * sizeof *lx->ac_oids);
  lx->ac_oflag = malloc(b->np + 1);
  uint32_t *cur = malloc((b->n + 1) * sizeof *cur);
  if (!lx->ac_ofirst || !lx->ac_oids || !lx->ac_oflag || !cur) {
    free(cur);
    return -1;
  }
  for (size_t k = 0; k < b->np; k++)
    lx->ac_ofirst[b->pst[k] + 1]++;
  for (size_t st = 0; st < b->n; st++)
    lx->ac_ofirst[st + 1] += lx->ac_ofirst[st];
  for (size_t st = 0; st < b->n; st++)
    cur[st] = lx->ac_ofirst[st];
  for (size_t k = 0; k < b->np; k++) {
    lx->ac_oflag[cur[b->pst[k]]] = b->pfl[k];
    lx->ac_oids[cur[b->pst[k]]++] = b->pid[k];
  }
  free(cur);
  return 0;
}

/* Fail links by breadth-first order, turning the trie into a DFA; then
 * the links to the nearest suffix state with outputs. */
static int ac_finish(ac_build *b, ir_lexicon *lx) {
  size_t ncls = (size_t)lx->ac_ncls;
  int32_t *queue = malloc(b->n * sizeof *queue);
  lx->ac_report = malloc(b->n * sizeof *lx->ac_report);
  lx->ac_dict = malloc(b->n * sizeof *lx->ac_dict);
  if (!queue || !lx->ac_report || !lx->ac_dict || ac_outputs(b, lx) != 0) {
    free(queue);
    return -1;
  }
#define HAS_OUT(st) (lx->ac_ofirst[(st) + 1] > lx->ac_ofirst[st])
  size_t qh = 0, qt = 0;
  lx->ac_dict[0] = -1;
  lx->ac_report[0] = HAS_OUT(0) ? 0 : -1;
  for (size_t c = 0; c < ncls; c++) {
    int32_t v = b->next[c];
    if (v < 0)
      b->next[c] = 0;
    else
      b->fail[v] = 0, queue[qt++] = v;
  }
  while (qh < qt) {
    int32_t u = queue[qh++], f = b->fail[u];
    lx->ac_dict[u] = HAS_OUT(f) && f != 0 ? f : lx->ac_dict[f];
    lx->ac_report[u] = HAS_OUT(u) ? u : lx->ac_dict[u];
    for (size_t c = 0; c < ncls; c++) {
      size_t k = (size_t)u * ncls + c;
      int32_t t = b->next[(size_t)f * ncls + c];
      if (b->next[k] < 0)
        b->next[k] = t;
      else
        b->fail[b->next[k]] = t, queue[qt++] = b->next[k];
    }
  }
#undef HAS_OUT
  free(queue);
  return 0;
}

/* The report list of build state d: the outputs of d and of its
 * dictionary suffixes, in that order, as entries (see ac_dfa); writes them
 * at out (when not NULL), returns how many. */
static size_t ac_rlist(const ir_lexicon *lx, int32_t d, uint32_t *out) {
  size_t m = 0;
  for (; d >= 0; d = lx->ac_dict[d])
    for (uint32_t o = lx->ac_ofirst[d]; o < lx->ac_ofirst[d + 1]; o++, m++) {
      uint32_t q = lx->ac_oids[o];
      if (out)
        out[m] = q << AC_Q_SHIFT |
                 (lx->frag_pre[lx->clause_frag[q]] == q ? AC_PRE : 0) |
                 (uint32_t)lx->ac_depth[d] << 2 | lx->ac_oflag[o];
    }
  return m;
}

/* Renumbers the DFA for the scan (see ac_dfa in lexicon_int.h): states
 * without outputs first, then those with (from rep_lo on). In each group
 * the shallow states (depth <= DENSE_DEPTH), where the scan mostly is,
 * come first by depth, sharing few cache lines; then the deeper ones in
 * the trie's preorder, so that reading a long literal walks consecutive
 * rows (which the hardware prefetches) rather than one row per depth
 * group, each a cache miss. The table is cut into planes of 32 columns:
 * the first holds whitespace and the letters (see ac_classes) of every
 * state, one cache line per state, so the rows the scan mostly reads are
 * half as far apart. Then the report lists. 0 or -1. */
#define DENSE_DEPTH 4
#define HUGE_PAGE ((size_t)2 << 20)

/* The scan's table, rows on cache lines; *bytes is rounded up. A table of
 * a megabyte or more (the full automaton) goes on huge pages where the
 * system has them: every byte of text reads a row, and the rows are too
 * far apart for the TLB to cover them with 4 KiB pages. */
static uint16_t *table_alloc(size_t *bytes) {
#ifdef MADV_HUGEPAGE
  if (*bytes >= HUGE_PAGE / 2) {
    *bytes = (*bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    uint16_t *p = aligned_alloc(HUGE_PAGE, *bytes);
    if (p)
      madvise(p, *bytes, MADV_HUGEPAGE); /* a hint: failure is harmless */
    return p;
  }
#endif
  return aligned_alloc(64, *bytes);
}
static int ac_renumber(ac_build *b, ir_lexicon *lx, ac_dfa *d) {
  size_t n = b->n, ncls = (size_t)lx->ac_ncls;
  const int sh = 5;
  size_t np = (ncls + ((size_t)1 << sh) - 1) >> sh; /* planes */
  if (!n || n > UINT16_MAX || lx->nclauses >= 1u << (32 - AC_Q_SHIFT))
    return -1;
  uint32_t *id = malloc(n * sizeof *id), *ord = malloc(n * sizeof *ord);
  uint32_t *kid0 = calloc(n + 1, sizeof *kid0),
           *kids = malloc(n * sizeof *kids);
  size_t bytes = ((np * n << sh) * sizeof(uint16_t) + 63) & ~(size_t)63;
  uint16_t *nx = table_alloc(&bytes);
  size_t cnt[2 * (DENSE_DEPTH + 2) + 1] = {0}, sp = 0, k = 0;
  if (!id || !ord || !kid0 || !kids || !nx) {
    free(id);
    free(ord);
    free(kid0);
    free(kids);
    free(nx);
    return -1;
  }
  /* the trie's preorder: children lists from the parents, then a walk
   * with ord as the stack of states to visit (kids[] as the output) */
  for (size_t u = 1; u < n; u++)
    kid0[b->parent[u] + 1]++;
  for (size_t u = 1; u <= n; u++)
    kid0[u] += kid0[u - 1];
  memset(id, 0, n * sizeof *id); /* cursors, children in creation order */
  for (size_t u = 1; u < n; u++) {
    size_t p = (size_t)b->parent[u];
    kids[kid0[p] + id[p]++] = (uint32_t)u;
  }
  uint32_t *pre = id; /* reused: the preorder, filled before id is */
  ord[sp++] = 0;
  while (sp) {
    uint32_t u = ord[--sp];
    pre[k++] = u;
    for (size_t x = kid0[u + 1]; x-- > kid0[u];) /* the first child next */
      ord[sp++] = kids[x];
  }
  memcpy(ord, pre, n * sizeof *ord);
  free(kid0);
  free(kids);
#define GROUP(u)                                                               \
  ((size_t)(lx->ac_report[u] >= 0) * (DENSE_DEPTH + 2) +                       \
   (lx->ac_depth[u] <= DENSE_DEPTH ? lx->ac_depth[u] : DENSE_DEPTH + 1))
  for (size_t u = 0; u < n; u++) /* counting sort by group */
    cnt[GROUP(u) + 1]++;
  for (size_t x = 1; x < sizeof cnt / sizeof *cnt; x++)
    cnt[x] += cnt[x - 1];
  d->rep_lo = (uint32_t)cnt[DENSE_DEPTH + 2];
  for (size_t u = 0; u < n; u++)
    if (lx->ac_depth[u] <= DENSE_DEPTH)
      id[u] = (uint32_t)cnt[GROUP(u)]++;
  for (size_t x = 0; x < n; x++)
    if (lx->ac_depth[ord[x]] > DENSE_DEPTH)
      id[ord[x]] = (uint32_t)cnt[GROUP(ord[x])]++;
#undef GROUP
  free(ord);
  memset(nx, 0, bytes);
  for (size_t u = 0; u < n; u++) {
    const int32_t *from = b->next + u * ncls;
    for (size_t p = 0, c = 0; p < np; p++) { /* plane p: classes 32p.. */
      uint16_t *row = nx + ((p * n + id[u]) << sh);
      size_t ce = (p + 1) << sh < ncls ? (p + 1) << sh : ncls;
      for (; c < ce; c++)
        row[c & 31] = (uint16_t)id[from[c]];
    }
  }
  for (int c = 0; c < 256; c++)
    d->off[c] =
        (uint32_t)(((lx->ac_cls[c] >> sh) * n << sh) + (lx->ac_cls[c] & 31));
  d->start = id[0];
  d->shift = sh;
  size_t nrep = n - d->rep_lo, tot = 0;
  d->rfirst = malloc((nrep + 1) * sizeof *d->rfirst);
  for (size_t u = 0; d->rfirst && u < n; u++)
    if (id[u] >= d->rep_lo)
      tot += d->rfirst[id[u] - d->rep_lo] =
          (uint32_t)ac_rlist(lx, lx->ac_report[u], NULL);
  d->rent = malloc((tot + 1) * sizeof *d->rent);
  if (!d->rfirst || !d->rent || tot >= UINT32_MAX) {
    free(id);
    free(nx);
    return -1;
  }
  for (size_t r = 0, at = 0; r <= nrep; r++) { /* counts to offsets */
    size_t m = r < nrep ? d->rfirst[r] : 0;
    d->rfirst[r] = (uint32_t)at;
    at += m;
  }
  for (size_t u = 0; u < n; u++)
    if (id[u] >= d->rep_lo)
      ac_rlist(lx, lx->ac_report[u], d->rent + d->rfirst[id[u] - d->rep_lo]);
  free(id);
  d->next = nx;
  return 0;
}

/* Byte classes: one per byte of a literal (letters caseless), every
 * whitespace byte in the class of ' '; and the word/space kinds. Class 0
 * is every other byte; ' ' and the letters come first so that in each
 * row of the scan's table (see ac_renumber) the columns of the bytes
 * most text is made of share one cache line. */
static void ac_classes(ir_lexicon *lx, const clauses *sets, size_t nf) {
  uint8_t used[256] = {0};
  for (size_t g = 0; g < nf; g++)
    for (size_t c = 0; c < sets[g].n; c++)
      for (size_t j = 0; j < sets[g].v[c].n; j++)
        for (const unsigned char *q = (unsigned char *)sets[g].v[c].v[j]; *q;
             q++)
          used[*q] = 1;
  memset(lx->ac_cls, 0, sizeof lx->ac_cls);
  lx->ac_cls[' '] = 1; /* whitespace: its own class */
  lx->ac_ncls = 2;
  for (int c = 'a'; c <= 'z'; c++)
    if (used[c])
      lx->ac_cls[c] = (uint8_t)lx->ac_ncls++;
  for (size_t g = 0; g < nf; g++)
    for (size_t c = 0; c < sets[g].n; c++)
      for (size_t j = 0; j < sets[g].v[c].n; j++)
        for (const unsigned char *q = (unsigned char *)sets[g].v[c].v[j]; *q;
             q++)
          if (!lx->ac_cls[*q] && lx->ac_ncls < 255)
            lx->ac_cls[*q] = (uint8_t)lx->ac_ncls++;
  for (int c = 0; c < 256; c++) {
    int word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9') || c == '_';
    int space = c == ' ' || (c >= 9 && c <= 13);
    lx->ac_kind[c] = (uint8_t)(word ? 1 : space ? 2 : 0);
    if (c >= 'A' && c <= 'Z')
      lx->ac_cls[c] = lx->ac_cls[c + 32];
    if (space)
      lx->ac_cls[c] = lx->ac_cls[' '];
  }
}

/* The automaton d over the literals of the clauses of the fragments of
 * the sections in want (clause ids in fragment order, numbered here when
 * want is every section); 0 or -1. */
static int ac_build_all(ir_lexicon *lx, const clauses *sets, size_t nf,
                        ir_secmask want, ac_dfa *d) {
  ac_build b = {0};
  int fail = lx->ac_ncls >= 255 || ac_state(&b, lx->ac_ncls, 0, -1) < 0;
  int all = want == IR_SEC_ALL;
  if (all)
    lx->nclauses = 0;
  for (size_t g = 0; !fail && g < nf; g++) {
    if (all) {
      lx->frag_c0[g] = (uint32_t)lx->nclauses;
      lx->frag_pre[g] = sets[g].pre >= 0 && (size_t)sets[g].pre < sets[g].n
                            ? (uint32_t)(lx->nclauses + (size_t)sets[g].pre)
                            : UINT32_MAX;
      for (size_t c = 0; c < sets[g].n; c++)
        lx->clause_frag[lx->nclauses++] = (uint32_t)g;
    }
    if (!(want & IR_SEC_BIT(lx->frag_sec[g])))
      continue;
    for (size_t c = 0; !fail && c < sets[g].n; c++) {
      uint32_t id = lx->frag_c0[g] + (uint32_t)c;
      for (size_t j = 0; !fail && j < sets[g].v[c].n; j++)
        fail = ac_add(&b, lx, sets[g].v[c].v[j], id, sets[g].v[c].f[j]) != 0;
    }
  }
  if (!fail && !(fail = ac_finish(&b, lx) != 0)) {
    lx->ac_depth = b.depth;
    b.depth = NULL;
    fail = ac_renumber(&b, lx, d) != 0;
  }
  free(b.next);
  free(b.fail);
  free(b.parent);
  free(b.depth);
  free(b.pst);
  free(b.pid);
  free(b.pfl);
  free_build_tables(lx); /* only the scan's tables are kept */
  return fail ? -1 : 0;
}

/* Is re exactly the fragment of literal lit with flags f, as lexicon.c
 * writes a literal entry: \b when IR_LF_WS, each ' ' as \s+, the bytes
 * of "\\^$.|?*+()[]{}/#" escaped, \b when IR_LF_WE? Letters compare
 * caseless (the fragments are caseless), escapes exactly. 1 when so,
 * 2 when re is that followed by \w* (a word ending, "radicul*"), else 0. */
static int is_literal_re(const char *re, const char *lit, uint8_t f) {
  char buf[4 * IR_LIT_MAX + 8];
  size_t n = 0;
  if (f & IR_LF_WS)
    buf[n++] = '\\', buf[n++] = 'b';
  for (const char *q = lit; *q; q++) {
    if (*q == ' ') {
      memcpy(buf + n, "\\s+", 3);
      n += 3;
      continue;
    }
    if (strchr("\\^$.|?*+()[]{}/#", *q))
      buf[n++] = '\\';
    buf[n++] = *q;
  }
  if (f & IR_LF_WE)
    buf[n++] = '\\', buf[n++] = 'b';
  buf[n] = 0;
  if (lit[0] == ' ' || !lit[0] || lit[strlen(lit) - 1] == ' ')
    return 0;
  for (size_t i = 0; i < n; i++) {
    if (buf[i] == '\\') { /* an escape: both bytes exactly */
      if (re[i] != '\\' || re[i + 1] != buf[i + 1])
        return 0;
      i++;
      continue;
    }
    unsigned char a = (unsigned char)re[i], b = (unsigned char)buf[i];
    if ((a >= 'A' && a <= 'Z' ? a + 32 : a) != b)
      return 0;
  }
  if (re[n] == 0)
    return 1;
  return !(f & IR_LF_WE) && strcmp(re + n, "\\w*") == 0 ? 2 : 0;
}

/* Builds the prefilter: the clauses of each fragment, the automaton. A
 * section with a fragment the literal parser does not understand is
 * matched whole; on failure every fragment is a candidate everywhere. */
void ir_lex_build_prefilter(ir_lexicon *lx) {
  ir_lex_prefilter_free(lx);
  lx->nfrags = 0;
  for (int i = 0; i < lx->nsec; i++) {
    lx->sec[i].base = lx->nfrags;
    lx->nfrags += lx->sec[i].n;
  }
  size_t nf = lx->nfrags;
  clauses *sets = calloc(nf + 1, sizeof *sets);
  lx->frag_init = calloc(nf + 1, 1);
  lx->frag_sec = calloc(nf + 1, 1);
  lx->frag_need = calloc(nf + 1, 1);
  lx->frag_c0 = calloc(nf + 1, sizeof *lx->frag_c0);
  lx->clause_frag = calloc(nf * IR_LIT_CLAUSES + 1, sizeof *lx->clause_frag);
  lx->frag_pre = calloc(nf + 1, sizeof *lx->frag_pre);
  lx->frag_lit = calloc(nf + 1, sizeof *lx->frag_lit);
  lx->frag_litf = calloc(nf + 1, 1);
  lx->frag_code = calloc(nf + 1, sizeof *lx->frag_code);
  int fail = !sets || !lx->frag_init || !lx->frag_sec || !lx->frag_need ||
             !lx->frag_c0 || !lx->clause_frag || !lx->frag_pre ||
             !lx->frag_lit || !lx->frag_litf || !lx->frag_code;
  for (int i = 0; i < lx->nsec; i++) {
    lex_section *sc = &lx->sec[i];
    sc->whole = fail;
    for (size_t k = 0; k < sc->n; k++)
      if (!sc->v[k].code)
        sc->whole = 1;
  }
  for (int i = 0; !fail && i < lx->nsec; i++) {
    lex_section *sc = &lx->sec[i];
    for (size_t k = 0; k < sc->n; k++) {
      int understood = 0;
      clauses *cs = &sets[sc->base + k];
      ir_lex_fragment_clauses(sc->v[k].re, &understood, cs);
      if (!understood)
        sc->whole = 1;
      lx->frag_sec[sc->base + k] = (uint8_t)i;
      lx->frag_code[sc->base + k] = sc->v[k].code;
      lx->frag_need[sc->base + k] = (uint8_t)cs->n;
      int lit = understood && cs->n == 1 && cs->v[0].n == 1
                    ? is_literal_re(sc->v[k].re, cs->v[0].v[0], cs->v[0].f[0])
                    : 0;
      if (lit) {
        lx->frag_lit[sc->base + k] = strdup(cs->v[0].v[0]);
        lx->frag_litf[sc->base + k] =
            (uint8_t)(cs->v[0].f[0] | (lit == 2 ? IR_LF_TAIL : 0));
      }
      if (!cs->n) {
        lx->frag_init[sc->base + k] = 1;
        lx->init_mask |= IR_SEC_BIT(i);
      }
    }
  }
  if (!fail)
    ac_classes(lx, sets, nf);
  fail = fail || ac_build_all(lx, sets, nf, IR_SEC_ALL, &lx->ac) != 0;
  if (!fail && lx->sub_want &&
      ac_build_all(lx, sets, nf, lx->sub_want, &lx->sub) != 0)
    ac_dfa_free(&lx->sub); /* ir_lexicon_scan_only uses ac then */
  for (size_t g = 0; sets && g < nf; g++)
    ir_lex_clauses_free(&sets[g]);
  free(sets);
  if (fail) {
    for (int i = 0; i < lx->nsec; i++)
      lx->sec[i].whole = 1;
    ir_lex_prefilter_free(lx); /* no prefilter: every fragment is a
                                  candidate */
  }
  for (int i = 0; i < IR_LEX_MAX; i++) { /* (how each section is matched) */
    size_t base = 0, n = 0;
    lx->sinfo[i].how = ir_lexicon_sec_info(lx, i, &base, &n);
    lx->sinfo[i].base = (uint32_t)base;
    lx->sinfo[i].n = (uint32_t)n;
  }
}

void ir_lexicon_subset(ir_lexicon *lx, ir_secmask want) { lx->sub_want = want; }
