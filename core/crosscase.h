/* crosscase.h - batch-level consistency: similar cases, different outcomes.
 *
 * Criteria profile of an item: its category, the status (present / absent /
 * unknown) of each of the 11 criteria in the record, and the set of
 * injectate classes (local_anesthetic, steroid, ...; the empty set is a
 * value). An item takes part when its letter was audited, its outcome is
 * upheld or overturned, and at least one criterion status is not unknown
 * (all-unknown profiles say nothing about similarity). Two participating
 * items with equal profiles but different outcomes are "similar cases that
 * differ": each gets a similar-cases-differ warning naming its counterparts
 * (the items of the profile with the other outcome, "file#index", at most
 * IR_CROSS_MAX_NAMED named). The index keeps a few words per item (no
 * letter text), so memory is small in the batch length; findings are made
 * after the last letter, in input order (file order, then item index). */
#ifndef IR_CROSSCASE_H
#define IR_CROSSCASE_H
#include <stddef.h>

#include "batch.h"
#include "buf.h"
#include "record.h"

#define IR_CROSS_MAX_NAMED 10
#define IR_CROSS_KIND "similar-cases-differ"
#define IR_CROSS_RULE "cross-case"

typedef struct {
  long seq;         /* input position of the letter */
  const char *file; /* letter path */
  const char *case_number;
  const char *specialty;
  const char *category;
  const char *service;
  int index; /* item index, 1-based */
  int line;  /* line of the item title */
  ir_outcome outcome;
  ir_conclusion conclusion;
  unsigned char status[IR_CRIT_COUNT];
  unsigned injectate; /* bit set of injectate classes */
  int first_on_item;  /* the item had no other finding */
  char *message;
  const char **counterparts; /* "file#index" */
  size_t ncounterparts;      /* named (<= IR_CROSS_MAX_NAMED) */
  size_t ntotal;             /* all counterparts */
} ir_cross_finding;

typedef struct ir_crosscase ir_crosscase;

ir_crosscase *ir_crosscase_new(void);
/* Index every item of letter l (seq = its input position, increasing). */
void ir_crosscase_add(ir_crosscase *c, long seq, const ir_letter *l);
/* Computes the findings (once, after the last letter). */
void ir_crosscase_finish(ir_crosscase *c);
size_t ir_crosscase_count(const ir_crosscase *c);
/* i-th finding in input order (seq, then item index). */
const ir_cross_finding *ir_crosscase_get(const ir_crosscase *c, size_t i);
/* Render all findings in the output format: JSON objects
 * {"cross_case":true,"file","index","finding":{...}}, text diagnostics, or
 * CSV rows. */
void ir_crosscase_render(const ir_crosscase *c, ir_buf *b, ir_format fmt,
                         int color);
/* "twitch_response=present, ..., injectate=steroid+local_anesthetic" */
void ir_crosscase_profile_text(const ir_cross_finding *f, ir_buf *b);
void ir_crosscase_free(ir_crosscase *c);

#endif
