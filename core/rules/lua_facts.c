/* lua_facts.c - evidence, span() and the fact tables of an item as Lua
 * tables (see lua_facts.h); lua_convert.c builds the letter and items. */
#include "lua_facts.h"

#include <lauxlib.h>
#include <string.h>

#include "lua_names.h"
#include "lua_readonly.h"
#include "lua_sandbox.h"

/* Pushes the view of an evidence table. */
void ir_lc_push_evidence(lua_State *L, int nm, const ir_evidence *e) {
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
void ir_lc_set_span(lua_State *L, int nm, int t, const ir_letter *l,
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
    ir_lc_push_evidence(L, nm, &v->v[i]);
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
int ir_lc_unset(lua_State *L, int nm, int t, int k) {
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
  if (!ir_lc_unset(L, nm, t, F_EVIDENCE))
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
void ir_lc_push_crit_name(lua_State *L, int nm, const ir_item *it, size_t c) {
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
  ir_lc_push_crit_name(L, nm, it, c);
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

/* The rest of item.facts (data: ir_item): the facts still unset. */
static void build_facts_rest(lua_State *L, const void *data) {
  const ir_item *it = data;
  int t = lua_gettop(L);
  int nm = ir_names_push(L);
  for (size_t c = 0; c < ir_lc_nfacts(it); c++) {
    ir_lc_push_crit_name(L, nm, it, c);
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
  if (c < 0 || (size_t)c >= ir_lc_nfacts(it))
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
    if (it->cited.v[i].criterion < 0 || c >= ir_lc_nfacts(it))
      continue;
    ir_lc_push_crit_name(L, nm, it, c);
    push_evlist(L, nm, &it->cited.v[i].evidence);
    ir_ro_seal(L);
    lua_rawset(L, t);
  }
}
static const ir_ro_kind K_CITED_EV = {build_cited_evidence, 0, NULL};

/* item.facts: each fact is built on its own first read. */
void ir_lc_rest_facts(lua_State *L, int nm, const ir_item *it, int t) {
  if (ir_lc_nfacts(it) == 0) {
    ir_ro_push_empty(L);
  } else {
    lua_createtable(L, 0, (int)ir_lc_nfacts(it));
    ir_ro_lazy_rest(L, &K_FACTS_REST, it, 0);
    ir_ro_view(L);
  }
  ir_set_top(L, nm, t, F_FACTS);
}

void ir_lc_rest_cited_evidence(lua_State *L, int nm, const ir_item *it, int t) {
  if (it->cited.n && ir_lc_nfacts(it))
    ir_ro_lazy(L, &K_CITED_EV, it, 0);
  else
    ir_ro_push_empty(L);
  ir_set_top(L, nm, t, F_CITED_EV);
}
