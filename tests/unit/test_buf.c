/* test_buf.c - arena and output buffer: growth, alignment, JSON escaping. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "check.h"

static void test_arena(void) {
  ir_arena a;
  ir_arena_init(&a);
  char *p = ir_arena_alloc(&a, 3);
  CHECK(((uintptr_t)p & 15) == 0);
  CHECK(p[0] == 0 && p[2] == 0);
  IR_VEC(int) v = {0};
  for (int i = 0; i < 100000; i++)
    ir_vec_push(&a, &v, i);
  CHECK_INT(v.n, 100000);
  int ok = 1;
  for (int i = 0; i < 100000; i++)
    ok &= v.v[i] == i;
  CHECK(ok);
  char *big = ir_arena_alloc(&a, 1 << 20); /* larger than a block */
  big[(1 << 20) - 1] = 1;
  CHECK_STR(ir_arena_printf(&a, "%d-%s", 42, "x"), "42-x");
  CHECK_STR(ir_arena_strndup(&a, "abcdef", 3), "abc");
  ir_arena_reset(&a);
  CHECK_INT(a.used_total, 0);
  CHECK(ir_arena_alloc(&a, 10) != NULL);
  ir_arena_free(&a);
}

static void test_json(void) {
  ir_buf b = {0};
  ir_buf_json_str(&b, "a\"b\\c\nd\te\x01");
  CHECK_STR(b.p, "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  ir_buf_reset(&b);
  ir_buf_json_str(&b, "caf\xC3\xA9 \xE2\x80\x99");
  CHECK_STR(b.p, "\"caf\xC3\xA9 \xE2\x80\x99\"");
  ir_buf_reset(&b);
  ir_buf_json_str(&b, "bad\xC3(\xFF");
  CHECK_STR(b.p, "\"bad\xEF\xBF\xBD(\xEF\xBF\xBD\"");
  ir_buf_reset(&b);
  ir_buf_json_str(&b, "\xED\xA0\x80"); /* surrogate: invalid */
  CHECK_STR(b.p, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  ir_buf_reset(&b);
  ir_buf_json_str(&b, NULL);
  CHECK_STR(b.p, "null");
  ir_buf_reset(&b);
  for (int i = 0; i < 1000; i++)
    ir_buf_printf(&b, "%d,", i);
  CHECK_INT(b.n, 3890);
  ir_buf_free(&b);
}

/* Reference: the byte-at-a-time encoding of s[0..n) (ASCII specials and
 * invalid bytes only; valid multi-byte sequences are not used here). */
static void json_ref(char *o, const unsigned char *s, size_t n) {
  *o++ = '"';
  for (size_t i = 0; i < n; i++) {
    unsigned c = s[i];
    if (c == '"' || c == '\\')
      o += sprintf(o, "\\%c", c);
    else if (c == '\n')
      o += sprintf(o, "\\n");
    else if (c == '\r')
      o += sprintf(o, "\\r");
    else if (c == '\t')
      o += sprintf(o, "\\t");
    else if (c < 0x20 || c == 0x7F)
      o += sprintf(o, "\\u%04x", c);
    else if (c >= 0x80)
      o += sprintf(o, "\xEF\xBF\xBD");
    else
      *o++ = (char)c;
  }
  *o++ = '"';
  *o = 0;
}

/* The word-at-a-time scan: one special byte at every offset of long runs,
 * starting from an empty buffer each time (growth while escaping). */
static void test_json_runs(void) {
  static const unsigned char specials[] = {'"',  '\\', '\n', 0x01, 0x1F,
                                           0x7F, 0x80, 0xFF, '\t', 0x00};
  unsigned char in[80];
  static char want[80 * 6 + 3];
  for (size_t k = 0; k < sizeof specials; k++) {
    for (size_t at = 0; at < sizeof in; at++) {
      for (size_t i = 0; i < sizeof in; i++)
        in[i] = (unsigned char)(' ' + (i * 7) % 90);
      for (size_t i = 0; i < sizeof in; i++)
        if (in[i] == '"' || in[i] == '\\')
          in[i] = 'x';
      in[at] = specials[k];
      if (at + 3 < sizeof in)
        in[at + 3] = specials[(k + 1) % sizeof specials];
      ir_buf b = {0};
      ir_buf_json_strn(&b, (const char *)in, sizeof in);
      json_ref(want, in, sizeof in);
      CHECK_INT(b.n, strlen(want));
      CHECK_INT(memcmp(b.p, want, b.n) == 0, 1);
      CHECK_INT(b.p[b.n], 0);
      ir_buf_free(&b);
    }
  }
}

int main(void) {
  test_arena();
  test_json();
  test_json_runs();
  return check_report();
}
