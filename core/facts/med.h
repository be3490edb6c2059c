/* med.h - the morphine-equivalent daily dose (MED, MME) of the opioid
 * regimens a text states, and a MED the text states outright.
 *
 * The conversion table is data (rules/mtus-opioids/drugs.tsv; its format is
 * described in the file's header): name -> canonical drug, factor (or
 * tiers by daily dose, as for methadone), unit (mg, mcg/hr for a patch,
 * mcg) and the strength a combination brand fixes (Tylenol #3). Loaded
 * once, read-only afterwards: scanning from several threads is safe. No
 * globals; results live in the caller's arena.
 *
 * A regimen is a drug name, its strength ("10/325" = 10 mg of the opioid,
 * "10-325", "10mg", "7.5 mg", "25 mcg/hr", or the brand's) and the sig
 * after it, read for the maximum daily count: "1-2 tabs q4-6h" = 12,
 * "q8h" = 3, "BID" / "twice a day" = 2, "daily" / "qhs" = 1, "2 tablets
 * twice a day" = 4, "up to 4 per day" = 4 (a cap also bounds a count).
 * A dispensed quantity ("#60", "quantity 120") gives a daily count only
 * with a days' supply stated ("#90 for 30 days" = 3; "per month" is 30
 * days; one closing a list, "A #180 and B #60 per month", is each one's).
 * A patch (mcg/hr) is worn continuously: its MED is strength x patches x
 * factor whatever the change interval ("every 72 hours"). Words of a name
 * or a phrase may be split by line breaks ("Norco\n10/325"). */
#ifndef IR_MED_H
#define IR_MED_H
#include <stddef.h>

#include "base/base.h"

typedef struct ir_med_table ir_med_table;

typedef struct {
  const char *drug;  /* canonical drug ("hydrocodone"); table-owned */
  const char *name;  /* the table's spelling of the name written ("Norco") */
  const char *unit;  /* of strength: "mg", "mcg/hr" or "mcg"; table-owned */
  double strength;   /* of the opioid, per tablet/patch/... ("10/325" -> 10) */
  double per_day;    /* maximum units a day (a patch: patches worn at once);
                        0 when the text gives no daily count */
  double factor;     /* mg morphine per unit of strength (methadone: the tier
                        of its daily dose) */
  double med;        /* strength x per_day x factor, mg/day; 0 when unknown */
  double quantity;   /* dispensed quantity ("#60"), 0 when none */
  double days;       /* days' supply stated ("for 30 days"), 0 when none */
  int extended;      /* extended release (the table, or "ER"/"SR"/... after) */
  int implied;       /* strength fixed by the brand, not written */
  size_t start, end; /* the regimen in the text: name .. end of its sig */
} ir_med_dose;

/* Reads the table at path. NULL on error, with one line in err:
 * "path:line: message" (or "path: message" when it cannot be read). */
ir_med_table *ir_med_load(const char *path, char *err, size_t errlen);
void ir_med_free(ir_med_table *t);
size_t ir_med_rows(const ir_med_table *t); /* rows loaded */

/* The regimens in text[start, end), in order, as an array in a (*out;
 * NULL when none). A name with no strength (written or implied) is no
 * regimen; one with a strength and no daily count is one with per_day and
 * med 0. */
size_t ir_med_scan(const ir_med_table *t, ir_arena *a, const char *text,
                   size_t start, size_t end, ir_med_dose **out);

/* The first MED text[start, end) states ("MED of 90 mg", "90 MME/day",
 * "180 mg MED", "morphine equivalent dose of 120 mg/day", "MED 135"):
 * returns 1 with the mg/day in *mg and the phrase in [*s, *e); 0 when none.
 * A threshold is no statement ("the 120 mg MED threshold", "below 120 mg
 * MED", "MED over 120"). Call again from *e for the next one. */
int ir_med_stated(const char *text, size_t start, size_t end, double *mg,
                  size_t *s, size_t *e);

/* The total MED of doses d[0, n): one regimen per drug (same drug, release
 * and unit; the highest MED of its restatements), doses with no MED left
 * out. With explain, *explain is the arithmetic in a, in the order the
 * regimens first appear: "Norco 10 mg x 6/day x 1 = 60; OxyContin 20 mg x
 * 2/day x 1.5 = 60; total 120 mg/day" ("" when no dose has a MED). */
double ir_med_total(ir_arena *a, const ir_med_dose *d, size_t n,
                    const char **explain);

#endif
