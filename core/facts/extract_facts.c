/* extract_facts.c - the yes/no facts of one item and their citations.
 *
 * twitch_response  [twitch] affirm/deny/cite; [trigger_point] only deny or
 *                  cite ("no palpable trigger points"), since trigger points
 *                  alone do not document a twitch response.
 * referred_pain    [referred_pain] affirm/deny/cite.
 * radiculopathy    [radiculopathy] affirm/deny; [radiculopathy_test] only
 *                  deny ("straight leg raise was negative", "EMG normal"),
 *                  or affirm when that negative result is itself negated;
 *                  [radiculopathy_screen] (a normal general neurologic
 *                  exam) denies only when nothing affirms it.
 *                  Cited when the rationale states the radicular rule
 *                  ([radicular_rule]) and the letter says this patient has
 *                  radiculopathy (rationale mention, or record affirm),
 *                  unless the rationale concludes the request necessary.
 * duration         [chronic] affirm/deny/cite, [acute] deny (dates: see
 *                  extract_dates.c).
 * failed_*         therapy outcome classes: see therapy.c.
 * repeat_relief    in a sentence naming a trigger point injection: [relief]
 *                  affirm (deny when its percent is under the pack's
 *                  relief limit), [no_relief]
 *                  deny; [citation_repeat] cites.
 * Citations: a term inside a citation scope in the rationale (scope.h);
 * [unsupported] with a non-anesthetic injectate cites injectate;
 * [citation_count] / [citation_frequency] cite those criteria. */
#include "extract_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static ir_item *item_of(xletter *xl, int i) { return &xl->l->items.v[i]; }

/* Is radiculopathy hit h the object of the generic rule "not recommended
 * for radicular pain" (a rule hit holding " for " before h)? "Given his
 * radiculopathy, TPI is not appropriate" still speaks of this patient. */
static int generic_rule_term(const ir_sent *s, const ir_hit *h) {
  size_t n;
  const ir_hit *o = ir_sent_hits(s, IR_LEX_RADIC_RULE, &n);
  for (size_t i = 0; i < n; i++) {
    if (!(o[i].start < h->end && h->start < o[i].end) || o[i].start >= h->start)
      continue;
    for (size_t p = o[i].start; p + 5 <= h->start; p++)
      if (!strncasecmp(s->text + p, " for ", 5))
        return 1;
  }
  return 0;
}

/* "no evidence of referred pain from the trapezius trigger points": the
 * trigger points only say where the referral starts; what is denied or
 * cited is the referral. */
static int qualifies_referral(const ir_sent *s, const ir_hit *tp) {
  size_t n;
  const ir_hit *r = ir_sent_hits(s, IR_LEX_REFERRED, &n);
  for (size_t i = 0; i < n; i++)
    if (r[i].end <= tp->start &&
        ir_words_between(s->text, r[i].end, tp->start) <= 5 &&
        !memchr(s->text + r[i].end, ',', tp->start - r[i].end))
      return 1;
  return 0;
}

/* Generic affirm/deny/cite of every hit of sec. mask: which outcomes count.
 * A radiculopathy term inside the radicular rule ("not indicated for
 * radicular pain") states the rule, not this patient's findings. */
/* M_TURNED: a deny-only term (a neutral test) whose negative result is
 * itself negated ("it is not the case that the straight leg raise was
 * negative") affirms. */
enum { M_AFF = 1, M_DENY = 2, M_CITE = 4, M_TURNED = 8 };
static void simple_fact(xletter *xl, int i, int sec, ir_criterion crit,
                        int mask) {
  int regional = crit != IR_CRIT_DURATION;
  ir_item *it = item_of(xl, i);
  ir_fact *f = &it->facts[crit];
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (!(x->s.secs & IR_SENT_SECBIT(sec)) || /* (no hit: most sentences) */
        !(regional ? ir_x_in_region(xl, x, i) : ir_x_in_item(x, i)) ||
        x->region == XR_TITLE)
      continue;
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, sec, &n);
    for (size_t j = 0; j < n; j++) {
      if (crit == IR_CRIT_RADICULOPATHY && generic_rule_term(&x->s, &h[j]))
        continue;
      if (ir_x_foreign_term(xl, x, h[j].start))
        continue; /* "left L5 radiculopathy" for a cervical item; "neck
                     pain for 5 years" is not the lumbar item's duration */
      if (sec == IR_LEX_TRIGGER_POINT && qualifies_referral(&x->s, &h[j]))
        continue;
      int c = ir_x_classify(x, h[j].start, h[j].end);
      if (c == XC_AFFIRM &&
          ((mask & M_AFF) ||
           ((mask & M_TURNED) &&
            ir_scope_double_negated(&x->s, h[j].start, h[j].end))))
        ir_x_add_ev(xl, &f->affirm, x, h[j].start, h[j].end);
      else if (c == XC_DENY && (mask & M_DENY)) {
        ir_x_add_ev(xl, &f->deny, x, h[j].start, h[j].end);
        if (x->region == XR_RATIONALE && crit != IR_CRIT_RADICULOPATHY)
          ir_x_cite(xl, it, crit, x, h[j].start, h[j].end);
      } else if (c == XC_CITE && (mask & M_CITE))
        ir_x_cite(xl, it, crit, x, h[j].start, h[j].end);
    }
  }
}

/* The first rationale sentence of item i that affirms radiculopathy of
 * this patient (not negated, hypothetical, attributed, reported second-hand
 * or a guideline recital; not the radicular rule's own term), or NULL. */
static const xsent *own_radicular(const xletter *xl, int i) {
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (x->region != XR_RATIONALE || x->item != i ||
        ir_sent_has_any(&x->s, IR_LEX_REPORT))
      continue;
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_RADIC, &n);
    for (size_t j = 0; j < n; j++)
      if (!ir_hit_overlaps(&x->s, IR_LEX_RADIC_RULE, &h[j]) &&
          !generic_rule_term(&x->s, &h[j]) &&
          ir_x_classify(x, h[j].start, h[j].end) == XC_AFFIRM)
        return x;
  }
  return NULL;
}

static void radiculopathy(xletter *xl, int i) {
  ir_item *it = item_of(xl, i);
  ir_fact *f = &it->facts[IR_CRIT_RADICULOPATHY];
  simple_fact(xl, i, IR_LEX_RADIC, IR_CRIT_RADICULOPATHY, M_AFF | M_DENY);
  simple_fact(xl, i, IR_LEX_RADIC_TEST, IR_CRIT_RADICULOPATHY,
              M_DENY | M_TURNED);
  /* a normal general neurologic screen ("reflexes 2+ and symmetric",
   * "sensation intact") denies radiculopathy only where nothing affirms it:
   * beside a radiculopathy diagnosis, a positive straight leg raise or an
   * EMG, it is no record contradiction */
  size_t strong_deny = f->deny.n, strong_affirm = f->affirm.n;
  simple_fact(xl, i, IR_LEX_RADIC_SCREEN, IR_CRIT_RADICULOPATHY,
              M_DENY | M_TURNED);
  if (strong_affirm)
    f->deny.n = strong_deny;
  /* "no documentation that radiculopathy has been ruled out" cites it */
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_RADIC, &n);
    for (size_t j = 0; x->region == XR_RATIONALE && x->item == i && j < n; j++)
      if (ir_x_classify(x, h[j].start, h[j].end) == XC_CITE &&
          ir_scope_negated_apart(&x->s, h[j].start, h[j].end, IR_LEX_CITE_PRE))
        ir_x_cite(xl, it, IR_CRIT_RADICULOPATHY, x, h[j].start, h[j].end);
  }
  /* The radicular rule ("not recommended for radicular pain") stated in
   * the rationale cites radiculopathy when the letter says this patient
   * has it: in the rationale (even as UR's claim), or in the record. */
  const xsent *rule = NULL, *mention = NULL;
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (x->region != XR_RATIONALE || x->item != i)
      continue;
    if (ir_sent_has_any(&x->s, IR_LEX_RADIC_RULE))
      rule = x;
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_RADIC, &n);
    for (size_t j = 0; j < n && !mention; j++)
      if (!ir_scope_negated(&x->s, h[j].start, h[j].end) &&
          !ir_scope_hypothetical(&x->s, h[j].start, h[j].end) &&
          !ir_hit_overlaps(&x->s, IR_LEX_RADIC_RULE, &h[j]))
        mention = x; /* not the rule's own "radicular pain" */
  }
  /* a rationale that concludes the injections are necessary recites the
   * rule without applying it to this patient */
  if (it->conclusion == IR_CONC_NECESSARY)
    return;
  /* A denying rationale that calls this patient's pain radicular or
   * nerve-root pain, in its own words, cites radiculopathy even without
   * stating the rule. */
  const xsent *own = own_radicular(xl, i);
  if (own && it->conclusion == IR_CONC_NOT_NECESSARY)
    ir_x_cite(xl, it, IR_CRIT_RADICULOPATHY, own, own->s.start, own->s.end);
  if (!rule || (!mention && !f->affirm.n))
    return;
  ir_x_cite(xl, it, IR_CRIT_RADICULOPATHY, rule, rule->s.start, rule->s.end);
  if (mention)
    ir_x_cite(xl, it, IR_CRIT_RADICULOPATHY, mention, mention->s.start,
              mention->s.end);
}

/* End of the last hit of sec ending at or before p, or 0 when none (a
 * hit ends after its first byte). */
static size_t last_end_before(const ir_sent *s, int sec, size_t p) {
  size_t n, e = 0;
  const ir_hit *h = ir_sent_hits(s, sec, &n);
  for (size_t i = 0; i < n; i++)
    if (h[i].end <= p && h[i].end > e)
      e = h[i].end;
  return e;
}

/* "an epidural steroid injection with Depo-Medrol 80 mg and trigger point
 * injections": what follows "with" shortly after an injection belongs to
 * it. 1: the injection before p is a TPI, 0: another, -1: no such link. */
static int with_link(const ir_sent *s, size_t p) {
  size_t et = last_end_before(s, IR_LEX_TPI, p);
  size_t eo = last_end_before(s, IR_LEX_OTHER_INJ, p);
  size_t e = et > eo ? et : eo;
  if (!e || ir_phrase_words(s->text, e, p) > 4)
    return -1;
  for (size_t q = e; q + 6 <= p; q++)
    if (!strncasecmp(s->text + q, " with ", 6))
      return e == et;
  return -1;
}

/* Nearest injection term to position p: 1 when a TPI term is nearer than
 * any other injection type (epidural, facet, block), unless "with" ties p
 * to the injection just before it. */
static int about_tpi(const ir_sent *s, size_t p) {
  int link = with_link(s, p);
  if (link >= 0)
    return link;
  size_t n, best_t = (size_t)-1, best_o = (size_t)-1;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_TPI, &n);
  for (size_t i = 0; i < n; i++) {
    size_t d = h[i].start > p ? h[i].start - p : p - h[i].start;
    if (d < best_t)
      best_t = d;
  }
  h = ir_sent_hits(s, IR_LEX_OTHER_INJ, &n);
  for (size_t i = 0; i < n; i++) {
    size_t d = h[i].start > p ? h[i].start - p : p - h[i].start;
    if (d < best_o)
      best_o = d;
  }
  return best_t != (size_t)-1 && best_t <= best_o;
}

static long hit_number(const char *t, const ir_hit *h) {
  if (h->g1s < 0)
    return -1;
  long v = 0;
  for (int32_t p = h->g1s; p < h->g1e; p++) {
    if (t[p] < '0' || t[p] > '9')
      return -1;
    v = v * 10 + (t[p] - '0');
    if (v > 100000)
      return -1;
  }
  return h->g1e > h->g1s ? v : -1;
}

/* Does sentence k (or the one before it, same region) name an injection
 * that is not another injection type? 1 when so, 3 when it also says the
 * injection was given ([performed]: prior, had, received ...). */
static int injection_context(const xletter *xl, size_t k) {
  int inj = 0, done = 0;
  for (size_t j = k + 1; j-- > 0 && j + 2 > k;) {
    const xsent *x = &xl->v[j];
    if (x->region != xl->v[k].region || x->item != xl->v[k].item)
      break;
    if (ir_sent_has_any(&x->s, IR_LEX_TPI) ||
        (ir_sent_has_any(&x->s, IR_LEX_INJ_WORD) &&
         !ir_sent_has_any(&x->s, IR_LEX_OTHER_INJ)))
      inj = 1;
    if (ir_sent_has_any(&x->s, IR_LEX_DONE))
      done = 1;
  }
  return inj ? 1 + 2 * done : 0;
}

/* Whether sentence x affirms a term of section sec (a negated,
 * hypothetical, attributed or cited one does not count). */
static int affirms_sec(const xsent *x, int sec) {
  size_t n;
  const ir_hit *h = ir_sent_hits(&x->s, sec, &n);
  for (size_t j = 0; j < n; j++)
    if (ir_x_classify(x, h[j].start, h[j].end) == XC_AFFIRM)
      return 1;
  return 0;
}

/* Does the sentence say the relief of hit r lasted less than the pack's
 * relief limit ("helped for about three days", "relief x 2 wks")? A
 * [relief_duration] hit in the clause of r, not negated. */
static int short_relief(const xletter *xl, const xsent *x, const ir_hit *r) {
  long lim = xl->lim->relief_days;
  size_t n, lo, hi;
  if (lim < 0)
    return 0;
  ir_scope_clause(&x->s, r->start, r->end, &lo, &hi);
  const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_RELIEF_DUR, &n);
  for (size_t i = 0; i < n; i++) {
    if (h[i].start < lo || h[i].end > hi ||
        ir_scope_negated(&x->s, h[i].start, h[i].end))
      continue;
    long d = ir_x_interval_days(x->s.text, &h[i]);
    if (d >= 0 && d < lim)
      return 1;
  }
  return 0;
}

/* A prior injection's relief. A sentence stating both relief and its lack
 * ("60% relief, but no improvement in function") denies: the criterion
 * needs both. A lack restated in the rationale is cited unless reported
 * second-hand ("according to", "felt that"). */
static void repeat_relief(xletter *xl, int i) {
  ir_item *it = item_of(xl, i);
  ir_fact *f = &it->facts[IR_CRIT_REPEAT_RELIEF];
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    int ctx = injection_context(xl, k);
    if (!ir_x_in_region(xl, x, i) || x->region == XR_TITLE || !ctx)
      continue;
    int given = ctx == 3; /* a citation needs a prior injection */
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_NO_RELIEF, &n);
    int lack = 0; /* the sentence states a lack of relief for this item */
    for (size_t j = 0; j < n && !lack; j++)
      lack = !ir_x_foreign_term(xl, x, h[j].start) &&
             ir_x_classify(x, h[j].start, h[j].end) == XC_AFFIRM;
    h = ir_sent_hits(&x->s, IR_LEX_RELIEF, &n);
    size_t cite_lo = 0, cite_hi = 0; /* the clause of a cited relief */
    for (size_t j = 0; j < n && !lack; j++) {
      if (ir_x_foreign_term(xl, x, h[j].start) ||
          ir_hit_overlaps(&x->s, IR_LEX_NO_RELIEF, &h[j]) ||
          ir_x_failure_phrase(&x->s, &h[j]) ||
          (ir_sent_has_any(&x->s, IR_LEX_OTHER_INJ) &&
           !ir_x_about_tpi(&x->s, h[j].start)))
        continue;
      int c = ir_x_classify(x, h[j].start, h[j].end);
      long pct = ir_x_hit_number(x->s.text, &h[j]);
      if (c == XC_AFFIRM && ((pct >= 0 && pct < xl->lim->relief_percent) ||
                             short_relief(xl, x, &h[j])))
        c = XC_DENY;
      /* "no documentation of 50% relief for six weeks ... with evidence of
       * functional improvement": a later term of the clause of a cited
       * one is part of what is undocumented */
      if (c == XC_AFFIRM && x->region == XR_RATIONALE &&
          h[j].start >= cite_lo && h[j].end <= cite_hi)
        c = XC_CITE;
      if (c == XC_CITE)
        ir_scope_clause(&x->s, h[j].start, h[j].end, &cite_lo, &cite_hi);
      if (c == XC_AFFIRM)
        ir_x_add_ev(xl, &f->affirm, x, h[j].start, h[j].end);
      else if (c == XC_DENY)
        ir_x_add_ev(xl, &f->deny, x, h[j].start, h[j].end);
      else if (c == XC_CITE && given)
        ir_x_cite(xl, it, IR_CRIT_REPEAT_RELIEF, x, h[j].start, h[j].end);
    }
    h = ir_sent_hits(&x->s, IR_LEX_NO_RELIEF, &n);
    for (size_t j = 0; j < n; j++) {
      if (ir_x_foreign_term(xl, x, h[j].start) ||
          (ir_sent_has_any(&x->s, IR_LEX_OTHER_INJ) &&
           !ir_x_about_tpi(&x->s, h[j].start)))
        continue;
      int c = ir_x_classify(x, h[j].start, h[j].end);
      if (c == XC_AFFIRM)
        ir_x_add_ev(xl, &f->deny, x, h[j].start, h[j].end);
      if ((c == XC_CITE && given) ||
          (c == XC_AFFIRM && x->region == XR_RATIONALE &&
           !ir_sent_has_any(&x->s, IR_LEX_REPORT)))
        ir_x_cite(xl, it, IR_CRIT_REPEAT_RELIEF, x, h[j].start, h[j].end);
    }
  }
}

static int non_la_injectate(const ir_sent *s) {
  static const int secs[] = {IR_LEX_INJ_NSAID, IR_LEX_INJ_SALINE,
                             IR_LEX_INJ_DEXTROSE, IR_LEX_INJ_BOTULINUM,
                             IR_LEX_INJ_OTHER};
  for (size_t i = 0; i < sizeof secs / sizeof *secs; i++)
    if (ir_sent_has_any(s, secs[i]))
      return 1;
  return 0;
}

static int item_has_non_la(const ir_item *it) {
  const ir_fact *f = &it->facts[IR_CRIT_INJECTATE];
  for (size_t i = 0; i < f->list.n; i++)
    if (strcmp(f->list.v[i], "local_anesthetic") &&
        strcmp(f->list.v[i], "steroid"))
      return 1;
  return 0;
}

/* The rule sentence itself says anything but a local anesthetic is out
 * ("any substance other than", "only a local anesthetic"): stated for a
 * request whose injectate is not one, it is applied even when the rationale
 * does not name the substance again. */
static int exclusive_rule(const ir_sent *s) {
  static const char *const w[] = {"other than", "only ", "not a local",
                                  "not an anesthetic", "not local"};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
    size_t l = strlen(w[i]);
    for (size_t p = s->start; p + l <= s->end; p++)
      if (!strncasecmp(s->text + p, w[i], l))
        return 1;
  }
  return 0;
}

/* The injectate rule applied over two sentences: "injections with any
 * substance other than local anesthetic ... are not recommended" ([unsupported]
 * with a local anesthetic term) and, elsewhere in the rationale, the
 * requested non-anesthetic substance ("to be performed with dextrose"),
 * or an exclusive rule alone for an item whose injectate is not one. */
static void injectate_rule(xletter *xl, int i) {
  ir_item *it = item_of(xl, i);
  const xsent *rule = NULL, *named = NULL;
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    const ir_sent *s = &x->s;
    if (x->region != XR_RATIONALE || x->item != i ||
        ir_scope_attributed(s, s->end))
      continue;
    if (!rule && ir_sent_has_any(s, IR_LEX_UNSUPPORTED) &&
        ir_sent_has_any(s, IR_LEX_INJ_LA))
      rule = x;
    if (!named && non_la_injectate(s) && !ir_sent_has_any(s, IR_LEX_OTHER_INJ))
      named = x;
  }
  if (!rule || !item_has_non_la(it) || (!named && !exclusive_rule(&rule->s)))
    return;
  ir_x_cite(xl, it, IR_CRIT_INJECTATE, rule, rule->s.start, rule->s.end);
  if (named)
    ir_x_cite(xl, it, IR_CRIT_INJECTATE, named, named->s.start, named->s.end);
}

/* Is a [citation_frequency] phrase of the sentence about the interval
 * between injections? The phrase speaks of what precedes it: the nearest
 * injection term or injury/onset term before it ("a repeat injection in
 * one month is more frequent than ..." versus "injured less than two
 * months before the request"); with neither before it, the sentence must
 * name an injection. */
static int frequency_of_injection(const ir_sent *s) {
  static const int inj[] = {IR_LEX_TPI, IR_LEX_INJ_WORD};
  static const int onset[] = {IR_LEX_INJURY, IR_LEX_ACUTE};
  size_t n;
  const ir_hit *h = ir_sent_hits(s, IR_LEX_CITE_FREQ, &n);
  for (size_t i = 0; i < n; i++) {
    if (ir_hit_pseudo(s, &h[i]))
      continue;
    size_t ei = 0, eo = 0;
    for (size_t k = 0; k < 2; k++) {
      size_t e = last_end_before(s, inj[k], h[i].start);
      ei = e > ei ? e : ei;
      e = last_end_before(s, onset[k], h[i].start);
      eo = e > eo ? e : eo;
    }
    if (ei > eo || (!ei && !eo &&
                    (ir_sent_has_any(s, IR_LEX_TPI) ||
                     ir_sent_has_any(s, IR_LEX_INJ_WORD))))
      return 1;
  }
  return 0;
}

/* Citations that are not a term inside a citation scope. Runs after the
 * values (injectate) are known. A [citation_pending] phrase ("the response
 * to the first set is not yet known", "each further session must be
 * judged by the one before") cites repeat_relief for injections whose
 * response cannot have been documented yet: relief from earlier
 * injections does not meet it, so the fact's affirmations are dropped. */
static void other_cites(xletter *xl, int i) {
  ir_item *it = item_of(xl, i);
  injectate_rule(xl, i);
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    const ir_sent *s = &x->s;
    if (x->region != XR_RATIONALE || x->item != i ||
        ir_scope_attributed(s, s->end))
      continue;
    /* a guideline recital ("injections with any substance (e.g., saline or
     * glucose) other than local anesthetic ... are not recommended") cites
     * the injectate only when this item's injectate is such a substance */
    int non_la = item_has_non_la(it);
    if (ir_sent_has_any(s, IR_LEX_UNSUPPORTED) &&
        ((non_la_injectate(s) && (non_la || !ir_scope_recital(s))) ||
         (non_la && ir_sent_has_any(s, IR_LEX_NSAID))))
      ir_x_cite(xl, it, IR_CRIT_INJECTATE, x, s->start, s->end);
    /* the pending phrases speak of this item's sessions, even beside a
     * "must" */
    if (ir_sent_has_any(s, IR_LEX_CITE_PENDING)) {
      ir_x_cite(xl, it, IR_CRIT_REPEAT_RELIEF, x, s->start, s->end);
      it->facts[IR_CRIT_REPEAT_RELIEF].affirm.n = 0;
    }
    if (ir_scope_recital(s))
      continue;
    if (ir_sent_has_any(s, IR_LEX_CITE_COUNT))
      ir_x_cite(xl, it, IR_CRIT_INJECTION_COUNT, x, s->start, s->end);
    if (ir_sent_has_any(s, IR_LEX_CITE_FREQ) && frequency_of_injection(s))
      ir_x_cite(xl, it, IR_CRIT_FREQUENCY, x, s->start, s->end);
    if (ir_sent_has_any(s, IR_LEX_CITE_REPEAT))
      ir_x_cite(xl, it, IR_CRIT_REPEAT_RELIEF, x, s->start, s->end);
  }
}

/* "pain radiating toward the shoulder blade" in a sentence about trigger
 * points (taut bands, twitch) is referred pain, not nerve-root radiation. */
static void radiating(xletter *xl, int i) {
  ir_item *it = item_of(xl, i);
  ir_fact *f = &it->facts[IR_CRIT_REFERRED];
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    if (!ir_x_in_region(xl, x, i) || x->region == XR_TITLE ||
        !(ir_sent_has_any(&x->s, IR_LEX_TRIGGER_POINT) ||
          ir_sent_has_any(&x->s, IR_LEX_TWITCH)) ||
        affirms_sec(x, IR_LEX_RADIC)) /* not "non-dermatomal" */
      continue;
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_RADIATING, &n);
    for (size_t j = 0; j < n; j++) {
      int c = ir_x_classify(x, h[j].start, h[j].end);
      if (c == XC_AFFIRM)
        ir_x_add_ev(xl, &f->affirm, x, h[j].start, h[j].end);
    }
  }
}

void ir_x_facts(xletter *xl, int i) {
  simple_fact(xl, i, IR_LEX_TWITCH, IR_CRIT_TWITCH, M_AFF | M_DENY | M_CITE);
  simple_fact(xl, i, IR_LEX_TRIGGER_POINT, IR_CRIT_TWITCH, M_DENY | M_CITE);
  simple_fact(xl, i, IR_LEX_REFERRED, IR_CRIT_REFERRED,
              M_AFF | M_DENY | M_CITE);
  radiating(xl, i);
  simple_fact(xl, i, IR_LEX_CHRONIC, IR_CRIT_DURATION, M_AFF | M_DENY | M_CITE);
  /* an acute injury documents a short duration */
  ir_fact *d = &item_of(xl, i)->facts[IR_CRIT_DURATION];
  for (size_t k = 0; k < xl->n; k++) {
    const xsent *x = &xl->v[k];
    size_t n;
    const ir_hit *h = ir_sent_hits(&x->s, IR_LEX_ACUTE, &n);
    for (size_t j = 0; ir_x_in_item(x, i) && j < n; j++)
      if (!ir_x_foreign_term(xl, x, h[j].start) &&
          ir_x_classify(x, h[j].start, h[j].end) == XC_AFFIRM) {
        ir_x_add_ev(xl, &d->deny, x, h[j].start, h[j].end);
        if (x->region == XR_RATIONALE)
          ir_x_cite(xl, item_of(xl, i), IR_CRIT_DURATION, x, h[j].start,
                    h[j].end);
      }
  }
  ir_x_therapy(xl, i);
  radiculopathy(xl, i);
  repeat_relief(xl, i);
}

void ir_x_other_cites(xletter *xl, int i) { other_cites(xl, i); }

long ir_x_hit_number(const char *t, const ir_hit *h) {
  return hit_number(t, h);
}
int ir_x_about_tpi(const ir_sent *s, size_t p) { return about_tpi(s, p); }
int ir_x_with_link(const ir_sent *s, size_t p) { return with_link(s, p); }
size_t ir_x_last_end(const ir_sent *s, int sec, size_t p) {
  return last_end_before(s, sec, p);
}
