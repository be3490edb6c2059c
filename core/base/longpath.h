/* longpath.h - open, stat and list paths of any length.
 *
 * Each function first tries the plain call; when the path is longer than
 * the system takes (ENAMETOOLONG, PATH_MAX), it walks it from its first
 * directory in pieces shorter than PATH_MAX (openat), so a file deep in a
 * tree that `find` reaches is reached here too. Same results and errno as
 * the plain calls otherwise. */
#ifndef IR_LONGPATH_H
#define IR_LONGPATH_H
#include <dirent.h>
#include <sys/stat.h>

int ir_open_long(const char *path, int flags);
int ir_stat_long(const char *path, struct stat *st);
DIR *ir_opendir_long(const char *path);

#endif
