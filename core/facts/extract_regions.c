/* extract_regions.c - body regions of sentences and terms (see
 * extract_int.h): a summary sentence naming only other regions than an
 * item's title does not describe that item, and a region word just before
 * a term ties the term to that region. */
#include "extract_int.h"

int ir_x_in_region(const xletter *xl, const xsent *x, int i) {
  if (!ir_x_in_item(x, i))
    return 0;
  return x->region != XR_SUMMARY || !xl->item_regions || !x->regions ||
         (x->regions & xl->item_regions);
}

static const int REGION_SECS[] = {IR_LEX_REG_LUMBAR, IR_LEX_REG_CERVICAL,
                                  IR_LEX_REG_THORACIC};
#define NREGIONS (sizeof REGION_SECS / sizeof *REGION_SECS)

unsigned ir_x_regions_of(const ir_sent *s) {
  unsigned m = 0;
  for (unsigned i = 0; i < NREGIONS; i++)
    if (ir_sent_has_any(s, REGION_SECS[i]))
      m |= 1u << i;
  return m;
}

/* Does the region word g also name one of the item's regions ("trapezius"
 * is cervical and thoracic)? */
static int item_region_word(const xletter *xl, const xsent *x,
                            const ir_hit *g) {
  for (unsigned r = 0; r < NREGIONS; r++) {
    if (!(xl->item_regions & (1u << r)))
      continue;
    size_t n;
    const ir_hit *o = ir_sent_hits(&x->s, REGION_SECS[r], &n);
    for (size_t i = 0; i < n; i++)
      if (o[i].start < g->end && g->start < o[i].end)
        return 1;
  }
  return 0;
}

int ir_x_other_request(const xletter *xl, const xsent *x, size_t p) {
  size_t n;
  const ir_hit *t = ir_sent_hits(&x->s, IR_LEX_TPI, &n);
  if (n < 2 || !xl->item_regions)
    return 0;
  const ir_hit *near = NULL;
  for (size_t i = 0; i < n; i++)
    if (t[i].end <= p && (!near || t[i].end > near->end))
      near = &t[i];
  if (!near)
    return 0;
  unsigned m = 0;
  for (unsigned r = 0; r < NREGIONS; r++)
    if (ir_sent_has(&x->s, REGION_SECS[r], near->end, p))
      m |= 1u << r;
  return m && !(m & xl->item_regions);
}

int ir_x_foreign_term(const xletter *xl, const xsent *x, size_t ts) {
  if (!xl->item_regions || !(x->regions & ~xl->item_regions))
    return 0;
  /* the region word nearest before the term ("cervical and lumbar
   * radiculopathy": "lumbar" qualifies it) */
  const ir_hit *near = NULL;
  for (unsigned r = 0; r < NREGIONS; r++) {
    size_t n;
    const ir_hit *g = ir_sent_hits(&x->s, REGION_SECS[r], &n);
    for (size_t i = 0; i < n; i++)
      if (g[i].end <= ts && (!near || g[i].end > near->end))
        near = &g[i];
  }
  const char *t = x->s.text;
  if (near && ir_phrase_words(t, near->end, ts) <= 2 &&
      !item_region_word(xl, x, near))
    return 1;
  /* the term's part of the sentence, between [contrast] hits ("but",
   * "however", ";"), names regions, none of them the item's ("TPIs to the
   * lumbar paraspinals helped for three days; she has had no injections to
   * the neck": the relief is not the cervical item's) */
  size_t lo = x->s.start, hi = x->s.end, n;
  const ir_hit *c = ir_sent_hits(&x->s, IR_LEX_CONTRAST, &n);
  for (size_t i = 0; i < n; i++) {
    if (c[i].end <= ts && c[i].end > lo)
      lo = c[i].end;
    if (c[i].start > ts && c[i].start < hi)
      hi = c[i].start;
  }
  unsigned m = 0;
  for (unsigned r = 0; r < NREGIONS; r++)
    if (ir_sent_has(&x->s, REGION_SECS[r], lo, hi))
      m |= 1u << r;
  return m && !(m & xl->item_regions);
}
