/* test_normalize.c - layout detection, normalized text and the offset map.
 * Seeds are read from cases/ (or ../shared/seeds, or $IR_SEEDS). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "letter/record.h"
#include "text/text.h"

/* the layout tables every normalization reads (an engine owns them) */
static ir_layout_tables *LT;

static ir_arena A;
static int text_ok(const ir_text *t);

/* Normalize s (len n, or strlen) and return the text, or "ERR:<msg>". */
static const char *norm_n(const char *s, size_t n, ir_text *out) {
  ir_text t;
  const char *err = NULL;
  if (ir_text_normalize(LT, &A, (const unsigned char *)s, n, &t, &err) != 0)
    return ir_arena_printf(&A, "ERR:%s", err ? err : "(null)");
  if (out)
    *out = t;
  return t.norm;
}
static const char *norm(const char *s) { return norm_n(s, strlen(s), NULL); }

/* Lay lines out as PDF text: each printed line followed by a blank line. */
static const char *pdfify(const char *const *lines) {
  size_t n = 0;
  for (const char *const *l = lines; *l; l++)
    n += strlen(*l) + 3;
  char *b = ir_arena_alloc(&A, n + 1), *p = b;
  for (const char *const *l = lines; *l; l++)
    p += sprintf(p, (**l && (*l)[strlen(*l) - 1] == '-') ? "%s\n\n" : "%s \n\n",
                 *l); /* as pdftotext: no space after a hyphen */
  return b;
}

static unsigned char *read_file(const char *name, size_t *len) {
  const char *env = getenv("IR_SEEDS");
  const char *dirs[] = {env ? env : "cases", "cases", "../shared/seeds",
                        "../../shared/seeds", "/work/shared/seeds"};
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dirs[i], name);
    FILE *f = fopen(path, "rb");
    if (!f)
      continue;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *b = malloc((size_t)n + 1);
    size_t got = fread(b, 1, (size_t)n, f);
    fclose(f);
    *len = got;
    return b;
  }
  fprintf(stderr, "seed %s not found\n", name);
  return NULL;
}

static void test_pdf_joins(void) {
  const char *lines[] = {"HOW THE IMR FINAL DETERMINATION WAS MADE",
                         "The patient was seen for",
                         "chronic low back pain and treat-",
                         "ment with q4-",
                         "6hrs dosing of Hydrocodone-",
                         "Acet was continued.",
                         " ",
                         "CLINICAL CASE SUMMARY",
                         "He has failed medication management.The prior",
                         "review noted Dr.Smith and U.S.Department and",
                         "e.g.Motrin at 3.5 mg for L4-5 disease in 2014.The",
                         "end.",
                         NULL};
  CHECK_STR(norm(pdfify(lines)),
            "HOW THE IMR FINAL DETERMINATION WAS MADE\n"
            "The patient was seen for chronic low back pain and treatment "
            "with q4-6hrs dosing of Hydrocodone-Acet was continued.\n"
            "CLINICAL CASE SUMMARY\n"
            "He has failed medication management. The prior review noted "
            "Dr.Smith and U.S.Department and e.g.Motrin at 3.5 mg for L4-5 "
            "disease in 2014. The end.\n");
  /* an empty printed line (two blank lines) is a paragraph break; a
   * printed line not followed by a blank is still soft */
  const char *b = "First line of a \n\nparagraph here. \n\n\n\nSecond one "
                  "\n\nhere and \nthere. \n\nThird \n\nline \n\nis \n\nhere. "
                  "\n\n \n\nFourth.\n\n";
  CHECK_STR(norm(b), "First line of a paragraph here.\nSecond one here and "
                     "there. Third line is here.\nFourth.\n");
  /* page furniture is left out and the sentence runs on across it; a
   * "Page" line that is not furniture stays */
  const char *pg =
      "HOW THE IMR FINAL DETERMINATION WAS MADE \n\nReview stated "
      "that the patient had \n\n\nPage 2 of 3 \n\nCM15-0098213 \n\ncervical "
      "radiculopathy. \n\nPage 3\n\nSee the Page 4 note. \n\n"
      "Page two of the report. \n\n";
  CHECK_STR(norm(pg), "HOW THE IMR FINAL DETERMINATION WAS MADE\nReview "
                      "stated that the patient had cervical radiculopathy. "
                      "See the Page 4 note. Page two of the report.\n");
}

/* Page furniture in every text shape: page numbers, case-number lines in
 * any order with them, running headers; the case number is kept. */
static void test_furniture(void) {
  ir_text t;
  /* a case-and-page footer inside a verdict */
  const char *a = "Decision rationale: The request is not \n\n"
                  "CM15-0123456      Page 2 of 4 \n\nmedically necessary. \n\n"
                  "Second paragraph starts here and runs on. \n\n";
  CHECK_STR(norm_n(a, strlen(a), &t),
            "Decision rationale: The request is not medically necessary.\n"
            "Second paragraph starts here and runs on.\n");
  CHECK_STR(t.page_case ? t.page_case : "(none)", "CM15-0123456");
  /* plain text: a form feed, the page line, then a running header */
  const char *b = "Decision rationale: The request for the injections is not\n"
                  "\n\fPage 1 of 2\n\nIMR Final Determination - Case Number: "
                  "CM13-0071122\n\nmedically necessary.\n\nSincerely,\n";
  CHECK_STR(norm_n(b, strlen(b), &t),
            "Decision rationale: The request for the injections is not "
            "medically necessary.\nSincerely,\n");
  CHECK_STR(t.page_case ? t.page_case : "(none)", "CM13-0071122");
  /* a running header repeated at two page breaks, case line first (PDF
   * shaped: one blank line is no paragraph break) */
  const char *c = "One sentence runs\n\nCM14-0065530\n\nPage 1 of 3\n\n"
                  "Final Determination Letter\n\non here.\n\nAnother\n\n"
                  "CM14-0065530\n\nPage 2 of 3\n\nFinal Determination Letter\n"
                  "\nline.\n";
  CHECK_STR(norm_n(c, strlen(c), &t), "One sentence runs on here. Another "
                                      "line.\n");
  /* a header row stays; so does a case number after its label line, and
   * "Page 122" alone (a guideline's page) */
  const char *d = "Case Number: CM13-0052207\nDate of Injury: 04/15/2011\n"
                  "Case Number:\nCM13-0052208\nPage 122\n";
  CHECK_STR(norm_n(d, strlen(d), &t),
            "Case Number: CM13-0052207\nDate of Injury: 04/15/2011\nCase "
            "Number:\nCM13-0052208\nPage 122\n");
  CHECK(t.page_case == NULL);
}

static void test_pdf_structure(void) {
  const char *lines[] = {
      "The Expert Reviewer has the following credentials:",
      "State(s) of Licensure: Massachusetts",
      "Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain "
      "Management",
      " ",
      "Possible retrospective trigger point injections to the lumbar spine, "
      "quantity 4, DOS 9/3/14:",
      "Upheld",
      "Decision rationale: References state that trigger point injections "
      "are not",
      "recommended for radicular pain.",
      NULL};
  CHECK_STR(norm(pdfify(lines)),
            "The Expert Reviewer has the following credentials:\n"
            "State(s) of Licensure: Massachusetts\n"
            "Certification(s)/Specialty: Physical Medicine & Rehabilitation, "
            "Pain Management\n"
            "Possible retrospective trigger point injections to the lumbar "
            "spine, quantity 4, DOS 9/3/14: Upheld\n"
            "Decision rationale: References state that trigger point "
            "injections are not recommended for radicular pain.\n");
}

static void test_pdf_titles(void) {
  const char *lines[] = {
      "IMR ISSUES, DECISIONS AND RATIONALES",
      "TRIGGER POINT INJECTIONS TO THE LUMBAR SPINE AND THORACIC SPINE, RIGHT "
      "SIDE AND",
      "LEFT SIDE: Upheld",
      "Claims Administrator guideline: Decision based on MTUS Chronic Pain "
      "Treatment",
      "Guidelines.",
      "MAXIMUS guideline: Decision based on MTUS Page(s): 122.",
      "Decision rationale: Not recommended.",
      " ",
      "TRIGGER POINT INJECTIONS X4 TO THE LUMBAR AND THORACIC PARASPINAL "
      "MUSCLES RIGHT",
      "LEFT: Overturned",
      NULL};
  CHECK_STR(norm(pdfify(lines)),
            "IMR ISSUES, DECISIONS AND RATIONALES\n"
            "TRIGGER POINT INJECTIONS TO THE LUMBAR SPINE AND THORACIC SPINE, "
            "RIGHT SIDE AND LEFT SIDE: Upheld\n"
            "Claims Administrator guideline: Decision based on MTUS Chronic "
            "Pain Treatment Guidelines.\n"
            "MAXIMUS guideline: Decision based on MTUS Page(s): 122.\n"
            "Decision rationale: Not recommended.\n"
            "TRIGGER POINT INJECTIONS X4 TO THE LUMBAR AND THORACIC "
            "PARASPINAL MUSCLES RIGHT LEFT: Overturned\n");
}

/* Titles whose outcome carries a qualifier or a certification word end the
 * logical line like a plain ": Upheld" (and a wrapped qualified outcome
 * joins its title). */
static void test_pdf_qualified_titles(void) {
  const char *lines[] = {
      "IMR ISSUES, DECISIONS AND RATIONALES",
      " ",
      "Trigger point injections to the lumbar spine: Upheld in part",
      "Claims Administrator guideline: Decision based on MTUS.",
      "Decision rationale: Not recommended.",
      "Physical therapy x 6 for the neck: Non-certified",
      "MAXIMUS guideline: MTUS page 98.",
      " ",
      "Toradol injection, quantity 1:",
      "Overturned (partially)",
      "Decision rationale: Indicated.",
      NULL};
  CHECK_STR(norm(pdfify(lines)),
            "IMR ISSUES, DECISIONS AND RATIONALES\n"
            "Trigger point injections to the lumbar spine: Upheld in part\n"
            "Claims Administrator guideline: Decision based on MTUS.\n"
            "Decision rationale: Not recommended.\n"
            "Physical therapy x 6 for the neck: Non-certified\n"
            "MAXIMUS guideline: MTUS page 98.\n"
            "Toradol injection, quantity 1: Overturned (partially)\n"
            "Decision rationale: Indicated.\n");
}

static void test_hard_wrap_width(void) {
  /* wrapped at ~50 columns: a 40-character unpunctuated line is wrapped */
  const char *p = "The injured worker reported pain in the low\n"
                  "back radiating to the legs. Trigger points were\n"
                  "palpated with a twitch response and referred\n"
                  "pain. Physical therapy and NSAIDs had failed to\n"
                  "relieve the pain over a period of six months and\n"
                  "Injections Were Requested Again by the\n"
                  "Provider.\n"
                  "\n"
                  "Trigger point injections: Upheld\n"
                  "Short line\n";
  CHECK_STR(norm(p),
            "The injured worker reported pain in the low back radiating to "
            "the legs. Trigger points were palpated with a twitch response "
            "and referred pain. Physical therapy and NSAIDs had failed to "
            "relieve the pain over a period of six months and Injections "
            "Were Requested Again by the Provider.\n"
            "Trigger point injections: Upheld\n"
            "Short line\n");
}

static void test_markup(void) {
  const char *m = "\n\n<b>Case Number:</b>\tCM14-0037910\t\t\n"
                  "<b>Date Assigned:</b>\t06/27/2014\t<b>Date of "
                  "Injury:</b>\t03/09/2009\n\n"
                  "### CLINICAL CASE SUMMARY\n\n"
                  "The patient&#39;s pain &amp; spasm &lt;improved&gt; with "
                  "&quot;rest&quot;.&nbsp;None.\n\n"
                  "**LUMBAR TP1 L5:** Upheld\n\n"
                  "**Decision rationale:** Not __recommended__ #1.\n";
  ir_text t;
  CHECK_STR(norm_n(m, strlen(m), &t),
            "Case Number: CM14-0037910\n"
            "Date Assigned: 06/27/2014 Date of Injury: 03/09/2009\n"
            "CLINICAL CASE SUMMARY\n"
            "The patient's pain & spasm <improved> with \"rest\". None.\n"
            "LUMBAR TP1 L5: Upheld\n"
            "Decision rationale: Not recommended #1.\n");
  CHECK_STR(ir_layout_name(t.layout), "markup");
}

static void test_bytes(void) {
  CHECK_STR(norm("Alpha  beta.\r\nGamma\tdelta. \r\n\r\nEnd.\r\n"),
            "Alpha beta.\nGamma delta.\nEnd.\n");
  CHECK_STR(norm("One line.\rTwo line.\r\rThree.\r"),
            "One line.\nTwo line.\nThree.\n");
  CHECK_STR(norm("It\x92s \x93quoted\x94 \x96 caf\xe9 \x85"),
            "It's \"quoted\" - caf\xc3\xa9 ...\n");
  CHECK_STR(norm("\xEF\xBB\xBFIt\xE2\x80\x99s \xE2\x80\x9Cok\xE2\x80\x9D"
                 "\xC2\xA0\xE2\x80\x94 na\xC3\xAFve \xE2\x80\xA2 x"),
            "It's \"ok\" - na\xC3\xAFve \xE2\x80\xA2 x\n");
  const char nul[] = "The pa\0in re\x01lief\0 was good and lasted for a few "
                     "weeks after the injection.\n";
  CHECK_STR(norm_n(nul, sizeof nul - 1, NULL),
            "The pain relief was good and lasted for a few weeks after the "
            "injection.\n");
  CHECK_STR(norm(""), "");
  CHECK_STR(norm(" \n\t\n"), "");
  char bin[4096];
  for (size_t i = 0; i < sizeof bin; i++)
    bin[i] = (char)(i % 7 ? i % 5 : 'a');
  CHECK_STR(norm_n(bin, sizeof bin, NULL),
            "ERR:binary data, not a text letter");
  /* the size check precedes any read of the bytes */
  CHECK(strncmp(norm_n("x", (size_t)65 << 20, NULL), "ERR:", 4) == 0);
}

static void test_plain_wrap(void) {
  const char *p =
      "MEDICAL PROFESSIONAL REVIEW\n"
      "ISSUE AT DISPUTE:\n"
      "Trigger point injections x 3 to the lumbar spine\n"
      "CASE SUMMARY:\n"
      "The patient is a 45 year old female who sustained an injury on "
      "1/2/2012\n"
      "while lifting boxes. She has been treated with physical therapy and\n"
      "NSAIDs. Examination revealed trigger points with a twitch response.\n"
      "The request is not medically necessary.\n"
      "MEDICAL REVIEWER QUALIFICATIONS:\n"
      "Board certified in anesthesiology.\n";
  ir_text t;
  CHECK_STR(norm_n(p, strlen(p), &t),
            "MEDICAL PROFESSIONAL REVIEW\n"
            "ISSUE AT DISPUTE:\n"
            "Trigger point injections x 3 to the lumbar spine\n"
            "CASE SUMMARY:\n"
            "The patient is a 45 year old female who sustained an injury on "
            "1/2/2012 while lifting boxes. She has been treated with physical "
            "therapy and NSAIDs. Examination revealed trigger points with a "
            "twitch response.\n"
            "The request is not medically necessary.\n"
            "MEDICAL REVIEWER QUALIFICATIONS:\n"
            "Board certified in anesthesiology.\n");
  CHECK_STR(ir_layout_name(t.layout), "professional-review");
}

static void test_layouts(void) {
  const char *mx[] = {"MAXIMUS FEDERAL SERVICES, INC.",
                      "Independent Medical Review",
                      "Dated: 12/2/2013",
                      "IMR Case Number: CM13-0001234",
                      "DOCUMENTS REVIEWED",
                      "1. Utilization review determination",
                      "IMR DECISION(S) AND RATIONALE(S)",
                      "1. Trigger point injections are not medically",
                      "necessary and appropriate.",
                      NULL};
  ir_text t;
  const char *s = pdfify(mx);
  norm_n(s, strlen(s), &t);
  CHECK_STR(ir_layout_name(t.layout), "maximus-header");
  /* PDF-shaped: the broken item sentence is joined anyway */
  CHECK(strstr(t.norm, "not medically necessary and appropriate.") != NULL);
  CHECK_STR(
      ir_layout_name(ir_detect_layout(
          LT, (const unsigned char *)"IMR DECISION(S) AND\n\nRATIONALE(S)\n",
          33)),
      "maximus-header");
  const char *plain = "Dear Sir,\nThank you for your letter.\n";
  CHECK_STR(ir_layout_name(ir_detect_layout(LT, (const unsigned char *)plain,
                                            strlen(plain))),
            "unknown");
  CHECK_STR(ir_layout_name(ir_detect_layout(LT, NULL, 0)), "unknown");
  CHECK_STR(ir_layout_name(IR_LAYOUT_PROFESSIONAL_REVIEW),
            "professional-review");
}

/* Strip all whitespace (and '-' at line joins) for span comparison. */
static char *squeeze(const char *s, size_t n) {
  char *d = ir_arena_alloc(&A, n + 1), *p = d;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '<' && i + 1 < n &&
        (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/')) {
      const char *gt = memchr(s + i, '>', n - i);
      if (gt) {
        i = (size_t)(gt - s);
        continue;
      }
    }
    if (!isspace((unsigned char)s[i]) && s[i] != '*')
      *p++ = s[i];
  }
  *p = 0;
  return d;
}

static void check_map(const char *name, const ir_text *t) {
  int mono = 1, inside = 1, same = 1;
  size_t prev = 0;
  for (size_t p = 0; p < t->norm_len; p++) {
    size_t o = ir_text_orig_start(t, p);
    mono &= o >= prev;
    inside &= o < t->orig_len;
    prev = o;
    unsigned char c = (unsigned char)t->norm[p];
    if (isalnum(c) && o < t->orig_len && t->orig[o] != c) {
      if (same)
        fprintf(stderr, "%s: norm[%zu]=%c orig[%zu]=%c\n", name, p, c, o,
                t->orig[o]);
      same = 0;
    }
  }
  CHECK(mono);
  CHECK(inside);
  CHECK(same);
  CHECK(ir_text_orig_end(t, t->norm_len) <= t->orig_len);
}

/* Every word window of every logical line: the original bytes at start..end
 * equal the span text up to whitespace, and are tight. */
static void check_spans(const char *name, const ir_text *t) {
  int ok = 1, tight = 1, count = 0;
  size_t ls = 0;
  while (ls < t->norm_len) {
    const char *nl = memchr(t->norm + ls, '\n', t->norm_len - ls);
    size_t le = nl ? (size_t)(nl - t->norm) : t->norm_len;
    size_t words[512], nw = 0;
    for (size_t p = ls; p <= le && nw < 512; p++)
      if (p == le || t->norm[p] == ' ')
        words[nw++] = p;
    for (size_t i = 0; i < nw; i += 3)
      for (size_t k = i + 1; k < nw; k += 7) {
        size_t ns = i ? words[i - 1] + 1 : ls, ne = words[k];
        ir_evidence e = ir_make_evidence(&A, t, IR_SEC_OTHER, ns, ne);
        count++;
        const char *o =
            squeeze((const char *)t->orig + e.start, e.end - e.start);
        const char *x = squeeze(e.text, strlen(e.text));
        if (strcmp(o, x) != 0) {
          if (ok)
            fprintf(stderr, "%s: span [%zu,%zu) \"%s\" vs orig \"%s\"\n", name,
                    e.start, e.end, x, o);
          ok = 0;
        }
        if (e.end > e.start &&
            (isspace(t->orig[e.start]) || isspace(t->orig[e.end - 1])))
          tight = 0;
      }
    ls = le + 1;
  }
  CHECK(ok);
  CHECK(tight);
  CHECK(count > 100);
}

static int naive_line(const unsigned char *s, size_t off) {
  int n = 1;
  for (size_t i = 0; i < off; i++)
    n += s[i] == '\n';
  return n;
}

static int count_lines(const char *norm, const char *prefix) {
  int n = 0;
  size_t pl = strlen(prefix);
  for (const char *p = norm; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
    n += strncmp(p, prefix, pl) == 0;
  return n;
}

static int count_titles(const char *norm) {
  int n = 0;
  for (const char *p = norm; (p = strchr(p, '\n')) != NULL; p++)
    n += (p - norm > 8 && strncmp(p - 8, ": Upheld", 8) == 0) ||
         (p - norm > 12 && strncmp(p - 12, ": Overturned", 12) == 0);
  return n;
}

static void test_seeds(void) {
  static const struct {
    const char *file, *layout;
    int items;
  } seeds[] = {{"000_53f905df5ba1e0d6.txt", "pdf-text", 1},
               {"001_fc97f7610c159615.txt", "markup", 1},
               {"002_f7fec690ca28e43d.txt", "pdf-text", 1},
               {"003_2e3991ff5fa32e2a.txt", "pdf-text", 3},
               {"004_33cf6e9856c9993f.txt", "pdf-text", 2}};
  for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
    size_t n = 0;
    unsigned char *b = read_file(seeds[i].file, &n);
    CHECK(b != NULL);
    if (!b)
      continue;
    ir_text t;
    const char *err = NULL;
    CHECK_INT(ir_text_normalize(LT, &A, b, n, &t, &err), 0);
    CHECK_STR(ir_layout_name(t.layout), seeds[i].layout);
    CHECK_STR(ir_layout_name(ir_detect_layout(LT, b, n)), seeds[i].layout);
    CHECK(strstr(t.norm, "\n\n") == NULL && strstr(t.norm, "  ") == NULL);
    CHECK(strstr(t.norm, "\nCLINICAL CASE SUMMARY\n") != NULL);
    CHECK(strstr(t.norm, "\nIMR ISSUES, DECISIONS AND RATIONALES\n") != NULL);
    CHECK_INT(count_titles(t.norm), seeds[i].items);
    CHECK_INT(count_lines(t.norm, "Claims Administrator guideline: "),
              seeds[i].items);
    CHECK_INT(count_lines(t.norm, "MAXIMUS guideline: "), seeds[i].items);
    CHECK_INT(count_lines(t.norm, "Decision rationale: "), seeds[i].items);
    CHECK(t.nruns * 8 < n); /* the map is sparse */
    check_map(seeds[i].file, &t);
    CHECK(text_ok(&t));
    check_spans(seeds[i].file, &t);
    int lines_ok = 1;
    for (size_t off = 0; off <= n; off += 37)
      lines_ok &= ir_text_orig_line(&t, off) == naive_line(b, off);
    CHECK(lines_ok);
    if (i == 3) {
      CHECK(strstr(t.norm, "management. The prior") != NULL);
      CHECK(strstr(t.norm, "\nPossible retrospective trigger point "
                           "injections to the lumbar spine, quantity 4, DOS "
                           "9/3/14: Upheld\n") != NULL);
      const char *p = strstr(t.norm, "Possible retrospective");
      size_t o = ir_text_orig_start(&t, (size_t)(p - t.norm));
      CHECK(memcmp(b + o, "Possible retrospective", 22) == 0);
      CHECK_INT(ir_text_orig_line(&t, o), naive_line(b, o));
    }
    if (i == 4) {
      CHECK(strstr(t.norm, "1 tab q4-6hrs pm #60 and") != NULL);
      CHECK(strstr(t.norm, "Guidelines Opioids When to Continue Page(s): "
                           "80.\n") != NULL);
    }
    if (i == 0)
      CHECK(strstr(t.norm, "\nState(s) of Licensure: Massachusetts\n"
                           "Certification(s)/Specialty: Physical Medicine & "
                           "Rehabilitation, Pain Management\n") != NULL);
    free(b);
  }
}

/* Output invariants of text.h on any input. */
static int text_ok(const ir_text *t) {
  const unsigned char *s = (const unsigned char *)t->norm;
  size_t n = t->norm_len;
  if (s[n] != 0 || (n && s[n - 1] != '\n'))
    return 0;
  size_t prev = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if ((c < 0x20 && c != '\n') || c == 0x7F)
      return 0;
    if (c == ' ' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n' ||
                     s[i + 1] == '\n' || s[i + 1] == ' '))
      return 0;
    if (c == '\n' && (i == 0 || s[i - 1] == '\n'))
      return 0;
    if (c >= 0x80) { /* valid UTF-8 */
      int k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : -1;
      if (k < 0 || i + (size_t)k >= n)
        return 0;
      for (int j = 1; j <= k; j++)
        if ((s[i + (size_t)j] & 0xC0) != 0x80)
          return 0;
      i += (size_t)k;
    }
  }
  for (size_t p = 0; p < n; p++) {
    size_t o = ir_text_orig_start(t, p);
    if (o < prev || o >= t->orig_len)
      return 0;
    prev = o;
  }
  return 1;
}

static void test_fuzz(void) {
  static const char *const frags[] = {"Upheld",
                                      ":",
                                      " ",
                                      "  ",
                                      "\n",
                                      "\n\n",
                                      "\r\n",
                                      "\r",
                                      "\t",
                                      "-",
                                      "treat-",
                                      "ment",
                                      ".",
                                      "The",
                                      "management.",
                                      "<b>",
                                      "</b>",
                                      "**",
                                      "### ",
                                      "&amp;",
                                      "&#",
                                      "&#x2019;",
                                      "\x92",
                                      "\x93",
                                      "\xE2\x80\x99",
                                      "\xC3",
                                      "\xA9",
                                      "\xF0\x9F\x98\x80",
                                      "\xEF\xBB\xBF",
                                      "CLINICAL CASE",
                                      "Case Number:",
                                      "1. ",
                                      "a",
                                      "Z",
                                      "\xE2\x80",
                                      "#",
                                      "<",
                                      "&",
                                      "_",
                                      "\0"};
  size_t nf = sizeof frags / sizeof *frags;
  unsigned long long x = 88172645463325252ULL;
  int ok = 1,
      iters = getenv("IR_FUZZ_ITERS") ? atoi(getenv("IR_FUZZ_ITERS")) : 3000;
  for (int it = 0; it < iters && ok; it++) {
    char buf[2048];
    size_t n = 0;
    int parts = 1 + it % 120;
    for (int k = 0; k < parts; k++) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      const char *f = frags[x % nf];
      size_t fl = *f ? strlen(f) : 1; /* "\0" is one NUL byte */
      if (n + fl >= sizeof buf)
        break;
      memcpy(buf + n, f, fl);
      n += fl;
    }
    ir_arena a;
    ir_arena_init(&a);
    ir_text t;
    const char *err = NULL;
    if (ir_text_normalize(LT, &a, (unsigned char *)buf, n, &t, &err) == 0 &&
        !text_ok(&t)) {
      ok = 0;
      fprintf(stderr, "fuzz case %d breaks the contract: \"%.*s\"\n", it,
              (int)n, buf);
    }
    ir_arena_free(&a);
  }
  CHECK(ok);
}

static void test_large(void) {
  size_t n = 0;
  unsigned char *seed = read_file("003_2e3991ff5fa32e2a.txt", &n);
  if (!seed) {
    CHECK(0);
    return;
  }
  size_t reps = (12u << 20) / n, len = reps * n;
  unsigned char *big = malloc(len);
  for (size_t i = 0; i < reps; i++)
    memcpy(big + i * n, seed, n);
  ir_arena a;
  ir_arena_init(&a);
  ir_text t;
  const char *err = NULL;
  clock_t c0 = clock();
  CHECK_INT(ir_text_normalize(LT, &a, big, len, &t, &err), 0);
  double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
  fprintf(stderr, "normalize %zu MB: %.3f s, %zu runs, arena %zu MB\n",
          len >> 20, secs, t.nruns, a.used_total >> 20);
  CHECK(secs < 5.0); /* generous: sanitizer builds are slow */
  CHECK(a.used_total < 3 * len);
  CHECK(t.nruns * sizeof(ir_map_run) < len / 2); /* ~1 run per line */
  size_t off = len - 17;
  CHECK_INT(ir_text_orig_line(&t, off), naive_line(big, off));
  CHECK(ir_text_orig_start(&t, t.norm_len - 2) < len);
  ir_arena_free(&a);
  free(big);
  free(seed);
}

int main(void) {
  LT = ir_layout_tables_new();
  if (!LT)
    return 1;
  ir_arena_init(&A);
  test_pdf_joins();
  test_furniture();
  test_pdf_structure();
  test_pdf_titles();
  test_pdf_qualified_titles();
  test_hard_wrap_width();
  test_markup();
  test_bytes();
  test_plain_wrap();
  test_layouts();
  test_seeds();
  test_fuzz();
  test_large();
  ir_arena_free(&A);
  ir_layout_tables_free(LT);
  return check_report();
}
