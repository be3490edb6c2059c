/* normalize.c - decode a letter and rebuild its logical lines (see text.h).
 *
 * One linear pass over the physical lines. Each line is read twice through
 * the same character source (decode + markup stripping): once to measure it
 * (visible length, first/last characters, heading/label shape), once to emit
 * it; runs of plain ASCII are handled a run at a time (a line that is one
 * such run is copied). Between two content lines a separator is chosen from the
 * measurements and the blank lines in between: a paragraph break '\n', a
 * joining space, nothing (hyphenated word), or nothing with the hyphen dropped.
 * The offset map grows only at discontinuities (verbatim copies extend the
 * last run), so its size is proportional to the edits, not to the bytes. */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "norm_int.h"

#define NORM_MAX_INPUT ((size_t)64 << 20)
enum { BINARY_SAMPLE = 64 * 1024, LINE_INDEX_MAX = 4 << 20 };

/* ---- output with map ---------------------------------------------------- */

typedef struct {
  ir_arena *a;
  char *buf;
  size_t len, cap;
  ir_map_run *runs;
  size_t nruns, rcap;
} outbuf;

static inline void put(outbuf *o, const void *b, size_t n, uint32_t os,
                       uint32_t ol, int verbatim) {
  if (o->len + n + 1 > o->cap) {
    size_t nc = o->cap * 2 + n + 64;
    o->buf = ir_arena_grow_raw(o->a, o->buf, o->cap, nc);
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
      o->runs = ir_arena_grow_raw(o->a, o->runs, o->rcap * sizeof *o->runs,
                                  nc * sizeof *o->runs);
      o->rcap = nc;
    }
    ir_map_run nr = {(uint32_t)o->len, (uint32_t)n, os, ol, (uint8_t)verbatim};
    o->runs[o->nruns++] = nr;
  }
  if (n == 1) /* a separator or a character: no call */
    o->buf[o->len] = *(const char *)b;
  else
    memcpy(o->buf + o->len, b, n);
  o->len += n;
}

/* ---- separators between content lines ------------------------------------ */

/* strchr(set, c) != NULL for a set of bytes below 64 given as a bit mask
 * (CB(x) | ...), without the call; like strchr, c == 0 is in every set. */
#define CB(c) ((uint64_t)1 << (c))
static inline int in_set(unsigned char c, uint64_t set) {
  return c < 64 && ((set | 1) >> c & 1);
}

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

/* The output ends with a word that cannot end a heading: "and", "or",
 * "of", "the", "to", "for", "in", "with", "at", "on", "from", any case. The
 * word (ASCII letters, so | 0x20 is lower case) is read as one number. */
#define W2(a, b) ((uint32_t)(a) << 8 | (uint32_t)(b))
#define W3(a, b, c) (W2(a, b) << 8 | (uint32_t)(c))
#define W4(a, b, c, d) (W3(a, b, c) << 8 | (uint32_t)(d))
static int ends_connector(const outbuf *o, size_t lstart) {
  size_t e = o->len, b = e;
  while (b > lstart && e - b < 6 &&
         ir_ascii_alpha((unsigned char)o->buf[b - 1]))
    b--;
  if (e == b || e - b > 4 || (b != lstart && o->buf[b - 1] != ' '))
    return 0;
  uint32_t w = 0;
  for (size_t i = b; i < e; i++)
    w = w << 8 | ((unsigned char)o->buf[i] | 0x20);
  switch (w) {
  case W3('a', 'n', 'd'):
  case W2('o', 'r'):
  case W2('o', 'f'):
  case W3('t', 'h', 'e'):
  case W2('t', 'o'):
  case W3('f', 'o', 'r'):
  case W2('i', 'n'):
  case W4('w', 'i', 't', 'h'):
  case W2('a', 't'):
  case W2('o', 'n'):
  case W4('f', 'r', 'o', 'm'):
    return 1;
  default:
    return 0;
  }
}

/* The logical line ends with ": Upheld" / "- Overturned" (an item title). */
static int title_end(const outbuf *o, size_t lstart) {
  return ir_title_tail(o->buf, lstart, o->len);
}

/* Does the logical line read as prose: a sentence ended inside it
 * ("... lumborum. No"; not "P.O. Box") or it is longer than any header row or
 * heading? */
static int prose(const outbuf *o, size_t lstart) {
  if (o->len - lstart >= 100)
    return 1;
  for (size_t p = lstart + 3; p + 1 < o->len; p++)
    if (o->buf[p] == ' ' &&
        in_set((unsigned char)o->buf[p - 1], CB('.') | CB('!') | CB('?')) &&
        ir_ascii_lower((unsigned char)o->buf[p - 2]) &&
        ir_ascii_lower((unsigned char)o->buf[p - 3]) &&
        ir_ascii_upper((unsigned char)o->buf[p + 1]))
      return 1;
  return 0;
}

/* Does line b end like an item title? *known: -1 until found. */
static int b_title_tail(const unsigned char *orig, const linfo *b, int *known) {
  if (*known < 0)
    *known = ir_line_title_tail(orig, b);
  return *known;
}

/* One paragraph a line (markup, plain text): a printed line of prose that
 * stops mid-sentence (no sentence end, no colon) runs on into the next one
 * even when that starts with a capital ("... She has not tried\nCelebrex.",
 * "... No\nLTR on palpation"), unless the next line is a heading, a label,
 * an item title or a list entry (a '-' entry may continue in lower case:
 * "Fexmid\n- ineffective"). */
static int runs_on(const joiner *j, const outbuf *o, const unsigned char *orig,
                   const linfo *a, const linfo *b, int *b_title) {
  if (j->log_heading ||
      !(a_alnum(a->last) ||
        in_set(a->last, CB(',') | CB('%') | CB('\'') | CB('"'))))
    return 0;
  if (b->heading || b->label || b->plabel || b_title_tail(orig, b, b_title))
    return 0;
  if (b->list && !(b->head[0] == '-' && b->nhead > 2 &&
                   ir_ascii_lower((unsigned char)b->head[2])))
    return 0;
  if (b->first == '<' || b->first == '|' || b->first == '*')
    return 0;
  return prose(o, j->lstart);
}

/* A "- " line whose first word is lower case ("- ineffective."): a dash in
 * a sentence, not a list entry. */
static int continues_lower(const linfo *b) {
  return b->nhead >= 3 && b->head[1] == ' ' &&
         ir_ascii_lower((unsigned char)b->head[2]);
}

static int decide(const joiner *j, const outbuf *o, const unsigned char *orig,
                  const linfo *a, const linfo *b, int n_empty, int n_ws) {
  if (n_ws || n_empty > (j->pdf ? 1 : 0))
    return SEP_BREAK;
  size_t loglen = o->len - j->lstart + (j->have_hyphen ? 1 : 0);
  if (a->last == ':' && ir_line_outcome(b))
    return SEP_SPACE; /* a wrapped item title */
  int b_title = -1;   /* b_title_tail, found once when first needed */
  if (a->last && in_set(a->last, CB('.') | CB(':') | CB('!') | CB('?')) &&
      b_title_tail(orig, b, &b_title))
    return SEP_BREAK; /* "... set forth below:" then "X: Upheld" */
  int b_lower = ir_ascii_lower(b->first);
  int a_open = a->last && in_set(a->last, CB(',') | CB(';') | CB('&') |
                                              CB('/') | CB('(') | CB('-'));
  /* a wrapped value; "... AND" (ec: -1 when not looked at) */
  int ec = a_open ? -1 : ends_connector(o, j->lstart);
  int a_cont = a_open || ec;
  /* an all-caps line is a heading unless it visibly continues (a long
   * upper-case item title wrapped onto the next printed line) */
  if (j->log_heading &&
      !(a_cont || (a->nchars >= 60 && b_title_tail(orig, b, &b_title))))
    return SEP_BREAK;
  if (title_end(o, j->lstart))
    return SEP_BREAK;
  if (b->plabel && !j->log_heading && a->last &&
      in_set(a->last, CB('.') | CB('!') | CB('?') | CB(')')))
    return SEP_BREAK; /* "... Guidelines." / "MAXIMUS guideline: ..." */
  if (!j->pdf &&
      !in_set(a->last,
              CB('.') | CB('!') | CB('?') | CB(':') | CB(';') | CB('-')) &&
      !b->heading && !b->label &&
      (in_set(a->last, CB('&') | CB('/') | CB('+')) ||
       (ec >= 0 ? ec : ends_connector(o, j->lstart)) ||
       (b->first == '(' && !b->list) ||
       (b->first == '-' && b->second == ' ' && continues_lower(b))))
    return SEP_SPACE; /* "bupi +" / "Depo-Medrol", "neck pain for" / "3
                         years", "TPI" / "(x4) to ...", "Meds: Fexmid" /
                         "- ineffective." */
  if (j->log_lines == 1 && a->label && (b->label || b->heading) && !b_lower)
    return SEP_BREAK; /* consecutive header rows */
  if (j->log_lines == 1 && a->label && !a_open && !b_lower)
    return SEP_BREAK;
  if (a->last == ':' && loglen <= 60 && !b_lower)
    return SEP_BREAK;
  if (b->heading && !a_cont && !j->log_heading)
    return SEP_BREAK;
  if ((b->label || b->list) && !a_cont && !ir_ascii_lower(a->last) &&
      !j->log_heading)
    return SEP_BREAK; /* not "... Trigger\nPoint Injection Page(s): 122" */
  if (a->last == '-' && (!a->trail_ws || j->pdf) && a->before_last != ' ' &&
      a_alnum(b->first)) /* pdf text: "dur- " + "able" too */
    return ir_ascii_lower(a->before_last) && b_lower ? SEP_DEHYPH : SEP_GLUE;
  if (j->pdf || b_lower)
    return SEP_SPACE;
  if (!in_set(a->last, CB('.') | CB('!') | CB('?') | CB(':') | CB(';')) &&
      a->nchars >= j->wrap_min)
    return SEP_SPACE; /* hard-wrapped plain text */
  if (runs_on(j, o, orig, a, b, &b_title))
    return SEP_SPACE;
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
  while (b > lstart && e - b < 40 && a_alnum((unsigned char)o->buf[b - 1]))
    b--;
  if (b == e || (b > lstart && o->buf[b - 1] == '.'))
    return 0;
  int digits = 1;
  for (size_t i = b; i < e; i++) {
    unsigned char c = (unsigned char)o->buf[i];
    digits &= ir_ascii_digit(c) != 0;
    if (i > b && ir_ascii_upper(c))
      return 0;
  }
  if (!digits && e - b < 2)
    return 0;
  return !ir_word_in(o->buf + b, e - b, abbr);
}

/* Puts the plain bytes and single spaces [p, end) of the line read by s
 * (started, no space pending): what the unit loop in emit_line does to them
 * is a verbatim copy, except that "word.The" may get its lost space back.
 * So copy between the '.'s that precede an upper-case letter. */
static void copy_plain(outbuf *o, const joiner *j, const src *s,
                       const unsigned char *p, const unsigned char *end) {
  const unsigned char *base = s->base;
  for (const unsigned char *d = p; end - d > 1;) {
    d = memchr(d, '.', (size_t)(end - d - 1));
    if (!d)
      break;
    d++;
    if (!ir_ascii_upper(*d))
      continue;
    put(o, p, (size_t)(d - p), (uint32_t)(p - base), (uint32_t)(d - p), 1);
    p = d;
    if (lost_space(o, j->lstart)) {
      src peek = src_line(base, d + 1, s->e, s->lim, s->markup);
      unit v;
      peek.at_start = 0;
      if (ir_src_next(&peek, &v) && v.n == 1 &&
          (ir_ascii_lower(v.b[0]) ||
           v.b[0] == ' ')) /* "lidocaine.A follow-up" */
        put(o, " ", 1, (uint32_t)(d - base), 0, 0);
    }
  }
  if (end > p)
    put(o, p, (size_t)(end - p), (uint32_t)(p - base), (uint32_t)(end - p), 1);
}

/* emit_line for a simple line (see linfo): one copy_plain, but a space
 * before a held hyphen is dropped (the unit loop keeps it pending, then
 * never puts it). */
static void emit_simple(outbuf *o, joiner *j, const src *s, const linfo *li,
                        int hold) {
  const unsigned char *p = s->base + li->first_os;
  const unsigned char *end = s->base + (hold ? li->last_os : li->last_end);
  if (hold && end > p && end[-1] == ' ')
    end--;
  copy_plain(o, j, s, p, end);
  if (hold) {
    unit h = {{'-'}, 1, 0, 1, li->last_os, 1};
    j->hyphen = h;
    j->have_hyphen = 1;
  }
}

static void emit_line(outbuf *o, joiner *j, src s, const linfo *li) {
  unit u;
  int started = 0, have_sp = 0, sp_verb = 0;
  uint32_t sp_os = 0, sp_end = 0;
  int hold = li->last == '-' && (!li->trail_ws || j->pdf);
  if (li->simple) {
    emit_simple(o, j, &s, li, hold);
    return;
  }
  const unsigned char *stop = hold ? s.base + li->last_os : s.e;
  for (;;) {
    /* fast path: plain bytes and single spaces; an upper-case letter right
     * after a '.' that is not in the run goes the slow way (lost space) */
    if (!have_sp && s.p < stop && plain(*s.p) &&
        !(started && ir_ascii_upper(*s.p) && o->buf[o->len - 1] == '.')) {
      int lower = 0, spaced = 0;
      const unsigned char *q = ir_run_end(s.p, stop, s.lim, &lower, &spaced);
      copy_plain(o, j, &s, s.p, q);
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
    } else if (started && u.n == 1 && ir_ascii_upper(u.b[0]) &&
               lost_space(o, j->lstart)) {
      src peek = s;
      unit v;
      if (ir_src_next(&peek, &v) && v.n == 1 &&
          (ir_ascii_lower(v.b[0]) ||
           v.b[0] == ' ')) /* "lidocaine.A follow-up" */
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

/* Control bytes other than \t \n \v \f \r (bits of 0x00-0x1F), and 0x7F. */
static unsigned is_ctl(unsigned char c) {
  return c < 0x20 ? (~(uint32_t)0x3E00 >> c) & 1 : c == 0x7F;
}

static int is_binary(const unsigned char *s, size_t n) {
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  size_t m = n < BINARY_SAMPLE ? n : BINARY_SAMPLE, bad = 0, i = 0;
#ifdef __SSE2__
  /* 16 at a time: c <= 0x1F and not c - 9 <= 4 (\t..\r), or c == 0x7F */
  for (; i + 16 <= m; i += 16) {
    __m128i v = _mm_loadu_si128((const void *)(s + i));
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(9));
    __m128i ws = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(4)), d);
    __m128i ctl = _mm_or_si128(_mm_andnot_si128(ws, low),
                               _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    unsigned mask = (unsigned)_mm_movemask_epi8(ctl);
    if (mask)
      bad += (size_t)__builtin_popcount(mask);
  }
#endif
  for (; i + 8 <= m; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    uint64_t del = x ^ (ones * 0x7F);
    /* any byte < 0x20 (line ends too), or a 0x7F: count those 8 one by one */
    if (((x - ones * 0x20) & ~x & highs) | ((del - ones) & ~del & highs))
      for (size_t k = i; k < i + 8; k++)
        bad += is_ctl(s[k]);
  }
  for (; i < m; i++)
    bad += is_ctl(s[i]);
  return bad * 10 > m;
}

/* Hard-wrap threshold from the 90th percentile of printed line lengths:
 * text wrapped at 72 columns joins unpunctuated lines of >= 47 characters;
 * one-paragraph-per-line text joins none by length. */
static uint32_t wrap_min(const unsigned char *s, size_t n, unsigned char eol,
                         const ir_lines *lines) {
  size_t hist[257] = {0}, total = 0, m = n < 256 * 1024 ? n : 256 * 1024;
  size_t ln = 0;
  for (size_t i = 0; i < m;) {
    size_t e = (size_t)(ir_line_end(lines, &ln, s, i, m, eol) - s), l = e - i;
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
  ir_furniture furn; /* furniture lines, left out */
  size_t furn_i;     /* the next of furn.starts */
  int after_furn;    /* furniture left out since the last content line */
  int furn_para;     /* a paragraph break stood before that furniture */
} norm_state;

/* A paragraph break among the blank lines since the last content line. */
static int para_blanks(const norm_state *st) {
  return st->n_ws || st->n_empty > (st->j.pdf ? 1 : 0);
}

static void on_line(norm_state *st, const unsigned char *b,
                    const unsigned char *e) {
  size_t raw = (size_t)(b - st->orig);
  while (st->furn_i < st->furn.n && st->furn.starts[st->furn_i] < raw)
    st->furn_i++;
  if (st->furn_i < st->furn.n && st->furn.starts[st->furn_i] == raw) {
    /* left out; a sentence often runs on across the page break: the lines
     * around it join as if it were not there, a paragraph break on either
     * side of it is kept after a finished sentence */
    st->furn_para |= para_blanks(st);
    st->n_empty = st->n_ws = 0;
    st->after_furn = 1;
    return;
  }
  if (b == e) { /* what measuring an empty line finds */
    st->n_empty++;
    return;
  }
  src s = src_line(st->orig, b, e, st->orig + st->len, st->markup);
  linfo li;
  ir_measure_line(s, b, e, &li);
  if (li.kind != 2) {
    st->n_empty += li.kind == 0;
    st->n_ws += li.kind == 1;
    return;
  }
  int across_page = st->after_furn;
  if (st->after_furn) {
    int para = st->furn_para || para_blanks(st);
    int ended = st->have_prev && st->prev.last &&
                in_set(st->prev.last, CB('.') | CB('!') | CB('?') | CB(':'));
    st->n_empty = 0;
    st->n_ws = para && ended;
    st->after_furn = st->furn_para = 0;
  }
  outbuf *o = &st->o;
  joiner *j = &st->j;
  int sep = SEP_BREAK;
  if (st->have_prev) {
    sep = decide(j, o, st->orig, &st->prev, &li, st->n_empty, st->n_ws);
    /* a sentence that runs on across page furniture (any layout): the
     * line before it did not end the sentence */
    if (across_page && sep == SEP_BREAK && st->prev.last &&
        !in_set(st->prev.last, CB('.') | CB('!') | CB('?') | CB(':')) &&
        !j->log_heading && !li.heading)
      sep = SEP_SPACE;
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

int ir_text_normalize(const ir_layout_tables *lt, ir_arena *a,
                      const unsigned char *orig, size_t len, ir_text *t,
                      const char **err) {
  memset(t, 0, sizeof *t);
  t->orig = orig;
  t->orig_len = len;
  t->line_eol = '\n';
  if (len > NORM_MAX_INPUT) {
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
  /* the physical lines, found once for every pass over them below (a
   * larger text is walked with memchr: the index takes 4 bytes a line) */
  unsigned char eol = len ? line_eol(orig, len) : '\n';
  ir_lines lines_v, *lines = NULL;
  if (len && len <= LINE_INDEX_MAX) {
    ir_lines_build(a, orig, len, eol, &lines_v);
    lines = &lines_v;
  }
  unsigned shape = ir_layout_detect(lt, orig, len, lines, &t->layout);
  norm_state st;
  memset(&st, 0, sizeof st);
  st.orig = orig;
  st.len = len;
  st.markup = (shape & IR_SHAPE_MARKUP) != 0;
  st.j.pdf = (shape & IR_SHAPE_PDF) != 0;
  st.o.a = a;
  st.o.cap = len + len / 16 + 64;
  st.o.buf = ir_arena_alloc_raw(a, st.o.cap);
  ir_furniture_find(a, orig, len, eol, lines, &st.furn);
  if (st.furn.case_len)
    t->page_case = ir_arena_strndup(a, (const char *)orig + st.furn.case_os,
                                    st.furn.case_len);
  st.j.wrap_min = wrap_min(orig, len, eol, lines);
  size_t i = 0, ln = 0;
  while (i < len) {
    const unsigned char *b = orig + i;
    const unsigned char *e = ir_line_end(lines, &ln, orig, i, len, eol);
    i = (size_t)(e - orig) + (e < orig + len ? 1 : 0);
    while (eol == '\n' && e > b && e[-1] == '\r')
      e--;
    on_line(&st, b, e);
  }
  flush_hyphen(&st.o, &st.j, 1);
  if (st.o.len) {
    uint32_t os = st.prev.last_end < len ? st.prev.last_end : (uint32_t)len - 1;
    put(&st.o, "\n", 1, os, (uint32_t)len - os, 0);
  }
  /* the slack after the text is zeroed (it is allocated unzeroed): regex
   * engines may read ahead of a subject's end in whole words */
  memset(st.o.buf + st.o.len, 0, st.o.cap - st.o.len);
  t->norm = st.o.buf;
  t->norm_len = st.o.len;
  t->runs = st.o.runs;
  t->nruns = st.o.nruns;
  t->line_eol = eol;
  if (lines) { /* the line ends, without a last line's end of text */
    t->line_ends = lines->end;
    t->nline_ends = lines->n - (lines->end[lines->n - 1] == len);
  } else if (len) {
    ir_build_line_marks(a, t);
  }
  return 0;
}
