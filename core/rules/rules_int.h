/* rules_int.h - the ruleset and the worker context (rules.h), shared by
 * rules.c (loading the search path) and rules_run.c (worker contexts and
 * running the rules on a letter). */
#ifndef IR_RULES_INT_H
#define IR_RULES_INT_H
#include "letter/letter.h"
#include "lua_sandbox.h"
#include "rule_script.h"
#include "rules.h"

struct ir_ruleset {
  ir_rule *v; /* the rules, in load order */
  size_t n, cap;
  ir_pack **packs;
  size_t npacks;
  ir_packset ps; /* the packs, in load order (ps.v is packs) */
  char **dirs;   /* the search path */
  size_t ndirs;
  ir_lua_lib *libs; /* the shared check libraries (DIR/lib/NAME.lua) */
  size_t nlibs;
  ir_lua_libs libset; /* what each sandbox's include() finds */
  ir_rules_opts opt;
};

/* One sandbox per rule (box[i] for rule i), per worker thread. */
struct ir_rules_ctx {
  const ir_ruleset *rs;
  ir_lua_box **box;
};

#endif
