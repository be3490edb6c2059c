/* fuzz_pdf.c - libFuzzer target over the PDF reader: MuPDF parse, the row
 * layout and furniture rules (core/text/pdf*.c), then the text stage on the
 * result. In-process, so the sanitizers see our code; the batch runs the
 * same code in the isolated worker. Invariants checked (abort when broken):
 *  - success gives text of the stated length, NUL-terminated, with no NUL
 *    inside, and a line table sorted by offset, offsets within the text,
 *    pages within [1, npages], lines >= 1;
 *  - failure gives a one-line message;
 *  - the text normalizes, and the page of any offset is a valid page.
 * Limits are small (32 pages, 64 MiB held by MuPDF, 1 MiB of text) so one
 * input stays well inside libFuzzer's time and memory budget.
 * Build and run: make fuzz-pdf (mk/fuzz.mk); corpus tests/fuzz/pdf_corpus. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "text/pdf.h"
#include "text/text.h"

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "fuzz_pdf: invariant broken: %s\n", #cond);              \
      abort();                                                                 \
    }                                                                          \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ir_layout_tables *lt; /* built once, read-only */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ir_pdf_limits lim = {(size_t)1 << 20, (size_t)64 << 20, 32};
  ir_pdf_doc d;
  char err[512];
  if (ir_pdf_extract_mem(data, size, &lim, &d, err, sizeof err) != 0) {
    CHECK(err[0] && !strchr(err, '\n'));
    CHECK(!d.text && !d.lines);
    return 0;
  }
  CHECK(d.text && d.len <= lim.max_text && d.text[d.len] == 0);
  CHECK(strlen(d.text) == d.len);
  CHECK(d.npages >= 1 && d.npages <= lim.max_pages);
  for (size_t i = 0; i < d.nlines; i++) {
    CHECK(d.lines[i].off <= d.len);
    CHECK(i == 0 || d.lines[i].off >= d.lines[i - 1].off);
    CHECK(d.lines[i].page >= 1 && d.lines[i].page <= d.npages);
    CHECK(d.lines[i].line >= 1);
  }
  ir_arena a;
  ir_arena_init(&a);
  ir_text t;
  const char *terr = NULL;
  if (!lt)
    lt = ir_layout_tables_new();
  if (ir_text_normalize(lt, &a, (const unsigned char *)d.text, d.len, &t,
                        &terr) == 0) {
    t.pdf_lines = d.lines;
    t.npdf_lines = d.nlines;
    for (size_t p = 0; p < t.norm_len; p += 97) {
      int line, page = ir_text_orig_page(&t, ir_text_orig_start(&t, p), &line);
      CHECK(page >= 1 && (uint32_t)page <= d.npages && line >= 1);
    }
  }
  ir_arena_free(&a);
  ir_pdf_doc_free(&d);
  return 0;
}
