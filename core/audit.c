/* audit.c - one letter through the pipeline (see audit.h). */
#include "audit.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "letter/letter.h"
#include "text/pdf.h"

struct ir_engine {
  ir_config cfg;
  ir_layout_tables *layout;
  ir_segmenter *segmenter;
  ir_extractor *extractor;
  ir_ruleset *rules;
  ir_specialty_map *specialties;
};

struct ir_worker {
  const ir_engine *engine;
  ir_arena arena;
  ir_extract_ctx *extract;
  ir_rules_ctx *rules;
  unsigned char *buf; /* the current letter's bytes (reused) */
  size_t cap;
};

#ifndef IR_DATADIR
#define IR_DATADIR "/usr/local/share/imraudit"
#endif

static int is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The built-in rules directory into buf (see audit.h). */
static const char *builtin_rules_dir(char *buf, size_t n) {
  char exe[PATH_MAX];
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len > 0 && n > 32) {
    exe[len] = 0;
    for (int up = 0; up < 2; up++) {
      char *slash = strrchr(exe, '/');
      if (!slash)
        break;
      *slash = 0;
      int w = snprintf(buf, n, "%.*s/rules", (int)(n - 7), exe);
      if (w > 0 && (size_t)w < n && is_dir(buf))
        return buf;
      w = snprintf(buf, n, "%.*s/share/imraudit/rules", (int)(n - 22), exe);
      if (up == 1 && w > 0 && (size_t)w < n && is_dir(buf))
        return buf;
    }
  }
  if (is_dir(IR_DATADIR "/rules"))
    return IR_DATADIR "/rules";
  return "rules";
}

size_t ir_default_rules_path(const char **dirs, size_t max, char *buf,
                             size_t buflen) {
  const char *env = getenv("IMRAUDIT_RULES");
  size_t n = 0;
  if (env && *env && strlen(env) < buflen) {
    memcpy(buf, env, strlen(env) + 1);
    for (char *p = buf; n < max;) {
      char *colon = strchr(p, ':');
      if (colon)
        *colon = 0;
      if (*p)
        dirs[n++] = p;
      if (!colon)
        break;
      p = colon + 1;
    }
    if (n)
      return n;
  }
  dirs[0] = builtin_rules_dir(buf, buflen);
  return 1;
}

/* Does dir hold shared lexicons (a *.lex file, or a lexicon/ folder)? */
static int has_lexicons(const char *dir) {
  char path[4200];
  snprintf(path, sizeof path, "%s/lexicon", dir);
  if (is_dir(path))
    return 1;
  ir_dirlist l;
  if (ir_dirlist_read(dir, &l) != 0)
    return 0;
  int found = 0;
  for (size_t i = 0; i < l.n && !found; i++) {
    size_t n = strlen(l.names[i]);
    found = n > 4 && strcmp(l.names[i] + n - 4, ".lex") == 0;
  }
  ir_dirlist_free(&l);
  return found;
}

/* The first search directory holding specialties.map, else the first. */
static const char *specialty_dir(const char *const *dirs, size_t n) {
  char path[4200];
  struct stat st;
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/specialties.map", dirs[i]);
    if (stat(path, &st) == 0)
      return dirs[i];
  }
  return dirs[0];
}

ir_engine *ir_engine_new(const ir_config *cfg, char *err, size_t errlen) {
  ir_engine *e = calloc(1, sizeof *e);
  if (!e) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  e->cfg = *cfg;
  e->layout = ir_layout_tables_new();
  if (!e->layout) {
    snprintf(err, errlen, "out of memory");
    goto fail;
  }
  e->segmenter = ir_segmenter_new(err, errlen);
  if (!e->segmenter)
    goto fail;
  const char *one = cfg->rules_dir ? cfg->rules_dir : "rules";
  const char *const *dirs = cfg->nrules_dirs ? cfg->rules_dirs : &one;
  size_t ndirs = cfg->nrules_dirs ? cfg->nrules_dirs : 1;
  /* the packs are read even with no_rules: their criteria and fact
   * specifications are what the facts stage extracts */
  e->rules = ir_rules_load_path(dirs, ndirs, &cfg->rules, err, errlen);
  if (!e->rules)
    goto fail;
  /* the shared lexicons of each search directory that has some
   * (DIR/NAME.lex, DIR/lexicon/);
   * the packs' own are the facts stage's to find in their folders */
  const char **lex = calloc(ndirs, sizeof *lex);
  size_t nlex = 0;
  if (!lex)
    ir_exit_nomem();
  for (size_t i = 0; i < ndirs; i++)
    if (has_lexicons(dirs[i]))
      lex[nlex++] = dirs[i];
  if (nlex == 0) /* the extractor names what it misses */
    lex[nlex++] = dirs[0];
  e->extractor =
      ir_extractor_load(lex, nlex, ir_rules_packs(e->rules), err, errlen);
  free(lex);
  if (!e->extractor)
    goto fail;
  e->specialties = ir_specialty_load(specialty_dir(dirs, ndirs), err, errlen);
  if (!e->specialties)
    goto fail;
  return e;
fail:
  ir_engine_free(e);
  return NULL;
}

void ir_engine_free(ir_engine *e) {
  if (!e)
    return;
  ir_extractor_free(e->extractor);
  ir_rules_free(e->rules);
  ir_segmenter_free(e->segmenter);
  ir_layout_tables_free(e->layout);
  ir_specialty_free(e->specialties);
  free(e);
}

const ir_config *ir_engine_config(const ir_engine *e) { return &e->cfg; }
const ir_ruleset *ir_engine_rules(const ir_engine *e) { return e->rules; }
const ir_specialty_map *ir_engine_specialties(const ir_engine *e) {
  return e->specialties;
}

ir_worker *ir_worker_new(const ir_engine *e, char *err, size_t errlen) {
  ir_worker *w = calloc(1, sizeof *w);
  if (!w) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  w->engine = e;
  ir_arena_init(&w->arena);
  w->extract = ir_extract_ctx_new(e->extractor);
  if (!w->extract) {
    snprintf(err, errlen, "cannot create the fact extractor's match data");
    goto fail;
  }
  if (!e->cfg.no_rules) {
    w->rules = ir_rules_ctx_new(e->rules, err, errlen);
    if (!w->rules)
      goto fail;
  }
  return w;
fail:
  ir_worker_free(w);
  return NULL;
}

void ir_worker_free(ir_worker *w) {
  if (!w)
    return;
  ir_extract_ctx_free(w->extract);
  ir_rules_ctx_free(w->rules);
  ir_arena_free(&w->arena);
  free(w->buf);
  free(w);
}

ir_arena *ir_worker_arena(ir_worker *w) { return &w->arena; }

static void start_letter(ir_worker *w, const char *path, ir_letter *out) {
  ir_arena_reset(&w->arena);
  memset(out, 0, sizeof *out);
  out->path = ir_arena_strdup(&w->arena, path);
}

static void fail_letter(ir_worker *w, ir_letter *out, const char *fmt,
                        const char *detail) {
  out->ok = 0;
  out->error = ir_arena_printf(&w->arena, fmt, detail);
}

/* Reads fd into w->buf, refusing more than max bytes. Returns the length,
 * or -1 with errno set (EFBIG when too large). */
static long long read_all(ir_worker *w, int fd, size_t max) {
  size_t n = 0;
  for (;;) {
    if (n == w->cap) {
      size_t nc = w->cap ? w->cap * 2 : 1 << 16;
      if (nc > max + 1)
        nc = max + 1;
      if (nc <= n) {
        errno = EFBIG;
        return -1;
      }
      unsigned char *p = realloc(w->buf, nc);
      if (!p) {
        errno = ENOMEM;
        return -1;
      }
      w->buf = p;
      w->cap = nc;
    }
    ssize_t r = read(fd, w->buf + n, w->cap - n);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (r == 0)
      break;
    n += (size_t)r;
    if (n > max) {
      errno = EFBIG;
      return -1;
    }
  }
  return (long long)n;
}

/* Keep the reusable buffer from pinning a huge letter's memory. */
static void trim_buffer(ir_worker *w) {
  if (w->cap > (8u << 20)) {
    free(w->buf);
    w->buf = NULL;
    w->cap = 0;
  }
}

void ir_audit_path(ir_worker *w, const char *path, ir_letter *out) {
  size_t max = w->engine->cfg.max_bytes ? w->engine->cfg.max_bytes
                                        : IR_DEFAULT_MAX_BYTES;
  trim_buffer(w);
  start_letter(w, path, out);
  int is_stdin = strcmp(path, "-") == 0;
  /* O_NONBLOCK: opening a FIFO without a writer must not hang the batch */
  int fd =
      is_stdin
          ? 0
          : ir_open_long(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    fail_letter(w, out, "%s", strerror(errno));
    return;
  }
  struct stat st;
  if (fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      fail_letter(w, out, "%s", "is a directory");
      goto done;
    }
    if (!is_stdin && !S_ISREG(st.st_mode)) {
      fail_letter(w, out, "%s", "not a regular file (device, FIFO or socket)");
      goto done;
    }
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
      out->ok = 0;
      out->error = ir_arena_printf(
          &w->arena, "file too large (%lld bytes; --max-bytes is %zu)",
          (long long)st.st_size, max);
      goto done;
    }
  }
  long long n = read_all(w, fd, max);
  if (n < 0) {
    if (errno == EFBIG)
      out->error = ir_arena_printf(
          &w->arena, "file too large (more than --max-bytes %zu bytes)", max);
    else
      out->error =
          ir_arena_printf(&w->arena, "read error: %s", strerror(errno));
    out->ok = 0;
    goto done;
  }
  if (!is_stdin)
    close(fd);
  fd = -1;
  const char *keep = out->path;
  ir_audit_buffer(w, keep, w->buf, (size_t)n, out);
  return;
done:
  if (fd > 0)
    close(fd);
}

void ir_audit_buffer(ir_worker *w, const char *path, const unsigned char *buf,
                     size_t len, ir_letter *out) {
  /* path may live in the arena already (from ir_audit_path): copy first */
  char *p = strdup(path ? path : "-");
  start_letter(w, p ? p : "-", out);
  free(p);
  ir_arena *a = &w->arena;
  if (len == 0) {
    fail_letter(w, out, "%s", "empty file");
    return;
  }
  size_t max = w->engine->cfg.max_bytes ? w->engine->cfg.max_bytes
                                        : IR_DEFAULT_MAX_BYTES;
  if (len > max) {
    out->error = ir_arena_printf(
        a, "file too large (%zu bytes; --max-bytes is %zu)", len, max);
    return;
  }
  const char *err = NULL;
  ir_pdf_doc pdf = {0};
  if (ir_pdf_is_pdf(out->path, buf, len)) {
    /* the text extracted from it (in the arena) stands for the letter */
    if (ir_pdf_read_isolated(a, buf, len, max, &pdf, &err) != 0) {
      fail_letter(w, out, "%s", err ? err : "cannot read the PDF");
      return;
    }
    buf = (const unsigned char *)pdf.text;
    len = pdf.len;
  }
  if (ir_text_normalize(w->engine->layout, a, buf, len, &out->text, &err) !=
      0) {
    fail_letter(w, out, "%s", err ? err : "cannot read the text");
    return;
  }
  out->text.pdf_lines = pdf.lines;
  out->text.npdf_lines = pdf.nlines;
  out->ok = 1;
  if (ir_segment(w->engine->segmenter, a, out) != 0) {
    out->ok = 0;
    if (!out->error)
      out->error = "no decided item found";
    return;
  }
  out->specialty_group =
      ir_specialty_group(w->engine->specialties, a, out->specialty);
  if (ir_extract(w->extract, a, out) != 0) {
    out->ok = 0;
    if (!out->error)
      out->error = "fact extraction failed";
    return;
  }
  if (w->rules)
    ir_rules_run(w->rules, a, out);
}
