#!/usr/bin/env bash
# tests/fuzz/fuzz_pdf.sh BIN BUILD_DIR SECONDS - run the PDF reader's
# libFuzzer target (mk/fuzz.mk: make fuzz-pdf) over BUILD_DIR/pdf-corpus,
# seeded from tests/fuzz/pdf_corpus/ and tests/fuzz/regressions-pdf/; keeps
# each crash/timeout/oom input as tests/fuzz/regressions-pdf/crash-*.pdf.
# Appends a line per run to BUILD_DIR/fuzz-pdf-runs.log. Exit 1 on a find.
set -u
BIN=${1:?fuzz binary}
BUILD=${2:?build dir}
SECS=${3:-60}
REG=tests/fuzz/regressions-pdf
CORPUS="$BUILD/pdf-corpus"
ART="$BUILD/pdf-artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$CORPUS" "$ART" "$REG"
for f in tests/fuzz/pdf_corpus/* "$REG"/*; do
  [ -f "$f" ] && cp -n "$f" "$CORPUS/seed-$(basename "$f")" 2>/dev/null
done
echo "fuzz-pdf: $SECS s over $(ls "$CORPUS" | wc -l) corpus files"
"$BIN" "$CORPUS" -dict=tests/fuzz/pdf.dict -max_total_time="$SECS" \
  -max_len=${FUZZ_MAX_LEN:-65536} -timeout=${FUZZ_TIMEOUT:-30} \
  -rss_limit_mb=${FUZZ_RSS_MB:-3072} -artifact_prefix="$ART/" \
  -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 | tee "$BUILD/last-pdf-run.log" |
  grep -E --line-buffered 'DONE|ERROR|SUMMARY|runtime error|invariant|stat::number_of_executed_units|Done [0-9]+ runs'
st=${PIPESTATUS[0]}
runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$BUILD/last-pdf-run.log" | grep -o '[0-9]*$')
echo "$(date -u +%FT%TZ) seconds=$SECS runs=${runs:-?} status=$st" >>"$BUILD/fuzz-pdf-runs.log"
found=0
for a in "$ART"/crash-* "$ART"/timeout-* "$ART"/oom-* "$ART"/leak-*; do
  [ -f "$a" ] || continue
  dst="$REG/$(basename "$a" | sed 's/^\(timeout\|oom\|leak\)-/crash-\1-/').pdf"
  [ -f "$dst" ] || { cp "$a" "$dst"; echo "fuzz-pdf: new input kept as $dst"; }
  mkdir -p "$ART/kept" && mv "$a" "$ART/kept/"
  found=1
done
[ "$found" -eq 0 ] && [ "$st" -eq 0 ] && { echo "fuzz-pdf: no crash in $SECS s"; exit 0; }
echo "fuzz-pdf: fuzzer exit status $st; log in $BUILD/last-pdf-run.log"
exit 1
