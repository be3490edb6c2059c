#!/usr/bin/env bash
# tests/fuzz/fuzz.sh - drive the libFuzzer target (called by mk/fuzz.mk).
#   fuzz.sh fuzz BIN BUILD_DIR SECONDS   seed BUILD_DIR/corpus from cases/,
#        tests/fuzz/regressions/ and a few generated letters, fuzz for
#        SECONDS, then copy every crash/timeout/oom input found into
#        tests/fuzz/regressions/crash-*.txt. Exit 1 when something was found.
#   fuzz.sh regress BIN                  run BIN over each file of
#        tests/fuzz/regressions/ and cases/; prints "N passed, N failed".
set -u
mode=${1:?mode}
BIN=${2:?fuzz binary}
export IMRAUDIT_RULES=${IMRAUDIT_RULES:-rules}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
REG=tests/fuzz/regressions

if [ "$mode" = regress ]; then
  pass=0 fail=0
  for f in "$REG"/* cases/*.txt; do
    [ -f "$f" ] || continue
    if "$BIN" -runs=1 "$f" >/tmp/fuzz-regress.$$ 2>&1; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1))
      echo "FAIL $f"
      grep -E 'ERROR|runtime error|invariant|#[0-9]+ 0x' /tmp/fuzz-regress.$$ | head -n 12
    fi
  done
  rm -f /tmp/fuzz-regress.$$
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit
fi

BUILD=${3:?build dir}
SECS=${4:-60}
CORPUS="$BUILD/corpus"
ART="$BUILD/artifacts"
mkdir -p "$CORPUS" "$ART"
for f in cases/*.txt "$REG"/*; do
  [ -f "$f" ] && cp -n "$f" "$CORPUS/seed-$(basename "$f")" 2>/dev/null
done
if [ -x "$BUILD/gen_corpus" ] && [ ! -f "$CORPUS/.gen" ]; then
  "$BUILD/gen_corpus" -n 40 -s 7 -o "$BUILD/gen" >/dev/null &&
    for f in "$BUILD"/gen/*.txt; do cp "$f" "$CORPUS/gen-$(basename "$f")"; done
  touch "$CORPUS/.gen"
fi
echo "fuzz: $SECS s over $(ls "$CORPUS" | wc -l) corpus files"
"$BIN" "$CORPUS" -dict=tests/fuzz/letter.dict -max_total_time="$SECS" \
  -max_len=${FUZZ_MAX_LEN:-16384} -timeout=${FUZZ_TIMEOUT:-20} \
  -rss_limit_mb=${FUZZ_RSS_MB:-3072} -artifact_prefix="$ART/" \
  -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 | tee "$BUILD/last-run.log" |
  grep -E --line-buffered 'DONE|ERROR|SUMMARY|runtime error|invariant|stat::|Done [0-9]+ runs|pulse' 
st=${PIPESTATUS[0]}
found=0
for a in "$ART"/crash-* "$ART"/timeout-* "$ART"/oom-* "$ART"/leak-*; do
  [ -f "$a" ] || continue
  dst="$REG/$(basename "$a" | sed 's/^\(timeout\|oom\|leak\)-/crash-\1-/').txt"
  if [ ! -f "$dst" ]; then
    cp "$a" "$dst"
    echo "fuzz: new crashing input kept as $dst"
  fi
  mkdir -p "$ART/kept" && mv "$a" "$ART/kept/"
  found=1
done
[ "$found" -eq 0 ] && [ "$st" -eq 0 ] && { echo "fuzz: no crash in $SECS s"; exit 0; }
echo "fuzz: fuzzer exit status $st; log in $BUILD/last-run.log"
exit 1
