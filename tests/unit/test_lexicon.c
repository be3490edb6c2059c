/* test_lexicon.c - lexicon file format, errors with file:line, matching of
 * literal phrases across spaces/newlines, and the shipped rules/lexicon. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "nlp/lexicon.h"

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

/* Prefilter: which fragments a text makes candidates. */
static void test_prefilter(void) {
  char err[256];
  ir_lexicon *lx = NULL;
  CHECK(load("[twitch]\nlocal twitch\n/\\bjump(?:ing)?\\s+sign/\n"
             "[nsaid]\n/\\b(?:he|she)\\b/\n/(?<=no\\s)pain/\n/\\bfoo(?=bar)/\n"
             "[count]\n/\\b[LS][1-5]\\b/\n"
             "[referred_pain]\n/(?:abc)?xyz/\n[acute]\n/\\Gqq/\n",
             err, sizeof err, &lx) == 0);
  if (!lx)
    return;
  size_t nf = ir_lexicon_nfrags(lx);
  CHECK_INT(nf, 8);
  CHECK(ir_lexicon_scratch(lx) <= 256);
  uint8_t seen[256] = {0};
  size_t tw = ir_lexicon_frag_base(lx, IR_LEX_TWITCH);
  size_t ns = ir_lexicon_frag_base(lx, IR_LEX_NSAID);
  size_t cn = ir_lexicon_frag_base(lx, IR_LEX_NUM);
  /* fragments are in matching order: longest regex first */
  ir_secmask m = ir_lexicon_scan(lx, "nothing", 7, seen);
  /* a small class is a literal set (l1..l5, s1..s5); \G: always */
  CHECK(m == IR_SEC_BIT(IR_LEX_ACUTE));
  CHECK(seen[cn] == 0 && seen[tw] == 0 && seen[tw + 1] == 0);
  m = ir_lexicon_scan(lx, "at L4.", 6, seen);
  CHECK(seen[cn] == 1 && (m >> IR_LEX_NUM & 1));
  m = ir_lexicon_scan(lx, "s5", 2, seen); /* the sentence's edges count */
  CHECK(seen[cn] == 1);
  m = ir_lexicon_scan(lx, "xl4 l45 L6", 10, seen); /* \b on both sides */
  CHECK(seen[cn] == 0);
  m = ir_lexicon_scan(lx, "a LOCAL  Twitch", 15, seen);
  CHECK(m >> IR_LEX_TWITCH & 1);
  CHECK(seen[tw] + seen[tw + 1] == 1);
  m = ir_lexicon_scan(lx, "JUMPING sign", 12, seen);
  CHECK(seen[tw] + seen[tw + 1] == 1);
  /* every required literal must be there */
  m = ir_lexicon_scan(lx, "twitch; jump", 12, seen);
  CHECK(seen[tw] + seen[tw + 1] == 0 && !(m >> IR_LEX_TWITCH & 1));
  /* whitespace-separated words are one literal: "local twitch" */
  m = ir_lexicon_scan(lx, "sign of a local jump twitch", 27, seen);
  CHECK(seen[tw] + seen[tw + 1] == 0);
  m = ir_lexicon_scan(lx, "local twitch, jumping  sign", 27, seen);
  CHECK(seen[tw] + seen[tw + 1] == 2);
  m = ir_lexicon_scan(lx, "nothing", 7, seen); /* no state left over */
  CHECK(seen[tw] + seen[tw + 1] == 0);
  m = ir_lexicon_scan(lx, "she", 3, seen);
  CHECK(m >> IR_LEX_NSAID & 1);
  CHECK(seen[ns] + seen[ns + 1] + seen[ns + 2] == 1);
  /* a lookbehind's literals are not required (it may look before the
   * sentence), a positive lookahead's are */
  m = ir_lexicon_scan(lx, "no pain; foo", 12, seen);
  CHECK(seen[ns] + seen[ns + 1] + seen[ns + 2] == 1);
  m = ir_lexicon_scan(lx, "no pain; foobar", 15, seen);
  CHECK(seen[ns] + seen[ns + 1] + seen[ns + 2] == 2);
  m = ir_lexicon_scan(lx, "he", 2, seen); /* "he" alone is not "she" */
  CHECK(seen[ns] + seen[ns + 1] + seen[ns + 2] == 1);
  /* \b(?:he|she)\b: "he" inside "the" or "shed" is no candidate */
  m = ir_lexicon_scan(lx, "the shed", 8, seen);
  CHECK(seen[ns] + seen[ns + 1] + seen[ns + 2] == 0);
  m = ir_lexicon_scan(lx, "of-he_", 6, seen); /* '_' is a word byte */
  CHECK(seen[ns] + seen[ns + 1] + seen[ns + 2] == 0);
  m = ir_lexicon_scan(lx, "(HE)", 4, seen);
  CHECK(seen[ns] + seen[ns + 1] + seen[ns + 2] == 1);
  CHECK(!(ir_lexicon_scan(lx, "xy", 2, seen) >> IR_LEX_REFERRED & 1));
  CHECK(ir_lexicon_scan(lx, "XYZ", 3, seen) >> IR_LEX_REFERRED & 1);
  /* \G is not understood: that section is matched whole */
  CHECK(ir_lexicon_frag_code(lx, IR_LEX_ACUTE, 0) == NULL);
  CHECK(ir_lexicon_frag_code(lx, IR_LEX_REFERRED, 0) != NULL);
  CHECK(ir_lexicon_frag_code(lx, IR_LEX_TWITCH, 0) != NULL);
  CHECK(ir_lexicon_frag_code(lx, IR_LEX_TWITCH, 2) == NULL);
  ir_lexicon_free(lx);
}

/* One fragment: is it a candidate in t, and its match bound. */
static int cand1(const char *frag, const char *t, size_t *last) {
  char text[512], err[256];
  snprintf(text, sizeof text, "[twitch]\n%s\n", frag);
  ir_lexicon *lx = NULL;
  if (load(text, err, sizeof err, &lx) != 0 || !lx)
    return -1;
  uint8_t *seen = calloc(ir_lexicon_scratch(lx), 1);
  ir_lexicon_scan(lx, t, strlen(t), seen);
  int r = seen[0];
  if (last)
    *last = ir_lexicon_frag_last(lx, seen, 0);
  free(seen);
  ir_lexicon_free(lx);
  return r;
}

/* One fragment: the start of the first occurrence of its prefix in t
 * (ir_lexicon_frag_first), or -1 when it has none or is no candidate. */
static long first1(const char *frag, const char *t) {
  char text[512], err[256];
  snprintf(text, sizeof text, "[twitch]\n%s\n", frag);
  ir_lexicon *lx = NULL;
  if (load(text, err, sizeof err, &lx) != 0 || !lx)
    return -2;
  uint8_t *seen = calloc(ir_lexicon_scratch(lx), 1);
  ir_lexicon_scan(lx, t, strlen(t), seen);
  size_t end = 0, f = ir_lexicon_frag_first(lx, seen, 0, &end);
  long r = seen[0] && end ? (long)f : -1;
  free(seen);
  ir_lexicon_free(lx);
  return r;
}

/* The literal rules: classes, optional atoms, exact groups, whitespace
 * runs, word boundaries, and the bound on where a match may start. */
static void test_prefilter_rules(void) {
  size_t last = 0;
  /* \s+ and a space stand for any run of whitespace, \s* for none too */
  CHECK(cand1("/\\bno\\s+evidence\\s+of/", "no  \t\nEvidence of", NULL) == 1);
  CHECK(cand1("/\\bno\\s+evidence\\s+of/", "no proof; evidence of", NULL) == 0);
  CHECK(cand1("/\\bno\\s+evidence\\s+of/", "noevidence of", NULL) == 0);
  CHECK(cand1("local twitch", "local\r\ntwitch", NULL) == 1);
  CHECK(cand1("/\\bx\\s*(\\d)/", "x 4", NULL) == 1);
  CHECK(cand1("/\\bx\\s*(\\d)/", "x4", NULL) == 1);
  /* s? and (?:in)? give both spellings */
  CHECK(cand1("/\\binjections?\\s+(?:in)?to\\b/", "injection into", NULL) == 1);
  CHECK(cand1("/\\binjections?\\s+(?:in)?to\\b/", "Injections to", NULL) == 1);
  CHECK(cand1("/\\binjections?\\s+(?:in)?to\\b/", "injection of", NULL) == 0);
  /* [-\s]? between words */
  CHECK(cand1("trigger-point", "triggerpoint", NULL) == 1);
  CHECK(cand1("trigger-point", "trigger - point", NULL) == 0);
  CHECK(cand1("/\\btrigger[-\\s]?point/", "trigger-point", NULL) == 1);
  /* T(?:[1-9]|1[0-2]) expands; a large class does not */
  CHECK(cand1("/\\bT(?:[1-9]|1[0-2])\\b/", "T11 level", NULL) == 1);
  CHECK(cand1("/\\bT(?:[1-9]|1[0-2])\\b/", "T13 level", NULL) == 0);
  CHECK(cand1("/\\bT(?:[1-9]|1[0-2])\\b/", "ST1", NULL) == 0);
  CHECK(cand1("/\\b[a-z]+\\b/", "x", NULL) == 1);
  /* a word boundary only when the literal's edge byte is a word byte */
  CHECK(cand1("/\\b#\\s*(\\d)/", "a #3", NULL) == 1);
  CHECK(cand1("/\\b#\\s*(\\d)/", "a# 3", NULL) == 1);
  CHECK(cand1("/-\\bfoo/", "x-foo", NULL) == 1);
  CHECK(cand1("/\\bfoo\\b-/", "foo-", NULL) == 1);
  /* a lookahead after \b keeps the boundary; lookbehinds add nothing */
  CHECK(cand1("/\\bno\\b(?=\\s+x)/", "no x", NULL) == 1);
  CHECK(cand1("/\\bno\\b(?=\\s+x)/", "nox", NULL) == 0);
  CHECK(cand1("/(?<!\\bno\\s)\\bmore\\b/", "no more", NULL) == 1);
  /* optional groups and alternatives with a literal-free branch */
  CHECK(cand1("/\\b(?:he|she|it)?\\s*went\\b/", "went", NULL) == 1);
  CHECK(cand1("/\\b(?:foo|\\d+)\\b/", "7", NULL) == 1);
  /* the bound: the end of the last occurrence of each required set */
  CHECK(cand1("/\\bUR\\s+reviewer\\b/", "UR reviewer and UR reviewer", &last) ==
        1);
  CHECK_INT(last, 26);
  CHECK(cand1("/\\bno\\s+(?:\\w+\\s+)?relief\\b/", "no relief, no x", &last) ==
        1);
  CHECK_INT(last, 8); /* "relief" ends at 8, the last "no " later */
  CHECK(cand1("/\\bfoo\\s/", "a foo  b", &last) == 1);
  CHECK_INT(last, 5); /* the first byte of the whitespace run */
  CHECK(cand1("/\\s+\\w+/", "a b", &last) == 1);
  CHECK(last == (size_t)-1); /* no literal: no bound */
  /* the prefix: the run a match begins with, after \b and lookarounds
   * (zero-width; a lookbehind's literals lie before the match start) */
  CHECK_INT(first1("/\\bno\\s+relief\\b/", "a no relief"), 2);
  CHECK_INT(first1("/(?<!no )\\brelief\\b/", "no relief, relief"), 3);
  CHECK_INT(first1("/(?<=relief )pain/", "relief pain"), 7);
  CHECK_INT(first1("/(?!x)(?=\\w+ up)foo/", "foo up"), 0);
  CHECK_INT(first1("/\\w+ relief/", "good relief"), -1);
  CHECK_INT(first1("/(?:(?<=a )|(?<=b ))foo/", "a foo"), -1);
  /* a leading group's prefix: the union of its alternatives' leading
   * runs (\d of \d{1,2}; \b inside or before the group kept) */
  CHECK_INT(first1("/\\b(\\d{1,2}|one|two)\\s+sites\\b/", "at 12 sites"), 3);
  CHECK_INT(first1("/\\b(\\d{1,2}|one|two)\\s+sites\\b/", "none two sites"), 5);
  CHECK(cand1("/\\b(\\d{1,2}|one|two)\\s+sites\\b/", "many sites", NULL) == 0);
  CHECK_INT(first1("/\\b(?:one|two+)\\s+x/", "alone twoo x"), 6);
  CHECK_INT(first1("/(?:\\bwith|\\bdue to)\\s+pain/", "a: with pain"), 3);
  CHECK_INT(first1("/(?:\\bwith|\\bdue to)\\s+pain/", "forthwith pain"), -1);
  CHECK_INT(first1("/(?:(?=\\w)with|due+)\\s+pain/", "a due pain"), 2);
  CHECK_INT(first1("/(?:\\bwith|\\bfor+)?\\s*pain/", "with pain"), -1);
  /* a prefix is kept even when short (":" of the set {"with", ":"}) */
  CHECK_INT(
      first1("/(?:\\bwith|:)\\s+(?:mild|severe)\\s+pain/", "x: mild pain"), 1);
  CHECK_INT(first1("/(?:\\bwith|\\w+)\\s+pain/", "with pain"), -1);
}

/* All matches of the section as one pattern, packed as start/end pairs. */
static size_t whole_hits(const ir_lexicon *lx, int sec, const char *t, size_t n,
                         pcre2_match_data *md, size_t *out, size_t max) {
  const pcre2_code *c = ir_lexicon_code(lx, sec);
  size_t k = 0, off = 0;
  while (c && off < n && k + 2 <= max) {
    if (pcre2_match(c, (PCRE2_SPTR)t, n, off, 0, md, NULL) < 0)
      break;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    out[k++] = ov[0];
    out[k++] = ov[1];
    off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
  }
  return k;
}

/* The same through the candidate fragments: leftmost, lowest on a tie. */
static size_t frag_hits(const ir_lexicon *lx, int sec, const uint8_t *seen,
                        const char *t, size_t n, pcre2_match_data *md,
                        size_t *out, size_t max) {
  size_t base = ir_lexicon_frag_base(lx, sec), nt = ir_lexicon_terms(lx, sec);
  size_t k = 0, off = 0;
  while (off < n && k + 2 <= max) {
    size_t bs = (size_t)-1, be = 0;
    for (size_t j = 0; j < nt; j++) {
      if (!seen[base + j] ||
          pcre2_match(ir_lexicon_frag_code(lx, sec, j), (PCRE2_SPTR)t, n, off,
                      0, md, NULL) < 0)
        continue;
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
      if (ov[0] < bs)
        bs = ov[0], be = ov[1];
    }
    if (bs == (size_t)-1)
      break;
    out[k++] = bs;
    out[k++] = be;
    off = be > bs ? be : bs + 1;
  }
  return k;
}

/* On the shipped lexicon and real letters, matching only the candidate
 * fragments finds exactly what the whole sections find. */
static void test_prefilter_equivalent(void) {
  char err[512];
  ir_lexicon *lx = ir_lexicon_new();
  if (ir_lexicon_add_dir(lx, "rules", err, sizeof err) != 0 ||
      ir_lexicon_compile(lx, err, sizeof err) != 0) {
    ir_lexicon_free(lx);
    CHECK(0);
    return;
  }
  static const char *const files[] = {
      "cases/002_f7fec690ca28e43d.txt",
      "cases/maximus_no_twitch_no_referred_pain_documented.txt",
      "cases/pdf_multi_five_items_esi_mri_tpi_visit_tizanidine.txt",
      "tests/unit/test_lexicon.c",
      "rules/lexicon/facts.lex",
      "rules/lexicon/scope.lex"};
  uint8_t *seen = calloc(ir_lexicon_scratch(lx), 1);
  pcre2_match_data *md = pcre2_match_data_create(32, NULL);
  static size_t a[512], b[512];
  size_t lines = 0, bad = 0;
  for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
    FILE *fp = fopen(files[f], "r");
    char line[4096];
    while (fp && fgets(line, sizeof line, fp)) {
      size_t n = strlen(line);
      ir_secmask m = ir_lexicon_scan(lx, line, n, seen);
      lines++;
      for (int sec = 0; sec < IR_LEX_COUNT; sec++) {
        if (!ir_lexicon_frag_code(lx, sec, 0))
          continue;
        size_t na = whole_hits(lx, sec, line, n, md, a, 512);
        size_t nb = (m & IR_SEC_BIT(sec))
                        ? frag_hits(lx, sec, seen, line, n, md, b, 512)
                        : 0;
        if (na != nb || memcmp(a, b, na * sizeof *a) != 0) {
          bad++;
          fprintf(stderr, "[%s] differs on: %s", ir_lex_name(sec), line);
        }
      }
    }
    if (fp)
      fclose(fp);
  }
  CHECK(lines > 100);
  CHECK_INT(bad, 0);
  pcre2_match_data_free(md);
  free(seen);
  ir_lexicon_free(lx);
}

int main(void) {
  test_errors();
  test_matching();
  test_names();
  test_shipped();
  test_prefilter();
  test_prefilter_rules();
  test_prefilter_equivalent();
  return check_report();
}
