/* test_rules.c - the rule engine and its sandbox on hand-built letters:
 * loading and shape errors, the real rule pack, findings validation,
 * instruction and memory limits, hostile scripts, allocator accounting,
 * read-only and lazily built letter tables (memory, stale use). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "check.h"
#include "letter/record.h"
#include "rules/lua_sandbox.h"
#include "rules/rules.h"
#include "sink/sink.h"

static const char *TEXT =
    "CLINICAL CASE SUMMARY\n"
    "The patient has chronic low back pain since 2010. Exam showed a local "
    "twitch response on palpation. Prior injections gave 70% relief. Prior "
    "injections had not been effective.\n"
    "Trigger point injection: Upheld\n"
    "Decision rationale: There is no documented twitch response. The request "
    "is not medically necessary.\n"
    "Office visit: Overturned\n"
    "Decision rationale: The visit is not medically necessary.\n";

static ir_arena A;
static ir_map_run RUN;

static ir_evidence ev_of(ir_letter *l, ir_section sec, const char *s) {
  const char *p = strstr(l->text.norm, s);
  size_t ns = p ? (size_t)(p - l->text.norm) : 0;
  return ir_make_evidence(&A, &l->text, sec, ns, ns + (p ? strlen(s) : 0));
}

static size_t pos_of(ir_letter *l, const char *s) {
  const char *p = strstr(l->text.norm, s);
  return p ? (size_t)(p - l->text.norm) : 0;
}

/* A letter with a TPI item (Upheld citing twitch_response while the record
 * documents it; repeat_relief contradicted) and an office visit item
 * (Overturned, concluding not necessary). */
/* The TPI pack of rules/ (loaded in main): hand-built TPI items carry it,
 * as the extractor gives it. */
static const ir_pack *TPI;
static ir_ruleset *TPI_RS;

static void make_letter(ir_letter *l) {
  ir_arena_reset(&A);
  memset(l, 0, sizeof *l);
  l->path = "hand-built.txt";
  l->ok = 1;
  size_t n = strlen(TEXT);
  l->text.orig = (const unsigned char *)TEXT;
  l->text.orig_len = n;
  l->text.norm = ir_arena_strdup(&A, TEXT);
  l->text.norm_len = n;
  RUN = (ir_map_run){0, (uint32_t)n, 0, (uint32_t)n, 1};
  l->text.runs = &RUN;
  l->text.nruns = 1;
  l->text.layout = IR_LAYOUT_PDF_TEXT;
  l->sum_start = pos_of(l, "The patient");
  l->sum_end = pos_of(l, "Trigger point injection:");

  ir_item it;
  memset(&it, 0, sizeof it);
  ir_item_set_pack(&A, &it, TPI);
  it.index = 1;
  it.service = "Trigger point injection";
  it.category = "tpi";
  it.outcome = IR_OUT_UPHELD;
  it.conclusion = IR_CONC_NOT_NECESSARY;
  it.title = ev_of(l, IR_SEC_TITLE, "Trigger point injection: Upheld");
  it.conclusion_ev =
      ev_of(l, IR_SEC_RATIONALE, "The request is not medically necessary.");
  it.rat_start = pos_of(l, "There is no documented");
  it.rat_end = pos_of(l, "Office visit:");
  it.line = 3;
  ir_fact *tw = &it.facts[IR_CRIT_TWITCH];
  tw->status = IR_FACT_PRESENT;
  ir_vec_push(&A, &tw->affirm,
              ev_of(l, IR_SEC_SUMMARY, "local twitch response on palpation"));
  ir_fact *du = &it.facts[IR_CRIT_DURATION];
  du->status = IR_FACT_PRESENT;
  ir_vec_push(&A, &du->affirm,
              ev_of(l, IR_SEC_SUMMARY, "chronic low back pain since 2010"));
  ir_fact *rr = &it.facts[IR_CRIT_REPEAT_RELIEF];
  rr->contradicted = 1;
  ir_vec_push(&A, &rr->affirm,
              ev_of(l, IR_SEC_SUMMARY, "Prior injections gave 70% relief"));
  ir_vec_push(
      &A, &rr->deny,
      ev_of(l, IR_SEC_SUMMARY, "Prior injections had not been effective"));
  ir_cite c;
  memset(&c, 0, sizeof c);
  c.criterion = IR_CRIT_TWITCH;
  ir_vec_push(&A, &c.evidence,
              ev_of(l, IR_SEC_RATIONALE, "no documented twitch response"));
  ir_vec_push(&A, &it.cited, c);
  ir_vec_push(&A, &l->items, it);

  ir_item ov;
  memset(&ov, 0, sizeof ov);
  ov.index = 2;
  ov.service = "Office visit";
  ov.category = "office_visit";
  ov.outcome = IR_OUT_OVERTURNED;
  ov.conclusion = IR_CONC_NOT_NECESSARY;
  ov.title = ev_of(l, IR_SEC_TITLE, "Office visit: Overturned");
  ov.conclusion_ev =
      ev_of(l, IR_SEC_RATIONALE, "The visit is not medically necessary.");
  ov.rat_start = pos_of(l, "The visit is");
  ov.rat_end = n;
  ov.line = 5;
  ir_vec_push(&A, &l->items, ov);
}

/* ---- temporary rule directories ------------------------------------------ */

static char tmpdir[64];

static void new_dir(void) {
  snprintf(tmpdir, sizeof tmpdir, "/tmp/test_rules.XXXXXX");
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    exit(2);
  }
}

static void put(const char *name, const char *src) {
  char p[256];
  snprintf(p, sizeof p, "%s/%s", tmpdir, name);
  FILE *f = fopen(p, "w");
  if (!f) {
    perror(p);
    exit(2);
  }
  fputs(src, f);
  fclose(f);
}

static void rm_dir(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
  if (system(cmd) != 0)
    fprintf(stderr, "cannot remove %s\n", tmpdir);
}

static ir_rules_opts OPTS = {200000, 8u << 20, 0, 0, 0};

/* Loads tmpdir, expecting failure; returns whether err contains want. */
static int load_fails_with(const char *want) {
  char err[512] = "";
  ir_ruleset *rs = ir_rules_load(tmpdir, &OPTS, err, sizeof err);
  ir_rules_free(rs);
  if (rs || !strstr(err, want)) {
    fprintf(stderr, "  load error: \"%s\" (want \"%s\")\n", err, want);
    return 0;
  }
  return 1;
}

static int count_kind(const ir_item *it, const char *rule, const char *kind,
                      const char *crit) {
  int n = 0;
  for (size_t i = 0; i < it->findings.n; i++) {
    const ir_finding *f = &it->findings.v[i];
    if (strcmp(f->kind, kind) == 0 && (!rule || strcmp(f->rule, rule) == 0) &&
        ((!crit && !f->criterion) ||
         (crit && f->criterion && strcmp(f->criterion, crit) == 0)))
      n++;
  }
  return n;
}

static const ir_rule_error *error_of(const ir_letter *l, const char *rule) {
  for (size_t i = 0; i < l->rule_errors.n; i++)
    if (strcmp(l->rule_errors.v[i].rule, rule) == 0)
      return &l->rule_errors.v[i];
  return NULL;
}

/* Runs the rules in tmpdir on the hand-built letter. */
static int run_dir(ir_letter *l, char *err, size_t errlen) {
  ir_ruleset *rs = ir_rules_load(tmpdir, &OPTS, err, errlen);
  if (!rs)
    return -1;
  ir_rules_ctx *c = ir_rules_ctx_new(rs, err, errlen);
  if (!c) {
    ir_rules_free(rs);
    return -1;
  }
  make_letter(l);
  int n = ir_rules_run(c, &A, l);
  ir_rules_ctx_free(c);
  ir_rules_free(rs);
  return n;
}

/* ---- tests ------------------------------------------------------------------
 */

static void test_real_rules(void) {
  char err[512] = "";
  ir_rules_opts vo = {0, 0, 0, 1, 0}; /* with the pack's verdicts */
  ir_ruleset *rs = ir_rules_load("rules", &vo, err, sizeof err);
  CHECK(rs != NULL);
  if (!rs) {
    fprintf(stderr, "  %s\n", err);
    return;
  }
  CHECK_INT(ir_rules_count(rs),
            4); /* mtus-esi, mtus-opioids, mtus-tpi, outcome */
  ir_rules_ctx *c = ir_rules_ctx_new(rs, err, sizeof err);
  CHECK(c != NULL);
  ir_letter l;
  make_letter(&l);
  CHECK_INT(ir_rules_run(c, &A, &l), 0);
  const ir_item *tpi = &l.items.v[0], *ov = &l.items.v[1];
  CHECK_INT(
      count_kind(tpi, "mtus-tpi", "denial-criterion-met", "twitch_response"),
      1);
  CHECK_INT(
      count_kind(tpi, "mtus-tpi", "record-contradiction", "repeat_relief"), 1);
  CHECK_INT(count_kind(tpi, NULL, "denial-outside-criteria", NULL), 0);
  CHECK_INT(tpi->findings.n, 2);
  CHECK_INT(count_kind(ov, "outcome", "outcome-vs-conclusion", NULL), 1);
  CHECK_INT(ov->findings.n, 1); /* mtus-tpi applies to tpi only */
  for (size_t i = 0; i < tpi->findings.n; i++) {
    const ir_finding *f = &tpi->findings.v[i];
    CHECK(f->evidence.n > 0);
    if (strcmp(f->kind, "denial-criterion-met") == 0) {
      CHECK(strstr(f->message, "local twitch response on palpation") != NULL);
      CHECK_INT(f->severity, IR_SEV_ERROR);
      CHECK_STR(f->evidence.v[0].text, "local twitch response on palpation");
      CHECK_INT(f->evidence.v[0].start, strstr(TEXT, "local twitch") - TEXT);
    }
  }
  ir_buf b = {0};
  ir_report_explain(&b, &l, 0);
  ir_buf_putc(&b, 0);
  CHECK(strstr(b.p, "twitch_response") != NULL);
  CHECK(strstr(b.p, "denial cites it, but the record shows it met") != NULL);
  CHECK(strstr(b.p, "contradicted") != NULL);
  CHECK(strstr(b.p, "finding: error outcome-vs-conclusion") != NULL);
  ir_buf_free(&b);
  /* the same context again on a fresh letter: same result */
  make_letter(&l);
  CHECK_INT(ir_rules_run(c, &A, &l), 0);
  CHECK_INT(l.items.v[0].findings.n, 2);
  ir_rules_ctx_free(c);
  ir_rules_free(rs);
}

static void test_load_errors(void) {
  new_dir();
  put("a.lua", "return { id = 'a', check = function() end\n");
  CHECK(load_fails_with("a.lua:2:"));
  rm_dir();

  new_dir();
  put("b.lua", "-- comment\nreturn {\n  title = 'x',\n  check = function() "
               "end }\n");
  CHECK(load_fails_with("b.lua:2: the rule needs a string 'id'"));
  rm_dir();

  new_dir();
  put("c.lua", "return {\n id = 'c',\n check = 5 }\n");
  CHECK(load_fails_with("c.lua:3: the rule needs a function 'check'"));
  rm_dir();

  new_dir();
  put("d.lua", "return {\n id = 'd',\n check = function() end,\n "
               "applies_To = {'tpi'} }\n");
  CHECK(load_fails_with("d.lua:4: unknown field 'applies_To'"));
  rm_dir();

  new_dir();
  put("e.lua", "return 42\n");
  CHECK(load_fails_with("e.lua:1: the rule file must return a table"));
  rm_dir();

  new_dir();
  put("f.lua", "return { id = 'x', check = function() end }\n");
  put("g.lua", "return { id = 'x', check = function() end }\n");
  CHECK(load_fails_with("duplicate rule id 'x'"));
  rm_dir();

  new_dir(); /* top-level code runs in the sandbox too */
  put("h.lua", "os.execute('touch /tmp/pwned')\nreturn {}\n");
  CHECK(load_fails_with("os.execute is not available in rules"));
  rm_dir();

  new_dir();
  put("i.lua", "\x1bLua");
  CHECK(load_fails_with("i.lua:1: attempt to load a binary chunk"));
  rm_dir();

  new_dir();
  put("j.lua", "while true do end\n");
  CHECK(load_fails_with("j.lua:1: instruction limit exceeded"));
  rm_dir();

  /* the criteria belong in pack.lua (one home), not in a check */
  new_dir();
  put("k.lua", "return { id = 'k', check = function() end,\n"
               " criteria = {\n  { id = 'twitch_response', meets = 'present' }"
               " } }\n");
  CHECK(load_fails_with("k.lua:2: field 'criteria' belongs in the pack's "
                        "pack.lua"));
  rm_dir();
  new_dir();
  put("n.lua", "return { id = 'n', check = function() end, verdict = 3 }\n");
  CHECK(load_fails_with("n.lua:1: field 'verdict' must be a function"));
  rm_dir();

  char err[256];
  CHECK(ir_rules_load("/nonexistent/rules", NULL, err, sizeof err) == NULL);
  CHECK(strstr(err, "/nonexistent/rules") != NULL);
}

#define RULE(id, body)                                                         \
  "return { id = '" id "', check = function(item, letter)\n" body "\nend }\n"

/* A pack's verdict() fills each declared criterion's verdict; a bad
 * answer is the rule's error, never a guess. */
static void test_verdicts(void) {
  ir_rules_opts vo = OPTS;
  vo.verdicts = 1;
  char err[512] = "";
  new_dir();
  char sub[300];
  snprintf(sub, sizeof sub, "%s/v", tmpdir);
  mkdir(sub, 0700);
  put("v/pack.lua",
      "return { id = 'v', categories = { 'tpi' }, builtin = 'tpi',\n"
      " criteria = { { id = 'twitch_response', meets = 'present' },\n"
      "  { id = 'referred_pain', meets = 'present' },\n"
      "  { id = 'duration', meets = 'present', more_than_days = 30 },\n"
      "  { id = 'failed_physical_therapy', meets = 'present' },\n"
      "  { id = 'failed_nsaids', meets = 'present' },\n"
      "  { id = 'failed_muscle_relaxants', meets = 'present' },\n"
      "  { id = 'radiculopathy', meets = 'absent' },\n"
      "  { id = 'injection_count', meets = 'value', at_most = 4 },\n"
      "  { id = 'repeat_relief', meets = 'present' },\n"
      "  { id = 'frequency', meets = 'present' },\n"
      "  { id = 'injectate', meets = 'value' } } }\n");
  put("v/v.lua", "return { id = 'v', check = function() end,\n"
                 " verdict = function(item, id)\n"
                 "  if id == 'duration' then return 'met' end\n"
                 "  if id == 'radiculopathy' then return 'maybe' end\n"
                 "  return 'unknown' end }\n");
  ir_ruleset *rs = ir_rules_load(tmpdir, &vo, err, sizeof err);
  CHECK(rs != NULL);
  const ir_pack *vp = rs ? ir_packset_find(ir_rules_packs(rs), "v") : NULL;
  CHECK(vp != NULL);
  long v = 0;
  CHECK_INT(ir_pack_number(vp, IR_CRIT_DURATION, "more_than_days", &v), 1);
  CHECK_INT(v, 30);
  CHECK_INT(ir_pack_number(vp, IR_CRIT_FREQUENCY, "at_least_days", &v), 0);
  ir_rules_ctx *c = rs ? ir_rules_ctx_new(rs, err, sizeof err) : NULL;
  CHECK(c != NULL);
  if (c && vp) {
    ir_letter l;
    make_letter(&l);
    ir_item_set_pack(&A, &l.items.v[0], vp);
    CHECK_INT(ir_rules_run(c, &A, &l), 1);
    const ir_item *it = &l.items.v[0];
    CHECK_INT(it->facts[IR_CRIT_DURATION].verdict, IR_VERDICT_MET);
    CHECK_INT(it->facts[IR_CRIT_TWITCH].verdict, IR_VERDICT_UNKNOWN);
    const ir_rule_error *e = error_of(&l, "v");
    CHECK(e && strstr(e->message, "verdict returned maybe for radiculopathy"));
  }
  ir_rules_ctx_free(c);
  ir_rules_free(rs);
  rm_dir();
}

static void test_hostile(void) {
  new_dir();
  put("good.lua", RULE("good", "return {{kind='seen', severity='info', "
                               "message=string.lower('OK')}}"));
  put("h_exec.lua", RULE("h-exec", "os.execute('touch /tmp/pwned')"));
  put("h_io.lua", RULE("h-io", "io.open('/tmp/pwned', 'w')"));
  put("h_load.lua", RULE("h-load", "load('return 1')()"));
  put("h_dofile.lua", RULE("h-dofile", "dofile('/etc/passwd')"));
  put("h_require.lua", RULE("h-require", "require('os')"));
  put("h_loop.lua", RULE("h-loop", "while true do end"));
  put("h_pcall.lua",
      RULE("h-pcall", "while true do pcall(function() while true do end "
                      "end) end"));
  put("h_mem.lua", RULE("h-mem", "local t = {} local s = 'x' while true do "
                                 "s = s .. s t[#t+1] = s end"));
  put("h_error.lua", RULE("h-error", "error('boom')"));
  put("h_errtable.lua", RULE("h-errtable", "error({})"));
  put("h_find.lua",
      RULE("h-find", "string.find = nil table.insert = nil string.lower = "
                     "nil return {}"));
  put("h_global.lua", RULE("h-global", "return undefined_thing.x"));
  put("h_debug.lua", RULE("h-debug", "debug.sethook()"));
  put("h_dump.lua", RULE("h-dump", "string.dump(print)"));
  put("h_gc.lua",
      RULE("h-gc", "setmetatable({}, {__gc = function() while true do end "
                   "end})"));
  put("h_meta.lua", RULE("h-meta", "setmetatable(_G, nil)"));
  char err[512] = "";
  ir_letter l;
  time_t t0 = time(NULL);
  int n = run_dir(&l, err, sizeof err);
  CHECK(time(NULL) - t0 < 10);
  if (n < 0) {
    fprintf(stderr, "  %s\n", err);
    CHECK(0);
    rm_dir();
    return;
  }
  struct {
    const char *rule, *msg;
  } want[] = {{"h-exec", "os.execute is not available in rules"},
              {"h-io", "io.open is not available in rules"},
              {"h-load", "load is not available in rules"},
              {"h-dofile", "dofile is not available in rules"},
              {"h-require", "require is not available in rules"},
              {"h-loop", "instruction limit exceeded"},
              {"h-pcall", "instruction limit exceeded"},
              {"h-mem", "memory limit exceeded"},
              {"h-error", "h_error.lua:2: boom"},
              {"h-errtable", "error object is a table value"},
              {"h-global", "undefined global 'undefined_thing'"},
              {"h-debug", "debug.sethook is not available in rules"},
              {"h-dump", "string.dump is not available in rules"},
              {"h-gc", "__gc metamethods are not available"},
              {"h-meta", "cannot change a protected metatable"}};
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    const ir_rule_error *e = error_of(&l, want[i].rule);
    CHECK(e != NULL);
    if (!e) {
      fprintf(stderr, "  no error for %s\n", want[i].rule);
      continue;
    }
    if (!strstr(e->message, want[i].msg))
      fprintf(stderr, "  %s: \"%s\"\n", want[i].rule, e->message);
    CHECK(strstr(e->message, want[i].msg) != NULL);
    CHECK(strstr(e->file, ".lua") != NULL);
    CHECK(e->item == 1);
  }
  CHECK(error_of(&l, "good") == NULL);
  CHECK(error_of(&l, "h-find") == NULL); /* broke only itself */
  CHECK_INT(count_kind(&l.items.v[0], "good", "seen", NULL), 1);
  CHECK_INT(count_kind(&l.items.v[1], "good", "seen", NULL), 1);
  CHECK_STR(l.items.v[0].findings.v[0].message, "ok");
  /* two items, every hostile rule fails on both */
  CHECK_INT(n, 2 * (int)(sizeof want / sizeof *want));
  CHECK(access("/tmp/pwned", F_OK) != 0);
  rm_dir();
}

static void test_findings_validation(void) {
  struct {
    const char *body, *want; /* want NULL: no error */
  } cases[] = {
      {"return {{kind='x', severity='fatal'}}", "severity must be error"},
      {"return {{kind=''}}", "'kind' must be a non-empty"},
      {"return {{kind='x', criterion='bogus'}}",
       "criterion 'bogus' is not a criterion of pack mtus-tpi"},
      {"return {{kind='x', evidence={{start=-1, ['end']=3}}}}",
       "evidence needs integer start"},
      {"return {{kind='x', evidence={'bogus'}}}",
       "criterion 'bogus' is not a criterion of pack"},
      {"return 5", "must return a list of findings or nil"},
      {"return {5}", "finding 1 must be a table"},
      {"local t = {} for i = 1, 200 do t[i] = {kind='x'} end return t",
       "at most 100"},
      {"return setmetatable({}, {__index = function() while true do end "
       "end, __len = function() return 1 end})",
       NULL},
      {"return nil", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    new_dir();
    char src[512];
    snprintf(src, sizeof src,
             "return { id = 'v', applies_to = {'tpi'}, check = "
             "function(item)\n%s\nend }\n",
             cases[i].body);
    put("v.lua", src);
    char err[512] = "";
    ir_letter l;
    int n = run_dir(&l, err, sizeof err);
    const ir_rule_error *e = error_of(&l, "v");
    if (cases[i].want) {
      CHECK_INT(n, 1);
      CHECK(e && strstr(e->message, cases[i].want));
      if (e && !strstr(e->message, cases[i].want))
        fprintf(stderr, "  case %zu: \"%s\"\n", i, e->message);
    } else {
      CHECK_INT(n, 0);
      CHECK_INT(l.items.v[0].findings.n, 0);
    }
    rm_dir();
  }
  /* defaults: severity warning, message = kind, evidence from the fact */
  new_dir();
  put("w.lua", RULE("w", "if item.pack ~= 'mtus-tpi' then return end\n"
                         "return {{kind='k', criterion='twitch_response'}, "
                         "{kind='s', message='m', evidence = "
                         "{span(item.rationale_evidence, 13, 22)}}}"));
  char err[512] = "";
  ir_letter l;
  CHECK_INT(run_dir(&l, err, sizeof err), 0);
  const ir_item *it = &l.items.v[0];
  CHECK_INT(it->findings.n, 2);
  if (it->findings.n == 2) {
    const ir_finding *f = &it->findings.v[0];
    CHECK_INT(f->severity, IR_SEV_WARNING);
    CHECK_STR(f->message, "k");
    CHECK_STR(f->rule, "w");
    CHECK_INT(f->evidence.n, 2); /* the fact's and the citation's */
    const ir_finding *g = &it->findings.v[1];
    CHECK_INT(g->evidence.n, 1);
    if (g->evidence.n) {
      CHECK_STR(g->evidence.v[0].text, "documented");
      CHECK_INT(g->evidence.v[0].start, strstr(TEXT, "documented tw") - TEXT);
      CHECK_INT(g->evidence.v[0].section, IR_SEC_RATIONALE);
    }
  }
  rm_dir();
}

static void test_limits_recover(void) {
  /* loops on item 1 only: the state is recreated and item 2 still runs */
  new_dir();
  put("r.lua",
      RULE("r",
           "if item.index == 1 then while true do end end\n"
           "return {{kind = 'after', message = tostring(#letter.items)}}"));
  put("m.lua", RULE("m", "if item.index == 1 then local s = 'x' while true "
                         "do s = s .. s end end\nreturn {{kind = 'after'}}"));
  char err[512] = "";
  ir_letter l;
  CHECK_INT(run_dir(&l, err, sizeof err), 2);
  CHECK_INT(count_kind(&l.items.v[1], "r", "after", NULL), 1);
  CHECK_INT(count_kind(&l.items.v[1], "m", "after", NULL), 1);
  const ir_rule_error *e = error_of(&l, "r");
  CHECK(e && strstr(e->message, "r.lua:2: instruction limit exceeded"));
  e = error_of(&l, "m");
  CHECK(e && strstr(e->message, "memory limit exceeded"));

  rm_dir();
}

static void test_accounting(void) {
  const char *src = "local s = string.rep('x', 100000)\n"
                    "return { id = 'acc', check = function() end }\n";
  char err[256];
  ir_lua_box *b = ir_lua_box_open("acc.lua", src, strlen(src), "acc", NULL,
                                  NULL, 1u << 20, 100000, err, sizeof err);
  CHECK(b != NULL);
  if (!b)
    return;
  CHECK(ir_lua_box_used(b) > 0);
  CHECK(b->mem.peak >= 100000);
  lua_close(b->L);
  b->L = NULL;
  CHECK_INT(ir_lua_box_used(b), 0);
  /* refusing growth past the cap: opening fails cleanly, nothing leaks */
  ir_lua_box *small = ir_lua_box_open("acc.lua", src, strlen(src), "acc", NULL,
                                      NULL, 64u << 10, 100000, err, sizeof err);
  CHECK(small == NULL);
  CHECK(strstr(err, "memory limit") != NULL);
  /* reopen after an instruction-limit error resets the counters */
  CHECK_INT(ir_lua_box_reopen(b, err, sizeof err), 0);
  lua_State *L = b->L;
  CHECK(luaL_loadstring(L, "while true do end") == 0);
  CHECK_INT(ir_lua_box_call(b, 0, 0, 0), IR_BOX_LIMIT);
  lua_settop(L, 0);
  CHECK(luaL_loadstring(L, "local x = 0 for i = 1, 1000 do x = x + i end "
                           "return x") == 0);
  CHECK_INT(ir_lua_box_call(b, 0, 1, 0), IR_BOX_OK);
  CHECK_INT(lua_tointeger(L, -1), 500500);
  ir_lua_box_free(b);
}

/* ---- the MTUS pack on single-item letters ---------------------------------
 */

static char mtext[2048];

/* One TPI item: summary S, rationale R, MAXIMUS guideline M. */
static ir_item *mk(ir_letter *l, const char *S, const char *R, const char *M,
                   ir_outcome o, ir_conclusion c) {
  ir_arena_reset(&A);
  memset(l, 0, sizeof *l);
  snprintf(mtext, sizeof mtext,
           "CLINICAL CASE SUMMARY\n%s\nTrigger point injections: %s\n"
           "MAXIMUS guideline: %s\nDecision rationale: %s\n",
           S, o == IR_OUT_UPHELD ? "Upheld" : "Overturned", M, R);
  size_t n = strlen(mtext);
  l->path = "mk.txt";
  l->ok = 1;
  l->text.orig = (const unsigned char *)mtext;
  l->text.orig_len = n;
  l->text.norm = ir_arena_strdup(&A, mtext);
  l->text.norm_len = n;
  RUN = (ir_map_run){0, (uint32_t)n, 0, (uint32_t)n, 1};
  l->text.runs = &RUN;
  l->text.nruns = 1;
  ir_item it;
  memset(&it, 0, sizeof it);
  ir_item_set_pack(&A, &it, TPI);
  it.index = 1;
  it.category = "tpi";
  it.service = "Trigger point injections";
  it.outcome = o;
  it.conclusion = c;
  it.guideline_maximus = M;
  it.title = ev_of(l, IR_SEC_TITLE, "Trigger point injections:");
  it.rat_start = pos_of(l, "Decision rationale: ") + 20;
  it.rat_end = n;
  ir_vec_push(&A, &l->items, it);
  return &l->items.v[0];
}

static void fact(ir_letter *l, ir_item *it, ir_criterion c, ir_status st,
                 const char *text) {
  it->facts[c].status = st;
  ir_evidence e = ev_of(l, IR_SEC_SUMMARY, text);
  if (st == IR_FACT_ABSENT)
    ir_vec_push(&A, &it->facts[c].deny, e);
  else
    ir_vec_push(&A, &it->facts[c].affirm, e);
}

static void cite(ir_letter *l, ir_item *it, ir_criterion c, const char *t) {
  ir_cite ci;
  memset(&ci, 0, sizeof ci);
  ci.criterion = c;
  ir_vec_push(&A, &ci.evidence, ev_of(l, IR_SEC_RATIONALE, t));
  ir_vec_push(&A, &it->cited, ci);
}

/* Runs the real rules; returns the item's findings as "kind crit;..." */
static const char *findings_of(ir_rules_ctx *c, ir_letter *l) {
  static char out[1024];
  CHECK_INT(ir_rules_run(c, &A, l), 0);
  out[0] = 0;
  const ir_item *it = &l->items.v[0];
  for (size_t i = 0; i < it->findings.n; i++) {
    size_t k = strlen(out);
    snprintf(out + k, sizeof out - k, "%s%s %s", i ? ";" : "",
             it->findings.v[i].kind,
             it->findings.v[i].criterion ? it->findings.v[i].criterion : "-");
  }
  for (size_t i = 0; i < l->rule_errors.n; i++)
    fprintf(stderr, "  rule error: %s\n", l->rule_errors.v[i].message);
  return out;
}

static void test_mtus_pack(void) {
  char err[512];
  ir_ruleset *rs = ir_rules_load("rules", NULL, err, sizeof err);
  ir_rules_ctx *c = rs ? ir_rules_ctx_new(rs, err, sizeof err) : NULL;
  CHECK(c != NULL);
  if (!c) {
    ir_rules_free(rs);
    return;
  }
  const char *MTUS = "MTUS Chronic Pain Treatment Guidelines Page(s): 122.";
  const char *ACOEM = "MTUS ACOEM Chapter 12 Low Back Complaints Page(s): "
                      "300-309.";
  ir_letter l;
  ir_item *it;

  /* seed 001 shape: blanket ACOEM in a chronic case */
  it = mk(&l, "Injury on 3/9/09, chronic low back pain.",
          "According to the ACOEM guidelines, trigger point injections are "
          "not recommended. Invasive techniques are of questionable merit. The "
          "request is not medically necessary.",
          ACOEM, IR_OUT_UPHELD, IR_CONC_NOT_NECESSARY);
  fact(&l, it, IR_CRIT_DURATION, IR_FACT_PRESENT, "chronic low back pain");
  CHECK_STR(findings_of(c, &l), "guideline-conflict -");
  CHECK(strstr(l.items.v[0].findings.v[0].message,
               "'According to the ACOEM guidelines, trigger point injections "
               "are not recommended.'") != NULL);
  CHECK_STR(l.items.v[0].findings.v[0].evidence.v[0].text,
            "According to the ACOEM guidelines, trigger point injections are "
            "not recommended.");

  /* the same in an acute case: no conflict, a denial outside the criteria */
  it = mk(&l, "Injury three weeks ago, acute low back pain.",
          "According to the ACOEM guidelines, trigger point injections are "
          "not recommended. The request is not medically necessary.",
          ACOEM, IR_OUT_UPHELD, IR_CONC_NOT_NECESSARY);
  fact(&l, it, IR_CRIT_DURATION, IR_FACT_ABSENT, "acute low back pain");
  CHECK_STR(findings_of(c, &l), "denial-outside-criteria -");

  /* seed 000 shape: other grounds, relief affirmed and denied */
  it = mk(&l,
          "Chronic back pain. Injections gave tremendous relief. Injections "
          "had not been effective.",
          "Starting Medrol and performing injections at once is not "
          "appropriate.",
          MTUS, IR_OUT_UPHELD, IR_CONC_NOT_NECESSARY);
  fact(&l, it, IR_CRIT_REPEAT_RELIEF, IR_FACT_PRESENT,
       "Injections gave tremendous relief");
  fact(&l, it, IR_CRIT_REPEAT_RELIEF, IR_FACT_ABSENT,
       "Injections had not been effective");
  it->facts[IR_CRIT_REPEAT_RELIEF].contradicted = 1;
  CHECK_STR(findings_of(c, &l),
            "denial-outside-criteria -;record-contradiction repeat_relief");

  /* Upheld but concluding necessary: outcome reports it, not mtus-tpi */
  it = mk(&l, "Chronic pain.", "The request is medically necessary.", MTUS,
          IR_OUT_UPHELD, IR_CONC_NECESSARY);
  CHECK_STR(findings_of(c, &l), "outcome-vs-conclusion -");

  /* polarity: cited radiculopathy, record documents it present: fine */
  it = mk(&l, "EMG showed L5 radiculopathy.", "Not for radicular pain.", MTUS,
          IR_OUT_UPHELD, IR_CONC_NOT_NECESSARY);
  fact(&l, it, IR_CRIT_RADICULOPATHY, IR_FACT_PRESENT, "L5 radiculopathy");
  cite(&l, it, IR_CRIT_RADICULOPATHY, "Not for radicular pain.");
  CHECK_STR(findings_of(c, &l), "");
  /* ... documented absent: the denial cites a met criterion */
  it = mk(&l, "EMG was normal.", "Radiculopathy was not ruled out.", MTUS,
          IR_OUT_UPHELD, IR_CONC_NOT_NECESSARY);
  fact(&l, it, IR_CRIT_RADICULOPATHY, IR_FACT_ABSENT, "EMG was normal.");
  cite(&l, it, IR_CRIT_RADICULOPATHY, "Radiculopathy was not ruled out.");
  CHECK_STR(findings_of(c, &l), "denial-criterion-met radiculopathy");
  CHECK(strstr(l.items.v[0].findings.v[0].message, "'EMG was normal.'"));

  /* injectate: ketorolac cited and present: consistent (seed 004) */
  it = mk(&l, "TPI with ketorolac.", "No support for an NSAID.", MTUS,
          IR_OUT_UPHELD, IR_CONC_NOT_NECESSARY);
  fact(&l, it, IR_CRIT_INJECTATE, IR_FACT_PRESENT, "ketorolac");
  ir_vec_push(&A, &it->facts[IR_CRIT_INJECTATE].list, "nsaid");
  cite(&l, it, IR_CRIT_INJECTATE, "No support for an NSAID.");
  CHECK_STR(findings_of(c, &l), "");
  /* ... the same authorized: approved with an unmet criterion */
  it = mk(&l, "TPI with lidocaine and ketorolac x6.", "Criteria are met.", MTUS,
          IR_OUT_OVERTURNED, IR_CONC_NECESSARY);
  fact(&l, it, IR_CRIT_INJECTATE, IR_FACT_PRESENT, "lidocaine and ketorolac");
  ir_vec_push(&A, &it->facts[IR_CRIT_INJECTATE].list, "local_anesthetic");
  ir_vec_push(&A, &it->facts[IR_CRIT_INJECTATE].list, "nsaid");
  fact(&l, it, IR_CRIT_INJECTION_COUNT, IR_FACT_PRESENT, "x6");
  it->facts[IR_CRIT_INJECTION_COUNT].has_value = 1;
  it->facts[IR_CRIT_INJECTION_COUNT].ivalue = 6;
  fact(&l, it, IR_CRIT_TWITCH, IR_FACT_PRESENT, "TPI");
  CHECK_STR(findings_of(c, &l), "approved-unmet-criterion injection_count;"
                                "approved-unmet-criterion injectate");
  CHECK(strstr(l.items.v[0].findings.v[1].message, "(nsaid)") != NULL);
  /* lidocaine + steroid, 4 injections, authorized: nothing */
  it = mk(&l, "TPI with lidocaine and Kenalog, 4 injections.",
          "Criteria are met.", MTUS, IR_OUT_OVERTURNED, IR_CONC_NECESSARY);
  fact(&l, it, IR_CRIT_INJECTATE, IR_FACT_PRESENT, "lidocaine and Kenalog");
  ir_vec_push(&A, &it->facts[IR_CRIT_INJECTATE].list, "local_anesthetic");
  ir_vec_push(&A, &it->facts[IR_CRIT_INJECTATE].list, "steroid");
  it->facts[IR_CRIT_INJECTION_COUNT].has_value = 1;
  it->facts[IR_CRIT_INJECTION_COUNT].ivalue = 4;
  CHECK_STR(findings_of(c, &l), "");
  /* a contradicted fact is not scored */
  it = mk(&l, "SLR positive. SLR negative.", "Criteria are met.", MTUS,
          IR_OUT_OVERTURNED, IR_CONC_NECESSARY);
  fact(&l, it, IR_CRIT_RADICULOPATHY, IR_FACT_PRESENT, "SLR positive.");
  fact(&l, it, IR_CRIT_RADICULOPATHY, IR_FACT_ABSENT, "SLR negative.");
  it->facts[IR_CRIT_RADICULOPATHY].contradicted = 1;
  CHECK_STR(findings_of(c, &l), "record-contradiction radiculopathy");

  ir_rules_ctx_free(c);
  ir_rules_free(rs);
}

/* ---- many items: tables built once per letter, shared, read-only --------
 */

/* make_letter's two items repeated to n items (indexes 1..n). */
static void many_items(ir_letter *l, size_t n) {
  make_letter(l);
  ir_item two[2] = {l->items.v[0], l->items.v[1]};
  ir_item_set_pack(&A, &two[1], TPI); /* the rule reads every item's facts */
  l->items.n = 0;
  for (size_t i = 0; i < n; i++) {
    ir_item it = two[i % 2];
    it.index = (int)i + 1;
    ir_vec_push(&A, &l->items, it);
  }
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const char *RO_RULE =
    "local calls = 0\n"
    "return { id = 'ro', check = function(item, letter)\n"
    "  calls = calls + 1\n"
    "  local out = {}\n"
    "  local function bad(k) out[#out + 1] = {kind = k} end\n"
    "  if letter.items[item.index] ~= item then bad('not-shared') end\n"
    "  if #letter.items ~= 300 then bad('len') end\n"
    "  if pcall(function() item.outcome = 'x' end) then bad('w-item') end\n"
    "  if pcall(function() item.extra = 1 end) then bad('w-new') end\n"
    "  if pcall(function() letter.items[1] = nil end) then bad('w-items') end\n"
    "  if pcall(function() item.facts.twitch_response.status = 'x' end)\n"
    "    then bad('w-fact') end\n"
    "  if pcall(table.insert, letter.items, {}) then bad('w-insert') end\n"
    "  if pcall(function() letter.summary_evidence.text = '' end)\n"
    "    then bad('w-ev') end\n"
    "  if getmetatable(item) ~= 'read-only' then bad('mt') end\n"
    "  local n = 0 for _ in pairs(item) do n = n + 1 end\n"
    "  if n < 10 then bad('pairs') end\n"
    "  local m = 0 for _ in ipairs(letter.items) do m = m + 1 end\n"
    "  if m ~= 300 then bad('ipairs') end\n"
    "  local want = item.index % 2 == 1 and 'upheld' or 'overturned'\n"
    "  if item.outcome ~= want then bad('changed') end\n"
    "  if item.facts.duration.id ~= 'duration' then bad('fact') end\n"
    "  if item.facts.nope ~= nil then bad('nope') end\n"
    "  local nf = 0\n"
    "  for k, f in pairs(item.facts) do nf = nf + 1\n"
    "    if f.id ~= k or item.status[k] ~= f.status then bad('status') end\n"
    "  end\n"
    "  if nf ~= 11 or #item.facts ~= 0 then bad('facts') end\n"
    "  if pcall(function() item.status.duration = 'x' end)\n"
    "    then bad('w-status') end\n"
    "  local got = {}\n"
    "  for _, id in ipairs(item.contradicted) do got[#got + 1] = id end\n"
    "  local wc = item.index % 2 == 1 and 'repeat_relief' or ''\n"
    "  if table.concat(got, ',') ~= wc then bad('contradicted') end\n"
    "  if item.index == 1 then\n"
    "    local ok, e = pcall(function() item.outcome = 'x' end)\n"
    "    if not tostring(e):find('read%-only') then bad('message') end\n"
    "  end\n"
    "  out[#out + 1] = {kind = 'calls', message = tostring(calls),\n"
    "    evidence = item.facts.twitch_response.affirm}\n"
    "  return out\n"
    "end }\n";

static void test_shared_readonly(void) {
  new_dir();
  put("ro.lua", RO_RULE);
  char err[512] = "";
  ir_ruleset *rs = ir_rules_load(tmpdir, &OPTS, err, sizeof err);
  ir_rules_ctx *c = rs ? ir_rules_ctx_new(rs, err, sizeof err) : NULL;
  CHECK(c != NULL);
  if (c) {
    ir_letter l;
    many_items(&l, 300);
    CHECK_INT(ir_rules_run(c, &A, &l), 0);
    int only_calls = 1;
    for (size_t i = 0; i < l.items.n; i++) {
      const ir_item *it = &l.items.v[i];
      if (it->findings.n != 1 || strcmp(it->findings.v[0].kind, "calls"))
        only_calls = 0;
    }
    CHECK(only_calls);
    if (only_calls) { /* one state for the whole letter; evidence unwrapped */
      CHECK_STR(l.items.v[299].findings.v[0].message, "300");
      CHECK_INT(l.items.v[0].findings.v[0].evidence.n, 1);
      CHECK_INT(l.items.v[1].findings.v[0].evidence.n, 0);
    }
    if (!only_calls)
      for (size_t i = 0; i < l.items.v[0].findings.n; i++)
        fprintf(stderr, "  item 1: %s\n", l.items.v[0].findings.v[i].kind);
  }
  ir_rules_ctx_free(c);
  ir_rules_free(rs);
  rm_dir();
}

/* A rule that errors on every item, and the real rules, on a letter of
 * 3,000 items: linear (each error used to rebuild the letter: minutes). */
static void test_many_items(void) {
  new_dir();
  put("boom.lua", RULE("boom", "error('boom ' .. item.index)"));
  char err[512] = "";
  ir_rules_opts o = {0, 0, 0, 0, 0};
  ir_ruleset *rs = ir_rules_load(tmpdir, &o, err, sizeof err);
  ir_ruleset *real = ir_rules_load("rules", NULL, err, sizeof err);
  ir_rules_ctx *c = rs ? ir_rules_ctx_new(rs, err, sizeof err) : NULL;
  ir_rules_ctx *cr = real ? ir_rules_ctx_new(real, err, sizeof err) : NULL;
  CHECK(c != NULL && cr != NULL);
  if (c && cr) {
    ir_letter l;
    many_items(&l, 3000);
    double t0 = now();
    CHECK_INT(ir_rules_run(c, &A, &l), 3000);
    CHECK_INT(ir_rules_run(cr, &A, &l), 0);
    double dt = now() - t0;
    CHECK(dt < 20.0);
    if (dt >= 20.0)
      fprintf(stderr, "  3000 items took %.1f s\n", dt);
    CHECK(strstr(l.rule_errors.v[2999].message, "boom 3000") != NULL);
    CHECK_INT(l.rule_errors.v[2999].item, 3000);
    CHECK_INT(count_kind(&l.items.v[2998], "mtus-tpi", "denial-criterion-met",
                         "twitch_response"),
              1);
    CHECK_INT(
        count_kind(&l.items.v[2999], "outcome", "outcome-vs-conclusion", NULL),
        1);
  }
  ir_rules_ctx_free(c);
  ir_rules_ctx_free(cr);
  ir_rules_free(rs);
  ir_rules_free(real);
  rm_dir();
}

/* A letter whose tables do not fit the memory cap: one clear error per rule
 * for that letter, no crash, and the next letter runs normally. Only the
 * items list is made up front (the rest on first use), so it takes many
 * items to overflow 1 MiB. */
static void test_letter_too_big(void) {
  new_dir();
  put("a.lua", RULE("a", "return {{kind = 'seen'}}"));
  put("b.lua", RULE("b", "return {{kind = 'seen'}}"));
  char err[512] = "";
  ir_rules_opts o = {0, 1u << 20, 0, 0, 0};
  ir_ruleset *rs = ir_rules_load(tmpdir, &o, err, sizeof err);
  ir_rules_ctx *c = rs ? ir_rules_ctx_new(rs, err, sizeof err) : NULL;
  CHECK(c != NULL);
  if (c) {
    ir_letter l;
    many_items(&l, 5000);
    CHECK_INT(ir_rules_run(c, &A, &l), 2);
    CHECK_INT(l.rule_errors.n, 2);
    const ir_rule_error *e = error_of(&l, "a");
    CHECK(e && strstr(e->message, "while converting the letter (5000 items"));
    CHECK(e && strstr(e->message, "memory limit exceeded"));
    CHECK(error_of(&l, "b") != NULL);
    CHECK_INT(l.items.v[0].findings.n, 0);
    make_letter(&l);
    CHECK_INT(ir_rules_run(c, &A, &l), 0);
    CHECK_INT(count_kind(&l.items.v[1], "a", "seen", NULL), 1);
    CHECK_INT(count_kind(&l.items.v[1], "b", "seen", NULL), 1);
  }
  ir_rules_ctx_free(c);
  ir_rules_free(rs);
  rm_dir();
}

/* Two items whose rationale is a 2 MB text, under a 1 MiB cap: a rule that
 * reads only the outcome runs (the rationale is never built for it); one
 * that reads the rationale gets a memory-limit rule error on each item (not
 * a conversion error), and runs normally on the next letter. */
static void test_lazy_memory(void) {
  new_dir();
  put("lean.lua", RULE("lean", "return {{kind = 'seen', message = "
                               "item.outcome .. #letter.items}}"));
  put("fat.lua", RULE("fat", "return {{kind = 'len', message = "
                             "tostring(#item.rationale)}}"));
  char err[512] = "";
  ir_rules_opts o = {0, 1u << 20, 0, 0, 0};
  ir_ruleset *rs = ir_rules_load(tmpdir, &o, err, sizeof err);
  ir_rules_ctx *c = rs ? ir_rules_ctx_new(rs, err, sizeof err) : NULL;
  CHECK(c != NULL);
  size_t big = 2u << 20;
  char *text = malloc(big + 200);
  if (c && text) {
    ir_letter l;
    make_letter(&l);
    int k = snprintf(text, 200,
                     "Trigger point injection: Upheld\n"
                     "Decision rationale: ");
    memset(text + k, 'x', big);
    strcpy(text + k + big, "\n");
    size_t n = strlen(text);
    l.text.orig = (const unsigned char *)text;
    l.text.norm = text;
    l.text.orig_len = l.text.norm_len = n;
    RUN = (ir_map_run){0, (uint32_t)n, 0, (uint32_t)n, 1};
    l.sum_start = l.sum_end = 0;
    for (size_t i = 0; i < l.items.n; i++) {
      ir_item *it = &l.items.v[i];
      memset(&it->title, 0, sizeof it->title);
      memset(&it->conclusion_ev, 0, sizeof it->conclusion_ev);
      memset(&it->cited, 0, sizeof it->cited);
      if (it->nfacts)
        memset(it->facts, 0, it->nfacts * sizeof *it->facts);
      it->rat_start = (size_t)k;
      it->rat_end = n;
    }
    CHECK_INT(ir_rules_run(c, &A, &l), 2);
    CHECK_INT(count_kind(&l.items.v[0], "lean", "seen", NULL), 1);
    CHECK_INT(count_kind(&l.items.v[1], "lean", "seen", NULL), 1);
    if (l.items.v[1].findings.n)
      CHECK_STR(l.items.v[1].findings.v[0].message, "overturned2");
    CHECK_INT(l.rule_errors.n, 2);
    for (size_t i = 0; i < l.rule_errors.n; i++) {
      const ir_rule_error *e = &l.rule_errors.v[i];
      CHECK_STR(e->rule, "fat");
      CHECK_INT(e->item, (int)i + 1);
      CHECK(strstr(e->message, "memory limit exceeded") != NULL);
      CHECK(strstr(e->message, "converting") == NULL);
    }
    make_letter(&l);
    CHECK_INT(ir_rules_run(c, &A, &l), 0);
    CHECK_INT(count_kind(&l.items.v[0], "fat", "len", NULL), 1);
  }
  free(text);
  ir_rules_ctx_free(c);
  ir_rules_free(rs);
  rm_dir();
}

/* A rule that keeps letter tables in an upvalue: within their letter they
 * work (lazy parts built by a later check() call too); the next letter
 * (same addresses, other data) starts with fresh rule state, so the old
 * tables are out of reach. */
static const char *STALE_RULE =
    "local kept\n"
    "return { id = 'stale', check = function(item, letter)\n"
    "  if not kept then\n"
    "    kept = {letter = letter, facts = item.facts,\n"
    "            cev = item.cited_evidence}\n"
    "    return {{kind = 'kept'}}\n"
    "  end\n"
    "  if rawequal(kept.letter, letter) then\n"
    "    return {{kind = 'same', message = kept.facts.duration.status}}\n"
    "  end\n"
    "  if item.index == 1 then\n"
    "    return {{kind = 'x', evidence = kept.cev}}\n"
    "  end\n"
    "  return {{kind = 'y', message = kept.letter.file}}\n"
    "end }\n";

static void test_stale_tables(void) {
  new_dir();
  put("stale.lua", STALE_RULE);
  char err[512] = "";
  ir_ruleset *rs = ir_rules_load(tmpdir, &OPTS, err, sizeof err);
  ir_rules_ctx *c = rs ? ir_rules_ctx_new(rs, err, sizeof err) : NULL;
  CHECK(c != NULL);
  if (c) {
    ir_letter l;
    make_letter(&l);
    CHECK_INT(ir_rules_run(c, &A, &l), 0);
    CHECK_INT(count_kind(&l.items.v[0], "stale", "kept", NULL), 1);
    CHECK_INT(count_kind(&l.items.v[1], "stale", "same", NULL), 1);
    if (l.items.v[1].findings.n)
      CHECK_STR(l.items.v[1].findings.v[0].message, "present");
    /* the arena is reset: same addresses, new data. Rule state is reset
     * per letter (issue 14), so `kept` starts empty again: the old tables
     * are never reachable (were they, reading them would raise "letter
     * tables are only valid during the check() call of their letter"). */
    make_letter(&l);
    CHECK_INT(ir_rules_run(c, &A, &l), 0);
    CHECK_INT(l.rule_errors.n, 0);
    CHECK_INT(count_kind(&l.items.v[0], "stale", "kept", NULL), 1);
    CHECK_INT(count_kind(&l.items.v[1], "stale", "same", NULL), 1);
  }
  ir_rules_ctx_free(c);
  ir_rules_free(rs);
  rm_dir();
}

/* ---- shared check libraries: include() -------------------------------- */

static void lib_dir(void) {
  char p[300];
  snprintf(p, sizeof p, "%s/lib", tmpdir);
  mkdir(p, 0700);
}

/* A rule counting its check() calls in a library: "calls/libcalls". */
#define COUNTER_RULE                                                           \
  "local T = include('tally')\n"                                               \
  "return { id = 'c', check = function(item, letter)\n"                        \
  "  assert(include('tally') == T, 'one module per environment')\n"            \
  "  return {{ kind = 'count', message = T.bump() .. '/' .. T.seen }}\n"       \
  "end }\n"

static const char *first_message(const ir_item *it, const char *rule) {
  for (size_t i = 0; i < it->findings.n; i++)
    if (strcmp(it->findings.v[i].rule, rule) == 0)
      return it->findings.v[i].message;
  return NULL;
}

static void test_include(void) {
  char err[512] = "";
  ir_letter l;
  /* a library used by a rule: it sees the rule's globals (CRITERIA, one
   * the rule set before including it), keeps a counter per letter */
  new_dir();
  lib_dir();
  put("lib/tally.lua", "local n = 0\n"
                       "return { bump = function() n = n + 1 return n end,\n"
                       "  seen = tostring(SEEN) .. ':' .. #CRITERIA }\n");
  put("c.lua", "SEEN = 'rule'\n" COUNTER_RULE);
  ir_ruleset *rs = ir_rules_load(tmpdir, &OPTS, err, sizeof err);
  CHECK(rs != NULL);
  ir_rules_ctx *c = rs ? ir_rules_ctx_new(rs, err, sizeof err) : NULL;
  CHECK(c != NULL);
  if (!c) {
    fprintf(stderr, "  %s\n", err);
    ir_rules_free(rs);
    rm_dir();
    return;
  }
  for (int letter = 0; letter < 3; letter++) { /* fresh for every letter */
    make_letter(&l);
    CHECK_INT(ir_rules_run(c, &A, &l), 0);
    CHECK_STR(first_message(&l.items.v[0], "c"), "1/rule:0");
    CHECK_STR(first_message(&l.items.v[1], "c"), "2/rule:0");
  }
  /* another worker's context, after nothing: the same */
  ir_rules_ctx *c2 = ir_rules_ctx_new(rs, err, sizeof err);
  make_letter(&l);
  CHECK_INT(ir_rules_run(c2, &A, &l), 0);
  CHECK_STR(first_message(&l.items.v[1], "c"), "2/rule:0");
  ir_rules_ctx_free(c2);
  ir_rules_ctx_free(c);
  ir_rules_free(rs);
  rm_dir();

  /* an unknown name: at load (top-level code) and in check() */
  new_dir();
  lib_dir();
  put("u.lua", "local X = include('nope')\nreturn {}\n");
  char want[300];
  snprintf(want, sizeof want,
           "u.lua:1: include: no library 'nope' (%s/lib/nope.lua)", tmpdir);
  CHECK(load_fails_with(want));
  put("u.lua", RULE("u", "local X = include('nope')\nreturn nil"));
  CHECK_INT(run_dir(&l, err, sizeof err), 2);
  const ir_rule_error *e = error_of(&l, "u");
  CHECK(e && strstr(e->message, want + strlen("u.lua:1: ")));
  rm_dir();

  /* a library's syntax error, at load, with its file and line */
  new_dir();
  lib_dir();
  put("lib/bad.lua", "local M = {}\nfunction M.f( return 1 end\nreturn M\n");
  put("ok.lua", RULE("ok", "return nil"));
  CHECK(load_fails_with("lib/bad.lua:2:"));
  rm_dir();
  new_dir(); /* bytecode is refused as for rules */
  lib_dir();
  put("lib/bin.lua", "\x1bLua");
  CHECK(load_fails_with("lib/bin.lua:1: attempt to load a binary chunk"));
  rm_dir();

  /* errors when the library runs: not a table, an include cycle, the
   * instruction limit (the rule's) */
  new_dir();
  lib_dir();
  put("lib/num.lua", "return 42\n");
  put("n.lua", "include('num')\nreturn {}\n");
  CHECK(load_fails_with("include: library 'num' (" /* the path */));
  CHECK(load_fails_with("must return a table (got number)"));
  rm_dir();
  new_dir();
  lib_dir();
  put("lib/a.lua", "return include('b')\n");
  put("lib/b.lua", "local a = include('a')\nreturn {}\n");
  put("n.lua", "include('a')\nreturn {}\n");
  CHECK(load_fails_with("lib/b.lua:1: include: library 'a' is still loading"));
  rm_dir();
  new_dir();
  lib_dir();
  put("lib/loop.lua", "while true do end\n");
  put("n.lua", "include('loop')\nreturn {}\n");
  CHECK(load_fails_with("lib/loop.lua:1: instruction limit exceeded"));
  rm_dir();

  /* the same name in two search directories: a load error naming both */
  new_dir();
  lib_dir();
  put("lib/tally.lua", "return {}\n");
  char one[64];
  snprintf(one, sizeof one, "%s", tmpdir);
  new_dir();
  lib_dir();
  put("lib/tally.lua", "return {}\n");
  const char *dirs[] = {one, tmpdir};
  ir_ruleset *two = ir_rules_load_path(dirs, 2, &OPTS, err, sizeof err);
  CHECK(two == NULL);
  char w1[200], w2[200];
  snprintf(w1, sizeof w1, "%s/lib/tally.lua:1: duplicate library 'tally'",
           tmpdir);
  snprintf(w2, sizeof w2, "(also in %s/lib/tally.lua)", one);
  CHECK(strstr(err, w1) && strstr(err, w2));
  ir_rules_free(two);
  rm_dir();
  snprintf(tmpdir, sizeof tmpdir, "%s", one);
  rm_dir();
}

int main(void) {
  ir_arena_init(&A);
  char err[512];
  TPI_RS = ir_rules_load("rules", NULL, err, sizeof err);
  TPI = TPI_RS ? ir_packset_find(ir_rules_packs(TPI_RS), "mtus-tpi") : NULL;
  if (!TPI) {
    fprintf(stderr, "cannot load rules/mtus-tpi: %s\n", err);
    return 1;
  }
  test_real_rules();
  test_verdicts();
  test_load_errors();
  test_hostile();
  test_findings_validation();
  test_limits_recover();
  test_accounting();
  test_mtus_pack();
  test_shared_readonly();
  test_many_items();
  test_letter_too_big();
  test_lazy_memory();
  test_stale_tables();
  test_include();
  ir_rules_free(TPI_RS);
  ir_arena_free(&A);
  return check_report();
}
