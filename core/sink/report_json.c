/* report_json.c - one letter as one JSON line (shared audit-json.md). */
#include <string.h>

#include "sink.h"

/* k is a criterion id (a pack's ids are plain identifiers; a long or odd
 * one is escaped as any string). A fixed key is written with KV_STR. */
static void key(ir_buf *b, const char *k) {
  size_t n = strlen(k);
  char tmp[64];
  int plain = n + 3 <= sizeof tmp;
  for (size_t i = 0; plain && i < n; i++)
    plain = !ir_json_special[(unsigned char)k[i]];
  if (!plain) {
    ir_buf_json_str(b, k);
    ir_buf_putc(b, ':');
    return;
  }
  tmp[0] = '"';
  memcpy(tmp + 1, k, n);
  tmp[n + 1] = '"';
  tmp[n + 2] = ':';
  ir_buf_put(b, tmp, n + 3);
}

/* "k":v for a fixed key (a literal of plain bytes, so written as is). */
static void kv_lit(ir_buf *b, const char *qk, size_t n, const char *v) {
  ir_buf_put(b, qk, n);
  ir_buf_json_str(b, v);
}
#define KV_STR(b, k, v) kv_lit(b, "\"" k "\":", sizeof "\"" k "\":" - 1, v)

/* ir_buf_putu(b, v) two digits at a time (the offsets of every span). */
static void put_offset(ir_buf *b, unsigned long long v) {
  static const char pairs[] =
      "00010203040506070809101112131415161718192021222324"
      "25262728293031323334353637383940414243444546474849"
      "50515253545556575859606162636465666768697071727374"
      "75767778798081828384858687888990919293949596979899";
  char tmp[24];
  size_t i = sizeof tmp;
  while (v >= 100) {
    unsigned r = (unsigned)(v % 100);
    v /= 100;
    i -= 2;
    memcpy(tmp + i, pairs + 2 * r, 2);
  }
  if (v >= 10) {
    i -= 2;
    memcpy(tmp + i, pairs + 2 * v, 2);
  } else {
    tmp[--i] = (char)('0' + v);
  }
  ir_buf_put(b, tmp + i, sizeof tmp - i);
}

/* Writes the spans of ev as array elements; *first tracks the comma. */
/* A PDF letter's spans also carry "page" and "line" (on that page). */
static void evidence_items(ir_buf *b, const ir_text *t, const ir_evlist *ev,
                           int *first) {
  for (size_t i = 0; i < ev->n; i++) {
    const ir_evidence *e = &ev->v[i];
    static const char open[] = ",{\"section\":\"";
    ir_buf_put(b, open + *first, sizeof open - 1 - (size_t)*first);
    *first = 0;
    ir_buf_puts(b, ir_section_name(e->section));
    ir_buf_put(b, "\",\"start\":", 10);
    put_offset(b, e->start);
    ir_buf_put(b, ",\"end\":", 7);
    put_offset(b, e->end);
    int line, page = t ? ir_text_orig_page(t, e->start, &line) : 0;
    if (page) {
      ir_buf_puts(b, ",\"page\":");
      ir_buf_puti(b, page);
      ir_buf_puts(b, ",\"line\":");
      ir_buf_puti(b, line);
    }
    ir_buf_put(b, ",\"text\":", 8);
    ir_buf_json_str(b, e->text);
    ir_buf_putc(b, '}');
  }
}

static void evidence_list(ir_buf *b, const ir_text *t, const ir_evlist *ev) {
  int first = 1;
  ir_buf_putc(b, '[');
  evidence_items(b, t, ev, &first);
  ir_buf_putc(b, ']');
}

static void str_list(ir_buf *b, const ir_strlist *l) {
  ir_buf_putc(b, '[');
  for (size_t i = 0; i < l->n; i++) {
    if (i)
      ir_buf_putc(b, ',');
    ir_buf_json_str(b, l->v[i]);
  }
  ir_buf_putc(b, ']');
}

/* The value of a fact by its criterion's kind: a number (null when none),
 * a string (omitted when none), a list (always, [] when empty). The TPI
 * ids keep their historical shape whatever the pack says: injection_count
 * a number or null, injectate a list. */
static void value(ir_buf *b, const ir_crit_def *d, const ir_fact *f) {
  ir_value_kind k = d->kind;
  if (d->id[0] == 'i' && strcmp(d->id, "injection_count") == 0)
    k = IR_VAL_NUMBER;
  else if (d->id[0] == 'i' && strcmp(d->id, "injectate") == 0)
    k = IR_VAL_LIST;
  switch (k) {
  case IR_VAL_NUMBER:
    if (f->has_value) {
      ir_buf_puts(b, ",\"value\":");
      ir_buf_puti(b, f->ivalue);
      if (f->half)
        ir_buf_puts(b, ".5");
    } else
      ir_buf_puts(b, ",\"value\":null");
    break;
  case IR_VAL_STRING:
    if (f->has_value && f->svalue) {
      ir_buf_puts(b, ",\"value\":");
      ir_buf_json_str(b, f->svalue);
    }
    break;
  case IR_VAL_LIST:
    ir_buf_puts(b, ",\"value\":");
    str_list(b, &f->list);
    break;
  default:
    break;
  }
}

/* The spans behind the status: affirming spans for present, denying spans
 * for absent; both when the record contradicts itself ("affirm"/"deny"
 * always carry each side). "how" tells how a computed value was reached. */
static void fact(ir_buf *b, const ir_text *t, const ir_crit_def *d,
                 const ir_fact *f) {
  key(b, d->id);
  ir_buf_puts(b, "{\"status\":\"");
  ir_buf_puts(b, ir_status_name(f->status));
  ir_buf_putc(b, '"');
  value(b, d, f);
  if (f->how) {
    ir_buf_puts(b, ",\"how\":");
    ir_buf_json_str(b, f->how);
  }
  if (f->contradicted)
    ir_buf_puts(b, ",\"contradicted\":true");
  ir_buf_puts(b, ",\"evidence\":[");
  int first = 1;
  if (f->status != IR_FACT_ABSENT || f->contradicted)
    evidence_items(b, t, &f->affirm, &first);
  if (f->status == IR_FACT_ABSENT || f->contradicted)
    evidence_items(b, t, &f->deny, &first);
  ir_buf_putc(b, ']');
  if (f->contradicted) {
    ir_buf_puts(b, ",\"affirm\":");
    evidence_list(b, t, &f->affirm);
    ir_buf_puts(b, ",\"deny\":");
    evidence_list(b, t, &f->deny);
  }
  ir_buf_putc(b, '}');
}

static void finding(ir_buf *b, const ir_text *t, const ir_finding *f) {
  ir_buf_putc(b, '{');
  KV_STR(b, "rule", f->rule);
  ir_buf_putc(b, ',');
  KV_STR(b, "kind", f->kind);
  ir_buf_putc(b, ',');
  KV_STR(b, "criterion", f->criterion);
  ir_buf_puts(b, ",\"severity\":\"");
  ir_buf_puts(b, ir_severity_name(f->severity));
  ir_buf_puts(b, "\",");
  KV_STR(b, "message", f->message);
  ir_buf_puts(b, ",\"evidence\":");
  evidence_list(b, t, &f->evidence);
  if (f->counterparts.n) {
    ir_buf_puts(b, ",\"counterparts\":");
    str_list(b, &f->counterparts);
  }
  ir_buf_putc(b, '}');
}

static void item(ir_buf *b, const ir_text *t, const ir_item *it) {
  ir_buf_puts(b, "{\"index\":");
  ir_buf_puti(b, it->index);
  ir_buf_putc(b, ',');
  KV_STR(b, "service", it->service);
  ir_buf_puts(b, ",\"line\":");
  ir_buf_puti(b, it->line);
  ir_buf_putc(b, ',');
  KV_STR(b, "category", it->category ? it->category : "other");
  ir_buf_putc(b, ',');
  KV_STR(b, "pack", it->pack ? it->pack->id : NULL);
  ir_buf_puts(b, ",\"outcome\":\"");
  ir_buf_puts(b, ir_outcome_name(it->outcome));
  ir_buf_puts(b, "\",\"conclusion\":\"");
  ir_buf_puts(b, ir_conclusion_name(it->conclusion));
  ir_buf_putc(b, '"');
  ir_buf_puts(b, ",\"guidelines\":{");
  KV_STR(b, "claims_administrator", it->guideline_ca);
  ir_buf_putc(b, ',');
  KV_STR(b, "maximus", it->guideline_maximus);
  ir_buf_puts(b, "},\"title\":");
  {
    ir_evlist one = {(ir_evidence *)&it->title, 1, 1};
    int first = 1;
    ir_buf_putc(b, '[');
    evidence_items(b, t, &one, &first);
    ir_buf_putc(b, ']');
  }
  ir_buf_puts(b, ",\"facts\":{");
  size_t nf = it->pack && it->facts ? it->nfacts : 0;
  if (it->pack && nf > it->pack->ncrit)
    nf = it->pack->ncrit;
  for (size_t c = 0; c < nf; c++) {
    if (c)
      ir_buf_putc(b, ',');
    fact(b, t, &it->pack->crit[c], &it->facts[c]);
  }
  ir_buf_puts(b, "},\"cited\":[");
  for (size_t i = 0; i < it->cited.n; i++) {
    if (i)
      ir_buf_putc(b, ',');
    ir_buf_json_str(b, ir_item_crit_name(it, it->cited.v[i].criterion));
  }
  ir_buf_puts(b, "],\"cited_evidence\":{");
  for (size_t i = 0; i < it->cited.n; i++) {
    if (i)
      ir_buf_putc(b, ',');
    key(b, ir_item_crit_name(it, it->cited.v[i].criterion));
    evidence_list(b, t, &it->cited.v[i].evidence);
  }
  ir_buf_puts(b, "},\"findings\":[");
  for (size_t i = 0; i < it->findings.n; i++) {
    if (i)
      ir_buf_putc(b, ',');
    finding(b, t, &it->findings.v[i]);
  }
  ir_buf_puts(b, "]}");
}

static void dates(ir_buf *b, const ir_letter *l) {
  static const char *const names[] = {
      "\"injury\":", "\"decision\":", "\"ur_denial\":", "\"assigned\":",
      "\"application\":"};
  const char *vals[] = {l->date_injury, l->date_decision, l->date_ur_denial,
                        l->date_assigned, l->date_application};
  int first = 1;
  ir_buf_puts(b, "\"dates\":{");
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    if (!vals[i])
      continue;
    if (!first)
      ir_buf_putc(b, ',');
    first = 0;
    kv_lit(b, names[i], strlen(names[i]), vals[i]);
  }
  ir_buf_putc(b, '}');
}

static void rule_errors(ir_buf *b, const ir_letter *l) {
  ir_buf_puts(b, ",\"rule_errors\":[");
  for (size_t i = 0; i < l->rule_errors.n; i++) {
    const ir_rule_error *e = &l->rule_errors.v[i];
    if (i)
      ir_buf_putc(b, ',');
    ir_buf_putc(b, '{');
    KV_STR(b, "rule", e->rule);
    ir_buf_putc(b, ',');
    KV_STR(b, "file", e->file);
    ir_buf_puts(b, ",\"item\":");
    ir_buf_puti(b, e->item);
    ir_buf_putc(b, ',');
    KV_STR(b, "message", e->message);
    ir_buf_putc(b, '}');
  }
  ir_buf_putc(b, ']');
}

void ir_report_json(ir_buf *b, const ir_letter *l) {
  ir_buf_putc(b, '{');
  KV_STR(b, "file", l->path);
  ir_buf_puts(b, l->ok ? ",\"ok\":true," : ",\"ok\":false,");
  KV_STR(b, "error", l->ok ? NULL : l->error);
  if (!l->ok) {
    ir_buf_puts(b, ",\"decisions\":[]}\n");
    return;
  }
  ir_buf_putc(b, ',');
  KV_STR(b, "layout", ir_layout_name(l->text.layout));
  ir_buf_putc(b, ',');
  KV_STR(b, "case_number", l->case_number);
  ir_buf_putc(b, ',');
  dates(b, l);
  ir_buf_putc(b, ',');
  KV_STR(b, "priority", l->priority);
  ir_buf_puts(b, ",\"reviewer\":{");
  KV_STR(b, "specialty", l->specialty);
  ir_buf_putc(b, ',');
  KV_STR(b, "licensure", l->licensure);
  if (l->items_capped)
    ir_buf_printf(b,
                  "},\"truncated\":true,\"items_capped\":%d,"
                  "\"decisions\":[",
                  l->items_capped);
  else
    ir_buf_puts(b, l->truncated ? "},\"truncated\":true,\"decisions\":["
                                : "},\"truncated\":false,\"decisions\":[");
  for (size_t i = 0; i < l->items.n; i++) {
    if (i)
      ir_buf_putc(b, ',');
    item(b, &l->text, &l->items.v[i]);
  }
  ir_buf_putc(b, ']');
  rule_errors(b, l);
  ir_buf_puts(b, "}\n");
}
