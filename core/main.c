/* main.c - the imraudit command line: options, rule and lexicon loading,
 * then the batch. Exit status: base/exitcode.h (0 clean, 1 flagged, 2 failed
 * input or bad usage - the other inputs are still audited -, 3 out of
 * memory); option defaults: base/defaults.h. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "base/base.h"
#include "batch/batch.h"
#include "ruletest.h"
#include "text/pdf.h"
#include "version.h"

static const char *progname = "imraudit";

/* v as parse_size reads it back: "64M", "1k", "10000000". */
static const char *show_size(unsigned long long v, char buf[32]) {
  static const struct {
    int shift;
    char unit;
  } units[] = {{30, 'G'}, {20, 'M'}, {10, 'k'}};
  for (size_t i = 0; i < sizeof units / sizeof *units; i++)
    if (v && v % (1ULL << units[i].shift) == 0) {
      snprintf(buf, 32, "%llu%c", v >> units[i].shift, units[i].unit);
      return buf;
    }
  snprintf(buf, 32, "%llu", v);
  return buf;
}

static void usage(FILE *f) {
  char max_bytes[32], steps[32], memory[32];
  fprintf(
      f,
      "usage: %s [options] PATH...\n"
      "       %s test [--rule ID] [-v] [RULES_DIR...]\n"
      "       %s packs [RULES_DIR...]\n"
      "Audit IMR final determination letters against guideline criteria.\n"
      "PATH is a letter, a directory (searched recursively) or - (stdin).\n"
      "\n"
      "  -f, --format FMT     text (default), json (JSON Lines) or csv\n"
      "      --csv-raw        CSV fields as they are (default: a field\n"
      "                       starting with = + - @ TAB CR gets a ')\n"
      "  -j, --jobs N         worker threads (default: number of cores)\n"
      "      --rules DIR      a rules directory: guideline packs (folders\n"
      "                       with pack.lua), rules, lexicons; repeat for a\n"
      "                       search path (default: $IMRAUDIT_RULES, a:b,\n"
      "                       else rules/ beside the binary)\n"
      "      --glob PATTERN   files to audit in directories (default %s)\n"
      "      --files-from F   read input paths from F, one a line (- = "
      "stdin)\n"
      "      --explain        print each item's criteria checklist\n"
      "      --no-rules       extract facts only, run no rule script\n"
      "      --no-cross-case  no similar-cases-differ findings\n"
      "      --report F.html  write a self-contained HTML audit report\n"
      "      --report-items N the report's table of flagged items holds\n"
      "                       the N most severe (default 500)\n"
      "      --db F.sqlite    store records in a SQLite database\n"
      "      --max-bytes N    largest letter accepted (default and most %s)\n"
      "      --rule-steps N   Lua instruction limit per check() call (default\n"
      "                       %s; 10 s wall clock per call as well)\n"
      "      --rule-memory N  Lua memory per rule per worker thread (default\n"
      "                       %s; one state per rule per thread)\n"
      "      --rule-memory-total N  Lua memory of all rule states together\n"
      "                       (default 1G)\n"
      "      --color WHEN     auto (default), always, never\n"
      "  -q, --quiet          no progress line\n"
      "      --debug          tracebacks in rule errors\n"
      "  -h, --help           this help\n"
      "  -V, --version        version\n"
      "\n"
      "Exit status: %d nothing flagged, %d some item flagged, %d some input\n"
      "could not be audited, a rule failed, an output failed, or bad usage,\n"
      "%d out of memory, 128+N stopped by signal N (no report is left).\n",
      progname, progname, progname, IR_DEFAULT_GLOB,
      show_size(IR_DEFAULT_MAX_BYTES, max_bytes),
      show_size((unsigned long long)IR_DEFAULT_RULE_STEPS, steps),
      show_size(IR_DEFAULT_RULE_MEMORY, memory), IR_EXIT_OK, IR_EXIT_FLAGGED,
      IR_EXIT_FAILED, IR_EXIT_NOMEM);
}

static int bad_usage(const char *fmt, const char *arg) {
  fprintf(stderr, "%s: ", progname);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, " (try '%s --help')\n", progname);
  return IR_EXIT_FAILED;
}

/* "64M", "1k", "1048576" -> bytes; 0 on error. */
static unsigned long long parse_size(const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *s == '-')
    return 0;
  unsigned long long mul = 1;
  switch (*end) {
  case 'k':
  case 'K':
    mul = 1ULL << 10;
    end++;
    break;
  case 'm':
  case 'M':
    mul = 1ULL << 20;
    end++;
    break;
  case 'g':
  case 'G':
    mul = 1ULL << 30;
    end++;
    break;
  default:
    break;
  }
  if (*end == 'i' || *end == 'B' || *end == 'b')
    end++;
  if (*end || v > ULLONG_MAX / mul)
    return 0;
  return v * mul;
}

enum {
  OPT_RULES = 256,
  OPT_GLOB,
  OPT_FILES_FROM,
  OPT_EXPLAIN,
  OPT_NO_RULES,
  OPT_NO_CROSS,
  OPT_REPORT,
  OPT_DB,
  OPT_MAX_BYTES,
  OPT_STEPS,
  OPT_MEMORY,
  OPT_MEMORY_TOTAL,
  OPT_COLOR,
  OPT_DEBUG,
  OPT_CSV_RAW,
  OPT_REPORT_ITEMS
};

static const struct option long_opts[] = {
    {"format", required_argument, 0, 'f'},
    {"csv-raw", no_argument, 0, OPT_CSV_RAW},
    {"jobs", required_argument, 0, 'j'},
    {"rules", required_argument, 0, OPT_RULES},
    {"glob", required_argument, 0, OPT_GLOB},
    {"files-from", required_argument, 0, OPT_FILES_FROM},
    {"explain", no_argument, 0, OPT_EXPLAIN},
    {"no-rules", no_argument, 0, OPT_NO_RULES},
    {"no-cross-case", no_argument, 0, OPT_NO_CROSS},
    {"report", required_argument, 0, OPT_REPORT},
    {"report-items", required_argument, 0, OPT_REPORT_ITEMS},
    {"db", required_argument, 0, OPT_DB},
    {"max-bytes", required_argument, 0, OPT_MAX_BYTES},
    {"rule-steps", required_argument, 0, OPT_STEPS},
    {"rule-memory", required_argument, 0, OPT_MEMORY},
    {"rule-memory-total", required_argument, 0, OPT_MEMORY_TOTAL},
    {"color", required_argument, 0, OPT_COLOR},
    {"colour", required_argument, 0, OPT_COLOR},
    {"quiet", no_argument, 0, 'q'},
    {"debug", no_argument, 0, OPT_DEBUG},
    {"help", no_argument, 0, 'h'},
    {"version", no_argument, 0, 'V'},
    {0, 0, 0, 0}};

#define MAX_RULES_DIRS 64

typedef struct {
  ir_config cfg;
  const char *dirs[MAX_RULES_DIRS]; /* --rules, in order */
  ir_batch_opts batch;
  ir_format format;
  int explain;
  int csv_raw;             /* --csv-raw */
  const char *report_html; /* --report FILE.html or NULL */
  long report_items;       /* --report-items N */
  const char *db_path;     /* --db FILE.sqlite or NULL */
  const char *color;
} options;

static int parse_options(int argc, char **argv, options *o, int *done) {
  int c;
  unsigned long long v;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:j:qhV", long_opts, NULL)) != -1) {
    switch (c) {
    case 'f':
      if (strcmp(optarg, "text") == 0)
        o->format = IR_FMT_TEXT;
      else if (strcmp(optarg, "json") == 0 || strcmp(optarg, "jsonl") == 0)
        o->format = IR_FMT_JSON;
      else if (strcmp(optarg, "csv") == 0)
        o->format = IR_FMT_CSV;
      else
        return bad_usage("unknown format '%s' (text, json or csv)", optarg);
      break;
    case 'j':
      v = parse_size(optarg);
      if (v < 1 || v > 256)
        return bad_usage("-j needs a number from 1 to 256, not '%s'", optarg);
      o->batch.jobs = (int)v;
      break;
    case OPT_RULES:
      if (o->cfg.nrules_dirs == MAX_RULES_DIRS)
        return bad_usage("at most 64 --rules directories (not '%s')", optarg);
      o->dirs[o->cfg.nrules_dirs++] = optarg;
      o->cfg.rules_dirs = o->dirs;
      break;
    case OPT_GLOB:
      o->batch.glob = optarg;
      break;
    case OPT_FILES_FROM:
      o->batch.files_from = optarg;
      break;
    case OPT_CSV_RAW:
      o->csv_raw = 1;
      break;
    case OPT_EXPLAIN:
      o->explain = 1;
      break;
    case OPT_NO_RULES:
      o->cfg.no_rules = 1;
      break;
    case OPT_NO_CROSS:
      o->batch.cross_case = 0;
      break;
    case OPT_REPORT:
      o->report_html = optarg;
      break;
    case OPT_REPORT_ITEMS:
      v = parse_size(optarg);
      if (v < 1 || v > 1000000)
        return bad_usage("--report-items needs a number from 1 to 1000000, "
                         "not '%s'",
                         optarg);
      o->report_items = (long)v;
      break;
    case OPT_DB:
      o->db_path = optarg;
      break;
    case OPT_MAX_BYTES:
      v = parse_size(optarg);
      if (!v || v > (64ULL << 20))
        return bad_usage("--max-bytes takes a size up to 64M (the largest "
                         "letter imraudit reads), not '%s'",
                         optarg);
      o->cfg.max_bytes = (size_t)v;
      break;
    case OPT_STEPS:
      v = parse_size(optarg);
      if (!v || v > LONG_MAX)
        return bad_usage("--rule-steps needs a positive number, not '%s'",
                         optarg);
      o->cfg.rules.steps = (long)v;
      break;
    case OPT_MEMORY:
      v = parse_size(optarg);
      if (v < (1ULL << 20))
        return bad_usage("--rule-memory needs at least 1M, not '%s'", optarg);
      o->cfg.rules.memory = (size_t)v;
      break;
    case OPT_MEMORY_TOTAL:
      v = parse_size(optarg);
      if (v < (1ULL << 20))
        return bad_usage("--rule-memory-total needs at least 1M, not '%s'",
                         optarg);
      o->cfg.rules.memory_total = (size_t)v;
      break;
    case OPT_COLOR:
      if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
          strcmp(optarg, "never"))
        return bad_usage("--color takes auto, always or never, not '%s'",
                         optarg);
      o->color = optarg;
      break;
    case 'q':
      o->batch.quiet = 1;
      break;
    case OPT_DEBUG:
      o->cfg.rules.debug = 1;
      break;
    case 'h':
      usage(stdout);
      *done = 1;
      return 0;
    case 'V':
      *done = 2; /* after the options: --rules may follow */
      break;
    case ':':
      return bad_usage("option '%s' needs a value", argv[optind - 1]);
    default:
      return bad_usage("unknown option '%s'", argv[optind - 1]);
    }
  }
  return 0;
}

/* The batch's view of the per-letter driver. */
static void *new_worker(const void *e, char *err, size_t errlen) {
  return ir_worker_new(e, err, errlen);
}
static void audit_one(void *w, const char *path, ir_letter *out) {
  ir_audit_path(w, path, out);
}
static void free_worker(void *w) { ir_worker_free(w); }

/* The record stream on stdout, then the report and the store when asked:
 * 0, or 2 after printing why one cannot be opened. */
static int open_sinks(const options *o, int color, ir_sink **v, size_t *n) {
  char err[1024] = "";
  v[(*n)++] = ir_sink_stream(stdout, o->format, color, o->explain);
  if (o->report_html &&
      !(v[*n] = ir_sink_html(o->report_html, o->report_items, err, sizeof err)))
    goto fail;
  if (o->report_html)
    (*n)++;
  if (o->db_path && !(v[*n] = ir_sink_store(o->db_path, err, sizeof err)))
    goto fail;
  if (o->db_path)
    (*n)++;
  return 0;
fail:
  fprintf(stderr, "%s: %s\n", progname, err);
  return 2;
}

/* Descriptors 0-2 closed at start-up (`>&-`) would be taken by the next
 * file opened (the report's temporary file would become stdout): hold them
 * with /dev/null. */
static void guard_std_fds(void) {
  for (int fd = 0; fd <= 2; fd++)
    if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
      int n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
      if (n < 0)
        _exit(2);
      if (n != fd) { /* a lower one was free: cannot happen in order */
        dup2(n, fd);
        close(n);
      }
    }
}

/* The PDF reader runs as this program with --pdf-worker (text/pdf.h): the
 * path it was started by when that names a file (so that under valgrind it
 * is still imraudit), else /proc/self/exe. */
static void set_pdf_worker(const char *argv0) {
  char exe[PATH_MAX];
  if (strchr(argv0, '/') && realpath(argv0, exe)) {
    ir_pdf_set_worker(exe);
    return;
  }
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = 0;
    ir_pdf_set_worker(exe);
  } else {
    ir_pdf_set_worker(argv0);
  }
}

int main(int argc, char **argv) {
  guard_std_fds();
  if (argc > 1 && strcmp(argv[1], "--pdf-worker") == 0) /* pdf_worker.c */
    return ir_pdf_worker_main(argc, argv);
  if (argc > 1 && strcmp(argv[1], "test") == 0) /* imraudit test [DIR] */
    return ir_ruletest_main(argc - 1, argv + 1);
  if (argc > 1 && strcmp(argv[1], "packs") == 0) /* imraudit packs [DIR] */
    return ir_print_packs_main(argc - 1, argv + 1);
  set_pdf_worker(argv[0]);
  static char rules_buf[PATH_MAX * 4];
  options o;
  memset(&o, 0, sizeof o);
  o.cfg.max_bytes = IR_DEFAULT_MAX_BYTES;
  o.cfg.rules.steps = IR_DEFAULT_RULE_STEPS;
  o.cfg.rules.memory = IR_DEFAULT_RULE_MEMORY;
  o.batch.glob = IR_DEFAULT_GLOB;
  o.batch.cross_case = 1;
  o.color = "auto";
  o.report_items = IR_HTML_MAX_ITEMS;
  int done = 0;
  int st = parse_options(argc, argv, &o, &done);
  if (st || done == 1)
    return st;
  if (o.csv_raw && o.format == IR_FMT_CSV)
    o.format = IR_FMT_CSV_RAW;
  if (!o.cfg.nrules_dirs) {
    o.cfg.nrules_dirs = ir_default_rules_path(o.dirs, MAX_RULES_DIRS, rules_buf,
                                              sizeof rules_buf);
    o.cfg.rules_dirs = o.dirs;
  }
  if (done == 2)
    return ir_print_version(stdout, o.cfg.rules_dirs, o.cfg.nrules_dirs,
                            &o.cfg.rules);
  if (optind >= argc && !o.batch.files_from)
    return bad_usage("%s", "no input: name letters, directories or -");
  o.batch.paths = (const char *const *)argv + optind;
  o.batch.npaths = (size_t)(argc - optind);
  o.cfg.rules.verdicts = o.explain;
  int color =
      strcmp(o.color, "always") == 0 ||
      (strcmp(o.color, "auto") == 0 && isatty(1) && !getenv("NO_COLOR"));

  char err[1024] = "";
  ir_output outs[2];
  size_t nouts = 0;
  if (o.report_html)
    outs[nouts++] = (ir_output){o.report_html, "--report"};
  if (o.db_path)
    outs[nouts++] = (ir_output){o.db_path, "--db"};
  if (ir_outputs_clash(&o.batch, outs, nouts, err, sizeof err) != 0) {
    fprintf(stderr, "%s: %s\n", progname, err);
    return 2;
  }
  ir_stop_install();
  ir_engine *e = ir_engine_new(&o.cfg, err, sizeof err);
  if (!e) {
    fprintf(stderr, "%s: %s\n", progname, err);
    return IR_EXIT_FAILED;
  }
  /* records are flushed in batches (batch.c): write 64 KiB at a time
   * (glibc ignores the size unless given the buffer) */
  static char outbuf[1 << 16];
  if (!isatty(1))
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
  ir_sink *sinks[3];
  size_t nsinks = 0;
  st = open_sinks(&o, color, sinks, &nsinks);
  if (st == 0) {
    o.batch.sinks = sinks;
    o.batch.nsinks = nsinks;
    ir_auditor a = {new_worker, audit_one, free_worker, e};
    st = ir_batch_run(&a, &o.batch);
  }
  for (size_t i = 0; i < nsinks; i++)
    ir_sink_free(sinks[i]);
  ir_engine_free(e);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "%s: error writing output: %s\n", progname,
            strerror(errno));
    return IR_EXIT_FAILED;
  }
  return st;
}
