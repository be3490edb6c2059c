/* dirlist.h - the sorted listing of one directory, the one place the
 * program reads a directory (batch inputs, rule scripts, lexicons, rule
 * tests).
 *
 * ir_dirlist_read(dir, &l) reads the entries of dir whose name does not
 * start with '.', sorted by byte value (strcmp), each with its d_type
 * (DT_UNKNOWN when the file system does not say: stat the path then). The
 * names are packed in one allocation, a few bytes of overhead each.
 * Returns 0, or -1 with errno set (the directory cannot be opened or read,
 * or ENOMEM) and l empty. ir_dirlist_free releases l (an empty l too). */
#ifndef IR_DIRLIST_H
#define IR_DIRLIST_H
#include <stddef.h>

typedef struct {
  char **names; /* n sorted names; names[i][-1] holds the entry's d_type */
  size_t n;
  char *pool; /* the names' storage */
} ir_dirlist;

int ir_dirlist_read(const char *dir, ir_dirlist *l);
void ir_dirlist_free(ir_dirlist *l);

/* The d_type of entry i (DT_REG, DT_DIR, DT_LNK, DT_UNKNOWN, ...). */
static inline unsigned char ir_dirlist_type(const ir_dirlist *l, size_t i) {
  return (unsigned char)l->names[i][-1];
}

#endif
