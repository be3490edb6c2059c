/* buf.c - growable byte buffer (see buf.h). */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "exitcode.h"

static void grow(ir_buf *b, size_t more) {
  size_t nc = b->cap ? b->cap : 256;
  while (nc < b->n + more + 1)
    nc *= 2;
  char *p = realloc(b->p, nc);
  if (!p)
    ir_exit_nomem();
  b->p = p;
  b->cap = nc;
}

/* Room for more bytes and the NUL: the test inline, the growth not. */
static inline void reserve(ir_buf *b, size_t more) {
  if (b->n + more + 1 > b->cap)
    grow(b, more);
}

void ir_buf_put_slow(ir_buf *b, const char *s, size_t n) {
  reserve(b, n);
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}

void ir_buf_printf(ir_buf *b, const char *fmt, ...) {
  reserve(b, 64); /* most records' pieces fit: format once */
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(b->p + b->n, b->cap - b->n, fmt, ap);
  va_end(ap);
  if (n <= 0) {
    b->p[b->n] = 0;
    return;
  }
  if ((size_t)n >= b->cap - b->n) {
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  b->n += (size_t)n;
}

void ir_buf_putu(ir_buf *b, unsigned long long v) {
  char tmp[24];
  size_t i = sizeof tmp;
  do
    tmp[--i] = (char)('0' + v % 10);
  while (v /= 10);
  ir_buf_put(b, tmp + i, sizeof tmp - i);
}

void ir_buf_puti(ir_buf *b, long long v) {
  if (v < 0) {
    ir_buf_putc(b, '-');
    ir_buf_putu(b, 0ull - (unsigned long long)v);
  } else {
    ir_buf_putu(b, (unsigned long long)v);
  }
}

/* Length of a valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t len;
  unsigned min;
  if (c < 0x80)
    return 1;
  if ((c & 0xE0) == 0xC0)
    len = 2, min = 0x80;
  else if ((c & 0xF0) == 0xE0)
    len = 3, min = 0x800;
  else if ((c & 0xF8) == 0xF0)
    len = 4, min = 0x10000;
  else
    return 0;
  if (len > n)
    return 0;
  unsigned cp = c & (0x7F >> len);
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

/* Bytes a JSON string cannot carry as they are: control bytes, '"', '\\',
 * DEL, and every non-ASCII byte (checked as UTF-8). */
#define JSON_SPECIAL(c) ((c) < 0x20 || (c) == '"' || (c) == '\\' || (c) >= 0x7F)
#define JS4(n)                                                                 \
  JSON_SPECIAL(n), JSON_SPECIAL(n + 1), JSON_SPECIAL(n + 2), JSON_SPECIAL(n + 3)
#define JS16(n) JS4(n), JS4(n + 4), JS4(n + 8), JS4(n + 12)
#define JS64(n) JS16(n), JS16(n + 16), JS16(n + 32), JS16(n + 48)
const unsigned char ir_json_special[256] = {JS64(0), JS64(64), JS64(128),
                                            JS64(192)};

/* Does the 8-byte word x hold a byte JSON_SPECIAL? (may say yes for a word
 * that does, never for one that does not) */
static inline int word_special(uint64_t x) {
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
  uint64_t t = (x - ones * 0x20) & ~x; /* < 0x20 */
  t |= (q - ones) & ~q;                /* == '"' */
  t |= (bs - ones) & ~bs;              /* == '\\' */
  t |= x | (x + ones);                 /* >= 0x7F */
  return (t & highs) != 0;
}

/* Appends the escape for the special byte(s) at s[0..n); returns how many
 * input bytes it covers. Capacity for 6 more bytes is reserved. */
static size_t put_special(ir_buf *b, const unsigned char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  unsigned c = s[0];
  char *o = b->p + b->n;
  if (c >= 0x80) {
    size_t adv = utf8_len(s, n);
    if (adv) {
      memcpy(o, s, adv);
      b->n += adv;
      return adv;
    }
    memcpy(o, "\xEF\xBF\xBD", 3);
    b->n += 3;
    return 1;
  }
  char e = c == '"'    ? '"'
           : c == '\\' ? '\\'
           : c == '\n' ? 'n'
           : c == '\r' ? 'r'
           : c == '\t' ? 't'
                       : 0;
  o[0] = '\\';
  if (e) {
    o[1] = e;
    b->n += 2;
    return 1;
  }
  memcpy(o + 1, "u00", 3);
  o[4] = hex[c >> 4];
  o[5] = hex[c & 15];
  b->n += 6;
  return 1;
}

/* Plain bytes are stored as they are scanned, through the cursor o: the
 * capacity reserved for the rest of the input (n - i, plus the quote and
 * the NUL) always covers a whole 16- or 8-byte store, since it is only
 * made when that many input bytes remain; the bytes stored past a special
 * byte are overwritten by its escape and what follows. No memcpy call per
 * run. */
void ir_buf_json_strn(ir_buf *b, const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  reserve(b, n + 2);
  char *o = b->p + b->n;
  *o++ = '"';
  size_t i = 0;
  while (i < n) {
#ifdef __SSE2__
    /* sixteen at a time: < 0x20 (signed: the bytes from 0x80 up too), '"',
     * '\\', DEL */
    const __m128i c20 = _mm_set1_epi8(0x20), cq = _mm_set1_epi8('"');
    const __m128i cb = _mm_set1_epi8('\\'), cdel = _mm_set1_epi8(0x7F);
    while (i + 16 <= n) {
      __m128i v = _mm_loadu_si128((const void *)(s + i));
      _mm_storeu_si128((void *)o, v);
      __m128i m = _mm_or_si128(
          _mm_or_si128(_mm_cmplt_epi8(v, c20), _mm_cmpeq_epi8(v, cq)),
          _mm_or_si128(_mm_cmpeq_epi8(v, cb), _mm_cmpeq_epi8(v, cdel)));
      unsigned bits = (unsigned)_mm_movemask_epi8(m);
      if (bits) {
        size_t k = (size_t)__builtin_ctz(bits);
        i += k;
        o += k;
        goto special;
      }
      i += 16;
      o += 16;
    }
#endif
    while (i + 8 <= n) {
      uint64_t x;
      memcpy(&x, s + i, 8);
      if (word_special(x))
        break;
      memcpy(o, &x, 8);
      i += 8;
      o += 8;
    }
    while (i < n && !ir_json_special[s[i]])
      *o++ = (char)s[i++];
#ifdef __SSE2__
  special:
#endif
    if (i < n) {
      b->n = (size_t)(o - b->p);
      reserve(b, (n - i) + 6);
      i += put_special(b, s + i, n - i);
      o = b->p + b->n;
    }
  }
  *o++ = '"';
  *o = 0;
  b->n = (size_t)(o - b->p);
}

void ir_buf_json_str(ir_buf *b, const char *s) {
  if (!s)
    ir_buf_puts(b, "null");
  else
    ir_buf_json_strn(b, s, strlen(s));
}

void ir_buf_reset(ir_buf *b) {
  b->n = 0;
  if (b->p)
    b->p[0] = 0;
}

void ir_buf_free(ir_buf *b) {
  free(b->p);
  b->p = NULL;
  b->n = b->cap = 0;
}
