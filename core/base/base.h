/* base.h - what every stage builds on. Takes and gives nothing of the
 * pipeline: arenas for per-letter storage (arena.h), growable byte buffers
 * with JSON and printf helpers (buf.h), SHA-256 (sha256.h), a spill buffer
 * that moves to a temporary file when large (spill.h), the sorted listing
 * of a directory (dirlist.h), paths of any length (longpath.h), the
 * process-wide stop request (stop.h), untrusted text made safe for a
 * terminal (term.h), the exit statuses (exitcode.h) and the option defaults
 * (defaults.h). Out of memory is reported on stderr and exits IR_EXIT_NOMEM
 * (never a silent NULL). */
#ifndef IR_BASE_H
#define IR_BASE_H
#include "arena.h"
#include "ascii.h"
#include "buf.h"
#include "defaults.h"
#include "dirlist.h"
#include "exitcode.h"
#include "longpath.h"
#include "sha256.h"
#include "slurp.h"
#include "spill.h"
#include "stop.h"
#include "term.h"
#endif
