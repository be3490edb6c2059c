/* crosscase.h - batch-level consistency: similar cases, different outcomes.
 *
 * Criteria profile of an item: its guideline pack (ir_item.pack), its
 * category, the status (present / absent / unknown) of each criterion of
 * the pack in the record, and for each criterion of kind list (injectate)
 * the set of its classes (local_anesthetic, steroid, ...; the empty set is
 * a value). Items of different packs never compare. An item takes part
 * when its letter was audited, a pack covers it, its outcome is upheld or
 * overturned, and at least one criterion status is not unknown
 * (all-unknown profiles say nothing about similarity). Two participating
 * items with equal profiles but different outcomes are "similar cases that
 * differ": each gets a similar-cases-differ warning naming its counterparts
 * (the items of the profile with the other outcome, "file#index", the first
 * IR_CROSS_MAX_NAMED in input order) and counting all of them; the message
 * names the pack's criterion ids.
 *
 * Memory is flat in the batch length: the participating items are spilled
 * to an anonymous temporary file ($TMPDIR, else /tmp; unlinked at once, a
 * few dozen bytes per item plus the path once per letter). In memory stay
 * only a write buffer, the profile groups (counts per outcome) and, after
 * ir_crosscase_finish, the named counterparts of the groups that have both
 * outcomes: O(distinct profiles). When no temporary file can be made, or a
 * write to it fails (disk full), the rest of the index silently stays in
 * memory instead (same results). Findings (ir_cross_finding, sink/sink.h)
 * are made after the last letter and read back one at a time, in input
 * order (file order, then item); the sinks render them. */
#ifndef IR_CROSSCASE_H
#define IR_CROSSCASE_H
#include <stddef.h>

#include "base/base.h"
#include "letter/letter.h"
#include "sink/sink.h"

typedef struct ir_crosscase ir_crosscase;
typedef struct ir_cross_iter ir_cross_iter;

ir_crosscase *ir_crosscase_new(void);
/* Index every item of letter l (seq = its input position, increasing). */
void ir_crosscase_add(ir_crosscase *c, long seq, const ir_letter *l);
/* Groups the items (once, after the last letter): 0, or -1 after printing
 * why the temporary file could not be read back (then no findings). */
int ir_crosscase_finish(ir_crosscase *c);
/* Number of findings (after finish; 0 when c is NULL). */
size_t ir_crosscase_count(const ir_crosscase *c);

/* Findings of a finished index in input order (seq, then item index). An
 * iterator owns its own read state, so several may run at once, each from
 * the start; ir_crosscase_iter(NULL) is NULL, an iterator over nothing.
 * ir_cross_next returns the next finding, valid until the next call on it
 * or its free, or NULL at the end or on a read error (message printed;
 * ir_cross_iter_failed then says 1). */
ir_cross_iter *ir_crosscase_iter(const ir_crosscase *c);
const ir_cross_finding *ir_cross_next(ir_cross_iter *it);
int ir_cross_iter_failed(const ir_cross_iter *it);
void ir_cross_iter_free(ir_cross_iter *it);

/* The known statuses by the pack's criterion ids, then the classes of
 * list criteria: "twitch_response=present, ..., injectate=present,
 * injectate classes=local_anesthetic+steroid" */
void ir_crosscase_profile_text(const ir_cross_finding *f, ir_buf *b);
void ir_crosscase_free(ir_crosscase *c);

#endif
