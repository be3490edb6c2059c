/* segment_items.c - find the decided items of a letter: title lines
 * ("<service>: Upheld"), wrapped titles, issue labels with a later
 * determination; issue lists are in segment_groups.c (see segment_int.h). One
 * pass over the lines; every check is bounded per line, so the scan is linear.
 */
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
int seg_bare_outcome(seg *c, span L, ir_outcome *o) {
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
void seg_open_item(seg *c, protolist *v, proto p) {
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
      o = ir_outcome_of(c->sg, c->s + V.s, V.e - V.s);
      signals++;
      proto *cur = v->n ? &v->v[v->n - 1] : NULL;
      if (cur && cur->group && !cur->has_det) {
        i = seg_group_outcomes(c, v, i, V, o);
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
    if ((kind == K_NONE || kind == K_ISSUE) && seg_section_line(c, v, L))
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
      } else if (i + 1 < c->nlines &&
                 seg_bare_outcome(c, c->lines[i + 1], &o) && kind == K_NONE &&
                 L.e - L.s < 400) {
        p.start = p.ts = p.ss = L.s;
        p.se = L.e;
        p.te = c->lines[i + 1].e;
        if (i > from && title_fragment(c, i - 1) &&
            (!v->n || v->v[v->n - 1].body < c->lines[i - 1].s))
          p.start = p.ts = p.ss = c->lines[i - 1].s;
        i++;
      } else if (kind == K_ISSUE && seg_issue_group(c, v, i, &i, &gid)) {
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
      seg_open_item(c, v, p);
    }
  }
  seg_close_groups(c, v);
  if (has_pending && !v->n) { /* a determination without a service line */
    proto p;
    memset(&p, 0, sizeof p);
    p.start = p.ts = p.ss = pend_line.s;
    p.te = p.se = p.body = pend_line.e;
    p.out = pending;
    p.has_det = 1;
    seg_open_item(c, v, p);
  }
  return signals;
}
