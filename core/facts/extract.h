/* extract.h - facts and citations for the trigger point criteria.
 *
 * ir_extractor is compiled once from the lexicon files in the rules
 * directory (*.lex) and is read-only afterwards (shared by all workers).
 * ir_extract_ctx holds per-worker PCRE2 match data and JIT stack.
 * ir_extract() fills item->facts[] and item->cited for the trigger point
 * items of a segmented letter (category "tpi", or a title naming a trigger
 * point injection); other items keep empty facts. Each item sees the
 * summary plus its own title and rationale. Returns 0, or -1 with l->error set
 * when a match limit was hit (the letter is then reported as failed, never
 * hangs). */
#ifndef IR_EXTRACT_H
#define IR_EXTRACT_H
#include "letter/letter.h"

typedef struct ir_extractor ir_extractor;
typedef struct ir_extract_ctx ir_extract_ctx;

/* Loads every *.lex of each of dirs (DIR/NAME.lex and DIR/lexicon/NAME.lex: the
 * shared lexicons of the rules search path) for the packs ps. On a
 * malformed entry returns NULL with "file:line: message" in err. */
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

/* Before any ir_extract_ctx_new (the extractor is shared read-only). */
void ir_extractor_set_limits(ir_extractor *x, const ir_fact_limits *lim);

#endif
