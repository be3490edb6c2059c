/* slurp.c - see slurp.h. */
#include "slurp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *ir_slurp(const char *path, size_t max, const char *what, size_t *len,
               char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    return NULL;
  }
  char *buf = malloc(max + 1);
  size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
  int bad = !buf || ferror(f);
  fclose(f);
  if (bad || n > max) {
    if (bad)
      snprintf(err, errlen, "%s: cannot read the file", path);
    else if (max % (1u << 20) == 0)
      snprintf(err, errlen, "%s: %s larger than %zu MiB", path, what,
               max >> 20);
    else
      snprintf(err, errlen, "%s: %s larger than %zu KiB", path, what,
               max >> 10);
    free(buf);
    return NULL;
  }
  buf[n] = 0;
  if (len)
    *len = n;
  return buf;
}

char *ir_trim(char *s) {
  while (*s == ' ' || *s == '\t')
    s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
               s[n - 1] == '\n'))
    s[--n] = 0;
  return s;
}
