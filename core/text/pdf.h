/* pdf.h - a PDF letter as text: reading-order lines with their page numbers.
 *
 * ir_pdf_extract_mem() reads a PDF in memory with MuPDF (in this process;
 * the batch calls it only inside the isolated worker, pdf_worker.c) and
 * writes text shaped like the printed page: one printed line per line, a
 * vertical gap as empty lines (one per missing line pitch, at most 3),
 * a line that the producer soft-wrapped (it ends at the right margin and the
 * next line's first word would not have fit) joined to the next with a space
 * (no space after a hyphen), page furniture (running headers and footers
 * repeated across pages, "Page N of M") left out. So the text stage's PDF
 * handling (normalize.c) applies to it as to text a PDF tool produced.
 * lines[k] says where printed line k starts in the text and its page and
 * line on that page (1-based; every printed text line counts, furniture
 * too). Errors are one-line messages for the record ("encrypted PDF ...",
 * "no text layer: scanned letter; OCR it first", "PDF bomb: ..."). */
#ifndef IR_PDF_H
#define IR_PDF_H
#include <stddef.h>
#include <stdint.h>

#include "base/base.h"
#include "text.h"

typedef struct {
  size_t max_text;    /* extracted text longer than this: an error */
  size_t max_mem;     /* bytes MuPDF may hold at once (0: 512 MiB) */
  uint32_t max_pages; /* more pages: an error (0: 2000) */
} ir_pdf_limits;

typedef struct {
  char *text; /* malloc'd, NUL-terminated */
  size_t len;
  ir_pdf_line *lines; /* malloc'd, by offset */
  size_t nlines;
  uint32_t npages;
} ir_pdf_doc;

/* A PDF by content: "%PDF-" at offset 0, or within the first 1 KiB when the
 * name ends in ".pdf" (any case; name may be NULL). */
int ir_pdf_is_pdf(const char *name, const unsigned char *b, size_t n);

/* 0 and *out filled, or -1 with the message in err. */
int ir_pdf_extract_mem(const unsigned char *b, size_t n,
                       const ir_pdf_limits *lim, ir_pdf_doc *out, char *err,
                       size_t errlen);
void ir_pdf_doc_free(ir_pdf_doc *d);

/* ---- isolation (pdf_worker.c) ----------------------------------------------
 * A hostile PDF may crash, hang or exhaust MuPDF; so the batch never runs
 * it in its own process. ir_pdf_read_isolated() starts the worker program
 * (`EXE --pdf-worker MAX_TEXT`, EXE set by ir_pdf_set_worker(), normally
 * imraudit itself), hands it the PDF on stdin (a memfd) and reads the text
 * and line table from its stdout (its stderr is ours: MuPDF's warnings are
 * silenced, so only a sanitizer's or libc's report shows). The worker limits
 * itself (CPU seconds, address space, no core files, no new files) before it
 * parses; the parent kills it after a wall-clock timeout. A crash, a hang or a
 * limit costs the one record: -1 with a one-line message in *err (arena). */
void ir_pdf_set_worker(const char *exe); /* copied; NULL: no PDF support */
/* out's storage (text, lines) is in the arena: not for ir_pdf_doc_free. */
int ir_pdf_worker_main(int argc, char **argv);
int ir_pdf_read_isolated(ir_arena *a, const unsigned char *b, size_t n,
                         size_t max_text, ir_pdf_doc *out, const char **err);

#endif
