/* stop.h - a stop request for the whole process (signals, a closed pipe).
 *
 * ir_stop_install() makes SIGINT, SIGTERM and SIGHUP request a stop (one
 * more a second or more later kills at once, the default action) and
 * ignores SIGPIPE
 * (a write to a closed pipe then fails with EPIPE, and the writer calls
 * ir_stop_request(SIGPIPE)). The batch stops taking inputs once a stop is
 * requested, finishes the letters in flight and ends its outputs as
 * interrupted; the exit status is then 128 + the signal number. */
#ifndef IR_STOP_H
#define IR_STOP_H

void ir_stop_install(void);
/* Requests a stop for signal sig (async-signal-safe); the first wins. */
void ir_stop_request(int sig);
/* The signal of the first stop request, or 0 when none. */
int ir_stop_signal(void);

#endif
