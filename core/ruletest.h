/* ruletest.h - `imraudit test [--rule ID] [-v] [RULES_DIR]`.
 *
 * Runs the whole pipeline on every test letter RULES_DIR/tests/<rule-id>/
 * NAME.txt and compares the findings of rule <rule-id> with NAME.expect
 * beside it (one expected finding per line: `ITEM KIND CRITERION`, CRITERION
 * `-` when the finding names none; `none` or no line for no finding; `#`
 * starts a comment). Prints a diff for every failing letter, names rules
 * without tests and test directories without a rule, and ends with
 * "N passed, N failed". argv[0] is the subcommand ("test"). Returns 0 when
 * all passed, 1 when some failed, 2 when the rules could not be loaded or
 * the command was used wrongly. */
#ifndef IR_RULETEST_H
#define IR_RULETEST_H

int ir_ruletest_main(int argc, char **argv);

#endif
