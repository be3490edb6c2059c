/* segment.h - split a normalized letter into header, reviewer, summary and
 * decided items.
 *
 * ir_segment() reads l->text (normalized) and fills: case_number, the ISO
 * dates, priority, specialty, licensure, sum_start/sum_end, truncated, and
 * for each item: index, service, title (evidence, section "title"), line,
 * outcome, guideline_ca, guideline_maximus, nstart/nend, rat_start/rat_end,
 * conclusion (+conclusion_ev), category. It leaves facts, cited, findings
 * empty. Returns 0; or -1 with l->error set to a one-line reason when the
 * text is not an IMR letter or holds no decided item.
 *
 * An ir_segmenter holds what the segmenter compiles (patterns, literal
 * indexes, the conclusion reader's word tables); the engine owns one, and
 * any number may exist at once. It is read-only after ir_segmenter_new, so
 * threads may share it (match data is per call). */
#ifndef IR_SEGMENT_H
#define IR_SEGMENT_H
#include "record.h"

typedef struct ir_segmenter ir_segmenter;

/* NULL with a one-line message in err when out of memory or a pattern does
 * not compile. */
ir_segmenter *ir_segmenter_new(char *err, size_t errlen);
void ir_segmenter_free(ir_segmenter *sg);
int ir_segment(const ir_segmenter *sg, ir_arena *a, ir_letter *l);

/* Exposed for tests and for the fact extractor. */
ir_conclusion ir_conclusion_of(const ir_segmenter *sg, const char *rationale,
                               size_t n, size_t *conc_start, size_t *conc_end);
const char *ir_category_of(const ir_segmenter *sg, const char *title,
                           const char *guideline_maximus);
/* Parse a date ("3/9/09", "03/09/2009", "February 18, 2009", "2009-02-18")
 * into ISO form in out[11]; returns 1 on success. */
int ir_parse_date(const char *s, size_t n, char out[11]);
/* Like ir_parse_date, for a date at the start of s[0..n) that may be followed
 * by other text: returns the bytes consumed, 0 when no date starts there. */
size_t ir_scan_date(const char *s, size_t n, char out[11]);
/* Outcome stated by a determination phrase ("Upheld", "the denial is
 * overturned", "The requested treatment is not medically necessary"). */
ir_outcome ir_outcome_of(const ir_segmenter *sg, const char *s, size_t n);

#endif
