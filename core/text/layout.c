/* layout.c - recognize the text shape of a letter from its raw bytes.
 *
 * Two separate answers:
 *  - the reported layout (ir_detect_layout): named-layout markers win
 *    (maximus-header, professional-review), then markup, then pdf-text,
 *    else unknown;
 *  - the shape flags (ir_layout_detect, used by normalize.c): IR_SHAPE_PDF
 *    when a blank line follows nearly every printed line, IR_SHAPE_MARKUP
 *    when tags / '#' headings / '**' labels are present. A maximus-header
 *    letter may well be PDF-shaped; the normalizer joins its lines anyway.
 * Only a bounded prefix of the file is examined, so detection is O(1) in the
 * letter size beyond that prefix. Markup is counted with one memchr walk
 * per kind; markers are found from a byte-pair class table looked up at
 * every other offset (see pair_class), built by ir_layout_tables_new. */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "norm_int.h"

enum {
  SHAPE_SCAN = 256 * 1024,   /* bytes examined for the line shape */
  MARKER_SCAN = 1024 * 1024, /* bytes searched for layout markers */
  TOP_BYTES = 8 * 1024,      /* "near the top" for the letterhead */
  LONG_LINE = 160            /* a PDF printed line is never this long */
};

const char *ir_layout_name(ir_layout l) {
  switch (l) {
  case IR_LAYOUT_PDF_TEXT:
    return "pdf-text";
  case IR_LAYOUT_MARKUP:
    return "markup";
  case IR_LAYOUT_MAXIMUS_HEADER:
    return "maximus-header";
  case IR_LAYOUT_PROFESSIONAL_REVIEW:
    return "professional-review";
  default:
    return "unknown";
  }
}

/* ---- line shape ------------------------------------------------------- */

typedef struct {
  size_t content;     /* lines with a visible character */
  size_t then_blank;  /* content lines followed by an empty line */
  size_t long_lines;  /* content lines longer than LONG_LINE */
  size_t ws_lines;    /* whitespace-only lines */
  size_t lower_start; /* content lines after one blank, starting lower-case */
} shape_stats;

/* The first visible byte of [b, e), e if none: not a blank (' ', \t, \f,
 * \v, \r, NUL, 0xA0) nor any other control byte. */
static const unsigned char *first_visible(const unsigned char *b,
                                          const unsigned char *e) {
  while (b < e && (*b <= 0x20 || *b == 0xA0))
    b++;
  return b;
}

/* Classify [b, e) with its first visible byte f: 0 empty, 1 whitespace-only
 * (a space, tab or 0xA0), 2 content. */
static int line_kind(const unsigned char *b, const unsigned char *e,
                     const unsigned char *f) {
  if (f < e)
    return 2;
  for (; b < e; b++)
    if (*b == ' ' || *b == '\t' || *b == 0xA0)
      return 1;
  return 0;
}

/* lines: the index of s's lines when n is its whole length (their ends are
 * the ones found here), else NULL */
static void shape_scan(const unsigned char *s, size_t n, const ir_lines *lines,
                       shape_stats *st) {
  memset(st, 0, sizeof *st);
  unsigned char eol = '\n';
  if (!lines)
    eol = memchr(s, '\n', n) ? '\n' : '\r';
  int prev = -1, blanks = 0; /* previous line kind, blank lines since */
  int pending = 0;           /* last content line awaits its successor */
  size_t i = 0, ln = 0;
  while (i < n) {
    const unsigned char *b = s + i, *e = ir_line_end(lines, &ln, s, i, n, eol);
    i = (size_t)(e - s) + (e < s + n ? 1 : 0);
    const unsigned char *f = first_visible(b, e);
    int k = line_kind(b, e, f);
    if (pending) {
      if (k == 0)
        st->then_blank++;
      pending = 0;
    }
    if (k == 2) {
      st->content++;
      pending = 1;
      if ((size_t)(e - b) > LONG_LINE)
        st->long_lines++;
      if (prev == 0 && blanks == 1 && (unsigned char)(*f - 'a') < 26)
        st->lower_start++;
      blanks = 0;
    } else {
      if (k == 1)
        st->ws_lines++;
      blanks++;
    }
    prev = k == 2 ? 2 : (k == 1 ? 1 : 0);
  }
  if (pending)
    st->then_blank++; /* the last line has nothing after it */
}

static int is_pdf_shape(const shape_stats *st) {
  if (st->content < 6)
    return 0;
  if (st->then_blank * 10 < st->content * 8) /* nearly every line */
    return 0;
  if (st->long_lines * 10 > st->content) /* paragraphs, not printed lines */
    return 0;
  /* evidence of broken paragraphs: whitespace-only paragraph lines, or
   * sentences continued after a blank line */
  return st->ws_lines > 0 || st->lower_start * 20 >= st->content;
}

/* ---- markup ----------------------------------------------------------- */

/* ASCII lower case: what tolower() does in the C locale the program runs
 * in, without the locale lookup. */
static int ci_eq(const unsigned char *s, const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (ir_ascii_tolower(s[i]) != (unsigned char)w[i])
      return 0;
  return 1;
}

static const char *const tag_names[] = {
    "b",  "i",  "u",  "p",  "br",  "em",  "strong", "span", "div",    "font",
    "h1", "h2", "h3", "h4", "h5",  "h6",  "table",  "tr",   "td",     "th",
    "ul", "ol", "li", "hr", "sup", "sub", "html",   "body", "center", "pre"};

/* Length of a known HTML-like tag at s (0 when none). Used by decode.c. */
size_t ir_markup_tag_len(const unsigned char *s, const unsigned char *e) {
  if (s >= e || *s != '<')
    return 0;
  const unsigned char *p = s + 1;
  if (p < e && *p == '/')
    p++;
  const unsigned char *nb = p;
  while (p < e && p - nb < 8 && a_alnum(*p))
    p++;
  size_t nl = (size_t)(p - nb);
  if (nl == 0)
    return 0;
  int known = 0;
  for (size_t k = 0; k < sizeof tag_names / sizeof *tag_names && !known; k++)
    /* ci_eq stops at the name's end: nb is alphanumeric */
    known = ci_eq(nb, tag_names[k], nl) && tag_names[k][nl] == 0;
  if (!known)
    return 0;
  /* attributes up to '>' on the same line, bounded */
  for (int lim = 0; p < e && lim < 200; p++, lim++) {
    if (*p == '>')
      return (size_t)(p + 1 - s);
    if (*p == '<' || *p == '\n' || *p == '\r')
      return 0;
  }
  return 0;
}

/* ---- named-layout markers ------------------------------------------------ */

typedef struct {
  const char *text; /* lower-case; ' ' matches any run of whitespace */
  int family;       /* 0 maximus-header, 1 professional-review */
  int weight, top_weight;
} marker;

static const marker markers[] = {
    {"maximus federal services, inc", 0, 1, 3},
    {"documents reviewed", 0, 1, 1},
    {"imr decision(s) and rationale(s)", 0, 3, 3},
    {"medical professional review", 1, 2, 2},
    {"issue at dispute:", 1, 2, 2},
    {"case summary:", 1, 1, 1},
    {"rationale for why the requested treatment/service", 1, 3, 3},
    {"medical reviewer qualifications:", 1, 2, 2},
};
enum { NMARKERS = sizeof markers / sizeof *markers, THRESHOLD = 3 };

static int is_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0;
}

/* Does marker text w match at s? Whitespace in w matches >= 1 blank. */
static int match_at(const unsigned char *s, const unsigned char *e,
                    const char *w) {
  for (; *w; w++) {
    if (*w == ' ') {
      if (s >= e || !is_ws(*s))
        return 0;
      while (s < e && is_ws(*s))
        s++;
    } else {
      if (s >= e || ir_ascii_tolower(*s) != (unsigned char)*w)
        return 0;
      s++;
    }
  }
  return 1;
}

/* ---- markers and markup ----------------------------------------------- */

typedef struct {
  int score[2];              /* marker weights per family */
  size_t tags, heads, bolds; /* markup seen in the shape prefix */
} scan_stats;

_Static_assert(NMARKERS <= 8, "marker sets are bytes");

/* Two bytes a, b (see pair_index) -> four marker sets: byte j of the
 * class holds the markers whose bytes j and j + 1 may be a and b (either
 * case; a blank in a marker matches any blank, and once a marker has had a
 * blank its later bytes may be anything, as the blank run may be longer).
 * A marker may start at an even offset p when it is in byte 0 of the class
 * at p and byte 2 of the class at p + 2; at p - 1 when in byte 1 at p and
 * byte 3 at p + 2. Most byte pairs of a letter are in no set. */
struct ir_layout_tables {
  uint32_t pair_class[1 << 16];
  /* The fixed start of each marker (up to its first blank, at most 8
   * bytes) as one word read from the text: OR with fold (0x20 in its letter
   * bytes) and AND with mask (its bytes) must give word. A quick
   * rejection. */
  uint64_t pre_word[NMARKERS], pre_fold[NMARKERS], pre_mask[NMARKERS];
  size_t pre_len[NMARKERS]; /* its length */
  int quick; /* every marker starts with one of quick_pairs (see there) */
};

/* The first two bytes (either case) of the markers, as scan_markers tests
 * them 16 offsets at a time with SSE2 (keep the two in step; a marker list
 * starting otherwise turns the quick test off). */
static const char quick_pairs[][3] = {"ma", "me", "do", "im", "is", "ca", "ra"};

/* The index of the pair a, b: the two bytes read as one uint16_t. */
static unsigned pair_index(unsigned a, unsigned b) {
  unsigned char ab[2] = {(unsigned char)a, (unsigned char)b};
  uint16_t x;
  memcpy(&x, ab, 2);
  return x;
}

ir_layout_tables *ir_layout_tables_new(void) {
  ir_layout_tables *x = calloc(1, sizeof *x);
  if (!x)
    return NULL;
  uint8_t in[5][256] = {{0}}; /* in[j][c]: markers whose byte j may be c */
  for (int k = 0; k < NMARKERS; k++) {
    const unsigned char *t = (const unsigned char *)markers[k].text;
    unsigned char w[8] = {0}, f[8] = {0}, msk[8] = {0};
    for (int j = 0; j < 8 && t[j] && t[j] != ' '; j++) {
      w[j] = t[j];
      f[j] = (unsigned char)(t[j] - 'a') < 26 ? 0x20 : 0;
      msk[j] = 0xFF;
      x->pre_len[k] = (size_t)j + 1;
    }
    memcpy(&x->pre_word[k], w, 8);
    memcpy(&x->pre_fold[k], f, 8);
    memcpy(&x->pre_mask[k], msk, 8);
    int fixed = 1; /* no blank and no end yet: byte j is t[j] */
    for (int j = 0; j < 5; j++) {
      for (int c = 0; c < 256; c++) {
        unsigned char b = (unsigned char)c;
        if (!fixed || (t[j] == ' ' ? is_ws(b) : ir_ascii_tolower(b) == t[j]))
          in[j][c] |= (uint8_t)(1u << k);
      }
      fixed = fixed && t[j] != ' ' && t[j] != 0;
    }
  }
  x->quick = 1;
  for (int k = 0; k < NMARKERS; k++) {
    int found = 0;
    for (size_t q = 0; q < sizeof quick_pairs / sizeof *quick_pairs; q++)
      found |= memcmp(markers[k].text, quick_pairs[q], 2) == 0;
    x->quick &= found;
  }
  for (unsigned a = 0; a < 256; a++) {
    if (!(in[0][a] | in[1][a] | in[2][a] | in[3][a]))
      continue; /* a row of 0 (calloc) */
    for (unsigned b = 0; b < 256; b++) {
      uint32_t v = 0;
      for (int j = 0; j < 4; j++)
        v |= (uint32_t)(in[j][a] & in[j + 1][b]) << (8 * j);
      x->pair_class[pair_index(a, b)] = v;
    }
  }
  return x;
}

void ir_layout_tables_free(ir_layout_tables *x) { free(x); }

static inline uint32_t pair_at(const ir_layout_tables *x,
                               const unsigned char *p) {
  uint16_t i; /* one load; the table is indexed in the machine's order */
  memcpy(&i, p, 2);
  return x->pair_class[i];
}

/* Markup in s[0, n): known tags, '#' headings at a line start, "**"
 * openers (whose second '*' opens nothing). Each kind is counted on its
 * own, so each is found with memchr. */
static void scan_markup(const unsigned char *s, size_t n, scan_stats *st) {
  const unsigned char *p, *e = s + n;
  for (p = s; (p = memchr(p, '<', (size_t)(e - p))) != NULL; p++)
    st->tags += ir_markup_tag_len(p, e) != 0;
  for (p = s; (p = memchr(p, '#', (size_t)(e - p))) != NULL; p++) {
    if (p > s && p[-1] != '\n' && p[-1] != '\r')
      continue;
    const unsigned char *q = p;
    while (q < e && *q == '#' && q - p < 6)
      q++;
    st->heads += q < e && *q == ' ';
  }
  for (p = s; (p = memchr(p, '*', (size_t)(e - p))) != NULL; p++)
    if (e - p > 2 && p[1] == '*' && p[2] != '*') {
      st->bolds++;
      p++; /* that second '*' */
    }
}

/* Each marker found at s + i (candidates cand) counts once. */
static void markers_at(const ir_layout_tables *x, const unsigned char *s,
                       size_t m, size_t i, unsigned cand, unsigned *pending,
                       scan_stats *st) {
  for (cand &= *pending; cand; cand &= cand - 1) {
    int k = __builtin_ctz(cand);
    size_t skip = 0; /* bytes known to match */
    if (m - i >= 8) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (((w | x->pre_fold[k]) & x->pre_mask[k]) != x->pre_word[k])
        continue;
      skip = x->pre_len[k];
    }
    if (!match_at(s + i + skip, s + m, markers[k].text + skip))
      continue;
    *pending &= ~(1u << k);
    st->score[markers[k].family] +=
        i < TOP_BYTES ? markers[k].top_weight : markers[k].weight;
  }
}

#ifdef __SSE2__
/* Bit i set when bytes i and i + 1 of the 17 at s are, either case, one of
 * quick_pairs. OR 0x20 makes an upper-case letter lower-case and never
 * makes another byte a lower-case letter. */
static unsigned quick_bits(const unsigned char *s) {
  const __m128i fold = _mm_set1_epi8(0x20);
  __m128i a = _mm_or_si128(_mm_loadu_si128((const void *)s), fold);
  __m128i b = _mm_or_si128(_mm_loadu_si128((const void *)(s + 1)), fold);
#define EQ(v, c) _mm_cmpeq_epi8(v, _mm_set1_epi8(c))
  __m128i ba = EQ(b, 'a');
  __m128i hit = _mm_and_si128(EQ(a, 'm'), _mm_or_si128(ba, EQ(b, 'e')));
  hit = _mm_or_si128(hit, _mm_and_si128(EQ(a, 'd'), EQ(b, 'o')));
  hit = _mm_or_si128(
      hit, _mm_and_si128(EQ(a, 'i'), _mm_or_si128(EQ(b, 'm'), EQ(b, 's'))));
  hit = _mm_or_si128(hit,
                     _mm_and_si128(_mm_or_si128(EQ(a, 'c'), EQ(a, 'r')), ba));
#undef EQ
  return (unsigned)_mm_movemask_epi8(hit);
}

/* scan_markers when every marker starts with a quick pair: the offsets
 * holding one, 16 at a time, then the pair classes at p and p + 2 (bytes
 * 0 and 2) name the markers that may start there. The same offsets are
 * tried in the same order as scan_markers would, minus ones no marker can
 * start at. */
static void scan_quick(const ir_layout_tables *x, const unsigned char *s,
                       size_t m, scan_stats *st) {
  unsigned pending = (1u << NMARKERS) - 1;
  size_t i = 0;
  for (; i + 17 <= m && pending; i += 16)
    for (unsigned bits = quick_bits(s + i); bits && pending; bits &= bits - 1) {
      size_t p = i + (size_t)__builtin_ctz(bits);
      unsigned cand = pair_at(x, s + p) & 0xFF;
      if (p + 3 < m)
        cand &= pair_at(x, s + p + 2) >> 16;
      if (cand)
        markers_at(x, s, m, p, cand, &pending, st);
    }
  for (; i + 1 < m && pending; i++)
    markers_at(x, s, m, i, pair_at(x, s + i) & 0xFF, &pending, st);
}
#endif

/* Markers (each counted once, at its first place) in s[0, m): byte pairs
 * at even offsets are classified (one table lookup per two bytes), and two
 * consecutive ones name the markers that may start at the first pair or at
 * the byte before it. The last few offsets are examined one by one. */
static void scan_markers(const ir_layout_tables *x, const unsigned char *s,
                         size_t m, scan_stats *st) {
  unsigned pending = (1u << NMARKERS) - 1;
  size_t p = 0;
  uint32_t here = m >= 2 ? pair_at(x, s) : 0;
  while (p + 3 < m && pending) {
    /* four pairs with nothing at once */
    while (p + 9 < m) {
      uint32_t c1 = pair_at(x, s + p + 2), c2 = pair_at(x, s + p + 4);
      uint32_t c3 = pair_at(x, s + p + 6), c4 = pair_at(x, s + p + 8);
      if (((here & c1 >> 16) | (c1 & c2 >> 16) | (c2 & c3 >> 16) |
           (c3 & c4 >> 16)) &
          0xFFFF)
        break;
      here = c4;
      p += 8;
    }
    if (p + 3 >= m)
      break; /* the tail loop below looks at the rest */
    uint32_t next = pair_at(x, s + p + 2);
    uint32_t c = here & next >> 16;
    if (c & 0xFFFF) {
      if (p > 0)
        markers_at(x, s, m, p - 1, (c >> 8) & 0xFF, &pending, st);
      markers_at(x, s, m, p, c & 0xFF, &pending, st);
    }
    here = next;
    p += 2;
  }
  for (size_t i = p > 0 ? p - 1 : 0; i + 1 < m && pending; i++)
    markers_at(x, s, m, i, pair_at(x, s + i) & 0xFF, &pending, st);
}

/* Markers in the first MARKER_SCAN bytes, markup in the first SHAPE_SCAN
 * bytes. */
static void scan(const ir_layout_tables *x, const unsigned char *s, size_t n,
                 scan_stats *st) {
  memset(st, 0, sizeof *st);
  scan_markup(s, n < SHAPE_SCAN ? n : SHAPE_SCAN, st);
#ifdef __SSE2__
  if (x->quick) {
    scan_quick(x, s, n < MARKER_SCAN ? n : MARKER_SCAN, st);
    return;
  }
#endif
  scan_markers(x, s, n < MARKER_SCAN ? n : MARKER_SCAN, st);
}

unsigned ir_layout_detect(const ir_layout_tables *x, const unsigned char *s,
                          size_t n, const ir_lines *lines, ir_layout *layout) {
  *layout = IR_LAYOUT_UNKNOWN;
  if (!s || !n)
    return 0;
  scan_stats st;
  scan(x, s, n, &st);
  shape_stats sh;
  /* the prefix's lines end at the same byte as the whole text's when the
   * prefix is all of it (see line_eol in normalize.c) */
  shape_scan(s, n < SHAPE_SCAN ? n : SHAPE_SCAN, n <= SHAPE_SCAN ? lines : NULL,
             &sh);
  unsigned f = 0;
  if (is_pdf_shape(&sh))
    f |= IR_SHAPE_PDF;
  if (st.tags >= 2 || st.heads >= 2 || st.bolds >= 4 ||
      (st.heads && st.bolds >= 2))
    f |= IR_SHAPE_MARKUP;
  if (st.score[0] >= THRESHOLD || st.score[1] >= THRESHOLD)
    *layout = st.score[0] >= st.score[1] ? IR_LAYOUT_MAXIMUS_HEADER
                                         : IR_LAYOUT_PROFESSIONAL_REVIEW;
  else if (f & IR_SHAPE_MARKUP)
    *layout = IR_LAYOUT_MARKUP;
  else if (f & IR_SHAPE_PDF)
    *layout = IR_LAYOUT_PDF_TEXT;
  return f;
}

ir_layout ir_detect_layout(const ir_layout_tables *x, const unsigned char *s,
                           size_t n) {
  ir_layout l;
  ir_layout_detect(x, s, n, NULL, &l);
  return l;
}
