/* test_lexicon.c - lexicon file format, errors with file:line, matching of
 * literal phrases across spaces/newlines, and the shipped rules/lexicon. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lexicon.h"

static int load(const char *text, char *err, size_t n, ir_lexicon **out) {
  ir_lexicon *lx = ir_lexicon_new();
  err[0] = 0;
  int rc = ir_lexicon_add(lx, "t.lex", text, strlen(text), err, n);
  if (rc == 0)
    rc = ir_lexicon_compile(lx, err, n);
  if (rc != 0 || !out)
    ir_lexicon_free(lx);
  else
    *out = lx;
  return rc;
}

/* Does section sec match subject? Returns match start or -1. */
static long match(const ir_lexicon *lx, int sec, const char *subject,
                  long *end) {
  const pcre2_code *c = ir_lexicon_code(lx, sec);
  if (!c)
    return -1;
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(c, NULL);
  int rc = pcre2_match(c, (PCRE2_SPTR)subject, strlen(subject), 0, 0, md, NULL);
  long s = -1;
  if (rc >= 0) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    s = (long)ov[0];
    if (end)
      *end = (long)ov[1];
  }
  pcre2_match_data_free(md);
  return s;
}

static void test_errors(void) {
  char err[256];
  CHECK(load("[twitch]\nlocal twitch\n", err, sizeof err, NULL) == 0);
  CHECK(load("# c\n\n[nosuch]\nx\n", err, sizeof err, NULL) != 0);
  CHECK(strstr(err, "t.lex:3:") && strstr(err, "unknown section"));
  CHECK(load("twitch\n", err, sizeof err, NULL) != 0);
  CHECK(strstr(err, "t.lex:1:") && strstr(err, "before any"));
  CHECK(load("[twitch]\n/abc\n", err, sizeof err, NULL) != 0);
  CHECK(strstr(err, "t.lex:2:") && strstr(err, "unterminated"));
  CHECK(load("[twitch]\nok\n/a(b/\n", err, sizeof err, NULL) != 0);
  CHECK(strstr(err, "t.lex:3:") && strstr(err, "bad regex"));
  CHECK(load("[twitch]\n/x*/\n", err, sizeof err, NULL) != 0);
  CHECK(strstr(err, "empty string") != NULL);
  CHECK(load("[twitch\nx\n", err, sizeof err, NULL) != 0);
  CHECK(strstr(err, "t.lex:1:") != NULL);
  CHECK(load("[twitch]\n//\n", err, sizeof err, NULL) != 0);
}

static void test_matching(void) {
  char err[256];
  ir_lexicon *lx = NULL;
  CHECK(load("[twitch]\nlocal twitch\ntwitch response\njump sign\n"
             "[radiculopathy]\nradicul*\n[injectate_steroid]\nDepo-Medrol\n"
             "[count]\n/\\bx\\s*(\\d+)/\n[nsaid]\nNSAID*\n(a.b)\n",
             err, sizeof err, &lx) == 0);
  if (!lx)
    return;
  long e = 0;
  CHECK(match(lx, IR_LEX_TWITCH, "a Local\n  Twitch was", &e) == 2);
  CHECK_INT(e, 16);
  CHECK(match(lx, IR_LEX_TWITCH, "localtwitch", NULL) == -1);
  CHECK(match(lx, IR_LEX_TWITCH, "JUMP SIGN", NULL) == 0);
  CHECK(match(lx, IR_LEX_RADIC, "radiculitis", NULL) == 0);
  CHECK(match(lx, IR_LEX_RADIC, "nonradicular", NULL) == -1);
  CHECK(match(lx, IR_LEX_INJ_STEROID, "depo medrol", NULL) == 0);
  CHECK(match(lx, IR_LEX_INJ_STEROID, "DepoMedrol", NULL) == 0);
  CHECK(match(lx, IR_LEX_NUM, "TPI x 3", NULL) == 4);
  CHECK(match(lx, IR_LEX_NSAID, "NSAIDs", NULL) == 0);
  /* literal metacharacters are escaped */
  CHECK(match(lx, IR_LEX_NSAID, "(a.b)", NULL) == 0);
  CHECK(match(lx, IR_LEX_NSAID, "(axb)", NULL) == -1);
  CHECK(ir_lexicon_code(lx, IR_LEX_REFERRED) == NULL);
  CHECK_INT(ir_lexicon_terms(lx, IR_LEX_TWITCH), 3);
  ir_lexicon_free(lx);
}

static void test_names(void) {
  CHECK_STR(ir_lex_name(IR_LEX_NEG_PRE), "negation_pre");
  CHECK_INT(ir_lex_from_name("citation_pre", 12), IR_LEX_CITE_PRE);
  CHECK_INT(ir_lex_from_name("count", 5), IR_LEX_NUM);
  CHECK_INT(ir_lex_from_name("bogus", 5), -1);
}

static void test_shipped(void) {
  char err[512];
  ir_lexicon *lx = ir_lexicon_new();
  int rc = ir_lexicon_add_dir(lx, "rules", err, sizeof err);
  if (rc == 0)
    rc = ir_lexicon_compile(lx, err, sizeof err);
  if (rc)
    fprintf(stderr, "shipped lexicon: %s\n", err);
  CHECK(rc == 0);
  static const int need[] = {
      IR_LEX_TPI,      IR_LEX_TWITCH,      IR_LEX_REFERRED,   IR_LEX_CHRONIC,
      IR_LEX_PT,       IR_LEX_NSAID,       IR_LEX_MR,         IR_LEX_RADIC,
      IR_LEX_INJ_LA,   IR_LEX_INJ_STEROID, IR_LEX_INJ_NSAID,  IR_LEX_NEG_PRE,
      IR_LEX_NEG_POST, IR_LEX_PSEUDO,      IR_LEX_TERMINATOR, IR_LEX_HYPO,
      IR_LEX_ATTRIB,   IR_LEX_FAILED,      IR_LEX_NOT_TRIED,  IR_LEX_CITE_PRE};
  for (size_t i = 0; rc == 0 && i < sizeof need / sizeof *need; i++)
    CHECK(ir_lexicon_code(lx, need[i]) != NULL);
  if (rc == 0) {
    CHECK(match(lx, IR_LEX_MR, "tried Fexmid", NULL) == 6);
    CHECK(match(lx, IR_LEX_NSAID, "Anaprox DS", NULL) == 0);
    CHECK(match(lx, IR_LEX_INJ_BOTULINUM, "Botox", NULL) == 0);
    CHECK(match(lx, IR_LEX_INJ_OTHER, "Sarapin", NULL) == 0);
    CHECK(match(lx, IR_LEX_PSEUDO, "not only", NULL) == 0);
  }
  ir_lexicon_free(lx);
  lx = ir_lexicon_new();
  CHECK(ir_lexicon_add_dir(lx, "/nonexistent-dir", err, sizeof err) != 0);
  CHECK(strstr(err, "no *.lex") != NULL);
  ir_lexicon_free(lx);
}

int main(void) {
  test_errors();
  test_matching();
  test_names();
  test_shipped();
  return check_report();
}
