/* sink_stream.c - the record stream on stdout (or any FILE): one record
 * per letter rendered by the worker (text with an optional checklist, JSON
 * Lines or CSV rows), the cross-case findings, then the summary (text and
 * JSON; CSV has none). Cross-case findings and the summary are written in
 * blocks of 64 KiB, so a long list never sits whole in memory.
 * A failed write (disk full) is reported once, the stream then writes
 * nothing more and every later op fails (exit status 2); a closed pipe
 * (EPIPE, `| head`) is a stop request (base/stop.h), not an error. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "sink.h"

typedef struct {
  ir_sink base;
  FILE *out;
  ir_format fmt;
  int color, explain;
  int dead;   /* a write failed: nothing more is written */
  ir_buf buf; /* cross-case findings not yet written */
} stream;

/* 0, or -1 once a write failed (reported once; the buffered rest is
 * dropped so that no later flush fails again). */
static int check(stream *st) {
  if (st->dead)
    return -1;
  if (!ferror(st->out))
    return 0;
  int e = errno;
  st->dead = 1;
  if (e == EPIPE)
    ir_stop_request(SIGPIPE);
  else
    fprintf(stderr, "imraudit: error writing the records: %s\n",
            strerror(e ? e : EIO));
  clearerr(st->out);
  fflush(st->out);
  clearerr(st->out);
  return e == EPIPE ? 0 : -1;
}

static void stream_prepare(const ir_sink *s, ir_buf *frag, const ir_letter *l) {
  const stream *st = (const stream *)s;
  switch (st->fmt) {
  case IR_FMT_JSON:
    ir_report_json(frag, l);
    break;
  case IR_FMT_CSV:
  case IR_FMT_CSV_RAW:
    ir_csv_letter(frag, l, st->fmt == IR_FMT_CSV_RAW);
    break;
  default:
    ir_report_text(frag, l, st->color);
    if (st->explain && l->ok)
      ir_report_explain(frag, l, st->color);
    break;
  }
}

static int stream_begin(ir_sink *s) {
  stream *st = (stream *)s;
  if (st->fmt == IR_FMT_CSV || st->fmt == IR_FMT_CSV_RAW) {
    ir_buf h = {0};
    ir_csv_header(&h);
    fwrite(h.p, 1, h.n, st->out);
    ir_buf_free(&h);
  }
  return check(st);
}

static int stream_letter(ir_sink *s, long seq, const ir_letter *l,
                         const char *frag, size_t n) {
  (void)seq;
  (void)l;
  stream *st = (stream *)s;
  if (!st->dead)
    fwrite(frag ? frag : "", 1, n, st->out);
  return check(st);
}

static int stream_flush(ir_sink *s) {
  stream *st = (stream *)s;
  if (!st->dead)
    fflush(st->out);
  return check(st);
}

static int put_out(stream *st) {
  if (!st->dead)
    fwrite(st->buf.p ? st->buf.p : "", 1, st->buf.n, st->out);
  ir_buf_reset(&st->buf);
  return check(st);
}

static int stream_cross(ir_sink *s, const ir_cross_finding *f, int first) {
  stream *st = (stream *)s;
  ir_report_cross(&st->buf, f, first, st->fmt, st->color);
  if (st->buf.n >= 1u << 16)
    return put_out(st);
  return 0;
}

static int stream_summary(ir_sink *s, const ir_summary *sum) {
  stream *st = (stream *)s;
  if (st->fmt == IR_FMT_TEXT)
    ir_summary_text(&st->buf, sum);
  else if (st->fmt == IR_FMT_JSON)
    ir_summary_json(&st->buf, sum);
  return put_out(st);
}

static int stream_finish(ir_sink *s) {
  stream *st = (stream *)s;
  if (!st->dead)
    fflush(st->out);
  return check(st);
}

static void stream_free(ir_sink *s) {
  stream *st = (stream *)s;
  ir_buf_free(&st->buf);
  free(st);
}

static const ir_sink_ops stream_ops = {
    .name = "stream",
    .prepare = stream_prepare,
    .begin = stream_begin,
    .letter = stream_letter,
    .frag_only = 1,
    .flush = stream_flush,
    .cross = stream_cross,
    .summary = stream_summary,
    .finish = stream_finish,
    .free = stream_free,
};

ir_sink *ir_sink_stream(FILE *out, ir_format fmt, int color, int explain) {
  stream *st = calloc(1, sizeof *st);
  if (!st) {
    ir_exit_nomem();
  }
  st->base.ops = &stream_ops;
  st->out = out;
  st->fmt = fmt;
  st->color = color;
  st->explain = explain;
  return &st->base;
}

void ir_sink_free(ir_sink *s) {
  if (s && s->ops->free)
    s->ops->free(s);
}
