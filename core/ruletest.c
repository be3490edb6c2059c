/* ruletest.c - rule tests: test letters with expected findings beside them
 * (see ruletest.h and rules/README.md). */
#include "ruletest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "audit.h"
#include "base/base.h"

#define MAX_LINE 512

typedef struct {
  char **v;
  size_t n, cap;
} strvec;

static void sv_push(strvec *s, const char *x) {
  if (s->n == s->cap) {
    size_t nc = s->cap ? s->cap * 2 : 16;
    char **nv = realloc(s->v, nc * sizeof *nv);
    if (!nv)
      ir_exit_nomem();
    s->v = nv;
    s->cap = nc;
  }
  s->v[s->n] = strdup(x);
  if (!s->v[s->n])
    ir_exit_nomem();
  s->n++;
}

static void sv_free(strvec *s) {
  for (size_t i = 0; i < s->n; i++)
    free(s->v[i]);
  free(s->v);
  memset(s, 0, sizeof *s);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sv_sort(strvec *s) {
  if (s->n)
    qsort(s->v, s->n, sizeof *s->v, cmp_str);
}

static int is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Sorted names in dir ending in suffix (or subdirectories when suffix is
 * NULL), skipping dot files. */
static void list_dir(const char *dir, const char *suffix, strvec *out) {
  ir_dirlist l;
  if (ir_dirlist_read(dir, &l) != 0)
    return;
  char path[4096];
  for (size_t i = 0; i < l.n; i++) {
    const char *name = l.names[i];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (suffix) {
      size_t n = strlen(name), m = strlen(suffix);
      if (n > m && strcmp(name + n - m, suffix) == 0 && !is_dir(path))
        sv_push(out, name);
    } else if (is_dir(path)) {
      sv_push(out, name);
    }
  }
  ir_dirlist_free(&l);
}

/* "ITEM KIND CRITERION" normalized to single spaces, CRITERION "-" for none.
 * Returns 0 for a blank/comment/"none" line, 1 for a finding, -1 if bad. */
static int parse_expect(const char *line, char *out, size_t outlen) {
  char a[MAX_LINE], b[MAX_LINE], c[MAX_LINE], extra[2];
  const char *p = line;
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '#' || *p == '\n' || *p == '\r' || *p == 0)
    return 0;
  int n = sscanf(p, "%511s %511s %511s %1s", a, b, c, extra);
  if (n == 1 && strcmp(a, "none") == 0)
    return 0;
  if (n < 2 || n > 3 || a[strspn(a, "0123456789")] != 0)
    return -1;
  if (n == 2 || strcmp(c, "null") == 0)
    strcpy(c, "-");
  snprintf(out, outlen, "%d %s %s", atoi(a), b, c);
  return 1;
}

static int read_expect(const char *path, strvec *out, char *err,
                       size_t errlen) {
  FILE *f = fopen(path, "r");
  if (!f) {
    snprintf(err, errlen, "%s: missing (expected findings file)", path);
    return -1;
  }
  char line[MAX_LINE], norm[MAX_LINE * 3 + 8];
  int ln = 0, rc = 0;
  while (fgets(line, sizeof line, f)) {
    ln++;
    int r = parse_expect(line, norm, sizeof norm);
    if (r < 0) {
      snprintf(err, errlen, "%s:%d: expected 'ITEM KIND CRITERION' (or 'none')",
               path, ln);
      rc = -1;
      break;
    }
    if (r > 0)
      sv_push(out, norm);
  }
  fclose(f);
  sv_sort(out);
  return rc;
}

static int contains(const strvec *s, const char *x);

static void actual_findings(const ir_letter *l, const strvec *rules,
                            strvec *out) {
  char line[MAX_LINE * 2];
  for (size_t i = 0; i < l->items.n; i++) {
    const ir_item *it = &l->items.v[i];
    for (size_t k = 0; k < it->findings.n; k++) {
      const ir_finding *f = &it->findings.v[k];
      if (!contains(rules, f->rule))
        continue;
      snprintf(line, sizeof line, "%d %s %s", it->index, f->kind,
               f->criterion ? f->criterion : "-");
      sv_push(out, line);
    }
  }
  sv_sort(out);
}

/* The message of the finding behind an "ITEM KIND CRITERION" line. */
static const char *message_of(const ir_letter *l, const strvec *rules,
                              const char *key) {
  char line[MAX_LINE * 2];
  for (size_t i = 0; i < l->items.n; i++)
    for (size_t k = 0; k < l->items.v[i].findings.n; k++) {
      const ir_finding *f = &l->items.v[i].findings.v[k];
      snprintf(line, sizeof line, "%d %s %s", l->items.v[i].index, f->kind,
               f->criterion ? f->criterion : "-");
      if (contains(rules, f->rule) && strcmp(line, key) == 0)
        return f->message;
    }
  return "";
}

static int contains(const strvec *s, const char *x) {
  for (size_t i = 0; i < s->n; i++)
    if (strcmp(s->v[i], x) == 0)
      return 1;
  return 0;
}

typedef struct {
  ir_worker *w;
  int verbose;
  int passed, failed;
  strvec kinds_seen; /* "rule kind" per expected finding letter */
} runner;

/* Runs one test letter dir/name, comparing the findings of the rules
 * (ids) with NAME.expect; group names them in messages and coverage (the
 * pack id, or a loose rule's id). Returns 1 when it passed. */
static int run_letter(runner *r, const char *dir, const char *name,
                      const char *group, const strvec *rules) {
  const char *rule = group;
  char txt[4096], exp[4096], err[4400];
  snprintf(txt, sizeof txt, "%s/%s", dir, name);
  snprintf(exp, sizeof exp, "%.*s.expect", (int)(strlen(txt) - 4), txt);
  strvec want = {0}, got = {0};
  int ok = 1;
  if (read_expect(exp, &want, err, sizeof err) != 0) {
    printf("FAIL %s\n  %s\n", txt, err);
    sv_free(&want);
    return 0;
  }
  ir_letter l;
  ir_audit_path(r->w, txt, &l);
  if (!l.ok) {
    printf("FAIL %s\n  not audited: %s\n", txt, l.error ? l.error : "?");
    ok = 0;
  }
  for (size_t i = 0; i < l.rule_errors.n; i++) {
    if (ok)
      printf("FAIL %s\n", txt);
    ok = 0;
    printf("  rule error (%s, item %d): %s\n", l.rule_errors.v[i].rule,
           l.rule_errors.v[i].item, l.rule_errors.v[i].message);
  }
  actual_findings(&l, rules, &got);
  int same = want.n == got.n;
  for (size_t i = 0; same && i < want.n; i++)
    same = strcmp(want.v[i], got.v[i]) == 0;
  if (!same) {
    if (ok)
      printf("FAIL %s\n", txt);
    ok = 0;
    printf("  --- expected (%s)\n  +++ actual (%s)\n", exp, rule);
    for (size_t i = 0; i < want.n; i++)
      if (!contains(&got, want.v[i]))
        printf("  - %s\n", want.v[i]);
    for (size_t i = 0; i < got.n; i++)
      if (!contains(&want, got.v[i]))
        printf("  + %s    (%s)\n", got.v[i], message_of(&l, rules, got.v[i]));
  } else if (r->verbose && ok) {
    printf("ok   %s (%zu finding%s)\n", txt, got.n, got.n == 1 ? "" : "s");
  }
  strvec seen = {0}; /* each expected kind once per letter */
  char key[MAX_LINE * 2];
  for (size_t i = 0; i < want.n; i++) {
    const char *kind = strchr(want.v[i], ' ') + 1;
    snprintf(key, sizeof key, "%s %.*s", rule, (int)strcspn(kind, " "), kind);
    if (!contains(&seen, key)) {
      sv_push(&seen, key);
      sv_push(&r->kinds_seen, key);
    }
  }
  sv_free(&seen);
  sv_free(&want);
  sv_free(&got);
  return ok;
}

static int count_key(const strvec *s, const char *key) {
  int n = 0;
  for (size_t i = 0; i < s->n; i++)
    n += strcmp(s->v[i], key) == 0;
  return n;
}

/* Notes kinds declared by a rule with fewer than 3 positive test letters
 * (of its group: its pack's tests, or its own). */
static void coverage(runner *r, const ir_ruleset *rs, size_t i,
                     const char *group, int letters) {
  size_t nk;
  const char *const *kinds = ir_rules_kinds(rs, i, &nk);
  char key[MAX_LINE];
  for (size_t k = 0; k < nk; k++) {
    snprintf(key, sizeof key, "%s %s", group, kinds[k]);
    int pos = count_key(&r->kinds_seen, key);
    if (r->verbose || pos < 3)
      printf("%s: kind %s: %d flagged letter%s, %d not flagged%s\n",
             ir_rules_id(rs, i), kinds[k], pos, pos == 1 ? "" : "s",
             letters - pos, pos < 3 ? " (fewer than 3)" : "");
  }
}

static int usage(void) {
  fprintf(stderr, "usage: imraudit test [--rule ID] [-v] [RULES_DIR...]\n");
  return IR_EXIT_FAILED;
}

/* Runs the letters in tdir for group (a pack id or a loose rule id), the
 * findings of rules; notes coverage of each. */
static void run_group(runner *r, const ir_ruleset *rs, const char *tdir,
                      const char *group, const strvec *rules) {
  strvec letters = {0};
  list_dir(tdir, ".txt", &letters);
  for (size_t k = 0; k < letters.n; k++) {
    if (run_letter(r, tdir, letters.v[k], group, rules))
      r->passed++;
    else
      r->failed++;
  }
  for (size_t i = 0; i < ir_rules_count(rs); i++)
    if (contains(rules, ir_rules_id(rs, i)))
      coverage(r, rs, i, group, (int)letters.n);
  sv_free(&letters);
}

int ir_ruletest_main(int argc, char **argv) {
  runner r;
  memset(&r, 0, sizeof r);
  const char *only = NULL;
  const char **dirs = calloc((size_t)argc + 1, sizeof *dirs);
  size_t ndirs = 0;
  if (!dirs)
    ir_exit_nomem();
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0 || strcmp(argv[i], "--verbose") == 0)
      r.verbose = 1;
    else if (strcmp(argv[i], "--rule") == 0 && i + 1 < argc)
      only = argv[++i];
    else if (argv[i][0] == '-')
      return free(dirs), usage();
    else
      dirs[ndirs++] = argv[i];
  }
  char buf[4096];
  if (ndirs == 0)
    ndirs = ir_default_rules_path(dirs, (size_t)argc + 1, buf, sizeof buf);
  ir_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.rules_dirs = dirs;
  cfg.nrules_dirs = ndirs;
  cfg.rules.steps = IR_DEFAULT_RULE_STEPS;
  cfg.rules.memory = IR_DEFAULT_RULE_MEMORY;
  char err[1024];
  ir_engine *e = ir_engine_new(&cfg, err, sizeof err);
  r.w = e ? ir_worker_new(e, err, sizeof err) : NULL;
  if (!r.w) {
    fprintf(stderr, "imraudit: %s\n", err);
    ir_engine_free(e);
    free(dirs);
    return IR_EXIT_FAILED;
  }
  const ir_ruleset *rs = ir_engine_rules(e);
  const ir_packset *ps = ir_rules_packs(rs);
  strvec tested = {0}; /* rule ids that have tests */
  int found_only = 0;
  for (size_t p = 0; p < ps->n; p++) {
    const ir_pack *pk = ps->v[p];
    strvec rules = {0};
    int match = !only || strcmp(only, pk->id) == 0;
    for (size_t i = 0; i < ir_rules_count(rs); i++)
      if (ir_rules_pack(rs, i) == pk &&
          (match || strcmp(only, ir_rules_id(rs, i)) == 0))
        sv_push(&rules, ir_rules_id(rs, i));
    char tdir[4200];
    snprintf(tdir, sizeof tdir, "%s/tests", pk->dir);
    if (rules.n && is_dir(tdir)) {
      found_only = 1;
      run_group(&r, rs, tdir, pk->id, &rules);
      for (size_t i = 0; i < rules.n; i++)
        sv_push(&tested, rules.v[i]);
    }
    sv_free(&rules);
  }
  /* loose rules: DIR/tests/<rule-id>/ of each search directory */
  for (size_t d = 0; d < ndirs; d++) {
    char tdir[4200];
    snprintf(tdir, sizeof tdir, "%s/tests", dirs[d]);
    strvec sub = {0};
    list_dir(tdir, NULL, &sub);
    for (size_t k = 0; k < sub.n; k++) {
      if (only && strcmp(only, sub.v[k]) != 0)
        continue;
      size_t ri = 0;
      while (ri < ir_rules_count(rs) &&
             (ir_rules_pack(rs, ri) || strcmp(ir_rules_id(rs, ri), sub.v[k])))
        ri++;
      if (ri == ir_rules_count(rs)) {
        printf("note: %s/%s/: no loose rule with id %s (skipped)\n", tdir,
               sub.v[k], sub.v[k]);
        continue;
      }
      char gdir[8400];
      snprintf(gdir, sizeof gdir, "%s/%s", tdir, sub.v[k]);
      strvec one = {0};
      sv_push(&one, sub.v[k]);
      found_only = 1;
      run_group(&r, rs, gdir, sub.v[k], &one);
      sv_push(&tested, sub.v[k]);
      sv_free(&one);
    }
    sv_free(&sub);
  }
  for (size_t i = 0; i < ir_rules_count(rs); i++) {
    const char *id = ir_rules_id(rs, i);
    const ir_pack *pk = ir_rules_pack(rs, i);
    if ((!only || strcmp(only, id) == 0 || (pk && !strcmp(only, pk->id))) &&
        !contains(&tested, id))
      printf("note: rule %s (%s) has no tests (%s/tests/)\n", id,
             ir_rules_file(rs, i), pk ? pk->dir : "RULES_DIR");
  }
  if (only && !found_only) {
    printf("FAIL no tests for %s\n", only);
    r.failed++;
  }
  sv_free(&tested);
  sv_free(&r.kinds_seen);
  ir_worker_free(r.w);
  ir_engine_free(e);
  free(dirs);
  printf("%d passed, %d failed\n", r.passed, r.failed);
  return r.failed ? IR_EXIT_FLAGGED : IR_EXIT_OK;
}
