/* check.h - minimal unit-test macros. Each test program calls CHECK*(),
 * then returns check_report() from main: prints "N passed, N failed" and
 * returns non-zero when anything failed. */
#ifndef IR_CHECK_H
#define IR_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_pass_, check_fail_;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (cond)                                                                  \
      check_pass_++;                                                           \
    else {                                                                     \
      check_fail_++;                                                           \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

#define CHECK_STR(got, want)                                                   \
  do {                                                                         \
    const char *g_ = (got), *w_ = (want);                                      \
    if (g_ && w_ && strcmp(g_, w_) == 0)                                       \
      check_pass_++;                                                           \
    else if (!g_ && !w_)                                                       \
      check_pass_++;                                                           \
    else {                                                                     \
      check_fail_++;                                                           \
      fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__,        \
              __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");         \
    }                                                                          \
  } while (0)

#define CHECK_INT(got, want)                                                   \
  do {                                                                         \
    long long g_ = (long long)(got), w_ = (long long)(want);                   \
    if (g_ == w_)                                                              \
      check_pass_++;                                                           \
    else {                                                                     \
      check_fail_++;                                                           \
      fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__,  \
              #got, g_, w_);                                                   \
    }                                                                          \
  } while (0)

static inline int check_report(void) {
  printf("%d passed, %d failed\n", check_pass_, check_fail_);
  return check_fail_ != 0;
}

#endif
