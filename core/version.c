/* version.c - `imraudit --version` (see version.h). */
#include "version.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "letter/letter.h"

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.lex names in dir, sorted, after prefix; how many. */
static size_t list_lex(FILE *out, const char *dir, const char *prefix) {
  DIR *d = opendir(dir);
  if (!d)
    return 0;
  char *names[256];
  size_t n = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL && n < 256) {
    size_t l = strlen(de->d_name);
    if (l > 4 && de->d_name[0] != '.' &&
        strcmp(de->d_name + l - 4, ".lex") == 0 &&
        (names[n] = strdup(de->d_name)) != NULL)
      n++;
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_str);
  for (size_t i = 0; i < n; i++) {
    fprintf(out, " %s%s", prefix, names[i]);
    free(names[i]);
  }
  return n;
}

static const char *base(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

/* "guideline, p. pages" of p (or what it has). */
static void guideline_of(const ir_pack *p, char *buf, size_t n) {
  snprintf(buf, n, "%s%s%s", p->guideline ? p->guideline : "(no guideline)",
           p->pages ? ", p. " : "", p->pages ? p->pages : "");
}

static void categories_of(const ir_pack *p, char *buf, size_t n) {
  size_t w = 0;
  buf[0] = 0;
  for (size_t i = 0; i < p->ncategories && w < n; i++)
    w += (size_t)snprintf(buf + w, n - w, "%s%s", i ? "," : "",
                          p->categories[i]);
}

int ir_print_version(FILE *out, const char *const *dirs, size_t ndirs,
                     const ir_rules_opts *opt) {
  fprintf(out, "imraudit %s\n", IR_VERSION);
  for (size_t i = 0; i < ndirs; i++)
    fprintf(out, "rules directory: %s\n", dirs[i]);
  char err[1024] = "";
  ir_ruleset *r = ir_rules_load_path(dirs, ndirs, opt, err, sizeof err);
  if (!r) {
    fprintf(stderr, "imraudit: %s\n", err);
    return 2;
  }
  const ir_packset *ps = ir_rules_packs(r);
  for (size_t i = 0; i < ps->n; i++) {
    char g[600], c[600];
    guideline_of(ps->v[i], g, sizeof g);
    categories_of(ps->v[i], c, sizeof c);
    fprintf(out, "pack: %s %s (%s): %s [%s] %zu criteria\n", ps->v[i]->id,
            ps->v[i]->version ? ps->v[i]->version : "(no version)",
            ps->v[i]->dir, g, c, ps->v[i]->ncrit);
  }
  for (size_t i = 0; i < ir_rules_count(r); i++) {
    const char *v = ir_rules_version(r, i), *t = ir_rules_title(r, i);
    const ir_pack *p = ir_rules_pack(r, i);
    fprintf(out, "rule: %s %s (%s%s%s)%s%s\n", ir_rules_id(r, i),
            v ? v : "(no version)", p ? base(p->dir) : "", p ? "/" : "",
            base(ir_rules_file(r, i)), t ? ": " : "", t ? t : "");
  }
  ir_rules_free(r);
  fputs("lexicons:", out);
  size_t nlex = 0;
  for (size_t d = 0; d < ndirs; d++) {
    const char *rules_dir = dirs[d];
    size_t dl = strlen(rules_dir) + sizeof "/lexicon";
    char *lexdir = malloc(dl);
    char *pre = malloc(dl + 1);
    if (lexdir && pre) {
      snprintf(pre, dl + 1, "%s%s", ndirs > 1 ? rules_dir : "",
               ndirs > 1 ? "/" : "");
      nlex += list_lex(out, rules_dir, pre);
      snprintf(lexdir, dl, "%s/lexicon", rules_dir);
      snprintf(pre, dl + 1, "%s%slexicon/", ndirs > 1 ? rules_dir : "",
               ndirs > 1 ? "/" : "");
      nlex += list_lex(out, lexdir, pre);
    }
    free(lexdir);
    free(pre);
  }
  fputs(nlex ? "\n" : " none\n", out);
  const char *sdir = dirs[0];
  for (size_t d = 0; d < ndirs; d++) {
    char path[4200];
    snprintf(path, sizeof path, "%s/specialties.map", dirs[d]);
    FILE *f = fopen(path, "r");
    if (f) {
      fclose(f);
      sdir = dirs[d];
      break;
    }
  }
  ir_specialty_map *m = ir_specialty_load(sdir, err, sizeof err);
  if (!m) {
    fprintf(stderr, "imraudit: %s\n", err);
    return 2;
  }
  if (ir_specialty_path(m))
    fprintf(out, "specialty groups: %s (%zu groups)\n",
            base(ir_specialty_path(m)), ir_specialty_ngroups(m));
  else
    fputs("specialty groups: none (no specialties.map)\n", out);
  ir_specialty_free(m);
  return 0;
}

int ir_print_packs_main(int argc, char **argv) {
  const char **dirs = calloc((size_t)argc + 1, sizeof *dirs);
  size_t ndirs = 0;
  if (!dirs)
    return 3;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
      dirs[ndirs++] = argv[++i];
    else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "usage: imraudit packs [RULES_DIR...]\n");
      free(dirs);
      return 2;
    } else
      dirs[ndirs++] = argv[i];
  }
  static char buf[16384];
  if (ndirs == 0)
    ndirs = ir_default_rules_path(dirs, (size_t)argc + 1, buf, sizeof buf);
  char err[1024] = "";
  ir_rules_opts opt;
  memset(&opt, 0, sizeof opt);
  ir_ruleset *r = ir_rules_load_path(dirs, ndirs, &opt, err, sizeof err);
  free(dirs);
  if (!r) {
    fprintf(stderr, "imraudit: %s\n", err);
    return 2;
  }
  const ir_packset *ps = ir_rules_packs(r);
  for (size_t i = 0; i < ps->n; i++) {
    char g[600], c[600];
    guideline_of(ps->v[i], g, sizeof g);
    categories_of(ps->v[i], c, sizeof c);
    printf("%s\t%s\t%s\t%s\t%zu\t%s\n", ps->v[i]->id,
           ps->v[i]->version ? ps->v[i]->version : "-", g, c, ps->v[i]->ncrit,
           ps->v[i]->dir);
  }
  int st = ps->n ? 0 : 1;
  ir_rules_free(r);
  if (fflush(stdout) != 0)
    return 2;
  return st;
}
