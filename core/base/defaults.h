/* defaults.h - the defaults of the command line's options and limits, in
 * one place: main.c sets them and prints them in its usage text; the other
 * callers of the engine (imraudit test, the tests, the fuzz target) and the
 * modules' fallbacks for an unset value use the same. */
#ifndef IR_DEFAULTS_H
#define IR_DEFAULTS_H
#include <stddef.h>

/* --max-bytes: largest letter accepted */
#define IR_DEFAULT_MAX_BYTES ((size_t)64 << 20)
/* --rule-steps: Lua VM instructions per check call */
#define IR_DEFAULT_RULE_STEPS 10000000L
/* --rule-memory: bytes per rule state */
#define IR_DEFAULT_RULE_MEMORY ((size_t)64 << 20)
/* --glob: the files audited inside directories (comma-separated patterns) */
#define IR_DEFAULT_GLOB "*.txt,*.pdf"

#endif
