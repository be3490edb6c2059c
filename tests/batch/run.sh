#!/bin/sh
# run.sh - batch tests (issue 5): -j1 vs -jN byte-identical output, input
# enumeration and bad inputs, CSV, the HTML report in headless Chromium, the
# SQLite store under kill -9. Run from the repository root (tests/run_all.sh
# does). Environment: BIN (default ./imraudit), BUILD (default build; output
# under $BUILD/test-output/batch), BATCH_KILL_N (letters in the kill -9 test,
# default 10000). Ends with "N passed, N failed".
set -u
BIN=${BIN:-./imraudit}
BUILD=${BUILD:-build}
OUT=$BUILD/test-output/batch
KILL_N=${BATCH_KILL_N:-10000}
SEEDS=${SEEDS:-../shared/seeds}
[ -d "$SEEDS" ] || SEEDS=/work/shared/seeds
CHECK="python3 tests/batch/check.py"
pass=0
fail=0
rm -rf "$OUT"
mkdir -p "$OUT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { # name command...: passes when the command exits 0
  name=$1
  shift
  if "$@" >"$T/check.log" 2>&1; then ok "$name"; else
    ko "$name"
    sed 's/^/     /' "$T/check.log" | head -20
  fi
}

INPUTS="cases"
[ -d "$SEEDS" ] && INPUTS="cases $SEEDS"

# --- 1. output order and content do not depend on -j -------------------------
for fmt in json text csv; do
  "$BIN" -q -j 1 --format $fmt $INPUTS >"$T/j1.$fmt" 2>"$T/j1.err"
  s1=$?
  for j in 2 4; do
    "$BIN" -q -j $j --format $fmt $INPUTS >"$T/j$j.$fmt" 2>"$T/j$j.err"
    s2=$?
    check "-j1 and -j$j give the same $fmt, byte for byte" \
      cmp "$T/j1.$fmt" "$T/j$j.$fmt"
    check "-j1 and -j$j exit status ($s1 vs $s2) and stderr agree ($fmt)" \
      sh -c "[ $s1 -eq $s2 ] && cmp '$T/j1.err' '$T/j$j.err'"
  done
done
cp "$T/j1.json" "$OUT/batch.jsonl"
check "JSON lines parse, summary object last" \
  python3 -c "
import json,sys
L=[json.loads(l) for l in open('$T/j1.json')]
assert L[-1].get('summary') is True, 'no summary last'
assert all('file' in o for o in L[:-1])
"

# --- 2. CSV -----------------------------------------------------------------
cp "$T/j1.csv" "$OUT/batch.csv"
check "CSV parses into one row per item, agreeing with JSON" \
  $CHECK csv "$T/j1.csv" "$T/j1.json"

# --- 3. enumeration and bad inputs ------------------------------------------
D=$T/tree
mkdir -p "$D/a/b" "$D/.hidden" "$D/c"
first=$(ls cases/*.txt | head -n 1)
cp "$first" "$D/a/one.txt"
cp "$first" "$D/a/b/two.txt"
cp "$first" "$D/c/three.txt"
cp "$first" "$D/.hidden/hidden.txt"
cp "$first" "$D/a/.dot.txt"
cp "$first" "$D/a/skip.md"
ln -s .. "$D/a/b/loop"                 # directory loop
ln -s "$D/nowhere.txt" "$D/c/gone.txt" # a file that vanished
"$BIN" -q --format json "$D" missing-file.txt >"$T/tree.json" 2>"$T/tree.err"
st=$?
check "bad inputs give exit status 2 ($st)" test "$st" -eq 2
python3 -c "
import json
for l in open('$T/tree.json'):
    o = json.loads(l)
    if o.get('summary'): continue
    if o.get('cross_case'): continue
    print(o['file'].replace('$D', 'D'), o['ok'], o['error'])
" >"$T/tree.got"
cat >"$T/tree.want" <<EOF
D/a/b/loop False directory loop
D/a/b/two.txt True None
D/a/one.txt True None
D/c/gone.txt False No such file or directory
D/c/three.txt True None
missing-file.txt False No such file or directory
EOF
check "directory walk: sorted, recursive, *.txt, hidden skipped, loop and vanished file reported" \
  diff "$T/tree.want" "$T/tree.got"
check "one stderr line per failed input" \
  sh -c "[ \$(grep -c '^imraudit: .*: \\(directory loop\\|No such file or directory\\)\$' '$T/tree.err') -eq 3 ]"
"$BIN" -q --format json --glob '*.md' "$D/a" >"$T/glob.json" 2>/dev/null
check "--glob selects other names" grep -q '"file":"[^"]*skip.md"' "$T/glob.json"
printf '%s\n\n%s\r\n-\n' "$D/a/one.txt" "$D/c" >"$T/list"
"$BIN" -q --format json --files-from "$T/list" <"$first" >"$T/list.json" 2>/dev/null
check "--files-from: files, directories, CRLF, blank lines, - as stdin" \
  python3 -c "
import json
L=[json.loads(l) for l in open('$T/list.json')]
f=[o['file'] for o in L if not o.get('summary') and not o.get('cross_case')]
assert f == ['$D/a/one.txt', '$D/c/gone.txt', '$D/c/three.txt', '-'], f
"
printf '%s\n' "$D/a/one.txt" | "$BIN" -q --format json --files-from - >"$T/list2.json" 2>/dev/null
check "--files-from - reads the list from stdin" grep -q '"file":"[^"]*one.txt"' "$T/list2.json"
"$BIN" -q --format text "$D/a/one.txt" missing-file.txt >"$T/sum.txt" 2>/dev/null
check "text report ends with the summary line" \
  sh -c "tail -n 1 '$T/sum.txt' | grep -Eq '^summary: 2 letters, [0-9]+ items, [0-9]+ flagged, 1 failed$'"

# --- 4. cross-case ----------------------------------------------------------
"$BIN" -q --format json --no-cross-case $INPUTS >"$T/nocc.json" 2>/dev/null
check "--no-cross-case emits no cross-case object" \
  sh -c "! grep -q '\"cross_case\"' '$T/nocc.json'"

# --- 5. HTML report in headless Chromium --------------------------------------
"$BIN" -q --format json --report "$OUT/report.html" $INPUTS "$D" >"$T/html.json" 2>/dev/null
check "--report writes the HTML file" test -s "$OUT/report.html"
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROME" ]; then
  echo "skip HTML rendering: chromium is not installed (apt-get install -y chromium)"
else
  FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
  URL="file://$(cd "$OUT" && pwd)/report.html"
  timeout 120 "$CHROME" $FLAGS --user-data-dir="$T/chrome1" --enable-logging=stderr --v=0 \
    --dump-dom "$URL" >"$OUT/report.dom.html" 2>"$OUT/chromium.log"
  check "Chromium renders the report" test -s "$OUT/report.dom.html"
  check "no console messages or script errors" \
    sh -c "! grep -E 'CONSOLE|Uncaught' '$OUT/chromium.log'"
  check "the table holds one row per flagged item; script ran" \
    $CHECK html-dom "$OUT/report.dom.html" "$T/html.json"
  timeout 120 "$CHROME" $FLAGS --user-data-dir="$T/chrome2" --window-size=1280,2000 \
    --screenshot="$(pwd)/$OUT/report.png" "$URL#open" >/dev/null 2>&1
  check "screenshot saved ($OUT/report.png)" test -s "$OUT/report.png"
fi

# --- 6. SQLite store: re-run replaces; kill -9 leaves whole letters ------------
DB=$T/store.sqlite
"$BIN" -q --format json --db "$DB" $INPUTS >/dev/null 2>&1
"$BIN" -q --format json --db "$DB" $INPUTS >/dev/null 2>&1
# expected rows: audited letters keyed by their bytes, failed ones by path
n=$(python3 -c "
import hashlib, json
keys = set()
for l in open('$T/j1.json'):
    o = json.loads(l)
    if o.get('summary') or o.get('cross_case'):
        continue
    if o['ok']:
        keys.add(hashlib.sha256(open(o['file'], 'rb').read()).hexdigest())
    else:
        keys.add('path:' + o['file'])
print(len(keys))")
check "re-run replaces: $n distinct letters, one row each" $CHECK db "$DB" "$n"
check "store and JSON agree on items and findings" python3 -c "
import json, sqlite3
db = sqlite3.connect('$DB')
letters = {}
for l in open('$T/j1.json'):
    o = json.loads(l)
    if 'decisions' in o and o['ok']:
        letters[o['file']] = o
for path, nitems, lid in db.execute('SELECT path, items, id FROM letters WHERE ok=1'):
    o = letters[path]
    assert nitems == len(o['decisions']), path
    for d in o['decisions']:
        (iid, cat, out, pack) = db.execute('SELECT id, category, outcome, pack FROM items WHERE letter_id=? AND idx=?', (lid, d['index'])).fetchone()
        assert (cat, out, pack) == (d['category'], d['outcome'], d['pack']), (path, d['index'])
        kinds = sorted(f['kind'] for f in d['findings'])
        got = sorted(k for (k,) in db.execute(\"SELECT kind FROM findings WHERE item_id=? AND kind != 'similar-cases-differ'\", (iid,)))
        assert kinds == got, (path, d['index'], kinds, got)
        for c, f in d['facts'].items():
            (st, fp) = db.execute('SELECT status, pack FROM facts WHERE item_id=? AND criterion=?', (iid, c)).fetchone()
            assert (st, fp) == (f['status'], d['pack']), (path, c)
"

G=$T/gen
mkdir -p "$G"
python3 - "$G" "$KILL_N" cases/*.txt <<'EOF'
import sys, os
out, n, srcs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
data = [open(s, 'rb').read() for s in srcs]
for i in range(n):
    d = os.path.join(out, '%03d' % (i // 1000))
    os.makedirs(d, exist_ok=True)
    b = data[i % len(data)]
    with open(os.path.join(d, 'letter-%05d.txt' % i), 'wb') as f:
        f.write(b + b'\nBatch test copy %d.\n' % i)
EOF
KDB=$T/kill.sqlite
start=$(date +%s.%N)
"$BIN" -q --format json --db "$KDB" "$G" >/dev/null 2>&1 &
pid=$!
# wait until some letters are stored, then kill -9 mid-run
i=0
while [ $i -lt 600 ]; do
  c=$(python3 -c "
import sqlite3
try: print(sqlite3.connect('file:$KDB?mode=ro', uri=True).execute('SELECT count(*) FROM letters').fetchone()[0])
except Exception: print(0)" 2>/dev/null)
  [ "${c:-0}" -ge $((KILL_N / 4)) ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
  i=$((i + 1))
done
if kill -0 $pid 2>/dev/null; then
  kill -9 $pid
  wait $pid 2>/dev/null
  killed=1
else
  wait $pid
  killed=0
fi
check "kill -9 during a $KILL_N-letter --db run (killed=$killed after ${c:-0} letters)" test "$killed" -eq 1
check "after kill -9: no partial letter" $CHECK db "$KDB"
"$BIN" -q --format json --db "$KDB" "$G" >/dev/null 2>&1
check "after re-run: exactly one row per letter ($KILL_N)" $CHECK db "$KDB" "$KILL_N"
end=$(date +%s.%N)
echo "kill test: $KILL_N letters in $(echo "$end - $start" | bc 2>/dev/null || echo '?') s"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
