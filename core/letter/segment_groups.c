/* segment_groups.c - issue lists: an "ISSUE AT DISPUTE:" heading followed
 * by the disputed items, one entry each (numbered or a list of titles);
 * their outcomes (the entries' own, or a later determination line); and
 * each member's own section of the shared rationale (see segment_int.h).
 * Groups hold at most MAX_GROUP members; every scan is bounded per line. */
#include "segment_int.h"

#include <ctype.h>
#include <string.h>

#define MAX_GROUP 32

/* The outcome at the end of an issue entry whose lines are [fl, ll] (text
 * from `after` on its first line): a title tail ("X: Upheld"), a bare
 * outcome line after the entry's text, or an outcome word after the text
 * ("X Upheld"). Sets the service end and the title end; 0 when none. */
static int entry_outcome(seg *c, size_t fl, size_t ll, size_t after, size_t *se,
                         size_t *te, ir_outcome *o) {
  span L = c->lines[ll];
  if (ll == fl)
    L.s = after;
  size_t svc_end, t_end;
  *te = c->lines[ll].e;
  if (ll > fl && seg_bare_outcome(c, L, o)) {
    *se = c->lines[ll - 1].e;
    return 1;
  }
  if (L.s < L.e && seg_title_line(c, L, &svc_end, &t_end, o)) {
    *se = svc_end;
    return 1;
  }
  size_t w = L.e; /* "... with lidocaine and Kenalog Upheld" */
  while (w > L.s && isalpha((unsigned char)c->s[w - 1]))
    w--;
  if (w > L.s + 1 && c->s[w - 1] == ' ' && w < L.e &&
      seg_outcome_word(c->s, w, L.e, o)) {
    size_t k = w;
    while (k > L.s && (c->s[k - 1] == ' ' || c->s[k - 1] == '-'))
      k--;
    if (k > L.s) {
      *se = k;
      return 1;
    }
  }
  *o = IR_OUT_UNKNOWN;
  *se = c->lines[ll].e;
  return 0;
}

/* "ISSUE AT DISPUTE:" followed by the disputed items, one entry each: a
 * numbered list ("1. X", "2) X", "Issue #3: X"; an entry may wrap over
 * lines and end in its outcome, "X: Upheld", or have it on the next line),
 * or a list of titles ("X: Upheld" on each line). Opens one item per entry;
 * a later determination line gives the outcomes the entries lack. */
int seg_issue_group(seg *c, protolist *v, size_t i, size_t *last, int *gid) {
  span L = c->lines[i];
  size_t val = seg_issue_label(c->s, L), j = i + 1;
  struct {
    size_t fl, ll, after;
  } m[MAX_GROUP];
  size_t nm = 0;
  int numbered = -1, num, has_out = 0;
  if (val < L.e)
    return 0;
  /* a handful of entries at most (each member scans the shared region, so
   * the size is capped to keep segmenting linear) */
  for (; j < c->nlines && nm < MAX_GROUP; j++) {
    span M = c->lines[j];
    int k = seg_kind(c, j);
    size_t after, se, te;
    ir_outcome o;
    if (k != K_NONE && k != K_ISSUE)
      break;
    if (numbered != 0 && seg_member_marker(c->s, M, &num, &after)) {
      if (num != (int)nm + 1)
        break;
      numbered = 1;
      m[nm].fl = m[nm].ll = j;
      m[nm++].after = after;
      continue;
    }
    if (k != K_NONE || M.e - M.s > 400)
      break;
    if (numbered == 1 && M.e - M.s < 160 &&
        !entry_outcome(c, m[nm - 1].fl, m[nm - 1].ll, m[nm - 1].after, &se, &te,
                       &o) &&
        entry_outcome(c, m[nm - 1].fl, j, m[nm - 1].after, &se, &te, &o)) {
      m[nm - 1].ll = j; /* the entry wrapped, its outcome on this line */
      continue;
    }
    if (numbered != 1 && seg_title_line(c, M, &se, &te, &o)) {
      numbered = 0;
      m[nm].fl = m[nm].ll = j;
      m[nm++].after = M.s;
      continue;
    }
    break;
  }
  if (nm >= MAX_GROUP)
    return 0;
  for (size_t k = 0; k < nm; k++) {
    size_t se, te;
    ir_outcome o;
    has_out += entry_outcome(c, m[k].fl, m[k].ll, m[k].after, &se, &te, &o);
  }
  if (nm < 2 && !(nm == 1 && has_out))
    return 0;
  (*gid)++;
  for (size_t k = 0; k < nm && !c->capped; k++) {
    proto p;
    memset(&p, 0, sizeof p);
    size_t se, te;
    p.titled = entry_outcome(c, m[k].fl, m[k].ll, m[k].after, &se, &te, &p.out);
    p.start = p.ts = c->lines[m[k].fl].s;
    p.ss = m[k].after;
    p.se = se;
    p.te = te;
    p.body = c->lines[j - 1].e;
    p.first_line = j;
    p.group = *gid;
    p.gidx = (int)k + 1;
    seg_open_item(c, v, p);
  }
  *last = j - 1;
  return 1;
}

/* A determination for a group: outcome words in order, one per member
 * (from the value and numbered lines after it); else one for all. */
size_t seg_group_outcomes(seg *c, protolist *v, size_t li, span V,
                          ir_outcome all) {
  int g = v->v[v->n - 1].group;
  size_t first = v->n, members = 0;
  while (first > 0 && v->v[first - 1].group == g)
    first--;
  members = v->n - first;
  ir_outcome found[64];
  size_t nf = 0, after;
  int num;
  span R = V;
  size_t last = li;
  for (size_t j = li + 1; j < c->nlines; j++) { /* numbered lines after */
    if (!seg_numbered(c->s, c->lines[j], &after, &num) ||
        seg_kind(c, j) != K_NONE)
      break;
    if (c->lines[j].e > R.e && c->lines[j].s >= V.e)
      R.e = c->lines[j].e;
    last = j;
  }
  for (size_t i = R.s; i < R.e && nf < 64;) {
    while (i < R.e && !isalpha((unsigned char)c->s[i]))
      i++;
    size_t b = i;
    while (i < R.e && isalpha((unsigned char)c->s[i]))
      i++;
    ir_outcome o;
    if (b < i && seg_outcome_word(c->s, b, i, &o))
      found[nf++] = o;
  }
  for (size_t m = 0; m < members; m++) {
    proto *p = &v->v[first + m];
    if (!p->titled) /* an entry's own outcome stands */
      p->out = nf == members ? found[m] : all;
    p->has_det = 1;
  }
  return last; /* the numbered determination lines are consumed */
}

/* Is line li a section opening "1) Regarding the request for X:"? */
static int regarding_line(seg *c, size_t li) {
  span L = c->lines[li];
  size_t a = L.s, after;
  int num;
  if (seg_numbered(c->s, L, &after, &num))
    a = after;
  while (a < L.e && c->s[a] == ' ')
    a++;
  return lit_at(c->s, a, L.e, "regarding the request") != 0;
}

/* Members of a group [i, j) share the region after their numbered lines,
 * unless it holds one "Regarding the request for" section per member, in
 * order: then each member takes its own section. */
static int split_sections(seg *c, protolist *v, size_t i, size_t j) {
  size_t n = j - i, found = 0, at[64];
  size_t end = v->v[j - 1].end;
  for (size_t li = v->v[j - 1].first_line; li < c->nlines && n <= 64; li++) {
    if (c->lines[li].s >= end)
      break;
    if (c->lines[li].s < v->v[j - 1].te) /* only after the group's titles */
      continue;
    if (regarding_line(c, li)) {
      if (found == n)
        return 0;
      at[found++] = c->lines[li].s;
    }
  }
  if (found != n || n > 64)
    return 0;
  for (size_t k = 0; k < n; k++) {
    v->v[i + k].body = at[k];
    v->v[i + k].end = k + 1 < n ? at[k + 1] : end;
  }
  return 1;
}

/* Where the words of a line are compared with the service names: after
 * the leading "Regarding the request for " of s[a, e). */
static size_t after_lead(const char *s, size_t a, size_t e) {
  static const char *const lead[] = {"regarding ", "request for ", "requested ",
                                     "the ",       "for ",         NULL};
  for (int again = 1; again;) {
    again = 0;
    for (const char *const *l = lead; *l; l++) {
      size_t k = lit_at(s, a, e, *l);
      if (k) {
        a = k, again = 1;
        break;
      }
    }
  }
  return a;
}

/* A service name of member p: up to 255 bytes, and up to a NUL byte. */
static const char *service_name(const seg *c, const proto *p, size_t *n) {
  size_t l = p->se > p->ss ? p->se - p->ss : 0;
  if (l > 255)
    l = 255;
  const char *svc = c->s + p->ss, *nul = memchr(svc, 0, l);
  *n = nul ? (size_t)(nul - svc) : l;
  return svc;
}

/* The words of svc[0, n): runs of ASCII letters and digits (ctype's
 * classes in the C locale the program runs in). */
static size_t count_words(const char *svc, size_t n) {
  size_t words = 0;
  for (size_t i = 0; i < n; i++)
    words += ir_ascii_alnum((unsigned char)svc[i]) &&
             (i == 0 || !ir_ascii_alnum((unsigned char)svc[i - 1]));
  return words;
}

/* How many words of a service name svc[0, n) match, in order, the words at
 * the start of s[a, e), ignoring case and punctuation; the first that
 * does not ends the count. */
static size_t service_words(const char *s, size_t a, size_t e, const char *svc,
                            size_t n) {
  size_t i = 0, matched = 0;
  for (;;) {
    while (i < n && !ir_ascii_alnum((unsigned char)svc[i]))
      i++;
    while (a < e && !ir_ascii_alnum((unsigned char)s[a]))
      a++;
    if (i >= n)
      return matched;
    for (; i < n && ir_ascii_alnum((unsigned char)svc[i]); i++, a++)
      if (a >= e || ir_ascii_tolower((unsigned char)s[a]) !=
                        ir_ascii_tolower((unsigned char)svc[i]))
        return matched;
    if (a < e && ir_ascii_alnum((unsigned char)s[a]))
      return matched;
    matched++;
  }
}

/* Which member of v[i, j) a line names at its start ("Tizanidine 4 mg
 * #60: ..."), 1-based; 0 when none or more than one. total[k]: the words
 * of member i + k's service name. */
static int named_member(seg *c, protolist *v, size_t i, size_t j, span L,
                        const size_t *total) {
  size_t best = 0, tie = 0;
  int who = 0;
  size_t a = after_lead(c->s, L.s, L.e);
  for (size_t k = i; k < j; k++) {
    size_t n, t = total[k - i];
    const char *svc = service_name(c, &v->v[k], &n);
    size_t w = service_words(c->s, a, L.e, svc, n);
    if (!(w == t || (w >= 4 && 3 * w >= 2 * t)) || w < 2)
      continue;
    if (w > best)
      best = w, tie = 0, who = (int)(k - i) + 1;
    else if (w == best)
      tie = 1;
  }
  return tie ? 0 : who;
}

/* Each member of the group v[i, j) takes its own section of the shared
 * rationale when the rationale has one per member: numbered to match ("1.
 * Regarding ...", "Issue 2:", "3)"), opening with the member's service
 * name, or "Regarding ..." paragraphs in member order. */
static void member_sections(seg *c, protolist *v, size_t i, size_t j) {
  size_t n = j - i, at[MAX_GROUP], end = v->v[j - 1].end;
  size_t from = seg_line_at(c, v->v[i].body), li;
  if (n < 2 || n > MAX_GROUP)
    return;
  for (li = from; li < c->nlines && c->lines[li].s < end; li++)
    if (seg_kind(c, li) == K_RAT) {
      from = li + 1;
      break;
    }
  size_t total[MAX_GROUP];
  for (size_t k = 0; k < n; k++) {
    size_t l;
    const char *svc = service_name(c, &v->v[i + k], &l);
    total[k] = count_words(svc, l);
  }
  for (int how = 0; how < 3; how++) {
    size_t found = 0;
    for (size_t k = 0; k < n; k++)
      at[k] = 0;
    for (li = from; li < c->nlines && c->lines[li].s < end && found < n; li++) {
      span L = c->lines[li];
      size_t after;
      int num, who = 0;
      if (how == 0 && seg_member_marker(c->s, L, &num, &after))
        who = num == (int)found + 1 ? num : 0;
      else if (how == 1)
        who = named_member(c, v, i, j, L, total);
      else if (how == 2 && regarding_line(c, li))
        who = (int)found + 1;
      if (who && !at[who - 1]) {
        at[who - 1] = L.s;
        found++;
      }
    }
    if (found < n)
      continue;
    for (size_t k = 0; k < n; k++) { /* each ends where the next one starts */
      size_t e = end;
      for (size_t m = 0; m < n; m++)
        if (at[m] > at[k] && at[m] < e)
          e = at[m];
      v->v[i + k].sec_s = at[k];
      v->v[i + k].sec_e = e;
    }
    return;
  }
}

void seg_close_groups(seg *c, protolist *v) {
  for (size_t i = 0; i < v->n;) {
    size_t j = i + 1;
    while (v->v[i].group && j < v->n && v->v[j].group == v->v[i].group)
      j++;
    for (size_t k = i; k < j; k++)
      v->v[k].end = v->v[j - 1].end;
    if (v->v[i].group && j - i > 1 && !split_sections(c, v, i, j))
      member_sections(c, v, i, j);
    i = j;
  }
}

/* A line inside a group's shared region that opens a member's section
 * ("Issue 2:", "1. Regarding ...") rather than a new item. */
int seg_section_line(seg *c, protolist *v, span L) {
  size_t after, se, te;
  int num;
  ir_outcome o;
  if (!v->n || !v->v[v->n - 1].group ||
      !seg_member_marker(c->s, L, &num, &after) || num > v->v[v->n - 1].gidx)
    return 0;
  return !seg_title_line(c, L, &se, &te, &o);
}
