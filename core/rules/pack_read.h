/* pack_read.h - the context of reading one pack.lua and the small readers
 * shared by pack_load.c (the pack table, its criteria) and pack_fact.c (a
 * fact specification). Internal to pack loading.
 *
 * Every reader returns 0, or -1 after ir_pk_fail() recorded
 * "file:line: message" in c->err: the line is that of the word the message
 * is about, searched from the current criterion (c->anchor) when there is
 * one, else by ir_src_line_of (pack_load.h). Strings go to c->a. */
#ifndef IR_PACK_READ_H
#define IR_PACK_READ_H
#include <lua.h>
#include <stddef.h>

#include "letter/letter.h"

typedef struct {
  lua_State *L;
  const char *file, *src, *dir;
  char *err;
  size_t errlen;
  ir_arena *a;
  const char *anchor; /* the current criterion's quoted id in src, or NULL */
  size_t mem, cap;
  long steps;
} pk_ctx;

/* The 1-based line of position at in src (1 when at is NULL). */
int ir_pk_line_at(const char *src, const char *at);
/* The nth (1-based) 'word' or "word" at or after from, or NULL. */
const char *ir_pk_find_quoted(const char *from, const char *word, int nth);
/* Records the formatted message at word's line; returns -1. */
int ir_pk_fail(pk_ctx *c, const char *word, const char *fmt, ...);
/* A name of at most 64 of a-z 0-9 _ - (and A-Z . with upper_dot)? */
int ir_pk_name_ok(const char *s, size_t n, int upper_dot);
/* The number of entries of the table at t (every key, so that a list is
 * a table whose count is its length). */
size_t ir_pk_count(lua_State *L, int t);
/* Is k one of the NULL-ended keys? */
int ir_pk_known(const char *const *keys, const char *k);
/* Records "unknown <what> 'k' (fields: <keys, in order>)" at k's line;
 * returns -1 (k may live on the Lua stack: it is copied first). */
int ir_pk_unknown(pk_ctx *c, const char *what, const char *k,
                  const char *const *keys);
/* An optional string field k of the table at t (a number too with
 * number_ok) into *out. */
int ir_pk_opt_str(pk_ctx *c, int t, const char *k, const char **out,
                  int number_ok);
/* The list of non-empty strings on top of the stack (field k, at most max
 * entries) into *out, *n. */
int ir_pk_str_list(pk_ctx *c, const char *k, size_t max, const char ***out,
                   size_t *n);
/* The list of lexicon section names on top of the stack (field k) into s. */
int ir_pk_sec_list(pk_ctx *c, const char *k, ir_secset *s);

#endif
