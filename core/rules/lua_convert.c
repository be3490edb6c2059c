/* lua_convert.c - record -> Lua tables (see lua_convert.h and
 * rules/README.md); the way back is lua_findings.c. */
#include "lua_convert.h"

#include "lua_facts.h"
#include "lua_freeze.h"
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

/* The rest of an item (data: ir_item of the box's letter), one field (or
 * pair) at a time; each setter sets its field(s) of the storage at t. */
static void rest_title(lua_State *L, int nm, const ir_item *it, int t) {
  ir_lc_push_evidence(L, nm, &it->title);
  ir_set_top(L, nm, t, F_TITLE_EV);
}

static void rest_conclusion(lua_State *L, int nm, const ir_item *it, int t) {
  if (!it->conclusion_ev.text)
    return;
  ir_lc_push_evidence(L, nm, &it->conclusion_ev);
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
  ir_lc_set_span(L, nm, t, ir_lua_box_of(L)->letter, IR_SEC_RATIONALE,
                 it->rat_start, it->rat_end, F_RATIONALE, F_RATIONALE_EV);
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
  if (ir_lc_nfacts(it) > MAX_SHARED_CRIT || it->pack->index < 0)
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
  size_t n = ir_lc_nfacts(it);
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
      ir_lc_push_crit_name(L, nm, it, c);
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
  size_t n = ir_lc_nfacts(it);
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
        ir_lc_push_crit_name(L, nm, it, c);
        lua_rawseti(L, -2, ++i);
      }
    ir_ro_view(L);
    if (key)
      keep_shared(L, key);
  }
  ir_set_top(L, nm, t, F_CONTRADICTED);
}

/* The shared-list key of item.cited (0: none, too long). */
static lua_Integer cited_key(const ir_item *it) {
  if (it->cited.n > MAX_CITED_KEY)
    return 0;
  lua_Integer key = 0;
  for (size_t i = it->cited.n; i-- > 0;) {
    int c = it->cited.v[i].criterion;
    if (c < 0 || (size_t)c >= ir_lc_nfacts(it))
      return 0;
    key = key * 21 + (lua_Integer)c + 1;
  }
  return shared_key(it, SH_CITED, key);
}

static void rest_cited(lua_State *L, int nm, const ir_item *it, int t) {
  size_t n = 0;
  for (size_t i = 0; i < it->cited.n; i++)
    n += it->cited.v[i].criterion >= 0 &&
         (size_t)it->cited.v[i].criterion < ir_lc_nfacts(it);
  lua_Integer key = n ? cited_key(it) : 0;
  if (n == 0) {
    ir_ro_push_empty(L);
  } else if (!key || !push_shared(L, key)) {
    lua_createtable(L, (int)n, 0);
    lua_Integer k = 0;
    for (size_t i = 0; i < it->cited.n; i++) {
      int c = it->cited.v[i].criterion;
      if (c < 0 || (size_t)c >= ir_lc_nfacts(it))
        continue;
      ir_lc_push_crit_name(L, nm, it, (size_t)c);
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
    {F_FACTS, 0, ir_lc_rest_facts},
    {F_STATUS, 0, rest_status},
    {F_CONTRADICTED, 0, rest_contradicted},
    {F_CITED_EV, 0, ir_lc_rest_cited_evidence},
    {F_CITED, 0, rest_cited},
    {F_PACK, 0, rest_pack},
};
#define NREST (sizeof REST / sizeof *REST)

/* All of the rest (only fields still unset: see ir_lc_unset()). */
static void build_item_rest(lua_State *L, const void *data) {
  int t = lua_gettop(L);
  int nm = ir_names_push(L);
  for (size_t i = 0; i < NREST; i++)
    if (ir_lc_unset(L, nm, t, REST[i].key)) {
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
      if (ir_lc_unset(L, nm, t, REST[i].key))
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
  ir_lc_set_span(L, nm, t, l, IR_SEC_SUMMARY, l->sum_start, l->sum_end,
                 F_SUMMARY, F_SUMMARY_EV);
  lua_pushvalue(L, lua_upvalueindex(IR_RO_EXTRA));
  ir_ro_seal(L);
  ir_set_top(L, nm, t, F_ITEMS);
  lua_settop(L, t);
}
static const ir_ro_kind K_LETTER = {build_letter, 0, NULL};

int ir_lua_unwrap(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  if (!ir_ro_storage(L, idx) && !ir_lua_frozen_storage(L, idx))
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
