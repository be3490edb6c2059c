/* spill.c - append-only byte stream in a temporary file (see spill.h). */
#include "spill.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void ir_spill_init(ir_spill *s) {
  memset(s, 0, sizeof *s);
  s->fd = -2;
  s->spill = 1;
}

/* An unlinked file in $TMPDIR (else /tmp), or tmpfile(); -1 when neither. */
static int temp_fd(void) {
  const char *dir = getenv("TMPDIR");
  if (!dir || !*dir)
    dir = "/tmp";
  int fd = -1;
  size_t n = strlen(dir) + 32;
  char *name = malloc(n);
  if (name) {
    snprintf(name, n, "%s/imraudit-spill-XXXXXX", dir);
    fd = mkstemp(name);
    if (fd >= 0)
      unlink(name);
    free(name);
  }
  if (fd < 0) {
    FILE *f = tmpfile();
    if (f) {
      fd = dup(fileno(f));
      fclose(f);
    }
  }
  if (fd >= 0)
    fcntl(fd, F_SETFD, FD_CLOEXEC);
  return fd;
}

/* Moves the write buffer to the file; after a failure the rest stays in
 * memory for good (the file keeps what was written). */
static void flush(ir_spill *s) {
  if (s->fd == -2)
    s->fd = temp_fd();
  if (s->fd < 0) {
    s->spill = 0;
    return;
  }
  size_t done = 0;
  while (done < s->mem.n) {
    ssize_t k = write(s->fd, s->mem.p + done, s->mem.n - done);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0) {
      s->spill = 0;
      break;
    }
    done += (size_t)k;
  }
  s->fsize += done;
  memmove(s->mem.p, s->mem.p + done, s->mem.n - done);
  s->mem.n -= done;
}

void ir_spill_put(ir_spill *s, const void *p, size_t n) {
  ir_buf_put(&s->mem, p, n);
  if (s->spill && s->mem.n >= IR_SPILL_CHUNK)
    flush(s);
}

unsigned long long ir_spill_len(const ir_spill *s) {
  return s->fsize + s->mem.n;
}

long ir_spill_read(const ir_spill *s, unsigned long long off, void *dst,
                   size_t len) {
  char *d = dst;
  size_t got = 0;
  while (got < len && off + got < s->fsize) {
    unsigned long long left = s->fsize - (off + got);
    size_t want = len - got < left ? len - got : (size_t)left;
    ssize_t k = pread(s->fd, d + got, want, (off_t)(off + got));
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0) {
      if (k == 0)
        errno = EIO; /* the file is shorter than written */
      return -1;
    }
    got += (size_t)k;
  }
  if (got < len && off + got >= s->fsize) {
    unsigned long long m = off + got - s->fsize;
    if (m < s->mem.n) {
      size_t k = len - got < s->mem.n - m ? len - got : s->mem.n - (size_t)m;
      memcpy(d + got, s->mem.p + m, k);
      got += k;
    }
  }
  return (long)got;
}

void ir_spill_free(ir_spill *s) {
  if (s->fd >= 0)
    close(s->fd);
  ir_buf_free(&s->mem);
  s->fd = -1;
}
