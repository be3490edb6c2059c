/* segment_header.c - letter-level fields: case number, dates, priority,
 * reviewer specialty and licensure, the clinical case summary (see
 * segment_int.h). PCRE2 patterns from segment.c; linear scans. */
#include "segment_int.h"

#include <ctype.h>
#include <pcre2.h>
#include <string.h>

static const char *date_after(seg *c, int p, size_t from, size_t to) {
  span m;
  char iso[11];
  size_t pos = from;
  while (pos < to && seg_find(c, p, pos, to, 0, &m)) {
    if (ir_scan_date(c->s + m.e, c->n - m.e, iso))
      return ir_arena_strdup(c->a, iso);
    pos = m.e > m.s ? m.e : m.s + 1;
  }
  return NULL;
}

void seg_parse_header(seg *c, size_t hdr_end) {
  ir_letter *l = c->l;
  span m;
  if (seg_find(c, P_CASE, 0, hdr_end, 1, &m))
    l->case_number = seg_span_str(c, m.s, m.e);
  else if (l->text.page_case) /* only in a running header or footer */
    l->case_number = l->text.page_case;
  l->date_injury = date_after(c, P_DOI, 0, hdr_end);
  if (!l->date_injury && l->sum_end > hdr_end)
    l->date_injury = date_after(c, P_DOI, l->sum_start, l->sum_end);
  if (!l->date_injury)
    l->date_injury = date_after(c, P_DOI_FB, 0, hdr_end);
  if (!l->date_injury && l->sum_end > hdr_end)
    l->date_injury = date_after(c, P_DOI_FB, l->sum_start, l->sum_end);
  if (!l->date_injury) /* "injured his low back lifting boxes on 8/14/11" */
    l->date_injury = date_after(c, P_DOI_FB2, 0, hdr_end);
  if (!l->date_injury && l->sum_end > hdr_end)
    l->date_injury = date_after(c, P_DOI_FB2, l->sum_start, l->sum_end);
  if (!l->date_injury) /* "On 04/02/2012 the worker ... injured her back" */
    l->date_injury = date_after(c, P_DOI_FB3, 0, hdr_end);
  if (!l->date_injury && l->sum_end > hdr_end)
    l->date_injury = date_after(c, P_DOI_FB3, l->sum_start, l->sum_end);
  l->date_decision = date_after(c, P_DECISION, 0, hdr_end);
  l->date_ur_denial = date_after(c, P_URDENIAL, 0, hdr_end);
  l->date_assigned = date_after(c, P_ASSIGNED, 0, hdr_end);
  l->date_application = date_after(c, P_APPL, 0, hdr_end);
  if (seg_find(c, P_PRIORITY, 0, hdr_end, 1, &m))
    l->priority = seg_span_str(c, m.s, m.e);
}

static int is_us_state(const char *v) {
  static const char *const st[] = {
      "alabama",        "alaska",        "arizona",
      "arkansas",       "california",    "colorado",
      "connecticut",    "delaware",      "florida",
      "georgia",        "hawaii",        "idaho",
      "illinois",       "indiana",       "iowa",
      "kansas",         "kentucky",      "louisiana",
      "maine",          "maryland",      "massachusetts",
      "michigan",       "minnesota",     "mississippi",
      "missouri",       "montana",       "nebraska",
      "nevada",         "new hampshire", "new jersey",
      "new mexico",     "new york",      "north carolina",
      "north dakota",   "ohio",          "oklahoma",
      "oregon",         "pennsylvania",  "rhode island",
      "south carolina", "south dakota",  "tennessee",
      "texas",          "utah",          "vermont",
      "virginia",       "washington",    "west virginia",
      "wisconsin",      "wyoming",       "district of columbia",
      "the state of",   "state of",      NULL};
  size_t n = strlen(v);
  for (const char *const *p = st; *p; p++) {
    size_t k = lit_at(v, 0, n, *p);
    if (k && (k == n || !isalpha((unsigned char)v[k])))
      return 1;
  }
  return 0;
}

static char *clean_value(seg *c, span m) {
  while (m.e > m.s && strchr(" ,.;:", c->s[m.e - 1]))
    m.e--;
  return seg_span_str(c, m.s, m.e);
}

void seg_parse_reviewer(seg *c) {
  ir_letter *l = c->l;
  span m;
  if (seg_find(c, P_SPEC, 0, c->n, 1, &m))
    l->specialty = clean_value(c, m);
  if (seg_find(c, P_LIC, 0, c->n, 1, &m))
    l->licensure = clean_value(c, m);
  if (!l->specialty && !l->licensure && seg_find(c, P_BOARD, 0, c->n, 1, &m)) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
    span lic = {ov[4], ov[5]};
    l->specialty = clean_value(c, m);
    l->licensure = clean_value(c, lic);
  }
  if (!l->specialty && seg_find(c, P_BOARD_ONLY, 0, c->n, 1, &m))
    l->specialty = clean_value(c, m);
  if (!l->licensure && seg_find(c, P_LIC_ONLY, 0, c->n, 1, &m))
    l->licensure = clean_value(c, m);
  /* "Board Certified in California and licensed in Occupational Medicine" */
  if (l->specialty && l->licensure && is_us_state(l->specialty) &&
      !is_us_state(l->licensure)) {
    const char *t = l->specialty;
    l->specialty = l->licensure;
    l->licensure = t;
  }
}

/* The clinical case summary: after its heading (and the boilerplate
 * "The expert reviewer developed the following ...:"), up to the next
 * section or item. */
void seg_parse_summary(seg *c) {
  const char *s = c->s;
  for (size_t i = 0; i < c->nlines; i++) {
    span L = c->lines[i];
    if (seg_kind(c, i) != K_SUMMARY)
      continue;
    size_t k = L.s;
    while (k < L.e && s[k] != ':')
      k++;
    size_t st = k < L.e ? k + 1 : L.e;
    while (st < L.e && s[st] == ' ')
      st++;
    if (st >= L.e)
      st = (i + 1 < c->nlines) ? c->lines[i + 1].s : c->n;
    size_t li = seg_line_at(c, st);
    if (li < c->nlines && c->lines[li].s == st) {
      span B = c->lines[li];
      int boiler = 0;
      for (size_t j = B.s; j < B.e && j < B.s + 200 && !boiler; j++)
        boiler = lit_at(s, j, B.e, "developed the following") != 0;
      if (boiler) {
        size_t q = B.s;
        while (q < B.e && s[q] != ':')
          q++;
        st = q + 1 < B.e ? q + 1
                         : (li + 1 < c->nlines ? c->lines[li + 1].s : c->n);
        while (st < c->n && (s[st] == ' ' || s[st] == '\n'))
          st++;
      }
    }
    size_t end = c->n;
    for (size_t j = seg_line_at(c, st); j < c->nlines; j++) {
      span M = c->lines[j];
      if (M.s <= st)
        continue;
      size_t se, te;
      ir_outcome o;
      if (seg_kind(c, j) != K_NONE || seg_title_line(c, M, &se, &te, &o)) {
        end = M.s;
        break;
      }
    }
    while (end > st && (s[end - 1] == '\n' || s[end - 1] == ' '))
      end--;
    if (end > st) {
      c->l->sum_start = st;
      c->l->sum_end = end;
    }
    return;
  }
}
