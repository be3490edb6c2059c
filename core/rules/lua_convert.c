/* lua_convert.c - record -> Lua tables (see lua_convert.h and
 * rules/README.md); the way back is lua_findings.c. */
#include "lua_convert.h"

#include <lauxlib.h>
#include <string.h>

#include "lua_names.h"
#include "lua_readonly.h"
#include "lua_sandbox.h"

/* ---- record -> Lua --------------------------------------------------------
 * Every table is a read-only view (lua_readonly.h). Built on first use: the
 * letter; each item's fields other than its scalars; each fact of
 * item.facts (on the first read of its key); the lists of a fact with
 * evidence; item.cited_evidence. Evidence views shared by a fact's lists
 * are the same tables, and every empty table of a letter is its one shared
 * empty view. */

/* Pushes the view of an evidence table. */
static void push_evidence(lua_State *L, int nm, const ir_evidence *e) {
  lua_createtable(L, 0, 6);
  int t = lua_gettop(L);
  ir_set_name(L, nm, t, F_SECTION, ir_name_section(e->section));
  ir_set_int(L, nm, t, F_START, (lua_Integer)e->start);
  ir_set_int(L, nm, t, F_END, (lua_Integer)e->end);
  ir_set_int(L, nm, t, F_NSTART, (lua_Integer)e->nstart);
  ir_set_int(L, nm, t, F_NEND, (lua_Integer)e->nend);
  if (e->text)
    ir_set_str(L, nm, t, F_TEXT, e->text);
  else
    ir_set_name(L, nm, t, F_TEXT, F_EMPTY);
  ir_ro_view(L);
}

/* Evidence table (storage, not a view) for normalized [ns, ne) of l
 * (newlines shown as spaces, so positions in `text` are positions in the
 * span). */
static void push_span(lua_State *L, int nm, const ir_letter *l, ir_section sec,
                      size_t ns, size_t ne) {
  if (!l->text.norm || ne > l->text.norm_len || ns > ne)
    ns = ne = 0;
  lua_createtable(L, 0, 6);
  int t = lua_gettop(L);
  ir_set_name(L, nm, t, F_SECTION, ir_name_section(sec));
  size_t os = l->text.norm ? ir_text_orig_start(&l->text, ns) : 0;
  size_t oe = ne > ns ? ir_text_orig_end(&l->text, ne) : os;
  ir_set_int(L, nm, t, F_START, (lua_Integer)os);
  ir_set_int(L, nm, t, F_END, (lua_Integer)oe);
  ir_set_int(L, nm, t, F_NSTART, (lua_Integer)ns);
  ir_set_int(L, nm, t, F_NEND, (lua_Integer)ne);
  lua_rawgeti(L, nm, F_TEXT);
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, ne - ns);
  for (size_t i = ns; i < ne; i++)
    p[i - ns] = l->text.norm[i] == '\n' ? ' ' : l->text.norm[i];
  luaL_pushresultsize(&b, ne - ns);
  lua_rawset(L, t);
}

/* Sets field k (string) and field kev (view) of the table at t from the
 * span [ns, ne) of l. */
static void set_span(lua_State *L, int nm, int t, const ir_letter *l,
                     ir_section sec, size_t ns, size_t ne, int k, int kev) {
  push_span(L, nm, l, sec, ns, ne);
  lua_rawgeti(L, nm, F_TEXT);
  lua_rawget(L, -2);
  ir_set_top(L, nm, t, k);
  ir_ro_view(L);
  ir_set_top(L, nm, t, kev);
}

int ir_lua_span(lua_State *L) {
  const ir_letter *l = ir_lua_box_of(L)->letter;
  if (!l)
    return luaL_error(L, "span() is only available inside check()");
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer i = luaL_checkinteger(L, 2), j = luaL_optinteger(L, 3, -1);
  lua_getfield(L, 1, "nstart");
  lua_getfield(L, 1, "nend");
  lua_getfield(L, 1, "section");
  int ok1, ok2;
  lua_Integer ns = lua_tointegerx(L, -3, &ok1),
              ne = lua_tointegerx(L, -2, &ok2);
  if (!ok1 || !ok2 || ns < 0 || ne < ns || (size_t)ne > l->text.norm_len)
    return luaL_error(L, "span(): evidence without valid nstart/nend");
  lua_Integer len = ne - ns;
  if (i < 0)
    i = len + i + 1;
  if (j < 0)
    j = len + j + 1;
  if (i < 1)
    i = 1;
  if (j > len)
    j = len;
  if (i > j)
    i = j + 1;
  const char *sec = lua_tostring(L, -1);
  int section = IR_SEC_OTHER;
  for (int k = IR_SEC_HEADER; k <= IR_SEC_OTHER; k++)
    if (sec && strcmp(sec, ir_section_name((ir_section)k)) == 0)
      section = k;
  push_span(L, ir_names_push(L), l, (ir_section)section, (size_t)(ns + i - 1),
            (size_t)(ns + j));
  return 1; /* a plain table: the rule's own */
}

/* Pushes a list of evidence views (storage, not a view). */
static void push_evlist(lua_State *L, int nm, const ir_evlist *v) {
  lua_createtable(L, (int)v->n, 0);
  for (size_t i = 0; i < v->n; i++) {
    push_evidence(L, nm, &v->v[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

/* Pushes the view of a list of evidence views (the shared empty view when
 * there is none). */
static void push_evlist_view(lua_State *L, int nm, const ir_evlist *v) {
  if (v->n == 0) {
    ir_ro_push_empty(L);
    return;
  }
  push_evlist(L, nm, v);
  ir_ro_view(L);
}

/* Appends the elements of the list on top (popped) to the list at dst. */
static void append_list(lua_State *L, int dst) {
  lua_Integer n = (lua_Integer)lua_rawlen(L, dst);
  lua_Integer m = (lua_Integer)lua_rawlen(L, -1);
  for (lua_Integer i = 1; i <= m; i++) {
    lua_rawgeti(L, -1, i);
    lua_rawseti(L, dst, n + i);
  }
  lua_pop(L, 1);
}

/* Whether field k of the table at t is still unset (raw: the table may be
 * a partly built storage). Builders of the rest of a table set only unset
 * fields: if one fails half way (memory), the fields it did set may have
 * been read since, and the next attempt keeps them. */
static int unset(lua_State *L, int nm, int t, int k) {
  lua_rawgeti(L, nm, k);
  int nil = lua_rawget(L, t) == LUA_TNIL;
  lua_pop(L, 1);
  return nil;
}

/* Pushes list field k of the fact storage at t, built from v if unset. */
static void fact_list(lua_State *L, int nm, int t, int k, const ir_evlist *v) {
  lua_rawgeti(L, nm, k);
  if (lua_rawget(L, t) != LUA_TNIL)
    return;
  lua_pop(L, 1);
  push_evlist_view(L, nm, v);
  lua_pushvalue(L, -1);
  ir_set_top(L, nm, t, k);
}

/* The rest of a fact with evidence (data: ir_fact): affirm, deny, and
 * evidence = the very same evidence views, affirm's then deny's. */
static void build_fact_lists(lua_State *L, const void *data) {
  const ir_fact *f = data;
  int t = lua_gettop(L);
  int nm = ir_names_push(L);
  fact_list(L, nm, t, F_AFFIRM, &f->affirm);
  fact_list(L, nm, t, F_DENY, &f->deny);
  if (!unset(L, nm, t, F_EVIDENCE))
    return;
  lua_createtable(L, (int)(f->affirm.n + f->deny.n), 0);
  for (int k = 1; k <= 2; k++)
    if (ir_ro_storage(L, nm + k)) /* the lists' storage, not the views */
      append_list(L, nm + 3);
  ir_ro_seal(L);
  ir_set_top(L, nm, t, F_EVIDENCE);
}
static const ir_ro_kind K_FACT_LISTS = {build_fact_lists, 1, NULL};

/* Pushes the id of criterion c of the item's pack (interned for the
 * built-in TPI criteria). */
static void push_crit_name(lua_State *L, int nm, const ir_item *it, size_t c) {
  if (it->pack->builtin_tpi && c < IR_CRIT_COUNT)
    lua_rawgeti(L, nm, N_CRIT + (int)c);
  else
    lua_pushstring(L, it->pack->crit[c].id);
}

/* Pushes the view of fact c of the item (its lists built on first use):
 * id, status, contradicted, value by the criterion's kind (a list is
 * always there, empty when none), verdict when judged, how when said. */
static void push_fact(lua_State *L, int nm, const ir_item *it, size_t c) {
  const ir_fact *f = &it->facts[c];
  lua_createtable(L, 0, 8);
  int t = lua_gettop(L);
  push_crit_name(L, nm, it, c);
  ir_set_top(L, nm, t, F_ID);
  ir_set_name(L, nm, t, F_STATUS, ir_name_status(f->status));
  lua_pushboolean(L, f->contradicted);
  ir_set_top(L, nm, t, F_CONTRADICTED);
  switch (it->pack->crit[c].kind) {
  case IR_VAL_LIST:
    if (f->list.n == 0) {
      ir_ro_push_empty(L);
    } else {
      lua_createtable(L, (int)f->list.n, 0);
      for (size_t i = 0; i < f->list.n; i++) {
        lua_pushstring(L, f->list.v[i] ? f->list.v[i] : "other");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
      }
      ir_ro_view(L);
    }
    ir_set_top(L, nm, t, F_VALUE);
    break;
  case IR_VAL_STRING:
    if (f->has_value)
      ir_set_str(L, nm, t, F_VALUE, f->svalue);
    break;
  default:
    if (f->has_value && f->half) { /* MED 22.5 */
      lua_rawgeti(L, nm, F_VALUE);
      lua_pushnumber(L, (lua_Number)f->ivalue + 0.5);
      lua_rawset(L, t);
    } else if (f->has_value)
      ir_set_int(L, nm, t, F_VALUE, (lua_Integer)f->ivalue);
    break;
  }
  if (f->verdict != IR_VERDICT_NONE)
    ir_set_str(L, nm, t, F_VERDICT, ir_verdict_name(f->verdict));
  ir_set_str(L, nm, t, F_HOW, f->how);
  if (f->affirm.n + f->deny.n == 0) {
    ir_ro_push_empty(L);
    ir_set_top(L, nm, t, F_EVIDENCE);
    ir_ro_push_empty(L);
    ir_set_top(L, nm, t, F_DENY);
    ir_ro_push_empty(L);
    ir_set_top(L, nm, t, F_AFFIRM);
  } else {
    ir_ro_lazy_rest(L, &K_FACT_LISTS, f, 0);
  }
  ir_ro_view(L);
}

/* Registry key of the state's blank facts: views of facts without
 * evidence, value, verdict or note, keyed by pack, criterion and status.
 * They hold no letter data (only names and the shared empty view), so
 * every item of every letter shares them. */
static const char BLANK_KEY = 0;

/* Pushes the shared view of fact c if it is blank and returns 1; else 0. */
static int push_blank_fact(lua_State *L, int nm, const ir_item *it, size_t c) {
  const ir_fact *f = &it->facts[c];
  int is_list = it->pack->crit[c].kind == IR_VAL_LIST;
  if (f->affirm.n + f->deny.n || f->contradicted || (unsigned)f->status >= 8 ||
      (is_list ? f->list.n != 0 : f->has_value) ||
      f->verdict != IR_VERDICT_NONE || f->how || c >= 256)
    return 0;
  lua_Integer key =
      ((lua_Integer)it->pack->index * 256 + (lua_Integer)c) * 8 + f->status;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &BLANK_KEY) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_createtable(L, 0, IR_CRIT_COUNT * 3);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &BLANK_KEY);
  }
  if (lua_rawgeti(L, -1, key) != LUA_TTABLE) {
    lua_pop(L, 1);
    push_fact(L, nm, it, c);
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, key);
  }
  lua_remove(L, -2);
  return 1;
}

/* Pushes the view of fact c of item it (shared when blank). */
static void push_item_fact(lua_State *L, int nm, const ir_item *it, size_t c) {
  if (!push_blank_fact(L, nm, it, c))
    push_fact(L, nm, it, c);
}

/* The number of facts an item shows: one per criterion of its pack. */
static size_t nfacts(const ir_item *it) {
  if (!it->pack || !it->facts)
    return 0;
  return it->nfacts < it->pack->ncrit ? it->nfacts : it->pack->ncrit;
}

/* The rest of item.facts (data: ir_item): the facts still unset. */
static void build_facts_rest(lua_State *L, const void *data) {
  const ir_item *it = data;
  int t = lua_gettop(L);
  int nm = ir_names_push(L);
  for (size_t c = 0; c < nfacts(it); c++) {
    push_crit_name(L, nm, it, c);
    lua_pushvalue(L, -1);
    if (lua_rawget(L, t) == LUA_TNIL) {
      lua_pop(L, 1);
      push_item_fact(L, nm, it, c);
      lua_rawset(L, t);
    } else {
      lua_pop(L, 2);
    }
  }
}

/* The fact the key at index key names (none for any other key). */
static void build_fact_key(lua_State *L, const void *data, int key) {
  const ir_item *it = data;
  int t = lua_gettop(L);
  if (lua_type(L, key) != LUA_TSTRING)
    return;
  int c = ir_pack_crit(it->pack, lua_tostring(L, key));
  if (c < 0 || (size_t)c >= nfacts(it))
    return;
  int nm = ir_names_push(L);
  lua_pushvalue(L, key);
  push_item_fact(L, nm, it, (size_t)c);
  lua_rawset(L, t);
  lua_settop(L, t);
}
static const ir_ro_kind K_FACTS_REST = {build_facts_rest, 1, build_fact_key};

/* item.cited_evidence (data: ir_item with cited.n > 0). */
static void build_cited_evidence(lua_State *L, const void *data) {
  const ir_item *it = data;
  int nm = ir_names_push(L);
  lua_createtable(L, 0, (int)it->cited.n);
  int t = lua_gettop(L);
  for (size_t i = 0; i < it->cited.n; i++) {
    size_t c = (size_t)it->cited.v[i].criterion;
    if (it->cited.v[i].criterion < 0 || c >= nfacts(it))
      continue;
    push_crit_name(L, nm, it, c);
    push_evlist(L, nm, &it->cited.v[i].evidence);
    ir_ro_seal(L);
    lua_rawset(L, t);
  }
}
static const ir_ro_kind K_CITED_EV = {build_cited_evidence, 0, NULL};

/* The rest of an item (data: ir_item of the box's letter), one field (or
 * pair) at a time; each setter sets its field(s) of the storage at t. */
static void rest_title(lua_State *L, int nm, const ir_item *it, int t) {
  push_evidence(L, nm, &it->title);
  ir_set_top(L, nm, t, F_TITLE_EV);
}

static void rest_conclusion(lua_State *L, int nm, const ir_item *it, int t) {
  if (!it->conclusion_ev.text)
    return;
  push_evidence(L, nm, &it->conclusion_ev);
  ir_set_top(L, nm, t, F_CONCLUSION_EV);
}

static void rest_guidelines(lua_State *L, int nm, const ir_item *it, int t) {
  lua_createtable(L, 0, 2);
  int g = lua_gettop(L);
  ir_set_str(L, nm, g, F_CLAIMS_ADMIN,
             it->guideline_ca ? it->guideline_ca : "");
  ir_set_str(L, nm, g, F_MAXIMUS,
             it->guideline_maximus ? it->guideline_maximus : "");
  ir_ro_view(L);
  ir_set_top(L, nm, t, F_GUIDELINES);
}

static void rest_rationale(lua_State *L, int nm, const ir_item *it, int t) {
  set_span(L, nm, t, ir_lua_box_of(L)->letter, IR_SEC_RATIONALE, it->rat_start,
           it->rat_end, F_RATIONALE, F_RATIONALE_EV);
}

/* item.facts: each fact is built on its own first read. */
static void rest_facts(lua_State *L, int nm, const ir_item *it, int t) {
  if (nfacts(it) == 0) {
    ir_ro_push_empty(L);
  } else {
    lua_createtable(L, 0, (int)nfacts(it));
    ir_ro_lazy_rest(L, &K_FACTS_REST, it, 0);
    ir_ro_view(L);
  }
  ir_set_top(L, nm, t, F_FACTS);
}

/* item.pack: the id of its pack (nil when none covers it). */
static void rest_pack(lua_State *L, int nm, const ir_item *it, int t) {
  if (it->pack)
    ir_set_str(L, nm, t, F_PACK, it->pack->id);
}

/* Registry key of the state's shared name lists: item.status,
 * item.contradicted and item.cited hold only names (no letter data), so the
 * items of every letter with the same pack and values share one view, as
 * blank facts do. Keys: the pack's index + 1 in bits 40.., the list's kind
 * in bits 36..39, its value below: statuses as base-3 digits (led by a 1),
 * the mask of contradicted criteria, the cited criteria as base-21 digits.
 * Only packs of at most MAX_SHARED_CRIT criteria share. At most MAX_SHARED
 * views are kept (then the cache starts over); [0] counts them. */
static const char SHARED_KEY = 0;
#define MAX_SHARED 512
#define MAX_SHARED_CRIT 20
#define MAX_CITED_KEY 8 /* criteria in a cited list that has a key */
enum { SH_STATUS = 1, SH_CONTRA, SH_CITED };

static lua_Integer shared_key(const ir_item *it, int kind, lua_Integer v) {
  if (nfacts(it) > MAX_SHARED_CRIT || it->pack->index < 0)
    return 0;
  return ((lua_Integer)(it->pack->index + 1) << 40) |
         ((lua_Integer)kind << 36) | v;
}

/* Pushes the shared view under key and returns 1; else pushes nothing. */
static int push_shared(lua_State *L, lua_Integer key) {
  int top = lua_gettop(L);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &SHARED_KEY) == LUA_TTABLE &&
      lua_rawgeti(L, -1, key) == LUA_TTABLE) {
    lua_remove(L, -2);
    return 1;
  }
  lua_settop(L, top);
  return 0;
}

/* Keeps the view on top (left there) as the shared one under key. */
static void keep_shared(lua_State *L, lua_Integer key) {
  int v = lua_gettop(L);
  lua_Integer n = 0;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &SHARED_KEY) == LUA_TTABLE) {
    lua_rawgeti(L, -1, 0);
    n = lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  if (n == 0 || n >= MAX_SHARED) {
    lua_pop(L, 1);
    lua_createtable(L, 0, 16);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &SHARED_KEY);
    n = 0;
  }
  lua_pushinteger(L, n + 1);
  lua_rawseti(L, v + 1, 0);
  lua_pushvalue(L, v);
  lua_rawseti(L, v + 1, key);
  lua_settop(L, v);
}

/* item.status: criterion id -> status name, all at once. */
static void rest_status(lua_State *L, int nm, const ir_item *it, int t) {
  size_t n = nfacts(it);
  if (n == 0) {
    ir_ro_push_empty(L);
    ir_set_top(L, nm, t, F_STATUS);
    return;
  }
  lua_Integer v = 1;
  for (size_t c = n; c-- > 0 && v;)
    v = (unsigned)it->facts[c].status < 3
            ? v * 3 + (lua_Integer)it->facts[c].status
            : 0;
  lua_Integer key = v ? shared_key(it, SH_STATUS, v) : 0;
  if (!key || !push_shared(L, key)) {
    lua_createtable(L, 0, (int)n);
    int s = lua_gettop(L);
    for (size_t c = 0; c < n; c++) {
      push_crit_name(L, nm, it, c);
      lua_rawgeti(L, nm, ir_name_status(it->facts[c].status));
      lua_rawset(L, s);
    }
    ir_ro_view(L);
    if (key)
      keep_shared(L, key);
  }
  ir_set_top(L, nm, t, F_STATUS);
}

/* item.contradicted: ids of the contradicted facts, in criterion order. */
static void rest_contradicted(lua_State *L, int nm, const ir_item *it, int t) {
  int k = 0;
  lua_Integer mask = 0;
  size_t n = nfacts(it);
  for (size_t c = 0; c < n; c++)
    if (it->facts[c].contradicted) {
      k++;
      if (c < MAX_SHARED_CRIT)
        mask |= (lua_Integer)1 << c;
    }
  lua_Integer key = k ? shared_key(it, SH_CONTRA, mask) : 0;
  if (k == 0) {
    ir_ro_push_empty(L);
  } else if (!key || !push_shared(L, key)) {
    lua_createtable(L, k, 0);
    lua_Integer i = 0;
    for (size_t c = 0; c < n; c++)
      if (it->facts[c].contradicted) {
        push_crit_name(L, nm, it, c);
        lua_rawseti(L, -2, ++i);
      }
    ir_ro_view(L);
    if (key)
      keep_shared(L, key);
  }
  ir_set_top(L, nm, t, F_CONTRADICTED);
}

static void rest_cited_evidence(lua_State *L, int nm, const ir_item *it,
                                int t) {
  if (it->cited.n && nfacts(it))
    ir_ro_lazy(L, &K_CITED_EV, it, 0);
  else
    ir_ro_push_empty(L);
  ir_set_top(L, nm, t, F_CITED_EV);
}

/* The shared-list key of item.cited (0: none, too long). */
static lua_Integer cited_key(const ir_item *it) {
  if (it->cited.n > MAX_CITED_KEY)
    return 0;
  lua_Integer key = 0;
  for (size_t i = it->cited.n; i-- > 0;) {
    int c = it->cited.v[i].criterion;
    if (c < 0 || (size_t)c >= nfacts(it))
      return 0;
    key = key * 21 + (lua_Integer)c + 1;
  }
  return shared_key(it, SH_CITED, key);
}

static void rest_cited(lua_State *L, int nm, const ir_item *it, int t) {
  size_t n = 0;
  for (size_t i = 0; i < it->cited.n; i++)
    n += it->cited.v[i].criterion >= 0 &&
         (size_t)it->cited.v[i].criterion < nfacts(it);
  lua_Integer key = n ? cited_key(it) : 0;
  if (n == 0) {
    ir_ro_push_empty(L);
  } else if (!key || !push_shared(L, key)) {
    lua_createtable(L, (int)n, 0);
    lua_Integer k = 0;
    for (size_t i = 0; i < it->cited.n; i++) {
      int c = it->cited.v[i].criterion;
      if (c < 0 || (size_t)c >= nfacts(it))
        continue;
      push_crit_name(L, nm, it, (size_t)c);
      lua_rawseti(L, -2, ++k);
    }
    ir_ro_view(L);
    if (key)
      keep_shared(L, key);
  }
  ir_set_top(L, nm, t, F_CITED);
}

static void rest_index(lua_State *L, int nm, const ir_item *it, int t) {
  ir_set_int(L, nm, t, F_INDEX, it->index);
}

static void rest_line(lua_State *L, int nm, const ir_item *it, int t) {
  ir_set_int(L, nm, t, F_LINE, it->line);
}

static void rest_service(lua_State *L, int nm, const ir_item *it, int t) {
  ir_set_str(L, nm, t, F_SERVICE, it->service ? it->service : "");
}

static void rest_category(lua_State *L, int nm, const ir_item *it, int t) {
  if (it->category)
    ir_set_str(L, nm, t, F_CATEGORY, it->category);
  else
    ir_set_name(L, nm, t, F_CATEGORY, F_OTHER);
}

static void rest_title_text(lua_State *L, int nm, const ir_item *it, int t) {
  ir_set_str(L, nm, t, F_TITLE, it->title.text ? it->title.text : "");
}

/* The rest fields: key (the one that tells whether it is set), other key
 * read to build it, setter. */
static const struct {
  int key, alt;
  void (*set)(lua_State *L, int nm, const ir_item *it, int t);
} REST[] = {
    {F_INDEX, 0, rest_index},
    {F_SERVICE, 0, rest_service},
    {F_CATEGORY, 0, rest_category},
    {F_LINE, 0, rest_line},
    {F_TITLE, 0, rest_title_text},
    {F_TITLE_EV, 0, rest_title},
    {F_CONCLUSION_EV, 0, rest_conclusion},
    {F_GUIDELINES, 0, rest_guidelines},
    {F_RATIONALE_EV, F_RATIONALE, rest_rationale},
    {F_FACTS, 0, rest_facts},
    {F_STATUS, 0, rest_status},
    {F_CONTRADICTED, 0, rest_contradicted},
    {F_CITED_EV, 0, rest_cited_evidence},
    {F_CITED, 0, rest_cited},
    {F_PACK, 0, rest_pack},
};
#define NREST (sizeof REST / sizeof *REST)

/* All of the rest (only fields still unset: see unset()). */
static void build_item_rest(lua_State *L, const void *data) {
  int t = lua_gettop(L);
  int nm = ir_names_push(L);
  for (size_t i = 0; i < NREST; i++)
    if (unset(L, nm, t, REST[i].key)) {
      REST[i].set(L, nm, data, t);
      lua_settop(L, nm);
    }
}

/* The rest field(s) the key at index key names (the VM found it unset). */
static void build_item_key(lua_State *L, const void *data, int key) {
  int t = lua_gettop(L);
  int nm = ir_names_push(L);
  int id = ir_name_id(L, nm, key);
  if (id == 0)
    return;
  for (size_t i = 0; i < NREST; i++)
    if (id == REST[i].key || id == REST[i].alt) {
      if (unset(L, nm, t, REST[i].key))
        REST[i].set(L, nm, data, t);
      return;
    }
}
static const ir_ro_kind K_ITEM_REST = {build_item_rest, 1, build_item_key};

/* Pushes an item's storage: outcome and conclusion (what nearly every rule
 * reads), the other fields on first use. */
static void push_item_storage(lua_State *L, int nm, const ir_item *it) {
  lua_createtable(L, 0, 16); /* room for the rest fields a rule reads */
  int t = lua_gettop(L);
  ir_set_name(L, nm, t, F_OUTCOME, ir_name_outcome(it->outcome));
  ir_set_name(L, nm, t, F_CONCLUSION, ir_name_conclusion(it->conclusion));
  ir_ro_lazy_rest(L, &K_ITEM_REST, it, 0);
}

/* An item (data: ir_item), for the items no rule call gets directly. */
static void build_item(lua_State *L, const void *data) {
  push_item_storage(L, ir_names_push(L), data);
}
static const ir_ro_kind K_ITEM = {build_item, 0, NULL};

/* The letter (data: ir_letter; extra: its items list, storage). */
static void build_letter(lua_State *L, const void *data) {
  const ir_letter *l = data;
  int nm = ir_names_push(L);
  lua_createtable(L, 0, 12);
  int t = lua_gettop(L);
  ir_set_str(L, nm, t, F_FILE, l->path ? l->path : "");
  ir_set_str(L, nm, t, F_LAYOUT, ir_layout_name(l->text.layout));
  ir_set_str(L, nm, t, F_CASE_NUMBER, l->case_number);
  ir_set_str(L, nm, t, F_PRIORITY, l->priority);
  lua_pushboolean(L, l->truncated);
  ir_set_top(L, nm, t, F_TRUNCATED);
  lua_createtable(L, 0, 5);
  int d = lua_gettop(L);
  ir_set_str(L, nm, d, F_INJURY, l->date_injury);
  ir_set_str(L, nm, d, F_DECISION, l->date_decision);
  ir_set_str(L, nm, d, F_UR_DENIAL, l->date_ur_denial);
  ir_set_str(L, nm, d, F_ASSIGNED, l->date_assigned);
  ir_set_str(L, nm, d, F_APPLICATION, l->date_application);
  ir_ro_seal(L);
  ir_set_top(L, nm, t, F_DATES);
  lua_createtable(L, 0, 2);
  d = lua_gettop(L);
  ir_set_str(L, nm, d, F_SPECIALTY, l->specialty);
  ir_set_str(L, nm, d, F_LICENSURE, l->licensure);
  ir_ro_seal(L);
  ir_set_top(L, nm, t, F_REVIEWER);
  set_span(L, nm, t, l, IR_SEC_SUMMARY, l->sum_start, l->sum_end, F_SUMMARY,
           F_SUMMARY_EV);
  lua_pushvalue(L, lua_upvalueindex(IR_RO_EXTRA));
  ir_ro_seal(L);
  ir_set_top(L, nm, t, F_ITEMS);
  lua_settop(L, t);
}
static const ir_ro_kind K_LETTER = {build_letter, 0, NULL};

int ir_lua_unwrap(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  if (!ir_ro_storage(L, idx))
    return 0;
  lua_replace(L, idx);
  return 1;
}

/* The items list's missing entries (data: ir_letter): lazy item views. */
static void build_items_rest(lua_State *L, const void *data) {
  const ir_letter *l = data;
  int t = lua_gettop(L);
  for (size_t i = 0; i < l->items.n; i++) {
    if (lua_rawgeti(L, t, (lua_Integer)i + 1) == LUA_TNIL) {
      ir_ro_lazy(L, &K_ITEM, &l->items.v[i], 0);
      lua_rawseti(L, t, (lua_Integer)i + 1);
    }
    lua_pop(L, 1);
  }
}
static const ir_ro_kind K_ITEMS_REST = {build_items_rest, 1, NULL};

int ir_lua_push_letter(lua_State *L) {
  const ir_lua_letter_arg *arg = lua_touserdata(L, 1);
  const ir_letter *l = arg->l;
  ir_lua_box_set_letter(ir_lua_box_of(L), l);
  lua_settop(L, 1);
  ir_ro_begin_letter(L);
  lua_createtable(L, (int)l->items.n, 0); /* 2: the items' storage */
  int nm = ir_names_push(L);              /* 3 */
  int missing = 0;
  for (size_t i = 0; i < l->items.n; i++) {
    if (arg->want && !arg->want[i]) {
      missing = 1;
      continue;
    }
    push_item_storage(L, nm, &l->items.v[i]);
    ir_ro_view(L);
    lua_rawseti(L, 2, (lua_Integer)i + 1);
  }
  lua_settop(L, 2);
  if (missing) {
    lua_pushvalue(L, 2);
    ir_ro_lazy_rest(L, &K_ITEMS_REST, l, 0);
    lua_pop(L, 1);
  }
  lua_pushvalue(L, 2);
  ir_ro_lazy(L, &K_LETTER, l, 1);
  lua_insert(L, 2);
  return 2; /* letter view, items storage (views, for the C side only) */
}
