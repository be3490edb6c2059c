/* text.h - the text stage: takes a letter's bytes as read and gives its
 * normalized form with an offset map back to those bytes (ir_text), and
 * the outcome phrases that end item titles (title_outcome.h); a PDF letter
 * is first read to text with a page/line table (pdf.h, in an isolated
 * worker process). Public headers: pdf.h
 *
 * Normalized text contract (what segment/extract/rules see):
 *  - valid UTF-8 (Latin-1/Windows-1252 bytes decoded), no NUL and no control
 *    bytes except '\n'; tabs and runs of spaces become one space; no leading
 *    or trailing spaces on a line;
 *  - '\n' ends a logical line (a paragraph, a heading, an item title, a
 *    header field row). Printed lines that a PDF extraction or a hard wrap
 *    broke inside a paragraph are joined with one space; a hyphen at a
 *    printed line end between two lower-case letters is removed and the word
 *    joined ("treat-\nment" -> "treatment"), other hyphenated line ends are
 *    joined keeping the hyphen ("q4-\n6hrs" -> "q4-6hrs");
 *  - no empty lines: consecutive breaks collapse to one '\n';
 *  - page furniture lines (page numbers, running case-number headers and
 *    footers, running header lines) are left out; the lines around one
 *    join as if it were not there when it interrupts a sentence;
 *  - a lost space after a sentence period is restored ("management.The" ->
 *    "management. The");
 *  - markup is removed: HTML-like tags (<b>, </b>, <br>, ...), '#' heading
 *    markers at line start, '**' / '__' bold markers; entities &amp; &lt;
 *    &gt; &quot; &#39; &nbsp; decoded.
 *
 * The map takes a normalized byte position to the byte offset in the file
 * as read. ir_text_orig_start(t, p) is where the character at normalized
 * position p came from; ir_text_orig_end(t, p) is the exclusive original end
 * of a normalized span ending (exclusively) at p. Both run in O(log n). */
#ifndef IR_TEXT_H
#define IR_TEXT_H
#include <stddef.h>
#include <stdint.h>

#include "base/base.h"
#include "title_outcome.h"

typedef enum {
  IR_LAYOUT_UNKNOWN = 0,
  IR_LAYOUT_PDF_TEXT,
  IR_LAYOUT_MARKUP,
  IR_LAYOUT_MAXIMUS_HEADER,
  IR_LAYOUT_PROFESSIONAL_REVIEW
} ir_layout;

const char *ir_layout_name(ir_layout l); /* "pdf-text", "markup", ... */

/* One run of the map: normalized [nstart, nstart+nlen) came from original
 * [ostart, ostart+olen). When copied verbatim nlen == olen and positions map
 * one to one; otherwise (decoded, replaced, inserted, joined) the whole
 * normalized run maps to the whole original run. */
typedef struct {
  uint32_t nstart, nlen;
  uint32_t ostart, olen;
  uint8_t verbatim;
} ir_map_run;

/* A printed line of a PDF letter: it starts at offset off of the text
 * extracted from the PDF (pdf.h), on page `page`, line `line` of that page
 * (both 1-based). */
typedef struct {
  uint32_t off, page, line;
} ir_pdf_line;

typedef struct {
  const unsigned char *orig; /* bytes as read (not owned) */
  size_t orig_len;
  char *norm; /* normalized, NUL-terminated (arena) */
  size_t norm_len;
  ir_map_run *runs; /* sorted by nstart, covering [0, norm_len) (arena) */
  size_t nruns;
  ir_layout layout;
  /* a case number printed only in page furniture that the normalized text
   * leaves out (a running header or footer), NUL-terminated (arena); NULL
   * when none */
  const char *page_case;
  /* line index for ir_text_orig_line (arena; NULL: counted on demand):
   * line_marks[k] = line ends before original offset k * IR_LINE_BLOCK */
  const uint32_t *line_marks;
  size_t nline_marks;
  /* or (arena; NULL: none) the offsets of all line end bytes, ascending */
  const uint32_t *line_ends;
  size_t nline_ends;
  unsigned char line_eol; /* '\n', or '\r' for a file with CR-only ends */
  /* a PDF letter (orig is the text extracted from it): its printed lines,
   * by offset (arena; NULL for a text letter). Set by the caller after
   * ir_text_normalize(). */
  const ir_pdf_line *pdf_lines;
  size_t npdf_lines;
} ir_text;
#define IR_LINE_BLOCK 4096

/* The tables layout detection reads (byte-pair classes of the layout
 * markers, about 256 KiB), built from the marker list. The engine owns one;
 * read-only after ir_layout_tables_new, so threads share it. NULL when out
 * of memory. */
typedef struct ir_layout_tables ir_layout_tables;
ir_layout_tables *ir_layout_tables_new(void);
void ir_layout_tables_free(ir_layout_tables *x);

/* Normalize orig[0..len) into t (all storage from arena). Detects the layout
 * first. Returns 0, or -1 with *err set to a static one-line message when the
 * input is not text (binary: many NULs/control bytes) - the caller reports it.
 */
int ir_text_normalize(const ir_layout_tables *lt, ir_arena *a,
                      const unsigned char *orig, size_t len, ir_text *t,
                      const char **err);

/* Layout detection on the raw bytes (used by ir_text_normalize). */
ir_layout ir_detect_layout(const ir_layout_tables *lt,
                           const unsigned char *orig, size_t len);

size_t ir_text_orig_start(const ir_text *t, size_t npos);
size_t ir_text_orig_end(const ir_text *t, size_t npos_end);

/* 1-based line number in the original file of original offset off. */
int ir_text_orig_line(const ir_text *t, size_t off);

/* A PDF letter: the 1-based page of original offset off, and in *line its
 * line on that page; 0 (and *line 0) for a text letter. */
int ir_text_orig_page(const ir_text *t, size_t off, int *line);

#endif
