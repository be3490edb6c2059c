/* report_cross.c - a cross-case finding in the stream formats: a JSON
 * object line {"cross_case":true,"file","index","finding":{...}}, a text
 * diagnostic under a "cross-case consistency" heading, or a CSV row with
 * the columns of the item rows (report_csv.c). */
#include "base/base.h"
#include "sink.h"
#include "sink_int.h"

static void render_json(ir_buf *b, const ir_cross_finding *f) {
  ir_buf_puts(b, "{\"cross_case\":true,\"file\":");
  ir_buf_json_str(b, f->file);
  ir_buf_printf(b,
                ",\"index\":%d,\"finding\":{\"rule\":\"" IR_CROSS_RULE
                "\",\"kind\":\"" IR_CROSS_KIND "\",\"criterion\":null,"
                "\"severity\":\"warning\",\"message\":",
                f->index);
  ir_buf_json_str(b, f->message);
  ir_buf_puts(b, ",\"evidence\":[],\"counterparts\":[");
  for (size_t i = 0; i < f->ncounterparts; i++) {
    if (i)
      ir_buf_putc(b, ',');
    ir_buf_json_str(b, f->counterparts[i]);
  }
  ir_buf_printf(b, "],\"counterparts_total\":%zu}}\n", f->ntotal);
}

static void render_text(ir_buf *b, const ir_cross_finding *f, int color) {
  const char *bold = color ? "\033[1m" : "", *mag = color ? "\033[35m" : "",
             *off = color ? "\033[0m" : "";
  ir_buf sc[2] = {{0}};
  ir_buf_printf(b, "%s%s:%d:%s %swarning:%s " IR_CROSS_KIND " (item %d): %s\n",
                bold, ir_term(&sc[0], f->file), f->line, off, mag, off,
                f->index, ir_term(&sc[1], f->message));
  for (size_t i = 0; i < f->ncounterparts; i++)
    ir_buf_printf(b, "        | similar: %s\n",
                  ir_term(&sc[0], f->counterparts[i]));
  ir_buf_free(&sc[0]);
  ir_buf_free(&sc[1]);
  if (f->ntotal > f->ncounterparts)
    ir_buf_printf(b, "        | and %zu more\n", f->ntotal - f->ncounterparts);
}

void ir_report_cross(ir_buf *b, const ir_cross_finding *f, int first,
                     ir_format fmt, int color) {
  if (fmt == IR_FMT_TEXT && first)
    ir_buf_puts(b, "\ncross-case consistency\n");
  if (fmt == IR_FMT_JSON)
    render_json(b, f);
  else if (fmt == IR_FMT_CSV || fmt == IR_FMT_CSV_RAW)
    ir_csv_cross(b, f, fmt == IR_FMT_CSV_RAW);
  else
    render_text(b, f, color);
}
