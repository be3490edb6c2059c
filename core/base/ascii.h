/* ascii.h - the ASCII character classes the program needs, as <ctype.h>
 * answers them in the C locale the program runs in, without its locale
 * table lookups: one definition for every stage (bytes >= 0x80 are in no
 * class, and tolower changes only 'A'..'Z'). */
#ifndef IR_ASCII_H
#define IR_ASCII_H

static inline int ir_ascii_upper(unsigned char c) {
  return (unsigned char)(c - 'A') < 26;
}
static inline int ir_ascii_lower(unsigned char c) {
  return (unsigned char)(c - 'a') < 26;
}
static inline int ir_ascii_digit(unsigned char c) {
  return (unsigned char)(c - '0') < 10;
}
static inline int ir_ascii_alpha(unsigned char c) {
  return (unsigned char)((c | 0x20) - 'a') < 26;
}
static inline int ir_ascii_alnum(unsigned char c) {
  return ir_ascii_alpha(c) || ir_ascii_digit(c);
}
static inline unsigned char ir_ascii_tolower(unsigned char c) {
  return ir_ascii_upper(c) ? (unsigned char)(c | 0x20) : c;
}

#endif
