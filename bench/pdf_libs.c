/* pdf_libs.c - measure the two Debian PDF libraries on the same PDFs:
 * time to open + extract every page's text (R repetitions), and write each
 * library's text to OUTDIR/<name>.<lib>.txt for a fidelity comparison
 * against the source text (bench/pdf_libs.sh). Not part of the build. */
#include <glib.h>
#include <mupdf/fitz.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static size_t mupdf_text(fz_context *ctx, const char *path, FILE *out) {
  size_t n = 0;
  fz_document *doc = NULL;
  fz_buffer *buf = NULL;
  fz_try(ctx) {
    doc = fz_open_document(ctx, path);
    int np = fz_count_pages(ctx, doc);
    for (int i = 0; i < np; i++) {
      fz_stext_page *st = fz_new_stext_page_from_page_number(ctx, doc, i, NULL);
      buf = fz_new_buffer_from_stext_page(ctx, st);
      n += buf->len;
      if (out)
        fwrite(buf->data, 1, buf->len, out);
      fz_drop_buffer(ctx, buf);
      buf = NULL;
      fz_drop_stext_page(ctx, st);
    }
  }
  fz_always(ctx) fz_drop_document(ctx, doc);
  fz_catch(ctx) fprintf(stderr, "mupdf: %s: %s\n", path, fz_caught_message(ctx));
  return n;
}

static size_t poppler_text(const char *path, FILE *out) {
  GError *err = NULL;
  char *uri = g_filename_to_uri(path, NULL, &err);
  PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL, &err) : NULL;
  g_free(uri);
  if (!doc) {
    fprintf(stderr, "poppler: %s: %s\n", path, err ? err->message : "?");
    return 0;
  }
  size_t n = 0;
  int np = poppler_document_get_n_pages(doc);
  for (int i = 0; i < np; i++) {
    PopplerPage *p = poppler_document_get_page(doc, i);
    char *t = poppler_page_get_text(p);
    n += strlen(t);
    if (out)
      fputs(t, out), fputc('\n', out);
    g_free(t);
    g_object_unref(p);
  }
  g_object_unref(doc);
  return n;
}

int main(int argc, char **argv) {
  if (argc < 4)
    return fprintf(stderr, "usage: pdf_libs REPS OUTDIR file.pdf...\n"), 2;
  int reps = atoi(argv[1]);
  const char *outdir = argv[2];
  fz_context *ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
  fz_register_document_handlers(ctx);
  for (int i = 3; i < argc; i++) {
    char o[4096];
    const char *base = strrchr(argv[i], '/');
    base = base ? base + 1 : argv[i];
    snprintf(o, sizeof o, "%s/%s.mupdf.txt", outdir, base);
    FILE *f = fopen(o, "w");
    mupdf_text(ctx, argv[i], f);
    fclose(f);
    snprintf(o, sizeof o, "%s/%s.poppler.txt", outdir, base);
    f = fopen(o, "w");
    poppler_text(argv[i], f);
    fclose(f);
  }
  double t0 = now();
  size_t a = 0, b = 0;
  for (int r = 0; r < reps; r++)
    for (int i = 3; i < argc; i++)
      a += mupdf_text(ctx, argv[i], NULL);
  double t1 = now();
  for (int r = 0; r < reps; r++)
    for (int i = 3; i < argc; i++)
      b += poppler_text(argv[i], NULL);
  double t2 = now();
  int nf = (argc - 3) * reps;
  printf("mupdf   %d files %.2f s  %.1f files/s (%zu chars)\n", nf, t1 - t0, nf / (t1 - t0), a);
  printf("poppler %d files %.2f s  %.1f files/s (%zu chars)\n", nf, t2 - t1, nf / (t2 - t1), b);
  fz_drop_context(ctx);
  return 0;
}
