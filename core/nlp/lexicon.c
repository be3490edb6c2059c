/* lexicon.c - parse *.lex files into per-section PCRE2 alternations.
 * See lexicon.h for the file format. Each entry becomes a regex fragment;
 * fragments are checked one by one at load time (so an error names its
 * line), then each section is compiled once as (?|(?:f1)|(?:f2)|...) and
 * each fragment alone with JIT (lexicon_prefilter.c picks the fragments
 * worth matching per sentence). Longer fragments come first so the
 * longest phrase wins at a given position. */
#include "lexicon_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

#define IR_LEX_NAME(e, s) s,
static const char *const lex_names[] = {IR_LEX_SECTIONS(IR_LEX_NAME)};
#undef IR_LEX_NAME

const char *ir_lex_name(int id) {
  return id >= 0 && id < IR_LEX_COUNT ? lex_names[id] : "unknown";
}

int ir_lex_from_name(const char *s, size_t n) {
  for (int i = 0; i < IR_LEX_COUNT; i++)
    if (strlen(lex_names[i]) == n && strncmp(s, lex_names[i], n) == 0)
      return i;
  return -1;
}

ir_lexicon *ir_lexicon_new(void) {
  ir_lexicon *lx = calloc(1, sizeof(ir_lexicon));
  if (lx)
    lx->nsec = IR_LEX_COUNT;
  return lx;
}

ir_lexicon *ir_lexicon_new_open(ir_lexicon *shared) {
  ir_lexicon *lx = calloc(1, sizeof(ir_lexicon));
  if (lx) {
    lx->open = 1;
    lx->shared = shared;
  }
  return lx;
}

int ir_lexicon_nsections(const ir_lexicon *lx) { return lx->nsec; }

const char *ir_lexicon_section_name(const ir_lexicon *lx, int id) {
  if (!lx->open)
    return ir_lex_name(id);
  return id >= 0 && id < lx->nsec ? lx->names[id] : "unknown";
}

int ir_lexicon_section_id(const ir_lexicon *lx, const char *s, size_t n) {
  if (!lx->open)
    return ir_lex_from_name(s, n);
  for (int i = 0; i < lx->nsec; i++)
    if (strlen(lx->names[i]) == n && strncmp(s, lx->names[i], n) == 0)
      return i;
  return -1;
}

/* An open lexicon's section named s[0, n), made when new; -1 when full. */
static int open_section(ir_lexicon *lx, const char *s, size_t n) {
  int id = ir_lexicon_section_id(lx, s, n);
  if (id >= 0 || lx->nsec >= IR_LEX_MAX)
    return id;
  char *name = malloc(n + 1);
  if (!name)
    return -1;
  memcpy(name, s, n);
  name[n] = 0;
  lx->names[lx->nsec] = name;
  return lx->nsec++;
}

void ir_lexicon_free(ir_lexicon *lx) {
  if (!lx)
    return;
  for (int i = 0; i < lx->nsec; i++) {
    free(lx->names[i]);
    for (size_t k = 0; k < lx->sec[i].n; k++) {
      free(lx->sec[i].v[k].re);
      pcre2_code_free(lx->sec[i].v[k].code);
    }
    free(lx->sec[i].v);
    pcre2_code_free(lx->sec[i].code);
  }
  ir_lex_prefilter_free(lx);
  free(lx);
}

/* --- growable string ------------------------------------------------- */
typedef struct {
  char *p;
  size_t n, cap;
  int oom;
} sbuf;

static void sb_putn(sbuf *b, const char *s, size_t n) {
  if (b->oom)
    return;
  if (b->n + n + 1 > b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 64;
    while (nc < b->n + n + 1)
      nc *= 2;
    char *q = realloc(b->p, nc);
    if (!q) {
      b->oom = 1;
      return;
    }
    b->p = q;
    b->cap = nc;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}
static void sb_puts(sbuf *b, const char *s) { sb_putn(b, s, strlen(s)); }

static int is_word(unsigned char c) { return isalnum(c) || c == '_'; }

/* Literal phrase -> regex fragment. */
static char *literal_to_re(const char *s, size_t n) {
  sbuf b = {0};
  size_t i = 0;
  if (n && is_word((unsigned char)s[0]))
    sb_puts(&b, "\\b");
  int last_word = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t') {
      while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
      sb_puts(&b, "\\s+");
      last_word = 0;
      continue;
    }
    if (c == '*' && (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t')) {
      sb_puts(&b, "\\w*");
      last_word = 2; /* already open-ended */
      i++;
      continue;
    }
    if (c == '-') {
      sb_puts(&b, "[-\\s]?");
      last_word = 0;
      i++;
      continue;
    }
    if (strchr("\\^$.|?*+()[]{}/#", c)) {
      char e[3] = {'\\', (char)c, 0};
      sb_puts(&b, e);
    } else {
      sb_putn(&b, (const char *)&s[i], 1);
    }
    last_word = is_word(c);
    i++;
  }
  if (last_word == 1)
    sb_puts(&b, "\\b");
  return b.oom ? (free(b.p), NULL) : b.p;
}

static int add_term(lex_section *s, char *re, size_t order) {
  if (s->n == s->cap) {
    size_t nc = s->cap ? s->cap * 2 : 16;
    lex_term *v = realloc(s->v, nc * sizeof *v);
    if (!v)
      return -1;
    s->v = v;
    s->cap = nc;
  }
  s->v[s->n].re = re;
  s->v[s->n].order = order;
  s->v[s->n].code = NULL;
  s->n++;
  return 0;
}

/* Compiles one fragment alone: a syntax error or an empty match is
 * reported against its line. */
static int check_fragment(const char *re, char *msg, size_t msglen) {
  int ec;
  PCRE2_SIZE eo;
  pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
                                PCRE2_CASELESS, &ec, &eo, NULL);
  if (!c) {
    PCRE2_UCHAR buf[160];
    pcre2_get_error_message(ec, buf, sizeof buf);
    snprintf(msg, msglen, "bad regex: %s at offset %zu", (char *)buf,
             (size_t)eo);
    return -1;
  }
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(c, NULL);
  int rc = md ? pcre2_match(c, (PCRE2_SPTR) "", 0, 0, 0, md, NULL) : -1;
  int rc2 = md ? pcre2_match(c, (PCRE2_SPTR) "a b", 3, 0, 0, md, NULL) : -1;
  int empty = rc2 >= 0 && pcre2_get_ovector_pointer(md)[0] ==
                              pcre2_get_ovector_pointer(md)[1];
  pcre2_match_data_free(md);
  pcre2_code_free(c);
  if (rc >= 0 || empty) {
    snprintf(msg, msglen, "regex matches the empty string");
    return -1;
  }
  return 0;
}

static int parse_line(ir_lexicon *lx, int *cur, const char *s, size_t n,
                      char *msg, size_t msglen) {
  while (n && isspace((unsigned char)*s))
    s++, n--;
  while (n && isspace((unsigned char)s[n - 1]))
    n--;
  if (!n || *s == '#')
    return 0;
  if (*s == '[') {
    if (s[n - 1] != ']') {
      snprintf(msg, msglen, "section header without ']'");
      return -1;
    }
    int shared = lx->open && lx->shared ? ir_lex_from_name(s + 1, n - 2) : -1;
    if (shared >= 0) { /* a pack extends a shared section */
      *cur = -2 - shared;
      return 0;
    }
    int id = lx->open ? open_section(lx, s + 1, n - 2)
                      : ir_lex_from_name(s + 1, n - 2);
    if (id < 0) {
      snprintf(msg, msglen,
               lx->open ? "too many sections at [%.*s]"
                        : "unknown section [%.*s]",
               (int)(n - 2), s + 1);
      return -1;
    }
    *cur = id;
    return 0;
  }
  if (*cur == -1) {
    snprintf(msg, msglen, "entry before any [section]");
    return -1;
  }
  char *re;
  if (*s == '/') {
    if (n < 2 || s[n - 1] != '/') {
      snprintf(msg, msglen, "unterminated regex (missing closing '/')");
      return -1;
    }
    if (n == 2) {
      snprintf(msg, msglen, "empty regex");
      return -1;
    }
    re = strndup(s + 1, n - 2);
  } else {
    re = literal_to_re(s, n);
  }
  if (!re) {
    snprintf(msg, msglen, "out of memory");
    return -1;
  }
  ir_lexicon *to = *cur < -1 ? lx->shared : lx;
  int sec = *cur < -1 ? -2 - *cur : *cur;
  if (check_fragment(re, msg, msglen) != 0 ||
      add_term(&to->sec[sec], re, to->nterms++) != 0) {
    free(re);
    return -1;
  }
  return 0;
}

int ir_lexicon_add(ir_lexicon *lx, const char *name, const char *text,
                   size_t len, char *err, size_t errlen) {
  int cur = -1, line = 0;
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && text[j] != '\n')
      j++;
    line++;
    char msg[256];
    if (memchr(text + i, 0, j - i)) {
      snprintf(err, errlen, "%s:%d: NUL byte in lexicon", name, line);
      return -1;
    }
    if (parse_line(lx, &cur, text + i, j - i, msg, sizeof msg) != 0) {
      snprintf(err, errlen, "%s:%d: %s", name, line, msg);
      return -1;
    }
    i = j + 1;
  }
  return 0;
}

static int add_file(ir_lexicon *lx, const char *path, char *err,
                    size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "%s: cannot open lexicon", path);
    return -1;
  }
  sbuf b = {0};
  char chunk[4096];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
    sb_putn(&b, chunk, k);
  int bad = ferror(f) || b.oom;
  fclose(f);
  if (bad) {
    free(b.p);
    snprintf(err, errlen, "%s: cannot read lexicon", path);
    return -1;
  }
  int rc = ir_lexicon_add(lx, path, b.p ? b.p : "", b.n, err, errlen);
  free(b.p);
  return rc;
}

/* Adds the *.lex files of one directory (none when it cannot be read);
 * returns how many, or -1. */
static int add_dir_files(ir_lexicon *lx, const char *dir, char *err,
                         size_t errlen) {
  ir_dirlist l;
  if (ir_dirlist_read(dir, &l) != 0) {
    if (errno != ENOMEM)
      return 0;
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  int rc = 0, n = 0;
  for (size_t i = 0; i < l.n; i++) {
    const char *name = l.names[i];
    size_t len = strlen(name);
    if (len < 5 || strcmp(name + len - 4, ".lex") != 0)
      continue;
    n++;
    if (rc != 0)
      continue;
    size_t pl = strlen(dir) + len + 2;
    char *p = malloc(pl);
    if (!p) {
      rc = -1;
      snprintf(err, errlen, "out of memory");
    } else {
      snprintf(p, pl, "%s/%s", dir, name);
      if (add_file(lx, p, err, errlen) != 0)
        rc = -1;
      free(p);
    }
  }
  ir_dirlist_free(&l);
  return rc < 0 ? -1 : n;
}

int ir_lexicon_add_files(ir_lexicon *lx, const char *dir, char *err,
                         size_t errlen) {
  return add_dir_files(lx, dir, err, errlen);
}

int ir_lexicon_add_dir(ir_lexicon *lx, const char *dir, char *err,
                       size_t errlen) {
  int a = add_dir_files(lx, dir, err, errlen);
  if (a < 0)
    return -1;
  size_t pl = strlen(dir) + 16;
  char *sub = malloc(pl);
  if (!sub) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  snprintf(sub, pl, "%s/lexicon", dir);
  int b = add_dir_files(lx, sub, err, errlen);
  free(sub);
  if (b < 0)
    return -1;
  if (a + b == 0) {
    snprintf(err, errlen, "%s/lexicon: no *.lex lexicon files found", dir);
    return -1;
  }
  return 0;
}

static int cmp_term(const void *a, const void *b) {
  const lex_term *x = a, *y = b;
  size_t lx = strlen(x->re), ly = strlen(y->re);
  if (lx != ly)
    return lx > ly ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

int ir_lexicon_compile(ir_lexicon *lx, char *err, size_t errlen) {
  for (int i = 0; i < lx->nsec; i++) {
    lex_section *s = &lx->sec[i];
    pcre2_code_free(s->code);
    s->code = NULL;
    if (!s->n)
      continue;
    qsort(s->v, s->n, sizeof *s->v, cmp_term);
    sbuf b = {0};
    sb_puts(&b, "(?|");
    for (size_t k = 0; k < s->n; k++) {
      sb_puts(&b, k ? "|(?:" : "(?:");
      sb_puts(&b, s->v[k].re);
      sb_puts(&b, ")");
    }
    sb_puts(&b, ")");
    if (b.oom) {
      free(b.p);
      snprintf(err, errlen, "out of memory");
      return -1;
    }
    int ec;
    PCRE2_SIZE eo;
    s->code =
        pcre2_compile((PCRE2_SPTR)b.p, b.n, PCRE2_CASELESS, &ec, &eo, NULL);
    free(b.p);
    if (!s->code) {
      PCRE2_UCHAR m[160];
      pcre2_get_error_message(ec, m, sizeof m);
      snprintf(err, errlen, "lexicon section [%s]: %s",
               ir_lexicon_section_name(lx, i), (char *)m);
      return -1;
    }
    for (size_t k = 0; k < s->n; k++) {
      pcre2_code_free(s->v[k].code);
      /* (the offset limit lets a search stop where the prefilter knows
       * no match can start) */
      s->v[k].code = pcre2_compile(
          (PCRE2_SPTR)s->v[k].re, PCRE2_ZERO_TERMINATED,
          PCRE2_CASELESS | PCRE2_USE_OFFSET_LIMIT, &ec, &eo, NULL);
      if (s->v[k].code)
        pcre2_jit_compile(s->v[k].code, PCRE2_JIT_COMPLETE);
    }
  }
  ir_lex_build_prefilter(lx);
  for (int i = 0; i < lx->nsec; i++) /* matched as one pattern */
    if (lx->sec[i].code && lx->sec[i].whole)
      pcre2_jit_compile(lx->sec[i].code, PCRE2_JIT_COMPLETE);
  return 0;
}

const pcre2_code *ir_lexicon_code(const ir_lexicon *lx, int id) {
  return id >= 0 && id < lx->nsec ? lx->sec[id].code : NULL;
}

size_t ir_lexicon_terms(const ir_lexicon *lx, int id) {
  return id >= 0 && id < lx->nsec ? lx->sec[id].n : 0;
}
