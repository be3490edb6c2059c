/* exitcode.h - the process exit statuses, in one place (main.c's usage text
 * and README "Exit status" document them). They are ordered: a batch exits
 * with the worst over its letters. `imraudit test` uses the first three
 * (0 all tests passed, 1 some failed, 2 the rules did not load or bad
 * usage). */
#ifndef IR_EXITCODE_H
#define IR_EXITCODE_H
#include <stdio.h>
#include <stdlib.h>

typedef enum {
  IR_EXIT_OK = 0,      /* every input audited, nothing flagged */
  IR_EXIT_FLAGGED = 1, /* some item flagged (a finding, or cross-case) */
  IR_EXIT_FAILED = 2,  /* some input not audited, a rule failed, bad usage,
                          or the output could not be written */
  IR_EXIT_NOMEM = 3    /* out of memory (or no thread): the run stops */
} ir_exit;

/* One line on stderr, then exit(IR_EXIT_NOMEM). */
_Noreturn static inline void ir_exit_nomem(void) {
  fputs("imraudit: out of memory\n", stderr);
  exit(IR_EXIT_NOMEM);
}

#endif
