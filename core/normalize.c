/* normalize.c - decode a letter and rebuild its logical lines (see text.h).
 *
 * One linear pass over the physical lines. Each line is read twice through
 * the same character source (decode + markup stripping): once to measure it
 * (visible length, first/last characters, heading/label shape), once to emit
 * it. Between two content lines a separator is chosen from the measurements
 * and the blank lines in between: a paragraph break '\n', a joining space,
 * nothing (hyphenated word), or nothing with the hyphen dropped.
 * The offset map grows only at discontinuities (verbatim copies extend the
 * last run), so its size is proportional to the edits, not to the bytes. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "norm_int.h"
#include "title_outcome.h"

#define MAX_INPUT ((size_t)64 << 20)
enum { BINARY_SAMPLE = 64 * 1024, HEAD_MAX = 64 };

/* ---- line measurement ------------------------------------------------- */

typedef struct {
  int kind;        /* 0 empty, 1 whitespace-only, 2 content */
  uint32_t nchars; /* visible length, spaces collapsed */
  uint32_t first_os, last_os, last_end;
  unsigned char first, second;     /* first two output bytes */
  unsigned char last, before_last; /* last two output bytes */
  int trail_ws;                    /* blank after the last visible unit */
  uint32_t letters, lower, words;
  char head[HEAD_MAX];
  int nhead;
  int heading, label, plabel, list, outcome; /* shapes, see classify() */
  int title_tail; /* ends like an item title: ": Upheld" */
} linfo;

static void measure(src s, linfo *li) {
  memset(li, 0, sizeof *li);
  unit u;
  int started = 0, gap = 0, saw_ws = 0;
  for (;;) {
    /* fast path: a run of plain bytes and single spaces */
    while (s.p < s.e && (plain(*s.p) || (*s.p == ' ' && started && !gap &&
                                         s.p + 1 < s.e && plain(s.p[1])))) {
      unsigned char c = *s.p;
      if (c == ' ') {
        gap = 1;
        s.p++;
        continue;
      }
      if (!started)
        li->first_os = (uint32_t)(s.p - s.base);
      li->words += !started || gap;
      if (gap) {
        li->before_last = li->last;
        li->last = ' ';
        if (li->nchars == 1)
          li->second = ' ';
        li->nchars++;
        if (li->nhead < HEAD_MAX - 1)
          li->head[li->nhead++] = ' ';
      }
      if (li->nchars == 0)
        li->first = c;
      else if (li->nchars == 1)
        li->second = c;
      li->before_last = li->last;
      li->last = c;
      li->nchars++;
      if (li->nhead < HEAD_MAX - 1)
        li->head[li->nhead++] = (char)c;
      if ((unsigned)((c | 0x20) - 'a') < 26) { /* ASCII, no locale call */
        li->letters++;
        li->lower += (unsigned)(c - 'a') < 26;
      }
      started = 1;
      gap = 0;
      li->trail_ws = 0;
      li->last_os = (uint32_t)(s.p - s.base);
      li->last_end = li->last_os + 1;
      s.p++;
      s.at_start = 0;
    }
    if (!ir_src_next(&s, &u))
      break;
    if (u.space) {
      saw_ws = 1;
      gap = started;
      li->trail_ws = started;
      continue;
    }
    for (int i = -1; i < u.n; i++) {
      unsigned char c = i < 0 ? ' ' : u.b[i];
      if (i < 0 && !gap)
        continue;
      if (li->nchars == 0)
        li->first = c;
      else if (li->nchars == 1)
        li->second = c;
      li->before_last = li->last;
      li->last = c;
      li->nchars++;
      if (li->nhead < HEAD_MAX - 1)
        li->head[li->nhead++] = (char)c;
      if (isalpha(c)) {
        li->letters++;
        li->lower += islower(c) != 0;
      }
    }
    li->words += !started || gap;
    if (!started)
      li->first_os = u.os;
    started = 1;
    gap = 0;
    li->trail_ws = 0;
    li->last_os = u.os;
    li->last_end = u.os + u.ol;
  }
  li->head[li->nhead] = 0;
  li->kind = started ? 2 : saw_ws ? 1 : 0;
}

static int word_in(const char *w, size_t n, const char *const *list) {
  for (; *list; list++)
    if (strlen(*list) == n && strncasecmp(w, *list, n) == 0)
      return 1;
  return 0;
}

/* "Case Number:", "State(s) of Licensure:", "ISSUE AT DISPUTE:" - a short
 * Title-Case label that starts a header row (para == 0); or a paragraph
 * label such as "Decision rationale:", "MAXIMUS guideline:" (para == 1). */
static int is_label(const linfo *li, int para_mode) {
  static const char *const conn[] = {"of", "and", "or", "the", "for", "to",
                                     "in", "on",  "by", "at",  "a",   NULL};
  static const char *const para[] = {
      "rationale",  "guideline", "guidelines", "summary",    "history",
      "discussion", "comments",  "findings",   "impression", "assessment",
      "notes",      "note",      "reason",     "reasons",    "determination",
      "conclusion", NULL};
  const char *h = li->head, *w = h, *last = h;
  int words = 0;
  size_t lastn = 0;
  for (const char *p = h;; p++) {
    if (*p == ' ' || *p == ':' || *p == 0) {
      size_t n = (size_t)(p - w);
      if (n == 0)
        return 0;
      if (!para_mode && !isupper((unsigned char)*w) &&
          !isdigit((unsigned char)*w) && !word_in(w, n, conn))
        return 0;
      if (words == 0 && !isupper((unsigned char)*w))
        return 0;
      words++, last = w, lastn = n;
      if (*p != ' ')
        return *p == ':' && words <= (para_mode ? 4 : 6) && p - h <= 48 &&
               (p[1] == 0 || p[1] == ' ') &&
               word_in(last, lastn, para) == para_mode;
      w = p + 1;
    } else if (!isalnum((unsigned char)*p) && !strchr("()/'.&#-", *p)) {
      return 0;
    }
  }
}

/* Does s[b, e) end like an item title (": Upheld", "- Overturned in part",
 * ": Non-certified"; see title_outcome.h)? */
static int title_tail(const char *s, size_t b, size_t e) {
  ir_outcome o;
  size_t w, pe;
  if (!ir_title_outcome(s, b, e, IR_TO_CERT, &o, &w, &pe))
    return 0;
  while (w > b && (s[w - 1] == ' ' || s[w - 1] == '\t' || s[w - 1] == '*'))
    w--;
  return w > b && (s[w - 1] == ':' || s[w - 1] == '-');
}

static void classify(linfo *li) {
  uint32_t upper = li->letters - li->lower;
  li->heading = upper >= 4 && li->lower == 0 && li->nchars <= 90 &&
                (li->words >= 2 || li->last == ':' || upper >= 8);
  li->label = li->kind == 2 && is_label(li, 0);
  li->plabel = li->kind == 2 && is_label(li, 1);
  const unsigned char *h = (const unsigned char *)li->head;
  size_t i = 0;
  while (isdigit(h[i]) && i < 3)
    i++;
  li->list = (i && (h[i] == '.' || h[i] == ')') && h[i + 1] == ' ') ||
             (strchr("-*", h[0]) && h[0] && h[1] == ' ') ||
             memcmp(h, "\xE2\x80\xA2", 3) == 0;
  ir_outcome o;
  size_t ps, pe;
  li->outcome =
      li->nchars <= 40 && ir_title_outcome(li->head, 0, (size_t)li->nhead,
                                           IR_TO_WHOLE, &o, &ps, &pe);
}

/* ---- output with map ---------------------------------------------------- */

typedef struct {
  ir_arena *a;
  char *buf;
  size_t len, cap;
  ir_map_run *runs;
  size_t nruns, rcap;
} outbuf;

static void put(outbuf *o, const void *b, size_t n, uint32_t os, uint32_t ol,
                int verbatim) {
  if (o->len + n + 1 > o->cap) {
    size_t nc = o->cap * 2 + n + 64;
    o->buf = ir_arena_grow(o->a, o->buf, o->cap, nc);
    o->cap = nc;
  }
  ir_map_run *r = o->nruns ? &o->runs[o->nruns - 1] : NULL;
  if (verbatim && r && r->verbatim && r->ostart + r->olen == os &&
      r->nstart + r->nlen == o->len) {
    r->nlen += (uint32_t)n;
    r->olen += ol;
  } else {
    if (o->nruns == o->rcap) {
      size_t nc = o->rcap ? o->rcap * 2 : 256;
      o->runs = ir_arena_grow(o->a, o->runs, o->rcap * sizeof *o->runs,
                              nc * sizeof *o->runs);
      o->rcap = nc;
    }
    ir_map_run nr = {(uint32_t)o->len, (uint32_t)n, os, ol, (uint8_t)verbatim};
    o->runs[o->nruns++] = nr;
  }
  memcpy(o->buf + o->len, b, n);
  o->len += n;
}

/* ---- separators between content lines ------------------------------------ */

enum { SEP_BREAK, SEP_SPACE, SEP_GLUE, SEP_DEHYPH };

typedef struct {
  int pdf;
  size_t lstart;     /* start of the current logical line in the output */
  int log_heading;   /* every printed line of it is heading-shaped */
  int log_lines;     /* printed lines joined into it */
  int have_hyphen;   /* the last line's final '-' is held back */
  uint32_t wrap_min; /* plain text: a longer unpunctuated line is wrapped */
  unit hyphen;
} joiner;

/* The output ends with a word that cannot end a heading ("AND", "OF"). */
static int ends_connector(const outbuf *o, size_t lstart) {
  static const char *const conn[] = {"and", "or",   "of", "the", "to",   "for",
                                     "in",  "with", "at", "on",  "from", NULL};
  size_t e = o->len, b = e;
  while (b > lstart && e - b < 6 && isalpha((unsigned char)o->buf[b - 1]))
    b--;
  return e > b && (b == lstart || o->buf[b - 1] == ' ') &&
         word_in(o->buf + b, e - b, conn);
}

/* The logical line ends with ": Upheld" / "- Overturned" (an item title). */
static int title_end(const outbuf *o, size_t lstart) {
  return title_tail(o->buf, lstart, o->len);
}

static int decide(const joiner *j, const outbuf *o, const linfo *a,
                  const linfo *b, int n_empty, int n_ws) {
  if (n_ws || n_empty > (j->pdf ? 1 : 0))
    return SEP_BREAK;
  size_t loglen = o->len - j->lstart + (j->have_hyphen ? 1 : 0);
  if (a->last == ':' && b->outcome)
    return SEP_SPACE; /* a wrapped item title */
  if (b->title_tail && a->last && strchr(".:!?", a->last))
    return SEP_BREAK; /* "... set forth below:" then "X: Upheld" */
  int b_lower = islower(b->first);
  int a_open = a->last && strchr(",;&/(-", a->last);   /* a wrapped value */
  int a_cont = a_open || ends_connector(o, j->lstart); /* "... AND" */
  /* an all-caps line is a heading unless it visibly continues (a long
   * upper-case item title wrapped onto the next printed line) */
  if (j->log_heading && !(a_cont || (b->title_tail && a->nchars >= 60)))
    return SEP_BREAK;
  if (title_end(o, j->lstart))
    return SEP_BREAK;
  if (b->plabel && !j->log_heading && a->last && strchr(".!?)", a->last))
    return SEP_BREAK; /* "... Guidelines." / "MAXIMUS guideline: ..." */
  if (j->log_lines == 1 && a->label && (b->label || b->heading) && !b_lower)
    return SEP_BREAK; /* consecutive header rows */
  if (j->log_lines == 1 && a->label && !a_open && !b_lower)
    return SEP_BREAK;
  if (a->last == ':' && loglen <= 60 && !b_lower)
    return SEP_BREAK;
  if (b->heading && !a_cont && !j->log_heading)
    return SEP_BREAK;
  if ((b->label || b->list) && !a_cont && !islower(a->last) && !j->log_heading)
    return SEP_BREAK; /* not "... Trigger\nPoint Injection Page(s): 122" */
  if (a->last == '-' && !a->trail_ws && a->before_last != ' ' &&
      isalnum(b->first))
    return islower(a->before_last) && b_lower ? SEP_DEHYPH : SEP_GLUE;
  if (j->pdf || b_lower)
    return SEP_SPACE;
  if (!strchr(".!?:;", a->last) && a->nchars >= j->wrap_min)
    return SEP_SPACE; /* hard-wrapped plain text */
  return SEP_BREAK;
}

/* ---- emitting a line ----------------------------------------------------- */

/* "management.The" -> restore the space. The word before the '.' is >= 2
 * alphanumerics lower-case after the first (or a number), not an
 * abbreviation, and not itself after a '.' ("e.g.", "U.S."). */
static int lost_space(const outbuf *o, size_t lstart) {
  static const char *const abbr[] = {"dr",  "mr", "mrs", "ms",  "jr",
                                     "sr",  "st", "vs",  "inc", "co",
                                     "ltd", "no", NULL};
  if (o->len < lstart + 2 || o->buf[o->len - 1] != '.')
    return 0;
  size_t e = o->len - 1, b = e;
  while (b > lstart && e - b < 40 && isalnum((unsigned char)o->buf[b - 1]))
    b--;
  if (b == e || (b > lstart && o->buf[b - 1] == '.'))
    return 0;
  int digits = 1;
  for (size_t i = b; i < e; i++) {
    unsigned char c = (unsigned char)o->buf[i];
    digits &= isdigit(c) != 0;
    if (i > b && isupper(c))
      return 0;
  }
  if (!digits && e - b < 2)
    return 0;
  return !word_in(o->buf + b, e - b, abbr);
}

static void emit_line(outbuf *o, joiner *j, src s, const linfo *li) {
  unit u;
  int started = 0, have_sp = 0, sp_verb = 0;
  uint32_t sp_os = 0, sp_end = 0;
  int hold = li->last == '-' && !li->trail_ws;
  const unsigned char *stop = hold ? s.base + li->last_os : s.e;
  for (;;) {
    /* fast path: plain bytes and single spaces, ending after a '.'; an
     * upper-case letter right after a '.' goes the slow way (lost space) */
    if (!have_sp && s.p < stop && plain(*s.p) &&
        !(started && isupper(*s.p) && o->buf[o->len - 1] == '.')) {
      const unsigned char *q = s.p;
      while (q < stop) {
        if (plain(*q)) {
          if (*q++ == '.')
            break;
        } else if (*q == ' ' && q + 1 < stop && plain(q[1])) {
          q++;
        } else {
          break;
        }
      }
      put(o, s.p, (size_t)(q - s.p), (uint32_t)(s.p - s.base),
          (uint32_t)(q - s.p), 1);
      s.p = q;
      s.at_start = 0;
      started = 1;
      continue;
    }
    if (!ir_src_next(&s, &u))
      break;
    if (u.space) {
      if (started) {
        if (!have_sp) {
          sp_os = u.os, sp_verb = u.verbatim;
          sp_end = u.os + u.ol;
        } else if (!sp_verb) {
          sp_end = u.os + u.ol;
        }
        have_sp = 1;
      }
      continue;
    }
    if (hold && u.os == li->last_os) {
      j->hyphen = u;
      j->have_hyphen = 1;
      continue;
    }
    if (have_sp) {
      put(o, " ", 1, sp_os, sp_end - sp_os, sp_verb);
      have_sp = 0;
    } else if (started && u.n == 1 && isupper(u.b[0]) &&
               lost_space(o, j->lstart)) {
      src peek = s;
      unit v;
      if (ir_src_next(&peek, &v) && v.n == 1 && islower(v.b[0]))
        put(o, " ", 1, u.os, 0, 0);
    }
    put(o, u.b, u.n, u.os, u.ol, u.verbatim);
    started = 1;
  }
}

static void flush_hyphen(outbuf *o, joiner *j, int keep) {
  if (j->have_hyphen && keep)
    put(o, j->hyphen.b, j->hyphen.n, j->hyphen.os, j->hyphen.ol,
        j->hyphen.verbatim);
  j->have_hyphen = 0;
}

/* ---- the driver ------------------------------------------------------------
 */

static int is_binary(const unsigned char *s, size_t n) {
  size_t m = n < BINARY_SAMPLE ? n : BINARY_SAMPLE, bad = 0;
  for (size_t i = 0; i < m; i++) {
    unsigned char c = s[i];
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
         c != '\v') ||
        c == 0x7F)
      bad++;
  }
  return bad * 10 > m;
}

/* Hard-wrap threshold from the 90th percentile of printed line lengths:
 * text wrapped at 72 columns joins unpunctuated lines of >= 47 characters;
 * one-paragraph-per-line text joins none by length. */
static uint32_t wrap_min(const unsigned char *s, size_t n, unsigned char eol) {
  size_t hist[257] = {0}, total = 0, m = n < 256 * 1024 ? n : 256 * 1024;
  for (size_t i = 0; i < m;) {
    const unsigned char *nl = memchr(s + i, eol, m - i);
    size_t e = nl ? (size_t)(nl - s) : m, l = e - i;
    while (l && s[i + l - 1] <= ' ')
      l--;
    if (l) {
      hist[l > 256 ? 256 : l]++;
      total++;
    }
    i = e + 1;
  }
  if (total < 5)
    return 55;
  size_t acc = 0, p90 = 0;
  while (p90 < 256 && (acc += hist[p90]) * 10 < total * 9)
    p90++;
  if (p90 > 120)
    return UINT32_MAX;
  return p90 * 65 / 100 > 30 ? (uint32_t)(p90 * 65 / 100) : 30;
}

static unsigned char line_eol(const unsigned char *s, size_t n) {
  return (!memchr(s, '\n', n) && memchr(s, '\r', n)) ? '\r' : '\n';
}

typedef struct {
  const unsigned char *orig;
  size_t len;
  int markup;
  outbuf o;
  joiner j;
  linfo prev;
  int have_prev, n_empty, n_ws;
} norm_state;

static void on_line(norm_state *st, const unsigned char *b,
                    const unsigned char *e) {
  src s = src_line(st->orig, b, e, st->markup);
  linfo li;
  measure(s, &li);
  if (li.kind != 2) {
    st->n_empty += li.kind == 0;
    st->n_ws += li.kind == 1;
    return;
  }
  classify(&li);
  li.title_tail = title_tail((const char *)b, 0, (size_t)(e - b));
  outbuf *o = &st->o;
  joiner *j = &st->j;
  int sep = SEP_BREAK;
  if (st->have_prev) {
    sep = decide(j, o, &st->prev, &li, st->n_empty, st->n_ws);
    flush_hyphen(o, j, sep != SEP_DEHYPH);
    uint32_t a_end = st->prev.last_end;
    if (sep == SEP_SPACE && st->orig[a_end] == ' ')
      put(o, " ", 1, a_end, 1, 1); /* the trailing space: keeps runs long */
    else if (sep == SEP_BREAK || sep == SEP_SPACE)
      put(o, sep == SEP_BREAK ? "\n" : " ", 1, a_end, li.first_os - a_end, 0);
  }
  if (sep == SEP_BREAK) {
    j->lstart = o->len;
    j->log_heading = li.heading;
    j->log_lines = 1;
  } else {
    j->log_heading &= li.heading;
    j->log_lines++;
  }
  emit_line(o, j, s, &li);
  st->prev = li;
  st->have_prev = 1;
  st->n_empty = st->n_ws = 0;
}

int ir_text_normalize(ir_arena *a, const unsigned char *orig, size_t len,
                      ir_text *t, const char **err) {
  memset(t, 0, sizeof *t);
  t->orig = orig;
  t->orig_len = len;
  t->line_eol = '\n';
  if (len > MAX_INPUT) {
    *err = "file too large (over 64 MiB)";
    return -1;
  }
  if (len && !orig) {
    *err = "no data";
    return -1;
  }
  if (len && is_binary(orig, len)) {
    *err = "binary data, not a text letter";
    return -1;
  }
  t->layout = ir_detect_layout(orig, len);
  unsigned shape = len ? ir_layout_shape(orig, len) : 0;
  norm_state st;
  memset(&st, 0, sizeof st);
  st.orig = orig;
  st.len = len;
  st.markup = (shape & IR_SHAPE_MARKUP) != 0;
  st.j.pdf = (shape & IR_SHAPE_PDF) != 0;
  st.o.a = a;
  st.o.cap = len + len / 16 + 64;
  st.o.buf = ir_arena_alloc(a, st.o.cap);
  unsigned char eol = len ? line_eol(orig, len) : '\n';
  st.j.wrap_min = wrap_min(orig, len, eol);
  size_t i = 0;
  while (i < len) {
    const unsigned char *b = orig + i;
    const unsigned char *nl = memchr(b, eol, len - i);
    const unsigned char *e = nl ? nl : orig + len;
    i = (size_t)(e - orig) + (nl ? 1 : 0);
    while (eol == '\n' && e > b && e[-1] == '\r')
      e--;
    on_line(&st, b, e);
  }
  flush_hyphen(&st.o, &st.j, 1);
  if (st.o.len) {
    uint32_t os = st.prev.last_end < len ? st.prev.last_end : (uint32_t)len - 1;
    put(&st.o, "\n", 1, os, (uint32_t)len - os, 0);
  }
  st.o.buf[st.o.len] = 0;
  t->norm = st.o.buf;
  t->norm_len = st.o.len;
  t->runs = st.o.runs;
  t->nruns = st.o.nruns;
  t->line_eol = eol;
  if (len)
    ir_build_line_marks(a, t);
  return 0;
}
