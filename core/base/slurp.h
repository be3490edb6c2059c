/* slurp.h - small configuration files (rule scripts, pack files, the
 * specialty map, the drug table): ir_slurp reads path into a NUL-terminated
 * malloc'd buffer of at most max bytes and sets *len; NULL with "path: reason"
 * in err when the file cannot be opened or read, or is larger than max ("<what>
 * larger than N KiB"). The caller frees the buffer. */
#ifndef IR_SLURP_H
#define IR_SLURP_H
#include <stddef.h>

char *ir_slurp(const char *path, size_t max, const char *what, size_t *len,
               char *err, size_t errlen);
/* A configuration line without its leading blanks and tabs and its trailing
 * blanks, tabs and line ends, in place: s moved past the first, a NUL over
 * the second. */
char *ir_trim(char *s);

#endif
