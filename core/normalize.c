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

#include "text.h"

/* from layout.c */
enum { IR_SHAPE_PDF = 1, IR_SHAPE_MARKUP = 2 };
unsigned ir_layout_shape(const unsigned char *s, size_t n);
size_t ir_markup_tag_len(const unsigned char *s, const unsigned char *e);

#define MAX_INPUT ((size_t)64 << 20)
enum { BINARY_SAMPLE = 64 * 1024, HEAD_MAX = 64 };

/* ---- character source --------------------------------------------------- */

typedef struct {
  unsigned char b[4];
  uint8_t n;        /* output bytes, 0 = dropped */
  uint8_t space;    /* a whitespace unit */
  uint8_t verbatim; /* b[0..n) are exactly the original bytes */
  uint32_t os, ol;  /* original range */
} unit;

typedef struct {
  const unsigned char *base, *p, *e;
  int markup;   /* strip '#' heading markers and '**' / '__' */
  int at_start; /* nothing visible yet on this line */
} src;

static const uint16_t cp1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static int utf8_len(uint32_t cp, unsigned char *b) {
  if (cp < 0x80) {
    b[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    b[0] = (unsigned char)(0xC0 | cp >> 6);
    b[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    b[0] = (unsigned char)(0xE0 | cp >> 12);
    b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    b[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  b[0] = (unsigned char)(0xF0 | cp >> 18);
  b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  b[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Strict UTF-8 decode at p; returns the sequence length or 0 if invalid. */
static int utf8_decode(const unsigned char *p, const unsigned char *e,
                       uint32_t *cp) {
  unsigned char c = p[0];
  int n;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2, v = c & 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF)
    n = 3, v = c & 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4)
    n = 4, v = c & 0x07, min = 0x10000;
  else
    return 0;
  if (e - p < n)
    return 0;
  for (int i = 1; i < n; i++) {
    if ((p[i] & 0xC0) != 0x80)
      return 0;
    v = v << 6 | (p[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
    return 0;
  *cp = v;
  return n;
}

/* Fold a code point to what downstream sees: 0 drop, 1 space, 2 ASCII
 * replacement in *rep, 3 keep as is. */
static int fold_cp(uint32_t cp, const char **rep) {
  /* replacement: "" drop, " " space, else ASCII text */
  static const struct {
    uint32_t cp;
    const char *to;
  } fold[] = {{0x2018, "'"},   {0x2019, "'"},  {0x201A, "'"},  {0x201B, "'"},
              {0x2032, "'"},   {0x2035, "'"},  {0x2039, "'"},  {0x203A, "'"},
              {0x201C, "\""},  {0x201D, "\""}, {0x201E, "\""}, {0x201F, "\""},
              {0x2033, "\""},  {0x2010, "-"},  {0x2011, "-"},  {0x2012, "-"},
              {0x2013, "-"},   {0x2014, "-"},  {0x2015, "-"},  {0x2212, "-"},
              {0x2026, "..."}, {0xA0, " "},    {0x202F, " "},  {0x205F, " "},
              {0x3000, " "},   {0x1680, " "},  {0x2028, " "},  {0x2029, " "},
              {0xAD, ""},      {0x200B, ""},   {0x200C, ""},   {0x200D, ""},
              {0x2060, ""},    {0xFEFF, ""},   {0xFFFE, ""}};
  if (cp < 0x20 || cp == 0x7F)
    return (cp == '\t' || cp == '\v' || cp == '\f' || cp == '\r') ? 1 : 0;
  if (cp >= 0x2000 && cp <= 0x200A)
    return 1;
  if (cp < 0xA0 || (cp > 0xAD && cp < 0x1680))
    return 3;
  for (size_t i = 0; i < sizeof fold / sizeof *fold; i++)
    if (fold[i].cp == cp) {
      *rep = fold[i].to;
      return !**rep ? 0 : **rep == ' ' ? 1 : 2;
    }
  return 3;
}

/* Fill u for code point cp that replaced original [os, os+ol). */
static void cp_unit(uint32_t cp, unit *u) {
  if (cp >= 0x80 && cp < 0xA0)
    cp = cp1252[cp - 0x80];
  const char *rep = NULL;
  int k = cp ? fold_cp(cp, &rep) : 0;
  u->verbatim = 0;
  u->space = 0;
  if (k == 0) {
    u->n = 0;
  } else if (k == 1) {
    u->n = 1, u->b[0] = ' ', u->space = 1;
  } else if (k == 2) {
    u->n = (uint8_t)strlen(rep);
    memcpy(u->b, rep, u->n);
  } else {
    u->n = (uint8_t)utf8_len(cp, u->b);
  }
}

static int ci_prefix(const unsigned char *p, const unsigned char *e,
                     const char *w) {
  for (; *w; w++, p++)
    if (p >= e || tolower(*p) != (unsigned char)*w)
      return 0;
  return 1;
}

/* Entity at p ("&amp;", "&#39;", ...): its length and code point, or 0. */
static int entity(const unsigned char *p, const unsigned char *e,
                  uint32_t *cp) {
  static const struct {
    const char *s;
    uint32_t cp;
  } names[] = {{"&amp;", '&'},  {"&lt;", '<'},    {"&gt;", '>'},
               {"&quot;", '"'}, {"&apos;", '\''}, {"&nbsp;", 0xA0}};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (ci_prefix(p, e, names[i].s)) {
      *cp = names[i].cp;
      return (int)strlen(names[i].s);
    }
  if (e - p < 4 || p[1] != '#')
    return 0;
  const unsigned char *q = p + 2;
  int hex = (*q == 'x' || *q == 'X');
  q += hex;
  uint32_t v = 0;
  const unsigned char *d = q;
  while (q < e && q - d < 7 && (hex ? isxdigit(*q) : isdigit(*q))) {
    v = v * (hex ? 16 : 10) +
        (uint32_t)(isdigit(*q) ? *q - '0' : (tolower(*q) - 'a' + 10));
    q++;
  }
  if (q == d || q >= e || *q != ';' || v > 0x10FFFF ||
      (v >= 0xD800 && v <= 0xDFFF))
    return 0;
  *cp = v;
  return (int)(q + 1 - p);
}

static int tag_is_inline(const unsigned char *p) {
  static const char *const inl[] = {"b",    "i",      "u",   "em",  "strong",
                                    "span", "font",   "sup", "sub", "html",
                                    "body", "center", "pre"};
  p += (p[1] == '/') ? 2 : 1;
  size_t n = 0;
  while (n < 8 && isalnum(p[n]))
    n++;
  for (size_t i = 0; i < sizeof inl / sizeof *inl; i++)
    if (strlen(inl[i]) == n && ci_prefix(p, p + n, inl[i]))
      return 1;
  return 0;
}

/* Next unit of the line; 0 at its end. Units with n == 0 are never
 * returned. */
static int src_next(src *s, unit *u) {
  while (s->p < s->e) {
    const unsigned char *p = s->p;
    unsigned char c = *p;
    u->os = (uint32_t)(p - s->base);
    if (c >= 0x20 && c < 0x7F && c != '<' && c != '&' && c != '*' && c != '_' &&
        c != '#') {
      u->b[0] = c, u->n = 1, u->ol = 1, u->verbatim = 1, u->space = c == ' ';
      s->p++;
      if (c != ' ')
        s->at_start = 0;
      return 1;
    }
    size_t tl;
    uint32_t cp;
    int k;
    if (c == '<' && (tl = ir_markup_tag_len(p, s->e)) != 0) {
      s->p += tl;
      if (tag_is_inline(p))
        continue;
      u->b[0] = ' ', u->n = 1, u->ol = (uint32_t)tl, u->verbatim = 0;
      u->space = 1;
      return 1;
    }
    if (c == '&' && (k = entity(p, s->e, &cp)) != 0) {
      s->p += k;
      u->ol = (uint32_t)k;
      cp_unit(cp, u);
      if (!u->n)
        continue;
      s->at_start &= u->space;
      return 1;
    }
    if (s->markup && (c == '*' || c == '_') && p + 1 < s->e && p[1] == c) {
      while (s->p < s->e && *s->p == c)
        s->p++;
      continue;
    }
    if (s->markup && c == '#' && s->at_start) {
      const unsigned char *q = p;
      while (q < s->e && *q == '#' && q - p < 6)
        q++;
      if (q == s->e || *q == ' ') {
        s->p = q;
        continue;
      }
    }
    if (c < 0x80) {
      s->p++;
      u->ol = 1;
      if (c >= 0x20 && c < 0x7F) { /* a literal '<', '&', '*', '_', '#' */
        u->b[0] = c, u->n = 1, u->verbatim = 1, u->space = 0;
        s->at_start = 0;
        return 1;
      }
      cp_unit(c, u);
      if (!u->n)
        continue;
      return 1;
    }
    k = utf8_decode(p, s->e, &cp);
    if (k) {
      u->ol = (uint32_t)k;
      cp_unit(cp, u);
      if (u->n && !u->space && cp >= 0xA0 && (int)u->n == k &&
          memcmp(u->b, p, (size_t)k) == 0)
        u->verbatim = 1;
    } else {
      u->ol = 1;
      cp_unit(c, u); /* Windows-1252 / Latin-1 */
      k = 1;
    }
    s->p += k;
    if (!u->n)
      continue;
    s->at_start &= u->space;
    return 1;
  }
  return 0;
}

/* Printable ASCII that the source passes through unchanged (no markup,
 * entity or space handling). */
static int plain(unsigned char c) {
  return c > 0x20 && c < 0x7F && c != '<' && c != '&' && c != '*' && c != '_' &&
         c != '#';
}

static src src_line(const unsigned char *base, const unsigned char *b,
                    const unsigned char *e, int markup) {
  src s = {base, b, e, markup, 1};
  return s;
}

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
    if (!src_next(&s, &u))
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

/* Does the raw line [b, e) end like an item title (": Upheld")? */
static int raw_title_tail(const unsigned char *b, const unsigned char *e) {
  while (e > b && (e[-1] <= ' ' || e[-1] == '.' || e[-1] == '*'))
    e--;
  const unsigned char *w = e;
  while (w > b && isalpha(w[-1]))
    w--;
  size_t n = (size_t)(e - w);
  if (!((n == 6 && ci_prefix(w, e, "upheld")) ||
        (n == 10 && ci_prefix(w, e, "overturned"))))
    return 0;
  while (w > b && (w[-1] == ' ' || w[-1] == '\t' || w[-1] == '*'))
    w--;
  return w > b && (w[-1] == ':' || w[-1] == '-');
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
  li->outcome =
      li->nchars <= 12 && (strncasecmp(li->head, "upheld", 6) == 0 ||
                           strncasecmp(li->head, "overturned", 10) == 0);
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
  size_t e = o->len;
  while (e > lstart && (o->buf[e - 1] == '.' || o->buf[e - 1] == ' '))
    e--;
  size_t b = e;
  while (b > lstart && isalpha((unsigned char)o->buf[b - 1]))
    b--;
  size_t n = e - b;
  if (!((n == 6 && strncasecmp(o->buf + b, "upheld", 6) == 0) ||
        (n == 10 && strncasecmp(o->buf + b, "overturned", 10) == 0)))
    return 0;
  while (b > lstart && o->buf[b - 1] == ' ')
    b--;
  return b > lstart && (o->buf[b - 1] == ':' || o->buf[b - 1] == '-');
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
    if (!src_next(&s, &u))
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
      if (src_next(&peek, &v) && v.n == 1 && islower(v.b[0]))
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

static size_t count_eol(const unsigned char *s, size_t n, unsigned char eol) {
  size_t k = 0;
  for (const unsigned char *p = s, *e = s + n;
       (p = memchr(p, eol, (size_t)(e - p))) != NULL; p++)
    k++;
  return k;
}

static void build_line_marks(ir_arena *a, ir_text *t) {
  size_t nm = t->orig_len / IR_LINE_BLOCK + 1;
  uint32_t *m = ir_arena_alloc(a, nm * sizeof *m);
  size_t acc = 0;
  for (size_t k = 1; k < nm; k++) {
    acc += count_eol(t->orig + (k - 1) * IR_LINE_BLOCK, IR_LINE_BLOCK,
                     t->line_eol);
    m[k] = (uint32_t)acc;
  }
  t->line_marks = m;
  t->nline_marks = nm;
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
  li.title_tail = raw_title_tail(b, e);
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
    build_line_marks(a, t);
  return 0;
}

/* ---- map lookups -----------------------------------------------------------
 */

static const ir_map_run *find_run(const ir_text *t, size_t npos) {
  size_t lo = 0, hi = t->nruns;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->runs[mid].nstart <= npos)
      lo = mid;
    else
      hi = mid;
  }
  return &t->runs[lo];
}

size_t ir_text_orig_start(const ir_text *t, size_t npos) {
  if (!t->nruns || npos >= t->norm_len)
    return t->orig_len;
  const ir_map_run *r = find_run(t, npos);
  size_t d = npos - r->nstart;
  if (r->verbatim)
    return r->ostart + (d < r->olen ? d : r->olen);
  return r->ostart;
}

size_t ir_text_orig_end(const ir_text *t, size_t npos_end) {
  if (!t->nruns || npos_end == 0)
    return t->nruns ? t->runs[0].ostart : 0;
  if (npos_end > t->norm_len)
    npos_end = t->norm_len;
  const ir_map_run *r = find_run(t, npos_end - 1);
  size_t d = npos_end - r->nstart;
  if (r->verbatim)
    return r->ostart + (d < r->olen ? d : r->olen);
  return (size_t)r->ostart + r->olen;
}

int ir_text_orig_line(const ir_text *t, size_t off) {
  if (!t->orig)
    return 1;
  if (off > t->orig_len)
    off = t->orig_len;
  unsigned char eol = t->line_eol ? t->line_eol : '\n';
  size_t k = off / IR_LINE_BLOCK, base = 0, from = 0;
  if (t->line_marks && k < t->nline_marks) {
    base = t->line_marks[k];
    from = k * IR_LINE_BLOCK;
  }
  return (int)(base + count_eol(t->orig + from, off - from, eol) + 1);
}
