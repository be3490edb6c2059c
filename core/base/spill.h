/* spill.h - an append-only byte stream kept in an anonymous temporary file,
 * so that memory does not grow with it.
 *
 * Appends go to a write buffer that is moved to the file whenever it holds
 * IR_SPILL_CHUNK bytes. The file is made at the first move: mkstemp() in
 * $TMPDIR (else /tmp), unlinked at once, or else tmpfile(). When no file can
 * be made, or a write fails (disk full), the rest of the stream silently
 * stays in memory: same contents, only memory grows. Reads use pread() at
 * an offset and never move a file position, so once appending is over any
 * number of readers may read at once. Out of memory exits(3). */
#ifndef IR_SPILL_H
#define IR_SPILL_H
#include <stddef.h>

#include "buf.h"

#define IR_SPILL_CHUNK (1u << 16)

typedef struct {
  int fd;    /* the file; -1 none (all in mem), -2 not made yet */
  int spill; /* still moving the buffer to the file */
  unsigned long long fsize; /* bytes in the file: offsets [0, fsize) */
  ir_buf mem;               /* the stream from offset fsize on */
} ir_spill;

void ir_spill_init(ir_spill *s);
void ir_spill_put(ir_spill *s, const void *p, size_t n);
unsigned long long ir_spill_len(const ir_spill *s);
/* Up to len bytes at offset off into dst: their number (fewer only at the
 * end of the stream), or -1 with errno set. */
long ir_spill_read(const ir_spill *s, unsigned long long off, void *dst,
                   size_t len);
void ir_spill_free(ir_spill *s);

#endif
