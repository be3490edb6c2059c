/* test_extract.c - the fact extractor on hand-built letters (one verbatim
 * map run, so normalized == original): facts, citations, scope, values,
 * exact evidence spans, per-item isolation, and the match limit. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "check.h"
#include "facts/extract.h"
#include "facts/extract_int.h"

ir_extractor *ir_extractor_from_text(const char *text, char *err,
                                     size_t errlen);

static ir_arena A;
static ir_extractor *X;
static ir_extract_ctx *C;

typedef struct {
  const char *summary;
  const char *titles[3];
  const char *rationales[3];
} spec;

/* Letter text: "SUMMARY\n<summary>\n" then per item "<title>\n<rationale>\n".
 */
static void build(ir_letter *l, const spec *sp) {
  memset(l, 0, sizeof *l);
  size_t cap = 16384, n = 0;
  char *t = ir_arena_alloc(&A, cap);
  n += (size_t)snprintf(t + n, cap - n, "SUMMARY\n");
  l->sum_start = n;
  n += (size_t)snprintf(t + n, cap - n, "%s", sp->summary);
  l->sum_end = n;
  t[n++] = '\n';
  size_t tb[3], te[3], rb[3], re[3];
  int k = 0;
  for (; k < 3 && sp->titles[k]; k++) {
    tb[k] = n;
    n += (size_t)snprintf(t + n, cap - n, "%s", sp->titles[k]);
    te[k] = n;
    t[n++] = '\n';
    rb[k] = n;
    n += (size_t)snprintf(t + n, cap - n, "%s", sp->rationales[k]);
    re[k] = n;
    t[n++] = '\n';
  }
  t[n] = 0;
  ir_text *tx = &l->text;
  tx->orig = (const unsigned char *)t;
  tx->orig_len = n;
  tx->norm = t;
  tx->norm_len = n;
  tx->runs = ir_arena_alloc(&A, sizeof *tx->runs);
  tx->runs[0] = (ir_map_run){0, (uint32_t)n, 0, (uint32_t)n, 1};
  tx->nruns = 1;
  l->ok = 1;
  for (int i = 0; i < k; i++) {
    ir_item it;
    memset(&it, 0, sizeof it);
    it.index = i + 1;
    it.category = strstr(sp->titles[i], "rigger") ? "tpi" : "medication";
    it.title = ir_make_evidence(&A, tx, IR_SEC_TITLE, tb[i], te[i]);
    it.nstart = tb[i];
    it.nend = re[i];
    it.rat_start = rb[i];
    it.rat_end = re[i];
    ir_vec_push(&A, &l->items, it);
  }
}

static int ev_exact(const ir_letter *l, const ir_evlist *ev) {
  for (size_t i = 0; i < ev->n; i++) {
    const ir_evidence *e = &ev->v[i];
    if (e->end <= e->start || e->end > l->text.orig_len)
      return 0;
    /* orig bytes, whitespace collapsed, equal the evidence text */
    char buf[2048];
    size_t k = 0;
    int sp = 0;
    for (size_t p = e->start; p < e->end && k + 1 < sizeof buf; p++) {
      unsigned char c = l->text.orig[p];
      if (isspace(c)) {
        sp = 1;
        continue;
      }
      if (sp && k)
        buf[k++] = ' ';
      sp = 0;
      buf[k++] = (char)c;
    }
    buf[k] = 0;
    if (strcmp(buf, e->text) != 0) {
      fprintf(stderr, "span mismatch: '%s' vs '%s'\n", buf, e->text);
      return 0;
    }
  }
  return 1;
}

static int all_exact(const ir_letter *l) {
  for (size_t i = 0; i < l->items.n; i++) {
    const ir_item *it = &l->items.v[i];
    for (size_t c = 0; c < it->nfacts; c++) {
      const ir_fact *f = &it->facts[c];
      if (!ev_exact(l, &f->affirm) || !ev_exact(l, &f->deny))
        return 0;
      if (f->status != IR_FACT_UNKNOWN && !f->affirm.n && !f->deny.n)
        return 0; /* every present/absent carries evidence */
    }
    for (size_t c = 0; c < it->cited.n; c++)
      if (!ev_exact(l, &it->cited.v[c].evidence))
        return 0;
  }
  return 1;
}

static int cited(const ir_item *it, ir_criterion c) {
  for (size_t i = 0; i < it->cited.n; i++)
    if (it->cited.v[i].criterion == (int)c)
      return 1;
  return 0;
}

/* (an item without a pack has no facts: unknown) */
static ir_status st(const ir_letter *l, int item, ir_criterion c) {
  const ir_item *it = &l->items.v[item];
  return (size_t)c < it->nfacts ? it->facts[c].status : IR_FACT_UNKNOWN;
}

static void run(ir_letter *l, const spec *sp) {
  ir_arena_reset(&A);
  build(l, sp);
  CHECK_INT(ir_extract(C, &A, l), 0);
  CHECK(all_exact(l));
}

static void test_seed004_like(void) {
  ir_letter l;
  spec sp = {
      "This gentleman sustained a work related injury on 9/26/2006. On "
      "11/12/2014 he reported chronic intermittent back pain. Straight leg "
      "test was negative and motor and sensory examinations were normal. He "
      "exhibited a palpable taut band which produced local twitch in response "
      "to pressure. He has not tried muscle relaxants. Ibuprofen was tried "
      "without relief.",
      {"Trigger Point Injection (x1) with Ketorolac: Upheld"},
      {"MTUS Guidelines recommend that only an anesthetic with/without a "
       "steroid is used. There is no Guideline support for injecting an "
       "NSAID into a trigger point. The request is not medically necessary."}};
  run(&l, &sp);
  const ir_item *it = &l.items.v[0];
  CHECK_INT(st(&l, 0, IR_CRIT_TWITCH), IR_FACT_PRESENT);
  CHECK_INT(st(&l, 0, IR_CRIT_RADICULOPATHY), IR_FACT_ABSENT);
  CHECK_INT(st(&l, 0, IR_CRIT_DURATION), IR_FACT_PRESENT);
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_MR), IR_FACT_ABSENT);
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_NSAIDS), IR_FACT_PRESENT);
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_PT), IR_FACT_UNKNOWN);
  CHECK_INT(st(&l, 0, IR_CRIT_INJECTION_COUNT), IR_FACT_PRESENT);
  CHECK_INT(it->facts[IR_CRIT_INJECTION_COUNT].ivalue, 1);
  CHECK_INT(it->facts[IR_CRIT_INJECTATE].list.n, 1);
  if (it->facts[IR_CRIT_INJECTATE].list.n)
    CHECK_STR(it->facts[IR_CRIT_INJECTATE].list.v[0], "nsaid");
  CHECK_INT(it->facts[IR_CRIT_INJECTATE].affirm.v[0].section, IR_SEC_TITLE);
  CHECK(cited(it, IR_CRIT_INJECTATE));
  CHECK(!cited(it, IR_CRIT_TWITCH));
  /* the twitch evidence is exactly the sentence, at its original offsets */
  const ir_evidence *e = &it->facts[IR_CRIT_TWITCH].affirm.v[0];
  CHECK_STR(e->text, "He exhibited a palpable taut band which produced local "
                     "twitch in response to pressure.");
  CHECK(strncmp((const char *)l.text.orig + e->start, "He exhibited", 12) == 0);
  CHECK_INT(e->section, IR_SEC_SUMMARY);
}

static void test_scope(void) {
  ir_letter l;
  spec sp = {
      "The claims administrator stated there were no palpable trigger "
      "points. It was noted that in the absence of a twitch response the "
      "request would not be indicated. If radiculopathy were present, "
      "injections would not be indicated. There was no change in his "
      "referred pain pattern. The patient has been treated with physical "
      "therapy. Pain has been present for the past 2 years.",
      {"Trigger point injections, lumbar, quantity 4: Upheld"},
      {"There is no documentation of circumscribed trigger points with a "
       "twitch response as well as referred pain. There is no evidence that "
       "the applicant has failed muscle relaxants. Criteria include failure "
       "of physical therapy, NSAIDs and muscle relaxants. The request is not "
       "medically necessary."}};
  run(&l, &sp);
  const ir_item *it = &l.items.v[0];
  CHECK_INT(st(&l, 0, IR_CRIT_TWITCH), IR_FACT_UNKNOWN);        /* attributed */
  CHECK_INT(st(&l, 0, IR_CRIT_RADICULOPATHY), IR_FACT_UNKNOWN); /* if */
  CHECK_INT(st(&l, 0, IR_CRIT_REFERRED), IR_FACT_PRESENT);      /* pseudo-neg */
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_PT), IR_FACT_UNKNOWN); /* only treated */
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_MR), IR_FACT_UNKNOWN);
  CHECK_INT(st(&l, 0, IR_CRIT_DURATION), IR_FACT_PRESENT);
  CHECK_INT(it->facts[IR_CRIT_INJECTION_COUNT].ivalue, 4);
  CHECK(cited(it, IR_CRIT_TWITCH));
  CHECK(!cited(it, IR_CRIT_REFERRED)); /* after "as well as" */
  CHECK(cited(it, IR_CRIT_FAILED_MR));
  CHECK(!cited(it, IR_CRIT_FAILED_PT)); /* a guideline recital */
  CHECK(!cited(it, IR_CRIT_FAILED_NSAIDS));
}

static void test_items_isolated(void) {
  ir_letter l;
  spec sp = {"He has chronic neck pain and chronic low back pain. In the "
             "lumbar paraspinals there were taut bands with a local twitch "
             "response. In the cervical region no twitch response was "
             "elicited.",
             {"Trigger point injections, lumbar, x3: Overturned",
              "Trigger point injections, cervical, x2: Upheld",
              "Toradol 60 mg IM: Upheld"},
             {"The lumbar criteria are met. Prior trigger point injections "
              "provided 70% relief for eight weeks with improved function.",
              "No twitch response was found in the neck. The request is not "
              "medically necessary.",
              "The Toradol injection is not medically necessary."}};
  run(&l, &sp);
  CHECK_INT(st(&l, 0, IR_CRIT_TWITCH), IR_FACT_PRESENT);
  CHECK(!l.items.v[0].facts[IR_CRIT_TWITCH].contradicted);
  CHECK_INT(st(&l, 1, IR_CRIT_TWITCH), IR_FACT_ABSENT);
  CHECK(cited(&l.items.v[1], IR_CRIT_TWITCH));
  CHECK_INT(st(&l, 0, IR_CRIT_REPEAT_RELIEF), IR_FACT_PRESENT);
  CHECK_INT(st(&l, 1, IR_CRIT_REPEAT_RELIEF), IR_FACT_UNKNOWN);
  CHECK_INT(l.items.v[0].facts[IR_CRIT_INJECTION_COUNT].ivalue, 3);
  CHECK_INT(l.items.v[1].facts[IR_CRIT_INJECTION_COUNT].ivalue, 2);
  /* an IM Toradol item is not a tpi item: no facts, and its Toradol is not
   * an injectate of the TPI items */
  CHECK_INT(l.items.v[0].facts[IR_CRIT_INJECTATE].list.n, 0);
  CHECK_INT(st(&l, 2, IR_CRIT_INJECTATE), IR_FACT_UNKNOWN);
}

/* A region word just before a term ties it to that region: "left L5
 * radiculopathy" is not the cervical item's; in "cervical and lumbar
 * radiculopathy" the nearest word ("lumbar") qualifies it. */
static void test_term_regions(void) {
  ir_letter l;
  spec sp = {"Diagnoses were cervical myofascial pain and left L5 "
             "radiculopathy. The neck examination was otherwise normal.",
             {"Trigger point injections, cervical, x2: Overturned",
              "Trigger point injections, lumbar, x3: Upheld"},
             {"The cervical request is medically necessary.",
              "The lumbar request is not medically necessary."}};
  run(&l, &sp);
  CHECK_INT(st(&l, 0, IR_CRIT_RADICULOPATHY), IR_FACT_UNKNOWN);
  CHECK_INT(st(&l, 1, IR_CRIT_RADICULOPATHY), IR_FACT_PRESENT);
  spec sp2 = {"He has chronic neck pain with cervical and lumbar "
              "radiculopathy.",
              {"Trigger point injections, lumbar, x3: Upheld"},
              {"The request is not medically necessary."}};
  run(&l, &sp2);
  CHECK_INT(st(&l, 0, IR_CRIT_RADICULOPATHY), IR_FACT_PRESENT);
}

static void test_contradiction_and_frequency(void) {
  ir_letter l;
  spec sp = {"Trigger point injections performed on 01/06/2014 gave "
             "tremendous relief. Later the trigger point injections were "
             "said to have had no lasting benefit. On 01/27/2014 he had "
             "taut bands with twitch responses. Tizanidine was stopped "
             "because of drowsiness.",
             {"Repeat trigger point injections with lidocaine and Kenalog: "
              "Upheld"},
             {"The request is not medically necessary."}};
  run(&l, &sp);
  const ir_item *it = &l.items.v[0];
  CHECK_INT(st(&l, 0, IR_CRIT_REPEAT_RELIEF), IR_FACT_PRESENT);
  CHECK(it->facts[IR_CRIT_REPEAT_RELIEF].contradicted);
  CHECK_INT(st(&l, 0, IR_CRIT_FREQUENCY), IR_FACT_ABSENT);  /* 21 days */
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_MR), IR_FACT_UNKNOWN); /* side effect */
  CHECK_INT(it->facts[IR_CRIT_INJECTATE].list.n, 2);
  if (it->facts[IR_CRIT_INJECTATE].list.n == 2) {
    CHECK_STR(it->facts[IR_CRIT_INJECTATE].list.v[0], "local_anesthetic");
    CHECK_STR(it->facts[IR_CRIT_INJECTATE].list.v[1], "steroid");
  }
}

/* Holdout-driven generalizations: each case is a mechanism, not a letter. */
static void test_generalization(void) {
  ir_letter l;
  /* injectate rule over two sentences; "no evidence of radiculopathy" is a
   * finding, not a citation; "only short-lived benefit" is a failure */
  spec a = {"Injury on 03/02/2011. Twelve sessions of physical therapy "
            "provided only short-lived benefit. Trigger point injections "
            "with dextrose were requested on 04/01/2014.",
            {"Trigger point injections x 3: Upheld"},
            {"Injections with any substance other than local anesthetic, "
             "with or without steroid, are not recommended. The requested "
             "injections are to be performed with dextrose, which is not a "
             "local anesthetic. There is no evidence of radiculopathy. The "
             "request is not medically necessary."}};
  run(&l, &a);
  CHECK(cited(&l.items.v[0], IR_CRIT_INJECTATE));
  CHECK(!cited(&l.items.v[0], IR_CRIT_RADICULOPATHY));
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_PT), IR_FACT_PRESENT);
  /* the same rule sentence with only a local anesthetic cites nothing */
  spec b = {"Trigger point injections with lidocaine were requested.",
            {"Trigger point injections x 3: Upheld"},
            {"Injections with any substance other than local anesthetic "
             "are not recommended. The request is not medically necessary."}};
  run(&l, &b);
  CHECK(!cited(&l.items.v[0], IR_CRIT_INJECTATE));
  /* ... and with Traumeel in the record, the exclusive rule alone cites */
  spec b2 = {"Trigger point injections with lidocaine and Traumeel were "
             "requested.",
             {"Trigger point injections x 3: Upheld"},
             {"Injections with any substance other than local anesthetic "
              "are not recommended. The request is not medically necessary."}};
  run(&l, &b2);
  CHECK(cited(&l.items.v[0], IR_CRIT_INJECTATE));
  /* duration runs to the request, not to the decision: six weeks */
  spec c = {"He injured his low back on 07/21/2014 lifting a pallet. On "
            "09/02/2014 trigger point injections were requested.",
            {"Trigger point injections x 2: Upheld"},
            {"The request is not medically necessary."}};
  ir_arena_reset(&A);
  build(&l, &c);
  l.date_decision = "2014-11-14";
  CHECK_INT(ir_extract(C, &A, &l), 0);
  CHECK_INT(st(&l, 0, IR_CRIT_DURATION), IR_FACT_ABSENT);
  /* the UR denial date bounds the request when the request is undated: an
   * early visit date is not the time of the request */
  spec c2 = {"He injured his low back on 07/21/2013. He was first seen on "
             "08/02/2013. Trigger point injections were requested.",
             {"Trigger point injections x 2: Upheld"},
             {"The request is not medically necessary."}};
  ir_arena_reset(&A);
  build(&l, &c2);
  l.date_ur_denial = "2014-09-09";
  CHECK_INT(ir_extract(C, &A, &l), 0);
  CHECK_INT(st(&l, 0, IR_CRIT_DURATION), IR_FACT_PRESENT);
  /* 70% lasting 8 weeks is relief; a relief duration is no interval; the
   * visit that requested the repeat is not the prior injection's date */
  spec d = {"Trigger point injections were last performed on 1/5/2015 and "
            "provided 70% relief lasting 8 weeks after the injection. On "
            "2/1/2015 he reported that the injections had been helpful. A "
            "repeat trigger point injection was requested on 2/1/2015.",
            {"Repeat trigger point injections x 3: Overturned"},
            {"The request is medically necessary."}};
  run(&l, &d);
  CHECK_INT(st(&l, 0, IR_CRIT_REPEAT_RELIEF), IR_FACT_PRESENT);
  CHECK(!l.items.v[0].facts[IR_CRIT_REPEAT_RELIEF].contradicted);
  CHECK_INT(st(&l, 0, IR_CRIT_FREQUENCY), IR_FACT_ABSENT); /* 27 days */
  CHECK(!l.items.v[0].facts[IR_CRIT_FREQUENCY].contradicted);
  /* upper-limb signs describe the neck, lower-limb signs the low back */
  spec e = {"Straight leg raise was positive on the right. Spurling's test "
            "was negative and upper extremity reflexes were normal.",
            {"Cervical trigger point injections x 2: Upheld",
             "Lumbar trigger point injections x 2: Upheld"},
            {"The request is not medically necessary.",
             "The request is not medically necessary."}};
  run(&l, &e);
  CHECK_INT(st(&l, 0, IR_CRIT_RADICULOPATHY), IR_FACT_ABSENT);
  CHECK_INT(st(&l, 1, IR_CRIT_RADICULOPATHY), IR_FACT_PRESENT);
  CHECK(!l.items.v[1].facts[IR_CRIT_RADICULOPATHY].contradicted);
  /* "has not responded to X, Y or Z" is a failure of all three; "four
   * weeks after the last" is a short interval */
  spec f = {"He has not responded to physical therapy, NSAIDs or muscle "
            "relaxants. He had trigger point injections with good relief. "
            "The repeat trigger point injections were requested four weeks "
            "after the last.",
            {"Repeat trigger point injections x 2: Overturned"},
            {"The request is medically necessary."}};
  run(&l, &f);
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_PT), IR_FACT_PRESENT);
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_NSAIDS), IR_FACT_PRESENT);
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_MR), IR_FACT_PRESENT);
  CHECK_INT(st(&l, 0, IR_CRIT_FREQUENCY), IR_FACT_ABSENT);
  /* "has not had relief from" is a failure, not "has not had" (not tried) */
  spec g = {"Physical therapy did not provide lasting relief and she has "
            "not had relief from Motrin or baclofen.",
            {"Trigger point injections x 2: Upheld"},
            {"The request is not medically necessary."}};
  run(&l, &g);
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_PT), IR_FACT_PRESENT);
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_NSAIDS), IR_FACT_PRESENT);
  CHECK_INT(st(&l, 0, IR_CRIT_FAILED_MR), IR_FACT_PRESENT);
  /* a negation ends at ", and <subject> were" and at ", with referral" */
  spec h = {"There was no radiating pain, numbness or tingling, and twitch "
            "responses were elicited. Trigger points were noted without "
            "spasm, with referral of pain to the buttock.",
            {"Trigger point injections x 2: Upheld"},
            {"The request is not medically necessary."}};
  run(&l, &h);
  CHECK_INT(st(&l, 0, IR_CRIT_TWITCH), IR_FACT_PRESENT);
  CHECK_INT(st(&l, 0, IR_CRIT_REFERRED), IR_FACT_PRESENT);
  spec h2 = {"No twitch response, taut band, or referred pain was found.",
             {"Trigger point injections x 2: Upheld"},
             {"The request is not medically necessary."}};
  run(&l, &h2);
  CHECK_INT(st(&l, 0, IR_CRIT_TWITCH), IR_FACT_ABSENT);
  CHECK_INT(st(&l, 0, IR_CRIT_REFERRED), IR_FACT_ABSENT);
  /* relief shorter than six weeks does not meet the repeat criterion */
  spec r = {"Prior trigger point injections on 3/1/2014 gave 60% relief "
            "which wore off after 3 weeks.",
            {"Repeat trigger point injections x 2: Upheld"},
            {"The request is not medically necessary."}};
  run(&l, &r);
  CHECK_INT(st(&l, 0, IR_CRIT_REPEAT_RELIEF), IR_FACT_ABSENT);
  spec r2 = {"Prior trigger point injections on 3/1/2014 gave 80% relief "
             "for 10 weeks.",
             {"Repeat trigger point injections x 2: Upheld"},
             {"The request is not medically necessary."}};
  run(&l, &r2);
  CHECK_INT(st(&l, 0, IR_CRIT_REPEAT_RELIEF), IR_FACT_PRESENT);
  /* "injections one month ago" is an interval; "injured 3 weeks ago" not */
  spec v = {"He had trigger point injections one month ago with good relief.",
            {"Repeat trigger point injections x 2: Upheld"},
            {"The request is not medically necessary."}};
  run(&l, &v);
  CHECK_INT(st(&l, 0, IR_CRIT_FREQUENCY), IR_FACT_ABSENT);
  spec v2 = {"He was injured 3 weeks ago. Trigger point injections were "
             "requested.",
             {"Trigger point injections x 2: Upheld"},
             {"The request is not medically necessary."}};
  run(&l, &v2);
  CHECK_INT(st(&l, 0, IR_CRIT_FREQUENCY), IR_FACT_UNKNOWN);
  /* "not indicated for radicular pain" states the rule (no denial of the
   * patient's radiculopathy); "given the radiculopathy ..., not
   * appropriate" cites it; "trigger points were not identified" denies */
  spec q = {"EMG confirms L5 radiculopathy.",
            {"Trigger point injections x 2: Upheld"},
            {"The patient has L5 radiculopathy, and trigger point injections "
             "are not indicated for radicular pain. Trigger points were not "
             "identified on exam. The request is not medically necessary."}};
  run(&l, &q);
  CHECK_INT(st(&l, 0, IR_CRIT_RADICULOPATHY), IR_FACT_PRESENT);
  CHECK(!l.items.v[0].facts[IR_CRIT_RADICULOPATHY].contradicted);
  CHECK(cited(&l.items.v[0], IR_CRIT_RADICULOPATHY));
  CHECK_INT(st(&l, 0, IR_CRIT_TWITCH), IR_FACT_ABSENT);
  CHECK(cited(&l.items.v[0], IR_CRIT_TWITCH));
  spec q2 = {"Exam showed tenderness only.",
             {"Trigger point injections x 2: Upheld"},
             {"Given the radiculopathy confirmed by EMG, trigger point "
              "injections are not appropriate. The request is not medically "
              "necessary."}};
  run(&l, &q2);
  CHECK(cited(&l.items.v[0], IR_CRIT_RADICULOPATHY));
  CHECK_INT(st(&l, 0, IR_CRIT_RADICULOPATHY), IR_FACT_PRESENT);
}

static void test_match_limit(void) {
  char err[256];
  ir_extractor *bad =
      ir_extractor_from_text("[twitch]\n/(?:\\w+\\s?)+$/\n", err, sizeof err);
  CHECK(bad != NULL);
  if (!bad)
    return;
  ir_extract_ctx *c = ir_extract_ctx_new(bad);
  ir_letter l;
  spec sp = {
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
      {"Trigger point injection: Upheld"},
      {"Not necessary."}};
  ir_arena_reset(&A);
  build(&l, &sp);
  CHECK_INT(ir_extract(c, &A, &l), -1);
  CHECK(l.error && strstr(l.error, "limit") && strstr(l.error, "[twitch]"));
  ir_extract_ctx_free(c);
  ir_extractor_free(bad);
}

static void test_load_errors(void) {
  char err[256];
  const char *dirs[] = {"/nonexistent-rules"};
  CHECK(ir_extractor_load(dirs, 1, NULL, err, sizeof err) == NULL);
  CHECK(strlen(err) > 0);
}

int main(void) {
  char err[512];
  ir_arena_init(&A);
  ir_ruleset *rs = ir_rules_load("rules", NULL, err, sizeof err);
  CHECK(rs != NULL);
  const char *dirs[] = {"rules"};
  X = rs ? ir_extractor_load(dirs, 1, ir_rules_packs(rs), err, sizeof err)
         : NULL;
  if (X) { /* the thresholds of rules/mtus-tpi/pack.lua */
    const ir_fact_limits *lim = ir_extractor_limits(X);
    CHECK_INT(lim->duration_days, 91);
    CHECK_INT(lim->interval_days, 60);
    CHECK_INT(lim->relief_percent, 50);
  }
  if (!X) {
    fprintf(stderr, "cannot load rules/lexicon: %s\n", err);
    CHECK(X != NULL);
    return check_report();
  }
  C = ir_extract_ctx_new(X);
  test_seed004_like();
  test_scope();
  test_items_isolated();
  test_term_regions();
  test_contradiction_and_frequency();
  test_generalization();
  test_match_limit();
  test_load_errors();
  ir_extract_ctx_free(C);
  ir_extractor_free(X);
  ir_rules_free(rs);
  ir_arena_free(&A);
  return check_report();
}
