/* lua_names.h - the names letter tables use, interned once per Lua state
 * (internal to the rule engine; lua_convert.c and lua_facts.c build the
 * tables with them).
 *
 * ir_names_push() pushes a registry table made on its first use in a state:
 * name i (the F_* field names, then the criterion ids and the status,
 * outcome, conclusion and section names, numbered below) at index i, so a
 * builder fetches a key or value with lua_rawgeti instead of hashing a C
 * string (lua_setfield, lua_pushstring) for each field of each table; and
 * each field name and criterion id mapped back to its number, for the lazy
 * builders that get a key (ir_name_id). The setters write raw to table t
 * (t and nm, the names table, are absolute indices). All may raise memory
 * errors (call them protected). */
#ifndef IR_LUA_NAMES_H
#define IR_LUA_NAMES_H
#include <lua.h>

#include "letter/letter.h"

enum {
  F_INDEX = 1,
  F_SERVICE,
  F_CATEGORY,
  F_OUTCOME,
  F_CONCLUSION,
  F_LINE,
  F_TITLE,
  F_TITLE_EV,
  F_CONCLUSION_EV,
  F_GUIDELINES,
  F_RATIONALE,
  F_RATIONALE_EV,
  F_FACTS,
  F_STATUS,
  F_CONTRADICTED,
  F_CITED_EV,
  F_CITED,
  F_SECTION,
  F_START,
  F_END,
  F_NSTART,
  F_NEND,
  F_TEXT,
  F_ID,
  F_VALUE,
  F_EVIDENCE,
  F_AFFIRM,
  F_DENY,
  F_CLAIMS_ADMIN,
  F_MAXIMUS,
  F_FILE,
  F_LAYOUT,
  F_CASE_NUMBER,
  F_PRIORITY,
  F_TRUNCATED,
  F_DATES,
  F_INJURY,
  F_DECISION,
  F_UR_DENIAL,
  F_ASSIGNED,
  F_APPLICATION,
  F_REVIEWER,
  F_SPECIALTY,
  F_LICENSURE,
  F_SUMMARY,
  F_SUMMARY_EV,
  F_ITEMS,
  F_OTHER,
  F_PACK,
  F_VERDICT,
  F_HOW,
  F_EMPTY,
  F_COUNT = F_EMPTY
};

/* Numbers of the enum names after the fields: criterion c is N_CRIT + c
 * (the built-in TPI ids, interned: the first criteria of a pack with
 * builtin_tpi; any other criterion id is pushed as a string). */
#define N_CRIT (F_COUNT + 1)
#define N_STATUS (N_CRIT + IR_CRIT_COUNT) /* unknown, present, absent */
#define N_OUTCOME (N_STATUS + 3)          /* unknown, upheld, overturned */
#define N_CONCL (N_OUTCOME + 3)           /* unknown, necessary, not_... */
#define N_SECTION (N_CONCL + 3)           /* IR_SEC_HEADER .. IR_SEC_OTHER */
#define N_TOTAL (N_SECTION + IR_SEC_OTHER)

/* Pushes the names table and returns its index. */
int ir_names_push(lua_State *L);

/* The number of the name the string at idx is (0 for any other value). */
int ir_name_id(lua_State *L, int nm, int idx);

/* The numbers of enum values' names (out-of-range values named as the
 * record's *_name functions name them). */
int ir_name_section(ir_section s);
int ir_name_status(ir_status s);
int ir_name_outcome(ir_outcome o);
int ir_name_conclusion(ir_conclusion c);

/* t[name k] = name v. */
void ir_set_name(lua_State *L, int nm, int t, int k, int v);
/* t[name k] = v (nothing when v is NULL). */
void ir_set_str(lua_State *L, int nm, int t, int k, const char *v);
void ir_set_int(lua_State *L, int nm, int t, int k, lua_Integer v);
/* t[name k] = the value on top (popped). */
void ir_set_top(lua_State *L, int nm, int t, int k);

#endif
