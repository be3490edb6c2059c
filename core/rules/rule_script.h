/* rule_script.h - one rule script as the rules stage keeps it (internal to
 * the rules stage; rules.c loads them, rules_run.c runs them).
 *
 * ir_rule_load() reads r->file as text, runs it once in a throw-away sandbox
 * (lua_sandbox.h, under opt's limits, r->pack's PACK and libs' include()),
 * checks the shape of the table it returns (id and check; only known
 * fields, each of its type; applies_to and kinds lists of strings) and
 * copies the metadata out. Errors are "file:line: message". */
#ifndef IR_RULE_SCRIPT_H
#define IR_RULE_SCRIPT_H
#include <stddef.h>

#include "letter/letter.h"
#include "lua_sandbox.h"
#include "rules.h"

typedef struct {
  char *file, *src, *id, *title, *guideline, *description, *version;
  size_t srclen;
  char **applies; /* NULL: every item */
  size_t napplies;
  char **kinds; /* NULL: not declared */
  size_t nkinds;
  int has_verdict;     /* a `verdict(item, id)` function */
  const ir_pack *pack; /* the pack it is a check of; NULL: a loose rule */
} ir_rule;

/* A rule or library file (at most 1 MiB), malloc'd; NULL with err set. */
char *ir_rule_read_file(const char *path, size_t *len, char *err,
                        size_t errlen);
/* Fills r from r->file (r->file and r->pack set by the caller); 0 or -1. */
int ir_rule_load(ir_rule *r, const ir_rules_opts *opt, const ir_lua_libs *libs,
                 char *err, size_t errlen);
/* Frees what r holds (not r). */
void ir_rule_free(ir_rule *r);
/* Frees the n strings of v and v (NULL: nothing). */
void ir_rule_free_list(char **v, size_t n);

#endif
