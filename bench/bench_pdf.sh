#!/usr/bin/env bash
# bench_pdf.sh - PDF letters (run by `make bench` after bench.sh).
#
# Usage: bench/bench_pdf.sh IMRAUDIT GEN_CORPUS OUTDIR
# Prints BENCH_PDF_N (default 300) generated letters to PDF with
# enscript|ps2pdf and with LibreOffice when installed (once; kept in
# OUTDIR/pdf-*), then reports for each producer, as the median of
# BENCH_RUNS (3) runs: imraudit -j1 / -j2 --format json -q on the PDFs
# (letters/s, peak RSS of the batch process) against the same letters as
# text; and MuPDF's own cost (the worker alone, `imraudit --pdf-worker`,
# over the PDFs one by one). Appends to OUTDIR/results.txt.
set -u
IMR=${1:?imraudit binary}
GEN=${2:?gen_corpus binary}
OUT=${3:?output dir}
N=${BENCH_PDF_N:-300}
RUNS=${BENCH_RUNS:-3}
export IMRAUDIT_RULES=${IMRAUDIT_RULES:-$(pwd)/rules}
RES="$OUT/results.txt"
say() { printf '%s\n' "$*" | tee -a "$RES"; }
command -v enscript >/dev/null && command -v ps2pdf >/dev/null ||
  { say "pdf: enscript/ps2pdf missing, PDF figures skipped"; exit 0; }
TXT="$OUT/pdf-txt"
if [ ! -f "$TXT.stamp" ] || [ "$(cat "$TXT.stamp")" != "n=$N" ]; then
  rm -rf "$TXT" "$OUT/pdf-en" "$OUT/pdf-lo"
  mkdir -p "$TXT" && "$GEN" -n "$N" -s 7 -o "$TXT" >/dev/null || exit 2
  mkdir -p "$OUT/pdf-en"
  for f in "$TXT"/*.txt; do
    enscript -q --word-wrap -f Courier9 -o - "$f" 2>/dev/null |
      ps2pdf - "$OUT/pdf-en/$(basename "$f" .txt).pdf"
  done
  if command -v soffice >/dev/null; then
    mkdir -p "$OUT/pdf-lo"
    (cd "$TXT" && HOME="$OUT" soffice --headless --convert-to pdf \
      --outdir "$OUT/pdf-lo" ./*.txt >/dev/null 2>&1)
  fi
  echo "n=$N" >"$TXT.stamp"
fi
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { # dir jobs -> "letters/s rss_kb"
  local d=$1 j=$2 r rates="" rss=0
  for r in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$OUT/pdf.time" "$IMR" -q -j "$j" \
      --no-cross-case --format json "$d" >/dev/null 2>&1
    read -r s m < <(tail -n 1 "$OUT/pdf.time")
    rates="$rates $(awk -v n="$(ls "$d" | wc -l)" -v s="$s" 'BEGIN {printf "%.1f", n / (s > 0 ? s : 0.001)}')"
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$(printf '%s\n' $rates | median) $((rss / 1024))"
}
say ""
say "PDF letters ($N generated letters; median of $RUNS runs; letters/s, peak RSS MB)"
for j in 1 2; do
  read -r r m <<<"$(run "$TXT" $j)"
  say "  text             -j$j: $r letters/s, $m MB"
done
for p in en lo; do
  d="$OUT/pdf-$p"
  [ -d "$d" ] && [ "$(ls "$d" | wc -l)" -gt 0 ] || continue
  kb=$(du -sk "$d" | cut -f1)
  for j in 1 2; do
    read -r r m <<<"$(run "$d" $j)"
    say "  pdf ($p, ${kb} KiB) -j$j: $r letters/s, $m MB"
  done
  s=$( { /usr/bin/time -f '%e' sh -c "for f in '$d'/*.pdf; do '$IMR' --pdf-worker 0 <\"\$f\" >/dev/null; done" ; } 2>&1 | tail -1)
  say "  pdf ($p) reader alone, one process per file: $(awk -v n="$(ls "$d" | wc -l)" -v s="$s" 'BEGIN {printf "%.1f", n / s}') letters/s"
done
