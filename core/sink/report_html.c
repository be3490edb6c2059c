/* report_html.c - the HTML audit report (see report_html.h).
 *
 * Fragment format (worker -> writer -> temporary file), per item:
 *   "index\tflagged\tkinds\tsevs\tworst\tcategory\tncells\tndetails\n"
 *   then ncells bytes of <td> cells and ndetails bytes of finding blocks.
 * kinds/sevs are space-separated tokens of [A-Za-z0-9_-]. The temporary
 * file holds per letter "L seq n\n" and its n fragment bytes. */
#include "report_html.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONTEXT 160 /* bytes of letter text shown each side of evidence */

/* --- escaping ----------------------------------------------------------- */

static size_t utf8_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t k = c < 0x80         ? 1
             : (c >> 5) == 6  ? 2
             : (c >> 4) == 14 ? 3
             : (c >> 3) == 30 ? 4
                              : 0;
  if (!k || k > n || (k == 2 && c < 0xC2) || (k == 4 && c > 0xF4))
    return 0;
  for (size_t i = 1; i < k; i++)
    if ((s[i] & 0xC0) != 0x80)
      return 0;
  return k;
}

void ir_html_esc_n(ir_buf *b, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c == '&')
      ir_buf_puts(b, "&amp;");
    else if (c == '<')
      ir_buf_puts(b, "&lt;");
    else if (c == '>')
      ir_buf_puts(b, "&gt;");
    else if (c == '"')
      ir_buf_puts(b, "&quot;");
    else if (c == '\'')
      ir_buf_puts(b, "&#39;");
    else if (c == '\n' || c == '\r' || c == '\t')
      ir_buf_putc(b, ' ');
    else if (c < 0x20 || c == 0x7f)
      ir_buf_puts(b, "\xEF\xBF\xBD");
    else if (c < 0x80)
      ir_buf_putc(b, (char)c);
    else {
      size_t k = utf8_len(p + i, n - i);
      if (!k) {
        ir_buf_puts(b, "\xEF\xBF\xBD");
        i++;
        continue;
      }
      ir_buf_put(b, s + i, k);
      i += k;
      continue;
    }
    i++;
  }
}

void ir_html_esc(ir_buf *b, const char *s) {
  if (s)
    ir_html_esc_n(b, s, strlen(s));
}
#define esc ir_html_esc
#define esc_n ir_html_esc_n

/* Token list safe for a data attribute and the fragment header. */
static void token(ir_buf *b, const char *s) {
  if (!s || !*s)
    s = "unknown";
  for (; *s; s++) {
    char c = *s;
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             (c >= '0' && c <= '9') || c == '-' || c == '_';
    ir_buf_putc(b, ok ? c : '_');
  }
}

/* Appends token(s) to a space-separated list unless already there. */
static void add_token(ir_buf *list, const char *s) {
  ir_buf t = {0};
  token(&t, s);
  int dup = 0;
  for (const char *p = list->p; p && *p && !dup;) {
    const char *e = strchr(p, ' ');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    dup = n == t.n && memcmp(p, t.p, n) == 0;
    p = e ? e + 1 : p + n;
  }
  if (!dup) {
    if (list->n)
      ir_buf_putc(list, ' ');
    ir_buf_put(list, t.p, t.n);
  }
  ir_buf_free(&t);
}

/* --- worker side -------------------------------------------------------- */

static size_t back_to_char(const char *t, size_t p) {
  while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
    p--;
  return p;
}

/* The evidence quoted inside a window of the normalized letter text. */
static void quote_in_context(ir_buf *b, const ir_letter *l,
                             const ir_evidence *e) {
  const ir_text *t = &l->text;
  int pline, page = ir_text_orig_page(t, e->start, &pline);
  if (page)
    ir_buf_printf(b,
                  "<blockquote><span class=\"sec\">%s, p. %d line %d, bytes "
                  "%zu-%zu</span> ",
                  ir_section_name(e->section), page, pline, e->start, e->end);
  else
    ir_buf_printf(b,
                  "<blockquote><span class=\"sec\">%s, bytes %zu-%zu</span> ",
                  ir_section_name(e->section), e->start, e->end);
  if (!t->norm || e->nend > t->norm_len || e->nstart > e->nend) {
    ir_buf_puts(b, "<mark>");
    esc(b, e->text);
    ir_buf_puts(b, "</mark></blockquote>");
    return;
  }
  size_t ns = e->nstart, ne = e->nend;
  size_t ws = ns > CONTEXT ? back_to_char(t->norm, ns - CONTEXT) : 0;
  size_t we = ne + CONTEXT < t->norm_len ? back_to_char(t->norm, ne + CONTEXT)
                                         : t->norm_len;
  if (ws > 0)
    ir_buf_puts(b, "\xE2\x80\xA6");
  esc_n(b, t->norm + ws, ns - ws);
  ir_buf_puts(b, "<mark>");
  esc_n(b, t->norm + ns, ne - ns);
  ir_buf_puts(b, "</mark>");
  esc_n(b, t->norm + ne, we - ne);
  if (we < t->norm_len)
    ir_buf_puts(b, "\xE2\x80\xA6");
  ir_buf_puts(b, "</blockquote>");
}

static int sev_rank(ir_severity s) {
  return s == IR_SEV_ERROR ? 2 : s == IR_SEV_WARNING ? 1 : 0;
}

/* A finding; its criterion is named with the item's pack, "mtus-esi:
 * fluoroscopy", as the criterion chart names it. */
static void finding_block(ir_buf *b, const ir_letter *l, const ir_item *it,
                          const ir_finding *f) {
  ir_buf_printf(b, "<div class=\"finding\"><span class=\"sev s%d\">%s</span> ",
                sev_rank(f->severity), ir_severity_name(f->severity));
  ir_buf_puts(b, "<b>");
  esc(b, f->kind);
  ir_buf_puts(b, "</b>");
  if (f->criterion) {
    ir_buf_puts(b, " (");
    if (it->pack) {
      esc(b, it->pack->id);
      ir_buf_puts(b, ": ");
    }
    esc(b, f->criterion);
    ir_buf_puts(b, ")");
  }
  ir_buf_puts(b, ": ");
  esc(b, f->message);
  if (f->rule) {
    ir_buf_puts(b, " <span class=\"rule\">[");
    esc(b, f->rule);
    ir_buf_puts(b, "]</span>");
  }
  for (size_t i = 0; i < f->evidence.n; i++)
    quote_in_context(b, l, &f->evidence.v[i]);
  ir_buf_puts(b, "</div>");
}

static int eligible(const ir_item *it) {
  if (it->findings.n)
    return 1;
  if (it->outcome == IR_OUT_UNKNOWN)
    return 0;
  for (size_t k = 0; it->pack && it->facts && k < it->nfacts; k++)
    if (it->facts[k].status != IR_FACT_UNKNOWN)
      return 1;
  return 0;
}

static void item_cells(ir_buf *b, const ir_letter *l, const ir_item *it) {
  ir_buf_puts(b, "<td>");
  esc(b, l->path);
  ir_buf_printf(b, "</td><td data-v=\"%d\">%d</td><td>", it->index, it->index);
  esc(b, it->category ? it->category : "other");
  ir_buf_printf(b, "</td><td>%s &rarr; %s</td><td>",
                ir_outcome_name(it->outcome),
                ir_conclusion_name(it->conclusion));
  esc(b, l->specialty ? l->specialty : "");
  ir_buf_puts(b, "</td><td class=\"svc\">");
  esc(b, it->service);
  ir_buf_puts(b, "</td>");
}

static void item_fragment(ir_buf *b, const ir_letter *l, const ir_item *it) {
  ir_buf kinds = {0}, sevs = {0}, cells = {0}, det = {0};
  int worst = -1;
  for (size_t i = 0; i < it->findings.n; i++) {
    const ir_finding *f = &it->findings.v[i];
    add_token(&kinds, f->kind);
    add_token(&sevs, ir_severity_name(f->severity));
    if (sev_rank(f->severity) > worst)
      worst = sev_rank(f->severity);
    finding_block(&det, l, it, f);
  }
  item_cells(&cells, l, it);
  ir_buf_printf(b, "%d\t%d\t%s\t%s\t%d\t", it->index, it->findings.n > 0,
                kinds.p ? kinds.p : "", sevs.p ? sevs.p : "", worst);
  token(b, it->category ? it->category : "other");
  ir_buf_printf(b, "\t%zu\t%zu\n", cells.n, det.n);
  ir_buf_put(b, cells.p ? cells.p : "", cells.n);
  ir_buf_put(b, det.p ? det.p : "", det.n);
  ir_buf_free(&kinds);
  ir_buf_free(&sevs);
  ir_buf_free(&cells);
  ir_buf_free(&det);
}

void ir_html_letter(ir_buf *b, const ir_letter *l) {
  if (!l->ok)
    return;
  for (size_t i = 0; i < l->items.n; i++)
    if (eligible(&l->items.v[i]))
      item_fragment(b, l, &l->items.v[i]);
}

/* --- writer side -------------------------------------------------------- */

static mode_t current_umask(void) {
  mode_t m = umask(022);
  umask(m);
  return m;
}

ir_html *ir_html_new(const char *path, long max_items, char *err,
                     size_t errlen) {
  ir_html *h = calloc(1, sizeof *h);
  if (!h || !(h->path = strdup(path))) {
    snprintf(err, errlen, "out of memory");
    free(h);
    return NULL;
  }
  h->max_items = max_items > 0 ? max_items : 1;
  h->tmp = tmpfile();
  h->fail = tmpfile();
  h->cross = tmpfile();
  if (!h->tmp || !h->fail || !h->cross) {
    snprintf(err, errlen, "%s: cannot create a temporary file", path);
    ir_html_free(h);
    return NULL;
  }
  /* fail before the batch when the report cannot be written; make the
   * page's file now, beside the target (the rename stays on one file
   * system), hidden so that a directory walk does not take it as input */
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    snprintf(err, errlen, "%s: is a directory", path);
    ir_html_free(h);
    return NULL;
  }
  const char *slash = strrchr(path, '/');
  size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
  size_t n = strlen(path) + 16;
  h->outname = malloc(n);
  if (!h->outname) {
    snprintf(err, errlen, "out of memory");
    ir_html_free(h);
    return NULL;
  }
  snprintf(h->outname, n, "%.*s.%s.XXXXXX", (int)dlen, path, path + dlen);
  int fd = mkstemp(h->outname);
  if (fd < 0 || !(h->out = fdopen(fd, "w"))) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    if (fd >= 0)
      close(fd);
    free(h->outname);
    h->outname = NULL;
    ir_html_free(h);
    return NULL;
  }
  fchmod(fd, 0644 & ~current_umask());
  return h;
}

void ir_html_add(ir_html *h, long seq, const ir_letter *l, const char *frag,
                 size_t n) {
  ir_buf b = {0};
  long rows = !l->ok + (long)l->rule_errors.n;
  int keep = h->nfail + rows <= IR_HTML_FAIL_ROWS;
  if (keep)
    h->nfail += rows;
  else
    h->fail_more += rows;
  if (keep && !l->ok) {
    ir_buf_puts(&b, "<tr><td>");
    esc(&b, l->path);
    ir_buf_puts(&b, "</td><td>");
    esc(&b, l->error ? l->error : "cannot audit");
    ir_buf_puts(&b, "</td></tr>\n");
  }
  for (size_t i = 0; keep && i < l->rule_errors.n; i++) {
    const ir_rule_error *e = &l->rule_errors.v[i];
    ir_buf_puts(&b, "<tr><td>");
    esc(&b, l->path);
    ir_buf_puts(&b, "</td><td>rule ");
    esc(&b, e->rule);
    ir_buf_printf(&b, " failed on item %d: ", e->item);
    esc(&b, e->message);
    ir_buf_puts(&b, "</td></tr>\n");
  }
  if (b.n)
    fwrite(b.p, 1, b.n, h->fail);
  ir_buf_free(&b);
  if (n) {
    fprintf(h->tmp, "L %ld %zu\n", seq, n);
    fwrite(frag, 1, n, h->tmp);
  }
  if (!h->spool_err && (ferror(h->tmp) || ferror(h->fail))) {
    h->spool_err = 1;
    fprintf(stderr, "imraudit: %s: cannot write a temporary file: %s\n",
            h->path, strerror(errno));
  }
}

void ir_html_free(ir_html *h) {
  if (!h)
    return;
  if (h->tmp)
    fclose(h->tmp);
  if (h->fail)
    fclose(h->fail);
  if (h->cross)
    fclose(h->cross);
  if (h->out)
    fclose(h->out);
  if (h->outname)
    unlink(h->outname); /* not renamed into place: incomplete */
  free(h->outname);
  free(h->path);
  free(h);
}

/* --- the report as a sink --------------------------------------------------
 */

typedef struct {
  ir_sink base;
  ir_html *h;
  const ir_summary *sum;
} html_sink;

static void hs_prepare(const ir_sink *s, ir_buf *frag, const ir_letter *l) {
  (void)s;
  ir_html_letter(frag, l);
}

static int hs_letter(ir_sink *s, long seq, const ir_letter *l, const char *frag,
                     size_t n) {
  ir_html_add(((html_sink *)s)->h, seq, l, frag, n);
  return 0;
}

static int hs_cross(ir_sink *s, const ir_cross_finding *f, int first) {
  (void)first;
  return ir_html_cross(((html_sink *)s)->h, f);
}

static int hs_summary(ir_sink *s, const ir_summary *sum) {
  ((html_sink *)s)->sum = sum;
  return 0;
}

static int hs_finish(ir_sink *s) {
  html_sink *hs = (html_sink *)s;
  return hs->sum ? ir_html_finish(hs->h, hs->sum) : 0;
}

static void hs_free(ir_sink *s) {
  ir_html_free(((html_sink *)s)->h);
  free(s);
}

static const ir_sink_ops html_ops = {
    .name = "html",
    .prepare = hs_prepare,
    .letter = hs_letter,
    .cross = hs_cross,
    .summary = hs_summary,
    .finish = hs_finish,
    .free = hs_free,
};

ir_sink *ir_sink_html(const char *path, long max_items, char *err,
                      size_t errlen) {
  html_sink *hs = calloc(1, sizeof *hs);
  if (!hs) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  hs->h = ir_html_new(path, max_items, err, errlen);
  if (!hs->h) {
    free(hs);
    return NULL;
  }
  hs->base.ops = &html_ops;
  return &hs->base;
}
