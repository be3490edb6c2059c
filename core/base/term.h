/* term.h - untrusted text made safe for a terminal.
 *
 * File names, services, messages and quotes come from letters and rules;
 * written raw, an ESC could drive the terminal, a newline forge a line and
 * a right-to-left override reorder what is shown. ir_buf_term() appends s
 * with those escaped: \n \r \t, other C0 controls and DEL as \xHH, C1
 * controls (U+0080-U+009F) and the bidirectional controls (U+061C,
 * U+200E-U+200F, U+202A-U+202E, U+2066-U+2069) as \uHHHH. Everything else,
 * invalid UTF-8 included, is copied. */
#ifndef IR_TERM_H
#define IR_TERM_H
#include <stddef.h>

#include "buf.h"

void ir_buf_term(ir_buf *b, const char *s, size_t n);
/* s itself when it needs no escape (or is NULL: ""), else its escaped copy
 * in scratch (reset first). */
const char *ir_term(ir_buf *scratch, const char *s);

#endif
