/* stop.c - the process-wide stop request (see stop.h). */
#include "stop.h"

#include <signal.h>
#include <string.h>
#include <time.h>

static volatile sig_atomic_t stop_sig;
static volatile sig_atomic_t first_at; /* CLOCK_MONOTONIC seconds + 1 */

void ir_stop_request(int sig) {
  if (!stop_sig)
    stop_sig = sig;
}

int ir_stop_signal(void) { return stop_sig; }

/* The first signal requests a stop. One that comes a second or more later
 * ends the process (the default action); one sooner is the same request
 * delivered twice (timeout(1) signals the child and its process group). */
static void on_signal(int sig) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (!first_at) {
    first_at = (sig_atomic_t)now.tv_sec + 1;
    ir_stop_request(sig);
    return;
  }
  if (now.tv_sec + 1 - first_at >= 1) {
    signal(sig, SIG_DFL);
    raise(sig);
  }
}

void ir_stop_install(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
}
