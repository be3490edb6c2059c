/* pdf_worker.c - the PDF reader in a process of its own (see pdf.h).
 * Protocol, worker -> parent on stdout: "IRPDF ok NPAGES NLINES LEN\n", then
 * NLINES ir_pdf_line records (native layout: the same program wrote them)
 * and LEN bytes of text; or "IRPDF err MESSAGE\n". */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pdf.h"

extern char **environ;

enum {
  CPU_SECONDS = 20,  /* the worker's CPU limit */
  WALL_SECONDS = 40, /* the parent's wall-clock limit (IMRAUDIT_PDF_TIMEOUT) */
};
#define WORKER_AS ((rlim_t)2 << 30) /* address space (not under ASan) */
#if defined(__SANITIZE_ADDRESS__)
#define IR_NO_AS_LIMIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IR_NO_AS_LIMIT 1
#endif
#endif

static char worker_exe[4096]; /* "" : none */

void ir_pdf_set_worker(const char *exe) {
  snprintf(worker_exe, sizeof worker_exe, "%s", exe ? exe : "");
}

/* ---- the worker ------------------------------------------------------------
 */

static int write_all(int fd, const void *p, size_t n) {
  const char *s = p;
  while (n) {
    ssize_t w = write(fd, s, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return -1;
    s += w;
    n -= (size_t)w;
  }
  return 0;
}

static void limit(int res, rlim_t v) {
  struct rlimit rl = {v, v};
  if (res == RLIMIT_CPU)
    rl.rlim_max = v + 2; /* SIGXCPU first, SIGKILL after */
  setrlimit(res, &rl);
}

int ir_pdf_worker_main(int argc, char **argv) {
  size_t max_text = argc > 2 ? strtoull(argv[2], NULL, 10) : 0;
  if (!max_text)
    max_text = (size_t)64 << 20;
  const char *cpu = getenv("IMRAUDIT_PDF_CPU"); /* seconds; tests lower it */
  long cpu_s = cpu ? strtol(cpu, NULL, 10) : 0;
  limit(RLIMIT_CPU,
        (rlim_t)(cpu_s > 0 && cpu_s < CPU_SECONDS ? cpu_s : CPU_SECONDS));
  limit(RLIMIT_CORE, 0);
  limit(RLIMIT_FSIZE, 0);
  limit(RLIMIT_NOFILE, 16);
  close_range(3, ~0U, 0); /* the batch's files (output, store) stay its own */
#ifndef IR_NO_AS_LIMIT
  limit(RLIMIT_AS, WORKER_AS);
#endif
  const char *fault = getenv("IMRAUDIT_PDF_FAULT"); /* tests only */
  if (fault && strcmp(fault, "crash") == 0)
    abort();
  if (fault && strcmp(fault, "spin") == 0)
    for (volatile unsigned long i = 0;; i++)
      ;
  if (fault && strcmp(fault, "sleep") == 0)
    for (;;)
      pause();
  size_t cap = 1 << 20, n = 0;
  unsigned char *b = malloc(cap);
  for (;;) {
    if (!b)
      break;
    if (n == cap) {
      unsigned char *nb = realloc(b, cap * 2);
      if (!nb) {
        free(b);
        b = NULL;
        break;
      }
      b = nb;
      cap *= 2;
    }
    ssize_t r = read(0, b + n, cap - n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      break;
    n += (size_t)r;
  }
  char err[512], head[128];
  ir_pdf_doc d;
  ir_pdf_limits lim = {max_text, 0, 0};
  if (!b)
    snprintf(err, sizeof err, "out of memory (PDF worker)");
  else if (ir_pdf_extract_mem(b, n, &lim, &d, err, sizeof err) == 0) {
    int hl = snprintf(head, sizeof head, "IRPDF ok %u %zu %zu\n", d.npages,
                      d.nlines, d.len);
    int rc = write_all(1, head, (size_t)hl) ||
             write_all(1, d.lines, d.nlines * sizeof *d.lines) ||
             write_all(1, d.text, d.len);
    ir_pdf_doc_free(&d);
    free(b);
    return rc ? 1 : 0;
  }
  free(b);
  for (char *p = err; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  dprintf(1, "IRPDF err %s\n", err);
  return 0;
}

/* ---- the parent ------------------------------------------------------------
 */

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads fd to its end, at most cap bytes, until the deadline. 0 done, 1
 * timed out, 2 too much output, -1 error. */
static int read_until(int fd, char **buf, size_t *len, size_t cap,
                      double deadline) {
  size_t bcap = 0;
  *buf = NULL;
  *len = 0;
  for (;;) {
    double left = deadline - now_s();
    if (left <= 0)
      return 1;
    struct pollfd pf = {fd, POLLIN, 0};
    int pr = poll(&pf, 1, (int)(left * 1000) + 1);
    if (pr < 0 && errno == EINTR)
      continue;
    if (pr < 0)
      return -1;
    if (pr == 0)
      continue;
    if (*len == bcap) {
      size_t nc = bcap ? bcap * 2 : 65536;
      char *p = realloc(*buf, nc + 1);
      if (!p)
        return -1;
      *buf = p;
      bcap = nc;
    }
    ssize_t r = read(fd, *buf + *len, bcap - *len);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0)
      return -1;
    if (r == 0)
      return 0;
    *len += (size_t)r;
    if (*len > cap)
      return 2;
  }
}

static int parse_reply(ir_arena *a, char *buf, size_t len, size_t max_text,
                       ir_pdf_doc *out, const char **err) {
  char *nl = buf ? memchr(buf, '\n', len < 1024 ? len : 1024) : NULL;
  if (!nl || strncmp(buf, "IRPDF ", 6) != 0)
    return 1; /* no reply: the caller says why */
  *nl = 0;
  if (strncmp(buf + 6, "err ", 4) == 0) {
    *err = ir_arena_strdup(a, buf + 10);
    return -1;
  }
  unsigned np;
  size_t nlines, tlen;
  if (sscanf(buf + 6, "ok %u %zu %zu", &np, &nlines, &tlen) != 3)
    return 1;
  size_t head = (size_t)(nl + 1 - buf);
  if (tlen > max_text || nlines > tlen ||
      head + nlines * sizeof(ir_pdf_line) + tlen != len)
    return 1;
  ir_pdf_line *ln = ir_arena_alloc(a, (nlines + 1) * sizeof *ln);
  memcpy(ln, buf + head, nlines * sizeof *ln);
  for (size_t i = 0; i < nlines; i++)
    if (ln[i].off > tlen || (i && ln[i].off < ln[i - 1].off))
      return 1;
  char *t = ir_arena_alloc_raw(a, tlen + 1);
  memcpy(t, buf + head + nlines * sizeof *ln, tlen);
  t[tlen] = 0;
  out->text = t;
  out->len = tlen;
  out->lines = ln;
  out->nlines = nlines;
  out->npages = np;
  return 0;
}

static double wall_limit(void) {
  const char *e = getenv("IMRAUDIT_PDF_TIMEOUT");
  double v = e ? strtod(e, NULL) : 0;
  return v > 0 ? v : WALL_SECONDS;
}

int ir_pdf_read_isolated(ir_arena *a, const unsigned char *b, size_t n,
                         size_t max_text, ir_pdf_doc *out, const char **err) {
  memset(out, 0, sizeof *out);
  if (!worker_exe[0]) {
    *err = "PDF input needs the imraudit program (no PDF worker here)";
    return -1;
  }
  int mfd = memfd_create("imraudit-pdf", MFD_CLOEXEC);
  int pfd[2] = {-1, -1};
  if (mfd < 0 || write_all(mfd, b, n) != 0 || lseek(mfd, 0, SEEK_SET) != 0 ||
      pipe2(pfd, O_CLOEXEC) != 0) {
    *err =
        ir_arena_printf(a, "cannot start the PDF reader: %s", strerror(errno));
    if (mfd >= 0)
      close(mfd);
    return -1;
  }
  char mt[32];
  snprintf(mt, sizeof mt, "%zu", max_text);
  char *argv[] = {worker_exe, "--pdf-worker", mt, NULL};
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t at;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, mfd, 0);
  posix_spawn_file_actions_adddup2(&fa, pfd[1], 1);
  posix_spawnattr_init(&at);
  sigset_t none, dfl;
  sigemptyset(&none);
  sigemptyset(&dfl);
  sigaddset(&dfl, SIGPIPE);
  sigaddset(&dfl, SIGXCPU);
  sigaddset(&dfl, SIGTERM);
  sigaddset(&dfl, SIGINT);
  posix_spawnattr_setsigmask(&at, &none);
  posix_spawnattr_setsigdefault(&at, &dfl);
  posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid;
  int se = posix_spawn(&pid, worker_exe, &fa, &at, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&at);
  close(mfd);
  close(pfd[1]);
  if (se != 0) {
    close(pfd[0]);
    *err = ir_arena_printf(a, "cannot start the PDF reader: %s", strerror(se));
    return -1;
  }
  double limit_s = wall_limit();
  char *buf = NULL;
  size_t len = 0;
  int rr =
      read_until(pfd[0], &buf, &len, 7 * max_text + 4096, now_s() + limit_s);
  close(pfd[0]);
  if (rr != 0)
    kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  int rc = -1;
  if (rr == 1)
    *err = ir_arena_printf(a,
                           "PDF reader timed out after %g s (hostile or "
                           "damaged PDF)",
                           limit_s);
  else if (rr == 2)
    *err = "PDF bomb: the reader's output is too large";
  else if (WIFSIGNALED(status) &&
           (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL))
    *err = "PDF reader exceeded its CPU time limit (hostile or damaged PDF)";
  else if (WIFSIGNALED(status))
    *err = ir_arena_printf(a,
                           "PDF reader crashed (signal %d: %s); damaged or "
                           "hostile PDF",
                           WTERMSIG(status), strsignal(WTERMSIG(status)));
  else if ((rc = parse_reply(a, buf, len, max_text, out, err)) > 0) {
    rc = -1;
    *err = ir_arena_printf(a, "PDF reader failed (exit status %d)",
                           WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  free(buf);
  return rc;
}
