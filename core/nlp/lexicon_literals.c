/* lexicon_literals.c - the literals every match of a lexicon fragment must
 * contain (see ir_lex_fragment_clauses in lexicon_int.h).
 *
 * A sequence is read atom by atom into a "run": the set of exact strings
 * the atoms so far can match (cross product, at most SET_CAP strings of at
 * most IR_LIT_MAX bytes). Literal bytes, small classes ([LS], [1-5]), \d,
 * exact groups ((?:he|she)) and optional ones (s?, (?:in)?) extend it;
 * whitespace atoms (\s, \s+, a space) become one ' ', which stands for a
 * run of whitespace (the scan collapses such runs too). Any other atom
 * ends the run, which becomes a required set. A run right after \b gets
 * IR_LF_WS on its strings starting with a word byte (the byte before is a
 * non-word byte), a run right before \b IR_LF_WE likewise. A positive
 * lookahead's required set is required too (what it looks at lies in the
 * subject after the match start, so in the scanned sentence; the match
 * still starts before the end of its last literal); lookbehinds (they may
 * look before the sentence), negative lookarounds, optional atoms and
 * unbounded classes never contribute. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_int.h"

#define SET_CAP 32

typedef ir_litset litset;

typedef struct {
  const char *re;
  size_t i;
  int giveup;
  ir_clauses *top; /* collects while parsing the top-level sequence */
  int depth;
  int at_start; /* the top-level sequence has had no run flushed yet */
} lparse;

static int is_wordc(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}
static int is_wsc(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }
static unsigned char fold(unsigned char c) {
  return is_wsc(c) ? ' ' : (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* Skips a quantifier at p->i: returns its minimum and sets *max (both
 * capped at 9; -1 unbounded), or returns -1 (*max 1) when there is none. */
static int skip_quant(lparse *p, int *max) {
  const char *r = p->re;
  size_t i = p->i;
  int min, mx;
  *max = 1;
  if (r[i] == '?')
    min = 0, mx = 1, i++;
  else if (r[i] == '*' || r[i] == '+')
    min = r[i] == '+', mx = -1, i++;
  else if (r[i] == '{' && isdigit((unsigned char)r[i + 1])) {
    size_t j = i + 1;
    min = 0;
    while (isdigit((unsigned char)r[j]))
      min = min * 10 + (r[j++] - '0'), min = min > 9 ? 9 : min;
    mx = min;
    if (r[j] == ',') {
      mx = isdigit((unsigned char)r[j + 1]) ? 0 : -1;
      for (j++; isdigit((unsigned char)r[j]);)
        mx = mx * 10 + (r[j++] - '0'), mx = mx > 9 ? 9 : mx;
    }
    if (r[j] != '}')
      return -1;
    i = j + 1;
  } else
    return -1;
  if (r[i] == '?' || r[i] == '+')
    i++;
  p->i = i;
  *max = mx;
  return min;
}

static void skip_class(lparse *p) {
  const char *r = p->re;
  size_t i = p->i + 1;
  if (r[i] == '^')
    i++;
  if (r[i] == ']')
    i++;
  while (r[i] && r[i] != ']') {
    if (r[i] == '\\' && r[i + 1])
      i += 2;
    else if (r[i] == '[' && r[i + 1] == ':') {
      const char *e = strstr(r + i + 2, ":]");
      i = e ? (size_t)(e - r) + 2 : i + 1;
    } else
      i++;
  }
  if (!r[i])
    p->giveup = 1;
  p->i = r[i] ? i + 1 : i;
}

/* One class member at r[*i] (an escaped one too); -1: not expandable. */
static int class_byte(const char *r, size_t *i) {
  unsigned char c = (unsigned char)r[*i];
  if (c == '[' && r[*i + 1] == ':')
    return -1;
  if (c != '\\') {
    (*i)++;
    return c;
  }
  unsigned char d = (unsigned char)r[*i + 1];
  if (!d || isalnum(d))
    return -1;
  *i += 2;
  return d;
}

/* The class at p->i as a set of one-byte strings when small and positive;
 * returns 0 when not (the class is skipped either way). */
static int class_set(lparse *p, litset *a) {
  size_t i = p->i + 1;
  skip_class(p);
  const char *r = p->re;
  size_t end = p->i - 1;
  if (p->giveup || r[i] == '^')
    return 0;
  uint8_t mem[256] = {0};
  while (i < end) {
    int lo, hi;
    if (r[i] == '\\' && (r[i + 1] == 's' || r[i + 1] == 'd')) {
      lo = r[i + 1] == 's' ? ' ' : '0', hi = r[i + 1] == 's' ? ' ' : '9';
      i += 2;
    } else {
      if ((lo = hi = class_byte(r, &i)) < 0)
        return 0;
      if (r[i] == '-' && i + 1 < end) {
        i++;
        if ((hi = class_byte(r, &i)) < lo)
          return 0;
      }
    }
    for (int x = lo; x <= hi; x++)
      mem[fold((unsigned char)x)] = 1;
  }
  a->ok = 1;
  for (int x = 0; x < 256; x++)
    if (mem[x]) {
      char ch = (char)x;
      if (a->n == 16 || ir_lex_ls_push(a, &ch, 1, 0) != 0) {
        ir_lex_ls_free(a);
        return 0;
      }
    }
  return a->n > 0;
}

static litset parse_alt(lparse *p, litset *exact, litset *lead);

/* Keeps a copy of a required set s when parsing the top level. */
static void collect(lparse *p, const litset *s) {
  if (!p->top || p->depth || !s->ok || !s->n)
    return;
  ir_clauses *c = p->top;
  if (c->n == sizeof c->v / sizeof *c->v)
    return;
  litset d;
  if (ir_lex_ls_copy(&d, s) == 0)
    c->v[c->n++] = d;
}

/* The exact strings of a run, without allocation. */
typedef struct {
  char s[SET_CAP][IR_LIT_MAX];
  uint8_t len[SET_CAP];
  size_t n;
} runset;

static void run_reset(runset *run) {
  run->n = 1;
  run->len[0] = 0;
}

static int run_empty(const runset *run) { return run->n == 1 && !run->len[0]; }

static int run_to_set(const runset *run, litset *out) {
  memset(out, 0, sizeof *out);
  out->ok = 1;
  for (size_t k = 0; k < run->n; k++)
    if (ir_lex_ls_push(out, run->s[k], run->len[k], 0) != 0) {
      ir_lex_ls_free(out);
      return -1;
    }
  return 0;
}

/* Ends the run: its strings become a required set (ws: right after \b,
 * we: right before \b); a copy of it into *lead when lead is not NULL. */
static void run_flush(lparse *p, litset *best, runset *run, int ws, int we,
                      litset *lead) {
  litset c = {0};
  c.ok = !run_empty(run);
  for (size_t k = 0; c.ok && k < run->n; k++) {
    const char *s = run->s[k];
    size_t l = run->len[k], sp = 0;
    while (sp < l && s[sp] == ' ')
      sp++;
    uint8_t f =
        (uint8_t)((ws && l && is_wordc((unsigned char)s[0]) ? IR_LF_WS : 0) |
                  (we && l && is_wordc((unsigned char)s[l - 1]) ? IR_LF_WE
                                                                : 0));
    if (sp == l || ir_lex_ls_push(&c, s, l, f) != 0)
      c.ok = 0;
  }
  if (c.ok && lead && ir_lex_ls_copy(lead, &c) != 0)
    memset(lead, 0, sizeof *lead);
  if (c.ok) {
    size_t n0 = p->top ? p->top->n : 0;
    collect(p, &c);
    if (p->at_start && !p->depth && p->top && p->top->n > n0)
      p->top->pre = (int)n0; /* the run began the match: a prefix */
    ir_lex_ls_pick(best, &c);
  }
  if (!p->depth)
    p->at_start = 0;
  ir_lex_ls_free(&c);
  run_reset(run);
}

/* run = run x a (x (a + "") when opt); a ' ' after a ' ' is one ' '.
 * Returns 0, or -1 (run unchanged) when the result is too large. */
static int run_cat(runset *run, const litset *a, int opt) {
  runset out;
  out.n = 0;
  for (size_t j = 0; j < run->n; j++)
    for (size_t k = 0; k < a->n + (opt ? 1 : 0); k++) {
      const char *x = k < a->n ? a->v[k] : "";
      size_t rl = run->len[j];
      if (rl && run->s[j][rl - 1] == ' ' && x[0] == ' ')
        x++;
      size_t xl = strlen(x), d;
      if (rl + xl >= IR_LIT_MAX)
        return -1;
      for (d = 0; d < out.n; d++)
        if (out.len[d] == rl + xl && !memcmp(out.s[d], run->s[j], rl) &&
            !memcmp(out.s[d] + rl, x, xl))
          break;
      if (d < out.n)
        continue;
      if (out.n == SET_CAP)
        return -1;
      memcpy(out.s[out.n], run->s[j], rl);
      memcpy(out.s[out.n] + rl, x, xl);
      out.len[out.n++] = (uint8_t)(rl + xl);
    }
  memcpy(run->len, out.len, out.n);
  for (size_t d = 0; d < out.n; d++)
    memcpy(run->s[d], out.s[d], out.len[d]);
  run->n = out.n;
  return 0;
}

/* A group at p->i ('('): parses it; returns its set when required, sets
 * *exact when every alternative is an exact run, *lead to the set every
 * match of the group begins with (see parse_seq) when it is required and
 * no lookaround, *look for lookarounds, and its quantifier (skip_quant). */
static litset parse_group(lparse *p, litset *exact, litset *lead, int *look,
                          int *min, int *max) {
  const char *r = p->re;
  size_t i = p->i + 1;
  litset z = {0};
  memset(lead, 0, sizeof *lead);
  int ahead = 0; /* a positive lookahead: what it requires lies in the
                    subject from here on, so within the sentence */
  *look = 0;
  if (r[i] == '*') {
    p->giveup = 1; /* (*VERB) */
    return z;
  }
  if (r[i] == '?') {
    if (r[i + 1] == ':' || r[i + 1] == '|')
      i += 2;
    else if (r[i + 1] == '=' || r[i + 1] == '!')
      ahead = r[i + 1] == '=', i += 2, *look = 1;
    else if (r[i + 1] == '<' && (r[i + 2] == '=' || r[i + 2] == '!'))
      i += 3, *look = 1;
    else {
      p->giveup = 1; /* options, names, recursion: not understood */
      return z;
    }
  }
  p->i = i;
  p->depth++;
  litset g = parse_alt(p, exact, lead);
  p->depth--;
  if (r[p->i] != ')') {
    p->giveup = 1;
    ir_lex_ls_free(&g);
    ir_lex_ls_free(exact);
    ir_lex_ls_free(lead);
    return g;
  }
  p->i++;
  *min = skip_quant(p, max);
  if ((*look && !ahead) || *min == 0)
    ir_lex_ls_free(&g);
  if (*look || *min == 0)
    ir_lex_ls_free(lead);
  if (*look)
    ir_lex_ls_free(exact);
  return g;
}

/* The atom at p->i when it is a set of exact strings (a byte, a small
 * class, \s, \d): 1 and *a; 0 for another consuming atom; 2 for \b; 3
 * for a group (not parsed). */
static int atom_set(lparse *p, litset *a) {
  const char *r = p->re;
  unsigned char c = (unsigned char)r[p->i];
  char ch;
  memset(a, 0, sizeof *a);
  if (c == '(')
    return 3;
  if (c == '[')
    return class_set(p, a);
  if (c == '\\') {
    unsigned char d = (unsigned char)r[p->i + 1];
    if (!d || (isalnum(d) && !strchr("bBsSwWdDhHvVRAzZ", d))) {
      p->giveup = 1;
      return 0;
    }
    p->i += 2;
    if (d == 'b')
      return 2;
    if (d == 'd') { /* the same as [0-9] */
      a->ok = 1;
      for (ch = '0'; ch <= '9'; ch++)
        if (ir_lex_ls_push(a, &ch, 1, 0) != 0)
          return ir_lex_ls_free(a), 0;
      return 1;
    }
    if (d != 's' && isalnum(d))
      return 0;
    c = d == 's' ? ' ' : d;
  } else if (c == '.' || c == '^' || c == '$' || strchr("?*+", c)) {
    p->i++;
    return 0;
  } else {
    p->i++;
  }
  ch = (char)fold(c);
  a->ok = ir_lex_ls_push(a, &ch, 1, 0) == 0;
  return a->ok;
}

/* A sequence up to '|', ')' or the end: returns its best required set
 * (collecting every one at the top level); *exact (when not NULL) gets
 * the strings of the whole sequence when it is one exact run; *lead (when
 * not NULL) the set every match of it begins with, when there is one: its
 * leading run (at least the first copy of a repeated atom, "\d" of
 * "\d{1,2}"), or the leading set of a leading group, either after \b and
 * lookarounds (zero-width). At the top level that set is the prefix
 * (ir_clauses.pre). */
static litset parse_seq(lparse *p, litset *exact, litset *lead) {
  const char *r = p->re;
  litset best = {0}, a, first = {0};
  runset run;
  int ws = 0, last_b = 0, whole = 1;
  int at_lead = 1; /* nothing consumed yet but the run */
  run_reset(&run);
  while (!p->giveup && r[p->i] && r[p->i] != '|' && r[p->i] != ')') {
    int kind = atom_set(p, &a), min = -1, max = 1, look = 0, opt;
    litset g = {0}, gl = {0};
    if (kind == 3) {
      g = parse_group(p, &a, &gl, &look, &min, &max);
      kind = a.ok && a.n ? 1 : 0;
      if (look)
        kind = 0;
    } else if (!p->giveup) {
      min = skip_quant(p, &max);
    }
    if (p->giveup) {
      ir_lex_ls_free(&a);
      ir_lex_ls_free(&g);
      ir_lex_ls_free(&gl);
      break;
    }
    if (kind == 2 && min < 0) { /* \b: zero-width */
      ws |= run_empty(&run);
      last_b = 1;
      whole = 0;
      continue;
    }
    if (look && at_lead && run_empty(&run)) {
      /* a lookaround before anything consumed is zero-width (a
       * lookbehind's bytes lie before the match start): the match still
       * begins with what follows, a prefix; \b before it holds */
      whole = last_b = 0;
      ir_lex_ls_free(&a);
      collect(p, &g);
      ir_lex_ls_pick(&best, &g);
      continue;
    }
    int space = kind == 1 && a.n == 1 && a.v[0][0] == ' ';
    opt = min == 0 && (max == 1 || space);
    if (kind == 1 && (min < 0 || opt || (space && min > 0))) {
      if (run_cat(&run, &a, opt) != 0) { /* too large: start anew */
        run_flush(p, &best, &run, ws, 0, at_lead ? &first : NULL);
        at_lead = whole = ws = 0;
        if (!opt)
          run_cat(&run, &a, 0);
      }
      ir_lex_ls_free(&a);
      ir_lex_ls_free(&g);
      ir_lex_ls_free(&gl);
      last_b = 0;
      continue;
    }
    if (kind == 1 && min > 0 && run_cat(&run, &a, 0) == 0)
      last_b = 0; /* at least once, then unknown */
    if (at_lead && run_empty(&run) && gl.ok && gl.n) {
      /* a leading group: its leading set (after \b when ws) */
      for (size_t k = 0; ws && k < gl.n; k++)
        if (is_wordc((unsigned char)gl.v[k][0]))
          gl.f[k] |= IR_LF_WS;
      first = gl;
      memset(&gl, 0, sizeof gl);
      if (p->at_start && !p->depth && p->top) {
        size_t n0 = p->top->n;
        collect(p, &first);
        if (p->top->n > n0)
          p->top->pre = (int)n0;
        if (ir_lex_ls_same(&first, &g)) /* (the same clause twice) */
          ir_lex_ls_free(&g);
      }
    }
    run_flush(p, &best, &run, ws, last_b, at_lead ? &first : NULL);
    at_lead = whole = ws = last_b = 0;
    ir_lex_ls_free(&a);
    ir_lex_ls_free(&gl);
    collect(p, &g);
    ir_lex_ls_pick(&best, &g);
  }
  if (exact && whole && !p->giveup && run_to_set(&run, exact) != 0)
    exact->ok = 0;
  run_flush(p, &best, &run, ws, last_b, at_lead ? &first : NULL);
  if (lead && !p->giveup && first.ok)
    *lead = first;
  else
    ir_lex_ls_free(&first);
  return best;
}

/* Alternatives up to ')' or the end: the union of their sets, or nothing
 * when one alternative has none; *exact: the union of their exact
 * strings when each is one exact run; *lead (when not NULL) the union of
 * their leading sets when each has one. */
static litset parse_alt(lparse *p, litset *exact, litset *lead) {
  litset all = {0}, ex = {0}, ld = {0};
  all.ok = ex.ok = ld.ok = 1;
  for (;;) {
    litset e = {0}, l = {0};
    litset s = parse_seq(p, &e, lead ? &l : NULL);
    if (!s.ok || p->giveup)
      all.ok = 0;
    for (size_t k = 0; all.ok && k < s.n; k++)
      if (ir_lex_ls_push(&all, s.v[k], strlen(s.v[k]), s.f[k]) != 0)
        all.ok = 0;
    if (!e.ok)
      ex.ok = 0;
    for (size_t k = 0; ex.ok && k < e.n; k++)
      if (ex.n >= SET_CAP ||
          ir_lex_ls_push(&ex, e.v[k], strlen(e.v[k]), 0) != 0)
        ex.ok = 0;
    if (!l.ok || !l.n)
      ld.ok = 0;
    for (size_t k = 0; ld.ok && k < l.n; k++)
      if (ld.n >= 2 * SET_CAP ||
          ir_lex_ls_push(&ld, l.v[k], strlen(l.v[k]), l.f[k]) != 0)
        ld.ok = 0;
    ir_lex_ls_free(&s);
    ir_lex_ls_free(&e);
    ir_lex_ls_free(&l);
    if (p->re[p->i] != '|')
      break;
    p->i++;
  }
  if (!all.ok || !all.n)
    ir_lex_ls_free(&all);
  if (!ex.ok || !ex.n)
    ir_lex_ls_free(&ex);
  if (!ld.ok || !ld.n || !lead)
    ir_lex_ls_free(&ld);
  *exact = ex;
  if (lead)
    *lead = ld;
  return all;
}

void ir_lex_clauses_free(ir_clauses *c) {
  for (size_t k = 0; k < c->n; k++)
    ir_lex_ls_free(&c->v[k]);
  c->n = 0;
}

/* Keeps the IR_LIT_CLAUSES sets with the best score, dropping sets of
 * score below 2 (a one-letter literal, found nearly everywhere) when a
 * better one is kept. A two-byte set such as {"2+", "intact", ...} still
 * prunes many sentences. The prefix set is kept when there is room, however
 * short: its reports cost less than searching the fragment from the
 * sentence start ({"with", " -", ":"} of (?:\bwith|\s-|:)\s+...). */
static void clauses_trim(ir_clauses *c) {
  for (size_t i = 1; i < c->n; i++) /* insertion sort, best first */
    for (size_t j = i;
         j > 0 && ir_lex_ls_score(&c->v[j]) > ir_lex_ls_score(&c->v[j - 1]);
         j--) {
      litset t = c->v[j];
      c->v[j] = c->v[j - 1];
      c->v[j - 1] = t;
      if (c->pre == (int)j || c->pre == (int)j - 1)
        c->pre = c->pre == (int)j ? (int)j - 1 : (int)j;
    }
  size_t keep = c->n < IR_LIT_CLAUSES ? c->n : IR_LIT_CLAUSES;
  while (keep > 1 && ir_lex_ls_score(&c->v[keep - 1]) < 2)
    keep--;
  if (c->pre >= (int)keep && keep < IR_LIT_CLAUSES) {
    litset t = c->v[keep];
    c->v[keep] = c->v[c->pre];
    c->v[c->pre] = t;
    c->pre = (int)keep++;
  }
  if (c->pre >= (int)keep)
    c->pre = -1;
  for (size_t k = keep; k < c->n; k++)
    ir_lex_ls_free(&c->v[k]);
  c->n = keep;
}

void ir_lex_fragment_clauses(const char *re, int *understood, ir_clauses *out) {
  lparse p = {re, 0, 0, out, 0, 1};
  out->n = 0;
  out->pre = -1;
  litset s = parse_seq(&p, NULL, NULL);
  if (!p.giveup && re[p.i] == '|') { /* alternatives: one union set */
    ir_lex_ls_free(&s);
    ir_lex_clauses_free(out);
    litset ex = {0};
    out->pre = -1; /* each alternative starts differently */
    p = (lparse){re, 0, 0, NULL, 0, 0};
    s = parse_alt(&p, &ex, NULL);
    ir_lex_ls_free(&ex);
    if (s.ok && s.n)
      out->v[out->n++] = s;
    else
      ir_lex_ls_free(&s);
  } else {
    ir_lex_ls_free(&s);
  }
  *understood = !p.giveup && !re[p.i];
  if (!*understood) {
    ir_lex_clauses_free(out);
    out->pre = -1;
  }
  clauses_trim(out);
}
