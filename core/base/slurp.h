/* slurp.h - a small configuration file read whole (rule scripts, pack
 * files): ir_slurp reads path into a NUL-terminated malloc'd buffer of at
 * most max bytes and sets *len; NULL with "path: reason" in err when the
 * file cannot be opened or read, or is larger than max ("<what> larger
 * than N KiB"). The caller frees the buffer. */
#ifndef IR_SLURP_H
#define IR_SLURP_H
#include <stddef.h>

char *ir_slurp(const char *path, size_t max, const char *what, size_t *len,
               char *err, size_t errlen);

#endif
