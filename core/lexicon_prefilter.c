/* lexicon_prefilter.c - the literal prefilter of the lexicon sections
 * (see ir_lexicon_scan in lexicon.h): literals every match of a fragment
 * must contain, found with one Aho-Corasick pass per sentence. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_int.h"

/* --- literal prefilter ------------------------------------------------
 * Each fragment yields a set of literals one of which every match must
 * contain (lower-cased): the longest literal run of its top-level
 * sequence, or a required group whose alternatives all yield literals.
 * Lookarounds, optional atoms and classes never contribute. A fragment
 * this parser does not understand yields nothing, and its section is
 * then always matched. All literals go into one Aho-Corasick automaton;
 * one pass over a sentence gives the sections that may match in it. */
#define LIT_MAX 48

typedef struct {
  char **v;
  size_t n;
  int ok; /* 1: every match contains one of v[] */
} litset;

#define MAX_CLAUSES 4

typedef struct {
  litset v[16]; /* every required literal set of the top-level sequence */
  size_t n;
} clauses;

typedef struct {
  const char *re;
  size_t i;
  int giveup;
  clauses *top; /* collects while parsing the top-level sequence */
  int depth;
} lparse;

static void ls_free(litset *s) {
  for (size_t k = 0; k < s->n; k++)
    free(s->v[k]);
  free(s->v);
  s->v = NULL;
  s->n = 0;
  s->ok = 0;
}

static int ls_push(litset *s, const char *p, size_t n) {
  char **v = realloc(s->v, (s->n + 1) * sizeof *v);
  if (!v)
    return -1;
  s->v = v;
  if (!(v[s->n] = strndup(p, n)))
    return -1;
  s->n++;
  return 0;
}

static size_t ls_score(const litset *s) {
  size_t m = (size_t)-1;
  for (size_t k = 0; k < s->n; k++)
    if (strlen(s->v[k]) < m)
      m = strlen(s->v[k]);
  return s->ok && s->n ? m : 0;
}

/* Keeps the better of *best and *cand (cand is consumed). */
static void ls_pick(litset *best, litset *cand) {
  size_t a = ls_score(best), b = ls_score(cand);
  if (b > a || (b == a && b && cand->n < best->n)) {
    ls_free(best);
    *best = *cand;
  } else {
    ls_free(cand);
  }
  memset(cand, 0, sizeof *cand);
}

/* Skips a quantifier at p->i; returns its minimum (1 when none), or -1
 * when there is none. */
static int skip_quant(lparse *p) {
  const char *r = p->re;
  size_t i = p->i;
  int min;
  if (r[i] == '?' || r[i] == '*')
    min = 0, i++;
  else if (r[i] == '+')
    min = 1, i++;
  else if (r[i] == '{' && isdigit((unsigned char)r[i + 1])) {
    size_t j = i + 1;
    min = 0;
    while (isdigit((unsigned char)r[j]))
      min = min * 10 + (r[j++] - '0'), min = min > 9 ? 9 : min;
    if (r[j] == ',')
      for (j++; isdigit((unsigned char)r[j]);)
        j++;
    if (r[j] != '}')
      return -1;
    i = j + 1;
  } else
    return -1;
  if (r[i] == '?' || r[i] == '+')
    i++;
  p->i = i;
  return min;
}

static void skip_class(lparse *p) {
  const char *r = p->re;
  size_t i = p->i + 1;
  if (r[i] == '^')
    i++;
  if (r[i] == ']')
    i++;
  while (r[i] && r[i] != ']') {
    if (r[i] == '\\' && r[i + 1])
      i += 2;
    else if (r[i] == '[' && r[i + 1] == ':') {
      const char *e = strstr(r + i + 2, ":]");
      i = e ? (size_t)(e - r) + 2 : i + 1;
    } else
      i++;
  }
  if (!r[i])
    p->giveup = 1;
  p->i = r[i] ? i + 1 : i;
}

static litset parse_alt(lparse *p);

/* Keeps a copy of a required set s when parsing the top level. */
static void collect(lparse *p, const litset *s) {
  if (!p->top || p->depth || !s->ok || !s->n)
    return;
  clauses *c = p->top;
  if (c->n == sizeof c->v / sizeof *c->v)
    return;
  litset d = {0};
  d.ok = 1;
  for (size_t k = 0; d.ok && k < s->n; k++)
    if (ls_push(&d, s->v[k], strlen(s->v[k])) != 0)
      d.ok = 0;
  if (d.ok)
    c->v[c->n++] = d;
  else
    ls_free(&d);
}

/* Flushes the literal run into *best. */
static void flush_run(lparse *p, litset *best, char *run, size_t *rl) {
  if (!*rl)
    return;
  litset c = {0};
  if (ls_push(&c, run, *rl) == 0)
    c.ok = 1;
  collect(p, &c);
  ls_pick(best, &c);
  *rl = 0;
}

/* A group at p->i ('('): parses it, returns its set when required. */
static litset parse_group(lparse *p) {
  const char *r = p->re;
  size_t i = p->i + 1;
  int look = 0;
  if (r[i] == '*') {
    p->giveup = 1; /* (*VERB) */
    litset z = {0};
    return z;
  }
  if (r[i] == '?') {
    if (r[i + 1] == ':' || r[i + 1] == '|')
      i += 2;
    else if (r[i + 1] == '=' || r[i + 1] == '!')
      i += 2, look = 1;
    else if (r[i + 1] == '<' && (r[i + 2] == '=' || r[i + 2] == '!'))
      i += 3, look = 1;
    else {
      p->giveup = 1; /* options, names, recursion: not understood */
      litset z = {0};
      return z;
    }
  }
  p->i = i;
  p->depth++;
  litset g = parse_alt(p);
  p->depth--;
  if (r[p->i] != ')') {
    p->giveup = 1;
    ls_free(&g);
    return g;
  }
  p->i++;
  int min = skip_quant(p);
  if (look || min == 0)
    ls_free(&g);
  return g;
}

static litset parse_seq(lparse *p) {
  const char *r = p->re;
  litset best = {0};
  char run[LIT_MAX];
  size_t rl = 0;
  while (!p->giveup && r[p->i] && r[p->i] != '|' && r[p->i] != ')') {
    unsigned char c = (unsigned char)r[p->i];
    int lit = -1;
    if (c == '\\') {
      unsigned char d = (unsigned char)r[p->i + 1];
      if (!d || (isalnum(d) && !strchr("bBsSwWdDhHvVRAzZ", d))) {
        p->giveup = 1;
        break;
      }
      p->i += 2;
      if (!isalnum(d))
        lit = d;
    } else if (c == '[') {
      skip_class(p);
    } else if (c == '(') {
      flush_run(p, &best, run, &rl);
      litset g = parse_group(p);
      collect(p, &g);
      ls_pick(&best, &g);
      continue;
    } else if (strchr("?*+{", c) && skip_quant(p) >= 0) {
      /* quantifier of a non-literal atom */
    } else if (c == '.' || c == '^' || c == '$' || strchr("?*+", c)) {
      p->i++;
    } else {
      lit = tolower(c);
      p->i++;
    }
    if (lit < 0) {
      flush_run(p, &best, run, &rl);
      if (r[p->i] && strchr("?*+{", r[p->i]))
        skip_quant(p);
      continue;
    }
    int min = skip_quant(p);
    if (min == 0) {
      flush_run(p, &best, run, &rl);
      continue;
    }
    if (rl < LIT_MAX)
      run[rl++] = (char)lit;
    if (min > 0)
      flush_run(p, &best, run, &rl);
  }
  flush_run(p, &best, run, &rl);
  return best;
}

/* Alternatives up to ')' or the end: the union of their sets, or nothing
 * when one alternative has none. */
static litset parse_alt(lparse *p) {
  litset all = {0};
  all.ok = 1;
  for (;;) {
    litset s = parse_seq(p);
    if (!s.ok || p->giveup)
      all.ok = 0;
    for (size_t k = 0; all.ok && k < s.n; k++)
      if (ls_push(&all, s.v[k], strlen(s.v[k])) != 0)
        all.ok = 0;
    ls_free(&s);
    if (p->re[p->i] != '|')
      break;
    p->i++;
  }
  if (!all.ok || !all.n)
    ls_free(&all);
  return all;
}

static void clauses_free(clauses *c) {
  for (size_t k = 0; k < c->n; k++)
    ls_free(&c->v[k]);
  c->n = 0;
}

/* Keeps the MAX_CLAUSES sets with the longest shortest literal, dropping
 * sets of one- or two-byte literals when a better one is kept. */
static void clauses_trim(clauses *c) {
  for (size_t i = 1; i < c->n; i++) /* insertion sort, best first */
    for (size_t j = i; j > 0 && ls_score(&c->v[j]) > ls_score(&c->v[j - 1]);
         j--) {
      litset t = c->v[j];
      c->v[j] = c->v[j - 1];
      c->v[j - 1] = t;
    }
  size_t keep = c->n < MAX_CLAUSES ? c->n : MAX_CLAUSES;
  while (keep > 1 && ls_score(&c->v[keep - 1]) < 3)
    keep--;
  for (size_t k = keep; k < c->n; k++)
    ls_free(&c->v[k]);
  c->n = keep;
}

/* The requirements of one fragment, as clauses every match satisfies: a
 * match contains one literal of each set. A fragment whose top level is a
 * sequence gets each required set of that sequence (its literal runs and
 * required groups); one with top-level alternatives gets a single set,
 * the union of one set per alternative. None: always a candidate. */
static void fragment_clauses(const char *re, int *understood, clauses *out) {
  lparse p = {re, 0, 0, out, 0};
  out->n = 0;
  litset s = parse_seq(&p);
  if (!p.giveup && re[p.i] == '|') { /* alternatives: one union set */
    ls_free(&s);
    clauses_free(out);
    p = (lparse){re, 0, 0, NULL, 0};
    s = parse_alt(&p);
    if (s.ok && s.n)
      out->v[out->n++] = s;
    else
      ls_free(&s);
  } else {
    ls_free(&s);
  }
  *understood = !p.giveup && !re[p.i];
  if (!*understood)
    clauses_free(out);
  clauses_trim(out);
}

/* --- Aho-Corasick over the literals ----------------------------------- */
typedef struct {
  int32_t *next; /* [state * ncls + cls] -> state (a full DFA) */
  int32_t *fail;
  size_t n, cap;
  uint32_t *pst, *pid; /* (state, fragment) output pairs */
  size_t np, pcap;
} ac_build;

static int ac_state(ac_build *b, int ncls) {
  if (b->n == b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 256;
    int32_t *nx = realloc(b->next, nc * (size_t)ncls * sizeof *nx);
    if (nx)
      b->next = nx;
    int32_t *fl = realloc(b->fail, nc * sizeof *fl);
    if (fl)
      b->fail = fl;
    if (!nx || !fl)
      return -1;
    b->cap = nc;
  }
  for (int c = 0; c < ncls; c++)
    b->next[b->n * (size_t)ncls + (size_t)c] = -1;
  b->fail[b->n] = 0;
  return (int)b->n++;
}

void ir_lex_prefilter_free(ir_lexicon *lx) {
  free(lx->ac_next);
  free(lx->ac_report);
  free(lx->ac_dict);
  free(lx->ac_ofirst);
  free(lx->ac_oids);
  free(lx->frag_init);
  free(lx->frag_sec);
  free(lx->frag_need);
  free(lx->clause_frag);
  lx->frag_need = NULL;
  lx->clause_frag = NULL;
  lx->nclauses = 0;
  lx->frag_sec = NULL;
  lx->init_mask = 0;
  lx->ac_next = lx->ac_report = lx->ac_dict = NULL;
  lx->ac_ofirst = lx->ac_oids = NULL;
  lx->frag_init = NULL;
}

/* Adds one literal of fragment id to the trie. */
static int ac_add(ac_build *b, const ir_lexicon *lx, const char *lit,
                  uint32_t id) {
  int32_t st = 0;
  size_t nc = (size_t)lx->ac_ncls;
  for (const unsigned char *q = (const unsigned char *)lit; *q; q++) {
    if (b->next[(size_t)st * nc + lx->ac_cls[*q]] < 0) {
      int ns = ac_state(b, lx->ac_ncls);
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
    if (!x || !y)
      return -1;
    b->pcap = c2;
  }
  b->pst[b->np] = (uint32_t)st;
  b->pid[b->np++] = id;
  return 0;
}

/* Fail links by breadth-first order, turning the trie into a DFA; then
 * the outputs per state (CSR) and the links to the nearest suffix state
 * with outputs. */
static int ac_finish(ac_build *b, ir_lexicon *lx) {
  size_t ncls = (size_t)lx->ac_ncls;
  int32_t *queue = malloc(b->n * sizeof *queue);
  lx->ac_report = malloc(b->n * sizeof *lx->ac_report);
  lx->ac_dict = malloc(b->n * sizeof *lx->ac_dict);
  lx->ac_ofirst = calloc(b->n + 1, sizeof *lx->ac_ofirst);
  lx->ac_oids = malloc((b->np + 1) * sizeof *lx->ac_oids);
  if (!queue || !lx->ac_report || !lx->ac_dict || !lx->ac_ofirst ||
      !lx->ac_oids) {
    free(queue);
    return -1;
  }
  for (size_t k = 0; k < b->np; k++)
    lx->ac_ofirst[b->pst[k] + 1]++;
  for (size_t st = 0; st < b->n; st++)
    lx->ac_ofirst[st + 1] += lx->ac_ofirst[st];
  int32_t *cur = lx->ac_report;
  for (size_t st = 0; st < b->n; st++)
    cur[st] = (int32_t)lx->ac_ofirst[st];
  for (size_t k = 0; k < b->np; k++)
    lx->ac_oids[cur[b->pst[k]]++] = b->pid[k];
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

/* Builds the prefilter and, per fragment, its own compiled pattern. A
 * section with a fragment the literal parser does not understand is
 * matched whole; on failure every fragment is a candidate everywhere. */
void ir_lex_build_prefilter(ir_lexicon *lx) {
  ir_lex_prefilter_free(lx);
  memset(lx->ac_cls, 0, sizeof lx->ac_cls);
  lx->ac_ncls = 1;
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
  lx->clause_frag = calloc(nf * MAX_CLAUSES + 1, sizeof *lx->clause_frag);
  ac_build b = {0};
  int fail = !sets || !lx->frag_init || !lx->frag_sec || !lx->frag_need ||
             !lx->clause_frag;
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
      fragment_clauses(sc->v[k].re, &understood, cs);
      if (!understood)
        sc->whole = 1;
      lx->frag_sec[sc->base + k] = (uint8_t)i;
      lx->frag_need[sc->base + k] = (uint8_t)cs->n;
      if (!cs->n) {
        lx->frag_init[sc->base + k] = 1;
        lx->init_mask |= 1ull << i;
      }
      for (size_t c = 0; c < cs->n; c++)
        for (size_t j = 0; j < cs->v[c].n; j++)
          for (const unsigned char *q = (unsigned char *)cs->v[c].v[j]; *q; q++)
            if (!lx->ac_cls[*q] && lx->ac_ncls < 255)
              lx->ac_cls[*q] = (uint8_t)lx->ac_ncls++;
    }
  }
  for (int c = 'A'; c <= 'Z'; c++)
    lx->ac_cls[c] = lx->ac_cls[c + 32];
  fail = fail || lx->ac_ncls >= 255 || ac_state(&b, lx->ac_ncls) < 0;
  lx->nclauses = 0;
  for (size_t g = 0; !fail && g < nf; g++)
    for (size_t c = 0; !fail && c < sets[g].n; c++) {
      uint32_t id = (uint32_t)lx->nclauses++;
      lx->clause_frag[id] = (uint32_t)g;
      for (size_t j = 0; !fail && j < sets[g].v[c].n; j++)
        fail = ac_add(&b, lx, sets[g].v[c].v[j], id) != 0;
    }
  fail = fail || ac_finish(&b, lx) != 0;
  for (size_t g = 0; sets && g < nf; g++)
    clauses_free(&sets[g]);
  free(sets);
  free(b.fail);
  free(b.pst);
  free(b.pid);
  uint8_t *init = lx->frag_init;
  lx->frag_init = NULL;
  if (fail) {
    ir_lex_prefilter_free(lx);
    free(b.next);
    free(init);
    return; /* no prefilter: every fragment is a candidate */
  }
  lx->ac_next = b.next;
  lx->frag_init = init;
}

size_t ir_lexicon_nfrags(const ir_lexicon *lx) { return lx->nfrags; }

size_t ir_lexicon_scratch(const ir_lexicon *lx) {
  return 2 * lx->nfrags + lx->nclauses + 1;
}

/* seen: [0, nfrags) candidates, then per fragment the count of its
 * satisfied clauses, then per clause whether it is satisfied; the counts
 * and flags are zero between calls (reset through the touched list). */
uint64_t ir_lexicon_scan(const ir_lexicon *lx, const char *s, size_t n,
                         uint8_t *seen) {
  if (!lx->ac_next) {
    memset(seen, 1, lx->nfrags);
    return ~0ull;
  }
  uint8_t *cnt = seen + lx->nfrags, *sat = cnt + lx->nfrags;
  memcpy(seen, lx->frag_init, lx->nfrags);
  uint32_t touched[256];
  size_t nt = 0;
  uint64_t m = lx->init_mask;
  const int32_t *next = lx->ac_next, *report = lx->ac_report;
  size_t ncls = (size_t)lx->ac_ncls;
  int32_t st = 0;
  for (size_t i = 0; i < n; i++) {
    st = next[(size_t)st * ncls + lx->ac_cls[(unsigned char)s[i]]];
    for (int32_t d = report[st]; d >= 0; d = lx->ac_dict[d])
      for (uint32_t k = lx->ac_ofirst[d]; k < lx->ac_ofirst[d + 1]; k++) {
        uint32_t q = lx->ac_oids[k], g = lx->clause_frag[q];
        if (sat[q])
          continue;
        sat[q] = 1;
        touched[nt < 256 ? nt : 255] = q;
        nt++;
        if (++cnt[g] == lx->frag_need[g]) {
          seen[g] = 1;
          m |= 1ull << lx->frag_sec[g];
        }
      }
  }
  if (nt > 256) {
    memset(cnt, 0, lx->nfrags + lx->nclauses);
  } else {
    for (size_t k = 0; k < nt; k++) {
      sat[touched[k]] = 0;
      cnt[lx->clause_frag[touched[k]]] = 0;
    }
  }
  return m;
}

size_t ir_lexicon_frag_base(const ir_lexicon *lx, int id) {
  return id >= 0 && id < IR_LEX_COUNT ? lx->sec[id].base : 0;
}

const pcre2_code *ir_lexicon_frag_code(const ir_lexicon *lx, int id, size_t k) {
  if (id < 0 || id >= IR_LEX_COUNT || lx->sec[id].whole || k >= lx->sec[id].n)
    return NULL;
  return lx->sec[id].v[k].code;
}
