/* category.c - what kind of service an item's title names.
 *
 * ir_category_of(sg, title, guideline_maximus) returns a static string: "tpi",
 * "scs", "esi", "opioid", "physical_therapy", "chiropractic", "imaging",
 * "office_visit", "medication" or "other". The title decides; the MAXIMUS
 * guideline citation is consulted only when the title alone says nothing
 * ("Other" otherwise). Order matters: a trigger point injection "with
 * Ketorolac" is tpi, an epidural "with Depo-Medrol" is esi, "Norco" is opioid
 * before medication, a follow-up "for medication management" is office_visit.
 * Documented choice: electrodiagnostic studies (EMG, NCV, NCS) are
 * diagnostic tests and are filed under "imaging".
 * Matching is case-insensitive on word boundaries; a pattern ending in '*'
 * matches any word starting with it. Linear in the title length. */
#include "segment_int.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const tpi_w[] = {"trigger point*",
                                    "trigger-point*",
                                    "trigger pt*",
                                    "tpi",
                                    "tpis",
                                    "tpi's",
                                    "tp1",
                                    "tp1s",
                                    "tpii",
                                    "trp injection*",
                                    "myofascial injection*",
                                    NULL};
/* "Trigger point impedance imaging" (ODG) is a diagnostic test */
static const char *const tpi_not_w[] = {"impedance*", NULL};
static const char *const scs_w[] = {"spinal cord stim*",
                                    "scs",
                                    "dorsal column stim*",
                                    "neurostimulator*",
                                    "spinal stimulator*",
                                    "cord stimulator*",
                                    NULL};
static const char *const esi_w[] = {"epidural*",
                                    "esi",
                                    "esis",
                                    "esi's",
                                    "transforaminal*",
                                    "interlaminar*",
                                    "caudal injection*",
                                    "tfesi",
                                    "ilesi",
                                    "cesi",
                                    "lesi",
                                    NULL};
static const char *const opioid_w[] = {"opioid*",
                                       "opiate*",
                                       "norco",
                                       "hydrocodone*",
                                       "vicodin",
                                       "lortab",
                                       "vicoprofen",
                                       "zohydro",
                                       "hysingla",
                                       "oxycodone*",
                                       "oxycontin",
                                       "percocet",
                                       "roxicodone",
                                       "endocet",
                                       "xartemis",
                                       "tramadol*",
                                       "ultram*",
                                       "ultracet",
                                       "conzip",
                                       "morphine*",
                                       "ms contin",
                                       "mscontin",
                                       "kadian",
                                       "avinza",
                                       "embeda",
                                       "fentanyl*",
                                       "duragesic",
                                       "fentora",
                                       "actiq",
                                       "dilaudid",
                                       "hydromorphone*",
                                       "exalgo",
                                       "methadone",
                                       "buprenorphine*",
                                       "suboxone",
                                       "subutex",
                                       "butrans",
                                       "belbuca",
                                       "tapentadol*",
                                       "nucynta*",
                                       "codeine*",
                                       "tylenol #3",
                                       "tylenol#3",
                                       "tylenol no. 3",
                                       "tylenol 3",
                                       "tylenol #4",
                                       "tylenol with codeine",
                                       "apap/codeine",
                                       "opana*",
                                       "oxymorphone*",
                                       "meperidine",
                                       "demerol",
                                       "levorphanol",
                                       "pentazocine",
                                       "talwin",
                                       "tylox",
                                       "narcotic*",
                                       NULL};
static const char *const chiro_w[] = {"chiropract*",
                                      "chiro",
                                      "manipulation",
                                      "manipulations",
                                      "spinal manipulat*",
                                      "osteopathic manipulat*",
                                      "manual therap*",
                                      "cmt",
                                      "omt",
                                      NULL};
static const char *const pt_w[] = {"physical therap*",
                                   "physiotherap*",
                                   "pt",
                                   "p.t.",
                                   "aquatic therap*",
                                   "aqua therap*",
                                   "aquatherap*",
                                   "pool therap*",
                                   "water therap*",
                                   "physical medicine",
                                   "therapeutic exercise*",
                                   "occupational therap*",
                                   "hand therap*",
                                   "ot sessions",
                                   NULL};
static const char *const imaging_w[] = {"mri*",
                                        "mra",
                                        "magnetic resonance*",
                                        "ct",
                                        "ct scan*",
                                        "cat scan*",
                                        "computed tomograph*",
                                        "x-ray*",
                                        "xray*",
                                        "x ray*",
                                        "radiograph*",
                                        "bone scan*",
                                        "ultrasound*",
                                        "ultrasonograph*",
                                        "sonogram*",
                                        "imaging",
                                        "myelogram*",
                                        "pet scan*",
                                        "dexa",
                                        "arthrogram*",
                                        "emg*",
                                        "ncv*",
                                        "ncs",
                                        "nerve conduction*",
                                        "electromyogra*",
                                        "electrodiagnostic*",
                                        "scan",
                                        "scans",
                                        NULL};
static const char *const visit_w[] = {"follow up*",
                                      "follow-up*",
                                      "followup*",
                                      "office visit*",
                                      "visit",
                                      "visits",
                                      "consultation*",
                                      "consult",
                                      "consults",
                                      "re-evaluation*",
                                      "reevaluation*",
                                      "referral*",
                                      "evaluation and management",
                                      "e&m",
                                      "return visit*",
                                      "appointment*",
                                      NULL};
static const char *const med_w[] = {"cyclobenzaprine*",
                                    "flexeril",
                                    "fexmid",
                                    "amrix",
                                    "tizanidine*",
                                    "zanaflex",
                                    "methocarbamol*",
                                    "robaxin",
                                    "baclofen",
                                    "carisoprodol*",
                                    "soma",
                                    "metaxalone",
                                    "skelaxin",
                                    "orphenadrine*",
                                    "norflex",
                                    "chlorzoxazone",
                                    "parafon*",
                                    "muscle relaxant*",
                                    "ibuprofen*",
                                    "motrin",
                                    "naproxen*",
                                    "anaprox*",
                                    "naprosyn*",
                                    "meloxicam",
                                    "mobic",
                                    "diclofenac*",
                                    "voltaren*",
                                    "celecoxib",
                                    "celebrex",
                                    "etodolac*",
                                    "nabumetone",
                                    "relafen",
                                    "ketorolac*",
                                    "toradol*",
                                    "ketoprofen",
                                    "indomethacin",
                                    "nsaid*",
                                    "flurbiprofen*",
                                    "lidoderm*",
                                    "lidocaine*",
                                    "gabapentin*",
                                    "neurontin",
                                    "pregabalin",
                                    "lyrica",
                                    "omeprazole",
                                    "prilosec",
                                    "pantoprazole",
                                    "protonix",
                                    "esomeprazole",
                                    "nexium",
                                    "lansoprazole",
                                    "ranitidine",
                                    "zantac",
                                    "duloxetine",
                                    "cymbalta",
                                    "amitriptyline",
                                    "nortriptyline",
                                    "trazodone",
                                    "zolpidem",
                                    "ambien",
                                    "capsaicin",
                                    "menthoderm",
                                    "terocin",
                                    "medrol*",
                                    "prednisone",
                                    "methylprednisolone",
                                    "topiramate",
                                    "topamax",
                                    "sumatriptan",
                                    "imitrex",
                                    "ondansetron",
                                    "zofran",
                                    "docusate",
                                    "colace",
                                    "senna*",
                                    "acetaminophen",
                                    "tylenol",
                                    "aspirin",
                                    "alprazolam",
                                    "xanax",
                                    "lorazepam",
                                    "ativan",
                                    "diazepam",
                                    "valium",
                                    "clonazepam",
                                    "klonopin",
                                    "venlafaxine",
                                    "effexor",
                                    "sertraline",
                                    "zoloft",
                                    "fluoxetine",
                                    "prozac",
                                    "bupropion",
                                    "wellbutrin",
                                    "citalopram",
                                    "escitalopram",
                                    "lexapro",
                                    "buspirone",
                                    "temazepam",
                                    "restoril",
                                    "melatonin",
                                    "vitamin*",
                                    "glucosamine",
                                    "compound*",
                                    "topical*",
                                    "cream*",
                                    "ointment*",
                                    "gel",
                                    "patch",
                                    "patches",
                                    "lotion",
                                    "tablet*",
                                    "tab",
                                    "tabs",
                                    "capsule*",
                                    "caps",
                                    "medication*",
                                    "prescription*",
                                    "refill*",
                                    "mg",
                                    "mcg",
                                    "dose*",
                                    "sentra*",
                                    "theramine",
                                    "gabadone",
                                    "trepadone",
                                    "fioricet",
                                    "butalbital",
                                    "nuvigil",
                                    "provigil",
                                    "viagra",
                                    "cialis",
                                    "ketoprofen*",
                                    "flector",
                                    "pennsaid",
                                    "salonpas",
                                    "biofreeze",
                                    "dendracin",
                                    "ambien*",
                                    "lunesta",
                                    "sonata",
                                    "remeron",
                                    "mirtazapine",
                                    "elavil",
                                    "savella",
                                    "nortriptyline",
                                    "doxepin",
                                    "silenor",
                                    "tizanidine",
                                    NULL};

/* The lists, and for each the patterns grouped by first letter (every
 * pattern starts with a lower-case letter): first[l][c] is the first
 * pattern of list l starting with 'a' + c, chained by next[l][]. Built by
 * seg_cat_new (the segmenter owns it); read-only afterwards, so classify is
 * thread-safe. */
enum {
  L_TPI,
  L_TPI_NOT,
  L_SCS,
  L_ESI,
  L_OPIOID,
  L_PT,
  L_CHIRO,
  L_IMAGING,
  L_VISIT,
  L_MED,
  NLISTS,
  MAXW = 256,
  END = 0xffff
};
static const char *const *const lists[NLISTS] = {
    tpi_w, tpi_not_w, scs_w,     esi_w,   opioid_w,
    pt_w,  chiro_w,   imaging_w, visit_w, med_w};
struct seg_cat_index {
  uint16_t first[NLISTS][26], next[NLISTS][MAXW];
  uint8_t plen[NLISTS][MAXW];
  uint32_t letters[NLISTS]; /* bit c: some pattern starts with 'a' + c */
};

seg_cat *seg_cat_new(void) {
  seg_cat *x = calloc(1, sizeof *x);
  if (!x)
    return NULL;
  for (int l = 0; l < NLISTS; l++) {
    for (int c = 0; c < 26; c++)
      x->first[l][c] = END;
    size_t n = 0;
    while (lists[l][n])
      n++;
    for (size_t k = n; k-- > 0;) { /* chained in list order */
      const char *p = lists[l][k];
      unsigned c = (unsigned)(p[0] - 'a');
      if (k >= MAXW || c >= 26 || strlen(p) > 255)
        abort(); /* a table edit broke the index's assumptions */
      x->plen[l][k] = (uint8_t)strlen(p);
      x->next[l][k] = x->first[l][c];
      x->first[l][c] = (uint16_t)k;
      x->letters[l] |= 1u << c;
    }
  }
  return x;
}

void seg_cat_free(seg_cat *x) { free(x); }

/* Case-insensitive match of pattern p (lower case, pl bytes; '*' at end =
 * prefix) at s[i], where a word starts; returns 1 when the match ends on a
 * word boundary. */
static int match_at(const char *s, size_t n, size_t i, const char *p,
                    size_t pl) {
  int prefix = pl && p[pl - 1] == '*';
  if (prefix)
    pl--;
  if (i + pl > n)
    return 0;
  for (size_t k = 0; k < pl; k++)
    if (ir_ascii_tolower((unsigned char)s[i + k]) != (unsigned char)p[k])
      return 0;
  if (prefix || i + pl >= n)
    return 1;
  return !(ir_ascii_alnum((unsigned char)s[i + pl]) &&
           ir_ascii_alnum((unsigned char)p[pl - 1]));
}

/* The starts of the words of a text that begin with a letter (where a
 * pattern can match), found once for all the lists, with that letter (0
 * for 'a'); a text of more than MAXSTARTS words is searched byte by byte
 * instead (over = 1). */
enum { MAXSTARTS = 256 };
typedef struct {
  uint16_t at[MAXSTARTS];
  uint8_t letter[MAXSTARTS];
  size_t n;
  int over;
} starts;

static void find_starts(const char *s, size_t n, starts *w) {
  w->n = 0;
  w->over = n > UINT16_MAX;
  for (size_t i = 0; i < n && !w->over; i++) {
    unsigned c = (unsigned)(ir_ascii_tolower((unsigned char)s[i]) - 'a');
    if (c >= 26 || (i > 0 && ir_ascii_alnum((unsigned char)s[i - 1])))
      continue;
    if (w->n == MAXSTARTS) {
      w->over = 1;
    } else {
      w->letter[w->n] = (uint8_t)c;
      w->at[w->n++] = (uint16_t)i;
    }
  }
}

/* Does a pattern of list l start at s[i] (a word start)? */
static int list_at(const seg_cat *x, const char *s, size_t n, size_t i, int l) {
  unsigned c = (unsigned)(ir_ascii_tolower((unsigned char)s[i]) - 'a');
  if (c >= 26)
    return 0; /* every pattern starts with a letter */
  for (unsigned k = x->first[l][c]; k != END; k = x->next[l][k])
    if (match_at(s, n, i, lists[l][k], x->plen[l][k]))
      return 1;
  return 0;
}

/* Does a pattern of list l start a word of s[0, n)? */
static int has_any(const seg_cat *x, const char *s, size_t n, const starts *w,
                   int l) {
  if (!w->over) { /* only the words whose first letter some pattern has */
    for (size_t k = 0; k < w->n; k++)
      if ((x->letters[l] >> w->letter[k] & 1) && list_at(x, s, n, w->at[k], l))
        return 1;
    return 0;
  }
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && ir_ascii_alnum((unsigned char)s[i - 1]) &&
        ir_ascii_alnum((unsigned char)s[i]))
      continue; /* patterns start words */
    if (list_at(x, s, n, i, l))
      return 1;
  }
  return 0;
}

/* A dose ("10mg", "7.5 mg", "#60") marks a drug even when unlisted. */
static int has_dose(const char *s, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    if (s[i] == '#' && isdigit((unsigned char)s[i + 1]))
      return 1;
    if (isdigit((unsigned char)s[i])) {
      size_t j = i + 1;
      while (j < n && (isdigit((unsigned char)s[j]) || s[j] == '.'))
        j++;
      while (j < n && s[j] == ' ')
        j++;
      if (j + 1 < n && tolower((unsigned char)s[j]) == 'm' &&
          (tolower((unsigned char)s[j + 1]) == 'g' ||
           tolower((unsigned char)s[j + 1]) == 'c') &&
          (j + 2 >= n || !isalpha((unsigned char)s[j + 2]) ||
           tolower((unsigned char)s[j + 2]) == 'g'))
        return 1;
    }
  }
  return 0;
}

static const char *classify(const seg_cat *x, const char *s, size_t n) {
  starts w;
  find_starts(s, n, &w);
  if (has_any(x, s, n, &w, L_TPI) && !has_any(x, s, n, &w, L_TPI_NOT))
    return "tpi";
  if (has_any(x, s, n, &w, L_SCS))
    return "scs";
  if (has_any(x, s, n, &w, L_ESI))
    return "esi";
  if (has_any(x, s, n, &w, L_OPIOID))
    return "opioid";
  if (has_any(x, s, n, &w, L_PT))
    return "physical_therapy";
  if (has_any(x, s, n, &w, L_CHIRO))
    return "chiropractic";
  if (has_any(x, s, n, &w, L_IMAGING))
    return "imaging";
  if (has_any(x, s, n, &w, L_VISIT))
    return "office_visit";
  if (has_any(x, s, n, &w, L_MED) || has_dose(s, n))
    return "medication";
  return NULL;
}

const char *seg_category(const ir_segmenter *sg, const char *title,
                         const char *guideline_maximus, int *by_title) {
  const char *c = title ? classify(sg->cat, title, strlen(title)) : NULL;
  *by_title = c != NULL;
  if (!c && guideline_maximus)
    c = classify(sg->cat, guideline_maximus, strlen(guideline_maximus));
  return c ? c : "other";
}

const char *ir_category_of(const ir_segmenter *sg, const char *title,
                           const char *guideline_maximus) {
  int by_title;
  return seg_category(sg, title, guideline_maximus, &by_title);
}
