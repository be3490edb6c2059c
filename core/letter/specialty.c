/* specialty.c - reviewer specialties normalized for grouping (see
 * specialty.h). */
#include "specialty.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAP_FILE "specialties.map"
#define MAX_LINE 1024
#define MAX_WORDING 512 /* bytes of a wording considered */

typedef struct {
  char *key;
  size_t group;
  int line;
} alias;

typedef struct {
  char **v;
  size_t n, cap;
} strvec;

struct ir_specialty_map {
  char *path; /* NULL: no file */
  char seps[32];
  strvec prefix, sub, groups;
  alias *alias;
  size_t nalias, acap;
};

static int push(strvec *s, char *p) {
  if (!p)
    return -1;
  if (s->n == s->cap) {
    size_t nc = s->cap ? 2 * s->cap : 8;
    char **v = realloc(s->v, nc * sizeof *v);
    if (!v) {
      free(p);
      return -1;
    }
    s->v = v;
    s->cap = nc;
  }
  s->v[s->n++] = p;
  return 0;
}

static void free_vec(strvec *s) {
  for (size_t i = 0; i < s->n; i++)
    free(s->v[i]);
  free(s->v);
}

/* Tidy words of s[0..n) into out (size >= 4n + 1): letters, digits and
 * bytes >= 0x80 kept, "&" written as the word "and", anything else a word
 * break; one space between words. Returns the length. */
static size_t tidy(const char *s, size_t n, char *out) {
  size_t o = 0;
  int gap = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '&') {
      if (o)
        out[o++] = ' ';
      memcpy(out + o, "and", 3);
      o += 3;
      gap = 1;
    } else if (isalnum(c) || c >= 0x80) {
      if (gap && o)
        out[o++] = ' ';
      gap = 0;
      out[o++] = (char)c;
    } else {
      gap = 1;
    }
  }
  out[o] = 0;
  return o;
}

static void lower(char *s) {
  for (; *s; s++)
    *s = (char)tolower((unsigned char)*s);
}

/* The key of s (malloc'd), or NULL when out of memory. */
static char *key_of(const char *s) {
  size_t n = strlen(s);
  char *k = malloc(4 * n + 1);
  if (k) {
    tidy(s, n, k);
    lower(k);
  }
  return k;
}

/* Position of phrase as whole words in key (of length n), or -1. */
static long find_words(const char *key, size_t n, const char *ph) {
  size_t m = strlen(ph);
  for (const char *p = key; m && (p = strstr(p, ph)) != NULL; p++) {
    size_t at = (size_t)(p - key);
    if ((at == 0 || key[at - 1] == ' ') && (at + m == n || key[at + m] == ' '))
      return (long)at;
  }
  return -1;
}

/* --- loading ------------------------------------------------------------- */

typedef struct {
  const char *path;
  int line;
  char *err;
  size_t errlen;
} loadctx;

static int bad(loadctx *c, const char *msg, const char *arg) {
  snprintf(c->err, c->errlen, "%s:%d: %s%s%s%s", c->path, c->line, msg,
           arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
  return -1;
}

static int add_alias(ir_specialty_map *m, loadctx *c, const char *name,
                     size_t group) {
  char *k = key_of(name);
  if (!k)
    return bad(c, "out of memory", NULL);
  if (!*k) {
    free(k);
    return bad(c, "a name without a letter or digit:", name);
  }
  for (size_t i = 0; i < m->nalias; i++)
    if (strcmp(m->alias[i].key, k) == 0) {
      free(k);
      if (m->alias[i].group == group)
        return 0;
      char msg[160];
      snprintf(msg, sizeof msg, "already in group '%.60s' (line %d):",
               m->groups.v[m->alias[i].group], m->alias[i].line);
      return bad(c, msg, name);
    }
  if (m->nalias == m->acap) {
    size_t nc = m->acap ? 2 * m->acap : 16;
    alias *v = realloc(m->alias, nc * sizeof *v);
    if (!v) {
      free(k);
      return bad(c, "out of memory", NULL);
    }
    m->alias = v;
    m->acap = nc;
  }
  m->alias[m->nalias++] = (alias){k, group, c->line};
  return 0;
}

/* "GROUP = variant | variant ..." */
static int group_line(ir_specialty_map *m, loadctx *c, char *s) {
  char *eq = strchr(s, '=');
  if (eq)
    *eq = 0;
  char *name = ir_trim(s);
  if (!*name)
    return bad(c, "a group line needs a name before '='", NULL);
  size_t g = m->groups.n;
  for (size_t i = 0; i < m->groups.n; i++)
    if (strcmp(m->groups.v[i], name) == 0)
      return bad(c, "group declared twice:", name);
  if (push(&m->groups, strdup(name)) != 0)
    return bad(c, "out of memory", NULL);
  if (add_alias(m, c, name, g) != 0)
    return -1;
  for (char *v = eq ? eq + 1 : NULL; v;) {
    char *bar = strchr(v, '|');
    if (bar)
      *bar = 0;
    char *t = ir_trim(v);
    if (!*t)
      return bad(c, "an empty variant", NULL);
    if (add_alias(m, c, t, g) != 0)
      return -1;
    v = bar ? bar + 1 : NULL;
  }
  return 0;
}

enum { SEC_NONE, SEC_SEP, SEC_PREFIX, SEC_SUB, SEC_GROUPS };

static int section_of(const char *name) {
  return strcmp(name, "separator") == 0      ? SEC_SEP
         : strcmp(name, "prefix") == 0       ? SEC_PREFIX
         : strcmp(name, "subspecialty") == 0 ? SEC_SUB
         : strcmp(name, "groups") == 0       ? SEC_GROUPS
                                             : -1;
}

static int entry(ir_specialty_map *m, loadctx *c, int sec, char *s) {
  if (sec == SEC_NONE)
    return bad(c, "an entry before any [section]:", s);
  if (sec == SEC_GROUPS)
    return group_line(m, c, s);
  if (sec == SEC_SEP) {
    for (; *s; s++) {
      if (*s == ' ' || *s == '\t' || strchr(m->seps, *s))
        continue;
      if (isalnum((unsigned char)*s) || *s == '&' || (unsigned char)*s >= 0x80)
        return bad(c, "a separator must be punctuation other than '&':", s);
      size_t n = strlen(m->seps);
      if (n + 1 >= sizeof m->seps)
        return bad(c, "too many separators", NULL);
      m->seps[n] = *s;
      m->seps[n + 1] = 0;
    }
    return 0;
  }
  char *k = key_of(s);
  if (!k)
    return bad(c, "out of memory", NULL);
  if (!*k) {
    free(k);
    return bad(c, "a phrase without a letter or digit:", s);
  }
  if (push(sec == SEC_PREFIX ? &m->prefix : &m->sub, k) != 0)
    return bad(c, "out of memory", NULL);
  return 0;
}

ir_specialty_map *ir_specialty_load_file(const char *path, char *err,
                                         size_t errlen) {
  ir_specialty_map *m = calloc(1, sizeof *m);
  FILE *f = fopen(path, "r");
  if (!m || !f || !(m->path = strdup(path))) {
    snprintf(err, errlen, "%s: %s", path,
             f ? "out of memory" : strerror(errno));
    if (f)
      fclose(f);
    ir_specialty_free(m);
    return NULL;
  }
  loadctx c = {path, 0, err, errlen};
  char line[MAX_LINE + 2];
  int sec = SEC_NONE, rc = 0;
  while (rc == 0 && fgets(line, sizeof line, f)) {
    c.line++;
    size_t n = strlen(line);
    if (n > MAX_LINE && line[n - 1] != '\n') {
      rc = bad(&c, "line longer than 1024 bytes", NULL);
      break;
    }
    char *s = ir_trim(line);
    if (!*s || *s == '#')
      continue;
    if (*s == '[') {
      char *e = strchr(s, ']');
      if (!e || e[1])
        rc = bad(&c, "a section line is '[name]':", s);
      else {
        *e = 0;
        sec = section_of(s + 1);
        if (sec < 0)
          rc = bad(&c,
                   "unknown section (separator, prefix, subspecialty, "
                   "groups):",
                   s + 1);
      }
      continue;
    }
    rc = entry(m, &c, sec, s);
  }
  if (rc == 0 && ferror(f))
    rc = bad(&c, "read error", NULL);
  fclose(f);
  if (rc != 0) {
    ir_specialty_free(m);
    return NULL;
  }
  return m;
}

ir_specialty_map *ir_specialty_load(const char *dir, char *err, size_t errlen) {
  size_t n = strlen(dir) + sizeof MAP_FILE + 1;
  char *path = malloc(n);
  if (!path) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  snprintf(path, n, "%s/%s", dir, MAP_FILE);
  ir_specialty_map *m;
  FILE *f = fopen(path, "r");
  if (!f && errno == ENOENT) {
    m = calloc(1, sizeof *m);
    if (!m)
      snprintf(err, errlen, "out of memory");
  } else {
    if (f)
      fclose(f);
    m = ir_specialty_load_file(path, err, errlen);
  }
  free(path);
  return m;
}

void ir_specialty_free(ir_specialty_map *m) {
  if (!m)
    return;
  free(m->path);
  free_vec(&m->prefix);
  free_vec(&m->sub);
  free_vec(&m->groups);
  for (size_t i = 0; i < m->nalias; i++)
    free(m->alias[i].key);
  free(m->alias);
  free(m);
}

size_t ir_specialty_ngroups(const ir_specialty_map *m) {
  return m ? m->groups.n : 0;
}
const char *ir_specialty_path(const ir_specialty_map *m) {
  return m ? m->path : NULL;
}

/* --- grouping ------------------------------------------------------------ */

static const char *lookup(const ir_specialty_map *m, const char *key) {
  for (size_t i = 0; m && i < m->nalias; i++)
    if (strcmp(m->alias[i].key, key) == 0)
      return m->groups.v[m->alias[i].group];
  return NULL;
}

/* Words of wording[0..n) after leading prefixes: sets words/key, returns
 * the start offset in them and sets *len. */
static size_t words_of(const ir_specialty_map *m, const char *wording, size_t n,
                       char *words, char *key, size_t *len) {
  *len = tidy(wording, n, words);
  memcpy(key, words, *len + 1);
  lower(key);
  size_t start = 0;
  for (int again = 1; m && again;) { /* leading prefixes, repeatedly */
    again = 0;
    for (size_t i = 0; i < m->prefix.n; i++) {
      size_t pl = strlen(m->prefix.v[i]);
      if (*len - start > pl && key[start + pl] == ' ' &&
          memcmp(key + start, m->prefix.v[i], pl) == 0) {
        start += pl + 1;
        again = 1;
      }
    }
  }
  return start;
}

const char *ir_specialty_group(const ir_specialty_map *m, ir_arena *a,
                               const char *wording) {
  if (!wording)
    return NULL;
  char words[4 * MAX_WORDING + 1], key[4 * MAX_WORDING + 1];
  size_t all = strlen(wording), len;
  if (all > MAX_WORDING)
    all = MAX_WORDING;
  size_t n = strcspn(wording, m ? m->seps : "");
  if (n > all)
    n = all;
  /* a group may list a name with separators in it: the longest such
   * leading part of the wording that a group lists */
  for (size_t cut = all; cut > n; cut--) {
    if (cut < all && !strchr(m->seps, wording[cut]))
      continue;
    size_t start = words_of(m, wording, cut, words, key, &len);
    const char *g = lookup(m, key + start);
    if (g)
      return g;
  }
  size_t start = words_of(m, wording, n, words, key, &len);
  size_t end = len;
  for (size_t i = 0; m && i < m->sub.n; i++) {
    long at = find_words(key + start, len - start, m->sub.v[i]);
    if (at > 0 && start + (size_t)at - 1 < end)
      end = start + (size_t)at - 1; /* before the space */
  }
  if (end <= start)
    return NULL;
  key[end] = 0;
  const char *g = lookup(m, key + start);
  if (g)
    return g;
  return ir_arena_strndup(a, words + start, end - start);
}
