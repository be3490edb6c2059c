/* nlp.h - the language stage: takes normalized text and gives sentences
 * (sentence.h), lexicon matches (lexicon.h: sections of literal phrases and
 * PCRE2 fragments loaded from the rules' *.lex files, an Aho-Corasick
 * prefilter, JIT-compiled alternations) and context scope (scope.h:
 * negation, hypothetical, pseudo-triggers and terminators as lexicon rows).
 * It knows nothing of guidelines or items. */
#ifndef IR_NLP_H
#define IR_NLP_H
#include "lexicon.h"
#include "scope.h"
#include "sentence.h"
#endif
