/* version.h - `imraudit --version`: the program's version, then what the
 * rules directory holds: each rule pack's id, declared version and title,
 * the lexicon files, the specialty map. */
#ifndef IR_VERSION_H
#define IR_VERSION_H
#include <stdio.h>

#include "rules/rules.h"

#define IR_VERSION "0.1.0"

/* Prints to out; 0, or 2 after printing to stderr why the rules directory
 * could not be read. */
int ir_print_version(FILE *out, const char *rules_dir,
                     const ir_rules_opts *opt);

#endif
