#!/bin/sh
# run.sh - reports at the scale auditors work (issue 16): CSV safe in
# spreadsheets (and --csv-raw), reviewer specialties grouped (summary,
# HTML, SQLite), and the HTML report of a generated batch of REPORT_N
# letters (default 20000; `make report-bench` runs 100000) loading in
# headless Chromium in under 5 s with its table capped. Keeps the report,
# its screenshot and the figures in $BUILD/test-output/reports/. Run from
# the repository root. Ends with "N passed, N failed".
set -u
BIN=${BIN:-./imraudit}
BUILD=${BUILD:-build}
N=${REPORT_N:-20000}
OUT=$BUILD/test-output/reports
pass=0
fail=0
rm -rf "$OUT"
mkdir -p "$OUT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
sub() { awk "BEGIN { printf \"%.2f\", $1 - $2 }"; }
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { # name command...
  name=$1
  shift
  if "$@" >"$T/check.log" 2>&1; then ok "$name"; else
    ko "$name"
    sed 's/^/     /' "$T/check.log" | head -20
  fi
}

# --- 1. CSV injection ----------------------------------------------------
SRC=cases/maximus_tpi_upheld_no_twitch_documented.txt
TITLE='Trigger point injections x4, lumbar paraspinals'
mkdir -p "$T/inj"
python3 - "$SRC" "$TITLE" "$T/inj" <<'PY'
import sys
src, title, out = sys.argv[1:]
text = open(src, encoding="utf-8").read()
assert title in text
payloads = ['=HYPERLINK("http://evil.example/x","Trigger point injections")',
            "+cmd|' /C calc'!A0 trigger point injections",
            "-2+3+cmd|' /C calc'!A0 trigger point injections",
            "@SUM(1+1)*cmd|' /C calc'!A0 trigger point injections"]
for i, p in enumerate(payloads):
    open("%s/p%d.txt" % (out, i), "w", encoding="utf-8").write(
        text.replace(title, p))
open("%s/payloads" % out, "w", encoding="utf-8").write("\n".join(payloads))
PY
"$BIN" -q --format csv "$T/inj" >"$T/safe.csv" 2>/dev/null
"$BIN" -q --format csv --csv-raw "$T/inj" >"$T/raw.csv" 2>/dev/null
check "CSV: formula-like fields start with ' (and no field starts with = + - @ TAB CR)" \
  python3 - "$T/safe.csv" "$T/inj/payloads" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
want = open(sys.argv[2], encoding="utf-8").read().split("\n")
svc = [r[3] for r in rows[1:]]
assert svc == ["'" + p for p in want], svc
for r in rows:
    for f in r:
        assert not f or f[0] not in "=+-@\t\r", f
PY
check "--csv-raw: the service titles as written" \
  python3 - "$T/raw.csv" "$T/inj/payloads" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
want = open(sys.argv[2], encoding="utf-8").read().split("\n")
assert [r[3] for r in rows[1:]] == want, [r[3] for r in rows[1:]]
PY

# --- 2. specialties grouped ------------------------------------------------
"$BIN" -q --format json --report "$T/cases.html" --db "$T/cases.sqlite" \
  cases/ >"$T/cases.json" 2>/dev/null
"$BIN" -q cases/ >"$OUT/make-run.txt" 2>/dev/null
check "summary: one group per specialty (no '&', ',' or subspecialty variants)" \
  python3 - "$T/cases.json" <<'PY'
import json, sys
s = [json.loads(l) for l in open(sys.argv[1])][-1]
keys = list(s["specialties"])
assert s["summary"] and len(keys) >= 5, keys
for k in keys:
    assert "&" not in k and "," not in k and "subspecialty" not in k, k
for stem in ("Physical Medicine", "Anesthesiology"):
    assert len([k for k in keys if k.startswith(stem)]) == 1, keys
pmr = s["specialties"]["Physical Medicine and Rehabilitation"]
assert pmr["letters"] > 1, pmr
PY
check "the record keeps the letter's wording" \
  grep -q '"specialty":"Physical Medicine & Rehabilitation, Pain Management"' "$T/cases.json"
check "text summary of make run: one line per specialty group" \
  sh -c "sed -n '/flagged share by reviewer specialty/,/^summary:/p' '$OUT/make-run.txt' |
         grep -c 'Physical Medicine' | grep -qx 1"
check "SQLite: letters.specialty_group agrees with the summary" \
  python3 - "$T/cases.sqlite" "$T/cases.json" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
s = [json.loads(l) for l in open(sys.argv[2])][-1]
got = dict(db.execute("SELECT specialty_group, count(*) FROM letters "
                      "WHERE ok GROUP BY 1").fetchall())
want = {k: v["letters"] for k, v in s["specialties"].items()}
got = {(k if k is not None else "(unknown)"): v for k, v in got.items()}
assert got == want, (got, want)
PY
check "HTML: one specialty bar per group" python3 - "$T/cases.html" "$T/cases.json" <<'PY'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
s = [json.loads(l) for l in open(sys.argv[2])][-1]
m = re.search(r"<h3>Flagged share of items by reviewer specialty</h3>(.*?)</svg>", html)
bars = re.findall(r"<title>([^<]*)</title></text>", m.group(1))
assert sorted(bars) == sorted(s["specialties"]), (bars, list(s["specialties"]))
assert "Outcomes and flagged items by decision" in html
PY

# --- 3. the HTML report of a large batch -----------------------------------
GEN=$BUILD/gen_corpus
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$GEN" bench/gen_corpus.c
"$GEN" -n "$N" -s 16 -o "$T/corpus" >/dev/null
t0=$(date +%s.%N)
"$BIN" -q --format json --report "$OUT/report.html" "$T/corpus" >"$T/big.json" 2>/dev/null
t1=$(date +%s.%N)
bytes=$(wc -c <"$OUT/report.html")
check "report of $N letters written ($bytes bytes), under 10 MB" \
  test "$bytes" -gt 0 -a "$bytes" -lt 10000000
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROME" ]; then
  ko "chromium is not installed (apt-get install -y chromium)"
else
  FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
  echo '<!DOCTYPE html><title>blank</title>' >"$T/blank.html"
  s=$(date +%s.%N)
  timeout 60 "$CHROME" $FLAGS --user-data-dir="$T/c0" --dump-dom "file://$T/blank.html" >/dev/null 2>&1
  e=$(date +%s.%N)
  timeout 120 "$CHROME" $FLAGS --user-data-dir="$T/c1" --enable-logging=stderr --v=0 \
    --dump-dom "file://$(pwd)/$OUT/report.html" >"$T/big.dom" 2>"$OUT/chromium.log"
  f=$(date +%s.%N)
  ready=$(grep -o 'data-ready-ms="[0-9]*"' "$T/big.dom" | grep -o '[0-9]*')
  blank=$(sub "$e" "$s")
  wall=$(sub "$f" "$e")
  page=$(sub "$wall" "$blank")
  {
    echo "letters: $N"
    echo "audit with --report: $(sub "$t1" "$t0") s"
    echo "report: $bytes bytes"
    echo "chromium --dump-dom wall: $wall s (blank page: $blank s; difference: $page s)"
    echo "in-page time to ready (performance.now at the script's end): ${ready:-none} ms"
  } | tee "$OUT/results.txt"
  check "the page's script ran to its end" test -n "$ready"
  check "usable in under 5 s: in-page ${ready:-?} ms, wall minus browser start $page s" \
    sh -c "[ '${ready:-99999}' -lt 5000 ] && awk 'BEGIN { exit !($page < 5) }'"
  check "no console messages or script errors" \
    sh -c "! grep -E 'CONSOLE|Uncaught' '$OUT/chromium.log'"
  check "table capped at 500 rows, most severe first, 'N more in the CSV / database'" \
    python3 - "$T/big.dom" "$T/big.json" <<'PY'
import json, re, sys
dom = open(sys.argv[1], encoding="utf-8", errors="replace").read()
s = [json.loads(l) for l in open(sys.argv[2])][-1]
CAP = 500
rows = re.findall(r'<tbody class="item"[^>]*>.*?<td data-v="(-?\d)"><span class="sev', dom)
want = min(CAP, s["flagged_items"])
assert len(rows) == want, (len(rows), want)
if s["flagged_items"] > CAP:
    m = re.search(r"<b>(\d+) more are in the CSV and the database</b>", dom)
    assert m and int(m.group(1)) == s["flagged_items"] - CAP, m
assert 'id="shown">%d<' % want in dom
# the most severe first: worst severity per flagged item from the JSON
rank = {"info": 0, "warning": 1, "error": 2}
worst = {}
for l in open(sys.argv[2]):
    o = json.loads(l)
    if o.get("cross_case"):
        k = (o["file"], o["index"])
        worst[k] = max(worst.get(k, 1), 1)
    elif o.get("ok"):
        for d in o["decisions"]:
            if d["findings"]:
                worst[(o["file"], d["index"])] = max(
                    rank[f["severity"]] for f in d["findings"])
left, expect = CAP, {}
for lv in (2, 1, 0):
    c = sum(1 for w in worst.values() if w == lv)
    expect[lv] = min(c, left)
    left -= expect[lv]
got = {lv: sum(1 for r in rows if int(r) == lv) for lv in (2, 1, 0)}
assert got == expect, (got, expect)
PY
  timeout 120 "$CHROME" $FLAGS --user-data-dir="$T/c2" --window-size=1280,2400 \
    --screenshot="$(pwd)/$OUT/report.png" "file://$(pwd)/$OUT/report.html" >/dev/null 2>&1
  check "screenshot kept ($OUT/report.png)" test -s "$OUT/report.png"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
