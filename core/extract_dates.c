/* extract_dates.c - dates in the text; duration and frequency from dates.
 *
 * Every date in every sentence is found with ir_scan_date (segment.h).
 * duration: the injury (or onset) date is l->date_injury, else the first
 * date that an [injury_date] trigger precedes in its sentence; the
 * reference date is l->date_decision, else the latest date in the letter.
 * More than 91 days between them -> affirm; 0..90 days -> deny. The
 * evidence is the sentence stating the injury date.
 * frequency: dates of trigger point injections - the title's date (DOS) and
 * dates in sentences naming a TPI that was given ([performed]) within 120
 * bytes of the TPI term. With two or more distinct dates, the last two are
 * the prior and the requested (or latest) injection: >= 60 days apart ->
 * affirm, fewer -> deny. */
#include "extract_int.h"

#include <ctype.h>
#include <string.h>

#include "segment.h"

long ir_x_days(const char *iso) {
  if (!iso || strlen(iso) != 10)
    return -1;
  int y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 +
          (iso[3] - '0');
  int m = (iso[5] - '0') * 10 + (iso[6] - '0');
  int d = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (m < 1 || m > 12 || d < 1 || d > 31)
    return -1;
  /* days from civil (H. Hinnant) */
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

typedef IR_VEC(xdate) datevec;

void ir_x_scan_dates(xletter *xl) {
  datevec dv = {0};
  const char *t = xl->t->norm;
  for (size_t k = 0; k < xl->n; k++) {
    size_t p = xl->v[k].s.start, e = xl->v[k].s.end;
    while (p < e) {
      unsigned char c = (unsigned char)t[p];
      int boundary = p == xl->v[k].s.start || !isalnum((unsigned char)t[p - 1]);
      if (boundary && isalnum(c)) {
        xdate d;
        memset(&d, 0, sizeof d);
        size_t r = ir_scan_date(t + p, e - p, d.iso);
        if (r) {
          d.start = p;
          d.end = p + r;
          d.sent = k;
          ir_vec_push(xl->a, &dv, d);
          p += r;
          continue;
        }
      }
      p++;
    }
  }
  xl->dates = dv.v;
  xl->ndates = dv.n;
}

/* Is the date preceded in its sentence by an [injury_date] trigger within
 * 60 bytes? */
static int injury_marked(const xletter *xl, const xdate *d) {
  const ir_sent *s = &xl->v[d->sent].s;
  size_t n;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_INJURY, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].end <= d->start && d->start - h[i].end <= 60)
      return 1;
  return 0;
}

static int usable_region(const xletter *xl, const xdate *d, int item) {
  const xsent *x = &xl->v[d->sent];
  return x->region == XR_HEADER || ir_x_in_item(x, item);
}

void ir_x_duration_dates(xletter *xl, int item) {
  ir_letter *l = xl->l;
  const xdate *inj = NULL;
  const char *inj_iso = l->date_injury;
  for (size_t i = 0; i < xl->ndates; i++) {
    const xdate *d = &xl->dates[i];
    if (!usable_region(xl, d, item) || !injury_marked(xl, d) ||
        ir_scope_attributed(&xl->v[d->sent].s, d->start))
      continue;
    if (!inj_iso || !strcmp(inj_iso, d->iso)) {
      inj = d;
      inj_iso = d->iso;
      break;
    }
  }
  if (!inj_iso || !inj)
    return; /* no date, or no span to show for it */
  long di = ir_x_days(inj_iso), dr = ir_x_days(l->date_decision);
  if (dr < 0) {
    for (size_t i = 0; i < xl->ndates; i++) {
      long v = ir_x_days(xl->dates[i].iso);
      if (v > dr)
        dr = v;
    }
  }
  if (di < 0 || dr < 0)
    return;
  ir_fact *f = &l->items.v[item].facts[IR_CRIT_DURATION];
  const xsent *x = &xl->v[inj->sent];
  if (dr - di > 91)
    ir_x_add_ev(xl, &f->affirm, x, inj->start, inj->end);
  else if (dr >= di && dr - di <= 90)
    ir_x_add_ev(xl, &f->deny, x, inj->start, inj->end);
}

static int tpi_given_near(const xletter *xl, const xdate *d) {
  const xsent *x = &xl->v[d->sent];
  const ir_sent *s = &x->s;
  if (x->region == XR_TITLE)
    return ir_sent_has_any(s, IR_LEX_TPI);
  if (ir_scope_attributed(s, d->start) ||
      ir_scope_hypothetical(s, d->start, d->end) ||
      !ir_sent_has_any(s, IR_LEX_DONE) || !ir_x_about_tpi(s, d->start))
    return 0;
  size_t n;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_TPI, &n);
  for (size_t i = 0; i < n; i++) {
    size_t dd = h[i].start > d->start ? h[i].start - d->start
                                      : d->start - h[i].start;
    if (dd <= 120)
      return 1;
  }
  return 0;
}

void ir_x_frequency(xletter *xl, int item) {
  const xdate *last = NULL, *prev = NULL;
  long lv = -1, pv = -1;
  for (size_t i = 0; i < xl->ndates; i++) {
    const xdate *d = &xl->dates[i];
    const xsent *x = &xl->v[d->sent];
    if (x->region == XR_HEADER || !ir_x_in_item(x, item) ||
        !tpi_given_near(xl, d))
      continue;
    long v = ir_x_days(d->iso);
    if (v < 0 || v == lv || v == pv)
      continue;
    if (v > lv) {
      prev = last, pv = lv;
      last = d, lv = v;
    } else if (v > pv) {
      prev = d, pv = v;
    }
  }
  if (!last || !prev)
    return;
  ir_fact *f = &xl->l->items.v[item].facts[IR_CRIT_FREQUENCY];
  ir_evlist *list = lv - pv >= 60 ? &f->affirm : &f->deny;
  ir_x_add_ev(xl, list, &xl->v[prev->sent], prev->start, prev->end);
  ir_x_add_ev(xl, list, &xl->v[last->sent], last->start, last->end);
}
