/* pack_load.h - reading a guideline pack's pack.lua into an ir_pack
 * (letter/pack.h). Internal to the rules stage (rules.c loads the packs of
 * the search path with it; tests call it directly).
 *
 * pack.lua is data: it returns one table (see rules/README.md, "Packs").
 * It runs in a fresh Lua state with no library at all, loaded as text
 * (never bytecode), under an instruction and a memory limit. Every error
 * comes back as "file:line: message" (the line of the offending entry,
 * found by searching the source for its id or the bad word), before any
 * letter is read: a syntax error, a missing or malformed id, an unknown
 * key (a typo), a bad `meets`, `value`, `read`, `modifiers`, `bind`, a
 * duplicate criterion, a criterion named by no fact, a builtin = "tpi"
 * pack without all eleven TPI criteria, a `table` that cannot be read. */
#ifndef IR_PACK_LOAD_H
#define IR_PACK_LOAD_H
#include <stddef.h>

#include "letter/letter.h"

/* Does dir hold a pack.lua (is it a pack folder)? */
int ir_pack_dir_is_pack(const char *dir);

/* Loads dir/pack.lua. p->dir is dir; p->index is 0 (the ruleset numbers
 * its packs). NULL with "file:line: message" in err. */
ir_pack *ir_pack_load(const char *dir, char *err, size_t errlen);

/* Loads from source text (file is the name errors give; dir resolves
 * `table`). For tests. */
ir_pack *ir_pack_load_text(const char *dir, const char *file, const char *src,
                           size_t len, char *err, size_t errlen);

void ir_pack_free(ir_pack *p);

/* The line of p's id in its pack.lua (for messages naming it). */
int ir_pack_id_line(const ir_pack *p);

/* 1-based line of the first "word =" in src, else of the first 'word' or
 * "word" (a quoted value), else of the last "return" (messages of the
 * rules stage point at the entry they are about). */
int ir_src_line_of(const char *src, const char *word);

#endif
