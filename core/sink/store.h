/* store.h - the SQLite store (--db FILE.sqlite).
 *
 * Tables: runs (counts and status), letters (one row per content: unique
 * sha256 of the letter's bytes; a letter that could not be read is keyed by
 * the SHA-256 of "path:" and its path), paths (each path's current content),
 * seen (each input of each run: run, path, letter), items, facts, evidence
 * (spans of facts and findings), findings. Storing a letter keeps its
 * content row and replaces its items (cascading to facts, evidence,
 * findings), points the path at it, records the sighting, and deletes the
 * path's previous content when no path holds it any more (an edited letter,
 * a failed file since fixed): nothing stale is left to count twice. One
 * transaction per letter: an interrupted run (even kill -9) leaves only
 * whole letters. WAL mode. Used by the single writer thread only.
 * Schema version 2 (PRAGMA user_version): items, facts and findings carry
 * the id of the item's guideline pack (pack, NULL without one), facts the
 * criteria of that pack (none for an item without a pack) and how a
 * computed value was reached (how); older stores gain the columns on
 * first use. */
#ifndef IR_STORE_H
#define IR_STORE_H
#include "sink.h"

typedef struct ir_store ir_store;

/* Opens/creates the database and the schema and starts a run; NULL with a
 * one-line message in err. */
ir_store *ir_store_open(const char *path, char *err, size_t errlen);
/* Stores one letter (sha = SHA-256 of its bytes, or NULL when it has none).
 * 0, or -1 after printing the error. */
int ir_store_letter(ir_store *s, const ir_letter *l, const unsigned char *sha);
/* Adds a cross-case finding to its item (of this run). */
int ir_store_cross(ir_store *s, const ir_cross_finding *f);
/* Records the run's counts. */
int ir_store_finish(ir_store *s, const ir_summary *sum);
void ir_store_close(ir_store *s);

#endif
