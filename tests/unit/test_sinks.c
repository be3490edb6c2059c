/* test_sinks.c - the outputs generic over guideline packs: a letter built
 * by hand with a TPI-like item, an ESI-like item (number, string and a
 * computed value with "how") and an item no pack covers, rendered as JSON,
 * CSV (and --csv-raw), --explain, the summary; the cross-case profile of
 * items of one pack, never across packs; the writer's copy of a record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/batch_int.h"
#include "batch/crosscase.h"
#include "check.h"
#include "sink/sink.h"
#include "testpack.h"

static const char TEXT[] = "IMR letter\n"
                           "Exam: local twitch response on palpation.\n"
                           "Injection without fluoroscopy.\n"
                           "Denied: no twitch response documented.\n";

static ir_evidence ev(ir_section sec, const char *s) {
  ir_evidence e;
  memset(&e, 0, sizeof e);
  const char *p = strstr(TEXT, s);
  e.section = sec;
  e.start = e.nstart = p ? (size_t)(p - TEXT) : 0;
  e.end = e.nend = e.start + strlen(s);
  e.text = s;
  return e;
}

static void make_letter(ir_arena *a, ir_letter *l) {
  memset(l, 0, sizeof *l);
  l->path = "letters/a.txt";
  l->ok = 1;
  l->case_number = "CM1";
  l->text.orig = (const unsigned char *)TEXT;
  l->text.orig_len = sizeof TEXT - 1;
  ir_item it;

  /* 1: TPI, upheld, cites twitch_response, which the record documents */
  memset(&it, 0, sizeof it);
  it.index = 1;
  it.line = 1;
  it.service = "Trigger point injections";
  it.category = "tpi";
  it.outcome = IR_OUT_UPHELD;
  it.conclusion = IR_CONC_NOT_NECESSARY;
  tp_set_pack(a, &it, &tp_tpi);
  ir_fact *f = &it.facts[TP_TWITCH];
  f->status = IR_FACT_PRESENT;
  f->verdict = IR_VERDICT_MET;
  ir_vec_push(a, &f->affirm, ev(IR_SEC_SUMMARY, "local twitch response"));
  f = &it.facts[TP_COUNT];
  f->status = IR_FACT_PRESENT;
  f->has_value = 1;
  f->ivalue = 4;
  f = &it.facts[TP_INJECTATE];
  f->status = IR_FACT_PRESENT;
  f->has_value = 1;
  ir_vec_push(a, &f->list, "steroid");
  ir_vec_push(a, &f->list, "local_anesthetic");
  ir_cite c;
  memset(&c, 0, sizeof c);
  c.criterion = TP_TWITCH;
  ir_vec_push(a, &c.evidence,
              ev(IR_SEC_RATIONALE, "no twitch response documented"));
  ir_vec_push(a, &it.cited, c);
  ir_finding fd;
  memset(&fd, 0, sizeof fd);
  fd.rule = "t-tpi";
  fd.kind = "denial-criterion-met";
  fd.criterion = "twitch_response";
  fd.severity = IR_SEV_ERROR;
  fd.message = "cites twitch_response, documented";
  ir_vec_push(a, &it.findings, fd);
  ir_vec_push(a, &l->items, it);

  /* 2: ESI, overturned with three levels */
  memset(&it, 0, sizeof it);
  it.index = 2;
  it.line = 3;
  it.service = "Lumbar ESI";
  it.category = "esi";
  it.outcome = IR_OUT_OVERTURNED;
  it.conclusion = IR_CONC_NECESSARY;
  tp_set_pack(a, &it, &tp_esi);
  f = &it.facts[TE_FLUORO];
  f->status = IR_FACT_ABSENT;
  ir_vec_push(a, &f->deny, ev(IR_SEC_SUMMARY, "without fluoroscopy"));
  f = &it.facts[TE_LEVELS];
  f->status = IR_FACT_PRESENT;
  f->verdict = IR_VERDICT_UNMET;
  f->has_value = 1;
  f->ivalue = 3;
  f = &it.facts[TE_APPROACH];
  f->status = IR_FACT_PRESENT;
  f->has_value = 1;
  f->svalue = "transforaminal";
  f = &it.facts[TE_MED];
  f->status = IR_FACT_PRESENT;
  f->has_value = 1;
  f->ivalue = 40;
  f->how = "40% relief for 2 weeks";
  memset(&c, 0, sizeof c);
  c.criterion = TE_LEVELS;
  ir_vec_push(a, &it.cited, c);
  ir_vec_push(a, &l->items, it);

  /* 3: no pack covers it; a formula-like title */
  memset(&it, 0, sizeof it);
  it.index = 3;
  it.line = 4;
  it.service = "=HYPERLINK(1)";
  it.category = "office_visit";
  it.outcome = IR_OUT_UPHELD;
  tp_set_pack(a, &it, NULL);
  ir_vec_push(a, &l->items, it);
}

static char *json_of(const ir_letter *l, ir_buf *b) {
  ir_buf_reset(b);
  ir_report_json(b, l);
  ir_buf_putc(b, 0);
  return b->p;
}

#define HAS(hay, s)                                                            \
  do {                                                                         \
    const char *s_ = (s);                                                      \
    int ok_ = strstr((hay), s_) != NULL;                                       \
    CHECK(ok_);                                                                \
    if (!ok_)                                                                  \
      fprintf(stderr, "  missing: %s\n", s_);                                  \
  } while (0)

static void test_json(void) {
  ir_arena a;
  ir_arena_init(&a);
  ir_letter l;
  make_letter(&a, &l);
  ir_buf b = {0};
  const char *j = json_of(&l, &b);
  HAS(j, "\"category\":\"tpi\",\"pack\":\"t-tpi\",\"outcome\":\"upheld\"");
  HAS(j, "\"facts\":{\"twitch_response\":{\"status\":\"present\","
         "\"evidence\":[{\"section\":\"summary\",\"start\":17,\"end\":38,"
         "\"text\":\"local twitch response\"}]},"
         "\"injection_count\":{\"status\":\"present\",\"value\":4,"
         "\"evidence\":[]},"
         "\"injectate\":{\"status\":\"present\",\"value\":[\"steroid\","
         "\"local_anesthetic\"],\"evidence\":[]}},"
         "\"cited\":[\"twitch_response\"],\"cited_evidence\":{"
         "\"twitch_response\":[{\"section\":\"rationale\"");
  HAS(j, "\"category\":\"esi\",\"pack\":\"t-esi\"");
  HAS(j, "\"fluoroscopy\":{\"status\":\"absent\",\"evidence\":[{"
         "\"section\":\"summary\"");
  HAS(j, "\"levels\":{\"status\":\"present\",\"value\":3,\"evidence\":[]}");
  HAS(j, "\"approach\":{\"status\":\"present\",\"value\":\"transforaminal\","
         "\"evidence\":[]}");
  HAS(j, "\"repeat_relief\":{\"status\":\"present\",\"value\":40,"
         "\"how\":\"40% relief for 2 weeks\",\"evidence\":[]}");
  HAS(j, "\"cited\":[\"levels\"],\"cited_evidence\":{\"levels\":[]}");
  HAS(j, "\"category\":\"office_visit\",\"pack\":null");
  HAS(j, "\"facts\":{},\"cited\":[],\"cited_evidence\":{},\"findings\":[]}");
  /* a string criterion without a value has no "value"; a number null */
  l.items.v[1].facts[TE_APPROACH].has_value = 0;
  l.items.v[1].facts[TE_LEVELS].has_value = 0;
  j = json_of(&l, &b);
  HAS(j, "\"approach\":{\"status\":\"present\",\"evidence\":[]}");
  HAS(j, "\"levels\":{\"status\":\"present\",\"value\":null,");
  ir_buf_free(&b);
  ir_arena_free(&a);
}

/* The 11 TPI ids in a pack (here all declared status: injection_count and
 * injectate keep their shape anyway): the facts object of today. */
static void test_json_tpi_shape(void) {
  static const char *const ids[] = {
      "twitch_response", "referred_pain",
      "duration",        "failed_physical_therapy",
      "failed_nsaids",   "failed_muscle_relaxants",
      "radiculopathy",   "injection_count",
      "repeat_relief",   "frequency",
      "injectate"};
  ir_crit_def crit[11];
  memset(crit, 0, sizeof crit);
  for (int i = 0; i < 11; i++)
    crit[i].id = ids[i];
  ir_pack p;
  memset(&p, 0, sizeof p);
  p.id = "mtus-tpi";
  p.crit = crit;
  p.ncrit = 11;
  ir_arena a;
  ir_arena_init(&a);
  ir_letter l;
  memset(&l, 0, sizeof l);
  l.path = "x.txt";
  l.ok = 1;
  ir_item it;
  memset(&it, 0, sizeof it);
  it.index = 1;
  it.category = "tpi";
  tp_set_pack(&a, &it, &p);
  ir_vec_push(&a, &l.items, it);
  ir_buf b = {0};
  const char *j = json_of(&l, &b);
  ir_buf want = {0};
  ir_buf_puts(&want, "\"facts\":{");
  for (int i = 0; i < 11; i++)
    ir_buf_printf(&want, "%s\"%s\":{\"status\":\"unknown\"%s,\"evidence\":[]}",
                  i ? "," : "", ids[i],
                  i == 7    ? ",\"value\":null"
                  : i == 10 ? ",\"value\":[]"
                            : "");
  ir_buf_puts(&want, "},\"cited\":[]");
  ir_buf_putc(&want, 0);
  HAS(j, want.p);
  ir_buf_free(&want);
  ir_buf_free(&b);
  ir_arena_free(&a);
}

static void test_csv(void) {
  ir_arena a;
  ir_arena_init(&a);
  ir_letter l;
  make_letter(&a, &l);
  ir_buf b = {0};
  ir_csv_header(&b);
  ir_buf_putc(&b, 0);
  CHECK_STR(b.p, "file,case_number,item,service,category,outcome,conclusion,"
                 "pack,facts,cited,finding_kinds,severities,first_message,"
                 "error\r\n");
  ir_buf_reset(&b);
  ir_csv_letter(&b, &l, 0);
  ir_buf_putc(&b, 0);
  CHECK_STR(b.p,
            "letters/a.txt,CM1,1,Trigger point injections,tpi,upheld,"
            "not_necessary,t-tpi,twitch_response=present;injection_count="
            "present:4;injectate=present:steroid+local_anesthetic,"
            "twitch_response,denial-criterion-met,error,\"cites "
            "twitch_response, documented\",\r\n"
            "letters/a.txt,CM1,2,Lumbar ESI,esi,overturned,necessary,t-esi,"
            "fluoroscopy=absent;levels=present:3;approach=present:"
            "transforaminal;repeat_relief=present:40,levels,,,,\r\n"
            "letters/a.txt,CM1,3,'=HYPERLINK(1),office_visit,upheld,unknown,"
            ",,,,,,\r\n");
  ir_buf_reset(&b);
  ir_csv_letter(&b, &l, 1); /* raw */
  ir_buf_putc(&b, 0);
  HAS(b.p, ",3,=HYPERLINK(1),");
  /* a value with separators stays one token */
  l.items.v[1].facts[TE_APPROACH].svalue = "a;b=c";
  ir_buf_reset(&b);
  ir_csv_letter(&b, &l, 0);
  ir_buf_putc(&b, 0);
  HAS(b.p, "approach=present:a_b_c;");
  /* a letter not audited: one row, as many fields as the header */
  ir_letter bad;
  memset(&bad, 0, sizeof bad);
  bad.path = "b.txt";
  bad.error = "binary file";
  ir_buf_reset(&b);
  ir_csv_letter(&b, &bad, 0);
  ir_buf_putc(&b, 0);
  CHECK_STR(b.p, "b.txt,,,,,,,,,,,,,binary file\r\n");
  ir_buf_free(&b);
  ir_arena_free(&a);
}

static void test_explain(void) {
  ir_arena a;
  ir_arena_init(&a);
  ir_letter l;
  make_letter(&a, &l);
  ir_buf b = {0};
  ir_report_explain(&b, &l, 0);
  ir_buf_putc(&b, 0);
  const char *e = b.p;
  HAS(e, "  pack t-tpi: MTUS Chronic Pain, p. 122, version 1.0\n");
  HAS(e, "  twitch_response            present                      yes    "
         "met - denial cites it, but the record shows it met\n");
  HAS(e, "      requires: a twitch response and referred pain on "
         "palpation\n");
  HAS(e, "      affirms, summary line 2: \"local twitch response\"\n");
  HAS(e, "      cited, rationale line 4: \"no twitch response documented\"\n");
  HAS(e, "  injection_count            present (4)");
  HAS(e, "  injectate                  present (steroid,local_anesthetic)");
  HAS(e, "  pack t-esi: MTUS Chronic Pain, ESI, p. 46, version 0.1\n");
  HAS(e, "  levels                     present (3)                  yes    "
         "unmet - authorized although the record shows it unmet\n");
  HAS(e, "  approach                   present (transforaminal)     no ");
  HAS(e, "      how: 40% relief for 2 weeks\n");
  HAS(e, "      denies, summary line 3: \"without fluoroscopy\"\n");
  HAS(e, "  (no checklist: no guideline pack covers category "
         "office_visit)\n");
  CHECK(strstr(e, "twitch_response            present") <
        strstr(e, "injection_count"));
  ir_buf_free(&b);
  ir_arena_free(&a);
}

/* The writer's copy keeps the pack and copies facts, values, how. */
static void test_copy(void) {
  ir_arena a, a2;
  ir_arena_init(&a);
  ir_arena_init(&a2);
  ir_letter l;
  make_letter(&a, &l);
  ir_letter *d = ir_letter_copy(&a2, &l, 0);
  ir_buf b1 = {0}, b2 = {0};
  l.text.orig = NULL; /* the copy has no text */
  l.text.orig_len = 0;
  json_of(&l, &b1);
  json_of(d, &b2);
  CHECK_STR(b1.p, b2.p);
  const ir_item *it = &d->items.v[1];
  CHECK(it->pack == &tp_esi);
  CHECK_INT(it->nfacts, TE_NCRIT);
  CHECK(it->facts != l.items.v[1].facts);
  CHECK(it->facts[TE_APPROACH].svalue !=
        l.items.v[1].facts[TE_APPROACH].svalue);
  CHECK_STR(it->facts[TE_APPROACH].svalue, "transforaminal");
  CHECK_STR(it->facts[TE_MED].how, "40% relief for 2 weeks");
  CHECK(d->items.v[2].pack == NULL && d->items.v[2].facts == NULL);
  ir_buf_free(&b1);
  ir_buf_free(&b2);
  ir_arena_free(&a);
  ir_arena_free(&a2);
}

/* The lean copy (stream sinks only) keeps what the summary and the
 * cross-case index read: the same summary, facts' status and classes; no
 * evidence, messages or strings the writer does not read. */
static void test_copy_lean(void) {
  ir_arena a, a2;
  ir_arena_init(&a);
  ir_arena_init(&a2);
  ir_letter l;
  make_letter(&a, &l);
  ir_letter *d = ir_letter_copy(&a2, &l, 1);
  ir_summary s1, s2;
  ir_summary_init(&s1);
  ir_summary_init(&s2);
  ir_summary_add(&s1, &l);
  ir_summary_add(&s2, d);
  ir_buf b1 = {0}, b2 = {0};
  ir_summary_json(&b1, &s1);
  ir_summary_json(&b2, &s2);
  ir_buf_putc(&b1, 0);
  ir_buf_putc(&b2, 0);
  CHECK_STR(b1.p, b2.p);
  CHECK_INT(d->items.n, l.items.n);
  for (size_t i = 0; i < d->items.n; i++) {
    const ir_item *di = &d->items.v[i], *si = &l.items.v[i];
    CHECK(di->pack == si->pack);
    CHECK_INT(di->nfacts, si->nfacts);
    CHECK_INT(di->findings.n, si->findings.n);
    CHECK(di->title.text == NULL && di->cited.n == 0);
    for (size_t k = 0; k < di->nfacts; k++) {
      CHECK_INT(di->facts[k].status, si->facts[k].status);
      CHECK_INT(di->facts[k].list.n, si->facts[k].list.n);
      CHECK(di->facts[k].affirm.n == 0 && di->facts[k].svalue == NULL);
    }
    for (size_t k = 0; k < di->findings.n; k++)
      CHECK(di->findings.v[k].message == NULL &&
            di->findings.v[k].evidence.n == 0);
  }
  ir_buf_free(&b1);
  ir_buf_free(&b2);
  ir_summary_free(&s1);
  ir_summary_free(&s2);
  ir_arena_free(&a);
  ir_arena_free(&a2);
}

static void test_summary(void) {
  ir_arena a;
  ir_arena_init(&a);
  ir_letter l;
  make_letter(&a, &l);
  ir_summary s;
  ir_summary_init(&s);
  ir_summary_add(&s, &l);
  CHECK_INT(ir_sum_get(&s.by_criterion, "t-tpi: twitch_response")->n[0], 1);
  CHECK_INT(ir_sum_get(&s.by_pack, "t-tpi")->n[0], 1);
  CHECK_INT(ir_sum_get(&s.by_pack, "t-tpi")->n[1], 1);
  CHECK_INT(ir_sum_get(&s.by_pack, "t-esi")->n[0], 1);
  CHECK_INT(ir_sum_get(&s.by_pack, "(none)")->n[0], 1);
  ir_buf b = {0};
  ir_summary_json(&b, &s);
  ir_buf_putc(&b, 0);
  HAS(b.p, "\"findings_by_criterion\":{\"t-tpi: twitch_response\":1}");
  HAS(b.p, "\"packs\":{\"(none)\":{\"items\":1,\"flagged\":0,\"findings\":0},"
           "\"t-esi\":{\"items\":1,\"flagged\":0,\"findings\":0},"
           "\"t-tpi\":{\"items\":1,\"flagged\":1,\"findings\":1}}");
  ir_buf_reset(&b);
  ir_summary_text(&b, &s);
  ir_buf_putc(&b, 0);
  HAS(b.p, "findings by criterion: t-tpi: twitch_response 1\n");
  HAS(b.p, "items by pack:         (none) 1 (0 flagged), t-esi 1 (0 "
           "flagged), t-tpi 1 (1 flagged)\n");
  ir_buf_free(&b);
  ir_summary_free(&s);
  ir_arena_free(&a);
}

/* One item of pack p in category cat with the given statuses (first
 * criteria) and, for a TPI item, injectate classes. */
static void add_item(ir_crosscase *cc, ir_arena *a, long seq, const char *path,
                     const ir_pack *p, const char *cat, ir_outcome out,
                     ir_status s0, const char *inj1, const char *inj2) {
  ir_letter l;
  memset(&l, 0, sizeof l);
  l.path = path;
  l.ok = 1;
  ir_item it;
  memset(&it, 0, sizeof it);
  it.index = 1;
  it.category = cat;
  it.service = "svc";
  it.outcome = out;
  tp_set_pack(a, &it, p);
  if (p) {
    it.facts[0].status = s0;
    it.facts[1].status = IR_FACT_PRESENT;
    it.facts[1].has_value = 1;
    it.facts[1].ivalue = seq; /* values are not part of the profile */
  }
  if (p == &tp_tpi) {
    if (inj1)
      ir_vec_push(a, &it.facts[TP_INJECTATE].list, inj1);
    if (inj2)
      ir_vec_push(a, &it.facts[TP_INJECTATE].list, inj2);
  }
  ir_vec_push(a, &l.items, it);
  ir_crosscase_add(cc, seq, &l);
}

static void test_crosscase_packs(void) {
  ir_pack esi2 = tp_esi; /* the same criteria under another id */
  esi2.id = "t-esi2";
  ir_arena a;
  ir_arena_init(&a);
  ir_crosscase *cc = ir_crosscase_new();
  /* same TPI profile: classes in any order are one set */
  add_item(cc, &a, 0, "t1.txt", &tp_tpi, "tpi", IR_OUT_UPHELD, IR_FACT_PRESENT,
           "steroid", "local_anesthetic");
  add_item(cc, &a, 1, "t2.txt", &tp_tpi, "tpi", IR_OUT_OVERTURNED,
           IR_FACT_PRESENT, "local_anesthetic", "steroid");
  /* ESI upheld; the same statuses under another pack do not compare */
  add_item(cc, &a, 2, "e1.txt", &tp_esi, "esi", IR_OUT_UPHELD, IR_FACT_ABSENT,
           NULL, NULL);
  add_item(cc, &a, 3, "x1.txt", &esi2, "esi", IR_OUT_OVERTURNED, IR_FACT_ABSENT,
           NULL, NULL);
  add_item(cc, &a, 4, "e2.txt", &tp_esi, "esi", IR_OUT_OVERTURNED,
           IR_FACT_ABSENT, NULL, NULL);
  /* no pack: never takes part */
  add_item(cc, &a, 5, "n1.txt", NULL, "esi", IR_OUT_UPHELD, 0, NULL, NULL);
  CHECK_INT(ir_crosscase_finish(cc), 0);
  CHECK_INT(ir_crosscase_count(cc), 4);
  ir_cross_iter *it = ir_crosscase_iter(cc);
  const ir_cross_finding *f = ir_cross_next(it);
  CHECK(f != NULL);
  if (!f)
    goto done;
  CHECK_STR(f->file, "t1.txt");
  CHECK(f->pack == &tp_tpi);
  CHECK_INT(f->nstatus, TP_NCRIT);
  CHECK_INT(f->status[TP_TWITCH], IR_FACT_PRESENT);
  CHECK_INT(f->status[TP_INJECTATE], IR_FACT_UNKNOWN);
  CHECK_STR(f->classes[TP_INJECTATE], "local_anesthetic+steroid");
  CHECK(f->classes[TP_TWITCH] == NULL);
  CHECK_STR(f->counterparts[0], "t2.txt#1");
  CHECK_STR(f->message,
            "1 tpi item with the same criteria profile was overturned, this "
            "one was upheld (profile: twitch_response=present, "
            "injection_count=present, injectate classes="
            "local_anesthetic+steroid)");
  ir_buf b = {0};
  ir_report_cross(&b, f, 1, IR_FMT_CSV, 0);
  ir_buf_putc(&b, 0);
  HAS(b.p, "t1.txt,,1,svc,tpi,upheld,unknown,t-tpi,twitch_response=present;"
           "injection_count=present;injectate=unknown:local_anesthetic+"
           "steroid,,similar-cases-differ,warning,");
  f = ir_cross_next(it);
  CHECK_STR(f->file, "t2.txt");
  f = ir_cross_next(it);
  CHECK_STR(f->file, "e1.txt");
  CHECK(f->pack == &tp_esi);
  CHECK_INT(f->ntotal, 1);
  CHECK_STR(f->counterparts[0], "e2.txt#1");
  HAS(f->message, "(profile: fluoroscopy=absent, levels=present)");
  for (size_t k = 0; k < f->nstatus; k++)
    CHECK(f->classes[k] == NULL);
  f = ir_cross_next(it);
  CHECK_STR(f->file, "e2.txt");
  CHECK(ir_cross_next(it) == NULL);
  ir_buf_free(&b);
done:
  ir_cross_iter_free(it);
  ir_crosscase_free(cc);
  ir_arena_free(&a);
}

int main(void) {
  test_json();
  test_json_tpi_shape();
  test_csv();
  test_explain();
  test_copy();
  test_copy_lean();
  test_summary();
  test_crosscase_packs();
  return check_report();
}
