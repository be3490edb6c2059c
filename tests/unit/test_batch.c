/* test_batch.c - unit tests of the batch modules: SHA-256, input
 * enumeration, CSV quoting, cross-case profiles, the summary. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/dirlist.h"
#include "base/sha256.h"
#include "batch/batch_int.h"
#include "batch/crosscase.h"
#include "batch/paths.h"
#include "check.h"
#include "testpack.h"

static void hex_of(const char *s, size_t n, char out[65]) {
  unsigned char d[32];
  ir_sha256(s, n, d);
  ir_sha256_hex(d, out);
}

static void test_sha256(void) {
  char h[65];
  hex_of("", 0, h);
  CHECK_STR(h,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  hex_of("abc", 3, h);
  CHECK_STR(h,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const char *s56 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  hex_of(s56, strlen(s56), h);
  CHECK_STR(h,
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  char *m = malloc(1000000);
  memset(m, 'a', 1000000);
  hex_of(m, 1000000, h);
  CHECK_STR(h,
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  free(m);
}

static void touch(const char *p) {
  FILE *f = fopen(p, "w");
  if (f) {
    fputs("x", f);
    fclose(f);
  }
}

/* The one directory listing (base/dirlist.h): sorted by bytes, dot names
 * skipped, types kept; a missing directory is an error with errno. */
static void test_dirlist(void) {
  char dir[] = "/tmp/ir_dirlist_XXXXXX";
  if (!mkdtemp(dir)) {
    CHECK(0);
    return;
  }
  char p[512];
  const char *names[] = {"b", "B", "a.lex", ".dot", "a"};
  for (int i = 0; i < 5; i++) {
    snprintf(p, sizeof p, "%s/%s", dir, names[i]);
    touch(p);
  }
  snprintf(p, sizeof p, "%s/d", dir);
  mkdir(p, 0700);
  ir_dirlist l;
  CHECK_INT(ir_dirlist_read(dir, &l), 0);
  const char *want[] = {"B", "a", "a.lex", "b", "d"};
  CHECK_INT(l.n, 5);
  for (size_t i = 0; i < l.n && i < 5; i++)
    CHECK_STR(l.names[i], want[i]);
  for (size_t i = 0; i < l.n; i++) {
    unsigned char t = ir_dirlist_type(&l, i);
    CHECK(t == DT_UNKNOWN || t == (strcmp(l.names[i], "d") ? DT_REG : DT_DIR));
  }
  ir_dirlist_free(&l);
  snprintf(p, sizeof p, "%s/missing", dir);
  errno = 0;
  CHECK_INT(ir_dirlist_read(p, &l), -1);
  CHECK_INT(errno, ENOENT);
  CHECK_INT(l.n, 0);
  ir_dirlist_free(&l);
  for (int i = 0; i < 5; i++) {
    snprintf(p, sizeof p, "%s/%s", dir, names[i]);
    unlink(p);
  }
  snprintf(p, sizeof p, "%s/d", dir);
  rmdir(p);
  rmdir(dir);
}

static void test_paths(void) {
  char dir[] = "/tmp/ir_paths_XXXXXX";
  if (!mkdtemp(dir)) {
    CHECK(0);
    return;
  }
  char p[512];
  const char *names[] = {"b.txt", "a.txt", "c.md", ".h.txt"};
  for (int i = 0; i < 4; i++) {
    snprintf(p, sizeof p, "%s/%s", dir, names[i]);
    touch(p);
  }
  snprintf(p, sizeof p, "%s/sub", dir);
  mkdir(p, 0700);
  snprintf(p, sizeof p, "%s/sub/z.txt", dir);
  touch(p);
  snprintf(p, sizeof p, "%s/sub/up", dir);
  CHECK(symlink("..", p) == 0);
  snprintf(p, sizeof p, "%s/.hidden", dir);
  mkdir(p, 0700);
  snprintf(p, sizeof p, "%s/.hidden/x.txt", dir);
  touch(p);

  const char *args[] = {dir, "nope.txt", "-"};
  ir_paths *it = ir_paths_new(args, 3, NULL, NULL);
  CHECK_INT(ir_paths_total(it), -1);
  const char *want[] = {"a.txt",     "b.txt",    "sub/up",
                        "sub/z.txt", "nope.txt", "-"};
  const char *werr[] = {NULL, NULL, "directory loop", NULL, NULL, NULL};
  char *path;
  const char *err;
  int n = 0;
  while (ir_paths_next(it, &path, &err)) {
    if (n < 6) {
      const char *tail = path;
      size_t dl = strlen(dir);
      if (strncmp(path, dir, dl) == 0 && path[dl] == '/')
        tail = path + dl + 1;
      CHECK_STR(tail, want[n]);
      CHECK_STR(err, werr[n]);
    }
    n++;
    free(path);
  }
  CHECK_INT(n, 6);
  ir_paths_free(it);

  const char *files[] = {"x.txt", "y.txt"};
  it = ir_paths_new(files, 2, NULL, "*.md");
  CHECK_INT(ir_paths_total(it), 2);
  ir_paths_free(it);

  snprintf(p, sizeof p, "%s/list", dir);
  FILE *f = fopen(p, "w");
  if (f) {
    fprintf(f, "one.txt\r\n\n%s/sub\n", dir);
    fclose(f);
  }
  it = ir_paths_new(NULL, 0, p, "*.txt");
  /* one.txt; then sub: "up" leads back to dir (not on this walk's path):
   * up/a.txt, up/b.txt, up/sub (a loop: sub is), then z.txt */
  const char *lw[] = {"one.txt", "sub/up/a.txt", "sub/up/b.txt", "sub/up/sub",
                      "sub/z.txt"};
  const char *le[] = {NULL, NULL, NULL, "directory loop", NULL};
  n = 0;
  while (ir_paths_next(it, &path, &err)) {
    if (n < 5) {
      const char *tail = path;
      size_t dl = strlen(dir);
      if (strncmp(path, dir, dl) == 0 && path[dl] == '/')
        tail = path + dl + 1;
      CHECK_STR(tail, lw[n]);
      CHECK_STR(err, le[n]);
    }
    n++;
    free(path);
  }
  CHECK_INT(n, 5);
  ir_paths_free(it);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK(system(cmd) == 0);
}

static void test_csv(void) {
  ir_buf b = {0};
  ir_csv_field(&b, "plain", 0);
  ir_csv_field(&b, "a,b", 0);
  ir_csv_field(&b, "say \"hi\"", 0);
  ir_csv_field(&b, "two\nlines", 0);
  ir_csv_field(&b, NULL, 1);
  CHECK_STR(b.p, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  ir_buf_free(&b);
}

/* A letter with one item per (category, outcome, twitch, injectate). */
typedef struct {
  const char *cat;
  ir_outcome out;
  ir_status twitch;
  const char *inj;
} spec;

static void make_letter(ir_arena *a, ir_letter *l, const char *path,
                        const spec *s, size_t n) {
  memset(l, 0, sizeof *l);
  l->path = path;
  l->ok = 1;
  l->specialty = "Pain Medicine";
  for (size_t i = 0; i < n; i++) {
    ir_item it;
    memset(&it, 0, sizeof it);
    it.index = (int)i + 1;
    it.category = s[i].cat;
    it.outcome = s[i].out;
    tp_set_pack(a, &it, &tp_tpi); /* the "esi" items too: category separates */
    it.facts[TP_TWITCH].status = s[i].twitch;
    if (s[i].inj)
      ir_vec_push(a, &it.facts[TP_INJECTATE].list, s[i].inj);
    ir_vec_push(a, &l->items, it);
  }
}

static void test_crosscase(void) {
  ir_arena a;
  ir_arena_init(&a);
  ir_crosscase *c = ir_crosscase_new();
  ir_letter l;
  spec s1[] = {{"tpi", IR_OUT_UPHELD, IR_FACT_ABSENT, "steroid"},
               {"tpi", IR_OUT_UPHELD, IR_FACT_UNKNOWN, NULL}, /* no info */
               {"tpi", IR_OUT_UNKNOWN, IR_FACT_ABSENT, "steroid"}}; /* no out */
  make_letter(&a, &l, "a.txt", s1, 3);
  ir_crosscase_add(c, 0, &l);
  spec s2[] = {{"tpi", IR_OUT_OVERTURNED, IR_FACT_ABSENT, "steroid"},
               {"tpi", IR_OUT_OVERTURNED, IR_FACT_ABSENT, "saline"},  /* inj */
               {"esi", IR_OUT_OVERTURNED, IR_FACT_ABSENT, "steroid"}, /* cat */
               {"tpi", IR_OUT_OVERTURNED, IR_FACT_UNKNOWN, NULL}};
  make_letter(&a, &l, "b.txt", s2, 4);
  ir_crosscase_add(c, 1, &l);
  CHECK_INT(ir_crosscase_finish(c), 0);
  CHECK_INT(ir_crosscase_count(c), 2);
  ir_cross_iter *it = ir_crosscase_iter(c);
  const ir_cross_finding *f = ir_cross_next(it);
  CHECK_STR(f->file, "a.txt");
  CHECK_INT(f->index, 1);
  CHECK_INT(f->ncounterparts, 1);
  CHECK_STR(f->counterparts[0], "b.txt#1");
  CHECK(strstr(f->message, "twitch_response=absent") != NULL);
  CHECK(strstr(f->message, "steroid") != NULL);
  ir_buf b = {0};
  ir_report_cross(&b, f, 1, IR_FMT_JSON, 0);
  CHECK(strstr(b.p, "\"cross_case\":true,\"file\":\"a.txt\",\"index\":1") !=
        NULL);
  CHECK(strstr(b.p, "\"kind\":\"similar-cases-differ\"") != NULL);
  ir_buf_free(&b);
  f = ir_cross_next(it);
  CHECK_STR(f->file, "b.txt");
  CHECK_INT(f->index, 1);
  CHECK_STR(f->counterparts[0], "a.txt#1");
  CHECK(ir_cross_next(it) == NULL);
  CHECK_INT(ir_cross_iter_failed(it), 0);
  ir_cross_iter_free(it);
  ir_crosscase_free(c);

  /* summary over the same letters */
  ir_summary s;
  ir_summary_init(&s);
  ir_summary_add(&s, &l);
  ir_letter bad;
  memset(&bad, 0, sizeof bad);
  bad.path = "x";
  bad.error = "No such file or directory";
  ir_summary_add(&s, &bad);
  CHECK_INT(s.letters, 2);
  CHECK_INT(s.failed, 1);
  CHECK_INT(s.items, 4);
  ir_cross_finding cf;
  memset(&cf, 0, sizeof cf);
  cf.category = "tpi";
  cf.specialty = "Pain Medicine";
  cf.date_decision = "2014-03-09";
  ir_summary_add_cross(&s, &cf, 1);
  CHECK_INT(s.flagged_items, 1);
  CHECK_INT(ir_sum_get(&s.by_month, "2014-03")->n[3], 1);
  ir_buf_reset(&b);
  ir_summary_text(&b, &s);
  CHECK(strstr(b.p, "summary: 2 letters, 4 items, 1 flagged, 1 failed\n") !=
        NULL);
  ir_buf_reset(&b);
  ir_summary_json(&b, &s);
  CHECK(strncmp(b.p, "{\"summary\":true,", 16) == 0);
  ir_buf_free(&b);
  ir_summary_free(&s);
  ir_arena_free(&a);
}

int main(void) {
  test_sha256();
  test_dirlist();
  test_paths();
  test_csv();
  test_crosscase();
  return check_report();
}
