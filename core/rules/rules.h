/* rules.h - the rules stage: takes a letter whose items have their facts
 * and citations (facts/facts.h) and gives the findings of sandboxed Lua
 * rule scripts on each item.
 *
 * ir_rules_load() reads every *.lua in a directory (text only, no bytecode),
 * checks each returns a table with id and check, and keeps the sources;
 * a syntax or shape error is returned as "file:line: message" before any
 * letter is read. ir_rules_ctx is per worker: one sandboxed Lua state per
 * rule with its own environment, a memory cap and an instruction limit per
 * check() call. ir_rules_run() gives each rule, once per letter, read-only
 * Lua tables of the letter (lua_convert.h: built lazily, an item's fields on
 * its first use, inside that rule's limits), calls check(item, letter) for
 * each item the rule applies to, and appends findings to item->findings, or
 * an ir_rule_error to letter->rule_errors when a rule fails (including
 * failing to build a table it reads). */
#ifndef IR_RULES_H
#define IR_RULES_H
#include "letter/letter.h"

typedef struct {
  long steps;          /* instruction limit per check() call */
  size_t memory;       /* bytes per Lua state */
  int debug;           /* tracebacks in rule errors */
  int verdicts;        /* fill each fact's verdict from the rule's verdict() */
  size_t memory_total; /* bytes for all Lua states of the process together
                          (0: the default, 1 GiB) */
} ir_rules_opts;

typedef struct ir_ruleset ir_ruleset;
typedef struct ir_rules_ctx ir_rules_ctx;

ir_ruleset *ir_rules_load(const char *dir, const ir_rules_opts *opt, char *err,
                          size_t errlen);
void ir_rules_free(ir_ruleset *r);
size_t ir_rules_count(const ir_ruleset *r);

ir_rules_ctx *ir_rules_ctx_new(const ir_ruleset *r, char *err, size_t errlen);
void ir_rules_ctx_free(ir_rules_ctx *c);

/* Rule i's id, file and declared finding kinds (`kinds = {...}` in the
 * script; NULL with *n = 0 when it declares none). For `imraudit test`. */
const char *ir_rules_id(const ir_ruleset *r, size_t i);
const char *ir_rules_file(const ir_ruleset *r, size_t i);
/* Rule i's declared title and version, or NULL (for --version). */
const char *ir_rules_title(const ir_ruleset *r, size_t i);
const char *ir_rules_version(const ir_ruleset *r, size_t i);
const char *const *ir_rules_kinds(const ir_ruleset *r, size_t i, size_t *n);

/* The threshold `key` a rule's criteria table states for criterion c
 * (e.g. duration, "more_than_days"): 1 with *v, or 0 when none does. */
int ir_rules_number(const ir_ruleset *r, ir_criterion c, const char *key,
                    long *v);

/* Runs each rule's check(item, letter) on the items it applies to, and with
 * opt.verdicts its verdict(item, id) on each criterion it declares.
 * Returns the number of rule errors added (0 when all rules ran). */
int ir_rules_run(ir_rules_ctx *c, ir_arena *a, ir_letter *l);

#endif
