/* stop.c - the process-wide stop request (see stop.h). */
#include "stop.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t stop_sig;

void ir_stop_request(int sig) {
  if (!stop_sig)
    stop_sig = sig;
}

int ir_stop_signal(void) { return stop_sig; }

static void on_signal(int sig) {
  ir_stop_request(sig);
  signal(sig, SIG_DFL); /* a second one ends the process */
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
