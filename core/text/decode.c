/* decode.c - the character source of the normalizer (see norm_int.h).
 *
 * Reads one physical line as units: printable ASCII verbatim; strict UTF-8
 * decoded, other high bytes as Windows-1252 / Latin-1; entities (&amp; ...
 * &#39; &#x2019;) decoded; typographic quotes, dashes and odd spaces folded
 * to ASCII; control bytes dropped (tab/CR/FF/VT become spaces); HTML-like
 * tags dropped (inline) or turned into a space (block); in markup mode '#'
 * heading markers and '**' / '__' removed. Each unit knows its original
 * byte range, so the map can be built. O(1) per byte. */
#include <ctype.h>
#include <string.h>

#include "norm_int.h"

#define PLAIN_ENTRY(c) (IR_PLAIN(c) ? 1 : 0)
const unsigned char ir_plain_byte[256] = {IR_BYTE_TABLE(PLAIN_ENTRY)};

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

int ir_ci_prefix(const unsigned char *p, const unsigned char *e,
                 const char *w) {
  for (; *w; w++, p++)
    if (p >= e || ir_ascii_tolower(*p) != (unsigned char)*w)
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
    if (ir_ci_prefix(p, e, names[i].s)) {
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
    if (strlen(inl[i]) == n && ir_ci_prefix(p, p + n, inl[i]))
      return 1;
  return 0;
}

/* Next unit of the line; 0 at its end. Units with n == 0 are never
 * returned. */
int ir_src_next(src *s, unit *u) {
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
