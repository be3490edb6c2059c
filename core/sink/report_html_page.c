/* report_html_page.c - writes the HTML audit report page (report_html.h):
 * inline CSS, headline figures, inline SVG bar charts from the batch
 * summary, filter controls, the flagged-items table streamed from the
 * temporary fragment file merged with the cross-case findings (both in
 * input order), and a little inline JS (sort, filter, expand). The file is
 * written beside the target and renamed into place. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "report_html.h"

#define esc ir_html_esc

static const char css[] =
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;"
    "margin:24px;color:#1d232b;background:#fff}"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}"
    ".sub{color:#5a6470}"
    ".figs{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}"
    ".fig{border:1px solid #d7dce2;border-radius:6px;padding:8px 14px;"
    "min-width:110px}.fig b{display:block;font-size:22px}"
    ".fig span{color:#5a6470;font-size:12px}"
    ".charts{display:grid;grid-template-columns:repeat(auto-fit,"
    "minmax(420px,1fr));gap:18px}"
    ".chart{border:1px solid #e3e6ea;border-radius:6px;padding:8px}"
    ".chart h3{font-size:14px;margin:0 0 6px}svg text{font-size:12px;"
    "fill:#1d232b}.empty{color:#8a939e;font-style:italic}"
    ".filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;"
    "margin:8px 0}select,input{font:inherit;padding:2px 4px}"
    "table{border-collapse:collapse;width:100%}"
    "th,td{border-bottom:1px solid #e3e6ea;padding:4px 6px;text-align:left;"
    "vertical-align:top}th{background:#f3f5f7;cursor:pointer;"
    "user-select:none;position:sticky;top:0}th.asc:after{content:' \\25B2'}"
    "th.desc:after{content:' \\25BC'}"
    "tr.row{cursor:pointer}tr.row:hover{background:#f7f9fb}"
    "tr.row td:first-child:before{content:'\\25B8 ';color:#8a939e}"
    "tr.row.open td:first-child:before{content:'\\25BE '}"
    "td.svc{max-width:420px}tr.detail td{background:#fbfcfd}"
    ".finding{margin:6px 0 10px}.rule{color:#8a939e;font-size:12px}"
    ".sev{display:inline-block;border-radius:3px;padding:0 5px;"
    "font-size:12px;color:#fff}.s0{background:#5a7fa8}.s1{background:#c07a00}"
    ".s2{background:#b3261e}"
    "blockquote{margin:4px 0 4px 14px;padding:4px 8px;border-left:3px solid "
    "#c9d1da;color:#39424d;font-size:13px}"
    "blockquote .sec{color:#8a939e;font-size:11px}"
    "mark{background:#ffe58a;padding:0 1px}"
    ".cp{font-size:12px;color:#39424d}"
    "@media print{body{margin:8mm}.filters,.noprint{display:none}"
    "th{position:static}tr.detail{display:table-row!important}"
    "tbody.item{break-inside:avoid}.charts{display:block}"
    ".chart{break-inside:avoid;margin-bottom:8px}"
    "tr.row td:first-child:before{content:''}}";

static const char js[] =
    "(function(){'use strict';"
    "var t=document.getElementById('items');if(!t)return;"
    "var fk=document.getElementById('fk'),fs=document.getElementById('fs'),"
    "fc=document.getElementById('fc'),fq=document.getElementById('fq'),"
    "cnt=document.getElementById('shown');"
    "function has(l,v){return (' '+l+' ').indexOf(' '+v+' ')>=0;}"
    "function apply(){var n=0,q=fq.value.toLowerCase();"
    "Array.prototype.forEach.call(t.tBodies,function(b){"
    "var ok=(!fk.value||has(b.dataset.kinds,fk.value))&&"
    "(!fs.value||has(b.dataset.sevs,fs.value))&&"
    "(!fc.value||b.dataset.cat===fc.value)&&"
    "(!q||b.textContent.toLowerCase().indexOf(q)>=0);"
    "b.hidden=!ok;if(ok)n++;});cnt.textContent=n;}"
    "[fk,fs,fc].forEach(function(e){e.addEventListener('change',apply);});"
    "fq.addEventListener('input',apply);"
    "t.addEventListener('click',function(e){var r=e.target.closest('tr.row');"
    "if(!r)return;var d=r.nextElementSibling;d.hidden=!d.hidden;"
    "r.classList.toggle('open',!d.hidden);});"
    "var ths=t.tHead.rows[0].cells;"
    "Array.prototype.forEach.call(ths,function(th,i){"
    "th.addEventListener('click',function(){"
    "var asc=!th.classList.contains('asc');"
    "Array.prototype.forEach.call(ths,function(h){"
    "h.classList.remove('asc','desc');});"
    "th.classList.add(asc?'asc':'desc');"
    "var bs=Array.prototype.slice.call(t.tBodies);"
    "function key(b){var c=b.rows[0].cells[i];"
    "return c.dataset.v!==undefined?c.dataset.v:c.textContent;}"
    "bs.sort(function(a,b){var x=key(a),y=key(b),"
    "nx=parseFloat(x),ny=parseFloat(y),r;"
    "if(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x&&String(ny)===y)r=nx-ny;"
    "else r=x.localeCompare(y);"
    "if(!r)r=a.dataset.ord-b.dataset.ord;return asc?r:-r;});"
    "bs.forEach(function(b){t.appendChild(b);});});});"
    "if(location.hash==='#open')Array.prototype.forEach.call(t.tBodies,"
    "function(b){b.rows[1].hidden=false;b.rows[0].classList.add('open');});"
    "apply();var "
    "b=document.body;b.setAttribute('data-ready','1');b.setAttribute('data-"
    "ready-ms',String(Math.round(performance.now())));})();";

typedef struct {
  FILE *f;
  ir_buf b;
} out;

static void flush(out *o, int force) {
  if (o->b.n && (force || o->b.n > (1u << 16))) {
    fwrite(o->b.p, 1, o->b.n, o->f);
    ir_buf_reset(&o->b);
  }
}

static void figure(ir_buf *b, long v, const char *label) {
  ir_buf_printf(b, "<div class=\"fig\"><b>%ld</b><span>%s</span></div>", v,
                label);
}

static void options(ir_buf *b, const char *id, const char *all,
                    const ir_sum_table *t) {
  ir_buf_printf(b, "<select id=\"%s\"><option value=\"\">%s</option>", id, all);
  for (size_t i = 0; i < t->n; i++) {
    ir_buf tok = {0};
    for (const char *p = t->v[i].key; *p; p++) {
      char c = *p;
      int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9') || c == '-' || c == '_';
      ir_buf_putc(&tok, ok ? c : '_');
    }
    ir_buf_puts(b, "<option value=\"");
    esc(b, tok.p ? tok.p : "");
    ir_buf_puts(b, "\">");
    esc(b, t->v[i].key);
    ir_buf_puts(b, "</option>");
    ir_buf_free(&tok);
  }
  ir_buf_puts(b, "</select>");
}

/* Which flagged items the table holds: at most max, the most severe first
 * (error, warning, info), in input order within a severity. Counted in a
 * first pass over the fragments; items of severity above level are all
 * taken, of severity level the first quota, below it none. */
typedef struct {
  long max;
  long count[3]; /* flagged items per worst severity */
  int level;     /* -1: every flagged item */
  long quota, taken_at_level;
  long planned, rows; /* rows the table will hold; rows written */
  int counting;       /* first pass */
} pick;

static void pick_level(pick *p) {
  long left = p->max, total = p->count[0] + p->count[1] + p->count[2];
  p->planned = total < p->max ? total : p->max;
  p->level = -1;
  for (int lv = 2; lv >= 0; lv--) {
    if (p->count[lv] > left) {
      p->level = lv;
      p->quota = left;
      return;
    }
    left -= p->count[lv];
  }
}

static int pick_take(pick *p, int worst) {
  if (worst < 0)
    worst = 0;
  if (p->counting) {
    p->count[worst]++;
    return 0;
  }
  if (worst > p->level)
    return 1;
  if (worst == p->level && p->taken_at_level < p->quota) {
    p->taken_at_level++;
    return 1;
  }
  return 0;
}

static void head(out *o, const ir_summary *s, size_t ncross, const pick *p) {
  ir_buf *b = &o->b;
  ir_buf_printf(b,
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
                "charset=\"utf-8\"><meta name=\"viewport\" "
                "content=\"width=device-width,initial-scale=1\">"
                "<title>imraudit audit report</title><style>%s</style>"
                "</head><body><h1>IMR audit report</h1><p class=\"sub\">"
                "imraudit: trigger point injection criteria, rule and "
                "cross-case findings</p><div class=\"figs\">",
                css);
  figure(b, s->letters, "letters");
  figure(b, s->failed, "could not be audited");
  figure(b, s->items, "decided items");
  figure(b, s->flagged_items, "flagged items");
  figure(b, s->findings, "findings");
  figure(b, (long)ncross, "cross-case findings");
  figure(b, s->rule_errors, "rule errors");
  ir_buf_puts(b, "</div>");
  ir_html_charts(&o->b, s);
  long total = p->count[0] + p->count[1] + p->count[2];
  ir_buf_printf(b,
                "<h2>Flagged items (<span id=\"shown\">%ld</span> of %ld "
                "shown)</h2>",
                p->planned, p->planned);
  if (p->planned < total)
    ir_buf_printf(b,
                  "<p class=\"more\" id=\"more\">This table holds the %ld "
                  "most severe of the %ld flagged items (errors first, then "
                  "warnings, then notes; input order within each). "
                  "<b>%ld more are in the CSV and the database</b>: "
                  "<code>imraudit --format csv</code>, "
                  "<code>imraudit --db FILE.sqlite</code> "
                  "(table <code>findings</code>).</p>",
                  p->planned, total, total - p->planned);
  ir_buf_puts(b, "<div class=\"filters\">");
  options(b, "fk", "all kinds", &s->by_kind);
  options(b, "fs", "all severities", &s->by_severity);
  options(b, "fc", "all categories", &s->by_category);
  ir_buf_puts(b, "<input id=\"fq\" type=\"search\" placeholder=\"search\">"
                 "<span class=\"noprint sub\">click a row for its findings "
                 "and evidence; click a heading to sort</span></div>"
                 "<table id=\"items\"><thead><tr><th>file</th><th>item</th>"
                 "<th>category</th><th>outcome &rarr; conclusion</th>"
                 "<th>reviewer</th><th>service</th><th>severity</th>"
                 "<th>kinds</th></tr></thead>");
}

static void cross_block(ir_buf *b, const ir_cross_finding *f) {
  ir_buf_puts(b, "<div class=\"finding\"><span class=\"sev s1\">warning"
                 "</span> <b>" IR_CROSS_KIND "</b>");
  if (f->pack) {
    ir_buf_puts(b, " (");
    esc(b, f->pack->id);
    ir_buf_puts(b, ")");
  }
  ir_buf_puts(b, ": ");
  esc(b, f->message);
  ir_buf_puts(b, " <span class=\"rule\">[" IR_CROSS_RULE "]</span>"
                 "<div class=\"cp\">similar: ");
  for (size_t i = 0; i < f->ncounterparts; i++) {
    if (i)
      ir_buf_puts(b, ", ");
    esc(b, f->counterparts[i]);
  }
  if (f->ntotal > f->ncounterparts)
    ir_buf_printf(b, " and %zu more", f->ntotal - f->ncounterparts);
  ir_buf_puts(b, "</div></div>");
}

typedef struct {
  int index, flagged, worst;
  char kinds[1024], sevs[512], cat[128];
  size_t ncells, ndet;
} frag_head;

static int read_head(FILE *f, frag_head *h) {
  char line[2048];
  if (!fgets(line, sizeof line, f))
    return -1;
  char *fld[8];
  char *p = line;
  for (int i = 0; i < 8; i++) {
    fld[i] = p;
    p = strchr(p, i == 7 ? '\n' : '\t');
    if (!p)
      return -1;
    *p++ = 0;
  }
  h->index = atoi(fld[0]);
  h->flagged = atoi(fld[1]);
  snprintf(h->kinds, sizeof h->kinds, "%s", fld[2]);
  snprintf(h->sevs, sizeof h->sevs, "%s", fld[3]);
  h->worst = atoi(fld[4]);
  snprintf(h->cat, sizeof h->cat, "%s", fld[5]);
  h->ncells = strtoul(fld[6], NULL, 10);
  h->ndet = strtoul(fld[7], NULL, 10);
  return 0;
}

static int copy_bytes(FILE *in, ir_buf *b, size_t n) {
  char tmp[8192];
  while (n) {
    size_t k = n < sizeof tmp ? n : sizeof tmp;
    if (fread(tmp, 1, k, in) != k)
      return -1;
    ir_buf_put(b, tmp, k);
    n -= k;
  }
  return 0;
}

static const char *const sev_names[3] = {"info", "warning", "error"};

int ir_html_cross(ir_html *h, const ir_cross_finding *f) {
  ir_buf b = {0};
  cross_block(&b, f);
  fprintf(h->cross, "X %ld %d %zu\n", f->seq, f->index, b.n);
  fwrite(b.p ? b.p : "", 1, b.n, h->cross);
  ir_buf_free(&b);
  h->ncross++;
  if (!h->spool_err && ferror(h->cross)) {
    h->spool_err = 1;
    fprintf(stderr, "imraudit: %s: cannot write a temporary file: %s\n",
            h->path, strerror(errno));
    return -1;
  }
  return 0;
}

/* The cross-case finding blocks, read back in input order along the
 * fragments: (seq, index, n) is the next one not yet placed (seq -1 at the
 * end); blocks holds the findings of the current item. */
typedef struct {
  FILE *in;
  long seq;
  int index;
  size_t n;
  int failed;
  ir_buf blocks;
} cross_feed;

static void next_cross(cross_feed *x) {
  if (fscanf(x->in, "X %ld %d %zu", &x->seq, &x->index, &x->n) != 3 ||
      fgetc(x->in) != '\n') {
    x->failed = !feof(x->in);
    x->seq = -1;
  }
}

/* Appends to x->blocks the findings of item (seq, index): their number. */
static size_t take_cross(cross_feed *x, long seq, int index) {
  size_t n = 0;
  ir_buf_reset(&x->blocks);
  while (x->seq == seq && x->index == index) {
    if (copy_bytes(x->in, &x->blocks, x->n) != 0) {
      x->failed = 1;
      x->seq = -1;
      break;
    }
    n++;
    next_cross(x);
  }
  return n;
}

/* One item: the row and its (hidden) detail row, as one <tbody>. */
static int item_rows(out *o, FILE *in, long seq, long *ord, cross_feed *x,
                     pick *p) {
  frag_head h;
  if (read_head(in, &h) != 0)
    return -1;
  size_t nx = take_cross(x, seq, h.index);
  int worst = h.worst;
  if (nx && worst < 1)
    worst = 1;
  if ((!h.flagged && !nx) || !pick_take(p, worst))
    return fseek(in, (long)(h.ncells + h.ndet), SEEK_CUR);
  p->rows++;
  ir_buf *b = &o->b;
  ir_buf_printf(b, "<tbody class=\"item\" data-ord=\"%ld\" data-kinds=\"%s",
                (*ord)++, h.kinds);
  if (nx && !strstr(h.kinds, IR_CROSS_KIND))
    ir_buf_printf(b, "%s" IR_CROSS_KIND, h.kinds[0] ? " " : "");
  ir_buf_printf(b, "\" data-sevs=\"%s%s\" data-cat=\"%s\"><tr class=\"row\">",
                h.sevs, nx ? " warning" : "", h.cat);
  if (copy_bytes(in, b, h.ncells) != 0)
    return -1;
  ir_buf_printf(b,
                "<td data-v=\"%d\"><span class=\"sev s%d\">%s</span></td>"
                "<td>%s",
                worst, worst, sev_names[worst < 0 ? 0 : worst], h.kinds);
  if (nx)
    ir_buf_printf(b, "%s" IR_CROSS_KIND, h.kinds[0] ? " " : "");
  ir_buf_puts(b, "</td></tr><tr class=\"detail\" hidden><td colspan=\"8\">");
  if (copy_bytes(in, b, h.ndet) != 0)
    return -1;
  ir_buf_put(b, x->blocks.p ? x->blocks.p : "", x->blocks.n);
  ir_buf_puts(b, "</td></tr></tbody>\n");
  flush(o, 0);
  return 0;
}

/* One pass over the fragments in input order, merged with the cross-case
 * findings: counting (p->counting) or writing the picked rows. */
static int table(out *o, FILE *in, FILE *cross, pick *p) {
  rewind(in);
  fflush(cross);
  rewind(cross);
  cross_feed x = {cross, -1, 0, 0, 0, {0}};
  next_cross(&x);
  long ord = 0, seq;
  size_t n;
  int rc = 0;
  while (rc == 0 && fscanf(in, "L %ld %zu", &seq, &n) == 2) {
    if (fgetc(in) != '\n') {
      rc = -1;
      break;
    }
    long end = ftell(in) + (long)n;
    /* cross findings of earlier letters without fragments cannot exist:
     * every participating item has a fragment */
    while (rc == 0 && ftell(in) < end)
      rc = item_rows(o, in, seq, &ord, &x, p);
  }
  if (x.failed)
    rc = -1;
  ir_buf_free(&x.blocks);
  return rc;
}

int ir_html_finish(ir_html *h, const ir_summary *s) {
  if (s->interrupted || ir_stop_signal()) {
    fprintf(stderr, "imraudit: %s: run interrupted, report not written\n",
            h->path);
    return 0; /* ir_html_free removes the page's file */
  }
  if (h->spool_err)
    return -1; /* reported when it happened */
  out o = {h->out, {0}};
  fflush(h->tmp);
  pick p = {.max = h->max_items, .counting = 1};
  int rc = table(&o, h->tmp, h->cross, &p);
  pick_level(&p);
  p.counting = 0;
  head(&o, s, h->ncross, &p);
  if (rc == 0)
    rc = table(&o, h->tmp, h->cross, &p);
  ir_buf_puts(&o.b, "</table>");
  if (rc == 0 && ftell(h->fail) > 0) {
    ir_buf_puts(&o.b, "<h2>Letters not audited and rule errors</h2><table "
                      "class=\"errors\"><thead><tr><th>file</th><th>error"
                      "</th></tr></thead><tbody>");
    fflush(h->fail);
    rewind(h->fail);
    char tmp[8192];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, h->fail)) > 0)
      ir_buf_put(&o.b, tmp, k);
    if (ferror(h->fail))
      rc = -1;
    ir_buf_puts(&o.b, "</tbody></table>");
    if (h->fail_more)
      ir_buf_printf(&o.b,
                    "<p class=\"more\">%ld more in the CSV and the database "
                    "(column <code>error</code>; rule errors on stderr).</p>",
                    h->fail_more);
  }
  ir_buf_printf(&o.b, "<script>%s</script></body></html>\n", js);
  flush(&o, 1);
  ir_buf_free(&o.b);
  if (rc != 0) {
    fprintf(stderr, "imraudit: %s: cannot read back the report fragments\n",
            h->path);
    return -1;
  }
  /* every write checked: a page cut short (disk full) is never renamed */
  int bad = fflush(h->out) != 0 || ferror(h->out);
  int e = errno;
  if (fclose(h->out) != 0 && !bad) {
    bad = 1;
    e = errno;
  }
  h->out = NULL;
  if (bad) {
    fprintf(stderr, "imraudit: %s: %s; report not written\n", h->path,
            strerror(e ? e : EIO));
    return -1;
  }
  if (rename(h->outname, h->path) != 0) {
    fprintf(stderr, "imraudit: %s: %s; report not written\n", h->path,
            strerror(errno));
    return -1;
  }
  free(h->outname);
  h->outname = NULL;
  return 0;
}
