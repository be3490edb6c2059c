/* lua_convert.c - record -> Lua tables (see lua_convert.h and
 * rules/README.md); the way back is lua_findings.c. */
#include "lua_convert.h"

#include <lauxlib.h>
#include <string.h>

#include "lua_readonly.h"
#include "lua_sandbox.h"

/* ---- record -> Lua --------------------------------------------------------
 * Every table is a read-only view (lua_readonly.h). Built on first use: the
 * letter; each item in two steps (its scalar fields on the first read, the
 * rest on the first read of another key); each fact of item.facts (on the
 * first read of its key); the lists of a fact with evidence;
 * item.cited_evidence. Evidence
 * views shared by a fact's lists are the same tables, and every empty table
 * of a letter is its one shared empty view. */

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v)
    return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

/* Pushes the view of an evidence table. */
static void push_evidence(lua_State *L, const ir_evidence *e) {
  lua_createtable(L, 0, 6);
  set_str(L, "section", ir_section_name(e->section));
  set_int(L, "start", (lua_Integer)e->start);
  set_int(L, "end", (lua_Integer)e->end);
  set_int(L, "nstart", (lua_Integer)e->nstart);
  set_int(L, "nend", (lua_Integer)e->nend);
  set_str(L, "text", e->text ? e->text : "");
  ir_ro_seal(L);
}

/* Evidence table (storage, not a view) for normalized [ns, ne) of l
 * (newlines shown as spaces, so positions in `text` are positions in the
 * span). */
static void push_span(lua_State *L, const ir_letter *l, ir_section sec,
                      size_t ns, size_t ne) {
  if (!l->text.norm || ne > l->text.norm_len || ns > ne)
    ns = ne = 0;
  lua_createtable(L, 0, 6);
  set_str(L, "section", ir_section_name(sec));
  size_t os = l->text.norm ? ir_text_orig_start(&l->text, ns) : 0;
  size_t oe = ne > ns ? ir_text_orig_end(&l->text, ne) : os;
  set_int(L, "start", (lua_Integer)os);
  set_int(L, "end", (lua_Integer)oe);
  set_int(L, "nstart", (lua_Integer)ns);
  set_int(L, "nend", (lua_Integer)ne);
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, ne - ns);
  for (size_t i = ns; i < ne; i++)
    p[i - ns] = l->text.norm[i] == '\n' ? ' ' : l->text.norm[i];
  luaL_pushresultsize(&b, ne - ns);
  lua_setfield(L, -2, "text");
}

/* Sets field `k` (string) and `k_evidence` (view) of the table on top from
 * the span [ns, ne) of l. */
static void set_span(lua_State *L, const ir_letter *l, ir_section sec,
                     size_t ns, size_t ne, const char *k, const char *kev) {
  push_span(L, l, sec, ns, ne);
  lua_getfield(L, -1, "text");
  lua_setfield(L, -3, k);
  ir_ro_seal(L);
  lua_setfield(L, -2, kev);
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
  push_span(L, l, (ir_section)section, (size_t)(ns + i - 1), (size_t)(ns + j));
  return 1; /* a plain table: the rule's own */
}

/* Pushes a list of evidence views (storage, not a view). */
static void push_evlist(lua_State *L, const ir_evlist *v) {
  lua_createtable(L, (int)v->n, 0);
  for (size_t i = 0; i < v->n; i++) {
    push_evidence(L, &v->v[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
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
static int unset(lua_State *L, int t, const char *k) {
  lua_pushstring(L, k);
  int nil = lua_rawget(L, t) == LUA_TNIL;
  lua_pop(L, 1);
  return nil;
}

/* Pushes list field k of the fact storage at t, built from v if unset. */
static void fact_list(lua_State *L, int t, const char *k, const ir_evlist *v) {
  lua_pushstring(L, k);
  if (lua_rawget(L, t) != LUA_TNIL)
    return;
  lua_pop(L, 1);
  push_evlist(L, v);
  ir_ro_seal(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, t, k);
}

/* The rest of a fact with evidence (data: ir_fact): affirm, deny, and
 * evidence = the very same evidence views, affirm's then deny's. */
static void build_fact_lists(lua_State *L, const void *data) {
  const ir_fact *f = data;
  int t = lua_gettop(L);
  fact_list(L, t, "affirm", &f->affirm);
  fact_list(L, t, "deny", &f->deny);
  if (!unset(L, t, "evidence"))
    return;
  lua_createtable(L, (int)(f->affirm.n + f->deny.n), 0);
  for (int k = 1; k <= 2; k++)
    if (ir_ro_storage(L, t + k)) /* the lists' storage, not the views */
      append_list(L, t + 3);
  ir_ro_seal(L);
  lua_setfield(L, t, "evidence");
}
static const ir_ro_kind K_FACT_LISTS = {build_fact_lists, 1, NULL};

/* Pushes the view of one fact (its lists built on first use). */
static void push_fact(lua_State *L, ir_criterion c, const ir_fact *f) {
  lua_createtable(L, 0, 7);
  int t = lua_gettop(L);
  set_str(L, "id", ir_criterion_name(c));
  set_str(L, "status", ir_status_name(f->status));
  lua_pushboolean(L, f->contradicted);
  lua_setfield(L, t, "contradicted");
  if (c == IR_CRIT_INJECTATE) {
    lua_createtable(L, (int)f->list.n, 0);
    for (size_t i = 0; i < f->list.n; i++) {
      lua_pushstring(L, f->list.v[i] ? f->list.v[i] : "other");
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    ir_ro_seal(L);
    lua_setfield(L, t, "value");
  } else if (f->has_value) {
    set_int(L, "value", (lua_Integer)f->ivalue);
  }
  if (f->affirm.n + f->deny.n == 0) {
    ir_ro_push_empty(L);
    lua_setfield(L, t, "evidence");
    ir_ro_push_empty(L);
    lua_setfield(L, t, "deny");
    ir_ro_push_empty(L);
    lua_setfield(L, t, "affirm");
  } else {
    ir_ro_lazy_rest(L, &K_FACT_LISTS, f, 0);
  }
  ir_ro_seal(L);
}

/* Registry key of the state's blank facts: views of facts without
 * evidence or value, keyed by criterion and status. They hold no letter
 * data (only names and the shared empty view), so every item of every
 * letter shares them. */
static const char BLANK_KEY = 0;

/* Pushes the shared view of fact f if it is blank and returns 1; else 0. */
static int push_blank_fact(lua_State *L, ir_criterion c, const ir_fact *f) {
  if (f->affirm.n + f->deny.n || f->contradicted || (unsigned)f->status >= 8 ||
      (c == IR_CRIT_INJECTATE ? f->list.n != 0 : f->has_value))
    return 0;
  lua_Integer key = (lua_Integer)c * 8 + (lua_Integer)f->status;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &BLANK_KEY) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_createtable(L, IR_CRIT_COUNT * 8, 0);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &BLANK_KEY);
  }
  if (lua_rawgeti(L, -1, key) != LUA_TTABLE) {
    lua_pop(L, 1);
    push_fact(L, c, f);
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, key);
  }
  lua_remove(L, -2);
  return 1;
}

/* Pushes the view of fact c of item it (shared when blank). */
static void push_item_fact(lua_State *L, const ir_item *it, ir_criterion c) {
  if (!push_blank_fact(L, c, &it->facts[c]))
    push_fact(L, c, &it->facts[c]);
}

/* The rest of item.facts (data: ir_item): the facts still unset. */
static void build_facts_rest(lua_State *L, const void *data) {
  const ir_item *it = data;
  int t = lua_gettop(L);
  for (int c = 0; c < IR_CRIT_COUNT; c++) {
    const char *k = ir_criterion_name((ir_criterion)c);
    if (unset(L, t, k)) {
      push_item_fact(L, it, (ir_criterion)c);
      lua_setfield(L, t, k);
    }
  }
}

/* The fact the key at index key names (none for any other key). */
static void build_fact_key(lua_State *L, const void *data, int key) {
  if (lua_type(L, key) != LUA_TSTRING)
    return;
  int c = ir_criterion_from_name(lua_tostring(L, key));
  if (c < 0)
    return;
  int t = lua_gettop(L);
  push_item_fact(L, data, (ir_criterion)c);
  lua_setfield(L, t, ir_criterion_name((ir_criterion)c));
}
static const ir_ro_kind K_FACTS_REST = {build_facts_rest, 1, build_fact_key};

/* item.cited_evidence (data: ir_item with cited.n > 0). */
static void build_cited_evidence(lua_State *L, const void *data) {
  const ir_item *it = data;
  lua_createtable(L, 0, (int)it->cited.n);
  for (size_t i = 0; i < it->cited.n; i++) {
    push_evlist(L, &it->cited.v[i].evidence);
    ir_ro_seal(L);
    lua_setfield(L, -2, ir_criterion_name(it->cited.v[i].criterion));
  }
}
static const ir_ro_kind K_CITED_EV = {build_cited_evidence, 0, NULL};

/* The rest of an item (data: ir_item of the box's letter), one field (or
 * pair) at a time; each setter sets its field(s) of the storage at t. */
static void rest_title(lua_State *L, const ir_item *it, int t) {
  push_evidence(L, &it->title);
  lua_setfield(L, t, "title_evidence");
}

static void rest_conclusion(lua_State *L, const ir_item *it, int t) {
  if (!it->conclusion_ev.text)
    return;
  push_evidence(L, &it->conclusion_ev);
  lua_setfield(L, t, "conclusion_evidence");
}

static void rest_guidelines(lua_State *L, const ir_item *it, int t) {
  lua_createtable(L, 0, 2);
  set_str(L, "claims_administrator", it->guideline_ca ? it->guideline_ca : "");
  set_str(L, "maximus", it->guideline_maximus ? it->guideline_maximus : "");
  ir_ro_seal(L);
  lua_setfield(L, t, "guidelines");
}

static void rest_rationale(lua_State *L, const ir_item *it, int t) {
  lua_settop(L, t);
  set_span(L, ir_lua_box_of(L)->letter, IR_SEC_RATIONALE, it->rat_start,
           it->rat_end, "rationale", "rationale_evidence");
}

/* item.facts: each fact is built on its own first read. */
static void rest_facts(lua_State *L, const ir_item *it, int t) {
  lua_createtable(L, 0, IR_CRIT_COUNT);
  ir_ro_lazy_rest(L, &K_FACTS_REST, it, 0);
  ir_ro_seal(L);
  lua_setfield(L, t, "facts");
}

/* item.status: criterion id -> status name, all at once. */
static void rest_status(lua_State *L, const ir_item *it, int t) {
  lua_createtable(L, 0, IR_CRIT_COUNT);
  for (int c = 0; c < IR_CRIT_COUNT; c++)
    set_str(L, ir_criterion_name((ir_criterion)c),
            ir_status_name(it->facts[c].status));
  ir_ro_seal(L);
  lua_setfield(L, t, "status");
}

/* item.contradicted: ids of the contradicted facts, in criterion order. */
static void rest_contradicted(lua_State *L, const ir_item *it, int t) {
  lua_createtable(L, 0, 0);
  lua_Integer n = 0;
  for (int c = 0; c < IR_CRIT_COUNT; c++)
    if (it->facts[c].contradicted) {
      lua_pushstring(L, ir_criterion_name((ir_criterion)c));
      lua_rawseti(L, -2, ++n);
    }
  ir_ro_seal(L);
  lua_setfield(L, t, "contradicted");
}

static void rest_cited_evidence(lua_State *L, const ir_item *it, int t) {
  if (it->cited.n)
    ir_ro_lazy(L, &K_CITED_EV, it, 0);
  else
    ir_ro_push_empty(L);
  lua_setfield(L, t, "cited_evidence");
}

static void rest_cited(lua_State *L, const ir_item *it, int t) {
  lua_createtable(L, (int)it->cited.n, 0);
  for (size_t i = 0; i < it->cited.n; i++) {
    lua_pushstring(L, ir_criterion_name(it->cited.v[i].criterion));
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  ir_ro_seal(L);
  lua_setfield(L, t, "cited");
}

/* The rest fields: key (the one that tells whether it is set), other key
 * read to build it, setter. */
static const struct {
  const char *key, *alt;
  void (*set)(lua_State *L, const ir_item *it, int t);
} REST[] = {
    {"title_evidence", NULL, rest_title},
    {"conclusion_evidence", NULL, rest_conclusion},
    {"guidelines", NULL, rest_guidelines},
    {"rationale_evidence", "rationale", rest_rationale},
    {"facts", NULL, rest_facts},
    {"status", NULL, rest_status},
    {"contradicted", NULL, rest_contradicted},
    {"cited_evidence", NULL, rest_cited_evidence},
    {"cited", NULL, rest_cited},
};
#define NREST (sizeof REST / sizeof *REST)

/* All of the rest (only fields still unset: see unset()). */
static void build_item_rest(lua_State *L, const void *data) {
  int t = lua_gettop(L);
  for (size_t i = 0; i < NREST; i++)
    if (unset(L, t, REST[i].key))
      REST[i].set(L, data, t);
}

/* The rest field(s) the key at index key names (the VM found it unset). */
static void build_item_key(lua_State *L, const void *data, int key) {
  if (lua_type(L, key) != LUA_TSTRING)
    return;
  const char *k = lua_tostring(L, key);
  int t = lua_gettop(L);
  for (size_t i = 0; i < NREST; i++)
    if (strcmp(k, REST[i].key) == 0 ||
        (REST[i].alt && strcmp(k, REST[i].alt) == 0)) {
      if (unset(L, t, REST[i].key))
        REST[i].set(L, data, t);
      return;
    }
}
static const ir_ro_kind K_ITEM_REST = {build_item_rest, 1, build_item_key};

/* An item (data: ir_item): the scalar fields, the rest on first use. */
static void build_item(lua_State *L, const void *data) {
  const ir_item *it = data;
  lua_createtable(L, 0, 7);
  set_int(L, "index", it->index);
  set_str(L, "service", it->service ? it->service : "");
  set_str(L, "category", it->category ? it->category : "other");
  set_str(L, "outcome", ir_outcome_name(it->outcome));
  set_str(L, "conclusion", ir_conclusion_name(it->conclusion));
  set_int(L, "line", it->line);
  set_str(L, "title", it->title.text ? it->title.text : "");
  ir_ro_lazy_rest(L, &K_ITEM_REST, it, 0);
}
static const ir_ro_kind K_ITEM = {build_item, 0, NULL};

/* The letter (data: ir_letter; extra: the view of its items list). */
static void build_letter(lua_State *L, const void *data) {
  const ir_letter *l = data;
  lua_createtable(L, 0, 12);
  int t = lua_gettop(L);
  set_str(L, "file", l->path ? l->path : "");
  set_str(L, "layout", ir_layout_name(l->text.layout));
  set_str(L, "case_number", l->case_number);
  set_str(L, "priority", l->priority);
  lua_pushboolean(L, l->truncated);
  lua_setfield(L, t, "truncated");
  lua_createtable(L, 0, 5);
  set_str(L, "injury", l->date_injury);
  set_str(L, "decision", l->date_decision);
  set_str(L, "ur_denial", l->date_ur_denial);
  set_str(L, "assigned", l->date_assigned);
  set_str(L, "application", l->date_application);
  ir_ro_seal(L);
  lua_setfield(L, t, "dates");
  lua_createtable(L, 0, 2);
  set_str(L, "specialty", l->specialty);
  set_str(L, "licensure", l->licensure);
  ir_ro_seal(L);
  lua_setfield(L, t, "reviewer");
  set_span(L, l, IR_SEC_SUMMARY, l->sum_start, l->sum_end, "summary",
           "summary_evidence");
  lua_pushvalue(L, lua_upvalueindex(IR_RO_EXTRA));
  lua_setfield(L, t, "items");
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
  int missing = 0;
  for (size_t i = 0; i < l->items.n; i++) {
    if (arg->want && !arg->want[i]) {
      missing = 1;
      continue;
    }
    ir_ro_lazy(L, &K_ITEM, &l->items.v[i], 0);
    lua_rawseti(L, 2, (lua_Integer)i + 1);
  }
  if (missing) {
    lua_pushvalue(L, 2);
    ir_ro_lazy_rest(L, &K_ITEMS_REST, l, 0);
    lua_pop(L, 1);
  }
  lua_pushvalue(L, 2);
  ir_ro_seal(L);
  ir_ro_lazy(L, &K_LETTER, l, 1);
  lua_insert(L, 2);
  return 2; /* letter view, items storage (views, for the C side only) */
}
