/* med_total.c - the total MED of a letter's regimens and its arithmetic
 * for --explain (ir_med_total, see med.h). */
#include "med_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* v with at most two decimals, no trailing zeros. */
static const char *fmt(char *buf, size_t n, double v) {
  snprintf(buf, n, "%.2f", v);
  char *dot = strchr(buf, '.');
  if (dot) {
    char *z = buf + strlen(buf);
    while (z > dot + 1 && z[-1] == '0')
      *--z = 0;
    if (z == dot + 1)
      *dot = 0;
  }
  return buf;
}

static char *dose_str(ir_arena *a, const ir_med_dose *d) {
  char s[32], p[32], f[32], m[32], q[32], dd[32];
  fmt(s, sizeof s, d->strength);
  fmt(p, sizeof p, d->per_day);
  fmt(f, sizeof f, d->factor);
  fmt(m, sizeof m, d->med);
  if (strcmp(d->unit, "mcg/hr") == 0)
    return d->per_day == 1
               ? ir_arena_printf(a, "%s %s mcg/hr x %s = %s", d->name, s, f, m)
               : ir_arena_printf(a, "%s %s mcg/hr x %s patches x %s = %s",
                                 d->name, s, p, f, m);
  char from[80] = "";
  if (d->quantity > 0 && d->days > 0 &&
      fabs(d->per_day - d->quantity / d->days) < 1e-9)
    snprintf(from, sizeof from, " (#%s / %s days)",
             fmt(q, sizeof q, d->quantity), fmt(dd, sizeof dd, d->days));
  return ir_arena_printf(a, "%s %s %s x %s/day%s x %s = %s", d->name, s,
                         d->unit, p, from, f, m);
}

double ir_med_total(ir_arena *a, const ir_med_dose *d, size_t n,
                    const char **explain) {
  size_t *keep = ir_arena_alloc(a, (n ? n : 1) * sizeof *keep), nk = 0;
  for (size_t i = 0; i < n; i++) {
    if (!(d[i].med > 0))
      continue;
    size_t j = 0;
    for (; j < nk; j++) {
      const ir_med_dose *o = &d[keep[j]];
      if (strcmp(o->drug, d[i].drug) == 0 && strcmp(o->unit, d[i].unit) == 0 &&
          o->extended == d[i].extended)
        break;
    }
    if (j == nk)
      keep[nk++] = i;
    else if (d[i].med > d[keep[j]].med)
      keep[j] = i;
  }
  double total = 0;
  char *s = NULL;
  for (size_t j = 0; j < nk; j++) {
    total += d[keep[j]].med;
    if (explain) {
      char *part = dose_str(a, &d[keep[j]]);
      s = s ? ir_arena_printf(a, "%s; %s", s, part) : part;
    }
  }
  if (explain) {
    char tot[32];
    *explain = s ? ir_arena_printf(a, "%s; total %s mg/day", s,
                                   fmt(tot, sizeof tot, total))
                 : "";
  }
  return total;
}
