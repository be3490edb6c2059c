/* test_med.c - the morphine-equivalent dose extractor (facts/med.h): sig
 * forms, brands with an implied strength, patches, methadone tiers, totals
 * over several drugs, stated MEDs, line breaks and registers, and the
 * table's errors. Reads the shipped rules/mtus-opioids/drugs.tsv (run from
 * the repository root, as `make test` does). */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "facts/med.h"

#define TABLE "rules/mtus-opioids/drugs.tsv"

static ir_med_table *T;
static ir_arena A;

#define CHECK_NUM(got, want)                                                   \
  do {                                                                         \
    double g_ = (got), w_ = (want);                                            \
    if (fabs(g_ - w_) < 1e-6)                                                  \
      check_pass_++;                                                           \
    else {                                                                     \
      check_fail_++;                                                           \
      fprintf(stderr, "%s:%d: %s: got %g, want %g\n", __FILE__, __LINE__,      \
              #got, g_, w_);                                                   \
    }                                                                          \
  } while (0)

static size_t scan(const char *s, ir_med_dose **d) {
  return ir_med_scan(T, &A, s, 0, strlen(s), d);
}

/* The first regimen's daily count / MED; -1 when s has none. */
static double per_day(const char *s) {
  ir_med_dose *d;
  return scan(s, &d) ? d[0].per_day : -1;
}
static double med(const char *s) {
  ir_med_dose *d;
  return scan(s, &d) ? d[0].med : -1;
}

/* The total over every regimen of s, and its arithmetic in *ex. */
static double total(const char *s, const char **ex) {
  ir_med_dose *d;
  size_t n = scan(s, &d);
  return ir_med_total(&A, d, n, ex);
}

/* The first stated MED of s, -1 when none. */
static double stated(const char *s) {
  double mg;
  size_t b, e;
  return ir_med_stated(s, 0, strlen(s), &mg, &b, &e) ? mg : -1;
}

static void test_sig_forms(void) {
  CHECK_NUM(per_day("Norco 10/325 1 tab q4-6h prn"), 6);
  CHECK_NUM(med("Norco 10/325 1 tab q4-6h prn"), 60);
  CHECK_NUM(per_day("Norco 10/325 q6h"), 4);
  CHECK_NUM(per_day("Norco 10/325 q8h"), 3);
  CHECK_NUM(per_day("Norco 10/325 q12h"), 2);
  CHECK_NUM(per_day("Norco 10/325 BID"), 2);
  CHECK_NUM(per_day("Norco 10/325 b.i.d."), 2);
  CHECK_NUM(per_day("Norco 10/325 twice daily"), 2);
  CHECK_NUM(per_day("Norco 10/325 twice a day"), 2);
  CHECK_NUM(per_day("Norco 10/325 TID"), 3);
  CHECK_NUM(per_day("Norco 10/325 three times daily"), 3);
  CHECK_NUM(per_day("Norco 10/325 QID"), 4);
  CHECK_NUM(per_day("Norco 10/325 four times a day"), 4);
  CHECK_NUM(per_day("Norco 10/325 daily"), 1);
  CHECK_NUM(per_day("Norco 10/325 qd"), 1);
  CHECK_NUM(per_day("Norco 10/325 once a day"), 1);
  CHECK_NUM(per_day("Norco 10/325 qhs"), 1);
  CHECK_NUM(per_day("Norco 10/325 1-2 tabs q4-6h"), 12);
  CHECK_NUM(per_day("Norco 10/325 up to 4 per day"), 4);
  CHECK_NUM(per_day("Norco 10/325 2 tablets twice a day"), 4);
  CHECK_NUM(per_day("Norco 10/325 one to two tablets a day"), 2);
  CHECK_NUM(per_day("Norco 10/325 1 po q 4-6 h prn"), 6);
  CHECK_NUM(per_day("Norco 10/325 one tab every other day"), 0.5);
  CHECK_NUM(per_day("Norco 10/325 2x/day"), 2);
  CHECK_NUM(per_day("Norco 10/325 3-4 times a day"), 4);
  CHECK_NUM(per_day("Norco 10/325 1 tab BID-TID"), 3);
  CHECK_NUM(per_day("Norco 10/325 1 tab BID (twice daily) for pain"), 2);
  CHECK_NUM(per_day("Norco 10/325 every 8 hrs"), 3);
  /* a cap bounds the count: "max" below 1-2 q4-6h's 12 */
  CHECK_NUM(per_day("Norco 10/325 1-2 tabs q4-6h prn, max 8/day"), 8);
  CHECK_NUM(per_day("Norco 10/325 mg 1 tab by mouth every 4 to 6 hours as "
                    "needed for pain, not to exceed 4 tablets per day"),
            4);
  CHECK_NUM(per_day("oxycodone 5-10 mg q4h prn"), 6);
  CHECK_NUM(med("oxycodone 5-10 mg q4h prn"), 90); /* 10 mg, the higher */
}

static void test_quantity(void) {
  ir_med_dose *d;
  CHECK_INT(scan("Norco 10/325 #60", &d), 1);
  CHECK_NUM(d[0].per_day, 0);
  CHECK_NUM(d[0].med, 0);
  CHECK_NUM(d[0].quantity, 60);
  CHECK_NUM(per_day("Norco 10/325 quantity 120"), 0);
  const char *ex = NULL;
  CHECK_NUM(total("The request for Norco 10/325mg #120 is not medically "
                  "necessary.",
                  &ex),
            0);
  CHECK_STR(ex, "");
  CHECK_NUM(per_day("Norco 10/325 #90 for 30 days"), 3);
  CHECK_NUM(per_day("Norco 10/325 #90, 30-day supply"), 3);
  CHECK_NUM(per_day("Norco 10/325 #120 to improve daily function"), 0);
  /* a days' supply closing a list is each quantity's */
  CHECK_NUM(total("her regimen of Norco 10/325mg #180 and OxyContin 30mg #60 "
                  "per month represents a total MED of 150 mg",
                  &ex),
            150);
}

static void test_brands(void) {
  ir_med_dose *d;
  CHECK_INT(scan("Tylenol #3 1 tab q4h prn", &d), 1);
  CHECK_STR(d[0].drug, "codeine");
  CHECK_NUM(d[0].strength, 30);
  CHECK(d[0].implied);
  CHECK_NUM(d[0].med, 27); /* 30 x 6 x 0.15 */
  CHECK_NUM(med("Tylenol No. 4 one tablet three times daily"), 27);
  CHECK_NUM(med("APAP w/ codeine #3 2 tabs QID"), 36);
  CHECK_NUM(med("Ultracet 2 tabs q6h"), 30); /* 37.5 x 8 x 0.1 */
  CHECK_NUM(med("Vicodin ES one tab q6h"), 30);
  /* a written strength wins over the brand's */
  CHECK_INT(scan("Tylenol with codeine 300/30 q6h", &d), 1);
  CHECK_NUM(d[0].strength, 30);
  CHECK(!d[0].implied);
  /* no strength, none implied: no regimen */
  CHECK_INT(scan("He has been on Norco for three years.", &d), 0);
  CHECK_INT(scan("OxyContin 20 mg q12h", &d), 1);
  CHECK(d[0].extended);
  CHECK_STR(d[0].name, "OxyContin");
  CHECK_INT(scan("oxycodone ER 20 mg q12h", &d), 1);
  CHECK(d[0].extended);
  CHECK_NUM(med("Nucynta ER 100 mg BID"), 80);
  CHECK_NUM(med("Dilaudid 4 mg one tablet every 6 hours PRN #120"), 64);
  CHECK_NUM(med("Opana ER 30 mg one tablet every 12 hours"), 180);
}

static void test_patches(void) {
  ir_med_dose *d;
  CHECK_INT(scan("fentanyl 25 mcg/hr every 72 hours", &d), 1);
  CHECK_STR(d[0].unit, "mcg/hr");
  CHECK_NUM(d[0].med, 60); /* 25 x 2.4, whatever the interval */
  CHECK_NUM(med("Duragesic 50 mcg/hr q72h"), 120);
  CHECK_NUM(med("He uses Duragesic (fentanyl transdermal) 50 mcg/hr, one "
                "patch every 72 hours"),
            120);
  CHECK_NUM(med("Duragesic 25 mcg/hr, apply 2 patches every 72 hours"), 120);
  CHECK_NUM(med("fentanyl patch 25 mcg every 72 hours"), 60);
  CHECK_NUM(med("Butrans 10mcg/hr patch, apply one patch every 7 days, #4"),
            18);
  CHECK_INT(scan("buprenorphine 8 mg SL daily", &d), 1);
  CHECK_STR(d[0].unit, "mg");
}

static void test_methadone(void) {
  CHECK_NUM(med("methadone 5 mg BID"), 40);   /* 10 mg/day x 4 */
  CHECK_NUM(med("methadone 10 mg BID"), 80);  /* 20 mg/day: still 4 */
  CHECK_NUM(med("methadone 7 mg TID"), 168);  /* 21 mg/day x 8 */
  CHECK_NUM(med("methadone 10 mg TID"), 240); /* 30 x 8 */
  CHECK_NUM(med("methadone 15 mg TID"), 450); /* 45 x 10 */
  CHECK_NUM(med("Dolophine 20 mg QID"), 960); /* 80 x 12 */
  CHECK_NUM(med("methadone 10 mg #90 for 30 days"), 240);
}

static void test_totals(void) {
  const char *ex = NULL;
  CHECK_NUM(
      total("Norco 10/325 one tablet every 4-6 hours and OxyContin 20 mg BID",
            &ex),
      120);
  CHECK_STR(ex, "Norco 10 mg x 6/day x 1 = 60; OxyContin 20 mg x 2/day x 1.5 "
                "= 60; total 120 mg/day");
  /* the same drug restated counts once, at its highest */
  CHECK_NUM(
      total("He takes Norco 10/325 TID. Continue Norco 10/325 mg QID.", &ex),
      40);
  /* long- and short-acting oxycodone are two regimens */
  CHECK_NUM(total("OxyContin 40 mg q12h and oxycodone IR 10 mg q6h", &ex), 180);
  CHECK_NUM(total("Medications: OxyContin 20 mg one tablet BID and Norco "
                  "10/325 mg one tablet q6h PRN breakthrough pain, no more "
                  "than 4 per day",
                  &ex),
            100);
  CHECK_NUM(total("fentanyl 25 mcg/hr q72h, methadone 10 mg TID and "
                  "Percocet 10/325 q6h",
                  &ex),
            360); /* 60 + 240 + 60 */
  CHECK_STR(ex, "fentanyl 25 mcg/hr x 2.4 = 60; methadone 10 mg x 3/day x 8 = "
                "240; Percocet 10 mg x 4/day x 1.5 = 60; total 360 mg/day");
}

static void test_stated(void) {
  CHECK_NUM(stated("MED of 90 mg"), 90);
  CHECK_NUM(stated("90 MME/day"), 90);
  CHECK_NUM(stated("morphine equivalent dose of 120 mg/day"), 120);
  CHECK_NUM(stated("MED 135"), 135);
  CHECK_NUM(stated("the daily dose equals 180 mg MED, above the 120 mg "
                   "threshold"),
            180);
  CHECK_NUM(stated("amounts to 270 mg of oral morphine equivalents per day"),
            270);
  CHECK_NUM(stated("At 30 mg per day the morphine equivalent is 240 mg"), 240);
  /* thresholds state nothing */
  CHECK_NUM(stated("The combined regimen exceeds the 120 mg MED that the "
                   "MTUS allows"),
            -1);
  CHECK_NUM(stated("The daily hydrocodone dose is well under 120 mg MED."), -1);
  CHECK_NUM(stated("the MED is below 120 mg"), -1);
  CHECK_NUM(stated("doses up to 200 mg MED"), -1);
  CHECK_NUM(stated("taper the MED to 90 mg"), -1);
  /* the span, and the next statement from its end */
  const char *s = "MED 60 in May; MED of 120 mg now";
  double mg;
  size_t b, e;
  CHECK(ir_med_stated(s, 0, strlen(s), &mg, &b, &e));
  CHECK_INT(b, 0);
  CHECK_INT(e, 6);
  CHECK(ir_med_stated(s, e, strlen(s), &mg, &b, &e));
  CHECK_NUM(mg, 120);
  /* "morphine equivalent" is no morphine regimen */
  ir_med_dose *d;
  CHECK_INT(scan("She takes oxycodone 10 mg four times daily with a morphine "
                 "equivalent dose of 60 mg per day",
                 &d),
            1);
  CHECK_INT(scan("OxyContin alone represents 180 mg MED", &d), 0);
}

static void test_registers(void) {
  ir_med_dose *d;
  /* PDF line breaks inside the phrase */
  const char *s = "Current medications: Norco\n10/325 one tab q6h prn.";
  CHECK_INT(scan(s, &d), 1);
  CHECK_NUM(d[0].med, 40);
  CHECK_INT(d[0].start, strlen("Current medications: "));
  CHECK_INT(d[0].end, strlen(s) - 1);
  CHECK_NUM(med("MS\nContin 30 mg every\n12 hours"), 60);
  /* formal and terse */
  CHECK_NUM(med("hydrocodone/acetaminophen 10/325 mg, one tablet every six "
                "hours as needed"),
            40);
  CHECK_INT(scan("NORCO 10/325 MG 1 PO Q4-6H PRN PAIN #120", &d), 1);
  CHECK_NUM(d[0].med, 60);
  CHECK_NUM(d[0].quantity, 120);
  CHECK_NUM(med("The Hydrocodone- Acet (Norco) 10/325 1 tab q4-6hrs pm #60"),
            60);
  CHECK_NUM(med("He takes hydrocodone-acetaminophen (Norco) 10/325 mg three "
                "times a day"),
            30);
  CHECK_NUM(med("Norco 10-325 mg 1 tab TID"), 30);
  CHECK_NUM(med("Percocet 7.5 mg q6h"), 45);
  /* what is no regimen, or no part of one */
  CHECK_INT(scan("Per the 9/30/2015 report, Norco reduces her pain from 8/10 "
                 "to 4/10",
                 &d),
            0);
  CHECK_INT(
      scan("Medications: Norco 10/325mg q6h prn, gabapentin 600mg tid", &d), 1);
  CHECK_NUM(d[0].per_day, 4);
}

/* Writes text to a temporary table and loads it; the error in err. */
static ir_med_table *load_text(const char *text, char *path, char *err,
                               size_t errlen) {
  strcpy(path, "/tmp/test_med_XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0)
    return NULL;
  if (write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
    close(fd);
    return NULL;
  }
  close(fd);
  ir_med_table *t = ir_med_load(path, err, errlen);
  unlink(path);
  return t;
}

/* err is "path:line: ..." naming the line and containing what. */
static int err_is(const char *err, const char *path, int line,
                  const char *what) {
  char want[128];
  snprintf(want, sizeof want, "%s:%d: ", path, line);
  return strncmp(err, want, strlen(want)) == 0 && strstr(err, what) &&
         !strchr(err, '\n');
}

static void test_table_errors(void) {
  char path[64], err[256];
  ir_med_table *t;
  t = load_text("# c\nNorco\thydrocodone\t1\tmg\nfoo\tbar\t1\n", path, err,
                sizeof err);
  CHECK(!t && err_is(err, path, 3, "at least 4"));
  t = load_text("Norco\thydrocodone\tx\tmg\n", path, err, sizeof err);
  CHECK(!t && err_is(err, path, 1, "bad factor"));
  t = load_text("\nNorco\thydrocodone\t1\tml\n", path, err, sizeof err);
  CHECK(!t && err_is(err, path, 2, "unknown unit"));
  t = load_text("Norco\thydrocodone\t1\tmg\nNORCO\thydrocodone\t1\tmg\n", path,
                err, sizeof err);
  CHECK(!t && err_is(err, path, 2, "already on line 1"));
  t = load_text("m\tmethadone\t4<=20,2<=10,12\tmg\n", path, err, sizeof err);
  CHECK(!t && err_is(err, path, 1, "bad factor"));
  t = load_text("T3\tcodeine\t0.15\tmg\t-5\n", path, err, sizeof err);
  CHECK(!t && err_is(err, path, 1, "bad strength"));
  t = load_text("a\tb\t1\tmg\t-\tXR\n", path, err, sizeof err);
  CHECK(!t && err_is(err, path, 1, "bad release"));
  t = load_text("a\tb\t1\tmg\t-\tER\tmore\n", path, err, sizeof err);
  CHECK(!t && err_is(err, path, 1, "at most 6"));
  t = load_text("# only comments\n", path, err, sizeof err);
  CHECK(!t && strstr(err, "no entries"));
  CHECK(ir_med_load("/nonexistent/drugs.tsv", err, sizeof err) == NULL);
  CHECK(strncmp(err, "/nonexistent/drugs.tsv: ", 24) == 0);
  /* a good one: tiers, an implied strength, a release */
  t = load_text("m\tmethadone\t4<=20,8\tmg\nT3\tcodeine\t0.15\tmg\t30\t-\n"
                "x\toxycodone\t1.5\tmg\t-\tER\n",
                path, err, sizeof err);
  CHECK(t && ir_med_rows(t) == 3);
  ir_med_free(t);
}

/* The table is read-only after loading: threads scan it at once. */
static void *worker(void *arg) {
  ir_arena a;
  ir_arena_init(&a);
  double sum = 0;
  for (int i = 0; i < 200; i++) {
    ir_med_dose *d;
    const char *s = "Norco 10/325 q4-6h, OxyContin 20 mg BID, fentanyl 25 "
                    "mcg/hr q72h";
    size_t n = ir_med_scan(T, &a, s, 0, strlen(s), &d);
    sum += ir_med_total(&a, d, n, NULL);
    ir_arena_reset(&a);
  }
  ir_arena_free(&a);
  *(double *)arg = sum;
  return NULL;
}

static void test_threads(void) {
  pthread_t th[4];
  double sums[4] = {0};
  for (int i = 0; i < 4; i++)
    pthread_create(&th[i], NULL, worker, &sums[i]);
  for (int i = 0; i < 4; i++)
    pthread_join(th[i], NULL);
  for (int i = 0; i < 4; i++)
    CHECK_NUM(sums[i], 200 * 180.0);
}

int main(void) {
  char err[256];
  ir_arena_init(&A);
  T = ir_med_load(TABLE, err, sizeof err);
  if (!T) {
    fprintf(stderr, "cannot load %s: %s\n", TABLE, err);
    return 1;
  }
  CHECK(ir_med_rows(T) > 60);
  test_sig_forms();
  test_quantity();
  test_brands();
  test_patches();
  test_methadone();
  test_totals();
  test_stated();
  test_registers();
  test_table_errors();
  test_threads();
  ir_med_free(T);
  ir_arena_free(&A);
  return check_report();
}
