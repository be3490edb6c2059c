#!/usr/bin/env bash
# tests/packfacts/run.sh - per-fact precision and recall of every pack on its
# own labelled letters (rules/<pack>/tests/gold.jsonl), printed by make
# test; a fact under 0.95 on either fails (issues 12 and 13). A pack whose
# letters carry no gold.jsonl is skipped (and says so).
# Environment: IMRAUDIT (binary, default ./imraudit). Ends with
# "N passed, N failed".
set -u
BIN=${IMRAUDIT:-./imraudit}
MIN=${PACKFACTS_MIN:-0.95}
T=$(mktemp -d /tmp/imraudit-packfacts.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
for d in rules/*/; do
  p=$(basename "$d")
  [ -f "$d/pack.lua" ] || continue
  if [ ! -f "$d/tests/gold.jsonl" ]; then
    echo "skip $p: no tests/gold.jsonl"
    continue
  fi
  "$BIN" -q --no-cross-case --format json "$d"tests/*.txt >"$T/$p.jsonl" 2>/dev/null
  echo "== $p"
  python3 tests/packs/fact_pr.py "$T/$p.jsonl" "$d/tests/gold.jsonl" \
    --pack "$p" --min "$MIN" >"$T/$p.out"
  sed '$d' "$T/$p.out"
  set -- $(tail -n 1 "$T/$p.out")
  pass=$((pass + $1)) fail=$((fail + $3))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
