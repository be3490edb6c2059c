/* batch.c - parallel batch audit with in-order streaming (see batch.h).
 *
 * Threads: N workers and one writer (the caller). A worker takes the next
 * input from the enumerator (under the lock, which fixes its sequence
 * number), audits it with its own auditor worker (batch.h), renders the record
 * into the slot seq % W of a ring of W = max(16, 4N) slots (each sink's
 * prepare), copies the text-free letter into the slot's arena for the writer,
 * and marks the slot ready. A worker never takes sequence number seq >= written
 * + W, so at most W letters are in flight: memory is flat in the batch length.
 * The writer hands slots in sequence order to the summary, the cross-case index
 * and every sink (sink/sink.h), then frees the slot. To keep thread wake-ups
 * and write calls off the per-letter path, workers wake a waiting writer once
 * W/2 records are ready in order (or the ring is full, or the input is done),
 * the writer flushes its output when it runs out of ready records, and it never
 * sleeps longer than WRITER_NAP with one ready (a slow input list still
 * streams). At the end the cross-case findings are streamed from the index
 * (crosscase.h), never all held in memory. */
#include "batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/base.h"
#include "batch_int.h"
#include "crosscase.h"
#include "paths.h"

typedef struct {
  int state; /* 0 free, 1 in work, 2 ready */
  char *path;
  char *perr;   /* enumeration error, or NULL */
  ir_buf *frag; /* per sink: what its prepare made of this letter */
  ir_arena arena;
  ir_letter *copy;
  int status;
} slot;

typedef struct {
  const ir_batch_opts *o;
  const ir_auditor *a;
  pthread_mutex_t mu;
  pthread_cond_t space, ready;
  ir_paths *paths;
  int enum_done;
  long next_seq, written;
  size_t nslots;
  size_t wake_at;   /* records ready in order that wake the writer */
  int writer_waits; /* the writer sleeps on `ready` */
  slot *slots;
  int lean; /* every sink is frag_only: lean letter copies (batch_int.h) */
} batch;

#define WRITER_NAP_MS 100

/* Under the lock: the count of ready slots from the next one to write. */
static size_t ready_run(const batch *b) {
  size_t k = 0, inflight = (size_t)(b->next_seq - b->written);
  while (k < inflight &&
         b->slots[(size_t)(b->written + (long)k) % b->nslots].state == 2)
    k++;
  return k;
}

/* Under the lock: whether to wake the sleeping writer: a batch of records
 * is ready in order, or force (the ring is full, the input is done). The
 * caller signals `ready`, after unlocking when it can. */
static int writer_wanted(const batch *b, int force) {
  return b->writer_waits && (force || ready_run(b) >= b->wake_at);
}

typedef struct {
  batch *b;
  void *w; /* the auditor's worker */
  pthread_t tid;
} worker;

/* --- worker side ------------------------------------------------------- */

static void process(batch *b, void *w, slot *s) {
  ir_letter l;
  if (s->perr) {
    memset(&l, 0, sizeof l);
    l.path = s->path;
    l.ok = 0;
    l.error = s->perr;
  } else {
    b->a->audit(w, s->path, &l);
  }
  s->status = ir_letter_status(&l);
  for (size_t k = 0; k < b->o->nsinks; k++) {
    const ir_sink *sk = b->o->sinks[k];
    if (sk->ops->prepare)
      sk->ops->prepare(sk, &s->frag[k], &l);
  }
  s->copy = ir_letter_copy(&s->arena, &l, b->lean);
}

static void *worker_main(void *arg) {
  worker *wk = arg;
  batch *b = wk->b;
  slot *done = NULL; /* the letter just audited, not yet marked ready */
  pthread_mutex_lock(&b->mu);
  for (;;) {
    int wake = 0;
    if (done) {
      done->state = 2;
      done = NULL;
      wake = writer_wanted(b, b->enum_done);
    }
    while (!b->enum_done && (size_t)(b->next_seq - b->written) >= b->nslots) {
      if (writer_wanted(b, 1))
        pthread_cond_signal(&b->ready);
      pthread_cond_wait(&b->space, &b->mu);
    }
    char *path = NULL;
    const char *err = NULL;
    if (b->enum_done || ir_stop_signal() ||
        !ir_paths_next(b->paths, &path, &err)) {
      b->enum_done = 1;
      pthread_cond_broadcast(&b->space);
      pthread_cond_signal(&b->ready);
      pthread_mutex_unlock(&b->mu);
      return NULL;
    }
    long seq = b->next_seq++;
    slot *s = &b->slots[(size_t)seq % b->nslots];
    s->state = 1;
    s->path = path;
    s->perr = err ? strdup(err) : NULL;
    pthread_mutex_unlock(&b->mu);
    if (wake)
      pthread_cond_signal(&b->ready);

    process(b, wk->w, s);
    done = s;
    pthread_mutex_lock(&b->mu);
  }
}

/* --- writer side ------------------------------------------------------- */

typedef struct {
  int on;
  long total;
  long done, flagged;
  struct timespec start, last;
} progress;

static double secs(const struct timespec *a, const struct timespec *b) {
  return (double)(b->tv_sec - a->tv_sec) + (b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress_draw(progress *p, int force) {
  if (!p->on)
    return;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (!force && secs(&p->last, &now) < 0.1)
    return;
  p->last = now;
  double el = secs(&p->start, &now);
  double rate = el > 0 ? p->done / el : 0;
  if (p->total >= 0) {
    long eta = rate > 0 ? (long)((p->total - p->done) / rate + 0.5) : 0;
    fprintf(stderr,
            "\r\033[K%ld/%ld letters  %.1f letters/s  ETA %ld:%02ld  "
            "%ld flagged items",
            p->done, p->total, rate, eta / 60, eta % 60, p->flagged);
  } else {
    fprintf(stderr, "\r\033[K%ld letters  %.1f letters/s  %ld flagged items",
            p->done, rate, p->flagged);
  }
  fflush(stderr);
}

static void progress_clear(progress *p) {
  if (p->on) {
    fputs("\r\033[K", stderr);
    fflush(stderr);
  }
}

typedef struct {
  const ir_batch_opts *o;
  ir_summary sum;
  ir_crosscase *cc;
  progress prog;
  int status;
  long seq;
  int unflushed; /* records written since the last flush */
} writer;

/* Each sink's op, in list order; a failing op makes the status
 * IR_EXIT_FAILED. */
#define EACH_SINK(wr, op, ...)                                                 \
  for (size_t k_ = 0; k_ < (wr)->o->nsinks; k_++) {                            \
    ir_sink *sk_ = (wr)->o->sinks[k_];                                         \
    if (sk_->ops->op && sk_->ops->op(sk_, __VA_ARGS__) != 0)                   \
      (wr)->status = IR_EXIT_FAILED;                                           \
  }

static void stderr_errors(writer *wr, const ir_letter *l) {
  if (wr->prog.on && (!l->ok || l->rule_errors.n || l->items_capped))
    fputs("\r\033[K", stderr);
  ir_buf sc[3] = {{0}};
  const char *path = ir_term(&sc[0], l->path);
  if (!l->ok) {
    fprintf(stderr, "imraudit: %s: %s\n", path,
            l->error ? ir_term(&sc[1], l->error) : "cannot audit");
  }
  if (l->ok && l->items_capped)
    fprintf(stderr,
            "imraudit: %s: more than %d items; only the first %d are "
            "audited\n",
            path, l->items_capped, l->items_capped);
  for (size_t i = 0; i < l->rule_errors.n; i++) {
    const ir_rule_error *e = &l->rule_errors.v[i];
    fprintf(stderr, "imraudit: %s: rule %s, item %d: %s\n", path,
            e->rule ? ir_term(&sc[1], e->rule) : "?", e->item,
            ir_term(&sc[2], e->message));
  }
  for (int i = 0; i < 3; i++)
    ir_buf_free(&sc[i]);
}

static void consume(writer *wr, slot *s) {
  const ir_letter *l = s->copy;
  for (size_t k = 0; k < wr->o->nsinks; k++) {
    ir_sink *sk = wr->o->sinks[k];
    if (sk->ops->letter &&
        sk->ops->letter(sk, wr->seq, l, s->frag[k].p, s->frag[k].n) != 0)
      wr->status = IR_EXIT_FAILED;
  }
  wr->unflushed = 1;
  stderr_errors(wr, l);
  if (s->status > wr->status)
    wr->status = s->status;
  ir_summary_add(&wr->sum, l);
  if (wr->cc)
    ir_crosscase_add(wr->cc, wr->seq, l);
  wr->prog.done++;
  wr->prog.flagged = wr->sum.flagged_items;
  progress_draw(&wr->prog, 0);
  wr->seq++;
}

static void free_slot(slot *s, size_t nsinks) {
  free(s->path);
  free(s->perr);
  s->path = s->perr = NULL;
  s->copy = NULL;
  for (size_t k = 0; k < nsinks; k++)
    ir_buf_reset(&s->frag[k]);
  ir_arena_reset(&s->arena);
  s->state = 0;
}

/* Under the lock: sleeps until woken, or WRITER_NAP_MS at most. */
static void writer_sleep(batch *b) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  t.tv_nsec += WRITER_NAP_MS * 1000000L;
  if (t.tv_nsec >= 1000000000L) {
    t.tv_sec++;
    t.tv_nsec -= 1000000000L;
  }
  b->writer_waits = 1;
  pthread_cond_timedwait(&b->ready, &b->mu, &t);
  b->writer_waits = 0;
}

static void write_loop(batch *b, writer *wr) {
  pthread_mutex_lock(&b->mu);
  for (;;) {
    size_t run = ready_run(b);
    if (!run) {
      if (b->enum_done && b->written == b->next_seq)
        break;
      if (wr->unflushed) { /* out of ready records: show what we have */
        pthread_mutex_unlock(&b->mu);
        for (size_t k = 0; k < wr->o->nsinks; k++) {
          ir_sink *sk = wr->o->sinks[k];
          if (sk->ops->flush && sk->ops->flush(sk) != 0)
            wr->status = IR_EXIT_FAILED;
        }
        wr->unflushed = 0;
        pthread_mutex_lock(&b->mu);
      } else {
        writer_sleep(b);
      }
      continue;
    }
    pthread_mutex_unlock(&b->mu); /* the run's slots are ours until written */
    for (size_t k = 0; k < run; k++) {
      slot *s = &b->slots[(size_t)(b->written + (long)k) % b->nslots];
      consume(wr, s);
      free_slot(s, b->o->nsinks);
    }
    pthread_mutex_lock(&b->mu);
    b->written += (long)run;
    pthread_cond_broadcast(&b->space);
  }
  pthread_mutex_unlock(&b->mu);
}

/* Cross-case findings, streamed from the index in input order to every
 * sink and counted in the summary. */
static void cross_findings(writer *wr) {
  if (ir_crosscase_finish(wr->cc) != 0) {
    wr->status = IR_EXIT_FAILED;
    return;
  }
  ir_cross_iter *it = ir_crosscase_iter(wr->cc);
  const ir_cross_finding *f;
  for (int first = 1; (f = ir_cross_next(it)) != NULL; first = 0) {
    EACH_SINK(wr, cross, f, first);
    ir_summary_add_cross(&wr->sum, f, f->first_on_item);
  }
  if (ir_cross_iter_failed(it))
    wr->status = IR_EXIT_FAILED;
  ir_cross_iter_free(it);
  if (ir_crosscase_count(wr->cc) && wr->status < IR_EXIT_FLAGGED)
    wr->status = IR_EXIT_FLAGGED;
}

/* Cross-case findings, the summary and the end of each sink. A run cut
 * short by a stop request (base/stop.h) has no cross-case findings (its
 * batch is incomplete); its summary and sinks say it was interrupted. */
static void finish(writer *wr) {
  wr->sum.interrupted = ir_stop_signal();
  if (wr->cc && !wr->sum.interrupted)
    cross_findings(wr);
  EACH_SINK(wr, summary, &wr->sum);
  for (size_t k = 0; k < wr->o->nsinks; k++) {
    ir_sink *sk = wr->o->sinks[k];
    if (sk->ops->finish && sk->ops->finish(sk) != 0)
      wr->status = IR_EXIT_FAILED;
  }
}

static int writer_open(writer *wr, const ir_batch_opts *o, long total) {
  memset(wr, 0, sizeof *wr);
  wr->o = o;
  ir_summary_init(&wr->sum);
  wr->prog.on = !o->quiet && isatty(2);
  wr->prog.total = total;
  clock_gettime(CLOCK_MONOTONIC, &wr->prog.start);
  wr->prog.last = wr->prog.start;
  if (o->cross_case)
    wr->cc = ir_crosscase_new();
  for (size_t k = 0; k < o->nsinks; k++) {
    ir_sink *sk = o->sinks[k];
    if (sk->ops->begin && sk->ops->begin(sk) != 0)
      return -1;
  }
  return 0;
}

static void writer_close(writer *wr) {
  progress_clear(&wr->prog);
  ir_crosscase_free(wr->cc);
  ir_summary_free(&wr->sum);
}

static int start_workers(batch *b, worker *wk, int n) {
  char err[512] = "";
  for (int i = 0; i < n; i++) {
    wk[i].b = b;
    wk[i].w = b->a->worker_new(b->a->ctx, err, sizeof err);
    if (!wk[i].w) {
      fprintf(stderr, "imraudit: %s\n", err);
      for (int j = 0; j < i; j++)
        b->a->worker_free(wk[j].w);
      return -1;
    }
  }
  for (int i = 0; i < n; i++)
    if (pthread_create(&wk[i].tid, NULL, worker_main, &wk[i]) != 0) {
      fputs("imraudit: cannot start worker thread\n", stderr);
      exit(IR_EXIT_NOMEM);
    }
  return 0;
}

int ir_batch_run(const ir_auditor *a, const ir_batch_opts *o) {
  int n = o->jobs;
  if (n <= 0) {
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    n = c > 0 ? (int)(c > 64 ? 64 : c) : 1;
  }
  batch b;
  memset(&b, 0, sizeof b);
  b.o = o;
  b.a = a;
  b.lean = 1;
  for (size_t k = 0; k < o->nsinks; k++)
    if (o->sinks[k]->ops->letter && !o->sinks[k]->ops->frag_only)
      b.lean = 0;
  b.paths = ir_paths_new(o->paths, o->npaths, o->files_from, o->glob);
  b.nslots = (size_t)n * 4 < 16 ? 16 : (size_t)n * 4;
  b.wake_at = b.nslots / 2;
  b.slots = calloc(b.nslots, sizeof *b.slots);
  worker *wk = calloc((size_t)n, sizeof *wk);
  if (!b.slots || !wk)
    ir_exit_nomem();
  for (size_t i = 0; i < b.nslots; i++) {
    ir_arena_init(&b.slots[i].arena);
    b.slots[i].frag = calloc(o->nsinks ? o->nsinks : 1, sizeof(ir_buf));
    if (!b.slots[i].frag)
      ir_exit_nomem();
  }
  pthread_mutex_init(&b.mu, NULL);
  pthread_cond_init(&b.space, NULL);
  pthread_cond_init(&b.ready, NULL);

  writer wr;
  int status = IR_EXIT_FAILED;
  if (writer_open(&wr, o, ir_paths_total(b.paths)) == 0 &&
      start_workers(&b, wk, n) == 0) {
    write_loop(&b, &wr);
    for (int i = 0; i < n; i++) {
      pthread_join(wk[i].tid, NULL);
      a->worker_free(wk[i].w);
    }
    finish(&wr);
    status = wr.status;
    if (ir_stop_signal())
      status = 128 + ir_stop_signal();
  }
  writer_close(&wr);

  for (size_t i = 0; i < b.nslots; i++) {
    for (size_t k = 0; k < o->nsinks; k++)
      ir_buf_free(&b.slots[i].frag[k]);
    free(b.slots[i].frag);
    ir_arena_free(&b.slots[i].arena);
  }
  free(b.slots);
  free(wk);
  ir_paths_free(b.paths);
  pthread_mutex_destroy(&b.mu);
  pthread_cond_destroy(&b.space);
  pthread_cond_destroy(&b.ready);
  return status;
}
