/* rules.h - the rules stage: takes a letter whose items have their facts
 * and citations (facts/facts.h) and gives the findings of sandboxed Lua
 * rule scripts on each item.
 *
 * ir_rules_load_path() reads the guideline packs and rule scripts of a
 * search path of directories: a directory holding pack.lua is a pack, as
 * is each sub-directory of a search directory that holds one
 * (pack_load.h); each *.lua of a pack folder other than pack.lua is a
 * check of that pack, and each *.lua directly in a search directory a loose
 * rule of no pack. The *.lua of a search directory's lib/ folder are
 * shared check libraries: read and syntax-checked first (a name found in
 * two directories is an error naming both), then given to every sandbox,
 * where include(NAME) returns the module lib/NAME.lua returns (no file is
 * read while letters are checked). Scripts are loaded as text only (no
 * bytecode), each must return a table with id and check, and the sources are
 * kept; a syntax or shape error, or a pack id used twice, is returned as
 * "file:line: message" before any letter is read. ir_rules_ctx is per worker:
 * one sandboxed Lua state per rule with its own environment, a memory cap and
 * an instruction limit per check() call. ir_rules_run() gives each rule, once
 * per letter, read-only Lua tables of the letter (lua_convert.h: built lazily,
 * an item's fields on its first use, inside that rule's limits), calls
 * check(item, letter) for each item the rule applies to, and appends findings
 * to item->findings, or an ir_rule_error to letter->rule_errors when a rule
 * fails (including failing to build a table it reads). */
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

ir_ruleset *ir_rules_load_path(const char *const *dirs, size_t ndirs,
                               const ir_rules_opts *opt, char *err,
                               size_t errlen);
/* The search path of one directory. */
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

/* The packs loaded (index i is pack i's `index`), the search path, and the
 * pack rule i is a check of (NULL for a loose rule). */
const ir_packset *ir_rules_packs(const ir_ruleset *r);
const char *const *ir_rules_dirs(const ir_ruleset *r, size_t *n);
const ir_pack *ir_rules_pack(const ir_ruleset *r, size_t i);

/* Runs each rule's check(item, letter) on the items it applies to (its
 * applies_to categories; else, for a check of a pack with criteria, the
 * items of that pack; else every item), and with opt.verdicts a pack
 * check's verdict(item, id) on each criterion of the item's pack.
 * Returns the number of rule errors added (0 when all rules ran). */
int ir_rules_run(ir_rules_ctx *c, ir_arena *a, ir_letter *l);

#endif
