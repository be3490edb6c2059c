#!/usr/bin/env bash
# tests/robust/run.sh - bad input, tried for real (issue 6 item 6).
#
# Each test feeds imraudit hostile input and checks that it does not crash
# or hang (exit 0/1/2 within a generous time guard, no sanitizer report),
# that every input gets a JSON record (strict JSON, one line each) and that
# a failed input has a clear one-line error naming the file on stderr.
# Environment: IMRAUDIT (binary, default ./imraudit), IMRAUDIT_RULES (default
# rules), ROBUST_GUARD (seconds per run, default 60), ROBUST_BIG=0 to skip the
# 50-60 MB inputs (e.g. under valgrind). Ends with "N passed, N failed"; exit
# status 1 when any failed. Timings of the big inputs are printed, never
# asserted tightly (real speed is `make bench`).
[ -z "${BASH_VERSION:-}" ] && exec bash "$0" "$@"
set -u
IMR=${IMRAUDIT:-./imraudit}
RULES=${IMRAUDIT_RULES:-rules}
GUARD=${ROBUST_GUARD:-60}
BIG=${ROBUST_BIG:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
CHECK="python3 $HERE/check_jsonl.py"
T=$(mktemp -d /tmp/imraudit-robust.XXXXXX)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
pass=0 fail=0

[ -x "$IMR" ] || { echo "robust: $IMR not built"; echo "0 passed, 1 failed"; exit 1; }

# A real letter to mangle: a seed with several items, else any case.
LETTER=""
for f in cases/003_*.txt cases/*.txt; do
  [ -f "$f" ] && grep -q 'Upheld\|Overturned' "$f" && { LETTER=$f; break; }
done
[ -n "$LETTER" ] || { echo "robust: no letter in cases/"; echo "0 passed, 1 failed"; exit 1; }
MARKUP=$(grep -l '<b>' cases/*.txt 2>/dev/null | head -n 1)
MARKUP=${MARKUP:-$LETTER}

ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s: %s\n' "$1" "$2"; }

# imr NAME ARGS... -> runs imraudit into $T/out, $T/err; sets ST and SECS;
# returns 1 (after reporting) on a crash, hang or sanitizer report.
imr() {
  local name=$1 t0 t1
  shift
  t0=$(date +%s%N)
  timeout -k 5 "$GUARD" "$IMR" --rules "$RULES" -q "$@" >"$T/out" 2>"$T/err" </dev/null
  ST=$?
  t1=$(date +%s%N)
  SECS=$(awk "BEGIN{printf \"%.2f\", ($t1 - $t0) / 1e9}")
  if [ "$ST" -eq 124 ] || [ "$ST" -eq 137 ]; then
    bad "$name" "no result within ${GUARD}s"
    return 1
  fi
  if [ "$ST" -gt 2 ]; then
    bad "$name" "exit status $ST: $(head -c 300 "$T/err")"
    return 1
  fi
  if grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error:|valgrind.*ERROR SUMMARY: [1-9]' "$T/err"; then
    bad "$name" "sanitizer report: $(grep -m1 -E 'ERROR|runtime error' "$T/err")"
    return 1
  fi
  return 0
}

# expect NAME CHECK-ARGS...: the JSON output passes check_jsonl.py
expect() {
  local name=$1
  shift
  local msg
  if msg=$($CHECK "$T/out" "$T/err" "$@"); then ok "$name"; else bad "$name" "$msg"; fi
}

py() { python3 -c "$@"; }

# ---- 1. random bytes ------------------------------------------------------
py 'import random,sys; r=random.Random(1); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(200000)))' >"$T/random.txt"
py 'import random,sys; r=random.Random(2); sys.stdout.buffer.write(bytes(r.randrange(32,127) if r.random()<.9 else 10 for _ in range(200000)))' >"$T/random-ascii.txt"
imr "random bytes" --format json "$T/random.txt" "$T/random-ascii.txt" &&
  expect "random bytes" --count 2 --fail "$T/random.txt" --fail "$T/random-ascii.txt"
[ "${ST:-0}" -eq 2 ] || bad "random bytes: exit status" "$ST, want 2"

# ---- 2. truncated letters (every 7% of the way, and inside a word) -------
mkdir -p "$T/trunc"
size=$(stat -c %s "$LETTER")
for pct in 1 8 15 22 29 36 43 50 57 64 71 78 85 92 99; do
  head -c $((size * pct / 100)) "$LETTER" >"$T/trunc/t$pct.txt"
done
head -c $((size / 2 + 3)) "$MARKUP" >"$T/trunc/markup-half.txt"
imr "truncated letters" --format json -j 2 "$T/trunc" &&
  expect "truncated letters (16 records)" --count 16

# ---- 3. one letter repeated 10,000 times into one file -------------------
if [ "$BIG" = 1 ]; then
  py "import sys; d=open('$LETTER','rb').read(); n=min(10000, (60<<20)//len(d)); sys.stdout.buffer.write(d*n)" >"$T/repeat.txt"
  imr "letter x10000 in one file" --format json "$T/repeat.txt" &&
    expect "letter repeated ($(($(stat -c %s "$T/repeat.txt") >> 20)) MB, ${SECS}s)" --count 1
fi

# ---- 4. 10 MB with no newline ---------------------------------------------
py "import sys; d=open('$LETTER','rb').read().replace(b'\n', b' '); sys.stdout.buffer.write((d*(10*2**20//len(d)+1))[:10*2**20])" >"$T/noline.txt"
head -c $((10 << 20)) /dev/zero | tr '\0' 'a' >"$T/aaaa.txt"
imr "10 MB without a newline" --format json "$T/noline.txt" "$T/aaaa.txt" &&
  expect "10 MB without a newline (${SECS}s)" --count 2 --fail "$T/aaaa.txt"

# ---- 5. deeply nested markup ----------------------------------------------
py "import sys; n=100000; sys.stdout.write('<b>'*n + 'Trigger point injections: Upheld' + '</b>'*n + '\n')" >"$T/nest-b.txt"
py "import sys; n=100000; sys.stdout.write('**'*n + '### '*n + '<'*n + '&amp;'*n + '\n')" >"$T/nest-mix.txt"
py "import sys; d=open('$MARKUP').read(); n=50000; sys.stdout.write(d.replace('<b>', '<b>'*20).replace('**', '<i>'*10+'**') + '<b><i><u>'*n)" >"$T/nest-letter.txt"
imr "deeply nested markup" --format json "$T/nest-b.txt" "$T/nest-mix.txt" "$T/nest-letter.txt" &&
  expect "deeply nested markup (${SECS}s)" --count 3

# ---- 6. invalid UTF-8 and Windows-1252 inside a real letter -------------
py "
import random,sys
r=random.Random(3); d=bytearray(open('$LETTER','rb').read())
bad=[b'\xff',b'\xc0\x80',b'\xed\xa0\x80',b'\xe2\x80',b'\x92',b'\xf8\x88\x80\x80\x80',b'\xf4\x90\x80\x80',b'\x80\x80\x80']
for _ in range(300):
    i=r.randrange(len(d)); d[i:i]=r.choice(bad)
sys.stdout.buffer.write(bytes(d)+b'\xe2\x80')" >"$T/utf8.txt"
imr "invalid UTF-8" --format json "$T/utf8.txt" &&
  expect "invalid UTF-8 (strict JSON out)" --count 1 --ok "$T/utf8.txt"

# ---- 7. NUL bytes ---------------------------------------------------------
py "
import random,sys
r=random.Random(4); d=bytearray(open('$LETTER','rb').read())
for _ in range(20):
    i=r.randrange(len(d)); d[i:i]=b'\0'
sys.stdout.buffer.write(bytes(d))" >"$T/nul-some.txt"
head -c 65536 /dev/zero >"$T/nul-all.txt"
imr "NUL bytes" --format json "$T/nul-some.txt" "$T/nul-all.txt" &&
  expect "NUL bytes" --count 2 --ok "$T/nul-some.txt" --fail "$T/nul-all.txt"

# ---- 8. a directory loop via symlinks ---------------------------------------
mkdir -p "$T/loop/a/b"
cp "$LETTER" "$T/loop/a/one.txt"
cp "$MARKUP" "$T/loop/a/b/two.txt"
ln -s .. "$T/loop/a/b/up"
ln -s "$T/loop" "$T/loop/a/b/root"
ln -s "$T/loop/missing" "$T/loop/a/dangling.txt"
imr "symlink loop" --format json "$T/loop" &&
  expect "symlink loop (terminates, letters audited)" --ok "$T/loop/a/one.txt" --ok "$T/loop/a/b/two.txt" \
    --fail "$T/loop/a/dangling.txt"

# ---- 9. inputs that vanish or block mid-batch -------------------------------
mkdir -p "$T/vanish"
for i in $(seq -w 1 400); do cp "$LETTER" "$T/vanish/v$i.txt"; done
(sleep 0.05; rm -f "$T"/vanish/v1*.txt "$T"/vanish/v3*.txt) &
rmpid=$!
imr "files deleted during the batch" --format json -j 2 "$T/vanish" &&
  expect "files deleted during the batch (${SECS}s)" --error-has "no such file"
wait "$rmpid" 2>/dev/null
mkdir -p "$T/fifo"
cp "$LETTER" "$T/fifo/a.txt"
mkfifo "$T/fifo/b.txt"
cp "$LETTER" "$T/fifo/c.txt"
GUARD_SAVE=$GUARD
GUARD=20
imr "a FIFO among the inputs" --format json "$T/fifo" &&
  expect "a FIFO among the inputs" --count 3 --ok "$T/fifo/a.txt" --fail "$T/fifo/b.txt" --ok "$T/fifo/c.txt"
GUARD=$GUARD_SAVE
imr "a missing file" --format json "$T/nonexistent.txt" &&
  expect "a missing file" --fail "$T/nonexistent.txt"
: >"$T/empty.txt"
imr "an empty file" --format json "$T/empty.txt" && expect "an empty file" --count 1 --fail "$T/empty.txt"

# ---- 10. unwritable outputs ----------------------------------------------
imr "--report into /proc" --format json --report /proc/x.html "$LETTER"
if [ "$ST" -eq 2 ] && grep -q '/proc/x.html' "$T/err"; then ok "--report /proc/x.html: clear error, exit 2"
else bad "--report /proc/x.html" "exit $ST, stderr: $(head -c 200 "$T/err")"; fi
# (refusing up front, before auditing, or writing the records and failing at
# the end are both fine: the path is named and the status is 2)
imr "--db in a missing directory" --format json --db "$T/no/such/dir/x.sqlite" "$LETTER"
if [ "$ST" -eq 2 ] && grep -q 'x.sqlite' "$T/err"; then ok "--db unwritable: clear error, exit 2"
else bad "--db unwritable" "exit $ST, stderr: $(head -c 200 "$T/err")"; fi
timeout -k 5 "$GUARD" "$IMR" --rules "$RULES" -q --format json "$LETTER" >/dev/full 2>"$T/err"
st=$?
if [ "$st" -eq 2 ] && grep -q -i -E 'space|write|output|stdout' "$T/err"; then ok "stdout on a full disk (/dev/full): error, exit 2"
else bad "stdout on a full disk (/dev/full)" "exit $st, stderr: $(head -c 200 "$T/err")"; fi

# ---- 11. --max-bytes exceeded ----------------------------------------------
imr "--max-bytes" --format json --max-bytes 1k "$LETTER" "$T/nul-all.txt" &&
  expect "--max-bytes 1k: per-file error" --count 2 --fail "$LETTER" --fail "$T/nul-all.txt" --error-has "large"
py "import sys; sys.stdout.write('x'*3000)" | timeout "$GUARD" "$IMR" --rules "$RULES" -q --format json --max-bytes 2k - >"$T/out" 2>"$T/err"
ST=$?
[ "$ST" -eq 2 ] && expect "--max-bytes on stdin" --count 1 --error-has "large" || bad "--max-bytes on stdin" "exit $ST"

# ---- 12. a 50 MB letter -----------------------------------------------------
if [ "$BIG" = 1 ]; then
  py "
import sys
d=open('$LETTER','rb').read()
head, sep, rest = d.partition(b'IMR ISSUES')
body = head[head.find(b'CLINICAL CASE SUMMARY'):]
body = body[body.find(b'\n'):]
n = (50 << 20) // max(len(body), 1)
sys.stdout.buffer.write(head + body * n + sep + rest)" >"$T/big50.txt"
  imr "a 50 MB letter" --format json "$T/big50.txt" &&
    expect "a 50 MB letter ($(($(stat -c %s "$T/big50.txt") >> 20)) MB in ${SECS}s)" --count 1
fi

# ---- 13. a mixed batch keeps input order with -j2 ---------------------------
inputs=("$LETTER" "$T/random.txt" "$MARKUP" "$T/empty.txt" "$T/nul-some.txt" "$T/missing.txt" "$LETTER")
imr "mixed batch -j2" --format json -j 2 "${inputs[@]}"
if py "
import json,sys
recs=[json.loads(l) for l in open('$T/out',encoding='utf-8')]
recs=[r for r in recs if not r.get('summary')]
want=sys.argv[1:]
sys.exit(0 if [r['file'] for r in recs]==want else 1)" "${inputs[@]}"; then
  ok "mixed batch -j2: one record per input, in input order"
else
  bad "mixed batch -j2" "records out of order or missing"
fi
[ "$ST" -eq 2 ] && ok "mixed batch: exit status 2" || bad "mixed batch: exit status" "$ST, want 2"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
