/* med_sig.c - the sigs of opioid regimens (med_int.h).
 *
 * A sig is read token by token after the strength; at each token the
 * constructions below are tried in turn (cap, frequency, count, quantity,
 * days' supply, the combination partner, sig words) and the first that
 * matches is taken. Of several frequencies or counts the highest is kept
 * ("BID-TID" = 3; "BID (twice daily)" = 2): the sig's maximum. Reading
 * stops at another drug name, another strength ("gabapentin 600mg tid"
 * belongs to gabapentin), ';', a sentence period or a word no sig uses
 * ("lets her walk"), so that "daily" in "to improve daily function" is no
 * frequency. */
#include "med_int.h"

#define TOK(p) ir_mt_tok(t, (p), end)
#define W(k, list) ir_mt_word(t, (k), (list))
#define IS(k, c) ir_mt_is(t, (k), (c))

/* ---- sig pieces -------------------------------------------------------- */

/* "daily", "a day", "per day", "/day", "each day", "in 24 hours", "a week",
 * "weekly": the period in days in *days. */
static size_t per_period(const char *t, size_t p, size_t end, double *days) {
  ir_mtok k = TOK(p);
  if (W(k, "daily nightly")) {
    *days = 1;
    return k.e;
  }
  if (W(k, "weekly")) {
    *days = 7;
    return k.e;
  }
  if (!(IS(k, '/') || W(k, "a an per each every in")))
    return 0;
  ir_mtok d = TOK(k.e);
  if (W(d, "a") && W(k, "in"))
    d = TOK(d.e);
  if (W(d, "day d")) {
    *days = 1;
    return d.e;
  }
  if (W(d, "week wk")) {
    *days = 7;
    return d.e;
  }
  if (d.k == MT_NUM && d.v == 24) {
    ir_mtok h = TOK(d.e);
    if (W(h, "hours hrs h hr")) {
      *days = 1;
      return h.e;
    }
  }
  return 0;
}

/* An interval's unit: hours (also when none is written), days or weeks. */
static size_t interval_unit(const char *t, size_t p, size_t end,
                            double *hours) {
  ir_mtok k = TOK(p);
  if (W(k, "h hr hrs hour hours")) {
    *hours = 1;
    return k.e;
  }
  if (W(k, "d day days")) {
    *hours = 24;
    return k.e;
  }
  if (W(k, "wk wks week weeks")) {
    *hours = 168;
    return k.e;
  }
  return 0;
}

/* "1", "1-2", "one to two", "1 or 2": *lo and *hi. */
static size_t range_at(const char *t, size_t p, size_t end, double *lo,
                       double *hi) {
  ir_mtok k = TOK(p);
  double a = ir_mt_num(t, k);
  if (a < 0)
    return 0;
  *lo = *hi = a;
  ir_mtok s = TOK(k.e);
  if (IS(s, '-') || W(s, "to or")) {
    ir_mtok b = TOK(s.e);
    double y = ir_mt_num(t, b);
    if (y >= 0) {
      if (y < a)
        *lo = y;
      else
        *hi = y;
      return b.e;
    }
  }
  return k.e;
}

static const struct {
  const char *abbr;
  double per_day;
} ABBR[] = {{"bid", 2}, {"tid", 3}, {"qid", 4}, {"qd", 1},    {"qday", 1},
            {"qhs", 1}, {"qam", 1}, {"qpm", 1}, {"qod", 0.5}, {"hs", 1},
            {"qn", 1},  {"qds", 4}, {"tds", 3}};

/* A frequency: doses a day (the most the sig allows) in *f. */
static size_t freq_at(const char *t, size_t p, size_t end, double *f) {
  ir_mtok k = TOK(p);
  if (k.k == MT_WORD)
    for (size_t i = 0; i < sizeof ABBR / sizeof *ABBR; i++) {
      size_t e = ir_mt_abbr(t, k.s, end, ABBR[i].abbr);
      if (e) {
        *f = ABBR[i].per_day;
        return e;
      }
    }
  if (W(k, "q")) { /* q6h, q4-6h, q 4-6 hrs, q4h-q6h, q72h, q3d */
    ir_mtok n = TOK(k.e);
    if (IS(n, '.'))
      n = TOK(n.e);
    if (W(n, "day am pm morning night evening hs bedtime")) {
      *f = 1;
      return n.e;
    }
    if (n.k != MT_NUM)
      return 0;
    double a = n.v, b = n.v, hours = 1;
    size_t e = n.e, u = interval_unit(t, e, end, &hours);
    if (u)
      e = u;
    ir_mtok s = TOK(e);
    if (IS(s, '-') || W(s, "to or")) {
      ir_mtok m = TOK(s.e);
      if (W(m, "q"))
        m = TOK(m.e);
      if (m.k == MT_NUM) {
        b = m.v;
        e = m.e;
        if ((u = interval_unit(t, e, end, &hours)))
          e = u;
      }
    }
    double lo = a < b ? a : b;
    if (lo <= 0)
      return 0;
    *f = 24.0 / (lo * hours);
    return e;
  }
  if (W(k, "every each")) { /* every 4-6 hours, every other day */
    ir_mtok n = TOK(k.e);
    if (W(n, "other")) {
      ir_mtok d = TOK(n.e);
      if (W(d, "day")) {
        *f = 0.5;
        return d.e;
      }
      return 0;
    }
    if (W(n, "morning night evening bedtime")) {
      *f = 1;
      return n.e;
    }
    double lo = 1, hi = 1, hours = 1;
    size_t r = range_at(t, n.s, end, &lo, &hi);
    size_t u = interval_unit(t, r ? r : n.s, end, &hours);
    if (!u || lo <= 0)
      return 0;
    *f = 24.0 / (lo * hours);
    return u;
  }
  if (W(k, "at")) { /* at bedtime, at night */
    ir_mtok n = TOK(k.e);
    if (W(n, "bedtime night hs")) {
      *f = 1;
      return n.e;
    }
    return 0;
  }
  double days, n = W(k, "once")     ? 1
                   : W(k, "twice")  ? 2
                   : W(k, "thrice") ? 3
                                    : -1;
  size_t e;
  if (n > 0) { /* once daily, twice a day, three times ... below */
    if ((e = per_period(t, k.e, end, &days))) {
      *f = n / days;
      return e;
    }
    return 0;
  }
  if ((e = per_period(t, p, end, &days))) { /* "20 mg a day", "daily" */
    *f = 1 / days;
    return e;
  }
  double lo; /* 4 times a day, 3-4 times daily, 4x/day, 4/day */
  if (ir_mt_num(t, k) > 0 && (e = range_at(t, p, end, &lo, &n)) && lo > 0) {
    ir_mtok x = TOK(e);
    if (W(x, "times time x"))
      e = x.e;
    size_t pe = per_period(t, e, end, &days);
    if (pe) {
      *f = n / days;
      return pe;
    }
  }
  return 0;
}

/* "up to 4 per day", "no more than 4 tablets a day", "max 6/day". */
static size_t count_unit(const char *t, size_t p, size_t end, int *patch);

static size_t cap_at(const char *t, size_t p, size_t end, double *cap) {
  ir_mtok k = TOK(p), n;
  size_t e = 0;
  if (W(k, "up") && W((n = TOK(k.e)), "to"))
    e = n.e;
  else if (W(k, "no not") && W((n = TOK(k.e)), "more") &&
           W((n = TOK(n.e)), "than"))
    e = n.e;
  else if (W(k, "not do") && W((n = TOK(k.e)), "to not") &&
           W((n = TOK(n.e)), "exceed"))
    e = n.e;
  else if (W(k, "nte"))
    e = k.e;
  else if (W(k, "at") && W((n = TOK(k.e)), "most"))
    e = n.e;
  else {
    if (W(k, "a"))
      k = TOK(k.e);
    if (!W(k, "max maximum"))
      return 0;
    e = k.e;
    n = TOK(e);
    if (IS(n, '.') || IS(n, ':') || W(n, "of"))
      e = n.e;
  }
  n = TOK(e);
  double v = ir_mt_num(t, n);
  if (v <= 0)
    return 0;
  int patch = 0;
  double days;
  e = n.e;
  size_t ue = count_unit(t, e, end, &patch);
  if (ue)
    e = ue;
  size_t pe = per_period(t, e, end, &days);
  if (!pe)
    return 0;
  *cap = v / days;
  return pe;
}

static size_t count_unit(const char *t, size_t p, size_t end, int *patch) {
  ir_mtok k = TOK(p);
  if (!W(k, "tab tabs tablet tablets cap caps capsule capsules pill pills "
            "patch patches film films lozenge lozenges troche troches dose "
            "doses spray sprays"))
    return 0;
  if (W(k, "patch patches"))
    *patch = 1;
  size_t e = k.e;
  /* tab(s) */
  if (e + 3 <= end && t[e] == '(' && (t[e + 1] == 's' || t[e + 1] == 'S') &&
      t[e + 2] == ')')
    e += 3;
  return e;
}

static int route_at(const char *t, size_t p, size_t end) {
  ir_mtok k = TOK(p);
  if (W(k, "orally sublingual sublingually sl buccal transdermal") ||
      (k.k == MT_WORD && ir_mt_abbr(t, k.s, end, "po")))
    return 1;
  return W(k, "by") && W(TOK(k.e), "mouth");
}

/* Units per dose: "1 tab", "1-2 tablets", "one to two", "a patch",
 * "1/2 tab", or a number straight before a route or a frequency. */
static size_t count_at(const char *t, size_t p, size_t end, double *c,
                       int *patch) {
  ir_mtok k = TOK(p);
  double lo = -1, hi = -1, f;
  size_t e;
  if (W(k, "a an")) {
    hi = 1;
    e = k.e;
  } else if (W(k, "half")) {
    hi = 0.5;
    e = k.e;
  } else {
    ir_mtok s = TOK(k.e), b = TOK(s.e);
    if (k.k == MT_NUM && IS(s, '/') && b.k == MT_NUM && b.v >= 2 && b.v <= 4 &&
        k.v < b.v) {
      hi = k.v / b.v; /* 1/2 tab */
      e = b.e;
    } else if (!(e = range_at(t, p, end, &lo, &hi)))
      return 0;
  }
  size_t ue = count_unit(t, e, end, patch);
  if (ue) {
    *c = hi;
    return ue;
  }
  if (!W(k, "a an half") && (route_at(t, e, end) || freq_at(t, e, end, &f))) {
    *c = hi;
    return e;
  }
  return 0;
}

/* "#60", "# 60", "quantity 120", "qty: 90", "disp #30". */
static size_t qty_at(const char *t, size_t p, size_t end, double *qty) {
  ir_mtok k = TOK(p);
  if (!IS(k, '#') && !W(k, "quantity qty disp dispense dispensed"))
    return 0;
  ir_mtok n = TOK(k.e);
  while (IS(n, ':') || IS(n, '#') || IS(n, '=') || W(n, "of"))
    n = TOK(n.e);
  if (n.k != MT_NUM)
    return 0;
  *qty = n.v;
  int patch = 0;
  size_t ue = count_unit(t, n.e, end, &patch);
  return ue ? ue : n.e;
}

/* "for 30 days", "x 30 days", "30-day supply", "per month", "monthly". */
static size_t days_at(const char *t, size_t p, size_t end, double *days) {
  ir_mtok k = TOK(p), n, u;
  if (W(k, "monthly")) {
    *days = 30;
    return k.e;
  }
  if (W(k, "per a each every") || IS(k, '/')) {
    n = TOK(k.e);
    if (W(n, "month mo")) {
      *days = 30;
      return n.e;
    }
    return 0;
  }
  double v;
  if (W(k, "for x")) {
    n = TOK(k.e);
    if (W(n, "a") && W(TOK(n.e), "month")) {
      *days = 30;
      return TOK(n.e).e;
    }
    if ((v = ir_mt_num(t, n)) <= 0)
      return 0;
  } else if ((v = ir_mt_num(t, k)) > 0) {
    n = k;
  } else
    return 0;
  u = TOK(n.e);
  if (IS(u, '-'))
    u = TOK(u.e);
  double mult = W(u, "day days")              ? 1
                : W(u, "week weeks wk wks")   ? 7
                : W(u, "month months mo mos") ? 30
                                              : 0;
  if (mult == 0)
    return 0;
  size_t e = u.e;
  ir_mtok s = TOK(e);
  if (W(s, "supply"))
    e = s.e;
  else if (n.s == k.s) /* "30 days" alone is no supply */
    return 0;
  *days = v * mult;
  return e;
}

/* The combination partner: "/acetaminophen", "-APAP 325 mg". */
static size_t partner_at(const char *t, size_t p, size_t end) {
  ir_mtok k = TOK(p);
  if (IS(k, '/') || IS(k, '-') || W(k, "with and")) {
    k = TOK(k.e);
    if (!W(k, IR_MT_PARTNERS))
      return 0;
  } else if (!W(k, IR_MT_PARTNERS))
    return 0;
  size_t e = k.e;
  ir_mtok n = TOK(e);
  int u;
  if (n.k == MT_NUM && ir_mt_unit(t, n.e, end, &u) && u == MU_MG)
    e = ir_mt_unit(t, n.e, end, &u);
  return e;
}

int ir_mt_release(const char *t, ir_mtok k, size_t end, size_t *e) {
  if (W(k, "er xr sr cr la xl cd")) {
    *e = k.e;
    return 1;
  }
  if (W(k, "ir")) {
    *e = k.e;
    return -1;
  }
  int r = W(k, "extended controlled sustained slow long") ? 1
          : W(k, "immediate short")                       ? -1
                                                          : 0;
  if (!r)
    return 0;
  ir_mtok n = TOK(k.e);
  if (IS(n, '-'))
    n = TOK(n.e);
  if (!W(n, "release released acting action"))
    return 0;
  *e = n.e;
  return r;
}

/* Words a sig uses: the strong ones extend the regimen's span. */
#define SIG_STRONG                                                             \
  "orally oral mouth sublingual sublingually sl buccal transdermal "           \
  "transdermally topical prn pm needed directed breakthrough btp pain "        \
  "tablet tablets tab tabs capsule capsules cap caps pill pills patch "        \
  "patches film films hcl sulfate sulphate bitartrate tartrate"
#define SIG_WEAK                                                               \
  "take takes taking took apply applied applies applying change changed "      \
  "changes replace replaced use uses used using wear worn place placed as "    \
  "for severe moderate mild sig directions dir of by"

size_t ir_mt_sig(const ir_med_table *tb, const char *t, size_t p, size_t end,
                 ir_msig *sg) {
  size_t last = p, open = 0;
  while (p < end) {
    ir_mtok k = TOK(p);
    if (k.k == MT_END || IS(k, ';') || IS(k, '.'))
      break;
    size_t e, row;
    double v = 0, x;
    int u;
    if (k.k == MT_WORD && ir_med_name_at(tb, t, k.s, end, &row))
      break; /* the next regimen */
    if (k.k == MT_NUM && ir_mt_strength(t, k.s, end, 0, &x, &u))
      break; /* another drug's strength */
    if ((e = cap_at(t, k.s, end, &v))) {
      if (sg->cap == 0)
        sg->cap = v;
    } else if ((e = freq_at(t, k.s, end, &v))) {
      if (v > sg->freq) /* "BID-TID": the most */
        sg->freq = v;
    } else if ((e = count_at(t, k.s, end, &v, &sg->patch))) {
      if (v > sg->count)
        sg->count = v;
    } else if ((e = qty_at(t, k.s, end, &v))) {
      if (sg->qty == 0)
        sg->qty = v;
    } else if ((e = days_at(t, k.s, end, &v))) {
      if (sg->days == 0)
        sg->days = v;
    } else if ((e = partner_at(t, k.s, end))) {
    } else if (k.k == MT_WORD && (u = ir_mt_release(t, k, end, &e))) {
      sg->extended = u;
    } else if (k.k == MT_WORD && ir_mt_abbr(t, k.s, end, "prn")) {
      e = ir_mt_abbr(t, k.s, end, "prn");
    } else if (route_at(t, k.s, end)) {
      e = W(k, "by") ? TOK(k.e).e : ir_mt_abbr(t, k.s, end, "po");
      if (!e)
        e = k.e;
    } else if (W(k, SIG_STRONG)) {
      if (W(k, "patch patches transdermal transdermally"))
        sg->patch = 1;
      e = k.e;
    } else if (IS(k, ')') && open && last > open) {
      open = 0; /* "(twice daily)": the span takes the ')' */
      e = k.e;
    } else if (IS(k, '(')) {
      open = k.s;
      p = k.e;
      continue;
    } else if (W(k, SIG_WEAK) || IS(k, ',') || IS(k, ')') || IS(k, ':') ||
               IS(k, '-') || IS(k, '/') ||
               (k.k == MT_PUNCT && (unsigned char)t[k.s] >= 0x80)) {
      p = k.e; /* skipped, the span does not grow */
      continue;
    } else
      break;
    p = last = e;
  }
  return last;
}
