/* buf.h - growable byte buffer (heap) for building output records.
 * A worker renders a letter's record into an ir_buf; the writer prints
 * buffers in input order. Allocation failure exits(3). */
#ifndef IR_BUF_H
#define IR_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct {
  char *p;
  size_t n, cap;
} ir_buf;

#include <string.h>

/* Every put keeps p[n] == 0. */
void ir_buf_put_slow(ir_buf *b, const char *s, size_t n);
static inline void ir_buf_put(ir_buf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    ir_buf_put_slow(b, s, n);
    return;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}
static inline void ir_buf_puts(ir_buf *b, const char *s) {
  ir_buf_put(b, s, strlen(s));
}
static inline void ir_buf_putc(ir_buf *b, char c) { ir_buf_put(b, &c, 1); }
void ir_buf_printf(ir_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Decimal integers, without printf. */
void ir_buf_putu(ir_buf *b, unsigned long long v);
void ir_buf_puti(ir_buf *b, long long v);
/* 1 for the bytes a JSON string cannot carry as they are (control bytes,
 * '"', '\\', DEL, every non-ASCII byte), else 0. */
extern const unsigned char ir_json_special[256];
/* JSON string literal with quotes; invalid UTF-8 is replaced by U+FFFD. */
void ir_buf_json_str(ir_buf *b, const char *s);
void ir_buf_json_strn(ir_buf *b, const char *s, size_t n);
void ir_buf_reset(ir_buf *b); /* n = 0, keeps capacity */
void ir_buf_free(ir_buf *b);

#endif
