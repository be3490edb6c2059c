/* segment_items.c - find the decided items of a letter: title lines
 * ("<service>: Upheld"), wrapped titles, issue labels with a later
 * determination, numbered issue groups (see segment_int.h). One pass over
 * the lines; every check is bounded per line, so the scan is linear. */
#include "segment_int.h"
#include "text/text.h"

#include <ctype.h>
#include <pcre2.h>
#include <string.h>

/* "<service>: Upheld" (or " - Upheld", "Overturned (partially)", and in a
 * decision section "Non-certified"; see title_outcome.h); fills service end
 * and title end. */
int seg_title_line(seg *c, span L, size_t *svc_end, size_t *t_end,
                   ir_outcome *o) {
  const char *s = c->s;
  size_t w, e;
  if (ir_title_outcome(s, L.s, L.e, c->cert ? IR_TO_CERT : 0, o, &w, &e)) {
    size_t k = w;
    while (k > L.s && (s[k - 1] == ' ' || s[k - 1] == '*'))
      k--;
    if (k > L.s && s[k - 1] == ':')
      k--;
    else if (k > L.s && s[k - 1] == '-' && k < w)
      k--;
    else if (k >= L.s + 3 && (unsigned char)s[k - 3] == 0xe2 &&
             (unsigned char)s[k - 2] == 0x80 &&
             ((unsigned char)s[k - 1] == 0x93 ||
              (unsigned char)s[k - 1] == 0x94))
      k -= 3;
    else
      return 0;
    while (k > L.s && (s[k - 1] == ' ' || s[k - 1] == '*'))
      k--;
    if (k <= L.s)
      return 0;
    *svc_end = k;
    *t_end = e;
    return 1;
  }
  span m;
  if (seg_find(c, P_INLINE, L.s, L.e, 1, &m) && m.s > L.s) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
    size_t k = ov[0], qe = ov[5] != PCRE2_UNSET ? ov[5] : m.e;
    if (!ir_title_outcome(s, m.s, qe, IR_TO_CERT | IR_TO_WHOLE, o, &w, &e))
      return 0;
    while (k > L.s && s[k - 1] == ' ')
      k--;
    if (k <= L.s)
      return 0;
    *svc_end = k;
    *t_end = e;
    return 1;
  }
  return 0;
}

/* After an item number at the start of s[b, e) ("1. ", "2) ", "Item 3: "):
 * the position past its '.', ')' or ':'; 0 when the line has none. */
static size_t number_end(const char *s, size_t b, size_t e) {
  while (b < e && (s[b] == ' ' || s[b] == '*'))
    b++;
  size_t it = lit_at(s, b, e, "item ");
  if (it)
    b = it;
  size_t d = b;
  while (d < e && d - b < 3 && isdigit((unsigned char)s[d]))
    d++;
  int ok = d > b && d + 1 < e &&
           (s[d] == '.' || s[d] == ')' || (it && s[d] == ':')) &&
           s[d + 1] == ' ';
  return ok ? d + 1 : 0;
}

/* Does s[b, e) end "is (not) medically necessary (and appropriate)."?
 * from: where the phrase starts (past the item number).
 * (the item titles of the older MAXIMUS letters: "1. Trigger point
 * injections x4 is not medically necessary and appropriate.") Sets the
 * outcome (a "not" upholds the denial) and *vs, the start of the verb.
 * Any whitespace, line breaks included, separates the words. */
static int verdict_end(const char *s, size_t b, size_t from, size_t e,
                       ir_outcome *o, size_t *vs) {
  static const char *const tails[] = {"medically necessary and appropriate",
                                      "medically appropriate and necessary",
                                      "medically necessary", NULL};
  while (e > b && (isspace((unsigned char)s[e - 1]) || s[e - 1] == '.'))
    e--;
  char w[64];
  size_t n = 0, k = e; /* the last words, one space apart, lower case */
  size_t starts[12], nw = 0;
  while (k > b && nw < 12) {
    size_t we = k;
    while (we > b && isspace((unsigned char)s[we - 1]))
      we--;
    size_t ws = we;
    while (ws > b && !isspace((unsigned char)s[ws - 1]))
      ws--;
    if (ws == we)
      break;
    starts[nw++] = ws;
    k = ws;
  }
  for (size_t t = 0; tails[t]; t++) {
    size_t words = 1;
    for (const char *q = tails[t]; *q; q++)
      words += *q == ' ';
    if (nw < words + 1)
      continue;
    n = 0;
    for (size_t i = words; i-- > 0 && n < sizeof w - 1;) {
      size_t a = starts[i], z = i ? starts[i - 1] : e;
      while (z > a && isspace((unsigned char)s[z - 1]))
        z--;
      for (size_t j = a; j < z && n < sizeof w - 1; j++)
        w[n++] = (char)tolower((unsigned char)s[j]);
      if (i && n < sizeof w - 1)
        w[n++] = ' ';
    }
    w[n] = 0;
    if (strcmp(w, tails[t]) != 0)
      continue;
    size_t i = words, neg = 0;
    if (lit_at(s, starts[i], e, "not ") || lit_at(s, starts[i], e, "not\n"))
      neg = 1;
    if (neg && nw < words + 2)
      return 0;
    size_t v = starts[i + neg];
    if (!(lit_at(s, v, e, "is ") || lit_at(s, v, e, "are ") ||
          lit_at(s, v, e, "is\n") || lit_at(s, v, e, "are\n")))
      return 0;
    for (size_t j = from; j + 1 < v; j++) /* one phrase, not a paragraph */
      if ((s[j] == '.' || s[j] == ':' || s[j] == ';') &&
          isspace((unsigned char)s[j + 1]))
        return 0;
    if (v - b > 240)
      return 0;
    *o = neg ? IR_OUT_UPHELD : IR_OUT_OVERTURNED;
    *vs = v;
    return 1;
  }
  return 0;
}

/* A line holding only an outcome: the end of a wrapped title. */
static int bare_outcome(seg *c, span L, ir_outcome *o) {
  size_t ps, pe;
  return ir_title_outcome(c->s, L.s, L.e, IR_TO_WHOLE, o, &ps, &pe);
}

static int ends_sentence(const char *s, span L) {
  if (L.e <= L.s)
    return 1;
  char ch = s[L.e - 1];
  return ch == '.' || ch == ':' || ch == ';' || ch == '!' || ch == '?' ||
         ch == ')' || ch == '"';
}

/* A line that may start a title wrapped onto the next line. */
static int title_fragment(seg *c, size_t li) {
  span L = c->lines[li];
  return L.e > L.s && L.e - L.s < 160 && !ends_sentence(c->s, L) &&
         !seg_furniture(c->s, L) && seg_kind(c, li) == K_NONE &&
         !lit_at(c->s, L.s, L.e, "the final determination");
}

/* Strips labels, numbering and boilerplate around a service name. */
static void clean_service(seg *c, size_t *pa, size_t *pb) {
  const char *s = c->s;
  size_t a = *pa, b = *pb;
  /* (the phrase ends in a colon: most services have none) */
  int colon = b > a && memchr(s + a, ':', b - a) != NULL;
  for (size_t i = a; colon && i + 16 <= b; i++)
    if (lit_at(s, i, b, "set forth below:")) {
      a = i + 16;
      break;
    }
  while (a < b && (s[a] == ' ' || s[a] == '*'))
    a++;
  span L = {a, b};
  size_t v = seg_issue_label(s, L);
  if (v)
    a = v;
  while (a < b && s[a] == ' ')
    a++;
  size_t d = a;
  while (d < b && isdigit((unsigned char)s[d]))
    d++;
  if (d > a && d < b && d - a < 3 && (s[d] == '.' || s[d] == ')') &&
      d + 1 < b && s[d + 1] == ' ')
    a = d + 2;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == ':' || s[b - 1] == '*' ||
                   s[b - 1] == '-'))
    b--;
  if (b - a > 250) { /* a paragraph run into the title: keep the last part */
    for (size_t i = b - 2; i > a + 1; i--)
      if (s[i] == ' ' && s[i - 1] == '.' && isupper((unsigned char)s[i + 1])) {
        a = i + 1;
        break;
      }
  }
  *pa = a;
  *pb = b;
}

/* ---- finding items ------------------------------------------------------- */

/* Appends an item; at SEG_MAX_ITEMS the last one ends where this one would
 * start and the scan stops (c->capped). */
static void open_item(seg *c, protolist *v, proto p) {
  if (v->n)
    v->v[v->n - 1].end = p.start;
  if (v->n >= SEG_MAX_ITEMS) {
    c->capped = 1;
    return;
  }
  clean_service(c, &p.ss, &p.se);
  p.end = c->n;
  ir_vec_push(c->a, v, p);
}

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
  if (ll > fl && bare_outcome(c, L, o)) {
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
static int issue_group(seg *c, protolist *v, size_t i, size_t *last, int *gid) {
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
    open_item(c, v, p);
  }
  *last = j - 1;
  return 1;
}

/* A determination for a group: outcome words in order, one per member
 * (from the value and numbered lines after it); else one for all. */
static size_t group_outcomes(seg *c, protolist *v, size_t li, span V,
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

/* The words of a service name matched at the start of s[a, e), ignoring
 * case and punctuation ("Regarding the request for " skipped first). */
static size_t service_words(const char *s, size_t a, size_t e, const char *svc,
                            size_t *total) {
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
  size_t n = strlen(svc), i = 0, words = 0, matched = 0;
  int same = 1;
  while (i < n) {
    while (i < n && !isalnum((unsigned char)svc[i]))
      i++;
    while (a < e && !isalnum((unsigned char)s[a]))
      a++;
    if (i >= n)
      break;
    words++;
    while (i < n && isalnum((unsigned char)svc[i])) {
      if (!same || a >= e ||
          tolower((unsigned char)s[a]) != tolower((unsigned char)svc[i]))
        same = 0;
      i++, a += same;
    }
    if (same && a < e && isalnum((unsigned char)s[a]))
      same = 0;
    matched += same;
  }
  *total = words;
  return matched;
}

/* Which member of v[i, j) a line names at its start ("Tizanidine 4 mg
 * #60: ..."), 1-based; 0 when none or more than one. */
static int named_member(seg *c, protolist *v, size_t i, size_t j, span L) {
  size_t best = 0, tie = 0;
  int who = 0;
  for (size_t k = i; k < j; k++) {
    const proto *p = &v->v[k];
    char svc[256];
    size_t n = p->se > p->ss ? p->se - p->ss : 0, total;
    if (n >= sizeof svc)
      n = sizeof svc - 1;
    memcpy(svc, c->s + p->ss, n);
    svc[n] = 0;
    size_t w = service_words(c->s, L.s, L.e, svc, &total);
    if (!(w == total || (w >= 4 && 3 * w >= 2 * total)) || w < 2)
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
        who = named_member(c, v, i, j, L);
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

static void close_groups(seg *c, protolist *v) {
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
static int section_line(seg *c, protolist *v, span L) {
  size_t after, se, te;
  int num;
  ir_outcome o;
  if (!v->n || !v->v[v->n - 1].group ||
      !seg_member_marker(c->s, L, &num, &after) || num > v->v[v->n - 1].gidx)
    return 0;
  return !seg_title_line(c, L, &se, &te, &o);
}

/* Scans lines [from, nlines); returns how many outcome signals were seen. */
int seg_scan_items(seg *c, size_t from, protolist *v) {
  int signals = 0, gid = 0;
  ir_outcome pending = IR_OUT_UNKNOWN;
  int has_pending = 0;
  span pend_line = {0, 0};
  for (size_t i = from; i < c->nlines && !c->capped; i++) {
    span L = c->lines[i];
    if (L.s >= L.e || lit_at(c->s, L.s, L.e, "the final determination was"))
      continue;
    int kind = seg_kind(c, i);
    proto p;
    memset(&p, 0, sizeof p);
    size_t svc_end, t_end, nb;
    ir_outcome o = IR_OUT_UNKNOWN;
    if (kind == K_DET) {
      size_t val = seg_label_any(c->s, L, seg_decision_labels);
      span V = {val, L.e};
      if (V.s >= V.e && i + 1 < c->nlines)
        V = c->lines[i + 1];
      o = ir_outcome_of(c->s + V.s, V.e - V.s);
      signals++;
      proto *cur = v->n ? &v->v[v->n - 1] : NULL;
      if (cur && cur->group && !cur->has_det) {
        i = group_outcomes(c, v, i, V, o);
      } else if (cur && !cur->has_det && cur->out == IR_OUT_UNKNOWN) {
        cur->out = o;
        cur->has_det = 1;
      } else if (!cur || cur->has_det || cur->out != IR_OUT_UNKNOWN) {
        pending = o;
        has_pending = 1;
        pend_line = L;
      }
      continue;
    }
    if ((kind == K_NONE || kind == K_ISSUE) && section_line(c, v, L))
      continue;
    if (kind == K_NONE || kind == K_ISSUE) {
      nb = L.e - L.s < 400 ? number_end(c->s, L.s, L.e) : 0;
      if (seg_title_line(c, L, &svc_end, &t_end, &o)) {
        p.start = p.ts = p.ss = L.s;
        p.se = svc_end;
        p.te = t_end;
        if (i > from && title_fragment(c, i - 1) &&
            (!v->n || v->v[v->n - 1].body < c->lines[i - 1].s))
          p.start = p.ts = p.ss = c->lines[i - 1].s;
      } else if (nb && verdict_end(c->s, L.s, nb, L.e, &o, &svc_end)) {
        p.start = p.ts = p.ss = L.s; /* "1. X is not medically necessary." */
        p.se = svc_end;
        p.te = L.e;
      } else if (nb && i + 1 < c->nlines && !ends_sentence(c->s, L) &&
                 c->lines[i + 1].e - c->lines[i + 1].s < 80 &&
                 verdict_end(c->s, L.s, nb, c->lines[i + 1].e, &o, &svc_end) &&
                 svc_end < L.e) { /* the same, wrapped onto a second line */
        p.start = p.ts = p.ss = L.s;
        p.se = svc_end;
        p.te = c->lines[++i].e;
      } else if (i + 1 < c->nlines && bare_outcome(c, c->lines[i + 1], &o) &&
                 kind == K_NONE && L.e - L.s < 400) {
        p.start = p.ts = p.ss = L.s;
        p.se = L.e;
        p.te = c->lines[i + 1].e;
        if (i > from && title_fragment(c, i - 1) &&
            (!v->n || v->v[v->n - 1].body < c->lines[i - 1].s))
          p.start = p.ts = p.ss = c->lines[i - 1].s;
        i++;
      } else if (kind == K_ISSUE && issue_group(c, v, i, &i, &gid)) {
        signals++;
        continue;
      } else if (kind == K_ISSUE) {
        size_t val = seg_issue_label(c->s, L);
        p.start = p.ts = L.s;
        p.ss = val;
        p.se = L.e;
        if (val >= L.e && i + 1 < c->nlines && seg_kind(c, i + 1) == K_NONE) {
          i++;
          p.ss = c->lines[i].s;
          p.se = p.te = c->lines[i].e;
        }
        p.te = p.se;
        o = IR_OUT_UNKNOWN;
        if (has_pending) {
          o = pending;
          p.has_det = 1;
          has_pending = 0;
        }
      } else {
        continue;
      }
      signals++;
      p.out = o;
      p.body = p.te;
      p.first_line = i + 1;
      open_item(c, v, p);
    }
  }
  close_groups(c, v);
  if (has_pending && !v->n) { /* a determination without a service line */
    proto p;
    memset(&p, 0, sizeof p);
    p.start = p.ts = p.ss = pend_line.s;
    p.te = p.se = p.body = pend_line.e;
    p.out = pending;
    p.has_det = 1;
    open_item(c, v, p);
  }
  return signals;
}
