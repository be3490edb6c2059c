/* lexicon_prefilter.c - the literal prefilter of the lexicon sections
 * (see ir_lexicon_scan in lexicon.h): literals every match of a fragment
 * must contain (lexicon_literals.c), found with one Aho-Corasick pass per
 * sentence. The pass reads a run of whitespace as one ' ' (as the
 * literals do) and checks the word-boundary flags of each literal found:
 * the byte before (IR_LF_WS) or after it (IR_LF_WE) must not be a word
 * byte, or lie outside the sentence. A literal is reported one byte late,
 * once the byte after it is known. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_int.h"

typedef ir_clauses clauses;

/* --- Aho-Corasick over the literals ----------------------------------- */
typedef struct {
  int32_t *next; /* [state * ncls + cls] -> state (a full DFA) */
  int32_t *fail;
  uint8_t *depth;
  size_t n, cap;
  uint32_t *pst, *pid; /* (state, clause) output pairs */
  uint8_t *pfl;        /* and their flags */
  size_t np, pcap;
} ac_build;

static int ac_state(ac_build *b, int ncls, int depth) {
  if (b->n == b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 256;
    int32_t *nx = realloc(b->next, nc * (size_t)ncls * sizeof *nx);
    if (nx)
      b->next = nx;
    int32_t *fl = realloc(b->fail, nc * sizeof *fl);
    if (fl)
      b->fail = fl;
    uint8_t *dp = realloc(b->depth, nc);
    if (dp)
      b->depth = dp;
    if (!nx || !fl || !dp)
      return -1;
    b->cap = nc;
  }
  for (int c = 0; c < ncls; c++)
    b->next[b->n * (size_t)ncls + (size_t)c] = -1;
  b->fail[b->n] = 0;
  b->depth[b->n] = (uint8_t)depth;
  return (int)b->n++;
}

void ir_lex_prefilter_free(ir_lexicon *lx) {
  free(lx->ac_next);
  free(lx->ac_rfirst);
  free(lx->ac_rent);
  lx->ac_rfirst = lx->ac_rent = NULL;
  free(lx->ac_report);
  free(lx->ac_dict);
  free(lx->ac_ofirst);
  free(lx->ac_oids);
  free(lx->ac_oflag);
  free(lx->ac_depth);
  free(lx->frag_init);
  free(lx->frag_sec);
  free(lx->frag_need);
  free(lx->frag_c0);
  free(lx->clause_frag);
  free(lx->frag_pre);
  lx->frag_pre = NULL;
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
  lx->ac_next = NULL;
  lx->ac_report = lx->ac_dict = NULL;
  lx->ac_ofirst = lx->ac_oids = NULL;
  lx->ac_oflag = lx->ac_depth = NULL;
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
      int ns = ac_state(b, lx->ac_ncls, d);
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
 * dictionary suffixes, in that order, each clause << 8 | literal length
 * << 2 | IR_LF_* flags; writes them at out (when not NULL), returns how
 * many. */
static size_t ac_rlist(const ir_lexicon *lx, int32_t d, uint32_t *out) {
  size_t m = 0;
  for (; d >= 0; d = lx->ac_dict[d])
    for (uint32_t o = lx->ac_ofirst[d]; o < lx->ac_ofirst[d + 1]; o++, m++)
      if (out)
        out[m] = lx->ac_oids[o] << 8 | (uint32_t)lx->ac_depth[d] << 2 |
                 lx->ac_oflag[o];
  return m;
}

/* Renumbers the DFA for the scan (see ir_lexicon in lexicon_int.h):
 * states without outputs first, each group by depth, so that the shallow
 * states the scan mostly visits share few cache lines; then the report
 * lists. 0 or -1. */
static int ac_renumber(ac_build *b, ir_lexicon *lx) {
  size_t n = b->n, ncls = (size_t)lx->ac_ncls;
  int sh = 0;
  while (((size_t)1 << sh) < ncls)
    sh++;
  if (!n || n > UINT16_MAX || lx->nclauses >= 1u << 24)
    return -1;
  uint32_t *id = malloc(n * sizeof *id);
  size_t bytes = ((n << sh) * sizeof(uint16_t) + 63) & ~(size_t)63;
  uint16_t *nx = aligned_alloc(64, bytes); /* rows on cache lines */
  size_t cnt[2 * 256 + 1] = {0};
  if (!id || !nx) {
    free(id);
    free(nx);
    return -1;
  }
  for (size_t u = 0; u < n; u++) /* counting sort by (reports, depth) */
    cnt[(lx->ac_report[u] >= 0) * 256 + lx->ac_depth[u] + 1]++;
  for (size_t x = 1; x <= 2 * 256; x++)
    cnt[x] += cnt[x - 1];
  lx->ac_rep_lo = (uint32_t)cnt[256];
  for (size_t u = 0; u < n; u++)
    id[u] = (uint32_t)cnt[(lx->ac_report[u] >= 0) * 256 + lx->ac_depth[u]]++;
  memset(nx, 0, bytes);
  for (size_t u = 0; u < n; u++)
    for (size_t c = 0; c < ncls; c++)
      nx[(size_t)id[u] << sh | c] = (uint16_t)id[b->next[u * ncls + c]];
  lx->ac_start = id[0];
  lx->ac_shift = sh;
  size_t nrep = n - lx->ac_rep_lo, tot = 0;
  lx->ac_rfirst = malloc((nrep + 1) * sizeof *lx->ac_rfirst);
  for (size_t u = 0; lx->ac_rfirst && u < n; u++)
    if (id[u] >= lx->ac_rep_lo)
      tot += lx->ac_rfirst[id[u] - lx->ac_rep_lo] =
          (uint32_t)ac_rlist(lx, lx->ac_report[u], NULL);
  lx->ac_rent = malloc((tot + 1) * sizeof *lx->ac_rent);
  if (!lx->ac_rfirst || !lx->ac_rent || tot >= UINT32_MAX) {
    free(id);
    free(nx);
    return -1;
  }
  for (size_t r = 0, at = 0; r <= nrep; r++) { /* counts to offsets */
    size_t m = r < nrep ? lx->ac_rfirst[r] : 0;
    lx->ac_rfirst[r] = (uint32_t)at;
    at += m;
  }
  for (size_t u = 0; u < n; u++)
    if (id[u] >= lx->ac_rep_lo)
      ac_rlist(lx, lx->ac_report[u],
               lx->ac_rent + lx->ac_rfirst[id[u] - lx->ac_rep_lo]);
  free(id);
  lx->ac_next = nx;
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

/* The automaton over every clause's literals (clause ids in fragment
 * order); 0 or -1. */
static int ac_build_all(ir_lexicon *lx, const clauses *sets, size_t nf) {
  ac_build b = {0};
  int fail = lx->ac_ncls >= 255 || ac_state(&b, lx->ac_ncls, 0) < 0;
  lx->nclauses = 0;
  for (size_t g = 0; !fail && g < nf; g++) {
    lx->frag_c0[g] = (uint32_t)lx->nclauses;
    lx->frag_pre[g] = sets[g].pre >= 0 && (size_t)sets[g].pre < sets[g].n
                          ? (uint32_t)(lx->nclauses + (size_t)sets[g].pre)
                          : UINT32_MAX;
    for (size_t c = 0; !fail && c < sets[g].n; c++) {
      uint32_t id = (uint32_t)lx->nclauses++;
      lx->clause_frag[id] = (uint32_t)g;
      for (size_t j = 0; !fail && j < sets[g].v[c].n; j++)
        fail = ac_add(&b, lx, sets[g].v[c].v[j], id, sets[g].v[c].f[j]) != 0;
    }
  }
  if (!fail && !(fail = ac_finish(&b, lx) != 0)) {
    lx->ac_depth = b.depth;
    b.depth = NULL;
    fail = ac_renumber(&b, lx) != 0;
  }
  free(b.next);
  free(b.fail);
  free(b.depth);
  free(b.pst);
  free(b.pid);
  free(b.pfl);
  /* only the scan's tables are kept */
  free(lx->ac_report);
  free(lx->ac_dict);
  free(lx->ac_ofirst);
  free(lx->ac_oids);
  free(lx->ac_oflag);
  free(lx->ac_depth);
  lx->ac_report = lx->ac_dict = NULL;
  lx->ac_ofirst = lx->ac_oids = NULL;
  lx->ac_oflag = lx->ac_depth = NULL;
  return fail ? -1 : 0;
}

/* Is re exactly the fragment of literal lit with flags f, as lexicon.c
 * writes a literal entry: \b when IR_LF_WS, each ' ' as \s+, the bytes
 * of "\\^$.|?*+()[]{}/#" escaped, \b when IR_LF_WE? Letters compare
 * caseless (the fragments are caseless), escapes exactly. */
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
  return re[n] == 0;
}

/* Builds the prefilter: the clauses of each fragment, the automaton. A
 * section with a fragment the literal parser does not understand is
 * matched whole; on failure every fragment is a candidate everywhere. */
void ir_lex_build_prefilter(ir_lexicon *lx) {
  ir_lex_prefilter_free(lx);
  lx->nfrags = 0;
  for (int i = 0; i < IR_LEX_COUNT; i++) {
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
  int fail = !sets || !lx->frag_init || !lx->frag_sec || !lx->frag_need ||
             !lx->frag_c0 || !lx->clause_frag || !lx->frag_pre ||
             !lx->frag_lit || !lx->frag_litf;
  for (int i = 0; i < IR_LEX_COUNT; i++) {
    lex_section *sc = &lx->sec[i];
    sc->whole = fail;
    for (size_t k = 0; k < sc->n; k++)
      if (!sc->v[k].code)
        sc->whole = 1;
  }
  for (int i = 0; !fail && i < IR_LEX_COUNT; i++) {
    lex_section *sc = &lx->sec[i];
    for (size_t k = 0; k < sc->n; k++) {
      int understood = 0;
      clauses *cs = &sets[sc->base + k];
      ir_lex_fragment_clauses(sc->v[k].re, &understood, cs);
      if (!understood)
        sc->whole = 1;
      lx->frag_sec[sc->base + k] = (uint8_t)i;
      lx->frag_need[sc->base + k] = (uint8_t)cs->n;
      if (understood && cs->n == 1 && cs->v[0].n == 1 &&
          is_literal_re(sc->v[k].re, cs->v[0].v[0], cs->v[0].f[0])) {
        lx->frag_lit[sc->base + k] = strdup(cs->v[0].v[0]);
        lx->frag_litf[sc->base + k] = cs->v[0].f[0];
      }
      if (!cs->n) {
        lx->frag_init[sc->base + k] = 1;
        lx->init_mask |= 1ull << i;
      }
    }
  }
  if (!fail)
    ac_classes(lx, sets, nf);
  fail = fail || ac_build_all(lx, sets, nf) != 0;
  for (size_t g = 0; sets && g < nf; g++)
    ir_lex_clauses_free(&sets[g]);
  free(sets);
  if (fail) {
    for (int i = 0; i < IR_LEX_COUNT; i++)
      lx->sec[i].whole = 1;
    ir_lex_prefilter_free(lx); /* no prefilter: every fragment is a
                                  candidate */
  }
}

size_t ir_lexicon_nfrags(const ir_lexicon *lx) { return lx->nfrags; }

/* seen: [0, nfrags) candidates, then per fragment the count of its
 * satisfied clauses, then per clause whether it is satisfied (the counts
 * and flags are zero between calls, reset through the touched list), then
 * (aligned) per clause the end of its last literal found, then per clause
 * the start of its earliest literal found (valid while it is satisfied),
 * then per clause the end of that literal. */
static size_t last_off(const ir_lexicon *lx) {
  return (2 * lx->nfrags + lx->nclauses + 8) & ~(size_t)7;
}

size_t ir_lexicon_scratch(const ir_lexicon *lx) {
  return last_off(lx) + 12 * lx->nclauses + 8;
}

typedef struct {
  uint8_t *seen, *cnt, *sat;
  uint32_t *last, *first, *fend;
  const unsigned char *s;
  uint32_t touched[256];
  size_t nt;
  uint64_t m;
} scan_st;

/* The literals of the report list of scan state st end at source byte
 * end. Their starts: pos holds the source offsets of the last 64 stream
 * symbols (longer than any literal), k of them so far; NULL when the
 * stream is the text itself (no run of whitespace to read as one ' ').
 * The byte before a literal starting with a word byte is its previous
 * stream symbol or a skipped whitespace byte, the byte after one ending
 * with a word byte its next symbol: both are read in s. */
static void report(const ir_lexicon *lx, scan_st *w, uint32_t st, uint32_t end,
                   size_t n, const uint32_t *pos, uint32_t k) {
  int nextw = end + 1 < n && lx->ac_kind[w->s[end + 1]] == 1;
  const uint32_t *e = lx->ac_rent + lx->ac_rfirst[st - lx->ac_rep_lo];
  const uint32_t *ee = lx->ac_rent + lx->ac_rfirst[st - lx->ac_rep_lo + 1];
  for (; e < ee; e++) {
    uint32_t x = *e, len = x >> 2 & 63, f = x & 3;
    if ((f & IR_LF_WE) && nextw)
      continue;
    uint32_t start = pos ? pos[(k - len) & 63] : end + 1 - len;
    if ((f & IR_LF_WS) && start > 0 && lx->ac_kind[w->s[start - 1]] == 1)
      continue;
    uint32_t q = x >> 8, g = lx->clause_frag[q];
    w->last[q] = end;
    if (w->sat[q]) {
      if (start < w->first[q]) {
        w->first[q] = start;
        w->fend[q] = end + 1;
      }
      continue;
    }
    w->first[q] = start;
    w->fend[q] = end + 1;
    w->sat[q] = 1;
    w->touched[w->nt < 256 ? w->nt : 255] = q;
    w->nt++;
    if (++w->cnt[g] == lx->frag_need[g]) {
      w->seen[g] = 1;
      w->m |= 1ull << lx->frag_sec[g];
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
static void scan_runs(const ir_lexicon *lx, scan_st *w, size_t n) {
  const uint16_t *next = lx->ac_next;
  const uint8_t *cls = lx->ac_cls;
  const unsigned sp = cls[' ']; /* every whitespace byte's class, no other */
  uint32_t pos[64], k = 0, st = lx->ac_start;
  unsigned prev = 0; /* class of the last stream symbol */
  for (size_t i = 0; i < n; i++) {
    unsigned c = cls[w->s[i]];
    if (c == sp && prev == sp)
      continue;
    prev = c;
    pos[k++ & 63] = (uint32_t)i;
    st = next[st << lx->ac_shift | c];
    if (st >= lx->ac_rep_lo)
      report(lx, w, st, (uint32_t)i, n, pos, k);
  }
}

uint64_t ir_lexicon_scan(const ir_lexicon *lx, const char *s, size_t n,
                         uint8_t *seen) {
  if (!lx->ac_next) {
    memset(seen, 1, lx->nfrags);
    return ~0ull;
  }
  scan_st w;
  w.seen = seen;
  w.cnt = seen + lx->nfrags;
  w.sat = w.cnt + lx->nfrags;
  w.last = (uint32_t *)(void *)(seen + last_off(lx));
  w.first = w.last + lx->nclauses;
  w.fend = w.first + lx->nclauses;
  w.s = (const unsigned char *)s;
  w.nt = 0;
  w.m = lx->init_mask;
  memcpy(seen, lx->frag_init, lx->nfrags);
  if (maybe_space_run(w.s, n)) {
    scan_runs(lx, &w, n);
  } else { /* the same with the stream the text itself */
    const uint16_t *next = lx->ac_next;
    const uint8_t *cls = lx->ac_cls;
    const uint32_t rep_lo = lx->ac_rep_lo;
    const int sh = lx->ac_shift;
    uint32_t st = lx->ac_start;
    for (size_t i = 0; i < n; i++) {
      st = next[st << sh | cls[w.s[i]]];
      if (st >= rep_lo)
        report(lx, &w, st, (uint32_t)i, n, NULL, 0);
    }
  }
  uint8_t *cnt = w.cnt, *sat = w.sat;
  if (w.nt > 256) {
    memset(cnt, 0, lx->nfrags + lx->nclauses);
  } else {
    for (size_t j = 0; j < w.nt; j++) {
      sat[w.touched[j]] = 0;
      cnt[lx->clause_frag[w.touched[j]]] = 0;
    }
  }
  return w.m;
}

size_t ir_lexicon_frag_last(const ir_lexicon *lx, const uint8_t *seen,
                            size_t g) {
  if (!lx->ac_next || g >= lx->nfrags || !lx->frag_need[g])
    return (size_t)-1;
  const uint32_t *last = (const uint32_t *)(const void *)(seen + last_off(lx));
  size_t m = (size_t)-1;
  for (uint32_t q = lx->frag_c0[g]; q < lx->frag_c0[g] + lx->frag_need[g]; q++)
    if (last[q] < m)
      m = last[q];
  return m;
}

size_t ir_lexicon_frag_first(const ir_lexicon *lx, const uint8_t *seen,
                             size_t g, size_t *end) {
  *end = 0;
  if (!lx->ac_next || g >= lx->nfrags || lx->frag_pre[g] == UINT32_MAX)
    return 0;
  const uint32_t *last = (const uint32_t *)(const void *)(seen + last_off(lx));
  *end = last[2 * lx->nclauses + lx->frag_pre[g]];
  return last[lx->nclauses + lx->frag_pre[g]];
}

const char *ir_lexicon_frag_literal(const ir_lexicon *lx, size_t g, int *ws,
                                    int *we) {
  if (!lx->frag_lit || g >= lx->nfrags || !lx->frag_lit[g])
    return NULL;
  *ws = (lx->frag_litf[g] & IR_LF_WS) != 0;
  *we = (lx->frag_litf[g] & IR_LF_WE) != 0;
  return lx->frag_lit[g];
}

void ir_lexicon_frag_info(const ir_lexicon *lx, const uint8_t *seen, int id,
                          size_t k, ir_frag_info *fi) {
  size_t g = ir_lexicon_frag_base(lx, id) + k;
  fi->code = ir_lexicon_frag_code(lx, id, k);
  fi->lit = NULL;
  fi->ws = fi->we = 0;
  fi->from = fi->fend = 0;
  fi->last = (size_t)-1;
  if (!lx->ac_next || g >= lx->nfrags)
    return;
  if (lx->frag_lit[g]) {
    fi->lit = lx->frag_lit[g];
    fi->ws = (lx->frag_litf[g] & IR_LF_WS) != 0;
    fi->we = (lx->frag_litf[g] & IR_LF_WE) != 0;
  }
  const uint32_t *last = (const uint32_t *)(const void *)(seen + last_off(lx));
  if (lx->frag_pre[g] != UINT32_MAX) {
    fi->from = last[lx->nclauses + lx->frag_pre[g]];
    fi->fend = last[2 * lx->nclauses + lx->frag_pre[g]];
  }
  if (lx->frag_need[g]) {
    uint32_t q0 = lx->frag_c0[g];
    for (uint32_t q = q0; q < q0 + lx->frag_need[g]; q++)
      if (last[q] < fi->last)
        fi->last = last[q];
  }
}

static int word_byte(unsigned char c) {
  return (unsigned char)((c | 0x20) - 'a') < 26 ||
         (unsigned char)(c - '0') < 10 || c == '_';
}
static int space_byte(unsigned char c) {
  return c == ' ' || (c >= 9 && c <= 13);
}

size_t ir_lexicon_literal_at(const char *lit, int ws, int we, const char *text,
                             size_t e, size_t at, size_t found_end) {
  if (ws && at > 0 && word_byte((unsigned char)text[at - 1]))
    return 0;
  /* the scan found it here with its word boundaries, but for the byte
   * before the sentence (taken as a non-word byte, checked above) */
  if (found_end)
    return found_end;
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
  return p;
}

size_t ir_lexicon_frag_base(const ir_lexicon *lx, int id) {
  return id >= 0 && id < IR_LEX_COUNT ? lx->sec[id].base : 0;
}

const pcre2_code *ir_lexicon_frag_code(const ir_lexicon *lx, int id, size_t k) {
  if (id < 0 || id >= IR_LEX_COUNT || lx->sec[id].whole || k >= lx->sec[id].n)
    return NULL;
  return lx->sec[id].v[k].code;
}
