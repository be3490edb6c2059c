/* record.h - the audit record of one letter (see shared audit-json.md).
 *
 * Data flows one way: read -> normalize (text.h) -> segment (fills header,
 * reviewer, summary, items) -> extract (fills facts, cited) -> rules (fills
 * findings) -> report. Every pointer in an ir_letter is owned by the letter's
 * arena; an ir_letter is reset between letters, never freed piecemeal.
 * Positions named n* are normalized positions in letter->text.norm; evidence
 * carries original byte offsets. */
#ifndef IR_RECORD_H
#define IR_RECORD_H
#include <stddef.h>

#include "base/base.h"
#include "pack.h"
#include "text/text.h"

typedef enum {
  IR_SEC_HEADER = 0,
  IR_SEC_SUMMARY,
  IR_SEC_RATIONALE,
  IR_SEC_TITLE,
  IR_SEC_OTHER
} ir_section;
const char *ir_section_name(ir_section s); /* "header","summary",... */

typedef enum {
  IR_CONC_UNKNOWN = 0,
  IR_CONC_NECESSARY,
  IR_CONC_NOT_NECESSARY
} ir_conclusion;
const char *ir_outcome_name(ir_outcome o);       /* "upheld", ... */
const char *ir_conclusion_name(ir_conclusion c); /* "not_necessary", ... */

typedef enum { IR_FACT_UNKNOWN = 0, IR_FACT_PRESENT, IR_FACT_ABSENT } ir_status;
const char *ir_status_name(ir_status s);

typedef struct {
  ir_section section;
  size_t start, end;   /* byte offsets into the original file */
  size_t nstart, nend; /* the same span in normalized text */
  const char *text;    /* normalized text of the span */
} ir_evidence;

typedef IR_VEC(ir_evidence) ir_evlist;
typedef IR_VEC(const char *) ir_strlist;

/* The 11 trigger point facts the built-in TPI extractor fills, in report
 * order: the first criteria of a pack with builtin_tpi (pack.h). Every
 * other place names a criterion by its pack and index. */
#define IR_CRITERIA(X)                                                         \
  X(TWITCH, "twitch_response")                                                 \
  X(REFERRED, "referred_pain")                                                 \
  X(DURATION, "duration")                                                      \
  X(FAILED_PT, "failed_physical_therapy")                                      \
  X(FAILED_NSAIDS, "failed_nsaids")                                            \
  X(FAILED_MR, "failed_muscle_relaxants")                                      \
  X(RADICULOPATHY, "radiculopathy")                                            \
  X(INJECTION_COUNT, "injection_count")                                        \
  X(REPEAT_RELIEF, "repeat_relief")                                            \
  X(FREQUENCY, "frequency")                                                    \
  X(INJECTATE, "injectate")
#define IR_CRIT_ENUM(e, s) IR_CRIT_##e,
typedef enum { IR_CRITERIA(IR_CRIT_ENUM) IR_CRIT_COUNT } ir_criterion;
#undef IR_CRIT_ENUM
const char *ir_criterion_name(ir_criterion c);
int ir_criterion_from_name(const char *s); /* -1 when unknown */

/* A criterion judged against the guideline, as the pack's verdict() says
 * (IR_VERDICT_NONE: not judged, no pack verdict ran). */
typedef enum {
  IR_VERDICT_NONE = 0,
  IR_VERDICT_UNKNOWN,
  IR_VERDICT_MET,
  IR_VERDICT_UNMET,
  IR_VERDICT_CONTRADICTED
} ir_verdict;
const char *ir_verdict_name(ir_verdict v); /* "met", "unmet", ... */
int ir_verdict_from_name(const char *s);   /* -1 when unknown */

typedef struct {
  ir_status status; /* derived: present/absent/unknown */
  ir_verdict verdict;
  int contradicted; /* the record both affirms and denies it */
  ir_evlist affirm; /* spans documenting it (present, or criterion met) */
  ir_evlist deny;   /* spans documenting its absence / a negative finding */
  int has_value;    /* kind number: ivalue; string: svalue; list: list */
  long ivalue;
  int half;           /* a number value is ivalue + 0.5 (MED 22.5) */
  const char *svalue; /* approach: transforaminal, ... */
  ir_strlist list;    /* injectate classes: local_anesthetic, steroid, ... */
  const char *how;    /* how the value was computed (MED arithmetic) */
} ir_fact;

typedef struct {
  int criterion;      /* index into the item's pack criteria */
  ir_evlist evidence; /* rationale spans stating it unmet/undocumented */
} ir_cite;

typedef enum { IR_SEV_INFO = 0, IR_SEV_WARNING, IR_SEV_ERROR } ir_severity;
const char *ir_severity_name(ir_severity s);

typedef struct {
  const char *rule;      /* rule script id */
  const char *kind;      /* finding kind */
  const char *criterion; /* criterion id or NULL */
  ir_severity severity;
  const char *message;
  ir_evlist evidence;
  /* cross-case (batch) findings: counterpart "file#index" strings */
  ir_strlist counterparts;
} ir_finding;

typedef struct {
  int index; /* 1-based */
  const char *service;
  ir_evidence title; /* the title line, section "title" */
  const char *category;
  ir_outcome outcome;
  ir_conclusion conclusion;
  ir_evidence conclusion_ev;     /* the sentence carrying the conclusion */
  const char *guideline_ca;      /* Claims Administrator guideline text */
  const char *guideline_maximus; /* MAXIMUS guideline text */
  size_t nstart, nend;           /* the whole item in normalized text */
  size_t rat_start, rat_end;     /* the rationale in normalized text */
  int line;                      /* 1-based line of the title in the file */
  const ir_pack *pack;           /* the guideline pack covering it, or NULL */
  ir_fact *facts;                /* one per pack criterion, in its order */
  size_t nfacts;                 /* pack->ncrit, 0 without a pack */
  IR_VEC(ir_cite) cited;
  IR_VEC(ir_finding) findings;
} ir_item;

typedef struct {
  const char *rule; /* rule id, or file name when the script did not load */
  const char *file; /* rule script path */
  int item;         /* 1-based item index, 0 for the letter */
  const char *message;
} ir_rule_error;

typedef struct {
  const char *path; /* as given on the command line ("-" for stdin) */
  int ok;
  const char *error; /* one line, when !ok */
  ir_text text;
  const char *case_number;
  const char *date_injury, *date_decision, *date_ur_denial, *date_assigned,
      *date_application; /* ISO yyyy-mm-dd or NULL */
  const char *priority;
  const char *specialty, *licensure; /* as the letter words them */
  const char *specialty_group;       /* specialty normalized for grouping
                                        (letter/specialty.h), or NULL */
  size_t sum_start, sum_end;         /* clinical case summary, normalized */
  int truncated;                     /* letter ends inside an item */
  int items_capped; /* the item limit (segment_int.h) when the letter has
                       more items: only the first ones are audited */
  IR_VEC(ir_item) items;
  IR_VEC(ir_rule_error) rule_errors;
} ir_letter;

/* Evidence helper: a normalized span [ns, ne) of letter text, trimmed of
 * surrounding spaces, with original offsets filled in. */
ir_evidence ir_make_evidence(ir_arena *a, const ir_text *t, ir_section sec,
                             size_t ns, size_t ne);

/* The id of criterion c of the item's pack ("unknown" when none). */
const char *ir_item_crit_name(const ir_item *it, int c);
/* Gives the item its pack and one unknown fact per criterion. */
void ir_item_set_pack(ir_arena *a, ir_item *it, const ir_pack *p);

/* Severity of the letter for the exit status (base/exitcode.h):
 * IR_EXIT_OK clean, IR_EXIT_FLAGGED flagged, IR_EXIT_FAILED failed (not ok,
 * or a rule error). */
int ir_letter_status(const ir_letter *l);

#endif
