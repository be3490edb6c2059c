/* paths.c - streaming enumeration of batch inputs (see paths.h). */
#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/base.h"

typedef struct {
  char *dir;       /* directory path (no trailing slash unless root) */
  ir_dirlist list; /* its entries, sorted */
  size_t i;        /* next index */
  dev_t dev;
  ino_t ino;
} frame;

struct ir_paths {
  const char *const *args;
  size_t nargs, argi;
  const char *files_from;
  FILE *list; /* open --files-from list */
  int list_done;
  char list_err[160]; /* why the list could not be read */
  const char *glob;
  frame *stack;
  size_t depth, cap;
  char *line;
  size_t linecap;
  long total;
};

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    ir_exit_nomem();
  return q;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xrealloc(NULL, n), s, n);
}

static char *join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  int slash = a > 0 && dir[a - 1] != '/';
  char *s = xrealloc(NULL, a + slash + b + 1);
  memcpy(s, dir, a);
  if (slash)
    s[a] = '/';
  memcpy(s + a + slash, name, b + 1);
  return s;
}

int ir_paths_glob_match(const char *glob, const char *name) {
  char pat[256];
  for (const char *g = glob; *g;) {
    const char *c = strchr(g, ',');
    size_t n = c ? (size_t)(c - g) : strlen(g);
    if (n < sizeof pat) {
      memcpy(pat, g, n);
      pat[n] = 0;
      if (n && fnmatch(pat, name, 0) == 0)
        return 1;
    }
    g += n + (c ? 1 : 0);
  }
  return 0;
}

static int is_dir_path(const char *path, struct stat *st) {
  return strcmp(path, "-") != 0 && ir_stat_long(path, st) == 0 &&
         S_ISDIR(st->st_mode);
}

ir_paths *ir_paths_new(const char *const *paths, size_t npaths,
                       const char *files_from, const char *glob) {
  ir_paths *p = xrealloc(NULL, sizeof *p);
  memset(p, 0, sizeof *p);
  p->args = paths;
  p->nargs = npaths;
  p->files_from = files_from;
  p->glob = glob && *glob ? glob : IR_DEFAULT_GLOB;
  p->total = files_from ? -1 : (long)npaths;
  for (size_t i = 0; i < npaths && p->total >= 0; i++) {
    struct stat st;
    if (is_dir_path(paths[i], &st))
      p->total = -1;
  }
  return p;
}

long ir_paths_total(const ir_paths *p) { return p->total; }

static void pop(ir_paths *p) {
  frame *f = &p->stack[--p->depth];
  ir_dirlist_free(&f->list);
  free(f->dir);
}

/* Opens and reads a directory into a new frame; errno-based message on
 * failure. */
static const char *push(ir_paths *p, const char *dir, const struct stat *st) {
  for (size_t i = 0; i < p->depth; i++)
    if (p->stack[i].dev == st->st_dev && p->stack[i].ino == st->st_ino)
      return "directory loop";
  frame f = {NULL, {0}, 0, st->st_dev, st->st_ino};
  if (ir_dirlist_read(dir, &f.list) != 0) {
    if (errno == ENOMEM)
      ir_exit_nomem();
    return strerror(errno);
  }
  f.dir = xstrdup(dir);
  if (p->depth == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 8;
    p->stack = xrealloc(p->stack, p->cap * sizeof *p->stack);
  }
  p->stack[p->depth++] = f;
  return NULL;
}

/* The list cannot be read: it is reported as a failed input named after
 * the list itself, and ends. */
static char *list_failed(ir_paths *p, const char *why, const char **err) {
  snprintf(p->list_err, sizeof p->list_err,
           "cannot read the --files-from "
           "list: %s",
           why);
  if (p->list && p->list != stdin)
    fclose(p->list);
  p->list = NULL;
  p->list_done = 1;
  *err = p->list_err;
  return xstrdup(p->files_from);
}

/* Next top-level input (argument or list line), malloc'd, with *err set
 * when it must be reported failed; NULL at end. A list that cannot be
 * opened or read (a directory, an I/O error) is a failed input, never a
 * silent end. */
static char *next_top(ir_paths *p, const char **err) {
  if (p->argi < p->nargs)
    return xstrdup(p->args[p->argi++]);
  if (!p->files_from || p->list_done)
    return NULL;
  if (!p->list) {
    int is_stdin = strcmp(p->files_from, "-") == 0;
    struct stat st;
    if (!is_stdin && ir_stat_long(p->files_from, &st) == 0 &&
        S_ISDIR(st.st_mode))
      return list_failed(p, "is a directory", err);
    p->list = is_stdin ? stdin : fopen(p->files_from, "r");
    if (!p->list)
      return list_failed(p, strerror(errno), err);
  }
  ssize_t n;
  errno = 0;
  while ((n = getline(&p->line, &p->linecap, p->list)) >= 0) {
    while (n > 0 && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
      p->line[--n] = 0;
    if (n > 0)
      return xstrdup(p->line);
    errno = 0;
  }
  if (ferror(p->list))
    return list_failed(p, strerror(errno ? errno : EIO), err);
  if (p->list != stdin)
    fclose(p->list);
  p->list = NULL;
  p->list_done = 1;
  return NULL;
}

int ir_paths_next(ir_paths *p, char **path, const char **err) {
  *err = NULL;
  for (;;) {
    if (p->depth) {
      frame *f = &p->stack[p->depth - 1];
      if (f->i == f->list.n) {
        pop(p);
        continue;
      }
      unsigned char type = ir_dirlist_type(&f->list, f->i);
      const char *name = f->list.names[f->i++];
      char *full = join(f->dir, name);
      struct stat st;
      /* a regular file (d_type) needs no stat; links and unknowns do */
      if (type != DT_REG && ir_stat_long(full, &st) == 0 &&
          S_ISDIR(st.st_mode)) {
        const char *e = push(p, full, &st);
        if (!e) {
          free(full);
          continue;
        }
        *path = full;
        *err = e;
        return 1;
      }
      if (ir_paths_glob_match(p->glob, name)) {
        *path = full;
        return 1;
      }
      free(full);
      continue;
    }
    char *top = next_top(p, err);
    if (!top)
      return 0;
    struct stat st;
    if (!*err && is_dir_path(top, &st)) {
      const char *e = push(p, top, &st);
      if (!e) {
        free(top);
        continue;
      }
      *err = e;
    }
    *path = top;
    return 1;
  }
}

void ir_paths_free(ir_paths *p) {
  if (!p)
    return;
  while (p->depth)
    pop(p);
  free(p->stack);
  if (p->list && p->list != stdin)
    fclose(p->list);
  free(p->line);
  free(p);
}
