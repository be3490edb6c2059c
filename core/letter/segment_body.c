/* segment_body.c - inside one item: guideline labels, the decision
 * rationale and its conclusion, truncation (see segment_int.h). */
#include "segment_int.h"

#include <string.h>

static size_t next_heading(seg *c, size_t from, size_t limit, int stop_kinds) {
  for (size_t i = seg_line_at(c, from); i < c->nlines && c->lines[i].s < limit;
       i++) {
    int k = seg_kind(c, i);
    if (k != K_NONE && (stop_kinds & (1 << k)))
      return c->lines[i].s;
  }
  return limit;
}

/* The '\n' at or after pos, or the text's end. */
static size_t line_end(const seg *c, size_t pos) {
  const char *nl = pos < c->n ? memchr(c->s + pos, '\n', c->n - pos) : NULL;
  return nl ? (size_t)(nl - c->s) : (pos < c->n ? c->n : pos);
}

static size_t min3(size_t a, size_t b, size_t c) {
  size_t m = a < b ? a : b;
  return m < c ? m : c;
}

/* In a shared rationale, the paragraph numbered k ("2. Cyclobenzaprine:
 * ...") up to the paragraph numbered k+1. */
static void narrow_numbered(seg *c, int k, size_t *rs, size_t *re) {
  size_t st = 0, after;
  int num;
  for (size_t i = seg_line_at(c, *rs); i < c->nlines && c->lines[i].s < *re;
       i++) {
    if (!seg_numbered(c->s, c->lines[i], &after, &num))
      continue;
    if (!st && num == k && after < *re)
      st = after;
    else if (st && num == k + 1) {
      size_t e = c->lines[i].s;
      while (e > st && (c->s[e - 1] == '\n' || c->s[e - 1] == ' '))
        e--;
      *re = e;
      break;
    }
  }
  if (st)
    *rs = st;
}

/* A line of capitals (no lower-case letter), short: the rest of a heading
 * wrapped onto it. */
static int heading_part(const seg *c, span L) {
  int upper = 0;
  if (L.e <= L.s || L.e - L.s > 80)
    return 0;
  for (size_t k = L.s; k < L.e; k++) {
    unsigned char ch = (unsigned char)c->s[k];
    if (ch >= 'a' && ch <= 'z')
      return 0;
    upper += ch >= 'A' && ch <= 'Z';
  }
  return upper >= 2;
}

/* The rationale heading on line i has no colon: it may wrap onto a line or
 * two of capitals ("... IS/WAS NOT" / "MEDICALLY NECESSARY:"), which are
 * the heading, never the rationale. Where the rationale starts. */
static size_t heading_rest(seg *c, size_t i, size_t rat) {
  for (size_t k = i + 1; k < c->nlines && k <= i + 2; k++) {
    span L = c->lines[k];
    if (!heading_part(c, L) || seg_kind(c, k) != K_NONE)
      break;
    const char *colon = memchr(c->s + L.s, ':', L.e - L.s);
    if (colon) {
      size_t after = (size_t)(colon - c->s) + 1;
      return after < L.e ? after : (L.e < c->n ? L.e + 1 : L.e);
    }
  }
  return rat;
}

static void parse_item(seg *c, const proto *p, ir_item *it, int *truncated) {
  const char *s = c->s;
  size_t from = p->body, to = p->end;
  static const char *const rat_lits[] = {"decision rationale", NULL};
  seg_label_req req[3] = {
      {seg_ca_lits, 0, 0}, {seg_max_lits, 0, 0}, {rat_lits, 0, 0}};
  seg_find_labels(s, from, to, req, 3);
  size_t ca = req[0].val;
  size_t mx = req[1].val, max_l = req[1].lab;
  size_t rat = req[2].val, rat_l = req[2].lab;
  /* a group's sections may open "Issue 2:" (section_line), no new issue */
  const int heads = (1 << K_SUMMARY) | (1 << K_DOCS) | (1 << K_GUIDE) |
                    (1 << K_RAT) | (1 << K_QUAL) | (1 << K_END) |
                    (p->group ? 0 : (1 << K_ISSUE)) | (1 << K_DET) |
                    (1 << K_ITEMS) | (1 << K_HOW);
  if (!rat) { /* "Rationale:" or "RATIONALE FOR WHY ... :" heading */
    for (size_t i = seg_line_at(c, from); i < c->nlines && c->lines[i].s < to;
         i++) {
      span L = c->lines[i];
      if (seg_kind(c, i) != K_RAT)
        continue;
      rat_l = L.s;
      size_t k = L.s;
      while (k < L.e && s[k] != ':')
        k++;
      rat = (k < L.e) ? k + 1 : L.e;
      if (k >= L.e)
        rat = heading_rest(c, i, rat);
      if (rat == L.e)
        rat = L.e < c->n ? L.e + 1 : L.e;
      break;
    }
  }
  if (ca) {
    size_t e =
        min3(mx && max_l > ca ? max_l : to, rat && rat_l > ca ? rat_l : to, to);
    size_t le = line_end(c, ca);
    it->guideline_ca = seg_span_str(c, ca, e < le ? e : le);
  }
  if (mx) {
    size_t e = rat && rat_l > mx ? rat_l : to;
    size_t le = line_end(c, mx);
    it->guideline_maximus = seg_span_str(c, mx, e < le ? e : le);
  } else {
    for (size_t i = seg_line_at(c, from); i < c->nlines && c->lines[i].s < to;
         i++) {
      span L = c->lines[i];
      if (seg_kind(c, i) != K_GUIDE)
        continue;
      size_t k = L.s;
      while (k < L.e && s[k] != ':')
        k++;
      size_t v = k < L.e ? k + 1 : L.e;
      it->guideline_maximus =
          seg_span_str(c, v, next_heading(c, v + 1, to, ~0));
      break;
    }
  }
  size_t rs, re;
  if (rat) {
    rs = rat;
    re = next_heading(c, rat, to, heads & ~(1 << K_RAT));
  } else { /* no label: what follows the last label line, or the title */
    size_t after = p->te;
    size_t lab = ca > mx ? ca : mx;
    if (lab) {
      after = line_end(c, lab);
    }
    rs = after;
    re = next_heading(c, after + 1, to, heads);
  }
  while (rs < re && (s[rs] == ' ' || s[rs] == '\n'))
    rs++;
  while (re > rs && (s[re - 1] == ' ' || s[re - 1] == '\n'))
    re--;
  if (p->sec_e > p->sec_s && p->sec_s >= rs && p->sec_s < re) {
    rs = p->sec_s; /* the member's own section of the shared rationale */
    if (p->sec_e < re)
      re = p->sec_e;
    while (re > rs && (s[re - 1] == ' ' || s[re - 1] == '\n'))
      re--;
  } else if (p->group) {
    narrow_numbered(c, p->gidx, &rs, &re);
  }
  if (rs > re) /* never an inverted span (a number line at the very end) */
    rs = re;
  while (re > rs) { /* drop page furniture at the end */
    size_t k = seg_line_at(c, re);
    if (k == 0 || c->lines[k - 1].s < rs || !seg_furniture(s, c->lines[k - 1]))
      break;
    re = c->lines[k - 1].s;
    while (re > rs && (s[re - 1] == ' ' || s[re - 1] == '\n'))
      re--;
  }
  it->rat_start = rs;
  it->rat_end = re;
  size_t cs, ce;
  it->conclusion = ir_conclusion_of(c->sg, s + rs, re - rs, &cs, &ce);
  if (it->conclusion != IR_CONC_UNKNOWN)
    it->conclusion_ev =
        ir_make_evidence(c->a, &c->l->text, IR_SEC_RATIONALE, rs + cs, rs + ce);
  /* truncated: nothing after the labels, or the text stops mid-sentence
   * with no verdict reached */
  size_t tend = c->n;
  while (tend > 0 && (s[tend - 1] == ' ' || s[tend - 1] == '\n'))
    tend--;
  int cut = rs >= re;
  if (!cut && it->conclusion == IR_CONC_UNKNOWN && re >= tend) {
    char last = s[re - 1];
    cut = !rat || !(last == '.' || last == '!' || last == '?' || last == ')' ||
                    last == '"');
  }
  *truncated = cut;
}

void seg_fill_item(seg *c, const proto *p, int index, ir_item *it,
                   int *truncated, int *svc_cat) {
  memset(it, 0, sizeof *it);
  it->index = index;
  it->nstart = p->start;
  it->nend = p->end;
  it->outcome = p->out;
  it->service = seg_span_str(c, p->ss, p->se);
  it->title = ir_make_evidence(c->a, &c->l->text, IR_SEC_TITLE, p->ts, p->te);
  it->line = ir_text_orig_line(&c->l->text, it->title.start);
  parse_item(c, p, it, truncated);
  it->category =
      seg_category(c->sg, it->service, it->guideline_maximus, svc_cat);
}
