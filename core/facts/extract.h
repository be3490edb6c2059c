/* extract.h - facts and citations for the trigger point criteria.
 *
 * ir_extractor is compiled once from the lexicon files in the rules
 * directory (*.lex) and is read-only afterwards (shared by all workers).
 * ir_extract_ctx holds per-worker PCRE2 match data and JIT stack.
 * ir_extract() gives each item of a segmented letter its pack (a title
 * naming a trigger point injection: the pack the built-in TPI extractor
 * fills; else the pack covering its category, pack.h) and fills its facts
 * and citations: the built-in TPI facts, and every other criterion by its
 * fact spec (packfacts.c). Items without a pack get none. Each item sees
 * the summary plus its own title and rationale. Returns 0, or -1 with l->error
 * set when a match limit was hit (the letter is then reported as failed, never
 * hangs). */
#ifndef IR_EXTRACT_H
#define IR_EXTRACT_H
#include "letter/letter.h"

typedef struct ir_extractor ir_extractor;
typedef struct ir_extract_ctx ir_extract_ctx;

/* Loads the shared lexicons (every *.lex in each of dirs and its lexicon/
 * folder; none given: "rules") and each pack's own (pack.h: *.lex and
 * lexicon/ *.lex in its folder), and resolves the packs' fact specs. The
 * packs must outlive the extractor. On a malformed entry or a section no
 * lexicon defines returns NULL with "file:line: message" in err. */
ir_extractor *ir_extractor_load(const char *const *dirs, size_t ndirs,
                                const ir_packset *ps, char *err, size_t errlen);
void ir_extractor_free(ir_extractor *x);

ir_extract_ctx *ir_extract_ctx_new(const ir_extractor *x);
void ir_extract_ctx_free(ir_extract_ctx *c);

int ir_extract(ir_extract_ctx *c, ir_arena *a, ir_letter *l);

/* Thresholds of the guideline the facts are judged by, as its rule pack
 * states them (the engine reads them from the pack at start-up; nothing
 * in C repeats them). -1 (the default): the fact is not judged on it. */
typedef struct {
  long duration_days;  /* symptoms longer than this: chronic; shorter: not */
  long interval_days;  /* injections at least this far apart meet frequency */
  long relief_percent; /* prior relief under this percent does not qualify */
  long relief_days;    /* prior relief lasting fewer days does not qualify */
} ir_fact_limits;

/* The thresholds in use (read from the TPI pack at load). */
const ir_fact_limits *ir_extractor_limits(const ir_extractor *x);

#endif
