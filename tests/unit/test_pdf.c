/* test_pdf.c - the PDF reader in process (core/text/pdf*.c) on the small
 * PDFs of tests/fuzz/pdf_corpus (written by tests/pdf/make_pdfs.py): text
 * shape (short rows kept apart, soft-wrapped rows joined, a gap kept as an
 * empty line), furniture left out but counted in line numbers, the page and
 * line of an offset, one error per bad class. Run from the repository
 * root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "text/pdf.h"

static unsigned char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  unsigned char *b = malloc(1 << 20);
  *n = b ? fread(b, 1, 1 << 20, f) : 0;
  fclose(f);
  return b;
}

/* Extracts a corpus file: 0 ok, -1 error (message in err). */
static int extract(const char *name, ir_pdf_doc *d, char *err, size_t el) {
  char path[256];
  snprintf(path, sizeof path, "tests/fuzz/pdf_corpus/%s", name);
  size_t n = 0;
  unsigned char *b = slurp(path, &n);
  CHECK(b != NULL);
  if (!b) {
    snprintf(err, el, "missing %.200s", path);
    memset(d, 0, sizeof *d);
    return -1;
  }
  int rc = ir_pdf_extract_mem(b, n, NULL, d, err, el);
  free(b);
  return rc;
}

static void test_is_pdf(void) {
  CHECK(ir_pdf_is_pdf("a.txt", (const unsigned char *)"%PDF-1.4\n", 9));
  CHECK(!ir_pdf_is_pdf("a.txt", (const unsigned char *)"Case Number", 11));
  CHECK(ir_pdf_is_pdf("a.PDF", (const unsigned char *)"junk\n%PDF-1.7", 13));
  CHECK(!ir_pdf_is_pdf("a.txt", (const unsigned char *)"junk\n%PDF-1.7", 13));
  CHECK(!ir_pdf_is_pdf(NULL, (const unsigned char *)"%PDF", 4));
}

static void test_one_page(void) {
  ir_pdf_doc d;
  char err[256] = "";
  CHECK_INT(extract("good_one_page.pdf", &d, err, sizeof err), 0);
  if (!d.text)
    return;
  CHECK_INT(d.npages, 1);
  /* a gap of one line is an empty line; short rows stay apart */
  CHECK(strstr(d.text, "Letter\n\nCase Number: CM15-0001234\nDate of Injury"));
  /* rows that fill the measure are one paragraph */
  CHECK(strstr(d.text, "paraspinal muscles, with a twitch response"));
  CHECK_INT(d.nlines, 6);
  CHECK_INT(d.lines[0].off, 0);
  CHECK_INT(d.lines[0].line, 1);
  CHECK_INT(d.lines[5].line, 6);
  ir_pdf_doc_free(&d);
}

static void test_furniture(void) {
  ir_pdf_doc d;
  char err[256] = "";
  CHECK_INT(extract("good_two_pages_furniture.pdf", &d, err, sizeof err), 0);
  if (!d.text)
    return;
  CHECK_INT(d.npages, 2);
  /* the running header goes; the footer with the case and page numbers
   * stays, a line of its own, for the text stage to recognize */
  CHECK(!strstr(d.text, "Acme Review Services"));
  CHECK(strncmp(d.text, "Independent Medical Review", 26) == 0);
  CHECK(strstr(d.text, "\nCM15-0001234 Page 1 of 2\n"));
  CHECK(strstr(d.text, "\nCM15-0001234 Page 2 of 2\n"));
  CHECK(strstr(d.text, "Physical therapy did not help."));
  {
    ir_arena na;
    ir_arena_init(&na);
    ir_text nt;
    const char *nerr = NULL;
    ir_layout_tables *lt = ir_layout_tables_new();
    CHECK_INT(ir_text_normalize(lt, &na, (const unsigned char *)d.text, d.len,
                                &nt, &nerr),
              0);
    ir_layout_tables_free(lt);
    CHECK(nt.norm && !strstr(nt.norm, "Page 1 of 2"));
    CHECK(nt.norm && !strstr(nt.norm, "CM15-0001234 Page"));
    CHECK(nt.norm && strstr(nt.norm, "Physical therapy did not help."));
    ir_arena_free(&na);
  }
  /* the running header is line 1 of each page, so text starts on line 2 */
  CHECK_INT(d.lines[0].page, 1);
  CHECK_INT(d.lines[0].line, 2);
  size_t k = 0;
  while (k < d.nlines && d.lines[k].page == 1)
    k++;
  CHECK(k < d.nlines);
  if (k < d.nlines) {
    CHECK_INT(d.lines[k].page, 2);
    CHECK_INT(d.lines[k].line, 2);
  }
  /* the offset map side: page and line of an offset */
  ir_text t;
  memset(&t, 0, sizeof t);
  t.pdf_lines = d.lines;
  t.npdf_lines = d.nlines;
  int line = 0;
  CHECK_INT(ir_text_orig_page(&t, 0, &line), 1);
  CHECK_INT(line, 2);
  const char *p2 = strstr(d.text, "Physical therapy");
  CHECK_INT(ir_text_orig_page(&t, (size_t)(p2 - d.text), &line), 2);
  CHECK(line >= 2);
  memset(&t, 0, sizeof t); /* a text letter has no pages */
  CHECK_INT(ir_text_orig_page(&t, 5, &line), 0);
  CHECK_INT(line, 0);
  ir_pdf_doc_free(&d);
}

static void test_bad(const char *name, const char *want) {
  ir_pdf_doc d;
  char err[256] = "";
  CHECK_INT(extract(name, &d, err, sizeof err), -1);
  CHECK(d.text == NULL && d.lines == NULL);
  if (!strstr(err, want))
    fprintf(stderr, "%s: error \"%s\", want \"%s\"\n", name, err, want);
  CHECK(strstr(err, want) != NULL);
}

static void test_no_worker(void) {
  ir_arena a;
  ir_arena_init(&a);
  ir_pdf_doc d;
  const char *err = NULL;
  ir_pdf_set_worker(NULL);
  CHECK_INT(ir_pdf_read_isolated(&a, (const unsigned char *)"%PDF-1.4", 8,
                                 1 << 20, &d, &err),
            -1);
  CHECK(err && strstr(err, "no PDF worker"));
  ir_arena_free(&a);
}

int main(void) {
  test_is_pdf();
  test_one_page();
  test_furniture();
  test_bad("bad_encrypted.pdf", "encrypted PDF (password required)");
  test_bad("bad_corrupt.pdf", "damaged PDF");
  test_bad("bad_truncated.pdf", "truncated PDF");
  test_bad("bad_zero_pages.pdf", "PDF has no pages");
  test_bad("bad_image_only.pdf", "no text layer: scanned letter; OCR it first");
  test_bad("bad_bomb_pages.pdf", "PDF bomb: 1000000 pages");
  test_no_worker();
  return check_report();
}
