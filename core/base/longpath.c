/* longpath.c - paths longer than PATH_MAX (see longpath.h). */
#include "longpath.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef O_DIRECTORY
#define O_DIRECTORY 0
#endif

/* The directory holding the path's last piece, opened by walking it in
 * pieces shorter than PATH_MAX; *rest is that last piece (< PATH_MAX).
 * Returns the fd (AT_FDCWD when no walk was needed), or -1 with errno. */
static int walk(const char *path, const char **rest) {
  int fd = AT_FDCWD;
  const char *p = path;
  char piece[PATH_MAX];
  while (strlen(p) >= PATH_MAX) {
    /* the last '/' within the first PATH_MAX - 1 bytes ends the piece */
    const char *cut = NULL;
    for (const char *q = p; q < p + PATH_MAX - 1; q++)
      if (*q == '/')
        cut = q;
    if (!cut) {
      if (fd != AT_FDCWD)
        close(fd);
      errno = ENAMETOOLONG; /* one name longer than PATH_MAX */
      return -1;
    }
    size_t n = (size_t)(cut - p) + (cut == p); /* "/" alone stays "/" */
    memcpy(piece, p, n);
    piece[n] = 0;
    int nfd = openat(fd, piece, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int e = errno;
    if (fd != AT_FDCWD)
      close(fd);
    if (nfd < 0) {
      errno = e;
      return -1;
    }
    fd = nfd;
    p = cut + 1;
    while (*p == '/')
      p++;
  }
  *rest = *p ? p : ".";
  return fd;
}

int ir_open_long(const char *path, int flags) {
  int r = open(path, flags);
  if (r >= 0 || errno != ENAMETOOLONG)
    return r;
  const char *rest;
  int dfd = walk(path, &rest);
  if (dfd < 0)
    return -1;
  r = openat(dfd, rest, flags);
  int e = errno;
  if (dfd != AT_FDCWD)
    close(dfd);
  errno = e;
  return r;
}

int ir_stat_long(const char *path, struct stat *st) {
  int r = stat(path, st);
  if (r == 0 || errno != ENAMETOOLONG)
    return r;
  const char *rest;
  int dfd = walk(path, &rest);
  if (dfd < 0)
    return -1;
  r = fstatat(dfd, rest, st, 0);
  int e = errno;
  if (dfd != AT_FDCWD)
    close(dfd);
  errno = e;
  return r;
}

DIR *ir_opendir_long(const char *path) {
  DIR *d = opendir(path);
  if (d || errno != ENAMETOOLONG)
    return d;
  int fd = ir_open_long(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  d = fdopendir(fd);
  if (!d) {
    int e = errno;
    close(fd);
    errno = e;
  }
  return d;
}
