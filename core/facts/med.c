/* med.c - the opioid conversion table and the regimen scan
 * (see med.h). Tokens and strengths are in med_tok.c, sigs in med_sig.c, a
 * stated MED in med_stated.c, the total in med_total.c.
 *
 * A regimen starts at a name of the table. Between the name and its
 * strength may stand the same drug's other names ("hydrocodone-
 * acetaminophen (Norco) 10/325"), parentheses, release words ("OxyContin
 * ER", "oxycodone IR") and up to three other words ("oxycodone HCl 10 mg");
 * another drug's name, a punctuation mark or a number that is no strength
 * ("Norco reduces her pain from 8/10") ends the search. */
#include "med_int.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_TIERS 8
#define MAX_NAME 80

typedef struct {
  char *pat; /* lower case, one space between words */
  const char *name, *drug, *unit;
  int unit_k;                            /* MU_MG, MU_MCGHR, MU_MCG */
  double tf[MAX_TIERS], tmax[MAX_TIERS]; /* factor up to a daily dose */
  int nt;
  double strength; /* implied, 0 none */
  int release;     /* 1 ER, -1 IR, 0 from the text */
  int line;
} mrow;

struct ir_med_table {
  ir_arena a;
  IR_VEC(mrow) rows;
  /* rows by the first byte of their name: rows byfirst[off[c], off[c + 1])
   * in table order (a name is looked for only among its first letter's) */
  uint32_t off[257];
  uint32_t *byfirst;
  /* second[c] bit b: some name starts with c and then the byte b (lower
   * case), so that a word no name can start is turned away before any
   * name is compared; a name whose second character is special to
   * match_pat (a separator, '#', '.', '/', a "with") sets every bit of
   * its first byte */
  uint8_t second[256][32];
  /* then the third byte: pair_any[c][b] some name starting c, b has no
   * letter or digit third (it is tested by match_pat); otherwise a name
   * starting c, b, x sets bit TRI(c, b, x) of third */
  uint8_t pair_any[256][32];
  uint8_t third[512];
};

/* the bit of three lower-case bytes in the table's third (4,096 bits; a
 * word sharing one with a name is only compared, never taken for it) */
#define TRI(c0, c1, c2) ((((unsigned)(c0)*31u + (c1)) * 37u + (c2)) & 4095u)
#define BIT_SET(v, b) ((v)[(b) >> 3] |= (uint8_t)(1u << ((b)&7)))
#define BIT_HAS(v, b) ((v)[(b) >> 3] & (1u << ((b)&7)))

static void index_rows(ir_med_table *tb);

size_t ir_med_rows(const ir_med_table *t) { return t ? t->rows.n : 0; }

void ir_med_free(ir_med_table *t) {
  if (!t)
    return;
  ir_arena_free(&t->a);
  free(t);
}

/* ---- loading ----------------------------------------------------------- */

static int parse_num(const char *s, double *v) {
  char *e;
  errno = 0;
  *v = strtod(s, &e);
  return e != s && *e == 0 && errno == 0 && isfinite(*v) && *v >= 0;
}

/* "1.5" or "4<=20,8<=40,10<=60,12": 0, or -1. */
static int parse_factor(char *s, mrow *r) {
  r->nt = 0;
  for (char *tok = s;;) {
    char *comma = strchr(tok, ',');
    if (comma)
      *comma = 0;
    if (r->nt == MAX_TIERS)
      return -1;
    char *le = strstr(tok, "<=");
    double f, d = INFINITY;
    if (le) {
      *le = 0;
      if (!comma || !parse_num(ir_trim(le + 2), &d) || d <= 0 ||
          (r->nt && d <= r->tmax[r->nt - 1]))
        return -1;
    } else if (comma)
      return -1; /* only the last tier is open-ended */
    if (!parse_num(ir_trim(tok), &f))
      return -1;
    r->tf[r->nt] = f;
    r->tmax[r->nt++] = d;
    if (!comma)
      return 0;
    tok = comma + 1;
  }
}

/* The lower-case matching form of a name: runs of spaces and '-' become
 * one space. NULL when it has no letter or digit or is too long. */
static char *pattern(ir_arena *a, const char *name) {
  char buf[MAX_NAME + 1];
  size_t o = 0;
  int alnum = 0;
  for (const char *s = name; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == ' ' || c == '-' || c == '\t') {
      if (o && buf[o - 1] != ' ')
        buf[o++] = ' ';
    } else
      buf[o++] = (char)tolower(c);
    alnum |= isalnum(c) != 0;
    if (o >= MAX_NAME)
      return NULL;
  }
  while (o && buf[o - 1] == ' ')
    o--;
  buf[o] = 0;
  return alnum && isalnum((unsigned char)buf[0]) ? ir_arena_strndup(a, buf, o)
                                                 : NULL;
}

static int parse_row(ir_med_table *tb, char *line, int lineno, char *msg,
                     size_t msglen) {
  char *col[6];
  int n = 0;
  for (char *s = line; s; n++) {
    char *tab = strchr(s, '\t');
    if (tab)
      *tab++ = 0;
    if (n < 6)
      col[n] = s;
    s = tab;
  }
  if (n < 4 || n > 6) {
    snprintf(msg, msglen,
             n < 4 ? "%d column%s, want at least 4 TAB-separated: name, "
                     "drug, factor, unit"
                   : "%d columns, want at most 6: name, drug, factor, unit, "
                     "strength, release",
             n, n == 1 ? "" : "s");
    return -1;
  }
  for (int i = 0; i < n; i++)
    col[i] = ir_trim(col[i]);
  mrow r = {0};
  r.line = lineno;
  if (!(r.pat = pattern(&tb->a, col[0]))) {
    snprintf(msg, msglen, "bad name '%.40s'", col[0]);
    return -1;
  }
  if (!*col[1]) {
    snprintf(msg, msglen, "empty drug for '%.40s'", col[0]);
    return -1;
  }
  if (parse_factor(col[2], &r) != 0) {
    snprintf(msg, msglen,
             "bad factor for '%.40s' (a number, or tiers such as "
             "4<=20,8<=40,12)",
             col[0]);
    return -1;
  }
  static const char *const UNITS[] = {"mg", "mcg/hr", "mcg"};
  static const int UNIT_K[] = {MU_MG, MU_MCGHR, MU_MCG};
  for (int i = 0; i < 3; i++)
    if (strcmp(col[3], UNITS[i]) == 0) {
      r.unit = UNITS[i];
      r.unit_k = UNIT_K[i];
    }
  if (!r.unit) {
    snprintf(msg, msglen, "unknown unit '%.20s' (mg, mcg/hr or mcg)", col[3]);
    return -1;
  }
  if (n > 4 && *col[4] && strcmp(col[4], "-") != 0 &&
      (!parse_num(col[4], &r.strength) || r.strength <= 0)) {
    snprintf(msg, msglen, "bad strength '%.20s' (a number or -)", col[4]);
    return -1;
  }
  if (n > 5 && *col[5] && strcmp(col[5], "-") != 0) {
    if (strcasecmp(col[5], "ER") == 0)
      r.release = 1;
    else if (strcasecmp(col[5], "IR") == 0)
      r.release = -1;
    else {
      snprintf(msg, msglen, "bad release '%.20s' (ER, IR or -)", col[5]);
      return -1;
    }
  }
  for (size_t i = 0; i < tb->rows.n; i++)
    if (strcmp(tb->rows.v[i].pat, r.pat) == 0 &&
        tb->rows.v[i].unit_k == r.unit_k) {
      snprintf(msg, msglen, "'%.40s' (%s) already on line %d", col[0], r.unit,
               tb->rows.v[i].line);
      return -1;
    }
  r.name = ir_arena_strdup(&tb->a, col[0]);
  r.drug = ir_arena_strdup(&tb->a, col[1]);
  ir_vec_push(&tb->a, &tb->rows, r);
  return 0;
}

ir_med_table *ir_med_load(const char *path, char *err, size_t errlen) {
  FILE *fp = fopen(path, "r");
  if (!fp) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    return NULL;
  }
  ir_med_table *tb = calloc(1, sizeof *tb);
  if (!tb)
    ir_exit_nomem();
  ir_arena_init(&tb->a);
  char *line = NULL, msg[200];
  size_t cap = 0;
  int lineno = 0, bad = 0;
  while (!bad && getline(&line, &cap, fp) != -1) {
    lineno++;
    if (strlen(line) > 1000) {
      snprintf(msg, sizeof msg, "line too long");
      bad = 1;
      break;
    }
    char *s = line;
    if (lineno == 1 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
      s += 3; /* a UTF-8 byte order mark */
    while (*s == ' ' || *s == '\t')
      s++;
    if (*s == '#' || *ir_trim(s) == 0)
      continue;
    bad = parse_row(tb, s, lineno, msg, sizeof msg) != 0;
  }
  int rerr = ferror(fp);
  free(line);
  fclose(fp);
  if (!bad && rerr) {
    snprintf(err, errlen, "%s: read error", path);
    ir_med_free(tb);
    return NULL;
  }
  if (!bad && tb->rows.n == 0) {
    snprintf(err, errlen, "%s: no entries", path);
    ir_med_free(tb);
    return NULL;
  }
  if (bad) {
    snprintf(err, errlen, "%s:%d: %s", path, lineno, msg);
    ir_med_free(tb);
    return NULL;
  }
  index_rows(tb);
  return tb;
}

/* ---- names ------------------------------------------------------------- */

static void index_rows(ir_med_table *tb) {
  uint32_t n[257] = {0};
  for (size_t i = 0; i < tb->rows.n; i++)
    n[(unsigned char)tb->rows.v[i].pat[0]]++;
  tb->off[0] = 0;
  for (int c = 0; c < 256; c++)
    tb->off[c + 1] = tb->off[c] + n[c];
  tb->byfirst = ir_arena_alloc(&tb->a, (tb->rows.n + 1) * sizeof *tb->byfirst);
  uint32_t at[256];
  memcpy(at, tb->off, sizeof at);
  for (size_t i = 0; i < tb->rows.n; i++)
    tb->byfirst[at[(unsigned char)tb->rows.v[i].pat[0]]++] = (uint32_t)i;
  memset(tb->second, 0, sizeof tb->second);
  memset(tb->pair_any, 0, sizeof tb->pair_any);
  memset(tb->third, 0, sizeof tb->third);
  for (size_t i = 0; i < tb->rows.n; i++) {
    const char *pat = tb->rows.v[i].pat;
    unsigned char c0 = (unsigned char)pat[0], c1 = (unsigned char)pat[1];
    if (!isalnum(c1) || strncmp(pat, "with", 4) == 0) {
      memset(tb->second[c0], 0xff, sizeof tb->second[c0]);
      memset(tb->pair_any[c0], 0xff, sizeof tb->pair_any[c0]);
      continue;
    }
    BIT_SET(tb->second[c0], c1);
    unsigned char c2 = (unsigned char)pat[2];
    if (isalnum(c2))
      BIT_SET(tb->third, TRI(c0, c1, c2));
    else
      BIT_SET(tb->pair_any[c0], c1);
  }
}

static int sep(int c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '-';
}

/* The word "with" of a name: "with", "w/", "/", "&", "+", "and", or nothing
 * after a separator ("acetaminophen-codeine"). */
static size_t with_at(const char *t, size_t q, size_t end, int skipped) {
  if (q + 4 <= end && strncasecmp(t + q, "with", 4) == 0 &&
      (q + 4 == end || !ir_ascii_alpha((unsigned char)t[q + 4])))
    return q + 4;
  if (q + 3 <= end && strncasecmp(t + q, "and", 3) == 0 &&
      (q + 3 == end || !ir_ascii_alpha((unsigned char)t[q + 3])))
    return q + 3;
  if (q + 2 <= end && ir_ascii_tolower((unsigned char)t[q]) == 'w' &&
      t[q + 1] == '/')
    return q + 2;
  if (q < end && (t[q] == '/' || t[q] == '&' || t[q] == '+'))
    return q + 1;
  return skipped ? q : 0;
}

static size_t match_pat(const char *pat, const char *t, size_t p, size_t end) {
  size_t q = p;
  int skipped = 0;
  for (size_t i = 0; pat[i];) {
    char c = pat[i];
    if (c == ' ' || c == '/') {
      size_t q0 = q;
      while (q < end && q - q0 < 8 &&
             (sep((unsigned char)t[q]) || (c == '/' && t[q] == '/')))
        q++;
      skipped = q > q0;
      i++;
      continue;
    }
    if (c == '#') { /* #, No., No */
      if (q < end && t[q] == '#')
        q++;
      else if (q + 2 <= end && ir_ascii_tolower((unsigned char)t[q]) == 'n' &&
               ir_ascii_tolower((unsigned char)t[q + 1]) == 'o' &&
               (q + 2 == end || !ir_ascii_alpha((unsigned char)t[q + 2]))) {
        q += 2;
        if (q < end && t[q] == '.')
          q++;
      } else
        return 0;
      while (q < end && (t[q] == ' ' || t[q] == '\n'))
        q++;
      i++;
      continue;
    }
    if (c == '.') {
      if (q < end && t[q] == '.')
        q++;
      i++;
      continue;
    }
    if (c == 'w' && (i == 0 || pat[i - 1] == ' ') && pat[i + 1] == 'i' &&
        pat[i + 2] == 't' && pat[i + 3] == 'h' &&
        (pat[i + 4] == ' ' || pat[i + 4] == 0)) {
      if (!(q = with_at(t, q, end, skipped)))
        return 0;
      i += 4;
      continue;
    }
    if (q >= end || ir_ascii_tolower((unsigned char)t[q]) != c)
      return 0;
    q++;
    i++;
    skipped = 0;
  }
  if (q < end && ir_ascii_alnum((unsigned char)t[q]))
    return 0;
  return q;
}

size_t ir_med_name_at(const ir_med_table *tb, const char *t, size_t p,
                      size_t end, size_t *row) {
  if (p > 0 && ir_ascii_alnum((unsigned char)t[p - 1]))
    return 0;
  int c = ir_ascii_tolower((unsigned char)t[p]);
  /* the second and third bytes as match_pat compares them (lower case; 0
   * past the end) */
  unsigned c1 = p + 1 < end ? ir_ascii_tolower((unsigned char)t[p + 1]) : 0;
  if (!BIT_HAS(tb->second[c], c1))
    return 0;
  if (!BIT_HAS(tb->pair_any[c], c1)) {
    unsigned c2 = p + 2 < end ? ir_ascii_tolower((unsigned char)t[p + 2]) : 0;
    if (!BIT_HAS(tb->third, TRI(c, c1, c2)))
      return 0;
  }
  size_t best = 0;
  for (uint32_t j = tb->off[c]; j < tb->off[c + 1]; j++) {
    size_t i = tb->byfirst[j];
    const mrow *r = &tb->rows.v[i];
    size_t e = match_pat(r->pat, t, p, end);
    if (e > best) {
      best = e;
      *row = i;
    }
  }
  if (!best)
    return 0;
  /* "morphine equivalent", "morphine milligram equivalents" */
  size_t q = best;
  while (q < end && q - best < 8 && sep((unsigned char)t[q]))
    q++;
  if ((q + 9 <= end && strncasecmp(t + q, "equivalen", 9) == 0) ||
      (q + 9 <= end && strncasecmp(t + q, "milligram", 9) == 0))
    return 0;
  return best;
}

/* ---- regimens ---------------------------------------------------------- */

/* The row for the unit written: the name's own row with that unit, then
 * (mcg <-> mcg/hr) the name's other microgram row, then the drug's row. */
static const mrow *pick_row(const ir_med_table *tb, size_t row, int unit,
                            int patch) {
  const mrow *r0 = &tb->rows.v[row];
  if (unit == MU_NONE) {
    if (!patch)
      return r0;
    unit = MU_MCGHR;
  }
  for (int pass = 0; pass < 3; pass++)
    for (size_t i = 0; i < tb->rows.n; i++) {
      const mrow *r = &tb->rows.v[i];
      int same_name = strcmp(r->pat, r0->pat) == 0;
      if (pass == 0 && same_name && r->unit_k == unit)
        return r;
      if (pass == 1 && same_name && unit != MU_MG && r->unit_k != MU_MG)
        return r;
      if (pass == 2 && strcmp(r->drug, r0->drug) == 0 && r->unit_k == unit)
        return r;
    }
  return NULL; /* "Norco 25 mcg/hr": no row converts it */
}

static double tier_factor(const mrow *r, double daily) {
  for (int i = 0; i < r->nt; i++)
    if (daily <= r->tmax[i] + 1e-9)
      return r->tf[i];
  return r->tf[r->nt - 1];
}

#define GAP_STOP                                                               \
  "and or but with without which that who whom is was were are be been has "   \
  "had have for to in on at by from as than then while because since after "   \
  "before per reduces reduced helps helped provides provided allows"

typedef IR_VEC(ir_med_dose) dosevec;

/* The regimen whose name is [ns, ne) (row): its end, or ne when there is
 * none. */
static size_t regimen(const ir_med_table *tb, ir_arena *a, const char *t,
                      size_t ns, size_t ne, size_t row, size_t end,
                      dosevec *out) {
  const mrow *r = &tb->rows.v[row];
  size_t q = ne, gap_start = 0, e2, r2;
  int words = 0, patch = 0, ext = r->release, unit = MU_NONE, found = 0;
  double str = 0;
  for (;;) {
    ir_mtok k = ir_mt_tok(t, q, end);
    if (k.k == MT_WORD) {
      if ((e2 = ir_med_name_at(tb, t, k.s, end, &r2))) {
        if (strcmp(tb->rows.v[r2].drug, r->drug) != 0)
          break;
        if (!ext)
          ext = tb->rows.v[r2].release;
        q = e2;
        continue;
      }
      int rel = ir_mt_release(t, k, end, &e2);
      if (rel) {
        ext = rel;
        q = e2;
        continue;
      }
      if (ir_mt_word(t, k, "patch patches transdermal")) {
        patch = 1;
        q = k.e;
        continue;
      }
      if (ir_mt_word(t, k, IR_MT_PARTNERS " hcl sulfate bitartrate")) {
        q = k.e; /* hydrocodone-acetaminophen, oxycodone HCl */
        continue;
      }
      if (words >= 3 || ir_mt_num(t, k) >= 0 || ir_mt_word(t, k, GAP_STOP) ||
          ir_mt_word(t, k, "q every daily once twice bid tid qid prn"))
        break;
      if (!words++)
        gap_start = k.s;
      q = k.e;
      continue;
    }
    if (k.k == MT_NUM) {
      size_t se = ir_mt_strength(t, k.s, end, words == 0, &str, &unit);
      if (se && !ir_mt_med_keyword(t, se, end)) {
        found = 1;
        q = se;
      }
      break;
    }
    if (k.k == MT_PUNCT &&
        (ir_mt_is(t, k, '(') || ir_mt_is(t, k, ')') || ir_mt_is(t, k, '/') ||
         ir_mt_is(t, k, '-') || (unsigned char)t[k.s] >= 0x80)) {
      q = k.e;
      continue;
    }
    break;
  }
  int implied = 0;
  if (!found) {
    if (r->strength <= 0)
      return q > ne ? q : ne; /* what the search read is no regimen's */
    str = r->strength;
    implied = 1;
    if (words)
      q = gap_start;
  }
  ir_msig sg = {0};
  size_t se = ir_mt_sig(tb, t, q, end, &sg);
  if (sg.extended)
    ext = sg.extended;
  const mrow *u = pick_row(tb, row, unit, patch || sg.patch);
  if (!u)
    return se > ne ? se : ne;
  double per_day = 0;
  if (u->unit_k == MU_MCGHR) {
    per_day = sg.count > 0 ? sg.count : 1; /* patches worn at once */
  } else {
    if (sg.freq > 0)
      per_day = (sg.count > 0 ? sg.count : 1) * sg.freq;
    if (sg.cap > 0 && (per_day == 0 || sg.cap < per_day))
      per_day = sg.cap;
    if (per_day == 0 && sg.qty > 0 && sg.days > 0)
      per_day = sg.qty / sg.days;
  }
  ir_med_dose d = {0};
  d.drug = u->drug;
  d.name = r->name;
  d.unit = u->unit;
  d.strength = str;
  d.per_day = per_day;
  d.factor = tier_factor(u, str * per_day);
  d.med = str * per_day * d.factor;
  d.quantity = sg.qty;
  d.days = sg.days;
  d.extended = ext > 0;
  d.implied = implied;
  d.start = ns;
  d.end = se > q ? se : q;
  ir_vec_push(a, out, d);
  return d.end;
}

/* "Norco 10/325 #180 and OxyContin 30 mg #60 per month": the days' supply
 * closing a list of quantities joined by "and" or a comma is each one's. */
static void share_days(const ir_med_table *tb, const char *t, ir_med_dose *d,
                       size_t n) {
  for (size_t i = n; i-- > 1;) {
    ir_med_dose *a = &d[i - 1], *b = &d[i];
    if (!(b->days > 0 && b->quantity > 0 && a->quantity > 0 && a->days == 0 &&
          a->per_day == 0 && strcmp(a->unit, "mcg/hr") != 0))
      continue;
    size_t p = a->end;
    for (ir_mtok k; (k = ir_mt_tok(t, p, b->start)).k != MT_END; p = k.e)
      if (!ir_mt_is(t, k, ',') && !ir_mt_word(t, k, "and"))
        break;
    if (ir_mt_tok(t, p, b->start).k != MT_END)
      continue;
    a->days = b->days;
    a->per_day = a->quantity / a->days;
    for (size_t r = 0; r < tb->rows.n; r++)
      if (tb->rows.v[r].drug == a->drug) /* the dose's own row */
        a->factor = tier_factor(&tb->rows.v[r], a->strength * a->per_day);
    a->med = a->strength * a->per_day * a->factor;
  }
}

size_t ir_med_scan(const ir_med_table *tb, ir_arena *a, const char *text,
                   size_t start, size_t end, ir_med_dose **out) {
  dosevec v = {0};
  size_t p = start, row;
  /* A name starts a word token (ir_mt_tok): as no other token holds an
   * ASCII letter, the word tokens read from p are the runs of letters
   * (the first one starting at p). So the bytes are walked without
   * tokenizing, and only a run's start is looked up. */
  while (tb && p < end) {
    if (!ir_ascii_alpha((unsigned char)text[p])) {
      p++;
      continue;
    }
    size_t ne = ir_med_name_at(tb, text, p, end, &row);
    if (ne)
      p = regimen(tb, a, text, p, ne, row, end, &v);
    else
      while (p < end && ir_ascii_alpha((unsigned char)text[p]))
        p++;
  }
  share_days(tb, text, v.v, v.n);
  *out = v.v;
  return v.n;
}
