/* pack.c - lookups over the guideline packs (see pack.h). */
#include "pack.h"

#include <string.h>

const char *ir_value_kind_name(ir_value_kind k) {
  static const char *const n[] = {"status", "number", "string", "list"};
  return (unsigned)k < 4 ? n[k] : "status";
}

static const char *const vx_names[] = {"none",  "count",   "levels",
                                       "class", "classes", "percent",
                                       "med",   "stated",  "blocks"};

const char *ir_vx_name(ir_vx v) {
  return (unsigned)v < sizeof vx_names / sizeof *vx_names ? vx_names[v]
                                                          : "none";
}

int ir_vx_from_name(const char *s) {
  for (size_t i = 0; i < sizeof vx_names / sizeof *vx_names; i++)
    if (strcmp(s, vx_names[i]) == 0)
      return (int)i;
  return -1;
}

static const char *const mod_names[] = {
    "negated",   "hypothetical", "future",   "resolved",
    "not_found", "attributed",   "uncertain"};

int ir_mod_from_name(const char *s) {
  for (size_t i = 0; i < sizeof mod_names / sizeof *mod_names; i++)
    if (strcmp(s, mod_names[i]) == 0)
      return 1 << i;
  return 0;
}

const char *ir_mod_name(int bit) {
  for (size_t i = 0; i < sizeof mod_names / sizeof *mod_names; i++)
    if (bit == 1 << i)
      return mod_names[i];
  return "unknown";
}

static int covers(const ir_pack *p, const char *cat) {
  for (size_t i = 0; i < p->ncategories; i++)
    if (strcmp(p->categories[i], cat) == 0)
      return 2;
  for (size_t i = 0; i < p->ncategories; i++)
    if (strcmp(p->categories[i], "*") == 0)
      return 1;
  return 0;
}

const ir_pack *ir_packset_for(const ir_packset *ps, const char *cat) {
  const ir_pack *best = NULL;
  int bw = 0;
  if (!ps)
    return NULL;
  for (size_t i = 0; i < ps->n; i++) {
    int w = ps->v[i]->ncrit ? covers(ps->v[i], cat ? cat : "other") : 0;
    if (w > bw) {
      bw = w;
      best = ps->v[i];
    }
  }
  return best;
}

const ir_pack *ir_packset_find(const ir_packset *ps, const char *id) {
  for (size_t i = 0; ps && i < ps->n; i++)
    if (strcmp(ps->v[i]->id, id) == 0)
      return ps->v[i];
  return NULL;
}

int ir_pack_crit(const ir_pack *p, const char *id) {
  for (size_t i = 0; p && id && i < p->ncrit; i++)
    if (strcmp(p->crit[i].id, id) == 0)
      return (int)i;
  return -1;
}

int ir_pack_number(const ir_pack *p, int c, const char *key, long *v) {
  if (!p || c < 0 || (size_t)c >= p->ncrit)
    return 0;
  const ir_crit_def *d = &p->crit[c];
  for (int i = 0; i < d->nnum; i++)
    if (strcmp(d->num[i].key, key) == 0) {
      *v = d->num[i].v;
      return 1;
    }
  return 0;
}
