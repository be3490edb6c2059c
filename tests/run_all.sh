#!/bin/sh
# run_all.sh - the whole suite: unit tests, case regression, rule tests,
# batch and robustness tests, then the suite again under ASan+UBSan.
# Each part prints "N passed, N failed"; this sums them and ends with the
# total. A part that exits non-zero without such a line counts one failure.
set -u
BUILD=${BUILD:-build}
BIN=${BIN:-./imraudit}
export IMRAUDIT="$BIN"
OUT=$BUILD/test-output
mkdir -p "$OUT"
total_pass=0
total_fail=0
failed_parts=""

run_part() { # name command...
  name=$1
  shift
  log="$OUT/$name.log"
  printf '== %s\n' "$name"
  "$@" >"$log" 2>&1
  st=$?
  line=$(grep -E '^([A-Za-z_-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -n "$line" ]; then
    p=$(echo "$line" | sed -E 's/^([A-Za-z_-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2/')
    f=$(echo "$line" | sed -E 's/^([A-Za-z_-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\3/')
  else
    p=0
    f=0
  fi
  if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + f))
  if [ "$f" -ne 0 ]; then
    failed_parts="$failed_parts $name"
    tail -n 40 "$log"
  fi
  printf '   %s passed, %s failed (log: %s)\n' "$p" "$f" "$log"
}

for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  run_part "unit-$(basename "$t")" "$t"
done
run_part include-order-selftest /usr/bin/python3 tests/include_order.py --self-test
run_part include-order /usr/bin/python3 tests/include_order.py core
if [ -f tests/run_cases.py ]; then
  run_part cases-selftest /usr/bin/python3 tests/run_cases.py --self-test
  run_part cases /usr/bin/python3 tests/run_cases.py --bin "$BIN" cases
fi
# Every pack's annotated letters; a pack still below its bar (rules/<pack>/
# MEASURED names why) is run and its counts printed, without failing the
# suite, until it meets it.
for p in rules/*/; do
  [ -f "$p/pack.lua" ] || continue
  if [ -f "$p/MEASURED" ]; then
    "$BIN" test --rule "$(basename "$p")" rules > "$OUT/rule-tests-$(basename "$p").log" 2>&1
    echo "   $(basename "$p") (measured, not gating): $(tail -n 1 "$OUT/rule-tests-$(basename "$p").log")"
  else
    run_part "rule-tests-$(basename "$p")" "$BIN" test --rule "$(basename "$p")" rules
  fi
done
for s in tests/*/run.sh; do
  [ -f "$s" ] || continue
  run_part "$(basename "$(dirname "$s")")" sh "$s"
done
if [ "${IMRAUDIT_NO_ASAN:-0}" != 1 ] && grep -q '^asan-test:' mk/*.mk 2>/dev/null; then
  run_part asan make --no-print-directory asan-test
fi
[ -n "$failed_parts" ] && echo "failing parts:$failed_parts"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
