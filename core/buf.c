/* buf.c - growable byte buffer (see buf.h). */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(ir_buf *b, size_t more) {
  if (b->n + more + 1 <= b->cap)
    return;
  size_t nc = b->cap ? b->cap : 256;
  while (nc < b->n + more + 1)
    nc *= 2;
  char *p = realloc(b->p, nc);
  if (!p) {
    fputs("imraudit: out of memory\n", stderr);
    exit(3);
  }
  b->p = p;
  b->cap = nc;
}

void ir_buf_put(ir_buf *b, const char *s, size_t n) {
  reserve(b, n);
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}

void ir_buf_puts(ir_buf *b, const char *s) { ir_buf_put(b, s, strlen(s)); }

void ir_buf_putc(ir_buf *b, char c) { ir_buf_put(b, &c, 1); }

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

void ir_buf_json_strn(ir_buf *b, const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  reserve(b, n + 2);
  ir_buf_putc(b, '"');
  size_t run = 0; /* start of a pending run of plain bytes */
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    const char *esc = NULL;
    char tmp[8];
    size_t adv = 1;
    if (c == '"')
      esc = "\\\"";
    else if (c == '\\')
      esc = "\\\\";
    else if (c == '\n')
      esc = "\\n";
    else if (c == '\r')
      esc = "\\r";
    else if (c == '\t')
      esc = "\\t";
    else if (c < 0x20 || c == 0x7F) {
      snprintf(tmp, sizeof tmp, "\\u%04x", c);
      esc = tmp;
    } else if (c >= 0x80) {
      adv = utf8_len(s + i, n - i);
      if (adv == 0) {
        esc = "\xEF\xBF\xBD";
        adv = 1;
      }
    }
    if (esc) {
      ir_buf_put(b, str + run, i - run);
      ir_buf_puts(b, esc);
      i += adv;
      run = i;
    } else {
      i += adv;
    }
  }
  ir_buf_put(b, str + run, n - run);
  ir_buf_putc(b, '"');
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
