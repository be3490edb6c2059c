/* criteria.h - a rule's `criteria` table (the guideline's criteria as
 * data): per criterion id, what meets it and its numeric thresholds.
 * Internal to the rules stage. */
#ifndef IR_CRITERIA_H
#define IR_CRITERIA_H
#include <lua.h>

#include "letter/letter.h"

#define IR_CRIT_MAX_NUMS 4

typedef struct {
  int declared;
  char meets[8]; /* "present", "absent" or "value" */
  int nnum;
  struct {
    char key[32];
    long v;
  } num[IR_CRIT_MAX_NUMS];
} ir_crit_spec;

typedef struct {
  ir_crit_spec c[IR_CRIT_COUNT];
} ir_crit_specs;

/* Reads the `criteria` field of the rule table at index t into out (all
 * undeclared when the field is absent). Each entry: a table with `id` (a
 * criterion id), `meets` ("present", "absent" or "value"), optional
 * `requires` and `allowed` (a string and a list of strings, for the
 * script), and any other key a number (a threshold). 0, or -1 with a
 * message in err and in *where the word to locate it in the source. */
int ir_crit_specs_read(lua_State *L, int t, ir_crit_specs *out, char *err,
                       size_t errlen, const char **where);

/* The threshold key of criterion c: 1 with *v, or 0. */
int ir_crit_specs_number(const ir_crit_specs *s, ir_criterion c,
                         const char *key, long *v);

#endif
