/* paths.h - streaming enumeration of batch inputs.
 *
 * Inputs are command-line paths, then the lines of a --files-from list
 * ("-" = stdin; empty lines skipped, trailing CR stripped). A "-" input is
 * stdin. A directory is walked recursively in byte-sorted order, skipping
 * names that start with '.', yielding files whose name matches the glob
 * (fnmatch, default "*.txt"). Anything that is not a directory is yielded as
 * given, even when it does not exist: the audit reports the error. A
 * directory already on the current walk path (same st_dev/st_ino, e.g. a
 * symlink loop) and an unreadable directory are yielded with an error
 * instead of being walked. Paths longer than PATH_MAX are walked like any
 * other (base/longpath.h). A --files-from list that cannot be opened or read
 * (a directory, an I/O error) is yielded, named after the list, with an
 * error: never taken as its end. Only the directories on the current path
 * are held in memory, so memory does not grow with the batch. Not
 * thread-safe. */
#ifndef IR_PATHS_H
#define IR_PATHS_H
#include <stddef.h>

typedef struct ir_paths ir_paths;

ir_paths *ir_paths_new(const char *const *paths, size_t npaths,
                       const char *files_from, const char *glob);
/* Next input: 1 with *path (malloc'd, caller frees) and *err (NULL, or a
 * static one-line error for an input that must be reported as failed);
 * 0 at the end. */
int ir_paths_next(ir_paths *p, char **path, const char **err);
/* Number of inputs when known without walking (only plain command-line
 * paths, no directory, no list); -1 otherwise. */
long ir_paths_total(const ir_paths *p);
void ir_paths_free(ir_paths *p);
/* name matches one of the comma-separated patterns of glob ("*.txt,*.pdf"). */
int ir_paths_glob_match(const char *glob, const char *name);

#endif
