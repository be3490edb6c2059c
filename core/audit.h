/* audit.h - the pipeline for one letter: read -> normalize -> segment ->
 * extract -> rules.
 *
 * ir_engine holds what is shared read-only across workers (lexicons,
 * compiled patterns, rule sources): all the state the pipeline builds, so
 * engines are independent (one may be freed and another made, or several
 * live at once, in one process). ir_worker holds what one thread owns
 * (arena, match data, Lua states). ir_audit_path()/ir_audit_buffer() fill
 * *out (storage in the worker's arena, valid until the next audit on the
 * same worker). They never fail silently: a letter that cannot be audited
 * comes back with ok = 0 and a one-line error. */
#ifndef IR_AUDIT_H
#define IR_AUDIT_H
#include "facts/facts.h"
#include "letter/letter.h"
#include "rules/rules.h"

typedef struct {
  const char *rules_dir;         /* one rules directory (when no path) */
  const char *const *rules_dirs; /* the rules search path (packs, loose */
  size_t nrules_dirs;            /* rules, shared lexicons), in order */
  size_t max_bytes;
  ir_rules_opts rules;
  int no_rules; /* skip rule scripts */
} ir_config;

/* The default rules search path into dirs (at most max; storage in buf):
 * $IMRAUDIT_RULES split at ':' (empty parts skipped) when set, else the
 * built-in directory: rules/ beside the binary or its parent (the build
 * tree), share/imraudit/rules beside its parent (installed), IR_DATADIR/rules,
 * ./rules. Returns how many (at least 1). */
size_t ir_default_rules_path(const char **dirs, size_t max, char *buf,
                             size_t buflen);

typedef struct ir_engine ir_engine;
typedef struct ir_worker ir_worker;

/* NULL with a one-line message in err when lexicons or rules fail to load. */
ir_engine *ir_engine_new(const ir_config *cfg, char *err, size_t errlen);
void ir_engine_free(ir_engine *e);
const ir_config *ir_engine_config(const ir_engine *e);
/* The loaded packs and rule scripts (ir_rules_packs) and specialty map. */
const ir_ruleset *ir_engine_rules(const ir_engine *e);
const ir_specialty_map *ir_engine_specialties(const ir_engine *e);

ir_worker *ir_worker_new(const ir_engine *e, char *err, size_t errlen);
void ir_worker_free(ir_worker *w);
ir_arena *ir_worker_arena(ir_worker *w);

/* Reads the file ("-" is stdin) within cfg->max_bytes and audits it. */
void ir_audit_path(ir_worker *w, const char *path, ir_letter *out);
/* Audits bytes already in memory (buf must outlive *out). */
void ir_audit_buffer(ir_worker *w, const char *path, const unsigned char *buf,
                     size_t len, ir_letter *out);

#endif
