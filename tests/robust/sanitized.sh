#!/usr/bin/env bash
# tests/robust/sanitized.sh - the suite under a checker (mk/memcheck.mk).
#   sanitized.sh asan BUILD_DIR      BUILD_DIR/imraudit and unit tests built
#       with -fsanitize=address,undefined: unit tests, rule tests, cases/ in
#       json/text/-j2, the case comparison, the robustness tests.
#   sanitized.sh memcheck BUILD_DIR  valgrind memcheck (errors and definite/
#       indirect leaks are failures) over cases/ in json, text and -j2.
# Prints "N passed, N failed"; exit 1 when any failed.
set -u
mode=${1:?asan|memcheck}
B=${2:?build dir}
IMR=$B/imraudit
RULES=${IMRAUDIT_RULES:-rules}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=97}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=97}
pass=0 fail=0
LOG=$(mktemp /tmp/imraudit-san.XXXXXX)
trap 'rm -f "$LOG"; [ -n "${PDFDIR:-}" ] && rm -rf "$PDFDIR"' EXIT
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() {
  fail=$((fail + 1))
  printf 'FAIL %s\n' "$1"
  grep -E -m 8 'ERROR|runtime error|definitely|indirectly|Invalid|uninitialised|#[0-9]+ 0x|at 0x|by 0x' "$LOG" | head -n 16
}
# add the "N passed, N failed" of a sub-suite
tally() {
  local name=$1 st=$2 line p f
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$LOG" | tail -n 1)
  if [ -n "$line" ]; then
    p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
    pass=$((pass + p)); fail=$((fail + f))
    [ "$f" -eq 0 ] && [ "$st" -eq 0 ] && printf 'ok   %s (%s)\n' "$name" "$line" && return
    [ "$f" -eq 0 ] && fail=$((fail + 1))
    printf 'FAIL %s (%s, exit %s)\n' "$name" "$line" "$st"
    grep -E '^FAIL|ERROR|runtime error' "$LOG" | head -n 12
  elif [ "$st" -eq 0 ]; then ok "$name"
  else bad "$name (exit $st, no summary line)"; fi
}
clean_run() { # name cmd...: ok when exit <= 2 and no checker report
  local name=$1
  shift
  "$@" >/dev/null 2>"$LOG" </dev/null
  local st=$?
  if [ "$st" -le 2 ] && ! grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error:|ERROR SUMMARY: [1-9]|definitely lost: [1-9]|indirectly lost: [1-9]' "$LOG"; then
    ok "$name"
  else
    bad "$name (exit $st)"
  fi
}

[ -x "$IMR" ] || { echo "$IMR not built"; echo "0 passed, 1 failed"; exit 1; }

# Small PDFs for the PDF reader under the checker: every bad class
# (tests/pdf/make_pdfs.py) and the seeds printed by enscript|ps2pdf.
PDFDIR=""
pdf_inputs() {
  PDFDIR=$(mktemp -d /tmp/imraudit-sanpdf.XXXXXX)
  python3 tests/pdf/make_pdfs.py "$PDFDIR" >/dev/null 2>&1
  if command -v enscript >/dev/null 2>&1 && command -v ps2pdf >/dev/null 2>&1; then
    for f in cases/00[0-4]_*.txt; do
      [ -f "$f" ] || continue
      enscript -q --word-wrap -f Courier9 -o - "$f" 2>/dev/null |
        ps2pdf - "$PDFDIR/$(basename "$f" .txt).pdf" 2>/dev/null
    done
  fi
}

if [ "$mode" = asan ]; then
  for t in "$B"/tests/test_*; do
    [ -x "$t" ] || continue
    "$t" >"$LOG" 2>&1
    st=$? # (taken before the name's command substitution resets $?)
    tally "unit ${t##*/}" "$st"
  done
  if [ -d "$RULES" ] && ls "$RULES"/*.lua >/dev/null 2>&1; then
    "$IMR" test "$RULES" >"$LOG" 2>&1
    st=$?
    if grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error:' "$LOG"; then bad "imraudit test $RULES"
    else tally "imraudit test $RULES" "$st"; fi
  fi
  clean_run "cases/ --format json" "$IMR" --rules "$RULES" -q -j 1 --format json cases/
  clean_run "cases/ --format text" "$IMR" --rules "$RULES" -q -j 1 --format text --explain cases/
  clean_run "cases/ -j2 --format json" "$IMR" --rules "$RULES" -q -j 2 --format json cases/
  if [ -f tests/run_cases.py ]; then
    python3 tests/run_cases.py --bin "$IMR" cases >"$LOG" 2>&1
    st=$?
    if grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error:' "$LOG"; then bad "case comparison"
    else tally "case comparison (run_cases.py)" "$st"; fi
  fi
  IMRAUDIT=$IMR ROBUST_BIG=${ROBUST_BIG:-0} ROBUST_GUARD=${ROBUST_GUARD:-180} bash tests/robust/run.sh >"$LOG" 2>&1
  tally "robustness tests" $?
  pdf_inputs
  clean_run "PDFs (bad classes, printed seeds) -j2" "$IMR" --rules "$RULES" -q -j 2 --format json --explain "$PDFDIR"
else
  VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
  pdf_inputs
  clean_run "memcheck PDFs (bad classes, printed seeds)" $VG "$IMR" --rules "$RULES" -q -j 1 --format json "$PDFDIR"
  clean_run "memcheck cases/ --format json" $VG "$IMR" --rules "$RULES" -q -j 1 --format json cases/
  clean_run "memcheck cases/ --format text --explain" $VG "$IMR" --rules "$RULES" -q -j 1 --format text --explain cases/
  clean_run "memcheck cases/ -j2 --format json" $VG "$IMR" --rules "$RULES" -q -j 2 --format json cases/
  clean_run "memcheck bad inputs" $VG "$IMR" --rules "$RULES" -q --format json /nonexistent.txt /dev/null tests/fuzz/letter.dict
  if [ -d tests/fuzz/regressions ] && ls tests/fuzz/regressions/* >/dev/null 2>&1; then
    clean_run "memcheck fuzz regressions" $VG "$IMR" --rules "$RULES" -q --format json --glob '*' tests/fuzz/regressions
  fi
  if ls "$RULES"/*.lua >/dev/null 2>&1; then
    clean_run "memcheck imraudit test $RULES" $VG "$IMR" test "$RULES"
  fi
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
