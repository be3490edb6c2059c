/* dates.h - cheap tests run before ir_scan_date (segment.h) on each word
 * of a text. A date can start at s[0] only when ir_date_first[s[0]] is 1
 * (a digit) or 2 (a letter some month name starts with) and, for a
 * letter, ir_month_prefix_at(s, n) (the first three letters begin a month
 * name); elsewhere ir_scan_date(s, n, ...) returns 0. */
#ifndef IR_DATES_H
#define IR_DATES_H
#include <stddef.h>

extern const unsigned char ir_date_first[256];
int ir_month_prefix_at(const char *s, size_t n);

#endif
