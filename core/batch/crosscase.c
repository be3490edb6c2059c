/* crosscase.c - similar-cases-differ findings over a batch (crosscase.h).
 *
 * The index is a byte stream of records in a temporary file (spill.h):
 *   'L' lrec, then the path, case number, specialty group and decision
 *       date bytes (a letter
 *       with at least one participating item, before its items)
 *   'I' irec, then the service bytes (one participating item)
 * Lengths are stored, strings are not terminated; NOSTR stands for NULL.
 * Groups (pack + category + profile key) live in a dense array in creation
 * order, found through an open-addressing hash of their ids; categories
 * are interned, so a group compares the category by its number. A
 * profile key is a byte string: one status byte per criterion of the pack,
 * then, per criterion of kind list, its classes "+"-joined in the pack's
 * order and a KEYSEP; keys live in one buffer (O(distinct profiles)), and
 * a finding's profile is decoded from its group's key. Readers
 * (ir_cross_iter) keep their own window and offset, so a finished index is
 * read-only. */
#include "crosscase.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "batch_int.h"

#define KEYSEP '\x01' /* ends the classes of one list criterion in a key */

#define WINDOW (1u << 16) /* reader window; > the largest record */
#define NOSTR UINT32_MAX
#define MAX_PATH 4096 /* bytes kept of a path */
#define MAX_SHORT 200 /* of a case number, specialty, category */
#define MAX_SERVICE 160

typedef struct {
  long seq;
  uint32_t len[4]; /* file, case number, specialty, decision date */
} lrec;

typedef struct {
  uint32_t group, svclen;
  int32_t index, line;
  unsigned char outcome, conclusion, first;
} irec;

typedef struct {
  const ir_pack *pack; /* read-only for the whole run (pack.h) */
  size_t koff, klen;   /* the profile key in keys */
  size_t hash;
  uint32_t cat;         /* index in cats */
  uint32_t n[2];        /* items upheld, overturned */
  uint32_t named;       /* both outcomes: 1 + index in noff of its names */
  unsigned char got[2]; /* names collected per outcome */
} group;

struct ir_crosscase {
  ir_spill st; /* the records */
  group *g;
  size_t ng, gcap;
  uint32_t *slot; /* hash: 1 + group id, 0 free */
  size_t scap;
  char **cats;
  size_t ncats, catcap;
  size_t *noff; /* per group with both outcomes, its first names per
                   outcome (upheld, then overturned): offsets in names */
  ir_buf names; /* "file#index\0" ... */
  ir_buf keys;  /* the groups' profile keys */
  ir_buf key;   /* the key being built */
  size_t nout;
  int finished, failed;
};

struct ir_cross_iter {
  const ir_crosscase *c;
  unsigned long long pos, wpos; /* next record; window start */
  size_t wlen;
  char *win;
  int have_letter, done, failed;
  uint32_t group;
  char letter[MAX_PATH + 3 * MAX_SHORT + 4];
  char svc[MAX_SERVICE + 1];
  unsigned char *status; /* the current finding's profile, decoded */
  const char **classes;
  size_t profcap;
  ir_buf cls; /* class strings of classes[], "\0"-separated */
  ir_cross_finding f;
  const char *cps[IR_CROSS_MAX_NAMED];
  ir_buf msg;
};

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p)
    ir_exit_nomem();
  return p;
}

static int oi(ir_outcome o) { return o == IR_OUT_OVERTURNED; }

static size_t cut(const char *s, size_t max) {
  size_t n = strlen(s);
  return n < max ? n : max;
}

ir_crosscase *ir_crosscase_new(void) {
  ir_crosscase *c = xrealloc(NULL, sizeof *c);
  memset(c, 0, sizeof *c);
  ir_spill_init(&c->st);
  return c;
}

/* --- adding ------------------------------------------------------------ */

static uint32_t intern(ir_crosscase *c, const char *s) {
  size_t n = cut(s, MAX_SHORT);
  for (size_t i = 0; i < c->ncats; i++)
    if (strlen(c->cats[i]) == n && memcmp(c->cats[i], s, n) == 0)
      return (uint32_t)i;
  if (c->ncats == c->catcap) {
    c->catcap = c->catcap ? c->catcap * 2 : 16;
    c->cats = xrealloc(c->cats, c->catcap * sizeof *c->cats);
  }
  char *d = xrealloc(NULL, n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  c->cats[c->ncats] = d;
  return (uint32_t)c->ncats++;
}

/* Rank of class s in criterion d: its place in the pack's allowed list,
 * else in the fact's class sections, else after those (by name). */
static size_t class_rank(const ir_crit_def *d, const char *s) {
  for (size_t i = 0; d->allowed && i < d->nallowed; i++)
    if (d->allowed[i] && strcmp(d->allowed[i], s) == 0)
      return i;
  for (int i = 0; d->fact.class_names && i < d->fact.classes.n; i++)
    if (d->fact.class_names[i] && strcmp(d->fact.class_names[i], s) == 0)
      return d->nallowed + (size_t)i;
  return SIZE_MAX;
}

static int class_before(const ir_crit_def *d, const char *a, const char *b) {
  size_t ra = class_rank(d, a), rb = class_rank(d, b);
  return ra != rb ? ra < rb : strcmp(a, b) < 0;
}

/* The distinct classes of f, in the pack's order, "+"-joined, then KEYSEP
 * (the empty set is a value of its own). */
static void put_classes(ir_buf *k, const ir_crit_def *d, const ir_fact *f) {
  const char *prev = NULL;
  int first = 1;
  for (;;) { /* selection: the next class after prev, O(n^2), n tiny */
    const char *best = NULL;
    for (size_t i = 0; i < f->list.n; i++) {
      const char *s = f->list.v[i];
      if (!s || (prev && !class_before(d, prev, s)))
        continue;
      if (!best || class_before(d, s, best))
        best = s;
    }
    if (!best)
      break;
    if (!first)
      ir_buf_putc(k, '+');
    first = 0;
    for (const char *p = best; *p && p - best < MAX_SHORT; p++)
      ir_buf_putc(k, *p == KEYSEP ? '_' : *p);
    prev = best;
  }
  ir_buf_putc(k, KEYSEP);
}

/* The profile key of it (pack set, nfacts > 0) into c->key. */
static void make_key(ir_crosscase *c, const ir_item *it) {
  ir_buf_reset(&c->key);
  for (size_t k = 0; k < it->nfacts; k++)
    ir_buf_putc(&c->key, (char)(it->facts[k].status & 3u));
  for (size_t k = 0; k < it->nfacts; k++)
    if (it->pack->crit[k].kind == IR_VAL_LIST)
      put_classes(&c->key, &it->pack->crit[k], &it->facts[k]);
}

static size_t hash(const ir_pack *p, uint32_t cat, const char *key, size_t n) {
  unsigned long long h = 1469598103934665603ull ^ (uintptr_t)p;
  h = (h ^ cat) * 1099511628211ull;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)key[i]) * 1099511628211ull;
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
  return (size_t)(h ^ (h >> 31));
}

static void grow_slots(ir_crosscase *c) {
  free(c->slot);
  c->scap = c->scap ? c->scap * 2 : 256;
  c->slot = xrealloc(NULL, c->scap * sizeof *c->slot);
  memset(c->slot, 0, c->scap * sizeof *c->slot);
  for (size_t id = 0; id < c->ng; id++) {
    size_t i = c->g[id].hash & (c->scap - 1);
    while (c->slot[i])
      i = (i + 1) & (c->scap - 1);
    c->slot[i] = (uint32_t)(id + 1);
  }
}

static uint32_t find_group(ir_crosscase *c, const ir_pack *p, uint32_t cat) {
  const char *key = c->key.p ? c->key.p : "";
  size_t klen = c->key.n, h = hash(p, cat, key, klen);
  if ((c->ng + 1) * 2 > c->scap)
    grow_slots(c);
  size_t i = h & (c->scap - 1);
  for (; c->slot[i]; i = (i + 1) & (c->scap - 1)) {
    const group *g = &c->g[c->slot[i] - 1];
    if (g->hash == h && g->pack == p && g->cat == cat && g->klen == klen &&
        memcmp(c->keys.p + g->koff, key, klen) == 0)
      return c->slot[i] - 1;
  }
  if (c->ng == c->gcap) {
    c->gcap = c->gcap ? c->gcap * 2 : 256;
    c->g = xrealloc(c->g, c->gcap * sizeof *c->g);
  }
  group *g = &c->g[c->ng];
  memset(g, 0, sizeof *g);
  g->pack = p;
  g->cat = cat;
  g->hash = h;
  g->koff = c->keys.n;
  g->klen = klen;
  ir_buf_put(&c->keys, key, klen);
  c->slot[i] = (uint32_t)(c->ng + 1);
  return (uint32_t)c->ng++;
}

static uint32_t str_len(const char *s, size_t max) {
  return s ? (uint32_t)cut(s, max) : NOSTR;
}

static void put_str(ir_crosscase *c, const char *s, uint32_t n) {
  if (n != NOSTR)
    ir_spill_put(&c->st, s, n);
}

static void put_letter(ir_crosscase *c, long seq, const ir_letter *l) {
  const char *spec = l->specialty_group ? l->specialty_group : l->specialty;
  lrec h;
  memset(&h, 0, sizeof h);
  h.seq = seq;
  h.len[0] = str_len(l->path, MAX_PATH);
  h.len[1] = str_len(l->case_number, MAX_SHORT);
  h.len[2] = str_len(spec, MAX_SHORT);
  h.len[3] = str_len(l->date_decision, MAX_SHORT);
  ir_spill_put(&c->st, "L", 1);
  ir_spill_put(&c->st, &h, sizeof h);
  put_str(c, l->path, h.len[0]);
  put_str(c, l->case_number, h.len[1]);
  put_str(c, spec, h.len[2]);
  put_str(c, l->date_decision, h.len[3]);
}

static void put_item(ir_crosscase *c, const ir_item *it) {
  irec h;
  memset(&h, 0, sizeof h);
  h.index = it->index;
  h.line = it->line;
  h.outcome = (unsigned char)it->outcome;
  h.conclusion = (unsigned char)it->conclusion;
  h.first = it->findings.n == 0;
  uint32_t cat = intern(c, it->category ? it->category : "other");
  make_key(c, it);
  h.group = find_group(c, it->pack, cat);
  h.svclen = str_len(it->service, MAX_SERVICE);
  ir_spill_put(&c->st, "I", 1);
  ir_spill_put(&c->st, &h, sizeof h);
  put_str(c, it->service, h.svclen);
  c->g[h.group].n[oi(it->outcome)]++;
}

void ir_crosscase_add(ir_crosscase *c, long seq, const ir_letter *l) {
  if (!l->ok)
    return;
  int letter = 0;
  for (size_t i = 0; i < l->items.n; i++) {
    const ir_item *it = &l->items.v[i];
    if (it->outcome == IR_OUT_UNKNOWN || !it->pack || !it->facts ||
        it->nfacts != it->pack->ncrit)
      continue;
    int known = 0;
    for (size_t k = 0; k < it->nfacts; k++)
      known |= it->facts[k].status != IR_FACT_UNKNOWN;
    if (!known)
      continue;
    if (!letter)
      put_letter(c, seq, l);
    letter = 1;
    put_item(c, it);
  }
}

/* --- reading back -------------------------------------------------------- */

static void fail(ir_cross_iter *it, const char *why) {
  if (!it->failed)
    fprintf(stderr,
            "imraudit: cannot read back the cross-case temporary file: %s\n",
            why);
  it->failed = 1;
}

/* n bytes of the stream at it->pos (n <= WINDOW), or NULL after fail(). */
static const char *need(ir_cross_iter *it, size_t n) {
  if (it->pos >= it->wpos && it->pos + n <= it->wpos + it->wlen)
    return it->win + (it->pos - it->wpos);
  long k = ir_spill_read(&it->c->st, it->pos, it->win, WINDOW);
  if (k < 0) {
    fail(it, strerror(errno));
    return NULL;
  }
  it->wpos = it->pos;
  it->wlen = (size_t)k;
  if ((size_t)k < n) {
    fail(it, "truncated record");
    return NULL;
  }
  return it->win;
}

static int read_letter(ir_cross_iter *it) {
  static const size_t max[4] = {MAX_PATH, MAX_SHORT, MAX_SHORT, MAX_SHORT};
  lrec h;
  const char *p = need(it, 1 + sizeof h);
  if (!p)
    return -1;
  memcpy(&h, p + 1, sizeof h);
  size_t tot = 1 + sizeof h;
  for (int k = 0; k < 4; k++) {
    if (h.len[k] != NOSTR && h.len[k] > max[k]) {
      fail(it, "corrupt letter record");
      return -1;
    }
    tot += h.len[k] == NOSTR ? 0 : h.len[k];
  }
  if (!(p = need(it, tot)))
    return -1;
  p += 1 + sizeof h;
  const char **dst[4] = {&it->f.file, &it->f.case_number, &it->f.specialty,
                         &it->f.date_decision};
  char *d = it->letter;
  for (int k = 0; k < 4; k++) {
    *dst[k] = NULL;
    if (h.len[k] == NOSTR)
      continue;
    memcpy(d, p, h.len[k]);
    d[h.len[k]] = 0;
    *dst[k] = d;
    d += h.len[k] + 1;
    p += h.len[k];
  }
  it->f.seq = h.seq;
  it->have_letter = 1;
  it->pos += tot;
  return 0;
}

static int read_item(ir_cross_iter *it) {
  irec h;
  const char *p = need(it, 1 + sizeof h);
  if (!p)
    return -1;
  memcpy(&h, p + 1, sizeof h);
  size_t svc = h.svclen == NOSTR ? 0 : h.svclen;
  if (!it->have_letter || h.group >= it->c->ng || svc > MAX_SERVICE) {
    fail(it, "corrupt item record");
    return -1;
  }
  if (!(p = need(it, 1 + sizeof h + svc)))
    return -1;
  memcpy(it->svc, p + 1 + sizeof h, svc);
  it->svc[svc] = 0;
  ir_cross_finding *f = &it->f;
  f->service = h.svclen == NOSTR ? NULL : it->svc;
  f->category = it->c->cats[it->c->g[h.group].cat];
  f->index = h.index;
  f->line = h.line;
  f->outcome = (ir_outcome)h.outcome;
  f->conclusion = (ir_conclusion)h.conclusion;
  f->first_on_item = h.first;
  it->group = h.group;
  it->pos += 1 + sizeof h + svc;
  return 0;
}

/* Decodes the next item into it->f and it->group: 1, 0 at the end, -1. */
static int next_item(ir_cross_iter *it) {
  while (!it->failed && !it->done) {
    if (it->pos >= ir_spill_len(&it->c->st)) {
      it->done = 1;
      return 0;
    }
    const char *p = need(it, 1);
    if (!p)
      break;
    if (*p == 'I')
      return read_item(it) == 0 ? 1 : -1;
    if (*p != 'L') {
      fail(it, "corrupt record");
      break;
    }
    if (read_letter(it) != 0)
      break;
  }
  return it->failed ? -1 : 0;
}

static ir_cross_iter *iter_open(const ir_crosscase *c) {
  ir_cross_iter *it = xrealloc(NULL, sizeof *it);
  memset(it, 0, sizeof *it);
  it->c = c;
  it->win = xrealloc(NULL, WINDOW);
  return it;
}

void ir_cross_iter_free(ir_cross_iter *it) {
  if (!it)
    return;
  free(it->win);
  free(it->status);
  free(it->classes);
  ir_buf_free(&it->cls);
  ir_buf_free(&it->msg);
  free(it);
}

/* --- findings ------------------------------------------------------------ */

/* Number of names kept of outcome o in g. */
static size_t nnamed(const group *g, int o) {
  return g->n[o] < IR_CROSS_MAX_NAMED ? g->n[o] : IR_CROSS_MAX_NAMED;
}

/* Where the names of outcome o of g are, in noff. */
static size_t *names_of(const ir_crosscase *c, const group *g, int o) {
  return c->noff + (g->named - 1) + (o ? nnamed(g, 0) : 0);
}

/* The first IR_CROSS_MAX_NAMED names per outcome of each group that has
 * both outcomes: one pass, stopped once every list is full. */
static int collect_names(ir_crosscase *c, size_t want) {
  ir_cross_iter *it = iter_open(c);
  while (want && next_item(it) == 1) {
    group *g = &c->g[it->group];
    int o = oi(it->f.outcome);
    if (!g->named || g->got[o] >= nnamed(g, o))
      continue;
    names_of(c, g, o)[g->got[o]++] = c->names.n;
    ir_buf_puts(&c->names, it->f.file ? it->f.file : "");
    ir_buf_printf(&c->names, "#%d", it->f.index);
    ir_buf_putc(&c->names, 0);
    want--;
  }
  int r = it->failed ? -1 : 0;
  ir_cross_iter_free(it);
  return r;
}

int ir_crosscase_finish(ir_crosscase *c) {
  if (c->finished)
    return c->failed ? -1 : 0;
  c->finished = 1;
  size_t want = 0;
  for (size_t i = 0; i < c->ng; i++) {
    group *g = &c->g[i];
    if (!g->n[0] || !g->n[1])
      continue;
    g->named = (uint32_t)want + 1;
    c->nout += (size_t)g->n[0] + g->n[1];
    want += nnamed(g, 0) + nnamed(g, 1);
  }
  if (!want)
    return 0;
  c->noff = xrealloc(NULL, want * sizeof *c->noff);
  if (collect_names(c, want) != 0) {
    c->failed = 1;
    c->nout = 0;
    return -1;
  }
  return 0;
}

size_t ir_crosscase_count(const ir_crosscase *c) { return c ? c->nout : 0; }

ir_cross_iter *ir_crosscase_iter(const ir_crosscase *c) {
  if (!c)
    return NULL;
  ir_cross_iter *it = iter_open(c);
  it->done = !c->nout;
  return it;
}

int ir_cross_iter_failed(const ir_cross_iter *it) {
  return it ? it->failed : 0;
}

void ir_crosscase_profile_text(const ir_cross_finding *f, ir_buf *b) {
  int first = 1;
  for (size_t k = 0; f->pack && k < f->nstatus && k < f->pack->ncrit; k++) {
    if (f->status[k] == IR_FACT_UNKNOWN)
      continue;
    ir_buf_printf(b, "%s%s=%s", first ? "" : ", ", f->pack->crit[k].id,
                  ir_status_name((ir_status)f->status[k]));
    first = 0;
  }
  for (size_t k = 0; f->pack && f->classes && k < f->nstatus; k++)
    if (f->classes[k] && *f->classes[k]) {
      ir_buf_printf(b, "%s%s classes=%s", first ? "" : ", ",
                    f->pack->crit[k].id, f->classes[k]);
      first = 0;
    }
}

/* The profile of group g into it->f: statuses and the classes of its
 * list criteria, decoded from the group's key. */
static void decode_profile(ir_cross_iter *it, const group *g) {
  const ir_crosscase *c = it->c;
  const ir_pack *p = g->pack;
  size_t n = p ? p->ncrit : 0;
  if (n > it->profcap) {
    it->profcap = n;
    it->status = xrealloc(it->status, n);
    it->classes = xrealloc(it->classes, n * sizeof *it->classes);
  }
  const char *key = c->keys.p + g->koff, *end = key + g->klen;
  size_t nst = g->klen < n ? g->klen : n;
  for (size_t k = 0; k < n; k++) {
    it->status[k] = k < nst ? (unsigned char)key[k] : IR_FACT_UNKNOWN;
    it->classes[k] = NULL;
  }
  ir_buf_reset(&it->cls);
  size_t offs[256];
  size_t nl = 0;
  const char *q = key + nst;
  for (size_t k = 0; k < n && q < end; k++) {
    if (p->crit[k].kind != IR_VAL_LIST)
      continue;
    const char *e = memchr(q, KEYSEP, (size_t)(end - q));
    if (!e)
      break;
    if (nl < sizeof offs / sizeof *offs) {
      offs[nl++] = it->cls.n;
      ir_buf_put(&it->cls, q, (size_t)(e - q));
      ir_buf_putc(&it->cls, 0);
    }
    q = e + 1;
  }
  /* pointers after the buffer stopped growing */
  size_t j = 0;
  for (size_t k = 0; k < n && j < nl; k++)
    if (p->crit[k].kind == IR_VAL_LIST)
      it->classes[k] = it->cls.p + offs[j++];
  it->f.pack = p;
  it->f.nstatus = n;
  it->f.status = it->status;
  it->f.classes = it->classes;
}

static void make_finding(ir_cross_iter *it, const group *g) {
  const ir_crosscase *c = it->c;
  ir_cross_finding *f = &it->f;
  int theirs = !oi(f->outcome);
  const size_t *off = names_of(c, g, theirs);
  f->ntotal = g->n[theirs];
  f->ncounterparts = nnamed(g, theirs);
  for (size_t i = 0; i < f->ncounterparts; i++)
    it->cps[i] = c->names.p + off[i];
  f->counterparts = it->cps;
  decode_profile(it, g);
  ir_buf *b = &it->msg;
  ir_buf_reset(b);
  const char *mine = ir_outcome_name(f->outcome);
  const char *other = ir_outcome_name(
      f->outcome == IR_OUT_UPHELD ? IR_OUT_OVERTURNED : IR_OUT_UPHELD);
  ir_buf_printf(b,
                "%zu %s item%s with the same criteria profile %s %s, this "
                "one was %s (profile: ",
                f->ntotal, f->category, f->ntotal == 1 ? "" : "s",
                f->ntotal == 1 ? "was" : "were", other, mine);
  ir_crosscase_profile_text(f, b);
  ir_buf_puts(b, ")");
  f->message = b->p;
}

const ir_cross_finding *ir_cross_next(ir_cross_iter *it) {
  if (!it)
    return NULL;
  while (next_item(it) == 1) {
    const group *g = &it->c->g[it->group];
    if (g->named) {
      make_finding(it, g);
      return &it->f;
    }
  }
  return NULL;
}

void ir_crosscase_free(ir_crosscase *c) {
  if (!c)
    return;
  ir_spill_free(&c->st);
  free(c->g);
  free(c->slot);
  for (size_t i = 0; i < c->ncats; i++)
    free(c->cats[i]);
  free(c->cats);
  free(c->noff);
  ir_buf_free(&c->names);
  ir_buf_free(&c->keys);
  ir_buf_free(&c->key);
  free(c);
}
