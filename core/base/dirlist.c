/* dirlist.c - the sorted listing of one directory (see dirlist.h). */
#include "dirlist.h"
#include "longpath.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int cmp_names(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

int ir_dirlist_read(const char *dir, ir_dirlist *l) {
  memset(l, 0, sizeof *l);
  DIR *d = ir_opendir_long(dir); /* paths beyond PATH_MAX too */
  if (!d)
    return -1;
  size_t cap = 0, used = 0, pcap = 0, *off = NULL;
  struct dirent *de;
  int err = 0;
  errno = 0;
  /* each entry in the pool: its d_type byte, then its NUL-terminated name */
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.')
      continue;
    size_t len = strlen(de->d_name) + 2;
    if (l->n == cap) {
      size_t nc = cap ? cap * 2 : 16;
      size_t *q = realloc(off, nc * sizeof *q);
      if (!q) {
        err = ENOMEM;
        break;
      }
      off = q;
      cap = nc;
    }
    if (used + len > pcap) {
      size_t nc = pcap ? pcap : 1024;
      while (used + len > nc)
        nc *= 2;
      char *q = realloc(l->pool, nc);
      if (!q) {
        err = ENOMEM;
        break;
      }
      l->pool = q;
      pcap = nc;
    }
    l->pool[used] = (char)de->d_type;
    memcpy(l->pool + used + 1, de->d_name, len - 1);
    off[l->n++] = used + 1;
    used += len;
    errno = 0;
  }
  if (!err && errno)
    err = errno; /* readdir failed */
  closedir(d);
  if (!err) {
    l->names = malloc((l->n ? l->n : 1) * sizeof *l->names);
    if (!l->names)
      err = ENOMEM;
  }
  if (err) {
    free(off);
    ir_dirlist_free(l);
    errno = err;
    return -1;
  }
  for (size_t i = 0; i < l->n; i++)
    l->names[i] = l->pool + off[i];
  free(off);
  qsort(l->names, l->n, sizeof *l->names, cmp_names);
  return 0;
}

void ir_dirlist_free(ir_dirlist *l) {
  free(l->names);
  free(l->pool);
  memset(l, 0, sizeof *l);
}
