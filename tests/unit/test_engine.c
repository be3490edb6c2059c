/* test_engine.c - the engine owns its state: engines created and freed one
 * after another in the same process audit the same letters into the same
 * records, byte for byte (JSON record of each letter of cases/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "base/defaults.h"
#include "base/dirlist.h"
#include "check.h"
#include "sink/sink.h"

enum { NLETTERS = 12, NENGINES = 3 };

/* The first NLETTERS letters of cases/, sorted by name. */
static size_t pick_letters(char paths[][256]) {
  ir_dirlist l;
  if (ir_dirlist_read("cases", &l) != 0)
    return 0;
  size_t k = 0;
  for (size_t i = 0; i < l.n && k < NLETTERS; i++) {
    size_t len = strlen(l.names[i]);
    if (len > 4 && strcmp(l.names[i] + len - 4, ".txt") == 0)
      snprintf(paths[k++], 256, "cases/%s", l.names[i]);
  }
  ir_dirlist_free(&l);
  return k;
}

/* The records of the letters through one new engine, as JSON lines. */
static char *audit_all(char paths[][256], size_t n, size_t *len) {
  ir_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.rules_dir = "rules";
  cfg.max_bytes = IR_DEFAULT_MAX_BYTES;
  cfg.rules.steps = IR_DEFAULT_RULE_STEPS;
  cfg.rules.memory = IR_DEFAULT_RULE_MEMORY;
  char err[512] = "";
  ir_engine *e = ir_engine_new(&cfg, err, sizeof err);
  if (!e) {
    fprintf(stderr, "engine: %s\n", err);
    return NULL;
  }
  ir_worker *w = ir_worker_new(e, err, sizeof err);
  if (!w) {
    fprintf(stderr, "worker: %s\n", err);
    ir_engine_free(e);
    return NULL;
  }
  ir_buf b = {0};
  for (size_t i = 0; i < n; i++) {
    ir_letter l;
    ir_audit_path(w, paths[i], &l);
    ir_report_json(&b, &l);
  }
  ir_worker_free(w);
  ir_engine_free(e);
  *len = b.n;
  return b.p;
}

static void test_engines_in_a_row(void) {
  char paths[NLETTERS][256];
  size_t n = pick_letters(paths);
  CHECK_INT(n, NLETTERS);
  char *out[NENGINES];
  size_t len[NENGINES];
  for (int k = 0; k < NENGINES; k++) {
    out[k] = audit_all(paths, n, &len[k]);
    CHECK(out[k] != NULL);
  }
  /* the fields a lost vocabulary or pattern would empty */
  CHECK(out[0] && strstr(out[0], "\"injury\":\"") != NULL);
  CHECK(out[0] && strstr(out[0], "\"specialty\":\"") != NULL);
  for (int k = 1; k < NENGINES; k++) {
    CHECK_INT(len[k], len[0]);
    CHECK(out[0] && out[k] && len[k] == len[0] &&
          memcmp(out[k], out[0], len[0]) == 0);
  }
  for (int k = 0; k < NENGINES; k++)
    free(out[k]);
}

int main(void) {
  test_engines_in_a_row();
  return check_report();
}
