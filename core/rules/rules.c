/* rules.c - loading the packs and rule scripts of a search path (rules.h);
 * running them is rules_run.c.
 *
 * Each directory of the search path is a pack when it holds pack.lua;
 * otherwise each of its sub-directories holding pack.lua is one, and its own
 * *.lua files are loose rules (of no pack). A pack's checks are its *.lua
 * files other than pack.lua (pack_load.c reads that one); lib/NAME.lua files
 * of a search directory are shared libraries (include(), lua_env.c), read
 * before any rule. Lexicons (*.lex) are never read here. Loading runs each
 * rule once in a throw-away sandbox to check its shape (rule_script.c); each
 * worker context then holds one sandbox per rule (rules_run.c,
 * lua_sandbox.c). Conversion of the record to Lua tables (lazy read-only
 * views, lua_readonly.c) and validation of returned findings live in
 * lua_convert.c, lua_facts.c and lua_findings.c. */
#include "rules.h"

#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/base.h"
#include "lua_sandbox.h"
#include "pack_load.h"
#include "rule_script.h"
#include "rules_int.h"

/* ---- reading the directory ---------------------------------------------- */

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n > m && strcmp(s + n - m, suf) == 0;
}

/* Sorted malloc'd paths "dir/name.lua" of regular files; -1 on error. */
static int list_rules(const char *dir, char ***out, size_t *nout, char *err,
                      size_t errlen) {
  ir_dirlist l;
  if (ir_dirlist_read(dir, &l) != 0) {
    snprintf(err, errlen, "%s: cannot open the rules directory: %s", dir,
             strerror(errno));
    return -1;
  }
  char **v = malloc((l.n ? l.n : 1) * sizeof *v);
  if (!v) {
    ir_dirlist_free(&l);
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  size_t n = 0;
  for (size_t i = 0; i < l.n; i++) {
    if (!ends_with(l.names[i], ".lua") || strcmp(l.names[i], "pack.lua") == 0)
      continue;
    size_t len = strlen(dir) + strlen(l.names[i]) + 2;
    char *p = malloc(len);
    if (p)
      snprintf(p, len, "%s/%s", dir, l.names[i]);
    struct stat st;
    if (!p || stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
      free(p);
      continue;
    }
    v[n++] = p;
  }
  ir_dirlist_free(&l);
  *out = v;
  *nout = n;
  return 0;
}

void ir_rules_free(ir_ruleset *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->n; i++)
    ir_rule_free(&r->v[i]);
  free(r->v);
  for (size_t i = 0; i < r->npacks; i++)
    ir_pack_free(r->packs[i]);
  free(r->packs);
  for (size_t i = 0; i < r->nlibs; i++) {
    free((char *)r->libs[i].name);
    free((char *)r->libs[i].file);
    free((char *)r->libs[i].src);
  }
  free(r->libs);
  ir_rule_free_list(r->dirs, r->ndirs);
  free(r);
}

static void *grow(void *v, size_t n, size_t size) {
  void *p = realloc(v, (n + 1) * size);
  if (!p)
    ir_exit_nomem();
  return p;
}

/* ---- shared check libraries ---------------------------------------------- */

/* "file:line: message" of a library's syntax error, or 0 when it compiles
 * (as text: a binary chunk is an error, as for rules). Parsed in a plain
 * state: nothing runs. */
static int lib_syntax(const ir_lua_lib *lib, char *err, size_t errlen) {
  lua_State *L = luaL_newstate();
  if (!L)
    ir_exit_nomem();
  lua_pushfstring(L, "@%s", lib->file);
  int st = luaL_loadbufferx(L, lib->src, lib->srclen, lua_tostring(L, -1), "t");
  if (st != LUA_OK) {
    const char *m = lua_tostring(L, -1);
    size_t fl = strlen(lib->file);
    if (m && strncmp(m, lib->file, fl) == 0 && m[fl] == ':')
      snprintf(err, errlen, "%s", m);
    else
      snprintf(err, errlen, "%s:1: %s", lib->file, m ? m : "cannot load");
  }
  lua_close(L);
  return st == LUA_OK ? 0 : -1;
}

/* Reads the libraries DIR/lib/NAME.lua of one search directory (none when
 * there is no lib/ folder); a NAME another directory's lib/ has already is
 * an error naming both files. */
static int add_libs(ir_ruleset *rs, const char *dir, char *err, size_t errlen) {
  size_t dl = strlen(dir) + sizeof "/lib";
  char *libdir = malloc(dl);
  if (!libdir)
    ir_exit_nomem();
  snprintf(libdir, dl, "%s/lib", dir);
  struct stat st;
  ir_dirlist l;
  if (stat(libdir, &st) != 0 || !S_ISDIR(st.st_mode))
    return free(libdir), 0;
  if (ir_dirlist_read(libdir, &l) != 0) {
    snprintf(err, errlen, "%s: cannot open the library directory: %s", libdir,
             strerror(errno));
    return free(libdir), -1;
  }
  int rc = 0;
  for (size_t i = 0; rc == 0 && i < l.n; i++) {
    if (!ends_with(l.names[i], ".lua"))
      continue;
    size_t len = strlen(libdir) + strlen(l.names[i]) + 2;
    char *file = malloc(len);
    char *name = strndup(l.names[i], strlen(l.names[i]) - 4);
    if (!file || !name)
      ir_exit_nomem();
    snprintf(file, len, "%s/%s", libdir, l.names[i]);
    if (stat(file, &st) != 0 || !S_ISREG(st.st_mode)) {
      free(file);
      free(name);
      continue;
    }
    rs->libs = grow(rs->libs, rs->nlibs, sizeof *rs->libs);
    ir_lua_lib *lib = &rs->libs[rs->nlibs++];
    memset(lib, 0, sizeof *lib);
    lib->name = name;
    lib->file = file;
    lib->src = ir_rule_read_file(file, &lib->srclen, err, errlen);
    if (!lib->src) {
      rc = -1;
      break;
    }
    for (size_t j = 0; j + 1 < rs->nlibs; j++)
      if (strcmp(rs->libs[j].name, name) == 0) {
        snprintf(err, errlen,
                 "%s:1: duplicate library '%s' (also in %s): rename one, "
                 "include() finds a library by its name",
                 file, name, rs->libs[j].file);
        rc = -1;
      }
    if (rc == 0)
      rc = lib_syntax(lib, err, errlen);
  }
  ir_dirlist_free(&l);
  free(libdir);
  return rc;
}

/* Loads the rules at paths (taking them) as checks of pack p (NULL: loose
 * rules); rule ids are unique across the whole set. */
static int add_rules(ir_ruleset *rs, char **paths, size_t n, const ir_pack *p,
                     char *err, size_t errlen) {
  int failed = 0;
  for (size_t i = 0; i < n; i++) {
    if (failed) {
      free(paths[i]);
      continue;
    }
    if (rs->n == rs->cap) {
      rs->cap = rs->cap ? rs->cap * 2 : 8;
      rs->v = grow(rs->v, rs->cap, sizeof *rs->v);
    }
    ir_rule *r = &rs->v[rs->n++];
    memset(r, 0, sizeof *r);
    r->file = paths[i];
    r->pack = p;
    if (ir_rule_load(r, &rs->opt, &rs->libset, err, errlen) != 0) {
      failed = 1;
      continue;
    }
    for (size_t j = 0; !failed && j + 1 < rs->n; j++)
      if (strcmp(rs->v[j].id, r->id) == 0) {
        snprintf(err, errlen, "%s:%d: duplicate rule id '%s' (also in %s)",
                 r->file, ir_src_line_of(r->src, "id"), r->id, rs->v[j].file);
        failed = 1;
      }
  }
  free(paths);
  return failed ? -1 : 0;
}

/* Loads the pack in dir and its checks. */
static int add_pack(ir_ruleset *rs, const char *dir, char *err, size_t errlen) {
  ir_pack *p = ir_pack_load(dir, err, errlen);
  if (!p)
    return -1;
  for (size_t i = 0; i < rs->npacks; i++)
    if (strcmp(rs->packs[i]->id, p->id) == 0) {
      snprintf(err, errlen,
               "%s/pack.lua:%d: duplicate pack id '%s' (also in "
               "%s/pack.lua)",
               dir, ir_pack_id_line(p), p->id, rs->packs[i]->dir);
      ir_pack_free(p);
      return -1;
    }
  p->index = (int)rs->npacks;
  rs->packs = grow(rs->packs, rs->npacks, sizeof *rs->packs);
  rs->packs[rs->npacks++] = p;
  rs->ps.v = (const ir_pack *const *)rs->packs;
  rs->ps.n = rs->npacks;
  char **paths = NULL;
  size_t n = 0;
  if (list_rules(dir, &paths, &n, err, errlen) != 0)
    return -1;
  return add_rules(rs, paths, n, p, err, errlen);
}

/* One directory of the search path: a pack itself, or packs in its
 * sub-directories and loose rules. */
static int add_dir(ir_ruleset *rs, const char *dir, char *err, size_t errlen) {
  if (ir_pack_dir_is_pack(dir))
    return add_pack(rs, dir, err, errlen);
  ir_dirlist l;
  if (ir_dirlist_read(dir, &l) != 0) {
    snprintf(err, errlen, "%s: cannot open the rules directory: %s", dir,
             strerror(errno));
    return -1;
  }
  int rc = 0;
  for (size_t i = 0; rc == 0 && i < l.n; i++) {
    size_t len = strlen(dir) + strlen(l.names[i]) + 2;
    char *sub = malloc(len);
    if (!sub)
      ir_exit_nomem();
    snprintf(sub, len, "%s/%s", dir, l.names[i]);
    struct stat st;
    if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode) && ir_pack_dir_is_pack(sub))
      rc = add_pack(rs, sub, err, errlen);
    free(sub);
  }
  ir_dirlist_free(&l);
  if (rc != 0)
    return -1;
  char **paths = NULL;
  size_t n = 0;
  if (list_rules(dir, &paths, &n, err, errlen) != 0)
    return -1;
  return add_rules(rs, paths, n, NULL, err, errlen);
}

ir_ruleset *ir_rules_load_path(const char *const *dirs, size_t ndirs,
                               const ir_rules_opts *opt, char *err,
                               size_t errlen) {
  static const char *const fallback[] = {"rules"};
  if (ndirs == 0) {
    dirs = fallback;
    ndirs = 1;
  }
  ir_ruleset *rs = calloc(1, sizeof *rs);
  if (!rs)
    ir_exit_nomem();
  rs->dirs = calloc(ndirs, sizeof *rs->dirs);
  if (!rs->dirs)
    ir_exit_nomem();
  for (size_t i = 0; i < ndirs; i++)
    if (!(rs->dirs[rs->ndirs++] = strdup(dirs[i] ? dirs[i] : "rules")))
      ir_exit_nomem();
  if (opt)
    rs->opt = *opt;
  if (rs->opt.steps <= 0)
    rs->opt.steps = IR_DEFAULT_RULE_STEPS;
  if (rs->opt.memory == 0)
    rs->opt.memory = IR_DEFAULT_RULE_MEMORY;
  ir_lua_budget_set(rs->opt.memory_total ? rs->opt.memory_total
                                         : IR_RULE_MEMORY_TOTAL);
  /* every directory's libraries first: a rule may include one of another
   * directory, and its top-level code runs as it loads */
  for (size_t i = 0; i < ndirs; i++)
    if (add_libs(rs, rs->dirs[i], err, errlen) != 0) {
      ir_rules_free(rs);
      return NULL;
    }
  rs->libset = (ir_lua_libs){rs->libs, rs->nlibs, (const char *const *)rs->dirs,
                             rs->ndirs};
  for (size_t i = 0; i < ndirs; i++)
    if (add_dir(rs, rs->dirs[i], err, errlen) != 0) {
      ir_rules_free(rs);
      return NULL;
    }
  return rs;
}

ir_ruleset *ir_rules_load(const char *dir, const ir_rules_opts *opt, char *err,
                          size_t errlen) {
  const char *d = dir ? dir : "rules";
  return ir_rules_load_path(&d, 1, opt, err, errlen);
}

const ir_packset *ir_rules_packs(const ir_ruleset *r) {
  return r ? &r->ps : NULL;
}

const char *const *ir_rules_dirs(const ir_ruleset *r, size_t *n) {
  *n = r ? r->ndirs : 0;
  return r ? (const char *const *)r->dirs : NULL;
}

const ir_pack *ir_rules_pack(const ir_ruleset *r, size_t i) {
  return r && i < r->n ? r->v[i].pack : NULL;
}

size_t ir_rules_count(const ir_ruleset *r) { return r ? r->n : 0; }

const char *ir_rules_id(const ir_ruleset *r, size_t i) {
  return r && i < r->n ? r->v[i].id : NULL;
}

const char *ir_rules_file(const ir_ruleset *r, size_t i) {
  return r && i < r->n ? r->v[i].file : NULL;
}

const char *ir_rules_title(const ir_ruleset *r, size_t i) {
  return r && i < r->n ? r->v[i].title : NULL;
}

const char *ir_rules_version(const ir_ruleset *r, size_t i) {
  return r && i < r->n ? r->v[i].version : NULL;
}

const char *const *ir_rules_kinds(const ir_ruleset *r, size_t i, size_t *n) {
  *n = 0;
  if (!r || i >= r->n || !r->v[i].kinds)
    return NULL;
  *n = r->v[i].nkinds;
  return (const char *const *)r->v[i].kinds;
}
