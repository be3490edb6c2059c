/* specialty.h - reviewer specialties normalized for grouping.
 *
 * A letter states its reviewer's specialty in its own words ("Physical
 * Medicine & Rehabilitation, Pain Management", "Anesthesiology with a
 * subspecialty certificate in Pain Medicine"); the record keeps them. For
 * counting, ir_specialty_group() maps the wording to a group name from a
 * table that is data: DIR/specialties.map (format in rules/README.md and
 * imraudit-rules(5); loaded once at start-up, read-only afterwards, so
 * workers share it). The longest leading part of the wording, ending at
 * a separator character or at its end, that a group lists (after a leading
 * [prefix] phrase) gives the group; otherwise it is cut at the first
 * separator character,
 * read as a key (lower case, "&" read as "and", other punctuation as a
 * space, spaces collapsed), stripped of a leading [prefix] phrase and of a
 * [subspecialty] phrase and all after it, then looked up in [groups]; a
 * name no group lists is grouped under its own tidied words (original case,
 * "&" written "and", punctuation dropped). Without a map file only the
 * tidying applies. */
#ifndef IR_SPECIALTY_H
#define IR_SPECIALTY_H
#include <stddef.h>

#include "base/base.h"

typedef struct ir_specialty_map ir_specialty_map;

/* DIR/specialties.map, or an empty map when the file does not exist; NULL
 * with "file:line: message" in err when it is malformed or unreadable. */
ir_specialty_map *ir_specialty_load(const char *dir, char *err, size_t errlen);
/* Reads one map file (same errors; a missing file is an error here). */
ir_specialty_map *ir_specialty_load_file(const char *path, char *err,
                                         size_t errlen);
void ir_specialty_free(ir_specialty_map *m);
/* The group of a wording: a string owned by m or allocated in a; NULL for
 * NULL or a wording with no letter or digit left. */
const char *ir_specialty_group(const ir_specialty_map *m, ir_arena *a,
                               const char *wording);
/* Number of groups the map declares and its path (NULL when no file). */
size_t ir_specialty_ngroups(const ir_specialty_map *m);
const char *ir_specialty_path(const ir_specialty_map *m);

#endif
