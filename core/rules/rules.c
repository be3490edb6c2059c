/* rules.c - loading packs and rule scripts and running them on a letter
 * (rules.h).
 *
 * Each directory of the search path is a pack when it holds pack.lua;
 * otherwise each of its sub-directories holding pack.lua is one, and its own
 * *.lua files are loose rules (of no pack). A pack's checks are its *.lua
 * files other than pack.lua (pack_load.c reads that one); lib/NAME.lua files of
 * a search directory are shared libraries (include(), lua_env.c), read
 * before any rule. Lexicons (*.lex)
 * are never read here. Loading runs each rule once in a throw-away sandbox
 * to check its shape; each worker context then holds one sandbox per rule
 * (lua_sandbox.c). Conversion of the record to Lua tables
 * (lazy read-only views, lua_readonly.c) and validation of returned findings
 * live in lua_convert.c. */
#include "rules.h"

#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/base.h"
#include "lua_convert.h"
#include "lua_sandbox.h"
#include "pack_load.h"

#define MAX_RULE_FILE (1u << 20)
#define MAX_ERROR_MSG 1000

typedef struct {
  char *file, *src, *id, *title, *guideline, *description, *version;
  size_t srclen;
  char **applies; /* NULL: every item */
  size_t napplies;
  char **kinds; /* NULL: not declared */
  size_t nkinds;
  int has_verdict;     /* a `verdict(item, id)` function */
  const ir_pack *pack; /* the pack it is a check of; NULL: a loose rule */
} ir_rule;

struct ir_ruleset {
  ir_rule *v;
  size_t n, cap;
  ir_pack **packs;
  size_t npacks;
  ir_packset ps; /* the packs, in load order (ps.v is packs) */
  char **dirs;   /* the search path */
  size_t ndirs;
  ir_lua_lib *libs; /* the shared check libraries (DIR/lib/NAME.lua) */
  size_t nlibs;
  ir_lua_libs libset; /* what each sandbox's include() finds */
  ir_rules_opts opt;
};

struct ir_rules_ctx {
  const ir_ruleset *rs;
  ir_lua_box **box;
};

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

static char *read_file(const char *path, size_t *len, char *err,
                       size_t errlen) {
  return ir_slurp(path, MAX_RULE_FILE, "rule file", len, err, errlen);
}

static int line_of(const char *src, const char *word) {
  return ir_src_line_of(src, word);
}

/* ---- checking the shape of a rule table --------------------------------- */

static const char *const known_fields[] = {
    "id",    "check",   "title",  "guideline", "description", "applies_to",
    "kinds", "version", "author", "verdict",   NULL};

typedef struct {
  const char *file, *src;
  char *err;
  size_t errlen;
} shape_ctx;

static int shape_fail(shape_ctx *s, const char *field, const char *fmt,
                      const char *a) {
  char msg[300];
  snprintf(msg, sizeof msg, fmt, a);
  snprintf(s->err, s->errlen, "%s:%d: %s", s->file, line_of(s->src, field),
           msg);
  return -1;
}

/* Checks the list at index t holds only non-empty strings. */
static int string_list(lua_State *L, int t, size_t *n) {
  if (lua_type(L, t) != LUA_TTABLE)
    return 0;
  size_t m = lua_rawlen(L, t), count = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    int ok = lua_type(L, -1) == LUA_TSTRING && lua_rawlen(L, -1) > 0;
    lua_pop(L, 1);
    if (!ok)
      return lua_pop(L, 1), 0;
    count++;
  }
  *n = m;
  return count == m;
}

static int check_shape(lua_State *L, int t, shape_ctx *s) {
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING)
      return lua_pop(L, 1), shape_fail(s, "return", "%s",
                                       "rule table keys must be field names");
    const char *k = lua_tostring(L, -1);
    int i = 0;
    while (known_fields[i] && strcmp(known_fields[i], k) != 0)
      i++;
    if (!known_fields[i] && strcmp(k, "criteria") == 0) {
      shape_fail(s, k, "%s",
                 "field 'criteria' belongs in the pack's pack.lua (one home "
                 "for the criteria; the rule reads them as PACK.criteria)");
      lua_pop(L, 1);
      return -1;
    }
    if (!known_fields[i]) {
      shape_fail(s, k,
                 "unknown field '%s' (fields: id, check, title, guideline, "
                 "description, applies_to, kinds, version, author, "
                 "verdict)",
                 k);
      lua_pop(L, 1);
      return -1;
    }
  }
  lua_getfield(L, t, "id");
  size_t idlen = 0;
  const char *id =
      lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &idlen) : NULL;
  if (!id || idlen == 0 || idlen > 64)
    return shape_fail(s, "id", "%s",
                      "the rule needs a string 'id' (1 to 64 characters)");
  for (const char *p = id; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
      return shape_fail(s, "id",
                        "rule id '%s' may hold only letters, digits, "
                        "'-', '_' and '.'",
                        id);
  lua_pop(L, 1);
  lua_getfield(L, t, "check");
  if (lua_type(L, -1) != LUA_TFUNCTION)
    return shape_fail(s, "check", "the rule needs a function 'check' (got %s)",
                      luaL_typename(L, -1));
  lua_pop(L, 1);
  int vt = lua_getfield(L, t, "verdict");
  lua_pop(L, 1);
  if (vt != LUA_TNIL && vt != LUA_TFUNCTION)
    return shape_fail(s, "verdict", "field 'verdict' must be a function (%s)",
                      "verdict(item, criterion) -> met|unmet|unknown|"
                      "contradicted");
  static const char *const strs[] = {"title",   "guideline", "description",
                                     "version", "author",    NULL};
  for (int i = 0; strs[i]; i++) {
    int ty = lua_getfield(L, t, strs[i]);
    lua_pop(L, 1);
    if (ty != LUA_TNIL && ty != LUA_TSTRING)
      return shape_fail(s, strs[i], "field '%s' must be a string", strs[i]);
  }
  static const char *const lists[] = {"applies_to", "kinds", NULL};
  for (int i = 0; lists[i]; i++) {
    size_t n;
    int ty = lua_getfield(L, t, lists[i]);
    int ok = ty == LUA_TNIL || string_list(L, lua_gettop(L), &n);
    lua_pop(L, 1);
    if (!ok)
      return shape_fail(s, lists[i], "field '%s' must be a list of strings",
                        lists[i]);
  }
  return 0;
}

/* ---- copying the metadata out -------------------------------------------- */

static char *dup_field(lua_State *L, int t, const char *k) {
  lua_getfield(L, t, k);
  const char *v = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  char *r = v ? strdup(v) : NULL;
  lua_pop(L, 1);
  return r;
}

static char **dup_list(lua_State *L, int t, const char *k, size_t *n) {
  *n = 0;
  if (lua_getfield(L, t, k) != LUA_TTABLE)
    return lua_pop(L, 1), NULL;
  size_t m = lua_rawlen(L, -1);
  char **v = calloc(m + 1, sizeof *v);
  for (size_t i = 0; v && i < m; i++) {
    lua_rawgeti(L, -1, (lua_Integer)i + 1);
    v[i] = strdup(lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  *n = v ? m : 0;
  return v;
}

static void free_list(char **v, size_t n) {
  for (size_t i = 0; v && i < n; i++)
    free(v[i]);
  free(v);
}

static void free_rule(ir_rule *r) {
  free(r->file);
  free(r->src);
  free(r->id);
  free(r->title);
  free(r->guideline);
  free(r->description);
  free(r->version);
  free_list(r->applies, r->napplies);
  free_list(r->kinds, r->nkinds);
}

/* Loads one file into r: runs it in a sandbox and checks its shape. */
static int load_rule(ir_rule *r, const ir_rules_opts *opt,
                     const ir_lua_libs *libs, char *err, size_t errlen) {
  r->src = read_file(r->file, &r->srclen, err, errlen);
  if (!r->src)
    return -1;
  ir_lua_box *b = ir_lua_box_open(r->file, r->src, r->srclen, NULL, r->pack,
                                  libs, opt->memory, opt->steps, err, errlen);
  if (!b)
    return -1;
  lua_State *L = b->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->rule_ref);
  int t = lua_gettop(L);
  shape_ctx s = {r->file, r->src, err, errlen};
  int rc = check_shape(L, t, &s);
  if (rc == 0) {
    r->id = dup_field(L, t, "id");
    r->title = dup_field(L, t, "title");
    r->guideline = dup_field(L, t, "guideline");
    r->description = dup_field(L, t, "description");
    r->version = dup_field(L, t, "version");
    r->applies = dup_list(L, t, "applies_to", &r->napplies);
    r->kinds = dup_list(L, t, "kinds", &r->nkinds);
    r->has_verdict = lua_getfield(L, t, "verdict") == LUA_TFUNCTION;
    lua_pop(L, 1);
    if (!r->id) {
      snprintf(err, errlen, "out of memory");
      rc = -1;
    }
  }
  ir_lua_box_free(b);
  return rc;
}

void ir_rules_free(ir_ruleset *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->n; i++)
    free_rule(&r->v[i]);
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
  free_list(r->dirs, r->ndirs);
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
    lib->src = read_file(file, &lib->srclen, err, errlen);
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
    if (load_rule(r, &rs->opt, &rs->libset, err, errlen) != 0) {
      failed = 1;
      continue;
    }
    for (size_t j = 0; !failed && j + 1 < rs->n; j++)
      if (strcmp(rs->v[j].id, r->id) == 0) {
        snprintf(err, errlen, "%s:%d: duplicate rule id '%s' (also in %s)",
                 r->file, line_of(r->src, "id"), r->id, rs->v[j].file);
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

/* ---- worker contexts ------------------------------------------------------
 */

void ir_rules_ctx_free(ir_rules_ctx *c) {
  if (!c)
    return;
  for (size_t i = 0; c->box && i < c->rs->n; i++)
    ir_lua_box_free(c->box[i]);
  free(c->box);
  free(c);
}

ir_rules_ctx *ir_rules_ctx_new(const ir_ruleset *r, char *err, size_t errlen) {
  ir_rules_ctx *c = calloc(1, sizeof *c);
  if (c) {
    c->rs = r;
    c->box = calloc(r->n ? r->n : 1, sizeof *c->box);
  }
  if (!c || !c->box) {
    snprintf(err, errlen, "out of memory");
    free(c);
    return NULL;
  }
  for (size_t i = 0; i < r->n; i++) {
    const ir_rule *ru = &r->v[i];
    c->box[i] =
        ir_lua_box_open(ru->file, ru->src, ru->srclen, ru->id, ru->pack,
                        &r->libset, r->opt.memory, r->opt.steps, err, errlen);
    if (!c->box[i]) {
      ir_rules_ctx_free(c);
      return NULL;
    }
  }
  return c;
}

/* ---- running ---------------------------------------------------------------
 */

/* Is the item's pack p (the same pack, maybe loaded by another ruleset)? */
static int same_pack(const ir_pack *a, const ir_pack *b) {
  return a == b || (a && b && strcmp(a->id, b->id) == 0);
}

/* A rule with applies_to checks the items of those categories; else a
 * check of a pack with criteria checks the items of its pack, and a check
 * of a pack without criteria (outcome) or a loose rule every item. */
static int applies(const ir_rule *r, const ir_item *it) {
  if (!r->applies)
    return !r->pack || r->pack->ncrit == 0 || same_pack(r->pack, it->pack);
  const char *cat = it->category ? it->category : "other";
  for (size_t i = 0; i < r->napplies; i++)
    if (strcmp(r->applies[i], cat) == 0 || strcmp(r->applies[i], "*") == 0)
      return 1;
  return 0;
}

static void add_error(ir_arena *a, ir_letter *l, const ir_rule *r, int item,
                      const char *msg) {
  ir_rule_error e;
  e.rule = ir_arena_strdup(a, r->id);
  e.file = ir_arena_strdup(a, r->file);
  e.item = item;
  e.message = ir_arena_strndup(a, msg ? msg : "unknown error",
                               strnlen(msg ? msg : "", MAX_ERROR_MSG));
  ir_vec_push(a, &l->rule_errors, e);
}

/* Records the message on top of the stack as a rule error. After a limit or
 * memory error (which can leave the state unusable) the rule gets a fresh
 * state and 1 is returned; after a plain Lua error the state and the
 * read-only letter tables stay valid and are kept (0). */
static int fail(ir_arena *a, ir_letter *l, const ir_rule *r, ir_lua_box *b,
                int item, const char *prefix, ir_box_status st) {
  const char *m = lua_tostring(b->L, -1);
  char buf[MAX_ERROR_MSG + 100];
  snprintf(buf, sizeof buf, "%s%s", prefix, m ? m : "unknown error");
  add_error(a, l, r, item, buf);
  if (st == IR_BOX_ERROR) {
    lua_pop(b->L, 1);
    return 0;
  }
  char err[512];
  if (ir_lua_box_reopen(b, err, sizeof err) != 0)
    add_error(a, l, r, item, err);
  return 1;
}

typedef struct {
  ir_rules_ctx *c;
  size_t rule;
  ir_arena *a;
  ir_letter *l;
  int fresh; /* the rule's state was reset for this letter */
  int built; /* letter table at stack 1, items at 2 */
  int skip;  /* the letter could not be converted: rule skipped */
  int debug;
  const unsigned char *want; /* items the rule applies to (NULL: all) */
  const char *rule_id;       /* the rule id in the arena (findings' rule) */
} run_state;

/* The rule's verdict(item, id) on each criterion of the item's pack (the
 * rule's own), into the item's facts. 1 after a rule error (recorded),
 * else 0; the stack is left at the letter tables. */
static int run_verdicts(run_state *s, ir_item *it, size_t idx) {
  const ir_rule *r = &s->c->rs->v[s->rule];
  ir_lua_box *b = s->c->box[s->rule];
  lua_State *L = b->L;
  if (!r->pack || !same_pack(r->pack, it->pack))
    return 0;
  for (size_t c = 0; c < it->nfacts && c < it->pack->ncrit; c++) {
    const char *id = it->pack->crit[c].id;
    lua_rawgeti(L, LUA_REGISTRYINDEX, b->rule_ref);
    lua_getfield(L, -1, "verdict");
    lua_remove(L, -2);
    lua_rawgeti(L, 2, (lua_Integer)idx + 1);
    lua_pushstring(L, id);
    ir_box_status st = ir_lua_box_call(b, 2, 1, s->debug);
    if (st != IR_BOX_OK) {
      if (fail(s->a, s->l, r, b, it->index, "verdict: ", st))
        s->built = 0;
      return 1;
    }
    const char *v = lua_tostring(L, -1);
    int k = v ? ir_verdict_from_name(v) : -1;
    if (k < 0) {
      lua_pushfstring(L,
                      "verdict returned %s for %s, not met, unmet, "
                      "unknown or contradicted",
                      v ? v : luaL_typename(L, -1), id);
      fail(s->a, s->l, r, b, it->index, "", IR_BOX_ERROR);
      lua_settop(L, 2);
      return 1;
    }
    it->facts[c].verdict = (ir_verdict)k;
    lua_settop(L, 2);
  }
  return 0;
}

static int run_item(run_state *s, ir_item *it, size_t idx) {
  const ir_rule *r = &s->c->rs->v[s->rule];
  ir_lua_box *b = s->c->box[s->rule];
  if (!b->L) {
    char err[512];
    if (ir_lua_box_reopen(b, err, sizeof err) != 0) {
      add_error(s->a, s->l, r, it->index, err);
      return 1;
    }
  }
  lua_State *L = b->L;
  if (!s->fresh) { /* nothing a rule keeps survives into the next letter */
    lua_settop(L, 0);
    ir_box_status st = ir_lua_box_fresh(b);
    if (st != IR_BOX_OK) {
      s->skip = 1;
      fail(s->a, s->l, r, b, it->index,
           "while starting the rule for this letter (skipped): ", st);
      return 1;
    }
    s->fresh = 1;
  }
  if (!s->built) {
    lua_settop(L, 0);
    ir_lua_letter_arg arg = {s->l, s->want};
    ir_box_status st = ir_lua_box_cpcall(b, ir_lua_push_letter, &arg, 0, 2);
    if (st != IR_BOX_OK) {
      char pre[200];
      snprintf(pre, sizeof pre,
               "while converting the letter (%zu items; the rule is skipped "
               "for this letter): ",
               s->l->items.n);
      s->skip = 1; /* retrying per item would only fail again, n times */
      fail(s->a, s->l, r, b, it->index, pre,
           st == IR_BOX_ERROR ? IR_BOX_MEMORY : st);
      return 1;
    }
    s->built = 1;
  }
  lua_settop(L, 2);
  if (s->c->rs->opt.verdicts && r->has_verdict && run_verdicts(s, it, idx))
    return 1;
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->check_ref);
  lua_rawgeti(L, 2, (lua_Integer)idx + 1);
  lua_pushvalue(L, 1);
  ir_box_status st = ir_lua_box_call(b, 2, 1, s->debug);
  if (st != IR_BOX_OK) {
    if (fail(s->a, s->l, r, b, it->index, "", st))
      s->built = 0;
    return 1;
  }
  int ty = lua_type(L, -1);
  if (ty == LUA_TNIL || (ty == LUA_TTABLE && lua_rawlen(L, -1) == 0))
    return 0; /* no findings: what ir_lua_read_findings would conclude */
  ir_lua_readback rb;
  memset(&rb, 0, sizeof rb);
  rb.a = s->a;
  rb.l = s->l;
  rb.item = it;
  if (!s->rule_id)
    s->rule_id = ir_arena_strdup(s->a, r->id);
  rb.rule = s->rule_id;
  rb.file = r->file;
  rb.kinds = (const char *const *)r->kinds;
  rb.nkinds = r->nkinds;
  st = ir_lua_box_cpcall(b, ir_lua_read_findings, &rb, 1, 0);
  if (st != IR_BOX_OK) {
    if (fail(s->a, s->l, r, b, it->index, "", st))
      s->built = 0;
    return 1;
  }
  for (size_t i = 0; i < rb.out.n; i++)
    ir_vec_push(s->a, &it->findings, rb.out.v[i]);
  return 0;
}

int ir_rules_run(ir_rules_ctx *c, ir_arena *a, ir_letter *l) {
  if (!c || !l || !l->ok)
    return 0;
  int errors = 0;
  unsigned char *want = l->items.n ? malloc(l->items.n) : NULL;
  for (size_t ri = 0; ri < c->rs->n; ri++) {
    const ir_rule *r = &c->rs->v[ri];
    run_state s = {c, ri, a, l, 0, 0, 0, c->rs->opt.debug, NULL, NULL};
    if (want && (r->applies || (r->pack && r->pack->ncrit))) {
      for (size_t i = 0; i < l->items.n; i++)
        want[i] = (unsigned char)applies(r, &l->items.v[i]);
      s.want = want;
    }
    for (size_t i = 0; i < l->items.n && !s.skip; i++)
      if (s.want ? s.want[i] : applies(r, &l->items.v[i]))
        errors += run_item(&s, &l->items.v[i], i);
    ir_lua_box *b = c->box[ri];
    ir_lua_box_set_letter(b, NULL); /* its lazy tables now refuse to build */
    if (b->L)
      lua_settop(b->L, 0);
  }
  free(want);
  return errors;
}
