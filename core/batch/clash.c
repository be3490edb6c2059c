/* clash.c - outputs that would overwrite an input or each other (clash.h). */
#include "clash.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/base.h"
#include "paths.h"

typedef struct {
  const ir_output *o;
  int exists;
  struct stat st;
  char *canon; /* malloc'd canonical name, or NULL when none can be made */
} out_info;

/* realpath of the file, else of its directory plus its name. */
static char *canonical(const char *path) {
  char *r = realpath(path, NULL);
  if (r)
    return r;
  const char *slash = strrchr(path, '/');
  char *dir = slash ? strndup(path, (size_t)(slash - path) + (slash == path))
                    : strdup(".");
  char *rd = dir ? realpath(dir, NULL) : NULL;
  free(dir);
  if (!rd)
    return NULL;
  const char *base = slash ? slash + 1 : path;
  size_t n = strlen(rd) + strlen(base) + 2;
  char *c = malloc(n);
  if (c)
    snprintf(c, n, "%s/%s", strcmp(rd, "/") == 0 ? "" : rd, base);
  free(rd);
  return c;
}

static int same_file(const out_info *a, const struct stat *st) {
  return a->exists && a->st.st_dev == st->st_dev && a->st.st_ino == st->st_ino;
}

/* 1 when the output lies under directory dir and a walk would take it. */
static int inside(const out_info *a, const char *dir, const char *glob) {
  if (!a->canon)
    return 0;
  char *rd = realpath(dir, NULL);
  if (!rd)
    return 0;
  size_t n = strlen(rd);
  int under = strcmp(rd, "/") == 0 ||
              (strncmp(a->canon, rd, n) == 0 && a->canon[n] == '/');
  free(rd);
  if (!under)
    return 0;
  const char *base = strrchr(a->canon, '/');
  base = base ? base + 1 : a->canon;
  return base[0] != '.' && ir_paths_glob_match(glob, base);
}

/* 0, or -1 with err set when input path clashes with an output. */
static int check_input(const out_info *v, size_t n, const char *path,
                       const char *glob, const char *how, const char *via,
                       char *err, size_t errlen) {
  struct stat st;
  if (strcmp(path, "-") == 0 || ir_stat_long(path, &st) != 0)
    return 0;
  for (size_t i = 0; i < n; i++) {
    if (same_file(&v[i], &st) ||
        (S_ISDIR(st.st_mode) && inside(&v[i], path, glob))) {
      snprintf(err, errlen,
               "%s %s would overwrite %s %s%s; name another output file",
               v[i].o->option, v[i].o->path, how, path, via);
      return -1;
    }
  }
  return 0;
}

/* The paths a regular --files-from list names. */
static int check_list(const out_info *v, size_t n, const char *list,
                      const char *glob, char *err, size_t errlen) {
  struct stat st;
  if (strcmp(list, "-") == 0 || ir_stat_long(list, &st) != 0 ||
      !S_ISREG(st.st_mode))
    return 0;
  FILE *f = fopen(list, "r");
  if (!f)
    return 0; /* reported as a failed input by the batch */
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  int rc = 0;
  while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      line[--len] = 0;
    if (len > 0)
      rc = check_input(v, n, line, glob, "the input",
                       " (listed in --files-from)", err, errlen);
  }
  free(line);
  fclose(f);
  return rc;
}

int ir_outputs_clash(const ir_batch_opts *o, const ir_output *outs, size_t n,
                     char *err, size_t errlen) {
  out_info *v = calloc(n ? n : 1, sizeof *v);
  if (!v) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  const char *glob = o->glob && *o->glob ? o->glob : IR_DEFAULT_GLOB;
  int rc = 0;
  for (size_t i = 0; i < n; i++) {
    v[i].o = &outs[i];
    v[i].exists = ir_stat_long(outs[i].path, &v[i].st) == 0;
    v[i].canon = canonical(outs[i].path);
  }
  for (size_t i = 0; i < n && rc == 0; i++)
    for (size_t j = i + 1; j < n && rc == 0; j++)
      if (same_file(&v[i], &v[j].st) ||
          (v[i].canon && v[j].canon && strcmp(v[i].canon, v[j].canon) == 0) ||
          strcmp(outs[i].path, outs[j].path) == 0) {
        snprintf(err, errlen, "%s and %s name the same file %s", outs[i].option,
                 outs[j].option, outs[i].path);
        rc = -1;
      }
  for (size_t k = 0; k < o->npaths && rc == 0; k++)
    rc = check_input(v, n, o->paths[k], glob, "the input", "", err, errlen);
  if (rc == 0 && o->files_from) {
    rc = check_input(v, n, o->files_from, glob, "the --files-from list", "",
                     err, errlen);
    if (rc == 0)
      rc = check_list(v, n, o->files_from, glob, err, errlen);
  }
  for (size_t i = 0; i < n; i++)
    free(v[i].canon);
  free(v);
  return rc;
}
