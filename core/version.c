/* version.c - `imraudit --version` (see version.h). */
#include "version.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

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

int ir_print_version(FILE *out, const char *rules_dir,
                     const ir_rules_opts *opt) {
  fprintf(out, "imraudit %s\nrules directory: %s\n", IR_VERSION, rules_dir);
  char err[1024] = "";
  ir_ruleset *r = ir_rules_load(rules_dir, opt, err, sizeof err);
  if (!r) {
    fprintf(stderr, "imraudit: %s\n", err);
    return 2;
  }
  for (size_t i = 0; i < ir_rules_count(r); i++) {
    const char *v = ir_rules_version(r, i), *t = ir_rules_title(r, i);
    fprintf(out, "rule pack: %s %s (%s)%s%s\n", ir_rules_id(r, i),
            v ? v : "(no version)", base(ir_rules_file(r, i)), t ? ": " : "",
            t ? t : "");
  }
  ir_rules_free(r);
  fputs("lexicons:", out);
  size_t dl = strlen(rules_dir) + sizeof "/lexicon";
  char *lexdir = malloc(dl);
  size_t nlex = list_lex(out, rules_dir, "");
  if (lexdir) {
    snprintf(lexdir, dl, "%s/lexicon", rules_dir);
    nlex += list_lex(out, lexdir, "lexicon/");
    free(lexdir);
  }
  fputs(nlex ? "\n" : " none\n", out);
  ir_specialty_map *m = ir_specialty_load(rules_dir, err, sizeof err);
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
