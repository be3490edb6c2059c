/* lua_sandbox.h - one sandboxed Lua 5.4 state (internal to the rule engine).
 *
 * ir_lua_box_open() creates a state whose allocator counts every byte and
 * refuses growth past `memory` or past the process budget for all states
 * together (ir_lua_budget_set; shrinks never fail), opens only base, string,
 * table, math and utf8 (plus os.time/os.date/os.clock), replaces everything
 * else with functions whose error names them ("io.open is not available in
 * rules"), makes undefined global reads an error, and loads `src` as text
 * (never bytecode) under the limits. The chunk must return the rule table,
 * left in the registry (box->rule_ref).
 * ir_lua_box_call() runs the function on the stack with an instruction limit
 * counted from zero for this call, and a wall-clock limit of IR_RULE_SECONDS
 * as a backstop (read in the same hook); once a limit is hit it is sticky
 * (the hook raises at every instruction) so pcall inside a rule cannot
 * swallow it. Library calls that loop in C are charged to the same budget
 * (lua_bounded.h, ir_lua_box_charge).
 * After an error the caller may ir_lua_box_reopen() to get a fresh state. */
#ifndef IR_LUA_SANDBOX_H
#define IR_LUA_SANDBOX_H
#include <stddef.h>

#include <lua.h>

#include "letter/letter.h"

#define IR_RULE_SECONDS 10 /* wall-clock limit per check() call */
/* Default budget for all rule states of the process together. */
#define IR_RULE_MEMORY_TOTAL ((size_t)1 << 30)
#define POOL_STEP 16 /* allocator size classes (lua_alloc.c) */
#define POOL_MAX 256
#define POOL_CLASSES (POOL_MAX / POOL_STEP)

/* A shared check library: RULES_DIR/lib/NAME.lua, read and syntax-checked
 * when the rules load (rules.c). include(NAME) in a sandbox runs it. */
typedef struct {
  const char *name; /* NAME: the file name without ".lua" */
  const char *file; /* its path, the chunk name in messages */
  const char *src;
  size_t srclen;
} ir_lua_lib;

/* The libraries a sandbox may include, and the search path (for the
 * message naming where an unknown library was looked for). */
typedef struct {
  const ir_lua_lib *v;
  size_t n;
  const char *const *dirs;
  size_t ndirs;
} ir_lua_libs;

typedef struct {
  size_t used, cap, peak; /* bytes Lua asked for (what the cap limits) */
  size_t reserved;        /* taken from the process budget */
  size_t limit;           /* min(cap, reserved): the fast path's bound */
  int refused;            /* a growth request was refused since the last arm */
  int budget_refused;     /* ... because the process budget was spent */
  void *pool[POOL_CLASSES]; /* free small blocks, by size class */
  void *chunks;             /* malloc'd chunks small blocks are cut from */
  char *bump, *bump_end;    /* the free end of the newest chunk */
} ir_lua_mem;

typedef struct ir_lua_box {
  lua_State *L;
  ir_lua_mem mem;
  size_t memory; /* cap in bytes */
  long steps_limit;
  long steps_used;
  int limit_hit;
  int time_hit;       /* the limit hit was the wall clock's */
  double started;     /* CLOCK_MONOTONIC seconds when the call was armed */
  int rule_ref;       /* registry ref of the table the chunk returned */
  int check_ref;      /* registry ref of its `check` field as loaded */
  int chunk_ref;      /* the compiled chunk, run again per letter */
  int base_ref;       /* the pristine sandbox globals */
  int meta_ref;       /* their strict metatable */
  int env_ref;        /* the environment the chunk last ran in */
  int used;           /* the state checked a letter since it ran */
  int frozen;         /* frozen since then (lua_freeze.h) */
  int dirty;          /* a frozen table was written since */
  int random_touched; /* math.random(seed) called since the seed */
  struct ir_lua_upval *upv; /* the upvalues recorded when frozen (malloc) */
  size_t nupv;
  const char *rule_id;      /* print prefix (not owned) */
  const char *file;         /* chunk name without '@' (not owned) */
  const char *src;          /* rule source (not owned) */
  const ir_pack *pack;      /* the pack the rule is a check of, or NULL: its
                               PACK and CRITERIA globals (not owned) */
  const ir_lua_libs *libs;  /* what include() finds, or NULL (not owned) */
  const void *letter;       /* the letter being checked (or NULL): span() and
                               lazy letter tables read it */
  unsigned long letter_gen; /* bumped whenever `letter` is set */
  size_t srclen;
} ir_lua_box;

typedef enum {
  IR_BOX_OK = 0,
  IR_BOX_ERROR,  /* a Lua error: message on the stack */
  IR_BOX_LIMIT,  /* instruction limit */
  IR_BOX_MEMORY, /* memory cap */
} ir_box_status;

/* Sets the budget of all states together (default IR_RULE_MEMORY_TOTAL):
 * a state's growth past its own cap or past what the budget has left is
 * refused ("memory limit exceeded"). */
void ir_lua_budget_set(size_t total);

/* Allocates the box, opens the state and runs the chunk. The globals
 * CRITERIA (the pack's criterion ids, in order; empty for a loose rule,
 * pack NULL) and PACK (a read-only table of the pack: id, guideline,
 * pages, version, categories, criteria = { {id, meets, value, requires,
 * thresholds..., allowed}, ... }; absent for a loose rule) describe the
 * pack. The global include(name) returns the module of library `name`
 * of libs (NULL: none): its chunk runs in the calling rule's environment,
 * once per environment (cached until the next fresh environment), under
 * the same limits; the compiled chunk is kept per state. NULL with
 * "file:line: message" in err on failure. */
ir_lua_box *ir_lua_box_open(const char *file, const char *src, size_t srclen,
                            const char *rule_id, const ir_pack *pack,
                            const ir_lua_libs *libs, size_t memory, long steps,
                            char *err, size_t errlen);
/* Closes and re-creates the state; 0 or -1 with err set (box->L NULL). */
int ir_lua_box_reopen(ir_lua_box *b, char *err, size_t errlen);
void ir_lua_box_free(ir_lua_box *b);

/* Calls the function below nargs arguments with nres results under the
 * limits. On failure the stack holds one string message (with the Lua
 * position) and the status says why. With debug a traceback is appended. */
ir_box_status ir_lua_box_call(ir_lua_box *b, int nargs, int nres, int debug);

/* Runs C function f(ud, args...) protected, with the nargs values on top of
 * the stack as its arguments 2..nargs+1 (C code only: no instruction limit).
 * On failure a message string is on the stack. */
ir_box_status ir_lua_box_cpcall(ir_lua_box *b, lua_CFunction f, void *ud,
                                int nargs, int nres);

/* Sets the letter the state's rule is checking (NULL when none) and bumps
 * letter_gen, so that lazy tables made for an earlier letter refuse to read
 * its (freed) data. */
void ir_lua_box_set_letter(ir_lua_box *b, const void *letter);

/* Makes the state what the rule's chunk left, before a letter, so that
 * nothing a rule keeps survives into the next letter: the state is kept
 * when it is frozen and intact (lua_freeze.h; math.random reseeded if it
 * was used), else the chunk runs again in a fresh environment (pristine
 * globals and library tables; the old closures, with their upvalues, are
 * dropped) and the state is frozen again. Under the limits; on failure a
 * message is on the stack. */
ir_box_status ir_lua_box_renew(ir_lua_box *b);

/* Charges cost steps to the running call's budget; raises the instruction
 * limit error (sticky) when they do not fit. */
void ir_lua_box_charge(lua_State *L, double cost);

/* The box a state belongs to. */
ir_lua_box *ir_lua_box_of(lua_State *L);

/* Bytes currently held by the state (0 after close). */
size_t ir_lua_box_used(const ir_lua_box *b);

#endif
