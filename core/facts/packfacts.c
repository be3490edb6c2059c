/* packfacts.c - the facts of a pack's criteria read from their fact specs
 * (pack.h) rather than from built-in C: the ConText way. For each fact,
 * every hit of its affirm sections in the regions it reads is classified
 * by the modifier classes the spec applies (negated, hypothetical, future,
 * resolved, not found, attributed, uncertain: the scope functions of
 * nlp/scope.h over the shared lexicon's trigger sections), after binding
 * (a term of another body region, level or side is not the item's):
 *   affirmed  -> evidence that the record documents it
 *   negated / resolved / looked for and not found -> evidence of absence
 *   cited in the rationale -> the item cites the criterion
 *   hypothetical, future, attributed, uncertain, a recital -> nothing.
 * A hit of a deny section ("EMG normal", "without fluoroscopy") that no
 * modifier reaches documents absence. A value extractor (levels, count,
 * class, percent, med, stated) gives the value. Status: present when only
 * affirmed, absent when only denied, contradicted when both (the summary
 * prevails over the rationale, as for the built-in facts). */
#include "packfacts_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "med.h"

int ir_pf_reads(const pf *p, const xsent *x) {
  unsigned r = p->d->fact.read;
  switch (x->region) {
  case XR_SUMMARY:
    return (r & IR_READ_SUMMARY) != 0;
  case XR_TITLE:
    return (r & IR_READ_TITLE) != 0;
  case XR_RATIONALE:
    return (r & IR_READ_RATIONALE) != 0;
  default:
    return 0;
  }
}

/* An [uncertain] trigger within four words before the term in its clause,
 * or right after it ("... is questionable"). */
static int uncertain(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi, n;
  ir_scope_clause(s, ts, te, &lo, &hi);
  const ir_hit *h = ir_sent_hits(s, IR_LEX_UNCERTAIN, &n);
  for (size_t i = 0; i < n; i++) {
    if (ir_hit_pseudo(s, &h[i]))
      continue;
    if (h[i].end <= ts && h[i].start >= lo &&
        ir_scope_words(s, h[i].end, ts) <= 4)
      return 1;
    if (h[i].start >= te && h[i].end <= hi &&
        ir_scope_words(s, te, h[i].start) <= 2)
      return 1;
  }
  return 0;
}

/* A finding a later clause of its sentence says is gone, by a pronoun:
 * "a positive SLR was recorded in 2013; it has since resolved", "...,
 * which has since resolved". */
static int resolved_after(const ir_sent *s, size_t te) {
  static const char *const pro[] = {"it ",    "this ", "these ", "they ",
                                    "which ", "that ", "both ",  "all "};
  const char *t = s->text;
  for (size_t i = te; i < s->end; i++) {
    if (t[i] != ';' && t[i] != ',' && t[i] != '-')
      continue;
    size_t j = i + 1;
    while (j < s->end && t[j] == ' ')
      j++;
    for (size_t k = 0; k < sizeof pro / sizeof *pro; k++) {
      size_t n = strlen(pro[k]);
      if (j + n <= s->end && strncasecmp(t + j, pro[k], n) == 0) {
        size_t m;
        const ir_hit *h = ir_sent_hits(s, IR_LEX_RESOLVED, &m);
        for (size_t q = 0; q < m; q++)
          if (h[q].start >= j && ir_scope_words(s, j, h[q].start) <= 4)
            return 1;
      }
    }
  }
  return 0;
}

/* The term's clause restates a guideline: a [recital] hit in it ("the
 * guidelines require", "is recommended when") and no [applied] one ("in
 * this case", "the patient"). Clause by clause, not the whole sentence:
 * in "Without evidence of functional benefit, continued use cannot be
 * supported; the medication should be tapered as the guideline
 * describes" the first clause is the reviewer's finding. */
static int recital_clause(const ir_sent *s, size_t ts, size_t te) {
  size_t lo, hi;
  ir_scope_clause(s, ts, te, &lo, &hi);
  return ir_sent_has(s, IR_LEX_RECITAL, lo, hi) &&
         !ir_sent_has(s, IR_LEX_APPLIED, lo, hi);
}

/* Classification of a term under the spec's modifier classes. */
int ir_pf_classify(const xsent *x, size_t ts, size_t te, unsigned mods) {
  const ir_sent *s = &x->s;
  if (x->region == XR_HEADER)
    return XC_NONE;
  if ((mods & IR_MOD_ATTRIBUTED) && ir_scope_attributed(s, te))
    return XC_NONE;
  int rat = x->region == XR_RATIONALE;
  int c = ir_scope_cited(s, ts, te);
  if (rat && c == 1 && ir_x_doc_cite(s, ts, te))
    return XC_CITE;
  if (rat && recital_clause(s, ts, te))
    return XC_NONE;
  if (c == 1)
    return rat ? XC_CITE : XC_NONE;
  if (c == 2)
    return XC_NONE;
  if ((mods & IR_MOD_NOT_FOUND) && ir_scope_not_found(s, ts, te))
    return XC_DENY;
  if ((mods & IR_MOD_HYPOTHETICAL) && ir_scope_conditional(s, ts, te))
    return XC_NONE;
  if ((mods & IR_MOD_FUTURE) && ir_scope_hypothetical(s, ts, te))
    return XC_NONE;
  if ((mods & IR_MOD_UNCERTAIN) && uncertain(s, ts, te))
    return XC_NONE;
  if ((mods & IR_MOD_NEGATED) && ir_scope_negated(s, ts, te))
    return XC_DENY;
  if ((mods & IR_MOD_RESOLVED) && (ir_scope_resolved(s, ts, te) ||
                                   resolved_after(s, te) || x->next_resolves))
    return XC_DENY;
  return XC_AFFIRM;
}

/* The term at [ts, te) speaks of another region, level or side. */
int ir_pf_foreign(const pf *p, const xsent *x, size_t ts, size_t te) {
  ir_bind b = p->d->fact.bind;
  if (b == IR_BIND_NONE || x->region == XR_TITLE)
    return 0;
  if (!ir_x_in_region(p->xl, x, p->item) || ir_x_foreign_term(p->xl, x, ts))
    return 1;
  if (b != IR_BIND_LEVEL)
    return 0;
  size_t lo, hi;
  ir_scope_clause(&x->s, ts, te, &lo, &hi);
  ir_levels here = ir_levels_in(x->s.text, lo, hi);
  return !ir_levels_meet(&p->want, &here);
}

void ir_pf_add(pf *p, ir_evlist *l, const xsent *x, size_t lo, size_t hi) {
  ir_x_add_ev(p->xl, l, x, lo, hi);
}

/* A [negation_pre] trigger ("no", "without") within three words before
 * ts in its clause: "no UDS" (a result after the term, "UDS negative
 * for oxycodone", is no absence of the screen). */
static int negated_before(const ir_sent *s, size_t ts) {
  size_t lo, hi, n;
  ir_scope_clause(s, ts, ts, &lo, &hi);
  const ir_hit *h = ir_sent_hits(s, IR_LEX_NEG_PRE, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].end <= ts && h[i].start >= lo && !ir_hit_pseudo(s, &h[i]) &&
        ir_scope_words(s, h[i].end, ts) <= 3)
      return 1;
  return 0;
}

/* The sentence has a hit of one of the spec's `with` sections (none
 * named: any sentence). */
static int with_ok(const pf *p, const xsent *x) {
  if (!p->xs->nwith)
    return 1;
  for (int j = 0; j < p->xs->nwith; j++)
    if (ir_sent_has_any(&x->s, p->xs->with[j]))
      return 1;
  return 0;
}

static void read_sections(pf *p, const int *secs, int nsecs, int deny) {
  xletter *xl = p->xl;
  unsigned mods = p->d->fact.mods;
  /* a deny phrase carries its own polarity ("SLR negative", "EMG was
   * normal"): the negation triggers beside it ("... and the EMG was
   * normal") are its own words or another finding's, never its negation */
  if (deny)
    mods &= ~(unsigned)IR_MOD_NEGATED;
  /* a sentence with no hit of the sections (its secs bits, as
   * ir_sent_hits reads them) has nothing to read: passed over at once */
  uint64_t any = 0;
  for (int j = 0; j < nsecs; j++)
    any |= IR_SENT_SECBIT(secs[j]);
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (!(x->s.secs & any) || x->region == XR_HEADER || !with_ok(p, x))
      continue;
    for (int j = 0; j < nsecs; j++) {
      size_t n;
      const ir_hit *h = ir_sent_hits(&x->s, secs[j], &n);
      for (size_t i = 0; i < n; i++) {
        if (ir_hit_pseudo(&x->s, &h[i]) ||
            ir_pf_foreign(p, x, h[i].start, h[i].end))
          continue;
        int c = ir_pf_classify(x, h[i].start, h[i].end, mods);
        if (c == XC_CITE) {
          if (!deny)
            ir_x_cite(xl, p->it, (int)(p->d - p->it->pack->crit), x, h[i].start,
                      h[i].end);
          continue;
        }
        if (c == XC_NONE)
          continue;
        /* the reviewer's own words: a rationale stating the record shows
         * the criterion unmet (a negative finding for a criterion met by
         * its presence, a present one for one met by its absence) names
         * it as unmet */
        if (x->region == XR_RATIONALE && p->d->meets) {
          /* (negation counts here even for a fact read without the
           * negated class: "no UDS" in a rationale names the screen as
           * missing) */
          int neg = deny ? c == XC_AFFIRM
                         : c == XC_DENY || (c == XC_AFFIRM &&
                                            negated_before(&x->s, h[i].start));
          int want_absent = strcmp(p->d->meets, "absent") == 0;
          if (strcmp(p->d->meets, "value") != 0 && neg != want_absent)
            ir_x_cite(xl, p->it, (int)(p->d - p->it->pack->crit), x, h[i].start,
                      h[i].end);
        }
        if (!ir_pf_reads(p, x))
          continue;
        if (deny) { /* a negative finding; negated it says nothing, turned
                       ("it is not the case that the SLR was negative") it
                       affirms */
          if (c == XC_AFFIRM)
            ir_pf_add(p,
                      ir_scope_flipped(&x->s, h[i].start, h[i].end)
                          ? &p->f->affirm
                          : &p->f->deny,
                      x, h[i].start, h[i].end);
          continue;
        }
        ir_pf_add(p, c == XC_AFFIRM ? &p->f->affirm : &p->f->deny, x,
                  h[i].start, h[i].end);
      }
    }
  }
}

/* Citation terms: the rationale names the criterion in a cited sense. */
static void read_cites(pf *p) {
  xletter *xl = p->xl;
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (x->region != XR_RATIONALE)
      continue;
    for (int j = 0; j < p->xs->ncite; j++) {
      size_t n;
      const ir_hit *h = ir_sent_hits(&x->s, p->xs->cite[j], &n);
      for (size_t i = 0; i < n; i++) {
        if (ir_pf_classify(x, h[i].start, h[i].end, IR_MOD_ATTRIBUTED) ==
            XC_CITE)
          ir_x_cite(xl, p->it, (int)(p->d - p->it->pack->crit), x, h[i].start,
                    h[i].end);
      }
    }
    for (int j = 0; j < p->xs->nunmet; j++) {
      size_t n;
      const ir_hit *h = ir_sent_hits(&x->s, p->xs->unmet[j], &n);
      for (size_t i = 0; i < n; i++)
        if (!ir_scope_attributed(&x->s, h[i].end) &&
            !ir_scope_conditional(&x->s, h[i].start, h[i].end))
          ir_x_cite(xl, p->it, (int)(p->d - p->it->pack->crit), x, h[i].start,
                    h[i].end);
    }
  }
}

static int from_summary(const ir_evlist *l) {
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i].section == IR_SEC_SUMMARY)
      return 1;
  return 0;
}

static void derive(ir_fact *f, const ir_crit_def *d) {
  ir_value_kind kind = d->kind;
  const char *other = d->fact.otherwise;
  if (d->fact.affirm_wins && f->affirm.n)
    f->deny.n = 0;
  if (f->affirm.n && f->deny.n) {
    int sa = from_summary(&f->affirm), sd = from_summary(&f->deny);
    if (sa && !sd)
      f->deny.n = 0;
    else if (sd && !sa)
      f->affirm.n = 0;
  }
  f->contradicted = f->affirm.n && f->deny.n;
  if (kind != IR_VAL_STATUS && f->has_value) {
    f->status = IR_FACT_PRESENT;
    return;
  }
  f->status = f->affirm.n ? IR_FACT_PRESENT
              : f->deny.n ? IR_FACT_ABSENT
                          : IR_FACT_UNKNOWN;
  if (f->status != IR_FACT_UNKNOWN || !other)
    return;
  if (kind == IR_VAL_STRING) { /* a stated default value, status unknown */
    f->svalue = other;
    f->has_value = 1;
  } else if (strcmp(other, "absent") == 0) {
    f->status = IR_FACT_ABSENT;
  } else if (strcmp(other, "present") == 0) {
    f->status = IR_FACT_PRESENT;
  }
}

void ir_x_pack_facts(xletter *xl, int item, const xpack *xp) {
  ir_item *it = &xl->l->items.v[item];
  if (!it->pack || it->pack != xp->p)
    return;
  pf p;
  memset(&p, 0, sizeof p);
  p.xl = xl;
  p.item = item;
  p.it = it;
  for (size_t k = 0; k < xl->n; k++)
    if (xl->v[k].region == XR_TITLE) {
      ir_levels v =
          ir_levels_in(xl->v[k].s.text, xl->v[k].s.start, xl->v[k].s.end);
      p.want.spaces |= v.spaces;
      p.want.roots |= v.roots;
      p.want.sides |= v.sides;
    }
  for (size_t c = 0; c < xp->p->ncrit; c++) {
    p.d = &xp->p->crit[c];
    if (p.d->fact.builtin)
      continue;
    p.xs = &xp->spec[c];
    p.f = &it->facts[c];
    if (p.d->fact.vx == IR_VX_NONE || p.d->fact.vx == IR_VX_PERCENT) {
      read_sections(&p, p.xs->affirm, p.xs->naffirm, 0);
      read_sections(&p, p.xs->deny, p.xs->ndeny, 1);
      if (!p.f->affirm.n) /* weak denials: only where nothing affirms */
        read_sections(&p, p.xs->weak, p.xs->nweak, 1);
    } else {
      /* a value fact: its terms only cite it and deny it */
      ir_evlist keep = p.f->affirm;
      read_sections(&p, p.xs->affirm, p.xs->naffirm, 0);
      p.f->affirm = keep;
      read_sections(&p, p.xs->deny, p.xs->ndeny, 1);
    }
    read_cites(&p);
    ir_pf_value(&p);
    derive(p.f, p.d);
  }
}
