/* term.c - untrusted text made safe for a terminal (see term.h). */
#include "term.h"

#include <string.h>

/* Length of the escape-worthy sequence at s (n bytes left), with its code
 * point in *cp; 0 when s[0] starts ordinary text. */
static size_t unsafe_at(const unsigned char *s, size_t n, unsigned *cp) {
  if (s[0] < 0x20 || s[0] == 0x7f) {
    *cp = s[0];
    return 1;
  }
  if (s[0] == 0xC2 && n >= 2 && s[1] >= 0x80 && s[1] <= 0x9F) {
    *cp = s[1];
    return 2;
  }
  if (s[0] == 0xD8 && n >= 2 && s[1] == 0x9C) {
    *cp = 0x061C;
    return 2;
  }
  if (s[0] == 0xE2 && n >= 3) {
    unsigned c = ((unsigned)(s[0] & 0x0F) << 12) |
                 ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    if ((s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069))) {
      *cp = c;
      return 3;
    }
  }
  return 0;
}

void ir_buf_term(ir_buf *b, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, run = 0;
  while (i < n) {
    unsigned cp;
    size_t k = unsafe_at(p + i, n - i, &cp);
    if (!k) {
      i++;
      continue;
    }
    ir_buf_put(b, s + run, i - run);
    if (cp == '\n')
      ir_buf_puts(b, "\\n");
    else if (cp == '\r')
      ir_buf_puts(b, "\\r");
    else if (cp == '\t')
      ir_buf_puts(b, "\\t");
    else if (k == 1)
      ir_buf_printf(b, "\\x%02x", cp);
    else
      ir_buf_printf(b, "\\u%04X", cp);
    i += k;
    run = i;
  }
  ir_buf_put(b, s + run, n - run);
}

const char *ir_term(ir_buf *scratch, const char *s) {
  if (!s)
    return "";
  size_t n = strlen(s);
  const unsigned char *p = (const unsigned char *)s;
  unsigned cp;
  size_t i = 0;
  while (i < n && !unsafe_at(p + i, n - i, &cp))
    i++;
  if (i == n)
    return s;
  ir_buf_reset(scratch);
  ir_buf_term(scratch, s, n);
  ir_buf_putc(scratch, 0);
  return scratch->p;
}
