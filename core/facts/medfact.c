/* medfact.c - the morphine-equivalent dose of an item (the `med` value
 * extractor, pack.h): a total the record states ("MED of 180 mg/day"),
 * else the sum over the regimens the record documents (med.h: drug,
 * strength, maximum daily count, factor) of the opioids the item decides
 * (those its title names; all of them when it names none). A regimen that
 * is planned, hypothetical, negated, past or only another party's
 * statement is not the worker's. The value carries its arithmetic (how). */
#include "extract_int.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "med.h"

#define MED_MAX_DRUGS 16

/* A regimen has a strength, a stated dose a number: a sentence without a
 * digit has neither. Eight bytes at a time: a byte of w lies strictly
 * between '0' - 1 and '9' + 1 when the bit trick "hasbetween" (Bit
 * Twiddling Hacks, exact for bytes below 0x80; a byte >= 0x80 never sets
 * its bit) leaves its top bit set. */
#define ONES 0x0101010101010101ull
#define HAS_DIGIT8(w)                                                          \
  ((ONES * (127 + ('9' + 1)) - ((w)&ONES * 127)) & ~(w) &                      \
   (((w)&ONES * 127) + ONES * (127 - ('0' - 1))) & ONES * 128)

static int has_digit(const xsent *x) {
  const char *t = x->s.text;
  size_t i = x->s.start;
  for (; i + 8 <= x->s.end; i += 8) {
    uint64_t w;
    memcpy(&w, t + i, 8);
    if (HAS_DIGIT8(w))
      return 1;
  }
  for (; i < x->s.end; i++)
    if (t[i] >= '0' && t[i] <= '9')
      return 1;
  return 0;
}

static int regimen_current(const xsent *x, size_t s, size_t e) {
  return ir_x_classify(x, s, e) == XC_AFFIRM;
}

/* A stated total in the summary (first) or the rationale. */
static int stated(xletter *xl, ir_fact *f) {
  for (int pass = 0; pass < 2; pass++)
    for (size_t k = 0; k < xl->n; k++) {
      const xsent *x = &xl->v[k];
      if (x->region != (pass ? XR_RATIONALE : XR_SUMMARY) || !has_digit(x))
        continue;
      double mg;
      size_t s, e, from = x->s.start;
      while (from < x->s.end &&
             ir_med_stated(x->s.text, from, x->s.end, &mg, &s, &e)) {
        if (mg > 0 && regimen_current(x, s, e)) {
          f->has_value = 1;
          f->ivalue = (long)floor(mg);
          f->half = mg - floor(mg) >= 0.25 && mg - floor(mg) < 0.75;
          if (!f->half)
            f->ivalue = lround(mg);
          f->how = ir_arena_printf(xl->a, "stated: %.0f mg/day", mg);
          ir_x_add_ev(xl, &f->affirm, x, s, e);
          return 1;
        }
        from = e > from ? e : from + 1;
      }
    }
  return 0;
}

void ir_x_med_value(xletter *xl, int item, const struct ir_med_table *t,
                    ir_fact *f) {
  (void)item;
  if (!t || stated(xl, f))
    return;
  /* Each title, summary and rationale sentence is scanned once: its
   * regimens are kept (by sentence index) for the drugs the item decides,
   * read from the titles first, and for the doses after. */
  ir_med_dose **dk = ir_arena_alloc(xl->a, (xl->n + 1) * sizeof *dk);
  size_t *nk = ir_arena_alloc(xl->a, (xl->n + 1) * sizeof *nk);
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    nk[k] = 0;
    if ((x->region == XR_SUMMARY || x->region == XR_RATIONALE ||
         x->region == XR_TITLE) &&
        has_digit(x))
      nk[k] = ir_med_scan(t, xl->a, x->s.text, x->s.start, x->s.end, &dk[k]);
  }
  /* the drugs the item decides */
  const char *want[MED_MAX_DRUGS];
  int wext[MED_MAX_DRUGS]; /* extended release (1) or not (0) */
  size_t nwant = 0;
  for (size_t k = 0; k < xl->n; k++) {
    if (xl->v[k].region != XR_TITLE)
      continue;
    const ir_med_dose *d = dk[k];
    for (size_t i = 0; i < nk[k] && nwant < MED_MAX_DRUGS; i++) {
      int dup = 0, ext = d[i].extended > 0;
      for (size_t j = 0; j < nwant; j++)
        dup |= strcmp(want[j], d[i].drug) == 0 && wext[j] == ext;
      if (!dup) {
        wext[nwant] = ext;
        want[nwant++] = d[i].drug;
      }
    }
  }
  IR_VEC(ir_med_dose) all = {0};
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    const ir_med_dose *d = dk[k];
    for (size_t i = 0; i < nk[k]; i++) {
      if (d[i].med <= 0 || !regimen_current(x, d[i].start, d[i].end))
        continue;
      /* the item's drug in the item's release: OxyContin (extended) and
       * oxycodone (immediate) decided apart are two doses */
      int ok = !nwant;
      for (size_t j = 0; j < nwant; j++)
        ok |= strcmp(want[j], d[i].drug) == 0 && wext[j] == (d[i].extended > 0);
      if (!ok)
        continue;
      ir_vec_push(xl->a, &all, d[i]);
      ir_x_add_ev(xl, &f->affirm, x, d[i].start, d[i].end);
    }
  }
  if (!all.n)
    return;
  const char *how = NULL;
  double total = ir_med_total(xl->a, all.v, all.n, &how);
  if (total <= 0) {
    f->affirm.n = 0;
    return;
  }
  f->has_value = 1;
  /* mg/day to the half milligram (22.5 for Norco 7.5 three times a day) */
  double r = floor(total * 2 + 0.5) / 2;
  f->ivalue = (long)floor(r);
  f->half = r - floor(r) > 0.25;
  f->how = how;
}
