/* fuzz_letter.c - libFuzzer target over the whole per-letter pipeline:
 * normalize -> segment -> extract -> rules -> JSON and text reports.
 *
 * One ir_engine and one ir_worker are built in LLVMFuzzerInitialize from the
 * rules directory ($IMRAUDIT_RULES, default "rules" relative to the working
 * directory). Each input is audited with ir_audit_buffer and rendered with
 * ir_report_json, ir_report_text and ir_report_explain. Besides the sanitizers,
 * the target checks the record's invariants and aborts when one breaks:
 *  - a failed letter has a one-line error; an audited one has items;
 *  - every evidence span lies inside the input (start <= end <= size) and
 *    inside the normalized text (nstart <= nend <= norm_len);
 *  - the normalized text is NUL-terminated at norm_len and holds no NUL or
 *    control byte other than '\n';
 *  - the JSON record is exactly one line ending in '\n'.
 * Build: make fuzz (mk/fuzz.mk). Also usable as a plain regression runner:
 * with -runs=0 over a directory libFuzzer just executes each file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "base/base.h"
#include "sink/sink.h"

static ir_engine *engine;
static ir_worker *worker;
static ir_buf out;

#define FUZZ_CHECK(cond, what)                                                 \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "fuzz_letter: invariant broken: %s (%s)\n", what,        \
              #cond);                                                          \
      abort();                                                                 \
    }                                                                          \
  } while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void release(void) {
  ir_worker_free(worker);
  ir_engine_free(engine);
  ir_buf_free(&out);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  static ir_config cfg;
  const char *dir = getenv("IMRAUDIT_RULES");
  cfg.rules_dir = dir && *dir ? dir : "rules";
  cfg.max_bytes = IR_DEFAULT_MAX_BYTES;
  cfg.rules.steps = IR_DEFAULT_RULE_STEPS;
  cfg.rules.memory = IR_DEFAULT_RULE_MEMORY;
  char err[512] = "";
  engine = ir_engine_new(&cfg, err, sizeof err);
  if (!engine) {
    fprintf(stderr, "fuzz_letter: engine: %s\n", err);
    exit(2);
  }
  worker = ir_worker_new(engine, err, sizeof err);
  if (!worker) {
    fprintf(stderr, "fuzz_letter: worker: %s\n", err);
    exit(2);
  }
  atexit(release);
  return 0;
}

static void check_evidence(const ir_letter *l, const ir_evidence *e,
                           size_t size) {
  FUZZ_CHECK(e->start <= e->end && e->end <= size, "evidence original span");
  FUZZ_CHECK(e->nstart <= e->nend && e->nend <= l->text.norm_len,
             "evidence normalized span");
}

static void check_evlist(const ir_letter *l, const ir_evlist *v, size_t size) {
  for (size_t i = 0; i < v->n; i++)
    check_evidence(l, &v->v[i], size);
}

static void check_text(const ir_letter *l) {
  const ir_text *t = &l->text;
  if (!t->norm)
    return;
  FUZZ_CHECK(t->norm[t->norm_len] == 0, "normalized text NUL-terminated");
  for (size_t i = 0; i < t->norm_len; i++) {
    unsigned char c = (unsigned char)t->norm[i];
    FUZZ_CHECK(c != 0 && (c >= 0x20 || c == '\n') && c != 0x7f,
               "no control byte in normalized text");
  }
}

static void check_record(const ir_letter *l, size_t size) {
  if (!l->ok) {
    FUZZ_CHECK(l->error && *l->error, "failed letter has an error");
    FUZZ_CHECK(!strchr(l->error, '\n'), "error is one line");
    return;
  }
  check_text(l);
  for (size_t i = 0; i < l->items.n; i++) {
    const ir_item *it = &l->items.v[i];
    FUZZ_CHECK(it->index == (int)i + 1, "item index");
    FUZZ_CHECK(it->nstart <= it->nend && it->nend <= l->text.norm_len,
               "item span");
    check_evidence(l, &it->title, size);
    if (it->conclusion_ev.text)
      check_evidence(l, &it->conclusion_ev, size);
    FUZZ_CHECK(it->nfacts == (it->pack ? it->pack->ncrit : 0),
               "one fact per criterion of the item's pack");
    for (size_t c = 0; c < it->nfacts; c++) {
      check_evlist(l, &it->facts[c].affirm, size);
      check_evlist(l, &it->facts[c].deny, size);
    }
    for (size_t c = 0; c < it->cited.n; c++)
      check_evlist(l, &it->cited.v[c].evidence, size);
    for (size_t f = 0; f < it->findings.n; f++)
      check_evlist(l, &it->findings.v[f].evidence, size);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ir_letter l;
  ir_audit_buffer(worker, "fuzz.txt", data, size, &l);
  check_record(&l, size);
  ir_buf_reset(&out);
  ir_report_json(&out, &l);
  FUZZ_CHECK(out.n > 0 && out.p[out.n - 1] == '\n', "JSON ends in newline");
  FUZZ_CHECK(memchr(out.p, '\n', out.n - 1) == NULL, "JSON is one line");
  ir_buf_reset(&out);
  ir_report_text(&out, &l, 0);
  ir_buf_reset(&out);
  ir_report_text(&out, &l, 1);
  ir_buf_reset(&out);
  ir_report_explain(&out, &l, 0);
  return 0;
}
