/* match.c - matching lexicon sections over a sentence (see extract_int.h):
 * a literal prefilter pass picks the fragments worth matching, and each
 * section's matches are found through those fragments only (what the
 * section's alternation would find). The shared lexicon's hits replace a
 * sentence's; a pack's are appended after them. */
#include "extract_int.h"

#include <string.h>

/* ---- matching -------------------------------------------------------- */

typedef IR_VEC(ir_hit) hitvec;

/* A sentence's hits start in a buffer on the stack (most sentences have
 * few): growing the vector past it copies them into c->tmp, which is
 * then reset once they are kept. */
#define HIT_BUF 32

/* One match of code from off in text[0, e), starting at or before lim
 * (PCRE2_UNSET: anywhere; else code has PCRE2_USE_OFFSET_LIMIT): 1 and
 * *h, 0 none, <0 error. */
static int match_one(ir_extract_ctx *c, const pcre2_code *code,
                     const char *text, size_t e, size_t off, size_t lim,
                     ir_hit *h) {
  pcre2_set_offset_limit(c->mctx, lim);
  /* the JIT entry skips pcre2_match's per-call checks; patterns the JIT
   * could not compile take the interpreter */
  int rc = pcre2_jit_match(code, (PCRE2_SPTR)text, e, off, 0, c->md, c->mctx);
  if (rc == PCRE2_ERROR_JIT_BADOPTION)
    rc = pcre2_match(code, (PCRE2_SPTR)text, e, off, 0, c->md, c->mctx);
  if (rc == PCRE2_ERROR_NOMATCH)
    return 0;
  if (rc < 0)
    return rc;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
  h->start = (uint32_t)ov[0];
  h->end = (uint32_t)ov[1];
  h->g1s = h->g1e = -1;
  if (rc >= 2 && ov[2] != PCRE2_UNSET) {
    h->g1s = (int32_t)ov[2];
    h->g1e = (int32_t)ov[3];
  }
  return 1;
}

/* Does literal fragment f match text[at, ...) within the subject text[0,
 * e)? Then *h is that match, the leftmost from at (the one PCRE2 would
 * find): the cheap path for fragments that are plain phrases. */
static int literal_at(const fragnext *f, const char *text, size_t e, size_t at,
                      ir_hit *h) {
  const ir_frag_info *fi = &f->fi;
  if (!fi->lit)
    return 0;
  size_t end = ir_lexicon_literal_at(fi->lit, fi->ws, fi->we, fi->tail, text, e,
                                     at, at == fi->from ? fi->fend : 0);
  if (!end)
    return 0;
  h->start = (uint32_t)at;
  h->end = (uint32_t)end;
  h->g1s = h->g1e = -1;
  return 1;
}

/* Matches section sec over [s, e) as one pattern. */
static int match_whole(ir_extract_ctx *c, ir_arena *a, const char *text,
                       size_t s, size_t e, const pcre2_code *code,
                       hitvec *out) {
  size_t off = s;
  while (off < e) {
    ir_hit h;
    int rc = match_one(c, code, text, e, off, PCRE2_UNSET, &h);
    if (rc <= 0)
      return rc;
    ir_vec_push(a, out, h);
    off = h.end > h.start ? h.end : h.start + 1;
  }
  return 0;
}

/* Matches a section over [s, e) through its candidate fragments only,
 * the ids g[0, ng) in increasing order: each step takes the leftmost of
 * their next matches (lowest fragment on a tie), which is what the
 * section's alternation would match. A fragment's match is searched again
 * only once the scan passed it. */
static int match_frags(ir_extract_ctx *c, ir_arena *a, const char *text,
                       size_t s, size_t e, const uint32_t *g, size_t ng,
                       hitvec *out) {
  const ir_lexicon *lx = c->cur;
  size_t nc = 0;
  for (size_t k = 0; k < ng; k++) {
    ir_frag_info *fi = &c->cand[nc].fi;
    ir_lexicon_cand_info(lx, c->seen, g[k], fi);
    if (fi->last != (size_t)-1)
      fi->last += s;
    fi->from += s;
    if (fi->fend)
      fi->fend += s;
    c->cand[nc++].state = 0;
  }
  size_t off = s;
  while (off < e && nc) {
    fragnext *best = NULL;
    for (size_t j = 0; j < nc; j++) {
      fragnext *f = &c->cand[j];
      if (f->state == 2)
        continue;
      if (f->state == 0 || f->h.start < off) {
        /* its literals all lie before off, or its prefix after them */
        if (f->fi.last < off || f->fi.from > f->fi.last) {
          f->state = 2;
          continue;
        }
        /* no match starts before from: searching from there finds the
         * same leftmost match (\b and lookbehinds still see the bytes
         * before the start offset) */
        size_t at = f->fi.from > off ? f->fi.from : off;
        int rc = literal_at(f, text, e, at, &f->h)
                     ? 1
                     : match_one(c, f->fi.code, text, e, at, f->fi.last, &f->h);
        if (rc < 0)
          return rc;
        f->state = rc ? 1 : 2;
        if (!rc)
          continue;
      }
      if (!best || f->h.start < best->h.start)
        best = f;
    }
    if (!best)
      return 0;
    ir_vec_push(a, out, best->h);
    off = best->h.end > best->h.start ? best->h.end : best->h.start + 1;
  }
  return 0;
}

/* Matches the candidate sections of sentence x (c->cur's, in increasing
 * order, so hits stay sorted by section) into hv, each hit's section
 * numbered base + its section; sets their bits in *secs. 0, or a PCRE2
 * error with *bad_sec. The scan's candidate fragments are in increasing
 * order, and so are the sections' fragment ids: one walk over them. */
static int match_cands(ir_extract_ctx *c, const char *text, const xsent *x,
                       ir_secmask cand, int base, hitvec *hv, uint64_t *secs,
                       int *bad_sec) {
  size_t ng, gi = 0;
  const uint32_t *g = ir_lexicon_cands(c->cur, c->seen, &ng);
  const ir_sec_info *si = ir_lexicon_sec_infos(c->cur);
  while (cand) {
    int sec = ir_secmask_first(cand);
    cand &= cand - 1;
    size_t from = hv->n, fb = si[sec].base, nf = si[sec].n;
    int whole = si[sec].how;
    if (whole < 0)
      continue;
    while (gi < ng && g[gi] < fb)
      gi++;
    size_t gj = gi;
    while (gj < ng && g[gj] < fb + nf)
      gj++;
    int rc = 0;
    if (whole && gj > gi)
      rc = match_whole(c, &c->tmp, text, x->s.start, x->s.end,
                       ir_lexicon_code(c->cur, sec), hv);
    else if (!whole)
      rc = match_frags(c, &c->tmp, text, x->s.start, x->s.end, g + gi, gj - gi,
                       hv);
    gi = gj;
    if (rc) {
      *bad_sec = base + sec;
      ir_arena_reset(&c->tmp);
      return rc;
    }
    for (size_t k = from; k < hv->n; k++)
      hv->v[k].sec = (uint32_t)(base + sec);
    if (hv->n > from)
      *secs |= IR_SENT_SECBIT(base + sec);
  }
  return 0;
}

int ir_x_match_sentence(ir_extract_ctx *c, ir_arena *a, const char *text,
                        xsent *x, int *bad_sec) {
  ir_hit buf[HIT_BUF];
  hitvec hv = {buf, 0, HIT_BUF};
  uint64_t secs = 0;
  c->cur = c->x->lx;
  c->seen = c->shared_seen;
  /* one literal pass over the sentence picks the fragments worth matching */
  ir_secmask cand =
      x->region == XR_HEADER /* the header needs only dates' context */
          ? ir_lexicon_scan_only(c->x->lx, HEADER_SECTIONS, text + x->s.start,
                                 x->s.end - x->s.start, c->seen)
          : ir_lexicon_scan(c->x->lx, text + x->s.start, x->s.end - x->s.start,
                            c->seen);
  cand &= IR_SEC_ALL >> (128 - IR_LEX_COUNT); /* (all bits when no prefilter) */
  int rc = match_cands(c, text, x, cand, 0, &hv, &secs, bad_sec);
  if (rc)
    return rc;
  x->s.nhits = (uint32_t)hv.n;
  x->s.secs = secs;
  x->s.hits = NULL;
  if (hv.n) {
    x->s.hits = ir_arena_alloc_raw(a, hv.n * sizeof *hv.v);
    memcpy(x->s.hits, hv.v, hv.n * sizeof *hv.v);
  }
  if (hv.v != buf)
    ir_arena_reset(&c->tmp);
  return 0;
}

int ir_x_match_pack(ir_extract_ctx *c, ir_arena *a, const char *text, xsent *x,
                    int p, int *bad_sec) {
  const ir_lexicon *lx = c->x->packs[p].lx;
  if (!lx)
    return 0;
  c->cur = lx;
  c->seen = c->pack_seen[p];
  ir_hit buf[HIT_BUF];
  hitvec hv = {buf, 0, HIT_BUF};
  ir_secmask cand =
      ir_lexicon_scan(lx, text + x->s.start, x->s.end - x->s.start, c->seen);
  int ns = ir_lexicon_nsections(lx);
  if (ns < 128)
    cand &= IR_SEC_ALL >> (128 - ns);
  int rc =
      match_cands(c, text, x, cand, IR_XSEC(p, 0), &hv, &x->s.secs, bad_sec);
  if (rc)
    return rc;
  if (hv.n) {
    ir_hit *m = ir_arena_alloc_raw(a, (x->s.nhits + hv.n) * sizeof *m);
    if (x->s.nhits)
      memcpy(m, x->s.hits, x->s.nhits * sizeof *m);
    memcpy(m + x->s.nhits, hv.v, hv.n * sizeof *m);
    x->s.hits = m;
    x->s.nhits += (uint32_t)hv.n;
  }
  if (hv.v != buf)
    ir_arena_reset(&c->tmp);
  return 0;
}
