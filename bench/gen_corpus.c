/* gen_corpus.c - deterministic generator of synthetic IMR final
 * determination letters for benchmarks and fuzz seeds.
 *
 * Contract: gen_corpus [-n N] [-o DIR] [-s SEED] [-x SCALE] [-f FIRST]
 * writes DIR/L%06d.txt for letters FIRST..FIRST+N-1. Letter i depends only on
 * (SEED, i, SCALE), so a corpus of 2,000 is a prefix of one of 20,000. Each
 * letter holds 1-5 decided items from varied categories (tpi, scs, opioid,
 * esi, physical therapy, imaging, office visit, medication) with varied
 * facts, outcomes and conclusions, rendered in one of the four text shapes:
 * pdf-text (blank line after every printed line, words broken across lines),
 * markup (seed 001), maximus-header and professional-review. SCALE K makes
 * the clinical summary and every rationale K times longer (same letter,
 * K times the bytes). Prints the number of letters and bytes written. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- PRNG (splitmix64) ------------------------------------------------ */
static uint64_t rng_state;
static uint64_t rnd64(void) {
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static int rn(int n) { return n <= 1 ? 0 : (int)(rnd64() % (uint64_t)n); }
static int rr(int lo, int hi) { return lo + rn(hi - lo + 1); }
static int chance(int pct) { return rn(100) < pct; }
#define PICK(arr) (arr[rn((int)(sizeof arr / sizeof arr[0]))])

/* ---- string buffer ---------------------------------------------------- */
typedef struct {
  char *p;
  size_t n, cap;
} sbuf;
static void sb_put(sbuf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 4096;
    while (nc < b->n + n + 1)
      nc *= 2;
    b->p = realloc(b->p, nc);
    if (!b->p) {
      perror("gen_corpus");
      exit(3);
    }
    b->cap = nc;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}
static void sb_puts(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }
static void sb_printf(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...) {
  char tmp[2048];
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (k > 0)
    sb_put(b, tmp, (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1);
}

/* ---- vocabulary ------------------------------------------------------- */
static const char *months[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};
static const char *regions[] = {
    "lumbar spine",       "cervical spine", "thoracic spine",
    "right trapezius",    "left trapezius", "bilateral trapezius",
    "lumbar paraspinals", "right hip",      "left gluteus medius",
    "upper back",         "right shoulder", "cervical paraspinal muscles"};
static const char *refer_to[] = {"the occiput", "the shoulder blade",
                                 "the buttock", "the lateral thigh",
                                 "the scapula", "the upper arm"};
static const char *specialties[] = {"Physical Medicine & Rehabilitation",
                                    "Pain Management",
                                    "Occupational Medicine",
                                    "Family Practice",
                                    "Anesthesiology",
                                    "Orthopedic Surgery",
                                    "Internal Medicine",
                                    "Chiropractic"};
static const char *states[] = {"California", "Massachusetts", "Texas",
                               "New York",   "Ohio",          "Florida"};
static const char *dx[] = {
    "chronic low back pain",  "myofascial pain syndrome",
    "cervical strain",        "lumbar radiculopathy",
    "lumbar disc protrusion", "post-laminectomy syndrome",
    "shoulder impingement",   "thoracic sprain",
    "chronic neck pain",      "sacroiliac joint dysfunction"};
static const char *mech[] = {"lifting a heavy box",
                             "a slip and fall on a wet floor",
                             "repetitive overhead work",
                             "a motor vehicle accident while driving a "
                             "company truck",
                             "pulling a pallet jack",
                             "a fall from a ladder"};
static const char *nsaids[] = {"ibuprofen (Motrin)",
                               "naproxen (Anaprox)",
                               "meloxicam (Mobic)",
                               "diclofenac (Voltaren)",
                               "celecoxib (Celebrex)",
                               "etodolac",
                               "nabumetone"};
static const char *relaxants[] = {
    "cyclobenzaprine (Flexeril)", "tizanidine (Zanaflex)",
    "methocarbamol (Robaxin)",    "baclofen",
    "carisoprodol (Soma)",        "metaxalone (Skelaxin)",
    "orphenadrine (Norflex)"};
static const char *injectates[] = {"lidocaine",     "bupivacaine (Marcaine)",
                                   "Kenalog",       "Depo-Medrol",
                                   "Toradol",       "ketorolac",
                                   "normal saline", "dextrose",
                                   "Botox",         "Traumeel",
                                   "vitamin B12",   "lidocaine and Kenalog",
                                   "ropivacaine",   "Sarapin"};
static const char *numwords[] = {"one", "two",   "three", "four", "five",
                                 "six", "seven", "eight", "nine", "ten"};

/* ---- letter model ----------------------------------------------------- */
enum { C_TPI, C_SCS, C_OPIOID, C_ESI, C_PT, C_IMAGING, C_OV, C_MED, C_N };
typedef struct {
  int cat;
  char title[256];
  int upheld;    /* outcome */
  int necessary; /* rationale's conclusion */
  char ca[256], mx[256];
  sbuf rationale;
} item;

typedef struct {
  int shape; /* 0 pdf, 1 markup, 2 maximus-header, 3 professional-review */
  char case_no[32];
  char d_injury[32], d_assigned[32], d_decision[32], d_ur[32], d_app[32];
  int expedited;
  const char *specialty, *state;
  sbuf summary;
  item items[5];
  int nitems;
  /* TPI record facts, shared by the summary and TPI rationales */
  int twitch, radic, pt, nsaid, mr, prior; /* 0 unstated, 1 present, 2 absent */
  const char *region;
} letter;

static void fmt_date(char *out, size_t n, int y, int style) {
  int m = rr(1, 12), d = rr(1, 28);
  switch (style % 3) {
  case 0:
    snprintf(out, n, "%d/%d/%d", m, d, y);
    break;
  case 1:
    snprintf(out, n, "%02d/%02d/%04d", m, d, y);
    break;
  default:
    snprintf(out, n, "%s %d, %d", months[m - 1], d, y);
  }
}

/* ---- clinical summary ------------------------------------------------- */
static void summary_sentence(letter *L, sbuf *s, int k) {
  char d[32];
  fmt_date(d, sizeof d, rr(2008, 2015), rn(3));
  switch (k % 14) {
  case 0:
    sb_printf(s, "Pain was rated %d/10 at the visit of %s. ", rr(3, 9), d);
    break;
  case 1:
    sb_printf(s, "Diagnoses include %s and %s. ", PICK(dx), PICK(dx));
    break;
  case 2:
    sb_printf(s, "Treatment has included oral medications, %s, and %s. ",
              chance(50) ? "chiropractic care" : "acupuncture",
              chance(50) ? "a home exercise program" : "work restrictions");
    break;
  case 3:
    sb_printf(s, "The %s report dated %s noted %s tenderness of the %s. ",
              chance(50) ? "Primary Treating Physician's Progress" : "progress",
              d, chance(50) ? "moderate" : "diffuse", L->region);
    break;
  case 4:
    sb_printf(s,
              "Range of motion of the %s was limited to %d degrees of "
              "flexion. ",
              L->region, rr(10, 60));
    break;
  case 5:
    sb_printf(s, "Work status is %s. ",
              chance(50) ? "modified duty" : "temporarily totally disabled");
    break;
  case 6:
    sb_printf(s,
              "The utilization review of %s stated that there were no "
              "palpable trigger points documented. ",
              d);
    break;
  case 7:
    sb_printf(s, "If the patient had radiculopathy, trigger point injections "
                 "would not be indicated. ");
    break;
  case 8:
    sb_printf(s,
              "A follow-up visit on %s indicated continued muscle spasms "
              "and sleep disturbance. ",
              d);
    break;
  case 9:
    sb_printf(s, "Medications include %s and omeprazole. ", PICK(nsaids));
    break;
  case 10:
    sb_printf(s,
              "An MRI of the %s dated %s revealed a %d mm disc bulge at "
              "L%d-L%d. ",
              L->region, d, rr(2, 5), rr(3, 4), rr(4, 5));
    break;
  case 11:
    sb_printf(s,
              "The patient reported %s pain with prolonged sitting and "
              "standing. ",
              chance(50) ? "burning" : "aching");
    break;
  case 12:
    sb_printf(s, "Dr.  requested authorization on %s. ", d);
    break;
  default:
    sb_printf(s, "The applicant was described as %s. ",
              chance(50) ? "working with restrictions" : "not working");
  }
}

static void fact_sentences(letter *L, sbuf *s) {
  if (L->twitch == 1)
    sb_printf(s,
              chance(50)
                  ? "Physical examination revealed a palpable taut band in "
                    "the %s with a local twitch response and referred pain to "
                    "%s. "
                  : "He exhibited a discrete focal tenderness in a palpable "
                    "taut band of the %s which produced a local twitch in "
                    "response to pressure, with pain radiating to %s. ",
              L->region, PICK(refer_to));
  else if (L->twitch == 2)
    sb_printf(s,
              chance(50) ? "There was tenderness over the %s, but no twitch "
                           "response was elicited. "
                         : "No taut bands or twitch responses were noted on "
                           "palpation of the %s. ",
              L->region);
  if (L->radic == 1) {
    char d[32];
    fmt_date(d, sizeof d, rr(2009, 2014), rn(3));
    sb_printf(s,
              chance(50) ? "Straight leg raise was positive on the %s and "
                           "sensation was decreased in the L5 dermatome. "
                         : "EMG/NCV dated %s revealed chronic left L5 and "
                           "S1 radiculopathy. ",
              chance(50) ? "left" : d);
  } else if (L->radic == 2)
    sb_puts(s, chance(50) ? "Straight leg raise was negative bilaterally and "
                            "the neurologic examination was intact. "
                          : "EMG/NCV of the lower extremities was normal. ");
  if (L->pt == 1)
    sb_printf(s,
              "He completed %d sessions of physical therapy without lasting "
              "relief. ",
              rr(6, 24));
  else if (L->pt == 2)
    sb_puts(s, "She has not attended physical therapy for this injury. ");
  else if (chance(50))
    sb_puts(s, "He has been treated with physical therapy. ");
  if (L->nsaid == 1)
    sb_printf(s, "The patient tried %s without adequate relief. ",
              PICK(nsaids));
  else if (L->nsaid == 2)
    sb_printf(s, "%s was discontinued because of gastritis. ", PICK(nsaids));
  if (L->mr == 1)
    sb_printf(s, "%s failed to control the spasm. ", PICK(relaxants));
  else if (L->mr == 2)
    sb_puts(s, "He has not tried muscle relaxants. ");
  if (L->prior == 1) {
    char d[32];
    fmt_date(d, sizeof d, rr(2012, 2014), rn(3));
    sb_printf(s,
              "Prior trigger point injections on %s provided %d%% relief "
              "for %d weeks with improved function. ",
              d, rr(30, 80), rr(2, 10));
  } else if (L->prior == 2)
    sb_puts(s, "The claimant felt that the prior trigger point injections had "
               "not been effective. ");
}

static void make_summary(letter *L, int scale) {
  sbuf *s = &L->summary;
  int age = rr(22, 68);
  const char *who = PICK(((const char *[]){"man", "woman", "male", "female"}));
  switch (rn(3)) {
  case 0:
    sb_printf(s, "This %d year old %s sustained an industrial injury on %s. ",
              age, who, L->d_injury);
    break;
  case 1:
    sb_printf(s,
              "The applicant is a represented %d-year-old %s who has filed "
              "a claim for chronic %s pain reportedly associated with an "
              "industrial injury of %s. ",
              age, who, L->region, L->d_injury);
    break;
  default:
    sb_printf(s,
              "According to the medical records the patient is a "
              "%d-year-old %s with a date of injury on %s. ",
              age, who, L->d_injury);
  }
  sb_printf(s, "The mechanism of injury was %s. ", PICK(mech));
  for (int r = 0; r < scale; r++) {
    int n = rr(3, 8);
    for (int i = 0; i < n; i++)
      summary_sentence(L, s, rn(14));
    if (r == 0 || chance(20))
      fact_sentences(L, s);
  }
}

/* ---- items ------------------------------------------------------------ */
static const char *conclusion(int necessary, const char *title) {
  static char out[512];
  static const char *yes[] = {"The request is medically necessary.",
                              "Therefore, the request is medically necessary.",
                              "The request is medically necessary and "
                              "appropriate.",
                              "The requested treatment is indicated.",
                              "This request is supported by the guidelines."};
  static const char *no[] = {
      "Therefore, the request is not medically necessary.",
      "The request is not medically necessary or appropriate.",
      "Accordingly, the request is not certified.",
      "The request is not supported by the guidelines and is not medically "
      "necessary.",
      "As such, the request cannot be recommended."};
  if (chance(30)) {
    snprintf(out, sizeof out, "The request for %s is %smedically necessary.",
             title, necessary ? "" : "not ");
    return out;
  }
  return necessary ? PICK(yes) : PICK(no);
}

static void tpi_rationale(letter *L, item *it, int count, const char *inj) {
  sbuf *r = &it->rationale;
  if (chance(20)) {
    sb_puts(r, "According to the ACOEM guidelines, trigger point injections "
               "are not recommended. Invasive techniques are of questionable "
               "merit. ");
  } else
    sb_puts(r, "According to the MTUS Chronic Pain Medical Treatment "
               "Guidelines, trigger point injections are recommended only for "
               "myofascial pain syndrome with documented circumscribed trigger "
               "points with evidence upon palpation of a twitch response as "
               "well as referred pain, symptoms that have persisted for more "
               "than three months, and failure of medical management therapies "
               "such as ongoing stretching exercises, physical therapy, NSAIDs "
               "and muscle relaxants. ");
  if (L->twitch != 1 && chance(70))
    sb_puts(r, "In this case, there is no documentation of circumscribed "
               "trigger points with evidence upon palpation of a twitch "
               "response. ");
  if (L->radic == 1 && chance(80))
    sb_puts(r, "The patient has evidence of radiculopathy, and trigger point "
               "injections are not recommended for radicular pain. ");
  if (L->mr != 1 && chance(40))
    sb_puts(r, "There is no evidence that the applicant has in fact failed "
               "muscle relaxants. ");
  if (count > 4)
    sb_printf(r,
              "The guidelines do not support more than 3-4 injections per "
              "session, and %d were requested. ",
              count);
  if (inj && chance(70))
    sb_printf(r,
              "Only a local anesthetic with or without a steroid is "
              "recommended; there is no guideline support for injecting "
              "%s. ",
              inj);
  if (L->prior == 1)
    sb_puts(r, chance(50) ? "The prior injections provided more than 50% "
                            "relief for six weeks with documented functional "
                            "improvement. "
                          : "There is no documentation of at least 50% relief "
                            "for six weeks after the prior injections. ");
  if (L->twitch == 1 && chance(60))
    sb_puts(r, "The records document trigger points with a twitch response "
               "and referred pain, and symptoms have persisted for more than "
               "three months despite conservative care. ");
}

static void generic_rationale(item *it) {
  static const char *by_cat[C_N][3] = {
      {"", "", ""},
      {"Spinal cord stimulators are recommended only for selected patients in "
       "cases when less invasive procedures have failed or are "
       "contraindicated. ",
       "The guidelines recommend psychological evaluations before a spinal "
       "cord "
       "stimulator trial. ",
       "The medical records establish a diagnosis of failed back syndrome. "},
      {"The guidelines support the careful and rational use of opioid "
       "medications if there is pain relief and functional improvement. ",
       "There is no documentation of a signed opioid agreement or urine drug "
       "screens. ",
       "Continued opioid use is appropriate if the medication has facilitated "
       "a "
       "return to work. "},
      {"Epidural steroid injections are recommended as an option for treatment "
       "of radicular pain corroborated by imaging or electrodiagnostic "
       "testing. ",
       "Repeat blocks require at least 50% pain relief for six to eight "
       "weeks. ",
       "The examination does not document radicular findings. "},
      {"The guidelines allow for fading of treatment frequency from up to 3 "
       "visits per week to 1 or less, plus active self-directed home physical "
       "medicine. ",
       "The number of prior sessions and the functional response are not "
       "documented. ",
       "Nine to ten visits over eight weeks are recommended for myalgia. "},
      {"Imaging is indicated when unequivocal objective findings identify "
       "specific nerve compromise on the neurologic examination. ",
       "There are no red flags documented. ",
       "There has been a significant change in symptoms since the prior "
       "study. "},
      {"Office visits are recommended as determined to be medically "
       "necessary. ",
       "Evaluation and management visits play a critical role in the proper "
       "diagnosis and return to function of an injured worker. ",
       "The patient remains symptomatic and on medications that require "
       "monitoring. "},
      {"Muscle relaxants are recommended with caution as a second-line option "
       "for short-term treatment of acute exacerbations. ",
       "Proton pump inhibitors are indicated for patients at intermediate risk "
       "for gastrointestinal events. ",
       "Topical lidocaine may be recommended for localized peripheral pain "
       "after evidence of a trial of first-line therapy. "}};
  sbuf *r = &it->rationale;
  int n = rr(2, 3), k = rn(3);
  for (int i = 0; i < n; i++)
    sb_puts(r, by_cat[it->cat][(k + i) % 3]);
}

static const char *cat_guideline(int cat) {
  static const char *g[C_N][2] = {
      {"MTUS Chronic Pain Treatment Guidelines Trigger point injections "
       "Page(s): 122.",
       "MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300-309."},
      {"MTUS Chronic Pain Treatment Guidelines Spinal Cord Stimulators "
       "Page(s): 105-107.",
       "MTUS Chronic Pain Treatment Guidelines Spinal Cord Stimulators; "
       "Psychological evaluations, IDDS and SCS."},
      {"MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 74-96.",
       "MTUS Chronic Pain Treatment Guidelines Opioids When to Continue "
       "Page(s): 80."},
      {"MTUS Chronic Pain Treatment Guidelines Epidural steroid injections "
       "(ESIs) Page(s): 46.",
       "MTUS Chronic Pain Treatment Guidelines Epidural steroid injections "
       "Page(s): 46."},
      {"MTUS Chronic Pain Treatment Guidelines Physical Medicine Page(s): "
       "98-99.",
       "MTUS Chronic Pain Treatment Guidelines Physical Medicine Page(s): "
       "99."},
      {"MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 303-304.",
       "Non-MTUS Citation Official Disability Guidelines (ODG), Low Back, "
       "MRIs."},
      {"Non-MTUS Citation Official Disability Guidelines (ODG), Pain, Office "
       "Visits.",
       "Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Office "
       "Visit."},
      {"MTUS Chronic Pain Treatment Guidelines Muscle relaxants (for pain) "
       "Page(s): 63-66.",
       "MTUS Chronic Pain Treatment Guidelines NSAIDs, GI symptoms & "
       "cardiovascular risk Page(s): 68-69."}};
  return g[cat][rn(2)];
}

static void make_title(item *it, int *count, const char **inj,
                       const char *region) {
  char *t = it->title;
  size_t n = sizeof it->title;
  char d[32];
  fmt_date(d, sizeof d, rr(2013, 2015), 0);
  *count = 0;
  *inj = NULL;
  switch (it->cat) {
  case C_TPI: {
    int c = rr(1, 8);
    const char *x = PICK(injectates);
    switch (rn(6)) {
    case 0:
      snprintf(t, n, "Trigger point injections to the %s", region);
      break;
    case 1:
      snprintf(t, n, "Trigger Point Injection (x%d) with %s", c, x);
      *count = c, *inj = x;
      break;
    case 2:
      snprintf(t, n, "TPI x %d %s", c, region);
      *count = c;
      break;
    case 3:
      snprintf(t, n,
               "Possible retrospective trigger point injections to the %s, "
               "quantity %d, DOS %s",
               region, c, d);
      *count = c;
      break;
    case 4:
      snprintf(t, n, "TRIGGER POINT INJECTIONS- %s", region);
      for (char *p = t; *p; p++)
        if (*p >= 'a' && *p <= 'z')
          *p = (char)(*p - 32);
      break;
    default:
      snprintf(t, n, "%s trigger point injections to the %s with %s",
               numwords[c - 1], region, x);
      *count = c, *inj = x;
    }
    break;
  }
  case C_SCS:
    snprintf(t, n, "%s",
             PICK(((const char *[]){"Trial of spinal cord stimulator",
                                    "Spinal cord stimulator implantation",
                                    "SCS trial, lumbar"})));
    break;
  case C_OPIOID:
    snprintf(t, n, "%s",
             PICK(((const char *[]){
                 "Norco 10/325mg #90",
                 "Hydrocodone-Acet (Norco) 10/325mg 1 tab q4-6hrs prn #60",
                 "Oxycodone 10mg #120", "Tramadol ER 150mg #30"})));
    break;
  case C_ESI:
    snprintf(
        t, n, "%s",
        PICK(((const char *[]){
            "Lumbar epidural steroid injection at L4-L5", "Cervical ESI C5-C6",
            "Transforaminal epidural steroid injection L5-S1 bilateral"})));
    break;
  case C_PT:
    snprintf(t, n, "%s",
             PICK(((const char *[]){"Physical therapy 2x6 for the lumbar spine",
                                    "Additional physical therapy, 12 sessions",
                                    "Aquatic therapy x 8 sessions"})));
    break;
  case C_IMAGING:
    snprintf(t, n, "%s",
             PICK(((const char *[]){"MRI of the lumbar spine",
                                    "MRI cervical spine without "
                                    "contrast",
                                    "X-rays of the right shoulder",
                                    "CT scan of the lumbar "
                                    "spine"})));
    break;
  case C_OV:
    snprintf(t, n, "%s",
             PICK(((const char *[]){"Follow up in 1 month",
                                    "Pain management consultation",
                                    "Office visit with orthopedic surgeon"})));
    break;
  default:
    snprintf(t, n, "%s",
             PICK(((const char *[]){
                 "Cyclobenzaprine 7.5mg #60", "Omeprazole 20mg #60",
                 "Lidoderm 5% patch #30", "Gabapentin 600mg #90",
                 "Naproxen 550mg #60", "Toradol 60mg IM injection"})));
  }
}

static void make_items(letter *L, int scale) {
  static const int cat_weights[C_N] = {40, 8, 12, 8, 8, 8, 6, 10};
  L->nitems = rr(1, 5);
  int have_tpi = 0;
  for (int i = 0; i < L->nitems; i++) {
    item *it = &L->items[i];
    int w = rn(100), c = 0;
    while (c < C_N - 1 && w >= cat_weights[c])
      w -= cat_weights[c++];
    if (i == L->nitems - 1 && !have_tpi && chance(60))
      c = C_TPI;
    have_tpi |= c == C_TPI;
    it->cat = c;
    int count;
    const char *inj;
    make_title(it, &count, &inj, L->region);
    it->upheld = chance(c == C_TPI ? 80 : 60);
    it->necessary = chance(95) ? !it->upheld : it->upheld;
    snprintf(it->ca, sizeof it->ca, "Decision based on %s", cat_guideline(c));
    snprintf(it->mx, sizeof it->mx, "Decision based on %s", cat_guideline(c));
    for (int r = 0; r < scale; r++) {
      if (c == C_TPI)
        tpi_rationale(L, it, count, inj);
      else
        generic_rationale(it);
      if (r == 0 && chance(40))
        sb_printf(&it->rationale,
                  "The patient sustained a work injury in %s "
                  "and continues to be treated for %s. ",
                  PICK(months), PICK(dx));
    }
    sb_puts(&it->rationale, conclusion(it->necessary, it->title));
  }
}

static void make_letter(letter *L, int scale) {
  memset(L, 0, sizeof *L);
  L->shape = rn(100) < 45 ? 0 : rn(3) + 1;
  snprintf(L->case_no, sizeof L->case_no, "CM%02d-%07d", rr(13, 15),
           rr(1, 9999999));
  int y = rr(2005, 2013), st = rn(3);
  fmt_date(L->d_injury, sizeof L->d_injury, y, st);
  fmt_date(L->d_ur, sizeof L->d_ur, 2014, 1);
  fmt_date(L->d_app, sizeof L->d_app, 2014, 1);
  fmt_date(L->d_assigned, sizeof L->d_assigned, 2014, 1);
  fmt_date(L->d_decision, sizeof L->d_decision, 2014, 1);
  L->expedited = chance(5);
  L->specialty = PICK(specialties);
  L->state = PICK(states);
  L->region = PICK(regions);
  L->twitch = rn(3), L->radic = rn(3), L->pt = rn(3), L->nsaid = rn(3);
  L->mr = rn(3), L->prior = rn(3);
  make_summary(L, scale);
  make_items(L, scale);
}

static void free_letter(letter *L) {
  free(L->summary.p);
  for (int i = 0; i < L->nitems; i++)
    free(L->items[i].rationale.p);
}

/* ---- rendering -------------------------------------------------------- */
static const char *HOW =
    "MAXIMUS Federal Services sent the complete case file to an expert "
    "reviewer. He/she has no affiliation with the employer, employee, "
    "providers or the claims administrator.";
static const char *HOW2 =
    "He/she has been in active clinical practice for more than five years and "
    "is currently working at least 24 hours a week in active practice. The "
    "expert reviewer was selected based on his/her clinical experience, "
    "education, background, and expertise in the same or similar specialties "
    "that evaluate and/or treat the medical condition and disputed "
    "items/services. He/she is familiar with governing laws and regulations, "
    "including the strength of evidence hierarchy that applies to Independent "
    "Medical Review determinations.";

static int is_lower(char c) { return c >= 'a' && c <= 'z'; }

/* PDF-text: every printed line is followed by a blank line; printed lines
 * end in a space; long words are sometimes hyphenated across lines; a
 * sentence sometimes loses its space after the period. */
static void pdf_para(sbuf *o, const char *text, int width) {
  const char *p = text;
  int col = 0;
  while (*p) {
    while (*p == ' ')
      p++;
    if (!*p)
      break;
    const char *w = p;
    while (*p && *p != ' ')
      p++;
    int wl = (int)(p - w);
    int glue = 0; /* lost space after a sentence period */
    if (col > 0 && w[-1] == ' ' && w - 2 >= text && w[-2] == '.' &&
        w[0] >= 'A' && w[0] <= 'Z' && chance(3))
      glue = 1;
    if (col > 0 && col + 1 + wl > width) {
      if (wl >= 8 && is_lower(w[0]) && is_lower(w[wl - 1]) && chance(12)) {
        int cut = rr(3, wl - 4);
        int ok = 1;
        for (int i = 0; i < wl; i++)
          ok &= is_lower(w[i]);
        if (ok) {
          sb_puts(o, " ");
          sb_put(o, w, (size_t)cut);
          sb_puts(o, "-\n\n");
          sb_put(o, w + cut, (size_t)(wl - cut));
          col = wl - cut;
          continue;
        }
      }
      sb_puts(o, chance(5) ? "  \n\n" : " \n\n");
      col = 0;
    }
    if (col > 0 && !glue)
      sb_puts(o, chance(2) ? "  " : " "), col++;
    sb_put(o, w, (size_t)wl);
    col += wl;
  }
  if (col > 0)
    sb_puts(o, " \n\n");
}

/* Hard-wrapped plain text: single newlines inside a paragraph. */
static void wrap_para(sbuf *o, const char *text, int width) {
  const char *p = text;
  int col = 0;
  while (*p) {
    while (*p == ' ')
      p++;
    if (!*p)
      break;
    const char *w = p;
    while (*p && *p != ' ')
      p++;
    int wl = (int)(p - w);
    if (col > 0 && col + 1 + wl > width) {
      sb_puts(o, "\n");
      col = 0;
    }
    if (col > 0)
      sb_puts(o, " "), col++;
    sb_put(o, w, (size_t)wl);
    col += wl;
  }
  sb_puts(o, "\n");
}

static const char *outcome_word(const item *it) {
  return it->upheld ? "Upheld" : "Overturned";
}

static void render_pdf(sbuf *o, letter *L) {
  int W = rr(86, 98);
  char tmp[1024];
  sb_puts(o, " HOW THE IMR FINAL DETERMINATION WAS MADE \n\n");
  if (chance(50)) {
    snprintf(tmp, sizeof tmp,
             "%s The expert reviewer is Board Certified in %s and is licensed "
             "to practice in %s. %s",
             HOW, L->specialty, L->state, HOW2);
    pdf_para(o, tmp, W);
    sb_puts(o, " \n\n");
  } else {
    snprintf(tmp, sizeof tmp, "%s %s", HOW, HOW2);
    pdf_para(o, tmp, W);
    sb_puts(o, " \n\nThe Expert Reviewer has the following credentials: \n\n");
    sb_printf(o, "State(s) of Licensure: %s \n\n", L->state);
    sb_printf(o, "Certification(s)/Specialty: %s \n\n \n\n", L->specialty);
  }
  sb_puts(o, "CLINICAL CASE SUMMARY \n\n");
  pdf_para(o,
           "The expert reviewer developed the following clinical case "
           "summary based on a review of the case file, including all "
           "medical records:",
           W);
  sb_puts(o, " \n\n");
  pdf_para(o, L->summary.p, W);
  if (chance(10))
    sb_printf(o, "Page %d of %d \n\n", 1, rr(2, 5));
  sb_puts(o, " \n\nIMR ISSUES, DECISIONS AND RATIONALES \n\n");
  pdf_para(o,
           "The Final Determination was based on decisions for the "
           "disputed items/services set forth below:",
           W);
  for (int i = 0; i < L->nitems; i++) {
    item *it = &L->items[i];
    sb_puts(o, " \n\n");
    snprintf(tmp, sizeof tmp, "%s:%s%s", it->title, chance(50) ? "  " : " ",
             outcome_word(it));
    pdf_para(o, tmp, W);
    sb_puts(o, " \n\n");
    snprintf(tmp, sizeof tmp, "Claims Administrator guideline: %s", it->ca);
    pdf_para(o, tmp, W);
    sb_puts(o, " \n\n");
    snprintf(tmp, sizeof tmp, "MAXIMUS guideline: %s", it->mx);
    pdf_para(o, tmp, W);
    sb_puts(o, " \n\n");
    sbuf r = {0};
    sb_puts(&r, "Decision rationale: ");
    sb_puts(&r, it->rationale.p);
    pdf_para(o, r.p, W);
    free(r.p);
  }
  sb_puts(o, " \n\n");
}

static void render_markup(sbuf *o, letter *L) {
  sb_puts(o, "\n\n");
  sb_printf(o, "<b>Case Number:</b>\t%s\t\t\n", L->case_no);
  sb_printf(o, "<b>Date Assigned:</b>\t%s\t<b>Date of Injury:</b>\t%s\n",
            L->d_assigned, L->d_injury);
  sb_printf(o, "<b>Decision Date:</b>\t%s\t<b>UR Denial Date:</b>\t%s\n",
            L->d_decision, L->d_ur);
  sb_printf(o, "<b>Priority:</b>\t%s\t<b>Application Received:</b>\t%s\n\n",
            L->expedited ? "Expedited" : "Standard", L->d_app);
  sb_puts(o, "### HOW THE IMR FINAL DETERMINATION WAS MADE\n\n");
  sb_printf(o,
            "%s The expert reviewer is Board Certified in %s and is licensed "
            "to practice in %s. %s\n\n",
            HOW, L->specialty, L->state, HOW2);
  sb_puts(o, "### CLINICAL CASE SUMMARY\n\nThe expert reviewer developed the "
             "following clinical case summary based on a review of the case "
             "file, including all medical records:\n\n");
  sb_puts(o, L->summary.p);
  sb_puts(o, "\n\n### IMR ISSUES, DECISIONS AND RATIONALES\n\nThe Final "
             "Determination was based on decisions for the disputed "
             "items/services set forth below:\n\n");
  for (int i = 0; i < L->nitems; i++) {
    item *it = &L->items[i];
    sb_printf(o, "**%s:** %s\n\n", it->title, outcome_word(it));
    sb_printf(o, "**Claims Administrator guideline:** %s\n\n", it->ca);
    sb_printf(o, "**MAXIMUS guideline:** %s\n\n", it->mx);
    sb_printf(o, "**Decision rationale:** %s\n\n", it->rationale.p);
  }
}

static void render_maximus(sbuf *o, letter *L) {
  char tmp[1024];
  int W = rr(70, 80);
  sb_puts(o, "MAXIMUS FEDERAL SERVICES, INC.\nIndependent Medical Review\n"
             "P.O. Box 138009\nSacramento, CA 95813-8009\n\n");
  sb_printf(o, "Dated: %s\n\n", L->d_decision);
  sb_printf(o, "IMR Case Number:\t%s\tDate of UR Decision:\t%s\n", L->case_no,
            L->d_ur);
  sb_printf(o, "Date of Injury:\t%s\n", L->d_injury);
  sb_printf(o, "Application Received:\t%s\n\n", L->d_app);
  sb_puts(o, "Dear Mr. :\n\n");
  wrap_para(o,
            "MAXIMUS Federal Services, Inc. has completed the Independent "
            "Medical Review (IMR) of the above workers' compensation case. "
            "This letter provides you with the IMR Final Determination and "
            "explains how the determination was made.",
            W);
  sb_puts(o, "\nHOW THE IMR FINAL DETERMINATION WAS MADE\n\n");
  snprintf(tmp, sizeof tmp,
           "%s The expert reviewer is Board Certified in %s and is licensed "
           "to practice in %s. %s",
           HOW, L->specialty, L->state, HOW2);
  wrap_para(o, tmp, W);
  sb_puts(o, "\nCLINICAL CASE SUMMARY\n\n");
  wrap_para(o, L->summary.p, W);
  sb_puts(o, "\nDOCUMENTS REVIEWED\n\n");
  int nd = rr(2, 5);
  for (int i = 0; i < nd; i++) {
    char d[32];
    fmt_date(d, sizeof d, 2014, 1);
    sb_printf(o, "- %s, dated %s\n",
              PICK(((const char *[]){"Utilization Review Determination",
                                     "Application of Independent Medical "
                                     "Review",
                                     "Progress report", "MRI report",
                                     "Request for authorization"})),
              d);
  }
  sb_puts(o, "\nIMR DECISION(S) AND RATIONALE(S)\n\n");
  for (int i = 0; i < L->nitems; i++) {
    item *it = &L->items[i];
    snprintf(tmp, sizeof tmp, "%d. %s: %s", i + 1, it->title, outcome_word(it));
    wrap_para(o, tmp, W);
    sb_puts(o, "\n");
    snprintf(tmp, sizeof tmp, "Claims Administrator guideline: %s", it->ca);
    wrap_para(o, tmp, W);
    sb_puts(o, "\n");
    snprintf(tmp, sizeof tmp, "MAXIMUS guideline: %s", it->mx);
    wrap_para(o, tmp, W);
    sb_puts(o, "\n");
    sbuf r = {0};
    sb_puts(&r, "Decision rationale: ");
    sb_puts(&r, it->rationale.p);
    wrap_para(o, r.p, W);
    free(r.p);
    sb_puts(o, "\n");
  }
}

static void render_professional(sbuf *o, letter *L) {
  int W = rr(72, 90);
  char tmp[1024];
  sb_puts(o, "MEDICAL PROFESSIONAL REVIEW\n\n");
  sb_printf(o, "Case Number: %s\nDate of Injury: %s\n\n", L->case_no,
            L->d_injury);
  sb_puts(o, "ISSUE AT DISPUTE:\n");
  for (int i = 0; i < L->nitems; i++)
    sb_printf(o, "%d. %s\n", i + 1, L->items[i].title);
  sb_puts(o, "\nCASE SUMMARY:\n");
  wrap_para(o, L->summary.p, W);
  sb_puts(o, "\nDOCUMENTS REVIEWED FOR DETERMINATION:\n");
  sb_puts(o, "Utilization review determination\nMedical records from the "
             "treating physician\n\n");
  for (int i = 0; i < L->nitems; i++) {
    item *it = &L->items[i];
    sb_printf(o, "ISSUE %d: %s\n", i + 1, it->title);
    sb_printf(o, "FINAL DETERMINATION: %s\n\n", outcome_word(it));
    sb_puts(o, "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON TO SUPPORT THE "
               "DETERMINATION:\n");
    wrap_para(o, it->mx, W);
    sb_puts(o, "\nRATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS "
               "NOT MEDICALLY NECESSARY:\n");
    wrap_para(o, it->rationale.p, W);
    sb_puts(o, "\n");
  }
  sb_puts(o, "MEDICAL REVIEWER QUALIFICATIONS:\n");
  snprintf(tmp, sizeof tmp,
           "The reviewer is board certified in %s and is licensed in %s. The "
           "reviewer is actively practicing and has no conflict of interest.",
           L->specialty, L->state);
  wrap_para(o, tmp, W);
}

static void render(sbuf *o, letter *L) {
  switch (L->shape) {
  case 0:
    render_pdf(o, L);
    break;
  case 1:
    render_markup(o, L);
    break;
  case 2:
    render_maximus(o, L);
    break;
  default:
    render_professional(o, L);
  }
}

/* ---- main ------------------------------------------------------------- */
static void usage(void) {
  fprintf(stderr, "usage: gen_corpus [-n N] [-o DIR] [-s SEED] [-x SCALE] "
                  "[-f FIRST]\n");
  exit(2);
}

int main(int argc, char **argv) {
  long n = 100, first = 0, scale = 1;
  unsigned long long seed = 1;
  const char *dir = "corpus";
  for (int i = 1; i < argc; i++) {
    if (i + 1 >= argc)
      usage();
    const char *a = argv[i], *v = argv[++i];
    if (!strcmp(a, "-n"))
      n = atol(v);
    else if (!strcmp(a, "-o"))
      dir = v;
    else if (!strcmp(a, "-s"))
      seed = strtoull(v, NULL, 0);
    else if (!strcmp(a, "-x"))
      scale = atol(v);
    else if (!strcmp(a, "-f"))
      first = atol(v);
    else
      usage();
  }
  if (n < 0 || scale < 1 || scale > 100000 || first < 0)
    usage();
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "gen_corpus: %s: %s\n", dir, strerror(errno));
    return 2;
  }
  size_t total = 0;
  sbuf out = {0};
  char path[4096];
  for (long i = first; i < first + n; i++) {
    rng_state =
        seed * 0x9e3779b97f4a7c15ULL + (uint64_t)i * 0x2545F4914F6CDD1DULL;
    rnd64();
    letter L;
    make_letter(&L, (int)scale);
    out.n = 0;
    render(&out, &L);
    free_letter(&L);
    snprintf(path, sizeof path, "%s/L%06ld.txt", dir, i);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(out.p, 1, out.n, f) != out.n || fclose(f) != 0) {
      fprintf(stderr, "gen_corpus: %s: %s\n", path, strerror(errno));
      return 2;
    }
    total += out.n;
  }
  free(out.p);
  printf("%ld letters, %zu bytes\n", n, total);
  return 0;
}
