/* normalize_line.c - measuring one physical line for the normalizer (see
 * norm_int.h): visible length, first/last characters, a copy of the head,
 * letter case, and the shapes the separator choice needs (heading, header
 * or paragraph label, list entry, bare outcome, item title ending). Plain
 * ASCII runs are measured a run at a time; everything else goes through the
 * character source (decode.c). */
#include <stddef.h>
#include <string.h>

#include "norm_int.h"
#include "title_outcome.h"

#ifdef __SSE2__
#include <emmintrin.h>

/* Bit i set when byte i of v is plain (IR_PLAIN). The signed compares also
 * reject every byte >= 0x80. */
static inline unsigned plain_bits(__m128i v) {
  __m128i in = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x20)),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
  __m128i sp = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')),
                            _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
  sp = _mm_or_si128(sp, _mm_cmpeq_epi8(v, _mm_set1_epi8('*')));
  sp = _mm_or_si128(sp, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
  sp = _mm_or_si128(sp, _mm_cmpeq_epi8(v, _mm_set1_epi8('#')));
  return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(sp, in));
}
#endif

/* With SSE2, 16 bytes at a time while 17 can be read before lim (bytes at
 * or after e are masked off; the 17th tells whether a space in the 16th is
 * followed by a plain byte); then one at a time. */
const unsigned char *ir_run_end(const unsigned char *q, const unsigned char *e,
                                const unsigned char *lim, int *lower,
                                int *spaced) {
  int lo = 0, sp_any = 0;
#ifdef __SSE2__
  const __m128i a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
  const __m128i blank = _mm_set1_epi8(' ');
  /* 32 bytes at a time while the line has 33 more: one mask of each kind */
  while (e - q > 32) {
    __m128i v0 = _mm_loadu_si128((const void *)q);
    __m128i v1 = _mm_loadu_si128((const void *)(q + 16));
    uint32_t pl = plain_bits(v0) | plain_bits(v1) << 16;
    uint32_t sp = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v0, blank)) |
                  (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v1, blank)) << 16;
    uint32_t ok = pl | (sp & (pl >> 1 | (uint32_t)plain(q[32]) << 31));
    uint32_t in_run = (~ok & (ok + 1)) - 1; /* below the first !ok */
    if (!lo) {
      uint32_t l0 = (uint32_t)_mm_movemask_epi8(
          _mm_and_si128(_mm_cmpgt_epi8(v0, a1), _mm_cmplt_epi8(v0, z1)));
      uint32_t l1 = (uint32_t)_mm_movemask_epi8(
          _mm_and_si128(_mm_cmpgt_epi8(v1, a1), _mm_cmplt_epi8(v1, z1)));
      lo = ((l0 | l1 << 16) & in_run) != 0;
    }
    sp_any |= (sp & in_run) != 0;
    if (ok != 0xFFFFFFFFu) {
      q += __builtin_ctz(~ok);
      goto done;
    }
    q += 32;
  }
  while (q < e && lim - q >= 17) {
    __m128i v = _mm_loadu_si128((const void *)q);
    unsigned pl = plain_bits(v), ahead = 0;
    if (e - q > 16)
      ahead = (unsigned)plain(q[16]);
    else
      pl &= (1u << (e - q)) - 1; /* the line ends in this block */
    unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, blank));
    unsigned ok = pl | (sp & (pl >> 1 | ahead << 15));
    unsigned in_run = (~ok & (ok + 1)) - 1; /* the bits below the first !ok */
    if (!lo)
      lo = (int)((unsigned)_mm_movemask_epi8(_mm_and_si128(
                     _mm_cmpgt_epi8(v, a1), _mm_cmplt_epi8(v, z1))) &
                 in_run);
    sp_any |= (int)(sp & in_run);
    if (ok != 0xFFFF) {
      q += __builtin_ctz(~ok);
      goto done;
    }
    q += 16;
  }
#else
  (void)lim;
#endif
  while (q < e) {
    unsigned char c = *q;
    if (plain(c)) {
      lo |= ir_ascii_lower(c);
    } else if (c == ' ' && q + 1 < e && plain(q[1])) {
      sp_any = 1;
    } else {
      break;
    }
    q++;
  }
#ifdef __SSE2__
done:
#endif
  *lower |= lo != 0;
  *spaced |= sp_any != 0;
  return q;
}

/* A run of plain bytes and single spaces between them at p (started, no
 * gap pending): the same bookkeeping as one byte at a time. Returns the
 * run end (after a plain byte). */
static const unsigned char *measure_run(const src *s, linfo *li) {
  const unsigned char *p = s->p, *base = s->base;
  int lower = 0;
  const unsigned char *q = ir_run_end(p, s->e, s->lim, &lower, &li->spaced);
  if (!li->lower && !lower) /* all upper-case so far: count */
    for (const unsigned char *r = p; r < q; r++)
      li->upper += ir_ascii_upper(*r);
  li->lower |= lower;
  size_t n = (size_t)(q - p);
  if (li->nchars == 1)
    li->second = p[0];
  li->before_last = n >= 2 ? q[-2] : li->last;
  li->last = q[-1];
  li->nchars += (uint32_t)n;
  if (li->nhead < HEAD_MAX - 1) {
    size_t k = (size_t)(HEAD_MAX - 1 - li->nhead);
    if (k > n)
      k = n;
    memcpy(li->head + li->nhead, p, k);
    li->nhead += (int)k;
  }
  li->trail_ws = 0;
  li->last_os = (uint32_t)(q - 1 - base);
  li->last_end = li->last_os + 1;
  return q;
}

/* Appends one visible character (a gap is one ' ') to the line's record. */
static void put_char(linfo *li, unsigned char c) {
  if (li->nchars == 0)
    li->first = c;
  else if (li->nchars == 1)
    li->second = c;
  li->before_last = li->last;
  li->last = c;
  li->nchars++;
  if (li->nhead < HEAD_MAX - 1)
    li->head[li->nhead++] = (char)c;
  li->upper += ir_ascii_upper(c); /* ASCII, no locale call */
  li->lower |= ir_ascii_lower(c);
}

static void measure(src s, linfo *li) {
  memset(li, 0, offsetof(linfo, head));
  unit u;
  int started = 0, gap = 0, saw_ws = 0;
  int src_gap = 0; /* a gap read through the source (not a single ' ') */
  li->simple = 1;
  for (;;) {
    /* fast path: a run of plain bytes and single spaces */
    while (s.p < s.e && (plain(*s.p) || (*s.p == ' ' && started && !gap &&
                                         s.p + 1 < s.e && plain(s.p[1])))) {
      unsigned char c = *s.p;
      if (started && !gap && c != ' ') {
        s.p = measure_run(&s, li);
        s.at_start = 0;
        continue;
      }
      if (c == ' ') {
        gap = 1;
        s.p++;
        continue;
      }
      if (!started)
        li->first_os = (uint32_t)(s.p - s.base);
      if (src_gap)
        li->simple = 0;
      li->spaced |= started && gap;
      if (gap)
        put_char(li, ' ');
      put_char(li, c);
      started = 1;
      gap = 0;
      li->trail_ws = 0;
      li->last_os = (uint32_t)(s.p - s.base);
      li->last_end = li->last_os + 1;
      s.p++;
      s.at_start = 0;
    }
    if (s.p < s.e && *s.p == ' ') { /* what the source does with a ' ' */
      s.p++;
      saw_ws = 1;
      src_gap |= started;
      gap = started;
      li->trail_ws = started;
      continue;
    }
    if (!ir_src_next(&s, &u))
      break;
    if (u.space) {
      saw_ws = 1;
      src_gap |= started;
      gap = started;
      li->trail_ws = started;
      continue;
    }
    li->simple = 0;
    for (int i = -1; i < u.n; i++) {
      unsigned char c = i < 0 ? ' ' : u.b[i];
      if (i < 0 && !gap)
        continue;
      put_char(li, c);
    }
    li->spaced |= started && gap;
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

/* w[0, n) is one of the (lower-case) words of list, ignoring case. */
int ir_word_in(const char *w, size_t n, const char *const *list) {
  unsigned char w0 = n ? (unsigned char)w[0] : 0;
  w0 = ir_ascii_tolower(w0);
  for (; *list; list++) {
    const char *l = *list;
    size_t i = 0;
    if (n && (unsigned char)l[0] != w0)
      continue;
    while (i < n && l[i] &&
           (unsigned char)l[i] == (ir_ascii_upper((unsigned char)w[i])
                                       ? (unsigned char)(w[i] | 0x20)
                                       : (unsigned char)w[i]))
      i++;
    if (i == n && !l[i])
      return 1;
  }
  return 0;
}

/* "Case Number:", "State(s) of Licensure:", "ISSUE AT DISPUTE:" - a short
 * Title-Case label that starts a header row (bit 0); or a paragraph label
 * such as "Decision rationale:", "MAXIMUS guideline:" (bit 1). Both from one
 * walk over the head: a header row label also allows lower-case connectors
 * ("of", "and", ...) and up to 6 words and does not end in a paragraph
 * word; a paragraph label has up to 4 words and ends in one. */
/* The word lists of label_kinds, looked up by length and first letter
 * after folding ASCII upper case (as ir_word_in does). */
#define IS_W(lit) (n == sizeof lit - 1 && memcmp(f, lit, n) == 0)
static int conn_word(const char *w, size_t n) {
  char f[3];
  if (n == 0 || n > 3)
    return 0;
  for (size_t i = 0; i < n; i++)
    f[i] = (char)ir_ascii_tolower((unsigned char)w[i]);
  switch (f[0]) {
  case 'a':
    return IS_W("and") || IS_W("at") || IS_W("a");
  case 'o':
    return IS_W("of") || IS_W("or") || IS_W("on");
  case 't':
    return IS_W("the") || IS_W("to");
  case 'f':
    return IS_W("for");
  case 'i':
    return IS_W("in");
  case 'b':
    return IS_W("by");
  default:
    return 0;
  }
}

static int para_word(const char *w, size_t n) {
  char f[13];
  if (n < 4 || n > 13)
    return 0;
  for (size_t i = 0; i < n; i++)
    f[i] = (char)ir_ascii_tolower((unsigned char)w[i]);
  switch (f[0]) {
  case 'r':
    return IS_W("rationale") || IS_W("reason") || IS_W("reasons");
  case 'g':
    return IS_W("guideline") || IS_W("guidelines");
  case 's':
    return IS_W("summary");
  case 'h':
    return IS_W("history");
  case 'd':
    return IS_W("discussion") || IS_W("determination");
  case 'c':
    return IS_W("comments") || IS_W("conclusion");
  case 'f':
    return IS_W("findings");
  case 'i':
    return IS_W("impression");
  case 'a':
    return IS_W("assessment");
  case 'n':
    return IS_W("notes") || IS_W("note");
  default:
    return 0;
  }
}
#undef IS_W

static unsigned label_kinds(const linfo *li) {
  const char *h = li->head, *w = h;
  int words = 0, header = 1; /* header: still a header row candidate */
  /* most lines: not upper-case first, or no ':' where the walk looks */
  if (!ir_ascii_upper((unsigned char)h[0]) ||
      !memchr(h, ':', li->nhead < 49 ? (size_t)li->nhead : 49))
    return 0;
  for (const char *p = h; p <= h + 48; p++) { /* the colon within 48 */
    unsigned char c = (unsigned char)*p;
    if (c == ' ' || c == ':' || c == 0) {
      size_t n = (size_t)(p - w);
      if (n == 0)
        return 0;
      unsigned char w0 = (unsigned char)*w;
      if (header && !ir_ascii_upper(w0) && !ir_ascii_digit(w0) &&
          !conn_word(w, n))
        header = 0;
      if (words == 0 && !ir_ascii_upper(w0))
        return 0;
      if (++words > 6)
        return 0; /* too many words for either kind */
      if (c != ' ') {
        if (c != ':' || p - h > 48 || (p[1] != 0 && p[1] != ' '))
          return 0;
        int ends_para = para_word(w, n);
        return (header && words <= 6 && !ends_para ? 1u : 0u) |
               (words <= 4 && ends_para ? 2u : 0u);
      }
      w = p + 1;
    } else if (!a_alnum(c) && c != '(' && c != ')' && c != '/' && c != '\'' &&
               c != '.' && c != '&' && c != '#' && c != '-') {
      return 0;
    }
  }
  return 0;
}

/* Does s[b, e) end like an item title (": Upheld", "- Overturned in part",
 * ": Non-certified"; see title_outcome.h)? */
/* The end of s[b, e) without the trailing '.', '*', '!' and blanks that
 * ir_title_outcome strips, when the byte before it may end an outcome
 * phrase (an outcome word ends in 'd' or 'n', a qualifier in 't', 'l',
 * 'y' or ')'); else b. A cheap rejection for most lines. */
static size_t outcome_end(const char *s, size_t b, size_t e) {
  while (e > b && ((unsigned char)s[e - 1] <= ' ' || s[e - 1] == '.' ||
                   s[e - 1] == '*' || s[e - 1] == '!'))
    e--;
  if (e == b)
    return b;
  switch (s[e - 1] | 0x20) {
  case 'd':
  case 'n':
  case 't':
  case 'l':
  case 'y':
  case ')':
    return e;
  default:
    return b;
  }
}

int ir_title_tail(const char *s, size_t b, size_t e) {
  ir_outcome o;
  size_t w, pe;
  /* the ':' or '-' before the phrase must be there too */
  size_t t = outcome_end(s, b, e);
  if (t == b || (!memchr(s + b, ':', t - b) && !memchr(s + b, '-', t - b)))
    return 0;
  if (!ir_title_outcome(s, b, e, IR_TO_CERT, &o, &w, &pe))
    return 0;
  while (w > b && (s[w - 1] == ' ' || s[w - 1] == '\t' || s[w - 1] == '*'))
    w--;
  return w > b && (s[w - 1] == ':' || s[w - 1] == '-');
}

static void classify(linfo *li) {
  uint32_t upper = li->upper;
  li->heading = upper >= 4 && !li->lower && li->nchars <= 90 &&
                (li->spaced || li->last == ':' || upper >= 8);
  unsigned lk = li->kind == 2 ? label_kinds(li) : 0;
  li->label = (lk & 1) != 0;
  li->plabel = (lk & 2) != 0;
  const unsigned char *h = (const unsigned char *)li->head;
  size_t i = 0;
  while (ir_ascii_digit(h[i]) && i < 3)
    i++;
  li->list = (i && (h[i] == '.' || h[i] == ')') && h[i + 1] == ' ') ||
             ((h[0] == '-' || h[0] == '*') && h[1] == ' ') ||
             memcmp(h, "\xE2\x80\xA2", 3) == 0;
}

int ir_line_outcome(const linfo *li) {
  ir_outcome o;
  size_t ps, pe;
  return li->nchars <= 40 && outcome_end(li->head, 0, (size_t)li->nhead) != 0 &&
         ir_title_outcome(li->head, 0, (size_t)li->nhead, IR_TO_WHOLE, &o, &ps,
                          &pe);
}

int ir_line_title_tail(const unsigned char *base, const linfo *li) {
  return ir_title_tail((const char *)base + li->raw_b, 0,
                       li->raw_e - li->raw_b);
}

void ir_measure_line(src s, const unsigned char *b, const unsigned char *e,
                     linfo *li) {
  measure(s, li);
  if (li->kind != 2)
    return;
  classify(li);
  li->raw_b = (uint32_t)(b - s.base);
  li->raw_e = (uint32_t)(e - s.base);
}
