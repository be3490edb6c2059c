/* crosscase.c - similar-cases-differ findings over a batch (crosscase.h).
 * Entries (one per participating item) hold interned strings and a packed
 * profile; groups are found with an open-addressing hash on the profile. */
#include "crosscase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_int.h"

static const char *const inj_names[] = {
    "local_anesthetic", "steroid",   "nsaid", "saline",
    "dextrose",         "botulinum", "other"};
#define NINJ (sizeof inj_names / sizeof *inj_names)

typedef struct {
  ir_cross_finding f; /* filled at finish when flagged */
  size_t group;
} entry;

typedef struct {
  const char *category; /* interned */
  unsigned long key;    /* statuses (2 bits each) and injectate bits */
  long upheld, overturned;
  int used;
} group;

struct ir_crosscase {
  entry *e;
  size_t n, cap;
  group *g; /* hash table */
  size_t gcap, gn;
  char **strs; /* every string owned */
  size_t nstrs, strcap;
#define NCACHE 64
  const char *cats[NCACHE], *specs[NCACHE];
  size_t ncats, nspecs;
  ir_cross_finding **out; /* findings in order */
  size_t nout;
  int finished;
};

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) {
    fputs("imraudit: out of memory\n", stderr);
    exit(3);
  }
  return p;
}

static char *own(ir_crosscase *c, char *s) {
  if (c->nstrs == c->strcap) {
    c->strcap = c->strcap ? c->strcap * 2 : 64;
    c->strs = xrealloc(c->strs, c->strcap * sizeof *c->strs);
  }
  return c->strs[c->nstrs++] = s;
}

static const char *sdup(ir_crosscase *c, const char *s, size_t max) {
  if (!s)
    return NULL;
  size_t n = strlen(s);
  if (n > max)
    n = max;
  char *d = xrealloc(NULL, n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return own(c, d);
}

/* Categories and specialties repeat: a small table of interned values. */
static const char *intern(ir_crosscase *c, const char *s, const char **tab,
                          size_t *ntab) {
  if (!s)
    return NULL;
  for (size_t i = 0; i < *ntab; i++)
    if (strcmp(tab[i], s) == 0)
      return tab[i];
  const char *d = sdup(c, s, 200);
  if (*ntab < NCACHE)
    tab[(*ntab)++] = d;
  return d;
}

ir_crosscase *ir_crosscase_new(void) {
  ir_crosscase *c = xrealloc(NULL, sizeof *c);
  memset(c, 0, sizeof *c);
  return c;
}

static unsigned inj_bits(const ir_fact *f) {
  unsigned bits = 0;
  for (size_t i = 0; i < f->list.n; i++) {
    size_t k = NINJ - 1;
    for (size_t j = 0; j < NINJ; j++)
      if (f->list.v[i] && strcmp(f->list.v[i], inj_names[j]) == 0)
        k = j;
    bits |= 1u << k;
  }
  return bits;
}

static unsigned long pack(const ir_cross_finding *f) {
  unsigned long k = 0;
  for (int i = 0; i < IR_CRIT_COUNT; i++)
    k = k << 2 | (f->status[i] & 3u);
  return k << NINJ | f->injectate;
}

static size_t hash(const char *cat, unsigned long key) {
  size_t h = 1469598103934665603ull;
  for (const char *p = cat ? cat : ""; *p; p++)
    h = (h ^ (unsigned char)*p) * 1099511628211ull;
  h = (h ^ key) * 1099511628211ull;
  return h ^ (h >> 29);
}

static void grow_groups(ir_crosscase *c);

static size_t find_group(ir_crosscase *c, const char *cat, unsigned long key) {
  if ((c->gn + 1) * 2 > c->gcap)
    grow_groups(c);
  size_t i = hash(cat, key) & (c->gcap - 1);
  while (c->g[i].used &&
         !(c->g[i].key == key && strcmp(c->g[i].category, cat) == 0))
    i = (i + 1) & (c->gcap - 1);
  if (!c->g[i].used) {
    c->g[i].used = 1;
    c->g[i].category = cat;
    c->g[i].key = key;
    c->gn++;
  }
  return i;
}

static void grow_groups(ir_crosscase *c) {
  size_t oldcap = c->gcap;
  group *old = c->g;
  c->gcap = oldcap ? oldcap * 2 : 256;
  c->g = xrealloc(NULL, c->gcap * sizeof *c->g);
  memset(c->g, 0, c->gcap * sizeof *c->g);
  c->gn = 0;
  size_t *remap = xrealloc(NULL, (oldcap ? oldcap : 1) * sizeof *remap);
  for (size_t i = 0; i < oldcap; i++) {
    if (!old[i].used)
      continue;
    size_t j = hash(old[i].category, old[i].key) & (c->gcap - 1);
    while (c->g[j].used)
      j = (j + 1) & (c->gcap - 1);
    c->g[j] = old[i];
    c->gn++;
    remap[i] = j;
  }
  for (size_t i = 0; i < c->n; i++)
    c->e[i].group = remap[c->e[i].group];
  free(remap);
  free(old);
}

void ir_crosscase_add(ir_crosscase *c, long seq, const ir_letter *l) {
  if (!l->ok)
    return;
  const char *file = NULL, *casenum = NULL, *spec = NULL;
  for (size_t i = 0; i < l->items.n; i++) {
    const ir_item *it = &l->items.v[i];
    if (it->outcome == IR_OUT_UNKNOWN)
      continue;
    int known = 0;
    for (int k = 0; k < IR_CRIT_COUNT; k++)
      known |= it->facts[k].status != IR_FACT_UNKNOWN;
    if (!known)
      continue;
    if (!file) {
      file = sdup(c, l->path, 4096);
      casenum = sdup(c, l->case_number, 200);
      spec = intern(c, l->specialty, c->specs, &c->nspecs);
    }
    if (c->n == c->cap) {
      c->cap = c->cap ? c->cap * 2 : 256;
      c->e = xrealloc(c->e, c->cap * sizeof *c->e);
    }
    entry *e = &c->e[c->n];
    memset(e, 0, sizeof *e);
    ir_cross_finding *f = &e->f;
    f->seq = seq;
    f->file = file;
    f->case_number = casenum;
    f->specialty = spec;
    f->category =
        intern(c, it->category ? it->category : "other", c->cats, &c->ncats);
    f->service = sdup(c, it->service, 160);
    f->index = it->index;
    f->line = it->line;
    f->outcome = it->outcome;
    f->conclusion = it->conclusion;
    for (int k = 0; k < IR_CRIT_COUNT; k++)
      f->status[k] = (unsigned char)it->facts[k].status;
    f->injectate = inj_bits(&it->facts[IR_CRIT_INJECTATE]);
    f->first_on_item = it->findings.n == 0;
    e->group = find_group(c, f->category, pack(f));
    c->n++;
    group *g = &c->g[e->group];
    if (it->outcome == IR_OUT_UPHELD)
      g->upheld++;
    else
      g->overturned++;
  }
}

static int other(ir_outcome a, ir_outcome b) { return a != b; }

void ir_crosscase_profile_text(const ir_cross_finding *f, ir_buf *b) {
  int first = 1;
  for (int k = 0; k < IR_CRIT_COUNT; k++) {
    if (f->status[k] == IR_FACT_UNKNOWN)
      continue;
    ir_buf_printf(b, "%s%s=%s", first ? "" : ", ",
                  ir_criterion_name((ir_criterion)k),
                  ir_status_name((ir_status)f->status[k]));
    first = 0;
  }
  if (f->injectate) {
    ir_buf_printf(b, "%sinjectate classes=", first ? "" : ", ");
    int fi = 1;
    for (size_t j = 0; j < NINJ; j++)
      if (f->injectate & (1u << j)) {
        ir_buf_printf(b, "%s%s", fi ? "" : "+", inj_names[j]);
        fi = 0;
      }
  }
}

/* Members of each group in input order: counting sort of entry indices. */
static size_t *group_members(const ir_crosscase *c, size_t **start) {
  size_t *cnt = xrealloc(NULL, (c->gcap + 1) * sizeof *cnt);
  memset(cnt, 0, (c->gcap + 1) * sizeof *cnt);
  for (size_t i = 0; i < c->n; i++)
    cnt[c->e[i].group + 1]++;
  for (size_t g = 0; g < c->gcap; g++)
    cnt[g + 1] += cnt[g];
  size_t *pos = xrealloc(NULL, (c->gcap + 1) * sizeof *pos);
  memcpy(pos, cnt, (c->gcap + 1) * sizeof *pos);
  size_t *mem = xrealloc(NULL, (c->n ? c->n : 1) * sizeof *mem);
  for (size_t i = 0; i < c->n; i++)
    mem[pos[c->e[i].group]++] = i;
  free(pos);
  *start = cnt;
  return mem;
}

static void make_finding(ir_crosscase *c, entry *e, const size_t *mem,
                         size_t from, size_t to) {
  ir_cross_finding *f = &e->f;
  const group *g = &c->g[e->group];
  f->ntotal = (size_t)(f->outcome == IR_OUT_UPHELD ? g->overturned : g->upheld);
  size_t named =
      f->ntotal < IR_CROSS_MAX_NAMED ? f->ntotal : IR_CROSS_MAX_NAMED;
  f->counterparts = xrealloc(NULL, (named ? named : 1) * sizeof(char *));
  own(c, (char *)f->counterparts);
  for (size_t m = from; m < to && f->ncounterparts < named; m++) {
    const ir_cross_finding *o = &c->e[mem[m]].f;
    if (!other(o->outcome, f->outcome))
      continue;
    char buf[64];
    snprintf(buf, sizeof buf, "#%d", o->index);
    size_t fl = strlen(o->file), bl = strlen(buf);
    char *s = xrealloc(NULL, fl + bl + 1);
    memcpy(s, o->file, fl);
    memcpy(s + fl, buf, bl + 1);
    f->counterparts[f->ncounterparts++] = own(c, s);
  }
  ir_buf b = {0};
  const char *mine = ir_outcome_name(f->outcome);
  const char *theirs = ir_outcome_name(
      f->outcome == IR_OUT_UPHELD ? IR_OUT_OVERTURNED : IR_OUT_UPHELD);
  ir_buf_printf(&b,
                "%zu %s item%s with the same criteria profile %s %s, this "
                "one was %s (profile: ",
                f->ntotal, f->category, f->ntotal == 1 ? "" : "s",
                f->ntotal == 1 ? "was" : "were", theirs, mine);
  ir_crosscase_profile_text(f, &b);
  ir_buf_puts(&b, ")");
  f->message = own(c, b.p);
}

void ir_crosscase_finish(ir_crosscase *c) {
  if (c->finished)
    return;
  c->finished = 1;
  size_t *start;
  size_t *mem = group_members(c, &start);
  c->out = xrealloc(NULL, (c->n ? c->n : 1) * sizeof *c->out);
  for (size_t i = 0; i < c->n; i++) {
    entry *e = &c->e[i];
    const group *g = &c->g[e->group];
    if (!g->upheld || !g->overturned)
      continue;
    make_finding(c, e, mem, start[e->group], start[e->group + 1]);
    c->out[c->nout++] = &e->f;
  }
  free(mem);
  free(start);
}

size_t ir_crosscase_count(const ir_crosscase *c) { return c ? c->nout : 0; }

const ir_cross_finding *ir_crosscase_get(const ir_crosscase *c, size_t i) {
  return i < c->nout ? c->out[i] : NULL;
}

static void render_json(ir_buf *b, const ir_cross_finding *f) {
  ir_buf_puts(b, "{\"cross_case\":true,\"file\":");
  ir_buf_json_str(b, f->file);
  ir_buf_printf(b,
                ",\"index\":%d,\"finding\":{\"rule\":\"" IR_CROSS_RULE
                "\",\"kind\":\"" IR_CROSS_KIND "\",\"criterion\":null,"
                "\"severity\":\"warning\",\"message\":",
                f->index);
  ir_buf_json_str(b, f->message);
  ir_buf_puts(b, ",\"evidence\":[],\"counterparts\":[");
  for (size_t i = 0; i < f->ncounterparts; i++) {
    if (i)
      ir_buf_putc(b, ',');
    ir_buf_json_str(b, f->counterparts[i]);
  }
  ir_buf_printf(b, "],\"counterparts_total\":%zu}}\n", f->ntotal);
}

static void render_text(ir_buf *b, const ir_cross_finding *f, int color) {
  const char *bold = color ? "\033[1m" : "", *mag = color ? "\033[35m" : "",
             *off = color ? "\033[0m" : "";
  ir_buf_printf(b, "%s%s:%d:%s %swarning:%s " IR_CROSS_KIND " (item %d): %s\n",
                bold, f->file, f->line, off, mag, off, f->index, f->message);
  for (size_t i = 0; i < f->ncounterparts; i++)
    ir_buf_printf(b, "        | similar: %s\n", f->counterparts[i]);
  if (f->ntotal > f->ncounterparts)
    ir_buf_printf(b, "        | and %zu more\n", f->ntotal - f->ncounterparts);
}

static void render_csv(ir_buf *b, const ir_cross_finding *f) {
  char idx[24];
  snprintf(idx, sizeof idx, "%d", f->index);
  ir_csv_field(b, f->file, 0);
  ir_csv_field(b, f->case_number, 0);
  ir_csv_field(b, idx, 0);
  ir_csv_field(b, f->service, 0);
  ir_csv_field(b, f->category, 0);
  ir_csv_field(b, ir_outcome_name(f->outcome), 0);
  ir_csv_field(b, ir_conclusion_name(f->conclusion), 0);
  for (int k = 0; k < IR_CRIT_COUNT; k++)
    ir_csv_field(b, ir_status_name((ir_status)f->status[k]), 0);
  ir_csv_field(b, "", 0);
  ir_csv_field(b, IR_CROSS_KIND, 0);
  ir_csv_field(b, "warning", 0);
  ir_csv_field(b, f->message, 0);
  ir_csv_field(b, "", 1);
}

void ir_crosscase_render(const ir_crosscase *c, ir_buf *b, ir_format fmt,
                         int color) {
  if (fmt == IR_FMT_TEXT && c->nout)
    ir_buf_puts(b, "\ncross-case consistency\n");
  for (size_t i = 0; i < c->nout; i++) {
    const ir_cross_finding *f = c->out[i];
    if (fmt == IR_FMT_JSON)
      render_json(b, f);
    else if (fmt == IR_FMT_CSV)
      render_csv(b, f);
    else
      render_text(b, f, color);
  }
}

void ir_crosscase_free(ir_crosscase *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->nstrs; i++)
    free(c->strs[i]);
  free(c->strs);
  free(c->e);
  free(c->g);
  free(c->out);
  free(c);
}
