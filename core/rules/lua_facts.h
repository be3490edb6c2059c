/* lua_facts.h - evidence, spans and an item's facts as Lua tables, for
 * lua_convert.c's item tables (internal to the rule engine; shapes in
 * rules/README.md, views in lua_readonly.h).
 *
 * nm is the stack index of the names table (lua_names.h), t that of the
 * storage being filled. The ir_lc_rest_* setters fill one field of an item's
 * storage: item.facts (a lazy view: each fact is built on the first read of
 * its key; facts without evidence or value are shared by every letter) and
 * item.cited_evidence (built on first use). All may raise memory errors. */
#ifndef IR_LUA_FACTS_H
#define IR_LUA_FACTS_H
#include <lua.h>

#include "letter/letter.h"

/* Pushes the view of an evidence table. */
void ir_lc_push_evidence(lua_State *L, int nm, const ir_evidence *e);
/* Sets field k (the text) and field kev (its evidence view) of the table at
 * t from the normalized span [ns, ne) of l. */
void ir_lc_set_span(lua_State *L, int nm, int t, const ir_letter *l,
                    ir_section sec, size_t ns, size_t ne, int k, int kev);
/* Is field k of the table at t still unset (raw)? */
int ir_lc_unset(lua_State *L, int nm, int t, int k);
/* Pushes the id of criterion c of the item's pack. */
void ir_lc_push_crit_name(lua_State *L, int nm, const ir_item *it, size_t c);
void ir_lc_rest_facts(lua_State *L, int nm, const ir_item *it, int t);
void ir_lc_rest_cited_evidence(lua_State *L, int nm, const ir_item *it, int t);

/* The number of facts an item shows: one per criterion of its pack. */
static inline size_t ir_lc_nfacts(const ir_item *it) {
  if (!it->pack || !it->facts)
    return 0;
  return it->nfacts < it->pack->ncrit ? it->nfacts : it->pack->ncrit;
}

#endif
