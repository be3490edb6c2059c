/* pack.h - a guideline pack as plain data: what the record of an item
 * covered by the pack holds (its criteria, in report order) and how the
 * facts stage reads each fact (fact specifications). Packs are loaded from
 * rules/<pack-id>/pack.lua by the rules stage (rules/pack_load.h) before
 * any letter is read, and are read-only afterwards: every worker shares
 * them. An item's pack is chosen by its category (ir_packset_for). */
#ifndef IR_PACK_H
#define IR_PACK_H
#include <stddef.h>

/* The kind of value a criterion's fact carries beside its status. */
typedef enum {
  IR_VAL_STATUS = 0, /* present / absent / unknown only */
  IR_VAL_NUMBER,     /* an integer (injection_count, levels, MED) */
  IR_VAL_STRING,     /* one word (approach) */
  IR_VAL_LIST        /* a list of classes (injectate) */
} ir_value_kind;
const char *ir_value_kind_name(ir_value_kind k);

/* The built-in value extractors a fact spec may name (facts stage). */
typedef enum {
  IR_VX_NONE = 0,
  IR_VX_COUNT,   /* a count near the target: "x4", "(4)", "four (4)" */
  IR_VX_LEVELS,  /* spinal levels named: "L4-5 and L5-S1" = 2 */
  IR_VX_CLASS,   /* the first class section that matches (a string) */
  IR_VX_CLASSES, /* every class section that matches (a list) */
  IR_VX_PERCENT, /* relief percent with a duration: present when at
                    least the thresholds, absent when below */
  IR_VX_MED,     /* morphine-equivalent dose from drug, strength, sig */
  IR_VX_STATED,  /* a number the record states after a target term */
  IR_VX_BLOCKS   /* blocks in the region in a year, the request counted */
} ir_vx;
const char *ir_vx_name(ir_vx v);
int ir_vx_from_name(const char *s); /* -1 when unknown */

/* Modifier classes a fact spec applies to its targets (bit set). */
enum {
  IR_MOD_NEGATED = 1 << 0,      /* "no", "denies", "negative for" */
  IR_MOD_HYPOTHETICAL = 1 << 1, /* "if", "would", "should" */
  IR_MOD_FUTURE = 1 << 2,       /* "will", "planned": nothing documented */
  IR_MOD_RESOLVED = 1 << 3,     /* historical, gone since: absent */
  IR_MOD_NOT_FOUND = 1 << 4,    /* looked for and not found: absent */
  IR_MOD_ATTRIBUTED = 1 << 5,   /* said by UR / a prior review: ignored
                                   unless the reviewer adopts it */
  IR_MOD_UNCERTAIN = 1 << 6,    /* "possible", "questionable": ignored */
  IR_MOD_ALL = (1 << 7) - 1
};
/* The class named s ("negated", ...), 0 when unknown. */
int ir_mod_from_name(const char *s);
const char *ir_mod_name(int bit);

#define IR_PACK_MAX_SECS 8
#define IR_PACK_MAX_NUMS 4

/* The record regions a fact is read from. */
enum {
  IR_READ_SUMMARY = 1 << 0,
  IR_READ_TITLE = 1 << 1,
  IR_READ_RATIONALE = 1 << 2 /* the reviewer's own account of the record */
};

/* How a fact's evidence is bound to its item. */
typedef enum {
  IR_BIND_NONE = 0,
  IR_BIND_REGION, /* a finding of another body region is not the item's */
  IR_BIND_LEVEL   /* ... nor one of another level or side */
} ir_bind;

/* Lexicon section names: the pack's own ([name] in its *.lex files) or
 * shared ones (rules/lexicon/); the facts stage resolves them. */
typedef struct {
  const char *names[IR_PACK_MAX_SECS];
  int n;
} ir_secset;

/* One fact specification (ConText-style: targets, modifiers, scope). */
typedef struct {
  int builtin;              /* filled by the built-in TPI extractor */
  ir_secset affirm;         /* hits that document the fact */
  ir_secset deny;           /* hits that document its absence */
  ir_secset weak_deny;      /* hits that document its absence only where
                               nothing affirms it (one normal part of an
                               exam beside a positive sign) */
  ir_secset cite;           /* more terms a rationale cites it by */
  ir_secset unmet;          /* phrases that by their own words state it
                               unmet in a rationale ("the criteria for a
                               repeat block are not met"): a citation
                               unless hypothetical or another party's */
  ir_secset classes;        /* value classes (IR_VX_CLASS/CLASSES), in order */
  const char **class_names; /* the value of each class section */
  ir_secset value_at;       /* IR_VX_COUNT/STATED: terms the value follows */
  ir_secset with;           /* `with`: an affirm or deny hit counts only in
                               a sentence that also has a hit of one of
                               these (an outcome phrase with a therapy) */
  unsigned read;            /* IR_READ_* */
  unsigned mods;            /* IR_MOD_* applied */
  ir_bind bind;
  ir_vx vx;
  const char *table;     /* IR_VX_MED: the drug table's path */
  const char *otherwise; /* `otherwise`: the status ("absent") or, for a
                            class value, the value ("unknown") when the
                            record shows nothing; NULL: unknown */
  int affirm_wins;       /* `prevail = "affirm"`: one affirmation meets it
                            however many denials ("imaging and/or
                            electrodiagnostics") */
  int line;              /* pack.lua line, for messages */
} ir_fact_spec;

typedef struct {
  const char *id;
  const char *requires; /* what the record must show, in words */
  const char *meets;    /* "present", "absent" or "value" */
  ir_value_kind kind;
  int nnum;
  struct {
    const char *key;
    long v;
  } num[IR_PACK_MAX_NUMS]; /* thresholds: more_than_days, at_most ... */
  const char **allowed;    /* `allowed` classes, for the pack's checks */
  size_t nallowed;
  int line; /* pack.lua line of the criterion, for messages */
  ir_fact_spec fact;
} ir_crit_def;

typedef struct ir_pack {
  const char *id, *guideline, *pages, *version, *dir;
  const char **categories; /* "*" covers every item */
  size_t ncategories;
  const ir_crit_def *crit; /* in report order */
  size_t ncrit;
  int builtin_tpi; /* the first IR_CRIT_COUNT criteria are the built-in
                      TPI facts, in IR_CRITERIA order */
  int index;       /* position in its packset */
} ir_pack;

typedef struct {
  const ir_pack *const *v;
  size_t n;
} ir_packset;

/* The pack whose categories name cat (NULL cat is "other"); a pack naming
 * the category itself wins over a "*" pack; NULL when none covers it. */
const ir_pack *ir_packset_for(const ir_packset *ps, const char *cat);
const ir_pack *ir_packset_find(const ir_packset *ps, const char *id);
/* Criterion index of id in p, -1 when p has none. */
int ir_pack_crit(const ir_pack *p, const char *id);
/* Threshold key of criterion c: 1 with *v, or 0. */
int ir_pack_number(const ir_pack *p, int c, const char *key, long *v);

#endif
