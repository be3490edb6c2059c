/* lua_names.c - interned names of the letter tables (lua_names.h). */
#include "lua_names.h"

static const char *const FIELD[F_COUNT] = {
    "index",
    "service",
    "category",
    "outcome",
    "conclusion",
    "line",
    "title",
    "title_evidence",
    "conclusion_evidence",
    "guidelines",
    "rationale",
    "rationale_evidence",
    "facts",
    "status",
    "contradicted",
    "cited_evidence",
    "cited",
    "section",
    "start",
    "end",
    "nstart",
    "nend",
    "text",
    "id",
    "value",
    "evidence",
    "affirm",
    "deny",
    "claims_administrator",
    "maximus",
    "file",
    "layout",
    "case_number",
    "priority",
    "truncated",
    "dates",
    "injury",
    "decision",
    "ur_denial",
    "assigned",
    "application",
    "reviewer",
    "specialty",
    "licensure",
    "summary",
    "summary_evidence",
    "items",
    "other",
    "pack",
    "verdict",
    "how",
    "",
};

static const char NAMES_KEY = 0;

static const char *name_text(int i) {
  if (i < N_CRIT)
    return FIELD[i - 1];
  if (i < N_STATUS)
    return ir_criterion_name((ir_criterion)(i - N_CRIT));
  if (i < N_OUTCOME)
    return ir_status_name((ir_status)(i - N_STATUS));
  if (i < N_CONCL)
    return ir_outcome_name((ir_outcome)(i - N_OUTCOME));
  if (i < N_SECTION)
    return ir_conclusion_name((ir_conclusion)(i - N_CONCL));
  return ir_section_name((ir_section)(i - N_SECTION));
}

/* Pushes the names table (made on first use) and returns its index. */
int ir_names_push(lua_State *L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &NAMES_KEY) == LUA_TTABLE)
    return lua_gettop(L);
  lua_pop(L, 1);
  lua_createtable(L, N_TOTAL, N_STATUS);
  int nm = lua_gettop(L);
  for (int i = 1; i <= N_TOTAL; i++) {
    lua_pushstring(L, name_text(i));
    if (i < N_STATUS) { /* field names and criterion ids map back */
      lua_pushvalue(L, -1);
      lua_pushinteger(L, i);
      lua_rawset(L, nm);
    }
    lua_rawseti(L, nm, i);
  }
  lua_pushvalue(L, nm);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &NAMES_KEY);
  return nm;
}

/* The number of the name the string at idx is (0 for any other value). */
int ir_name_id(lua_State *L, int nm, int idx) {
  if (lua_type(L, idx) != LUA_TSTRING)
    return 0;
  lua_pushvalue(L, idx);
  lua_rawget(L, nm);
  int id = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  return id;
}

int ir_name_section(ir_section s) {
  return N_SECTION + ((unsigned)s <= IR_SEC_OTHER ? (int)s : IR_SEC_OTHER);
}
int ir_name_status(ir_status s) {
  return N_STATUS + ((unsigned)s < 3 ? (int)s : 0);
}
int ir_name_outcome(ir_outcome o) {
  return N_OUTCOME + ((unsigned)o < 3 ? (int)o : 0);
}
int ir_name_conclusion(ir_conclusion c) {
  return N_CONCL + ((unsigned)c < 3 ? (int)c : 0);
}

/* t[name k] = name v (table t, names nm: absolute indices). */
void ir_set_name(lua_State *L, int nm, int t, int k, int v) {
  lua_rawgeti(L, nm, k);
  lua_rawgeti(L, nm, v);
  lua_rawset(L, t);
}

/* t[name k] = v (nothing when v is NULL). */
void ir_set_str(lua_State *L, int nm, int t, int k, const char *v) {
  if (!v)
    return;
  lua_rawgeti(L, nm, k);
  lua_pushstring(L, v);
  lua_rawset(L, t);
}

void ir_set_int(lua_State *L, int nm, int t, int k, lua_Integer v) {
  lua_rawgeti(L, nm, k);
  lua_pushinteger(L, v);
  lua_rawset(L, t);
}

/* t[name k] = the value on top (popped). */
void ir_set_top(lua_State *L, int nm, int t, int k) {
  lua_rawgeti(L, nm, k);
  lua_insert(L, -2);
  lua_rawset(L, t);
}
