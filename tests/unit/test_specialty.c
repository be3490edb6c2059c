/* test_specialty.c - reviewer specialties grouped by rules/specialties.map;
 * map file errors name file:line; CSV fields neutralized for spreadsheets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "check.h"
#include "letter/specialty.h"
#include "sink/sink.h"

static const char *group(const ir_specialty_map *m, ir_arena *a,
                         const char *w) {
  return ir_specialty_group(m, a, w);
}

static void test_shipped_map(void) {
  char err[512] = "";
  ir_specialty_map *m = ir_specialty_load("rules", err, sizeof err);
  CHECK(m != NULL);
  if (!m) {
    fprintf(stderr, "%s\n", err);
    return;
  }
  CHECK(ir_specialty_ngroups(m) > 5);
  ir_arena a;
  ir_arena_init(&a);
  const char *pmr = "Physical Medicine and Rehabilitation";
  CHECK_STR(group(m, &a, "Physical Medicine & Rehabilitation"), pmr);
  CHECK_STR(group(m, &a, "Physical Medicine and Rehabilitation"), pmr);
  CHECK_STR(group(m, &a,
                  "Physical Medicine & Rehabilitation, Pain "
                  "Management"),
            pmr);
  CHECK_STR(group(m, &a,
                  "Physical Medicine and Rehabilitation with a "
                  "subspecialty in Pain Medicine"),
            pmr);
  CHECK_STR(group(m, &a, "physical medicine  &  rehabilitation."), pmr);
  CHECK_STR(group(m, &a,
                  "Board Certified in Physical Medicine & "
                  "Rehabilitation"),
            pmr);
  CHECK_STR(group(m, &a, "Physical Medicine"), pmr);
  CHECK_STR(group(m, &a,
                  "Anesthesiology with a subspecialty certificate "
                  "in Pain Medicine"),
            "Anesthesiology");
  CHECK_STR(group(m, &a,
                  "Anesthesiology with a subspecialty "
                  "certification in Pain Medicine"),
            "Anesthesiology");
  CHECK_STR(group(m, &a, "Anesthesiology, Pain Medicine"), "Anesthesiology");
  CHECK_STR(group(m, &a, "Anesthesiology & Pain Medicine"), "Anesthesiology");
  CHECK_STR(group(m, &a, "Family Practice"), "Family Medicine");
  CHECK_STR(group(m, &a, "Pain Medicine"), "Pain Medicine");
  /* not in the table: its own tidied words */
  CHECK_STR(group(m, &a, "Ear, Nose & Throat"), "Otolaryngology");
  CHECK_STR(group(m, &a, "Ear, Nose & Throat, Facial Plastics"),
            "Otolaryngology");
  CHECK_STR(group(m, &a, "Dermatology, Mohs Surgery"), "Dermatology");
  CHECK_STR(group(m, &a, "Otolaryngology & Facial Plastic Surgery."),
            "Otolaryngology and Facial Plastic Surgery");
  CHECK_STR(group(m, &a, NULL), NULL);
  CHECK_STR(group(m, &a, "..."), NULL);
  ir_arena_free(&a);
  ir_specialty_free(m);
}

static int write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f)
    return -1;
  fputs(text, f);
  return fclose(f);
}

static void test_errors(void) {
  char dir[] = "/tmp/irspecXXXXXX";
  if (!mkdtemp(dir)) {
    CHECK(0);
    return;
  }
  char path[256], err[512];
  snprintf(path, sizeof path, "%s/specialties.map", dir);
  static const struct {
    const char *text, *want;
  } bad[] = {
      {"Anesthesiology\n", ":1: an entry before any [section]"},
      {"[groups]\nA = B\n[grups]\n", ":3: unknown section"},
      {"[groups]\nA = X\nB = x.\n", ":3: already in group 'A' (line 2)"},
      {"[groups]\nA = X | | Y\n", ":2: an empty variant"},
      {"# c\n[prefix]\n...\n", ":3: a phrase without a letter or digit"},
      {"[separator]\n, a\n", ":2: a separator must be punctuation"},
      {"[groups]\n = X\n", ":2: a group line needs a name"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    CHECK(write_file(path, bad[i].text) == 0);
    err[0] = 0;
    ir_specialty_map *m = ir_specialty_load(dir, err, sizeof err);
    CHECK(m == NULL);
    ir_specialty_free(m);
    if (!strstr(err, bad[i].want) || strncmp(err, path, strlen(path)) != 0)
      fprintf(stderr, "error %zu: got '%s', want '%s%s'\n", i, err, path,
              bad[i].want);
    CHECK(strstr(err, bad[i].want) != NULL);
    CHECK(strncmp(err, path, strlen(path)) == 0);
  }
  /* no map file: tidying only */
  remove(path);
  ir_specialty_map *m = ir_specialty_load(dir, err, sizeof err);
  CHECK(m != NULL && ir_specialty_ngroups(m) == 0);
  ir_arena a;
  ir_arena_init(&a);
  CHECK_STR(group(m, &a, "Physical Medicine & Rehabilitation, Pain"),
            "Physical Medicine and Rehabilitation Pain");
  ir_arena_free(&a);
  ir_specialty_free(m);
  rmdir(dir);
}

static void csv_one(const char *in, const char *safe, const char *raw) {
  ir_buf b = {0};
  ir_csv_field(&b, in, 1);
  CHECK_STR(b.p, safe);
  ir_buf_reset(&b);
  ir_csv_field_raw(&b, in, 1);
  CHECK_STR(b.p, raw);
  ir_buf_free(&b);
}

static void test_csv_injection(void) {
  csv_one("=HYPERLINK(\"http://x\",\"y\")",
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n",
          "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
  csv_one("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0\r\n",
          "+cmd|' /C calc'!A0\r\n");
  csv_one("-2+3", "'-2+3\r\n", "-2+3\r\n");
  csv_one("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0\r\n",
          "@SUM(1+1)*cmd|' /C calc'!A0\r\n");
  csv_one("\tx", "'\tx\r\n", "\tx\r\n");
  csv_one("\rx", "\"'\rx\"\r\n", "\"\rx\"\r\n");
  csv_one("a=b", "a=b\r\n", "a=b\r\n");
  csv_one("", "\r\n", "\r\n");
}

int main(void) {
  test_shipped_map();
  test_errors();
  test_csv_injection();
  return check_report();
}
