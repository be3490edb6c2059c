#!/usr/bin/env bash
# bench/profile.sh - where imraudit spends its time (make bench-profile).
# Usage: bench/profile.sh IMRAUDIT GEN_CORPUS OUTDIR
# perf stat over PROFILE_N letters (default 2000) at -j1, then callgrind over
# PROFILE_CG letters (default 300): inclusive and self cost per function.
# Writes OUTDIR/profile.txt and prints it.
set -u
IMR=${1:?imraudit}; GEN=${2:?gen_corpus}; OUT=${3:?outdir}
N=${PROFILE_N:-2000}; CG=${PROFILE_CG:-300}
RULES=${IMRAUDIT_RULES:-$(pwd)/rules}
mkdir -p "$OUT"
P="$OUT/profile.txt"
rm -rf "$OUT/prof-corpus" "$OUT/prof-cg"
"$GEN" -n "$N" -s 42 -o "$OUT/prof-corpus" >/dev/null
"$GEN" -n "$CG" -s 42 -o "$OUT/prof-cg" >/dev/null
{
  echo "== perf stat, $N letters, -j1"
  perf stat -o "$OUT/perf-stat.txt" -e task-clock,cycles,instructions,cache-misses,branch-misses,page-faults \
    "$IMR" --rules "$RULES" -j 1 -q --format json "$OUT/prof-corpus" >/dev/null 2>&1
  grep -v -e '^$' -e '^#' -e 'not supported' "$OUT/perf-stat.txt"
  echo
  echo "== callgrind, $CG letters, -j1 (Ir = instructions)"
  valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" \
    "$IMR" --rules "$RULES" -j 1 -q --format json "$OUT/prof-cg" >/dev/null 2>"$OUT/callgrind.err"
  echo "-- self cost (top 25)"
  callgrind_annotate "$OUT/callgrind.out" 2>/dev/null | grep -E '^ *[0-9,]+ +\(' | head -n 26
  echo "-- inclusive cost (top 40)"
  callgrind_annotate --inclusive=yes "$OUT/callgrind.out" 2>/dev/null | grep -E '^ *[0-9,]+ +\(' | grep -v -F '???' | head -n 41
} | tee "$P"
