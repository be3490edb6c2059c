/* test_textscan.c - edge cases of the fast text scans in normalize, layout,
 * segment (label search, line kinds), conclusion (word classes, sentence
 * traits, long sentences) and dates: the answers the slower, straightforward
 * scans gave (expected values recorded from them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "letter/segment.h"
#include "text/text.h"

/* the layout tables every normalization reads (an engine owns them) */
static ir_layout_tables *LT;
/* the compiled segmenter (an engine owns one) */
static ir_segmenter *SG;

/* ---- helpers ------------------------------------------------------------- */

static char *repeat(const char *pre, const char *unit, int n,
                    const char *post) {
  size_t ul = strlen(unit), pl = strlen(pre), ql = strlen(post);
  char *b = malloc(pl + ul * (size_t)n + ql + 1), *p = b;
  memcpy(p, pre, pl);
  p += pl;
  for (int i = 0; i < n; i++, p += ul)
    memcpy(p, unit, ul);
  memcpy(p, post, ql + 1);
  return b;
}

static ir_conclusion conc(const char *s, size_t *cs, size_t *ce) {
  return ir_conclusion_of(SG, s, strlen(s), cs, ce);
}

static const char *layout(const char *s) {
  return ir_layout_name(
      ir_detect_layout(LT, (const unsigned char *)s, strlen(s)));
}

static const char *date(const char *s, size_t *used) {
  static char out[11];
  *used = ir_scan_date(s, strlen(s), out);
  return *used ? out : NULL;
}

/* Segments s as normalized text (one verbatim map run). */
static int seg_text(ir_arena *a, ir_letter *l, const char *s) {
  memset(l, 0, sizeof *l);
  size_t n = strlen(s);
  l->text.orig = (const unsigned char *)s;
  l->text.orig_len = n;
  l->text.norm = ir_arena_strndup(a, s, n);
  l->text.norm_len = n;
  l->text.runs = ir_arena_alloc(a, sizeof *l->text.runs);
  l->text.runs[0].nlen = l->text.runs[0].olen = (uint32_t)n;
  l->text.runs[0].verbatim = 1;
  l->text.nruns = 1;
  return ir_segment(SG, a, l);
}

#define NEC IR_CONC_NECESSARY
#define NOT IR_CONC_NOT_NECESSARY
#define UNK IR_CONC_UNKNOWN

/* ---- conclusions ----------------------------------------------------------
 */

static void test_conclusion_words(void) {
  static const struct {
    const char *s;
    ir_conclusion c;
    size_t cs, ce;
  } t[] = {
      {"THE REQUEST IS NOT MEDICALLY NECESSARY.", NOT, 0, 39},
      {"It isn't indicated for this patient.", NOT, 0, 36},
      {"The injection can't be recommended.", NOT, 0, 35},
      {"The request is no longer medically necessary.", NOT, 0, 45},
      {"The treatment is not only appropriate but necessary.", NEC, 0, 52},
      {"According to MTUS guidelines, injections are not recommended. The "
       "request is medically necessary.",
       NEC, 62, 97},
      {"The patient has had many years of pain and per the guideline it is "
       "not recommended.",
       NOT, 0, 83},
      {"Utilization review found the request not medically necessary. The "
       "request is medically necessary.",
       NEC, 62, 97},
      {"The request would be indicated if the patient had failed therapy.", NEC,
       0, 65},
      {"Medical necessity has not been established.", NOT, 0, 43},
      {"Efficacy has not been established for this condition.", UNK, 0, 0},
      {"There is no indication for the requested injections.", NOT, 0, 52},
      {"There is no indication that he has radiculopathy.", UNK, 0, 0},
      /* a word runs on into non-ASCII bytes: no verdict word */
      {"The request is medically necessary\xc3\xa9.", UNK, 0, 0},
      /* a word longer than any listed word */
      {"The request is medically supercalifragilisticexpialidocious "
       "necessary.",
       NEC, 0, 70},
      {"The request is NON-CERTIFIED.", NOT, 0, 29},
      {"The prior reviewer's denial is upheld. The request is not medically "
       "necessary.",
       NOT, 39, 78},
      {"The request is medically necessary-- and appropriate.", NEC, 0, 53},
      {"Ongoing use of the medication is not supported by the evidence-based "
       "guidelines.",
       NOT, 0, 80},
      {"The treatment: necessary. Not medically necessary.", NOT, 26, 50},
      {"It is recommended (not) and it is warranted.", NEC, 0, 44},
      {"No. 5 is denied. The request for the proposed procedure is "
       "authorized.",
       NEC, 17, 70},
  };
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    size_t cs = 99, ce = 99;
    ir_conclusion c = conc(t[i].s, &cs, &ce);
    CHECK_INT(c, t[i].c);
    CHECK_INT(cs, t[i].cs);
    CHECK_INT(ce, t[i].ce);
    if (c != t[i].c)
      fprintf(stderr, "  in: %s\n", t[i].s);
  }
}

static void test_conclusion_long(void) {
  size_t cs, ce;
  /* more words than one window holds */
  char *s =
      repeat("", "word ", 600, "so the request is not medically necessary.");
  CHECK_INT(conc(s, &cs, &ce), NOT);
  CHECK_INT(ce, 3042);
  free(s);
  /* a sentence longer than 2 KiB */
  s = repeat("The request is medically necessary ", "and more ", 400, "today.");
  CHECK_INT(conc(s, &cs, &ce), NEC);
  CHECK_INT(ce, 3641);
  free(s);
  s = repeat("The request is not medically necessary ", "if ", 700, "ok.");
  CHECK_INT(conc(s, &cs, &ce), NOT);
  free(s);
  /* a hypothetical positive far from its condition */
  s = repeat("The request would be indicated ", "x", 3000, " pending review.");
  CHECK_INT(conc(s, &cs, &ce), NEC);
  CHECK_INT(ce, 3047);
  free(s);
  s = repeat("It is not ", "medically ", 20, "necessary.");
  CHECK_INT(conc(s, &cs, &ce), NOT);
  free(s);
}

/* ---- labels ----------------------------------------------------------------
 */

typedef struct {
  const char *letter;
  const char *ca, *mx;
  size_t rs, re;
  ir_conclusion c;
} label_case;

static void test_labels(void) {
  static const label_case t[] = {
      /* spaces inside and before the colon, plural */
      {"Knee MRI: Upheld\nClaims  Administrator   guidelines : Foo.\nMAXIMUS "
       "guideline: Bar.\nDecision rationale: The request is not medically "
       "necessary.\n",
       "Foo.", "Bar.", 103, 142, NOT},
      /* labels run on in the title line */
      {"Knee MRI: Upheld Claims Administrator guideline: A. MAXIMUS "
       "guideline: B. Decision rationale: The request is not medically "
       "necessary.\n",
       "A.", "B.", 94, 133, NOT},
      /* inside a word no label; the first listed kind wins */
      {"Knee MRI: Upheld\nxClaims Administrator guideline: A.\nExpert "
       "Reviewer guideline: X.\nMAXIMUS guideline: Y.\nDecision rationale: "
       "It is medically necessary.\n",
       NULL, "X.", 125, 151, NEC},
      {"Knee MRI: Upheld\nNotes: the IMR guideline: MTUS.\nDecision   "
       "Rationale  :  The request is not medically necessary.\n",
       NULL, "MTUS.", 74, 113, NOT},
      /* no colon after the label; a doubled colon */
      {"Knee MRI: Upheld\nClaims Administrator guideline\nMAXIMUS "
       "guideline:: X\nDECISION RATIONALE: it is not medically necessary\n",
       NULL, ": X", 90, 119, NOT},
      {"Knee MRI: Upheld\n: Claims Administrator guideline:\n1claims "
       "administrator guideline: no\nDecision rationale:\n",
       "", NULL, 107, 107, UNK},
  };
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    ir_arena a;
    ir_arena_init(&a);
    ir_letter l;
    CHECK_INT(seg_text(&a, &l, t[i].letter), 0);
    CHECK_INT(l.items.n, 1);
    if (l.items.n) {
      ir_item *it = &l.items.v[0];
      CHECK_STR(it->guideline_ca, t[i].ca);
      CHECK_STR(it->guideline_maximus, t[i].mx);
      CHECK_INT(it->rat_start, t[i].rs);
      CHECK_INT(it->rat_end, t[i].re);
      CHECK_INT(it->conclusion, t[i].c);
    }
    ir_arena_free(&a);
  }
  /* the labels of one item do not reach into the next */
  ir_arena a;
  ir_arena_init(&a);
  ir_letter l;
  CHECK_INT(seg_text(&a, &l,
                     "Knee MRI: Upheld\nCLAIMS ADMINISTRATOR GUIDELINE: A: "
                     "B\nmaximus guidelines: C\ndecision rationale: The "
                     "request is medically necessary.\nLumbar ESI: "
                     "Overturned\nDecision rationale: The request is "
                     "medically necessary.\n"),
            0);
  CHECK_INT(l.items.n, 2);
  if (l.items.n == 2) {
    CHECK_STR(l.items.v[0].guideline_ca, "A: B");
    CHECK_STR(l.items.v[0].guideline_maximus, "C");
    CHECK_STR(l.items.v[1].guideline_ca, NULL);
    CHECK_STR(l.items.v[1].guideline_maximus, NULL);
    CHECK_INT(l.items.v[1].rat_start, 175);
    CHECK_INT(l.items.v[1].rat_end, 210);
  }
  ir_arena_free(&a);
}

/* ---- layout ----------------------------------------------------------------
 */

static void test_layout_edges(void) {
  /* markup or markers cut by the end of the text */
  CHECK_STR(layout("#"), "unknown");
  CHECK_STR(layout("**"), "unknown");
  CHECK_STR(layout("<b"), "unknown");
  CHECK_STR(layout("abc\n**x"), "unknown");
  CHECK_STR(layout("x documents reviewed"), "unknown");
  CHECK_STR(layout("***A***\n"), "unknown");
  CHECK_STR(layout("<bx>y</bx>"), "unknown");
  CHECK_STR(layout("\n#head\n## Head\n"), "unknown");
  CHECK_STR(layout("# A\n# B\n"), "markup");
  CHECK_STR(layout("**A**\n**B**\n**C**\n**D**\n"), "markup");
  CHECK_STR(layout("<B>x</B>"), "markup");
  /* markers in any case, whitespace runs inside */
  CHECK_STR(layout("MAXIMUS  FEDERAL\n SERVICES,\tINC and IMR DECISION(S) "
                   "AND RATIONALE(S)"),
            "maximus-header");
  CHECK_STR(layout("medical professional review\nissue at dispute:\ncase "
                   "summary:"),
            "professional-review");
  CHECK_STR(layout("Medical Reviewer Qualifications: x\nRATIONALE FOR WHY "
                   "THE REQUESTED TREATMENT/SERVICE"),
            "professional-review");
  /* near the top a marker weighs more */
  char *s =
      repeat("maximus federal services, inc\n", "filler text line\n", 100, "");
  CHECK_STR(layout(s), "maximus-header");
  free(s);
  s = repeat("", "filler text line\n", 600, "maximus federal services, inc\n");
  CHECK_STR(layout(s), "unknown");
  free(s);
  s = repeat("", "filler text line\n", 600,
             "imr decision(s) and rationale(s)\n");
  CHECK_STR(layout(s), "maximus-header");
  free(s);
  /* only the first MiB is searched; a marker across its end is not seen */
  s = repeat("", "x", 1024 * 1024 - 40, "imr decision(s) and rationale(s)");
  CHECK_STR(layout(s), "maximus-header");
  free(s);
  s = repeat("", "x", 1024 * 1024 - 20, "imr decision(s) and rationale(s)");
  CHECK_STR(layout(s), "unknown");
  free(s);
}

/* ---- normalization ------------------------------------------------------- */

static void test_normalize_runs(void) {
  static const struct {
    const char *in, *out; /* out NULL: rejected as binary */
    size_t runs;
  } t[] = {
      {"Line one  two   three\r\nnext line\tx\r\n",
       "Line one two three next line x\n", 8},
      {"a\x01\x02\x03\x04\x05 text\n", NULL, 0},
      {"\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f"
       "ab",
       NULL, 0},
      {"treat-\nment and q4-\n6hrs\n", "treatment and q4-6hrs\n", 4},
      {"ABC: DEF\nCase Number: CM1\nDecision rationale: x y z\n",
       "ABC: DEF\nCase Number: CM1\nDecision rationale: x y z\n", 6},
      {"Management.The end.\n", "Management. The end.\n", 4},
      {"  lead\n\n\ntrail  \n", "lead\ntrail\n", 4},
      {"A B C D E F G H I J K L M N O P Q R S T U V W X Y Z A B C D E F G H I "
       "J K L M N O P Q R S T U V W X Y Z A B C\n",
       "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z A B C D E F G H I "
       "J K L M N O P Q R S T U V W X Y Z A B C\n",
       2},
  };
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    ir_arena a;
    ir_arena_init(&a);
    ir_text tx;
    const char *err = NULL;
    int rc = ir_text_normalize(LT, &a, (const unsigned char *)t[i].in,
                               strlen(t[i].in), &tx, &err);
    CHECK_INT(rc, t[i].out ? 0 : -1);
    if (!rc) {
      CHECK_STR(tx.norm, t[i].out);
      CHECK_INT(tx.nruns, t[i].runs);
    }
    ir_arena_free(&a);
  }
}

/* ---- dates -----------------------------------------------------------------
 */

static void test_month_names(void) {
  static const struct {
    const char *in, *iso;
    size_t used;
  } t[] = {
      {"Sept. 3, 2012", "2012-09-03", 13},
      {"Sep 3 2012", "2012-09-03", 10},
      {"SEPTEMBER 3, 2012", "2012-09-03", 17},
      {"Septe 3 2012", NULL, 0},
      {"Mayday 1, 2010", NULL, 0},
      {"Ma 1 2010", NULL, 0},
      {"3 Jun. 2014", "2014-06-03", 11},
      {"18 Febr 2009", NULL, 0},
      {"Marc 3, 2012", NULL, 0},
      {"December 31 1999", "1999-12-31", 16},
      {"dec 31 1999", "1999-12-31", 11},
      {"may 5, 2011", "2011-05-05", 11},
      {"MAY 5 2011", "2011-05-05", 10},
      {"Jun 31, 2011", NULL, 0},
      {"Feb 29, 2012", "2012-02-29", 12},
      {"Feb 29, 2013", NULL, 0},
      {"Augusta 3, 2012", NULL, 0},
      {"Jul 4th, 2011", "2011-07-04", 13},
      {"4th July 2011", "2011-07-04", 13},
      {"Oct.12, 2010", "2010-10-12", 12},
      {"Nov 1 201", NULL, 0},
      {"Janu 5, 2010", NULL, 0},
      {"jan. 5, 2010", "2010-01-05", 12},
      {"juL 5, 2010", "2010-07-05", 11},
      {"Apr 2, 2010x", NULL, 0},
      {"2 April, 2010", "2010-04-02", 13},
      {"Dec", NULL, 0},
      {"J", NULL, 0},
      {"", NULL, 0},
  };
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    size_t used = 99;
    CHECK_STR(date(t[i].in, &used), t[i].iso);
    CHECK_INT(used, t[i].used);
  }
  char out[11];
  CHECK_INT(ir_scan_date("January 5, 2010", 2, out), 0); /* cut short */
  CHECK_INT(ir_scan_date("Jan 5, 2010", 3, out), 0);
}

int main(void) {
  LT = ir_layout_tables_new();
  if (!LT)
    return 1;
  char err[256];
  SG = ir_segmenter_new(err, sizeof err);
  if (!SG) {
    fprintf(stderr, "%s\n", err);
    return 1;
  }
  test_conclusion_words();
  test_conclusion_long();
  test_labels();
  test_layout_edges();
  test_normalize_runs();
  test_month_names();
  ir_layout_tables_free(LT);
  ir_segmenter_free(SG);
  return check_report();
}
