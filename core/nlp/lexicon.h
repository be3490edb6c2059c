/* lexicon.h - the fact extractor's term lists, loaded from *.lex files.
 *
 * A lexicon file is UTF-8 text, one entry per line:
 *   # comment                 (a line whose first non-blank byte is '#')
 *   [section]                 starts a section; the name must be one of
 *                             IR_LEX_SECTIONS below
 *   a literal phrase          words match case-insensitively across any run
 *                             of spaces/newlines; '-' also matches a space or
 *                             nothing; a trailing '*' on a word matches any
 *                             word ending ("radicul*"); word boundaries are
 *                             implied at both ends
 *   /a PCRE2 fragment/        used as written (caseless); in [count] and
 *                             [relief] the first capturing group is the
 *                             number (count, or percent of relief)
 * Several files may add to the same section. Each section compiles to one
 * PCRE2 alternation, and each entry alone (JIT); a sentence is matched
 * only with the entries whose required literals it contains (see
 * ir_lexicon_scan), with the alternation's result. A malformed entry
 * (unknown section, entry before a section, unterminated or invalid regex,
 * a regex that matches the empty string) fails the load with
 * "file:line: message". */
#ifndef IR_LEXICON_H
#define IR_LEXICON_H
#include <stddef.h>
#include <stdint.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#define IR_LEX_SECTIONS(X)                                                     \
  X(TPI, "tpi")                     /* trigger point injection */              \
  X(TRIGGER_POINT, "trigger_point") /* trigger points (deny only) */           \
  X(TWITCH, "twitch")                                                          \
  X(REFERRED, "referred_pain")                                                 \
  X(CHRONIC, "chronic")    /* duration > 3 months */                           \
  X(ACUTE, "acute")        /* duration < 3 months */                           \
  X(INJURY, "injury_date") /* precedes an injury date */                       \
  X(PT, "physical_therapy")                                                    \
  X(NSAID, "nsaid")                                                            \
  X(MR, "muscle_relaxant")                                                     \
  X(RADIC, "radiculopathy")               /* affirming signs */                \
  X(RADIC_SCREEN, "radiculopathy_screen") /* general neuro exam */             \
  X(RADIC_TEST, "radiculopathy_test")     /* neutral tests */                  \
  X(RADIC_RULE, "radicular_rule")         /* TPI not for radicular pain */     \
  X(RELIEF, "relief")                                                          \
  X(NO_RELIEF, "no_relief")                                                    \
  X(NUM, "count")                                                              \
  X(INJ_LA, "injectate_local_anesthetic")                                      \
  X(INJ_STEROID, "injectate_steroid")                                          \
  X(INJ_NSAID, "injectate_nsaid")                                              \
  X(INJ_SALINE, "injectate_saline")                                            \
  X(INJ_DEXTROSE, "injectate_dextrose")                                        \
  X(INJ_BOTULINUM, "injectate_botulinum")                                      \
  X(INJ_OTHER, "injectate_other")                                              \
  X(OTHER_INJ, "other_injection")   /* ESI, facet, blocks */                   \
  X(DONE, "performed")              /* an injection was given */               \
  X(INJ_WORD, "injection_word")     /* injections, a second set */             \
  X(INTERVAL, "interval")           /* "six weeks later" */                    \
  X(REQUEST, "request")             /* requested, sought */                    \
  X(RADIATING, "radiating")         /* referred when near a TP */              \
  X(CONTRAST, "contrast")           /* but, however: therapy links */          \
  X(OTHER_SERVICE, "other_service") /* a count after one is not the TPI's */   \
  X(REPORT, "report")               /* according to, felt that */              \
  X(REG_LUMBAR, "region_lumbar")                                               \
  X(REG_CERVICAL, "region_cervical")                                           \
  X(REG_THORACIC, "region_thoracic")                                           \
  X(REG_ELSEWHERE, "region_elsewhere") /* a limb: a therapy's other target */  \
  X(NEG_PRE, "negation_pre")                                                   \
  X(NEG_POST, "negation_post")                                                 \
  X(NEG_RESULT, "negation_result")                                             \
  X(PSEUDO, "pseudo_negation")                                                 \
  X(NEG_CLAUSE, "negation_clause") /* fronted: at no time, neither */          \
  X(NEG_FLIP, "double_negation")   /* it is not true that ... */               \
  X(PAREN, "parenthetical")        /* ", despite ..., " */                     \
  X(RESOLVED, "resolved")          /* historical, gone since */                \
  X(SOUGHT, "sought")              /* looked for (and not found) */            \
  X(TERMINATOR, "terminator")                                                  \
  X(HYPO, "hypothetical")                                                      \
  X(FUTURE, "future") /* planned, will be: nothing documented yet */           \
  X(ATTRIB, "attribution")                                                     \
  X(FAILED, "failed") /* outcome class: no effect, failed */                   \
  X(OUT_PARTIAL, "outcome_partial")                                            \
  X(OUT_TRANSIENT, "outcome_transient")                                        \
  X(OUT_PLATEAU, "outcome_plateau")                                            \
  X(OUT_PERSISTS, "outcome_persists")                                          \
  X(OUT_REFERENT, "outcome_referent") /* the pain, or the therapy's effect */  \
  X(RELIEF_DUR, "relief_duration")    /* how long a relief lasted */           \
  X(UMB_CONSERVATIVE, "umbrella_conservative") /* PT, NSAIDs, relaxants */     \
  X(UMB_MEDICATION, "umbrella_medication")     /* NSAIDs, relaxants */         \
  X(UMB_THERAPY, "umbrella_therapy")           /* physical therapy */          \
  X(NOT_TRIED, "not_tried")                                                    \
  X(TRIED, "tried")                                                            \
  X(HELPED, "helped")                                                          \
  X(SIDE_EFFECT, "side_effect")                                                \
  X(CITE_PRE, "citation_pre")                                                  \
  X(CITE_POST, "citation_post")                                                \
  X(CITE_TERM, "citation_terminator")                                          \
  X(RECITAL, "recital")                                                        \
  X(APPLIED, "applied")                                                        \
  X(CONCESSION, "concession") /* grants the recital just before */             \
  X(UNSUPPORTED, "unsupported")                                                \
  X(CITE_COUNT, "citation_count")                                              \
  X(CITE_REPEAT, "citation_repeat")                                            \
  X(CITE_FREQ, "citation_frequency")                                           \
  X(CITE_PENDING, "citation_pending") /* the response is not known yet */      \
  X(UNCERTAIN, "uncertain")           /* possible, questionable */             \
  X(ADOPTION, "adoption") /* "I agree with", just before a party's name */

#define IR_LEX_ENUM(e, s) IR_LEX_##e,
typedef enum { IR_LEX_SECTIONS(IR_LEX_ENUM) IR_LEX_COUNT } ir_lex_id;

/* A set of sections, bit i for section i (128 bits: GCC's and Clang's
 * __int128). */
__extension__ typedef unsigned __int128 ir_secmask;
#define IR_SEC_BIT(i) ((ir_secmask)1 << (i))
#define IR_SEC_ALL (~(ir_secmask)0)
/* The lowest section in a non-empty set. */
static inline int ir_secmask_first(ir_secmask m) {
  uint64_t lo = (uint64_t)m;
  return lo ? __builtin_ctzll(lo) : 64 + __builtin_ctzll((uint64_t)(m >> 64));
}
#undef IR_LEX_ENUM

typedef struct ir_lexicon ir_lexicon;
#define IR_LEX_MAX 128 /* sections per lexicon */

const char *ir_lex_name(int id);
int ir_lex_from_name(const char *s, size_t n); /* -1 when unknown */

ir_lexicon *ir_lexicon_new(void);
/* A lexicon whose files name their own sections (a guideline pack's): a
 * new [name] makes a section, up to IR_LEX_MAX; entries under a shared
 * section's name go to shared (when not NULL; compile it
 * after). */
ir_lexicon *ir_lexicon_new_open(ir_lexicon *shared);
/* Adds every *.lex of dir (none is no error): the number of files, or -1
 * with "file:line: message". */
int ir_lexicon_add_files(ir_lexicon *lx, const char *dir, char *err,
                         size_t errlen);
int ir_lexicon_nsections(const ir_lexicon *lx);
const char *ir_lexicon_section_name(const ir_lexicon *lx, int id);
int ir_lexicon_section_id(const ir_lexicon *lx, const char *s, size_t n);
/* Adds the entries of one file's text (name used in messages). */
int ir_lexicon_add(ir_lexicon *lx, const char *name, const char *text,
                   size_t len, char *err, size_t errlen);
/* Reads every *.lex in dir and dir/lexicon/ (sorted). Fails when none. */
int ir_lexicon_add_dir(ir_lexicon *lx, const char *dir, char *err,
                       size_t errlen);
/* Compiles each section into one alternation, each entry alone (JIT),
 * and the prefilter. */
int ir_lexicon_compile(ir_lexicon *lx, char *err, size_t errlen);
/* Compiled pattern of a section, NULL when the section is empty. */
const pcre2_code *ir_lexicon_code(const ir_lexicon *lx, int id);
size_t ir_lexicon_terms(const ir_lexicon *lx, int id);
/* Prefilter. Fragments (entries) have ids: section id's k-th fragment
 * (in matching order) is ir_lexicon_frag_base(id) + k, below nfrags.
 * ir_lexicon_scan sets seen[g] = 1 for each fragment g that may match in
 * s[0, n) and 0 for the others: a fragment is left out only when s lacks
 * one of its required literal sets (every match of the fragment contains
 * a literal of each set, case-insensitive; e.g. "no", "documentation" and
 * "of" for "no documentation of"). One pass over s (Aho-Corasick).
 * Returns a mask (bit id) of the sections with a candidate fragment.
 * seen must hold ir_lexicon_scratch() bytes, zero-filled before the first
 * call and then passed only to scans of lx (the bytes past nfrags are work
 * space: they keep the list of candidates, ir_lexicon_cands, through which
 * the next scan clears their seen bytes). */
size_t ir_lexicon_nfrags(const ir_lexicon *lx);
size_t ir_lexicon_scratch(const ir_lexicon *lx);
ir_secmask ir_lexicon_scan(const ir_lexicon *lx, const char *s, size_t n,
                           uint8_t *seen);
/* A scan for a sentence that needs only the sections in want (a mask,
 * bit id), e.g. a letter's header: seen and the offsets below are those
 * of ir_lexicon_scan for the fragments of those sections (the others'
 * seen bytes are to be ignored), and the mask is ir_lexicon_scan's & want.
 * Faster when want is the mask given to ir_lexicon_subset before
 * ir_lexicon_compile (a smaller automaton over those sections' literals
 * only); with any other mask the same as ir_lexicon_scan & want. */
void ir_lexicon_subset(ir_lexicon *lx, ir_secmask want);
ir_secmask ir_lexicon_scan_only(const ir_lexicon *lx, ir_secmask want,
                                const char *s, size_t n, uint8_t *seen);
/* After a scan: every match of candidate fragment g in s[0, n) starts at
 * or before the returned offset (the end of the last occurrence of one of
 * its required literals), (size_t)-1 when unknown. */
size_t ir_lexicon_frag_last(const ir_lexicon *lx, const uint8_t *seen,
                            size_t g);
/* After a scan: every match of candidate fragment g in s[0, n) starts at
 * or after the returned offset (the start of the first occurrence of a
 * literal every match begins with), 0 when unknown; *end is the end of
 * that occurrence (0 when unknown). */
size_t ir_lexicon_frag_first(const ir_lexicon *lx, const uint8_t *seen,
                             size_t g, size_t *end);
/* The literal fragment g is exactly, or NULL: every match is the literal
 * (lower case; each ' ' a run of whitespace, letters caseless), after a
 * non-word byte (or the text start) when *ws, before one (or the subject
 * end) when *we. */
const char *ir_lexicon_frag_literal(const ir_lexicon *lx, size_t g, int *ws,
                                    int *we);
/* Where the literal fragment (lit, ws, we as above; with tail, lit then
 * \w*: a word ending) matching text[at, ...) inside the subject text[0, e)
 * ends, 0 when it does not match there (the match PCRE2 would find
 * starting at at). found_end: the end the
 * scan reported for an occurrence of lit at at (ir_lexicon_frag_first),
 * or 0 when none is known. */
size_t ir_lexicon_literal_at(const char *lit, int ws, int we, int tail,
                             const char *text, size_t e, size_t at,
                             size_t found_end);
/* All of the above for a candidate fragment after a scan, in one call
 * (ir_lexicon_cand_info; the offsets are into the scanned s). */
typedef struct {
  const pcre2_code *code; /* ir_lexicon_frag_code */
  const char *lit; /* ir_lexicon_frag_literal, with ws, we; or the literal
                     followed by \w* when tail */
  int ws, we, tail;
  size_t from, fend; /* ir_lexicon_frag_first */
  size_t last;       /* ir_lexicon_frag_last */
} ir_frag_info;
/* After a scan: the candidate fragments (those it set seen[g] = 1 for),
 * in increasing order, *n of them. */
const uint32_t *ir_lexicon_cands(const ir_lexicon *lx, const uint8_t *seen,
                                 size_t *n);
/* The ir_frag_info of candidate fragment g (an id: base + k) of a section
 * that is not matched whole. */
void ir_lexicon_cand_info(const ir_lexicon *lx, const uint8_t *seen, uint32_t g,
                          ir_frag_info *fi);
/* Section id's first fragment id (*base) and number of fragments (*n):
 * -1 when the section is empty (no ir_lexicon_code), 1 when it is
 * matched whole (no ir_lexicon_frag_code), else 0. */
int ir_lexicon_sec_info(const ir_lexicon *lx, int id, size_t *base, size_t *n);
/* The same for every section at once, indexed by id below IR_LEX_MAX
 * (after ir_lexicon_compile): how is the result, base and n the outputs. */
typedef struct {
  uint32_t base, n;
  int32_t how;
} ir_sec_info;
const ir_sec_info *ir_lexicon_sec_infos(const ir_lexicon *lx);
size_t ir_lexicon_frag_base(const ir_lexicon *lx, int id);
/* The k-th fragment of section id compiled alone (caseless, JIT, with
 * PCRE2_USE_OFFSET_LIMIT so a match context may set an offset limit), or NULL
 * when the section must be matched whole (ir_lexicon_code). The section's
 * leftmost match from an offset is the leftmost of its fragments' matches,
 * the lowest k on a tie. */
const pcre2_code *ir_lexicon_frag_code(const ir_lexicon *lx, int id, size_t k);
void ir_lexicon_free(ir_lexicon *lx);

#endif
