/* test_crosscase.c - unit tests of the cross-case index (crosscase.h) and
 * its temporary-file stream (spill.h): counterpart naming and its cap,
 * input order, one-outcome groups, many entries through the file, several
 * iterators at once, and the in-memory stream. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/spill.h"
#include "batch/crosscase.h"
#include "check.h"
#include "testpack.h"

/* A letter whose items are given by outcome and twitch status; all tpi,
 * steroid unless inj says otherwise. */
typedef struct {
  ir_outcome out;
  ir_status twitch;
  const char *inj;
} spec;

static void make_letter(ir_arena *a, ir_letter *l, const char *path,
                        const spec *s, size_t n) {
  memset(l, 0, sizeof *l);
  l->path = path;
  l->ok = 1;
  l->case_number = "CM00-0001";
  l->specialty = "Pain Medicine";
  for (size_t i = 0; i < n; i++) {
    ir_item it;
    memset(&it, 0, sizeof it);
    it.index = (int)i + 1;
    it.line = 10 * ((int)i + 1);
    it.category = "tpi";
    it.service = "Trigger point injections";
    it.outcome = s[i].out;
    tp_set_pack(a, &it, &tp_tpi);
    it.facts[TP_TWITCH].status = s[i].twitch;
    ir_vec_push(a, &it.facts[TP_INJECTATE].list,
                s[i].inj ? s[i].inj : "steroid");
    ir_vec_push(a, &l->items, it);
  }
}

static void add1(ir_crosscase *c, ir_arena *a, long seq, const char *path,
                 ir_outcome out, ir_status twitch) {
  ir_letter l;
  spec s = {out, twitch, NULL};
  make_letter(a, &l, path, &s, 1);
  ir_crosscase_add(c, seq, &l);
}

/* 15 upheld then 12 overturned of one profile: each names the first 10 of
 * the other outcome, in input order, and counts all of them. */
static void test_cap(void) {
  ir_arena a;
  ir_arena_init(&a);
  ir_crosscase *c = ir_crosscase_new();
  char path[32];
  for (long i = 0; i < 27; i++) {
    snprintf(path, sizeof path, "L%02ld.txt", i);
    add1(c, &a, i, path, i < 15 ? IR_OUT_UPHELD : IR_OUT_OVERTURNED,
         IR_FACT_PRESENT);
  }
  CHECK_INT(ir_crosscase_finish(c), 0);
  CHECK_INT(ir_crosscase_finish(c), 0); /* once */
  CHECK_INT(ir_crosscase_count(c), 27);
  ir_cross_iter *it = ir_crosscase_iter(c);
  const ir_cross_finding *f;
  long n = 0;
  while ((f = ir_cross_next(it)) != NULL) {
    snprintf(path, sizeof path, "L%02ld.txt", n);
    CHECK_STR(f->file, path);
    CHECK_INT(f->seq, n);
    int up = n < 15;
    CHECK_INT(f->ntotal, up ? 12 : 15);
    CHECK_INT(f->ncounterparts, IR_CROSS_MAX_NAMED);
    for (size_t k = 0; k < f->ncounterparts; k++) {
      snprintf(path, sizeof path, "L%02ld.txt#1", (long)k + (up ? 15 : 0));
      CHECK_STR(f->counterparts[k], path);
    }
    CHECK_STR(f->case_number, "CM00-0001");
    CHECK_STR(f->service, "Trigger point injections");
    CHECK_STR(f->category, "tpi");
    n++;
  }
  CHECK_INT(n, 27);
  CHECK_INT(ir_cross_iter_failed(it), 0);
  CHECK(ir_cross_next(it) == NULL); /* stays at the end */
  ir_cross_iter_free(it);
  ir_crosscase_free(c);
  ir_arena_free(&a);
}

/* Findings come in input order across groups; a group with one outcome,
 * an unknown outcome and an all-unknown profile give nothing. */
static void test_order(void) {
  ir_arena a;
  ir_arena_init(&a);
  ir_crosscase *c = ir_crosscase_new();
  ir_letter l;
  spec s0[] = {{IR_OUT_OVERTURNED, IR_FACT_ABSENT, NULL},
               {IR_OUT_UPHELD, IR_FACT_PRESENT, NULL},
               {IR_OUT_UPHELD, IR_FACT_ABSENT, "saline"}}; /* alone */
  make_letter(&a, &l, "a.txt", s0, 3);
  ir_crosscase_add(c, 0, &l);
  spec s1[] = {{IR_OUT_UPHELD, IR_FACT_UNKNOWN, NULL}, /* no profile */
               {IR_OUT_UNKNOWN, IR_FACT_PRESENT, NULL},
               {IR_OUT_UPHELD, IR_FACT_ABSENT, "saline"}}; /* one outcome */
  make_letter(&a, &l, "b.txt", s1, 3);
  ir_crosscase_add(c, 1, &l);
  spec s2[] = {{IR_OUT_OVERTURNED, IR_FACT_PRESENT, NULL},
               {IR_OUT_UPHELD, IR_FACT_ABSENT, NULL}};
  make_letter(&a, &l, "c.txt", s2, 2);
  l.ok = 0; /* not audited: ignored */
  ir_crosscase_add(c, 2, &l);
  l.ok = 1;
  l.path = "d.txt";
  ir_crosscase_add(c, 3, &l);
  CHECK_INT(ir_crosscase_finish(c), 0);
  CHECK_INT(ir_crosscase_count(c), 4);
  static const char *const want[4][2] = {
      {"a.txt", "d.txt#2"}, /* a#1 overturned absent */
      {"a.txt", "d.txt#1"}, /* a#2 upheld present */
      {"d.txt", "a.txt#2"},
      {"d.txt", "a.txt#1"}};
  static const int idx[4] = {1, 2, 1, 2};
  ir_cross_iter *it = ir_crosscase_iter(c);
  for (int i = 0; i < 4; i++) {
    const ir_cross_finding *f = ir_cross_next(it);
    CHECK(f != NULL);
    if (!f)
      break;
    CHECK_STR(f->file, want[i][0]);
    CHECK_INT(f->index, idx[i]);
    CHECK_INT(f->ntotal, 1);
    CHECK_INT(f->ncounterparts, 1);
    CHECK_STR(f->counterparts[0], want[i][1]);
    CHECK(strncmp(f->message, "1 tpi item with the same criteria profile was ",
                  46) == 0);
    ir_buf b = {0};
    ir_report_cross(&b, f, i == 0, IR_FMT_TEXT, 0);
    CHECK((strncmp(b.p, "\ncross-case consistency\n", 24) == 0) == (i == 0));
    ir_buf_free(&b);
  }
  CHECK(ir_cross_next(it) == NULL);
  ir_cross_iter_free(it);
  ir_crosscase_free(c);

  /* nothing but one-outcome groups: no findings at all */
  c = ir_crosscase_new();
  make_letter(&a, &l, "e.txt", s0 + 1, 2);
  ir_crosscase_add(c, 0, &l);
  make_letter(&a, &l, "f.txt", s0 + 1, 2);
  ir_crosscase_add(c, 1, &l);
  CHECK_INT(ir_crosscase_finish(c), 0);
  CHECK_INT(ir_crosscase_count(c), 0);
  it = ir_crosscase_iter(c);
  CHECK(ir_cross_next(it) == NULL);
  ir_cross_iter_free(it);
  ir_crosscase_free(c);
  /* a NULL index: a NULL iterator over nothing */
  CHECK(ir_crosscase_iter(NULL) == NULL);
  CHECK(ir_cross_next(NULL) == NULL);
  CHECK_INT(ir_crosscase_count(NULL), 0);
  ir_cross_iter_free(NULL);
  ir_arena_free(&a);
}

/* Bytes 4090..4095 of a long path: the entry number and '_'. */
static void set_id(char *path, long i) {
  char tmp[32];
  snprintf(tmp, sizeof tmp, "%05ld_", i % 100000);
  memcpy(path + 4090, tmp, 6);
}

/* Many entries with long paths (megabytes through the temporary file),
 * read back by two iterators at once. */
static void test_many(void) {
  enum { N = 6000 };
  ir_arena a;
  ir_arena_init(&a);
  ir_crosscase *c = ir_crosscase_new();
  char *path = malloc(5000);
  memset(path, 'p', 4999);
  path[4999] = 0; /* longer than the 4096 bytes kept */
  for (long i = 0; i < N; i++) {
    set_id(path, i);
    add1(c, &a, i, path, i % 3 ? IR_OUT_UPHELD : IR_OUT_OVERTURNED,
         (ir_status)(1 + i % 2));
    if (i % 500 == 499)
      ir_arena_reset(&a);
  }
  CHECK_INT(ir_crosscase_finish(c), 0);
  CHECK_INT(ir_crosscase_count(c), N);
  ir_cross_iter *it = ir_crosscase_iter(c), *it2 = ir_crosscase_iter(c);
  long n = 0, bad = 0;
  const ir_cross_finding *f, *g;
  while ((f = ir_cross_next(it)) != NULL) {
    g = ir_cross_next(it2);
    if (!g || g->seq != f->seq || strcmp(g->message, f->message) != 0)
      bad++;
    set_id(path, n);
    path[4096] = 0;
    if (f->seq != n || strcmp(f->file, path) != 0 || f->ncounterparts != 10)
      bad++;
    int up = n % 3 != 0;
    /* same twitch status: n % 2; the other outcome's first ones */
    long want_total = 0;
    for (long k = 0; k < N; k++)
      want_total += k % 2 == n % 2 && (k % 3 != 0) != up;
    if ((long)f->ntotal != want_total)
      bad++;
    long k = 0, named = 0;
    for (; named < 1 && k < N; k++)
      if (k % 2 == n % 2 && (k % 3 != 0) != up) {
        char want[4200];
        memcpy(want, path, 4090);
        snprintf(want + 4090, 32, "%05ld_#1", k);
        if (strcmp(f->counterparts[0], want) != 0)
          bad++;
        named++;
      }
    n++;
  }
  CHECK_INT(n, N);
  CHECK_INT(bad, 0);
  CHECK(ir_cross_next(it2) == NULL);
  CHECK_INT(ir_cross_iter_failed(it), 0);
  ir_cross_iter_free(it);
  ir_cross_iter_free(it2);
  ir_crosscase_free(c);
  free(path);
  ir_arena_free(&a);
}

/* The stream itself: through the file, and all in memory (fd -1). */
static void test_spill(void) {
  for (int mem = 0; mem < 2; mem++) {
    ir_spill s;
    ir_spill_init(&s);
    if (mem)
      s.fd = -1;
    unsigned char blk[1000];
    for (int i = 0; i < 300; i++) {
      for (size_t j = 0; j < sizeof blk; j++)
        blk[j] = (unsigned char)(i + j);
      ir_spill_put(&s, blk, sizeof blk);
    }
    CHECK(ir_spill_len(&s) == 300000);
    if (mem)
      CHECK(s.fsize == 0);
    else
      CHECK(s.fd >= 0 && s.fsize > 0 && s.fsize < 300000);
    long bad = 0;
    unsigned char got[3000];
    for (unsigned long long off = 0; off < 300000; off += 2999) {
      long k = ir_spill_read(&s, off, got, sizeof got);
      long want =
          300000 - off < sizeof got ? (long)(300000 - off) : (long)sizeof got;
      if (k != want)
        bad++;
      for (long j = 0; j < k; j++) {
        unsigned long long p = off + (unsigned long long)j;
        if (got[j] != (unsigned char)(p / 1000 + p % 1000))
          bad++;
      }
    }
    CHECK_INT(bad, 0);
    CHECK_INT(ir_spill_read(&s, 300000, got, 10), 0);
    ir_spill_free(&s);
  }
}

int main(void) {
  test_cap();
  test_order();
  test_many();
  test_spill();
  return check_report();
}
