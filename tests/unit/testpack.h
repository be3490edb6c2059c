/* testpack.h - two small guideline packs built by hand for the sink and
 * batch unit tests (no rules stage needed): a TPI-like pack with a status,
 * a number and a list criterion, and an ESI-like pack with a status, a
 * number, a string and a computed number (with "how"). */
#ifndef IR_TESTPACK_H
#define IR_TESTPACK_H
#include <string.h>

#include "letter/letter.h"

static const char *tp_inj_allowed[] = {
    "local_anesthetic", "steroid",   "nsaid", "saline",
    "dextrose",         "botulinum", "other"};

enum { TP_TWITCH = 0, TP_COUNT, TP_INJECTATE, TP_NCRIT };
static const ir_crit_def tp_tpi_crit[TP_NCRIT] = {
    {.id = "twitch_response",
     .requires = "a twitch response and referred pain on palpation",
     .meets = "present",
     .kind = IR_VAL_STATUS},
    {.id = "injection_count",
     .requires = "no more than 3-4 injections per session",
     .meets = "value",
     .kind = IR_VAL_NUMBER},
    {.id = "injectate",
     .requires = "local anesthetic only, no steroid",
     .meets = "value",
     .kind = IR_VAL_LIST,
     .allowed = tp_inj_allowed,
     .nallowed = 7},
};
static const char *tp_tpi_cats[] = {"tpi"};
static const ir_pack tp_tpi = {.id = "t-tpi",
                               .guideline = "MTUS Chronic Pain",
                               .pages = "p. 122",
                               .version = "1.0",
                               .categories = tp_tpi_cats,
                               .ncategories = 1,
                               .crit = tp_tpi_crit,
                               .ncrit = TP_NCRIT};

enum { TE_FLUORO = 0, TE_LEVELS, TE_APPROACH, TE_MED, TE_NCRIT };
static const ir_crit_def tp_esi_crit[TE_NCRIT] = {
    {.id = "fluoroscopy",
     .requires = "performed under fluoroscopic guidance",
     .meets = "present",
     .kind = IR_VAL_STATUS},
    {.id = "levels",
     .requires = "no more than two transforaminal levels",
     .meets = "value",
     .kind = IR_VAL_NUMBER},
    {.id = "approach",
     .requires = "transforaminal, interlaminar or caudal",
     .meets = "value",
     .kind = IR_VAL_STRING},
    {.id = "repeat_relief",
     .requires = "50% relief for six to eight weeks",
     .meets = "present",
     .kind = IR_VAL_NUMBER},
};
static const char *tp_esi_cats[] = {"esi"};
static const ir_pack tp_esi = {.id = "t-esi",
                               .guideline = "MTUS Chronic Pain, ESI",
                               .pages = "p. 46",
                               .version = "0.1",
                               .categories = tp_esi_cats,
                               .ncategories = 1,
                               .crit = tp_esi_crit,
                               .ncrit = TE_NCRIT};

/* Gives it pack p (NULL: none) and one zeroed fact per criterion. */
static inline void tp_set_pack(ir_arena *a, ir_item *it, const ir_pack *p) {
  ir_item_set_pack(a, it, p);
  if (it->nfacts)
    memset(it->facts, 0, it->nfacts * sizeof *it->facts);
}

#endif
