/* version.h - `imraudit --version` and `imraudit packs`: the program's
 * version, then what the rules search path holds: the packs, each rule's
 * id, declared version and title, the lexicon files, the specialty map. */
#ifndef IR_VERSION_H
#define IR_VERSION_H
#include <stdio.h>

#include "rules/rules.h"

#define IR_VERSION "0.1.0"

/* Prints to out: the version, each rules directory of the search path,
 * each pack (id, version, folder, guideline and pages, categories, number
 * of criteria), each rule (id, version, file, title), the lexicons, the
 * specialty map. 0, or 2 after printing to stderr why the rules could not
 * be read. */
int ir_print_version(FILE *out, const char *const *dirs, size_t ndirs,
                     const ir_rules_opts *opt);

/* `imraudit packs [RULES_DIR...]` (argv[0] is "packs"; --rules DIR also
 * names one): one line per pack, tab-separated: id, version, guideline
 * with pages, categories (comma-separated), number of criteria, folder.
 * Exit status as jq's: 0 packs listed, 1 none found, 2 the rules could not
 * be loaded or bad usage. */
int ir_print_packs_main(int argc, char **argv);

#endif
