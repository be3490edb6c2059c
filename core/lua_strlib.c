/* lua_strlib.c - fast paths of string.find and string.gsub (lua_strlib.h).
 *
 * item_end, class_match, bracket_match and item_match follow classEnd,
 * match_class, matchbracketclass and singlematch of Lua 5.4's lstrlib.c
 * (MIT licence, Copyright (C) 1994-2022 Lua.org, PUC-Rio), so that an item
 * accepts exactly the characters Lua's matcher accepts. */
#include "lua_strlib.h"

#include <ctype.h>
#include <lauxlib.h>
#include <string.h>

#define SPECIALS "^$*+?.([%-"
#define NSETS 16    /* cached item sets per state */
#define MAX_ITEM 32 /* longest item text cached */
#define MAX_ITEMS 8 /* items of a pattern matched here (< NSETS) */

typedef struct {
  size_t len; /* 0: unused slot */
  char item[MAX_ITEM];
  unsigned char in[256]; /* in[c]: the item accepts character c */
} char_set;

typedef struct {
  char_set set[NSETS];
  unsigned next; /* slot to reuse next */
} set_cache;

/* The end of the one-character item at p (pe: the pattern's end, where a
 * Lua string has its terminating NUL), or NULL when it is malformed (Lua
 * raises then: the original must see it) or is something else: a capture,
 * an anchor, %b, %f or a back reference. */
static const char *item_end(const char *p, const char *pe) {
  switch (*p) {
  case '(':
  case ')':
  case '^':
  case '$':
    return NULL;
  case '%':
    if (p + 1 >= pe || p[1] == 'b' || p[1] == 'f' ||
        isdigit((unsigned char)p[1]))
      return NULL;
    return p + 2;
  case '[': {
    const char *q = p + 1;
    if (*q == '^')
      q++;
    do { /* look for the ']' (the first character is never it) */
      if (q == pe)
        return NULL;
      if (*(q++) == '%' && q < pe)
        q++;
    } while (*q != ']');
    return q + 1;
  }
  default:
    return p + 1;
  }
}

static int class_match(int c, int cl) {
  int res;
  switch (tolower(cl)) {
  case 'a':
    res = isalpha(c);
    break;
  case 'c':
    res = iscntrl(c);
    break;
  case 'd':
    res = isdigit(c);
    break;
  case 'g':
    res = isgraph(c);
    break;
  case 'l':
    res = islower(c);
    break;
  case 'p':
    res = ispunct(c);
    break;
  case 's':
    res = isspace(c);
    break;
  case 'u':
    res = isupper(c);
    break;
  case 'w':
    res = isalnum(c);
    break;
  case 'x':
    res = isxdigit(c);
    break;
  case 'z':
    res = (c == 0);
    break;
  default:
    return cl == c;
  }
  return islower(cl) ? res : !res;
}

/* p: the '[', ec: the closing ']'. */
static int bracket_match(int c, const char *p, const char *ec) {
  int sig = 1;
  if (p[1] == '^') {
    sig = 0;
    p++;
  }
  while (++p < ec) {
    if (*p == '%') {
      p++;
      if (class_match(c, (unsigned char)*p))
        return sig;
    } else if (p[1] == '-' && p + 2 < ec) {
      p += 2;
      if ((unsigned char)p[-2] <= c && c <= (unsigned char)*p)
        return sig;
    } else if ((unsigned char)*p == c) {
      return sig;
    }
  }
  return !sig;
}

static int item_match(int c, const char *p, const char *ep) {
  switch (*p) {
  case '.':
    return 1;
  case '%':
    return class_match(c, (unsigned char)p[1]);
  case '[':
    return bracket_match(c, p, ep - 1);
  default:
    return (unsigned char)*p == c;
  }
}

/* The characters item [p, ep) accepts (cached), or NULL if too long. A
 * set computed now never replaces the slots in *used (the sets the caller
 * still holds; NSETS > MAX_ITEMS), and its slot is added there. */
static const unsigned char *set_of(set_cache *sc, const char *p, const char *ep,
                                   unsigned *used) {
  size_t n = (size_t)(ep - p);
  if (n > MAX_ITEM)
    return NULL;
  for (unsigned i = 0; i < NSETS; i++)
    if (sc->set[i].len == n && memcmp(sc->set[i].item, p, n) == 0) {
      *used |= 1u << i;
      return sc->set[i].in;
    }
  unsigned slot = sc->next++ % NSETS;
  while (*used & (1u << slot))
    slot = sc->next++ % NSETS;
  *used |= 1u << slot;
  char_set *s = &sc->set[slot];
  s->len = n;
  memcpy(s->item, p, n);
  for (int c = 0; c < 256; c++)
    s->in[c] = item_match(c, p, ep) != 0;
  return s->in;
}

/* Whether c (a character after an item) is a quantifier. */
static int is_quantifier(char c) {
  return c == '*' || c == '+' || c == '?' || c == '-';
}

/* The sets of the items of p (pe: its end) if it is only one-character
 * items without quantifiers (then a match at s[q] is each item accepting
 * the next character in turn); returns their number, 0 when it is not. */
static int plain_items(set_cache *sc, const char *p, const char *pe,
                       const unsigned char **sets) {
  int n = 0;
  unsigned used = 0;
  while (p < pe) {
    const char *ep = item_end(p, pe);
    if (!ep || n == MAX_ITEMS || (ep < pe && is_quantifier(*ep)))
      return 0;
    if (!(sets[n++] = set_of(sc, p, ep, &used)))
      return 0;
    p = ep;
  }
  return n;
}

static int has_specials(const char *p, size_t lp) {
  for (size_t i = 0; i < lp; i++)
    if (p[i] && strchr(SPECIALS, p[i]))
      return 1;
  return 0;
}

/* The first occurrence of p (lp bytes) in s (ls bytes), or NULL. */
static const char *mem_find(const char *s, size_t ls, const char *p,
                            size_t lp) {
  if (lp == 0)
    return s;
  while (lp <= ls) {
    const char *at = memchr(s, p[0], ls - lp + 1);
    if (!at)
      return NULL;
    if (memcmp(at + 1, p + 1, lp - 1) == 0)
      return at;
    ls -= (size_t)(at - s) + 1;
    s = at + 1;
  }
  return NULL;
}

/* Calls the original (upvalue 1) with the arguments on the stack. */
static int original(lua_State *L) {
  int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, n, LUA_MULTRET);
  return lua_gettop(L);
}

/* Lua's posrelatI: a start position from init (1-based, clipped). */
static size_t start_of(lua_Integer pos, size_t len) {
  if (pos > 0)
    return (size_t)pos;
  if (pos == 0 || pos < -(lua_Integer)len)
    return 1;
  return len + (size_t)pos + 1;
}

static int fast_find(lua_State *L) {
  size_t ls, lp;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  size_t init = start_of(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls)
    return original(L);
  if (lua_toboolean(L, 4) || !has_specials(p, lp)) { /* plain: 1st match */
    const char *at = mem_find(s + init, ls - init, p, lp);
    if (!at) {
      lua_pushnil(L);
      return 1;
    }
    lua_pushinteger(L, (lua_Integer)(at - s) + 1);
    lua_pushinteger(L, (lua_Integer)(at - s) + (lua_Integer)lp);
    return 2;
  }
  set_cache *sc = lua_touserdata(L, lua_upvalueindex(2));
  const unsigned char *sets[MAX_ITEMS];
  size_t n = (size_t)plain_items(sc, p, p + lp, sets);
  if (n > 0) {
    for (size_t q = init; q + n <= ls; q++) {
      size_t k = 0;
      while (k < n && sets[k][(unsigned char)s[q + k]])
        k++;
      if (k == n) {
        lua_pushinteger(L, (lua_Integer)q + 1);
        lua_pushinteger(L, (lua_Integer)(q + n));
        return 2;
      }
    }
    lua_pushnil(L);
    return 1;
  }
  const char *ep = item_end(p, p + lp);
  if (!ep || *ep == '*' || *ep == '?' || *ep == '-')
    return original(L);
  unsigned used = 0;
  const unsigned char *in = set_of(sc, p, ep, &used);
  if (!in)
    return original(L);
  size_t q = init;
  while (q < ls && !in[(unsigned char)s[q]])
    q++;
  if (q == ls) { /* no match can start anywhere */
    lua_pushnil(L);
    return 1;
  }
  lua_settop(L, 2);
  lua_pushinteger(L, (lua_Integer)q + 1);
  return original(L);
}

static int fast_gsub(lua_State *L) {
  size_t ls, lp, lr;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  int tr = lua_type(L, 3);
  luaL_optinteger(L, 4, (lua_Integer)ls + 1);
  luaL_argexpected(L,
                   tr == LUA_TNUMBER || tr == LUA_TSTRING ||
                       tr == LUA_TFUNCTION || tr == LUA_TTABLE,
                   3, "string/function/table");
  if (tr != LUA_TSTRING || !lua_isnoneornil(L, 4) || lp == 0)
    return original(L);
  const char *r = lua_tolstring(L, 3, &lr);
  const char *ep = item_end(p, p + lp);
  int plus = ep && ep + 1 == p + lp && *ep == '+';
  if (!ep || (ep != p + lp && !plus) || memchr(r, '%', lr))
    return original(L);
  unsigned used = 0;
  const unsigned char *in =
      set_of(lua_touserdata(L, lua_upvalueindex(2)), p, ep, &used);
  if (!in)
    return original(L);
  size_t q = 0;
  while (q < ls && !in[(unsigned char)s[q]])
    q++;
  if (q == ls) { /* unchanged: the original returns the very string */
    lua_settop(L, 1);
    lua_pushinteger(L, 0);
    return 2;
  }
  lua_settop(L, 3);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  size_t seg = 0;
  lua_Integer n = 0;
  while (q < ls) { /* q: a matching character */
    luaL_addlstring(&b, s + seg, q - seg);
    luaL_addlstring(&b, r, lr);
    n++;
    q++;
    while (plus && q < ls && in[(unsigned char)s[q]])
      q++;
    seg = q;
    while (q < ls && !in[(unsigned char)s[q]])
      q++;
  }
  luaL_addlstring(&b, s + seg, ls - seg);
  luaL_pushresult(&b);
  lua_pushinteger(L, n);
  return 2;
}

void ir_lua_fast_strings(lua_State *L, int lib) {
  lib = lua_absindex(L, lib);
  set_cache *sc = lua_newuserdatauv(L, sizeof *sc, 0);
  memset(sc, 0, sizeof *sc);
  int cache = lua_gettop(L);
  static const struct {
    const char *name;
    lua_CFunction f;
  } fns[] = {{"find", fast_find}, {"gsub", fast_gsub}};
  for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
    lua_getfield(L, lib, fns[i].name);
    lua_pushvalue(L, cache);
    lua_pushcclosure(L, fns[i].f, 2);
    lua_setfield(L, lib, fns[i].name);
  }
  lua_settop(L, cache - 1);
}
