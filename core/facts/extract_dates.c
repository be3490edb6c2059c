/* extract_dates.c - dates in the text; duration and frequency from dates.
 *
 * Every date in every sentence is found with ir_scan_date (segment.h).
 * duration: the injury (or onset) date is l->date_injury, else the first
 * date that an [injury_date] trigger precedes in its sentence, else an
 * onset year right after one ("since 2012": the year's last day); the
 * reference date is the time of the request, not of the IMR decision: the
 * UR denial date (header), else the request date (below: the title's date,
 * else the latest date of a sentence of the item's summary/rationale that
 * makes a [request], else their latest date) when it is after
 * the injury, else l->date_decision, else the latest date in the letter.
 * More than the pack's duration limit (days) between them -> affirm,
 * fewer -> deny (ir_fact_limits; not judged without one). The
 * evidence is the sentence stating the injury date.
 * frequency: the prior injection is the latest date in a sentence that
 * names an injection that was given ([performed], or its [relief]), the
 * date nearest the injection term ("in 2013" counts as 2013-12-31); the
 * repeat is the request date (the title's date, DOS, requested ...; else
 * the latest date of a [request] sentence, else the latest date of the
 * item's summary/rationale: the visit that requested it). At least the
 * pack's interval limit apart -> affirm, closer -> deny. [interval] phrases
 * ("three weeks later", "four months have passed") next to an injection add the
 * same verdict; a short interval restated in the rationale is also cited; a
 * phrase after "lasting"/"for" ("relief lasting two weeks after the injection")
 * measures the relief, not the interval, and is skipped. */
#include "extract_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "letter/letter.h"

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

/* The first digit of t[p, e), or e. Eight bytes at a time: a byte below
 * 0x80 is a digit when adding 0x80 - '0' sets its top bit and adding
 * 0x80 - ('9' + 1) does not (no carry crosses bytes: each sum stays below
 * 0x100); bytes from 0x80 up are masked off. */
static size_t next_digit(const char *t, size_t p, size_t e) {
  const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
#ifdef __SSE2__
  /* sixteen at a time: '0'..'9' by two signed compares (the bytes from
   * 0x80 up are negative, so no digit) */
  const __m128i lo = _mm_set1_epi8('0' - 1), hi = _mm_set1_epi8('9' + 1);
  while (p + 16 <= e) {
    __m128i v = _mm_loadu_si128((const void *)(t + p));
    unsigned bits = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(v, lo), _mm_cmplt_epi8(v, hi)));
    if (bits)
      return p + (size_t)__builtin_ctz(bits);
    p += 16;
  }
#endif
  while (p + 8 <= e) {
    uint64_t x;
    memcpy(&x, t + p, 8);
    uint64_t low = x & ~high & (ones * 0x7f);
    uint64_t ge0 = low + ones * (0x80 - '0'),
             gt9 = low + ones * (0x80 - '9' - 1);
    if ((ge0 & ~gt9 & ~x & high) != 0)
      break;
    p += 8;
  }
  while (p < e && !ir_ascii_digit((unsigned char)t[p]))
    p++;
  return p;
}

/* Can a date start at t[p] (the start of a word)? */
static int date_may_start(const char *t, size_t p, size_t e) {
  unsigned char f = ir_date_first[(unsigned char)t[p]];
  return f == 1 || (f == 2 && ir_month_prefix_at(t + p, e - p));
}

/* Tries a date at word start w (not before *from); pushes it and moves
 * *from past it. */
static void try_date(xletter *xl, datevec *dv, size_t k, size_t w, size_t e,
                     size_t *from) {
  const char *t = xl->t->norm;
  if (w < *from || !date_may_start(t, w, e))
    return;
  xdate d;
  memset(&d, 0, sizeof d);
  size_t r = ir_scan_date(t + w, e - w, d.iso);
  if (!r)
    return;
  d.start = w;
  d.end = w + r;
  d.sent = k;
  ir_vec_push(xl->a, dv, d);
  *from = w + r;
}

/* Is t[w] the start of a word (an alnum run) of the sentence [s, e)? */
static int word_start(const char *t, size_t s, size_t w) {
  return w == s || !ir_ascii_alnum((unsigned char)t[w - 1]);
}

/* Every date holds a digit: it starts at a word starting with a digit
 * run ("3/9/09", "18 February 2009"), or at a month name that the first
 * digit run follows after an optional '.' and spaces ("Feb. 18, 2009",
 * "Feb18, 2009"). So only those word starts are tried, in text order (the
 * order a left-to-right try at every word start has); a date found moves
 * the scan past it. */
void ir_x_scan_dates(xletter *xl) {
  datevec dv = {0};
  const char *t = xl->t->norm;
  for (size_t k = 0; k < xl->n; k++) {
    size_t s = xl->v[k].s.start, e = xl->v[k].s.end, from = s;
    xl->v[k].d0 = (uint32_t)dv.n;
    for (size_t q = next_digit(t, s, e); q < e; q = next_digit(t, q, e)) {
      size_t w = q; /* back over spaces, an optional '.', then letters */
      while (w > s && t[w - 1] == ' ')
        w--;
      if (w > s && t[w - 1] == '.')
        w--;
      size_t lw = w;
      while (lw > s && ir_ascii_alnum((unsigned char)t[lw - 1]) &&
             !ir_ascii_digit((unsigned char)t[lw - 1]))
        lw--;
      if (lw < w && word_start(t, s, lw))
        try_date(xl, &dv, k, lw, e, &from);
      if (word_start(t, s, q))
        try_date(xl, &dv, k, q, e, &from);
      while (q < e && ir_ascii_digit((unsigned char)t[q]))
        q++; /* past this digit run */
    }
    xl->v[k].dn = (uint32_t)(dv.n - xl->v[k].d0);
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

typedef struct {
  long day;
  size_t sent, start, end;
} xevent;

static void request_date(xletter *xl, int item, xevent *req);

static int usable_region(const xletter *xl, const xdate *d, int item) {
  const xsent *x = &xl->v[d->sent];
  return x->region == XR_HEADER || ir_x_in_item(x, item);
}

static int is_year(const char *t, size_t p, size_t e);

/* "she has had it since 2012", "they began in 2010": an [injury_date] hit
 * right before a bare year (the onset), not attributed, hypothetical or
 * negated. The onset is taken as the year's last day (conservative). */
static int onset_year(xletter *xl, int item, xdate *out) {
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (!(x->s.secs & IR_SENT_SECBIT(IR_LEX_INJURY)) ||
        (x->region != XR_SUMMARY && x->region != XR_RATIONALE) ||
        !ir_x_in_item(x, item) ||
        (x->region == XR_RATIONALE && ir_scope_recital(&x->s)))
      continue;
    const ir_sent *s = &x->s;
    size_t n;
    const ir_hit *h = ir_sent_hits(s, IR_LEX_INJURY, &n);
    for (size_t i = 0; i < n; i++) {
      size_t p = h[i].end;
      while (p < s->end && s->text[p] == ' ')
        p++;
      if (!is_year(s->text, p, s->end) ||
          (p + 4 < s->end && s->text[p + 4] == '/'))
        continue;
      if (ir_scope_attributed(s, p) || ir_scope_hypothetical(s, p, p + 4) ||
          ir_scope_negated(s, p, p + 4))
        continue;
      snprintf(out->iso, sizeof out->iso, "%.4s-12-31", s->text + p);
      out->start = p;
      out->end = p + 4;
      out->sent = k;
      return 1;
    }
  }
  return 0;
}

void ir_x_duration_dates(xletter *xl, int item) {
  ir_letter *l = xl->l;
  const xdate *inj = NULL;
  const char *inj_iso = l->date_injury;
  xdate yr;
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
  if (!inj_iso && onset_year(xl, item, &yr)) {
    inj = &yr;
    inj_iso = yr.iso;
  }
  if (!inj_iso || !inj)
    return; /* no date, or no span to show for it */
  long di = ir_x_days(inj_iso), dr = ir_x_days(l->date_ur_denial);
  xevent req = {-1, 0, 0, 0};
  if (dr < 0 || dr <= di) { /* UR decided days after the request */
    request_date(xl, item, &req);
    dr = di >= 0 && req.day > di ? req.day : ir_x_days(l->date_decision);
  }
  if (dr < 0) /* the letter's latest date other than the injury date */
    dr = ir_x_days(strcmp(xl->last_iso[0], inj_iso) ? xl->last_iso[0]
                                                    : xl->last_iso[1]);
  if (di < 0 || dr < 0)
    return;
  ir_fact *f = &l->items.v[item].facts[IR_CRIT_DURATION];
  const xsent *x = &xl->v[inj->sent];
  long lim = xl->lim->duration_days;
  if (lim < 0)
    return;
  if (dr - di > lim)
    ir_x_add_ev(xl, &f->affirm, x, inj->start, inj->end);
  else if (dr >= di && dr - di < lim)
    ir_x_add_ev(xl, &f->deny, x, inj->start, inj->end);
}

/* Distance from p to the nearest hit of sec in sentence s. */
static size_t near_hit(const ir_sent *s, int sec, size_t p) {
  size_t n, best = (size_t)-1;
  const ir_hit *h = ir_sent_hits(s, sec, &n);
  for (size_t i = 0; i < n; i++) {
    size_t d = h[i].start > p  ? h[i].start - p
               : h[i].end <= p ? p - h[i].end
                               : 0;
    if (d < best && !ir_hit_pseudo(s, &h[i]))
      best = d;
  }
  return best;
}

static int names_injection(const ir_sent *s) {
  return ir_sent_has_any(s, IR_LEX_TPI) || ir_sent_has_any(s, IR_LEX_INJ_WORD);
}

/* A sentence reporting a prior injection: it names an injection that was
 * given (or what it did), and is not a request, hypothesis or report of UR. */
static int prior_event(const xsent *x) {
  const ir_sent *s = &x->s;
  if ((x->region != XR_SUMMARY && x->region != XR_RATIONALE) ||
      !names_injection(s) || ir_scope_attributed(s, s->end))
    return 0;
  if (ir_sent_has_any(s, IR_LEX_OTHER_INJ) && !ir_sent_has_any(s, IR_LEX_TPI))
    return 0; /* an epidural or other injection */
  int done = ir_sent_has_any(s, IR_LEX_DONE);
  if (!done && !ir_sent_has_any(s, IR_LEX_RELIEF) &&
      !ir_sent_has_any(s, IR_LEX_NO_RELIEF))
    return 0;
  if (!done && ir_sent_has_any(s, IR_LEX_REQUEST))
    return 0;
  return !(x->region == XR_RATIONALE && ir_scope_recital(s));
}

static int is_year(const char *t, size_t p, size_t e) {
  return p + 4 <= e && (t[p] == '1' || t[p] == '2') &&
         isdigit((unsigned char)t[p + 1]) && isdigit((unsigned char)t[p + 2]) &&
         isdigit((unsigned char)t[p + 3]) &&
         (p + 4 == e || !isalnum((unsigned char)t[p + 4]));
}

/* "in 2013" / "in March 2014": the last day of that year or month (a
 * conservative prior date). */
static int year_only(const char *t, size_t s, size_t e, char iso[11],
                     size_t *ys) {
  static const char *const mon[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (size_t p = s; p + 7 <= e; p++) {
    if ((p != s && t[p - 1] != ' ') || strncasecmp(t + p, "in ", 3))
      continue;
    size_t q = p + 3;
    int m = 12;
    for (int i = 0; i < 12; i++) {
      size_t l = strlen(mon[i]);
      if (q + l + 1 < e && !strncasecmp(t + q, mon[i], l) && t[q + l] == ' ') {
        m = i + 1;
        q += l + 1;
        break;
      }
    }
    if (!is_year(t, q, e))
      continue;
    snprintf(iso, 11, "%.4s-%02d-%02d", t + q, m, m == 2 ? 28 : mdays[m - 1]);
    *ys = p + 3;
    return 1;
  }
  return 0;
}

/* A date naming a document or visit ("the 10/01/2014 progress report"),
 * not the day of an injection. */
static int document_date(const char *t, const xdate *d, size_t e) {
  static const char *const w[] = {"note",   "report",     "progress", "visit",
                                  "exam",   "evaluation", "office",   "follow",
                                  "letter", "record"};
  size_t p = d->end;
  while (p < e && t[p] == ' ')
    p++;
  for (size_t i = 0; i < sizeof w / sizeof *w; i++)
    if (!strncasecmp(t + p, w[i], strlen(w[i])))
      return 1;
  return 0;
}

/* The latest prior injection date before the limit (the request date, when
 * known): "On 02/01/2015 he reported that the injections had helped" names
 * the request visit, not the injection. */
static void prior_dates(xletter *xl, int item, xevent *prior, long limit) {
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (!ir_x_in_region(xl, x, item) || !prior_event(x))
      continue;
    const ir_sent *s = &x->s;
    const xdate *best = NULL;
    size_t bd = (size_t)-1;
    for (size_t i = x->d0; i < x->d0 + x->dn; i++) {
      const xdate *d = &xl->dates[i];
      if (document_date(s->text, d, s->end))
        continue;
      size_t dd = near_hit(s, IR_LEX_TPI, d->start);
      size_t d2 = near_hit(s, IR_LEX_INJ_WORD, d->start);
      size_t d3 = near_hit(s, IR_LEX_DONE, d->start);
      dd = d2 < dd ? d2 : dd;
      dd = d3 < dd ? d3 : dd;
      if (dd < bd && near_hit(s, IR_LEX_OTHER_INJ, d->start) > dd)
        best = d, bd = dd;
    }
    xevent ev = {-1, k, 0, 0};
    char iso[11];
    size_t ys;
    if (best && bd <= 80) {
      ev.day = ir_x_days(best->iso);
      ev.start = best->start;
      ev.end = best->end;
    } else if (!best && year_only(s->text, s->start, s->end, iso, &ys) &&
               ir_x_days(iso) >= 0) {
      ev.day = ir_x_days(iso);
      ev.start = ys;
      ev.end = ys + 4;
    }
    if (ev.day >= 0 && ev.day > prior->day && (limit < 0 || ev.day < limit))
      *prior = ev;
  }
}

/* The request or visit date: the title's latest date, else the latest
 * date the item's summary or rationale states (not UR's). */
static void request_date(xletter *xl, int item, xevent *req) {
  for (int pass = 0; pass < 3 && req->day < 0; pass++)
    for (size_t i = 0; i < xl->ndates; i++) {
      const xdate *d = &xl->dates[i];
      const xsent *x = &xl->v[d->sent];
      if (!ir_x_in_item(x, item) || (pass == 0) != (x->region == XR_TITLE) ||
          ir_scope_attributed(&x->s, d->start))
        continue;
      if (pass == 1 && !ir_sent_has_any(&x->s, IR_LEX_REQUEST))
        continue; /* a sentence that makes the request ("requested") */
      long v = ir_x_days(d->iso);
      if (v > req->day) {
        xevent e = {v, d->sent, d->start, d->end};
        *req = e;
      }
    }
}

long ir_x_interval_days(const char *t, const ir_hit *h) {
  long n = ir_x_hit_number(t, h);
  if (n < 0 && h->g1s >= 0)
    n = ir_x_word_number(t + h->g1s, (size_t)(h->g1e - h->g1s));
  if (n < 0)
    return -1;
  size_t from = h->g1e > 0 ? (size_t)h->g1e : h->start;
  /* the unit: the word or its clinical abbreviation ("3 wks", "5 mos") */
  for (size_t p = from; p + 2 < h->end; p++) {
    if (p > from && isalpha((unsigned char)t[p - 1]))
      continue; /* a word's start only */
    if (!strncasecmp(t + p, "day", 3))
      return n;
    if (!strncasecmp(t + p, "week", 4) || !strncasecmp(t + p, "wk", 2))
      return n >= 8 && n <= 9 ? 60 : n * 7;
    if (!strncasecmp(t + p, "month", 5) || !strncasecmp(t + p, "mo", 2))
      return n * 30;
    if (!strncasecmp(t + p, "year", 4) || !strncasecmp(t + p, "yr", 2))
      return n * 365;
  }
  return -1;
}

/* "50% relief lasting only two weeks after the last injection", "relief
 * for 2 weeks after": the phrase measures the relief, not the time between
 * injections. */
static int relief_duration(const ir_sent *s, const ir_hit *h) {
  static const char *const w[] = {"lasting", "lasted",     "lasts",
                                  "for",     "persisting", "persisted"};
  const char *t = s->text;
  size_t p = h->start;
  for (int words = 0; words < 3 && p > s->start; words++) {
    while (p > s->start && t[p - 1] == ' ')
      p--;
    size_t e = p;
    while (p > s->start && t[p - 1] != ' ')
      p--;
    for (size_t i = 0; i < sizeof w / sizeof *w; i++)
      if (e - p == strlen(w[i]) && !strncasecmp(t + p, w[i], e - p))
        return 1;
  }
  return 0;
}

static void interval_phrases(xletter *xl, int item) {
  ir_item *it = &xl->l->items.v[item];
  ir_fact *f = &it->facts[IR_CRIT_FREQUENCY];
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (!ir_x_in_item(x, item) || x->region == XR_TITLE)
      continue;
    /* the sentence, or the one before, names an injection; not a sentence
     * that dates only the injury ("the injury occurred on 2/3/2015 and the
     * request was made six weeks later") */
    int own = names_injection(&x->s);
    int ctx = own || (k > 0 && xl->v[k - 1].region == x->region &&
                      names_injection(&xl->v[k - 1].s) &&
                      !ir_sent_has_any(&x->s, IR_LEX_INJURY));
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_INTERVAL, &n);
    for (size_t j = 0; ctx && xl->lim->interval_days >= 0 && j < n; j++) {
      long days = ir_x_interval_days(x->s.text, &h[j]);
      int c = ir_x_classify(x, h[j].start, h[j].end);
      if (days < 0 || (c != XC_AFFIRM && c != XC_DENY) ||
          relief_duration(&x->s, &h[j]))
        continue;
      int met = days >= xl->lim->interval_days;
      if (c == XC_DENY)
        continue; /* "not ... two months later": too vague to score */
      ir_x_add_ev(xl, met ? &f->affirm : &f->deny, x, h[j].start, h[j].end);
      if (!met && x->region == XR_RATIONALE)
        ir_x_cite(xl, it, IR_CRIT_FREQUENCY, x, h[j].start, h[j].end);
    }
  }
}

void ir_x_frequency(xletter *xl, int item) {
  xevent prior = {-1, 0, 0, 0}, req = {-1, 0, 0, 0};
  request_date(xl, item, &req);
  prior_dates(xl, item, &prior, req.day);
  if (prior.day >= 0 && req.day > prior.day && xl->lim->interval_days >= 0) {
    ir_fact *f = &xl->l->items.v[item].facts[IR_CRIT_FREQUENCY];
    ir_evlist *list =
        req.day - prior.day >= xl->lim->interval_days ? &f->affirm : &f->deny;
    ir_x_add_ev(xl, list, &xl->v[prior.sent], prior.start, prior.end);
    ir_x_add_ev(xl, list, &xl->v[req.sent], req.start, req.end);
  }
  interval_phrases(xl, item);
}
