/* packs.c - the guideline packs as the fact extractor uses them: each
 * pack's own lexicon (its *.lex and lexicon/ *.lex; entries under a shared
 * section's name extend the shared lexicon), and each fact spec's section
 * names resolved to hit sections (extract_int.h, IR_XSEC). A name that no
 * lexicon defines is a load error naming pack.lua's line. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "med.h"

const char *ir_x_sec_name(const ir_extractor *x, int sec) {
  if (sec < IR_LEX_MAX)
    return ir_lex_name(sec);
  size_t p = (size_t)(sec / IR_LEX_MAX - 1);
  if (p >= x->npacks || !x->packs[p].lx)
    return "unknown";
  return ir_lexicon_section_name(x->packs[p].lx, sec % IR_LEX_MAX);
}

static int add_pack_dir(ir_lexicon *lx, const char *dir, const char *sub,
                        char *err, size_t errlen) {
  char path[4096];
  if (snprintf(path, sizeof path, "%s%s", dir, sub) >= (int)sizeof path) {
    snprintf(err, errlen, "%s: path too long", dir);
    return -1;
  }
  return ir_lexicon_add_files(lx, path, err, errlen);
}

/* Resolves the names of set into out[]; -1 with a message when one is
 * unknown. */
static int resolve(const ir_extractor *x, int pi, const ir_pack *p,
                   const ir_crit_def *d, const char *what, const ir_secset *set,
                   int *out, int *n, char *err, size_t errlen) {
  const ir_lexicon *own = x->packs[pi].lx;
  *n = 0;
  for (int i = 0; i < set->n; i++) {
    const char *nm = set->names[i];
    int id = own ? ir_lexicon_section_id(own, nm, strlen(nm)) : -1;
    if (id >= 0) {
      out[(*n)++] = IR_XSEC(pi, id);
      continue;
    }
    id = ir_lex_from_name(nm, strlen(nm));
    if (id < 0) {
      snprintf(err, errlen,
               "%s/pack.lua:%d: criterion %s: %s section [%s] is in no "
               "lexicon of the pack or the shared ones",
               p->dir, d->fact.line ? d->fact.line : d->line, d->id, what, nm);
      return -1;
    }
    out[(*n)++] = id;
  }
  return 0;
}

static int resolve_pack(ir_extractor *x, int pi, char *err, size_t errlen) {
  xpack *xp = &x->packs[pi];
  const ir_pack *p = xp->p;
  xp->spec = calloc(p->ncrit ? p->ncrit : 1, sizeof *xp->spec);
  if (!xp->spec) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  for (size_t c = 0; c < p->ncrit; c++) {
    const ir_crit_def *d = &p->crit[c];
    const ir_fact_spec *f = &d->fact;
    xspec *s = &xp->spec[c];
    if (f->builtin)
      continue;
    xp->data = 1;
    if (resolve(x, pi, p, d, "affirm", &f->affirm, s->affirm, &s->naffirm, err,
                errlen) ||
        resolve(x, pi, p, d, "deny", &f->deny, s->deny, &s->ndeny, err,
                errlen) ||
        resolve(x, pi, p, d, "weak_deny", &f->weak_deny, s->weak, &s->nweak,
                err, errlen) ||
        resolve(x, pi, p, d, "cite", &f->cite, s->cite, &s->ncite, err,
                errlen) ||
        resolve(x, pi, p, d, "unmet", &f->unmet, s->unmet, &s->nunmet, err,
                errlen) ||
        resolve(x, pi, p, d, "class", &f->classes, s->classes, &s->nclasses,
                err, errlen) ||
        resolve(x, pi, p, d, "value_at", &f->value_at, s->value_at,
                &s->nvalue_at, err, errlen) ||
        resolve(x, pi, p, d, "with", &f->with, s->with, &s->nwith, err, errlen))
      return -1;
    if (f->vx == IR_VX_MED) {
      if (!f->table) {
        snprintf(err, errlen,
                 "%s/pack.lua:%d: criterion %s: value med needs "
                 "a table",
                 p->dir, d->line, d->id);
        return -1;
      }
      s->med = ir_med_load(f->table, err, errlen);
      if (!s->med)
        return -1;
    }
  }
  return 0;
}

int ir_x_packs_load(ir_extractor *x, char *err, size_t errlen) {
  const ir_packset *ps = x->ps;
  x->npacks = ps ? ps->n : 0;
  if (!x->npacks)
    return 0;
  x->packs = calloc(x->npacks, sizeof *x->packs);
  if (!x->packs) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  for (size_t i = 0; i < x->npacks; i++) {
    xpack *xp = &x->packs[i];
    xp->p = ps->v[i];
    if (xp->p->builtin_tpi && !x->tpi)
      x->tpi = xp->p;
    if (!xp->p->dir)
      continue;
    ir_lexicon *lx = ir_lexicon_new_open(x->lx);
    if (!lx) {
      snprintf(err, errlen, "out of memory");
      return -1;
    }
    int a = add_pack_dir(lx, xp->p->dir, "", err, errlen);
    int b = a < 0 ? -1 : add_pack_dir(lx, xp->p->dir, "/lexicon", err, errlen);
    if (a < 0 || b < 0) {
      ir_lexicon_free(lx);
      return -1;
    }
    if (ir_lexicon_nsections(lx) == 0 ||
        ir_lexicon_compile(lx, err, errlen) != 0) {
      int bad = ir_lexicon_nsections(lx) != 0;
      ir_lexicon_free(lx);
      if (bad)
        return -1;
      continue; /* no sections of its own: the shared ones serve */
    }
    xp->lx = lx;
  }
  for (size_t i = 0; i < x->npacks; i++)
    if (resolve_pack(x, (int)i, err, errlen) != 0)
      return -1;
  return 0;
}

void ir_x_packs_free(ir_extractor *x) {
  for (size_t i = 0; x->packs && i < x->npacks; i++) {
    ir_lexicon_free(x->packs[i].lx);
    for (size_t c = 0; x->packs[i].spec && c < x->packs[i].p->ncrit; c++)
      ir_med_free(x->packs[i].spec[c].med);
    free(x->packs[i].spec);
  }
  free(x->packs);
  x->packs = NULL;
  x->npacks = 0;
}
