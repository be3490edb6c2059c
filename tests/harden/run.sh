#!/usr/bin/env bash
# tests/harden/run.sh - failures that lost data or froze a batch (issue 14),
# each tried for real: full disks, long paths, unreadable lists, outputs
# naming inputs, closed descriptors, interrupts, rules that loop inside one
# C call, rule state across letters, invented evidence, control characters.
# The disk-full tests mount a small tmpfs and need root: they are skipped
# (and say so) otherwise. No timing is asserted beyond generous guards.
# Environment: IMRAUDIT (binary, default ./imraudit). Ends with
# "N passed, N failed"; exit status 1 when any failed.
[ -z "${BASH_VERSION:-}" ] && exec bash "$0" "$@"
set -u
IMR=${IMRAUDIT:-./imraudit}
case $IMR in /*) ;; *) IMR=$(pwd)/$IMR ;; esac
ROOT=$(pwd)
GUARD=${HARDEN_GUARD:-120}
T=$(mktemp -d /tmp/imraudit-harden.XXXXXX)
TINY=""
cleanup() {
  [ -n "$TINY" ] && umount "$TINY" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s: %s\n' "$1" "$2"; }
skipped() { skip=$((skip + 1)); printf 'skip %s: %s\n' "$1" "$2"; }
imr() { timeout -k 5 "$GUARD" "$IMR" --rules "$ROOT/rules" "$@"; }

LETTER=$(ls "$ROOT"/cases/003_*.txt | head -n 1)
SEEDS=$(ls "$ROOT"/cases/[0-9][0-9][0-9]_*.txt)

# a small file system to fill (root only)
if [ "$(id -u)" = 0 ] && mkdir -p "$T/tiny" &&
  mount -t tmpfs -o size=320k tmpfs "$T/tiny" 2>/dev/null; then
  TINY=$T/tiny
fi

# ---- 1. a full disk: outputs end complete or fail with exit 2 -------------
fill() { # leaves about 12 KiB free on $TINY
  head -c $((308 << 10)) /dev/zero >"$TINY/.filler"
}
if [ -n "$TINY" ]; then
  fill
  imr -q --report "$TINY/r.html" "$ROOT/cases" >/dev/null 2>"$T/err"
  st=$?
  if [ "$st" -eq 2 ] && [ ! -e "$TINY/r.html" ] && [ "$(ls -A "$TINY")" = .filler ] &&
    grep -q "r.html: No space left" "$T/err"; then
    ok "1 report on a full disk: exit 2, no file, one error"
  else
    bad "1 report on a full disk" "exit $st, files: $(ls -A "$TINY"), err: $(grep r.html "$T/err" | head -2)"
  fi
  rm -f "$TINY"/* "$TINY"/.??* 2>/dev/null
  fill
  imr -q --format json $SEEDS $SEEDS $SEEDS >"$TINY/out.json" 2>"$T/err"
  st=$?
  if [ "$st" -eq 2 ] && [ "$(grep -c 'error writing the records' "$T/err")" = 1 ]; then
    ok "1 records on a full disk: exit 2, one error"
  else
    bad "1 records on a full disk" "exit $st, err: $(grep -v 'cases/' "$T/err" | head -3)"
  fi
  rm -f "$TINY"/* "$TINY"/.??* 2>/dev/null
  imr -q --format json --db "$TINY/d.sqlite" $SEEDS $SEEDS "$ROOT"/tests/holdout* \
    >/dev/null 2>"$T/err"
  st=$?
  n=$(grep -c 'd.sqlite' "$T/err")
  runst=$(sqlite3 "$TINY/d.sqlite" "SELECT status FROM runs" 2>&1)
  if [ "$st" -eq 2 ] && [ "$n" = 1 ] && [ "$runst" = failed ]; then
    ok "1/10 database on a full disk: exit 2, one error, run marked failed"
  else
    bad "1/10 database on a full disk" "exit $st, $n errors, run status '$runst'"
  fi
  rm -f "$TINY"/* "$TINY"/.??* 2>/dev/null
else
  skipped "1 full-disk tests" "need root to mount a small tmpfs"
fi
imr -q --report "$T/ok.html" --format json $SEEDS >/dev/null 2>&1
if tail -c 100 "$T/ok.html" | grep -q '</html>' && [ -z "$(ls -A "$T" | grep '^\.ok')" ]; then
  ok "1 report complete, no temporary file left"
else
  bad "1 report complete" "$(ls -A "$T")"
fi

# ---- 2. every input named or found gets exactly one record ---------------
python3 - "$T/deep" "$LETTER" <<'PY'
import os, sys
base, letter = sys.argv[1], sys.argv[2]
os.makedirs(base)
fd = os.open(base, os.O_RDONLY)
for i in range(17):
    n = ("d%02d" % i) + "x" * 247
    os.mkdir(n, dir_fd=fd)
    nfd = os.open(n, os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    fd = nfd
w = os.open("letter.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
os.write(w, open(letter, "rb").read())
os.close(w)
PY
imr -q --format json "$T/deep" >"$T/out" 2>"$T/err"
st=$?
if python3 -c "
import json,sys
recs=[json.loads(l) for l in open('$T/out') if not json.loads(l).get('summary')]
sys.exit(0 if len(recs)==1 and recs[0]['ok'] and len(recs[0]['file'])>4096 else 1)"; then
  ok "2 a letter deeper than PATH_MAX is audited"
else
  bad "2 a letter deeper than PATH_MAX" "exit $st, $(head -c 300 "$T/out")"
fi
imr -q --format json --files-from "$ROOT/cases" >"$T/out" 2>"$T/err"
st=$?
if [ "$st" -eq 2 ] && grep -q 'cannot read the --files-from list: is a directory' "$T/err" &&
  grep -q '"ok":false' "$T/out"; then
  ok "2 --files-from a directory: a failed input, exit 2"
else
  bad "2 --files-from a directory" "exit $st, err: $(head -c 200 "$T/err")"
fi

# ---- 3. outputs naming an input or each other are refused ----------------
cp "$LETTER" "$T/x.txt"
cp "$T/x.txt" "$T/x.keep"
imr -q --report "$T/x.txt" "$T/x.txt" >/dev/null 2>"$T/err"
st=$?
if [ "$st" -eq 2 ] && cmp -s "$T/x.txt" "$T/x.keep" && grep -q 'would overwrite' "$T/err"; then
  ok "3 --report naming an input: refused, letter intact"
else
  bad "3 --report naming an input" "exit $st, $(head -c 200 "$T/err")"
fi
mkdir "$T/in" && cp "$LETTER" "$T/in/a.txt"
imr -q --db "$T/in/b.txt" "$T/in" >/dev/null 2>"$T/err"
st=$?
[ "$st" -eq 2 ] && [ ! -e "$T/in/b.txt" ] && grep -q 'would overwrite' "$T/err" && ok "3 --db inside an input directory matching the glob: refused" ||
  bad "3 --db inside an input directory" "exit $st"
imr -q --report "$T/same" --db "$T/./same" "$LETTER" >/dev/null 2>"$T/err"
st=$?
[ "$st" -eq 2 ] && [ ! -e "$T/same" ] && grep -q 'same file' "$T/err" &&
  ok "3 --report and --db the same file: refused" || bad "3 --report X --db X" "exit $st"
echo "$T/x.txt" >"$T/list"
imr -q --db "$T/x.txt" --files-from "$T/list" >/dev/null 2>"$T/err"
st=$?
[ "$st" -eq 2 ] && cmp -s "$T/x.txt" "$T/x.keep" && grep -q 'would overwrite' "$T/err" &&
  ok "3 --db naming a listed input: refused" ||
  bad "3 --db naming a listed input" "exit $st"

# ---- 4. stdout closed: the report is not mixed with records --------------
imr -q --format json --report "$T/closed.html" $SEEDS >&- 2>"$T/err"
st=$?
if [ "$st" -le 1 ] && tail -c 100 "$T/closed.html" | grep -q '</html>' &&
  ! grep -q '"decisions"' "$T/closed.html"; then
  ok "4 stdout closed: report complete, no record bytes in it"
else
  bad "4 stdout closed" "exit $st, $(head -c 200 "$T/err")"
fi

# ---- 5. interrupted runs -----------------------------------------------------
mkdir -p "$T/slow"
cp -r "$ROOT"/rules/. "$T/slow/"
cat >"$T/slow/zz_slow.lua" <<'EOF'
-- burns time on every item, so that a batch is still running when signalled
return {
  id = "test-slow",
  check = function(item, letter)
    local x = 0
    for i = 1, 3000000 do x = x + i end
    return nil
  end,
}
EOF
for sig in INT TERM; do
  rm -f "$T/int.html" "$T/int.sqlite"
  "$IMR" --rules "$T/slow" --rule-steps 1G -q -j 1 --format json \
    --report "$T/int.html" --db "$T/int.sqlite" $SEEDS $SEEDS >"$T/int.out" 2>"$T/int.err" &
  pid=$!
  for _ in $(seq 1 600); do
    [ -s "$T/int.out" ] && break
    sleep 0.1
  done
  kill -"$sig" "$pid"
  for _ in $(seq 1 "$GUARD"); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null
  wait "$pid"
  st=$?
  want=$((128 + $(kill -l "$sig")))
  recs=$(python3 -c "
import json
n=0
for l in open('$T/int.out'):
    r=json.loads(l)
    if r.get('summary'): print('S', r.get('interrupted')); continue
    n+=1
print(n)" 2>&1 | tr '\n' ' ')
  runst=$(sqlite3 "$T/int.sqlite" "SELECT status FROM runs" 2>&1)
  if [ "$st" -eq "$want" ] && [ ! -e "$T/int.html" ] && [ -z "$(ls -A "$T" | grep '^\.int')" ] &&
    [ "$runst" = interrupted ] && echo "$recs" | grep -q "^S $(kill -l "$sig") [1-9]"; then
    ok "5 SIG$sig: exit $want, whole records ($recs), no report, run marked interrupted"
  else
    bad "5 SIG$sig" "exit $st (want $want), records: $recs, run: $runst, files: $(ls -A "$T" | tr '\n' ' ')"
  fi
done
(imr -q --format json --report "$T/pipe.html" "$ROOT/cases" "$ROOT/cases" "$ROOT/cases"; echo $? >"$T/pipe.st") 2>"$T/pipe.err" | head -n 1 >/dev/null
st=$(cat "$T/pipe.st")
if [ "$st" -eq 141 ] && [ ! -e "$T/pipe.html" ] && ! grep -q 'error writing' "$T/pipe.err"; then
  ok "5 | head -1: exit 141, no report, no write error"
else
  bad "5 | head -1" "exit $st, $(grep -v cases/ "$T/pipe.err" | head -3)"
fi

# ---- 6. a wall-clock limit per check() call (backstop) ---------------------
mkdir -p "$T/wall" && cp -r "$ROOT/rules/lexicon" "$T/wall/"
cat >"$T/wall/wall.lua" <<'LUA'
-- loops under a step budget too large to end it: the wall clock must
return {
  id = "test-wall",
  check = function(item, letter)
    if item.index ~= 1 then return nil end
    while true do end
  end,
}
LUA
imr -q --rules "$T/wall" --rule-steps 1000000G --format json "$LETTER" >"$T/out" 2>"$T/err"
st=$?
if [ "$st" -eq 2 ] && grep -q 'rule test-wall, item 1: .*time limit exceeded' "$T/err"; then
  ok "6 an endless check() under a huge step budget: time limit error, batch goes on"
else
  bad "6 wall-clock limit" "exit $st, $(head -c 300 "$T/err")"
fi

# ---- 7. one memory budget for all rule states ------------------------------
mkdir -p "$T/mem" && cp -r "$ROOT/rules/lexicon" "$T/mem/"
cat >"$T/mem/big.lua" <<'LUA'
-- holds 40 MB (80 MB while string.rep builds it) during every check()
return {
  id = "test-big",
  check = function(item, letter)
    local s = string.rep("x", 40000000)
    local n = 0
    for i = 1, 3000000 do n = n + 1 end
    return nil
  end,
}
LUA
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o "$T/rss" timeout -k 5 "$GUARD" "$IMR" --rules "$T/mem" -q -j 4 \
    --rule-memory 200M --rule-memory-total 128M --format json $SEEDS >"$T/out" 2>"$T/err"
  st=$?
  rss=$(tail -n 1 "$T/rss")
  nrec=$(grep -c '"file"' "$T/out")
  if [ "$st" -le 2 ] && [ "$nrec" -eq "$(echo $SEEDS | wc -w)" ] &&
    [ "${rss:-999999}" -lt $((200 << 10)) ] &&
    ! grep -q 'Sanitizer' "$T/err"; then
    ok "7 4 threads x 80 MB rule states under a 128M budget: peak RSS $((rss >> 10)) MB"
  else
    bad "7 rule memory budget" "exit $st, peak RSS ${rss} KB, $(grep -v 'test-big' "$T/err" | head -c 200)"
  fi
  grep -q 'all rule states together' "$T/err" &&
    ok "7 the budget's refusal names it" || skipped "7 budget message" "no state was refused in this run"
else
  skipped "7 rule memory budget" "no /usr/bin/time"
fi

# ---- 8. output does not depend on -j: rule state is reset per letter ------
mkdir -p "$T/state/lib" && cp -r "$ROOT/rules/lexicon" "$T/state/"
cat >"$T/state/lib/tally.lua" <<'LUA'
-- a shared check library keeping a counter (included once per letter)
local n = 0
return { bump = function() n = n + 1 return n end }
LUA
cat >"$T/state/counter.lua" <<'LUA'
-- keeps counters between calls: in a local, in a global, in a library
-- table, in a shared check library (include)
local n = 0
local tally = include("tally")
return {
  id = "test-counter",
  check = function(item, letter)
    assert(include("tally") == tally) -- one module per letter
    n = n + 1
    seen = (rawget(_G, "seen") or 0) + 1
    string.count = (rawget(string, "count") or 0) + 1
    return { { kind = "count", severity = "info",
               message = n .. "/" .. seen .. "/" .. string.count .. "/" ..
                 tally.bump() .. "/" .. math.random(1000) } }
  end,
}
LUA
imr -q --rules "$T/state" --no-cross-case --format json -j 1 $SEEDS >"$T/j1" 2>"$T/j1.err"
imr -q --rules "$T/state" --no-cross-case --format json -j 2 $SEEDS >"$T/j2" 2>/dev/null
imr -q --rules "$T/state" --no-cross-case --format json -j 3 $SEEDS $SEEDS >"$T/j3" 2>/dev/null
if cmp -s "$T/j1" "$T/j2" && python3 - "$T/j1" "$T/j3" <<'PY'
import json, sys
def msgs(p):
    out = []
    for line in open(p):
        r = json.loads(line)
        for d in r.get("decisions", []):
            for f in d.get("findings", []):
                if f["kind"] == "count":  # the counter rule's, not the packs'
                    out.append((r["file"], d["index"], f["message"]))
    return out
a, b = msgs(sys.argv[1]), msgs(sys.argv[2])
# state reset: the counters restart at every letter (item index = count)
ok = a and all(m.split("/")[:4] == [str(i)] * 4 for _, i, m in a)
sys.exit(0 if ok and b == a + a else 1)
PY
then
  ok "8 a rule keeping counters: same output at -j1, -j2, -j3; counters restart per letter"
else
  bad "8 rule state across letters" "$(diff "$T/j1" "$T/j2" | head -c 300) $(head -c 300 "$T/j1.err")"
fi

# ---- 12. control characters in names and services are escaped -------------
mkdir -p "$T/ctl"
evil=$(printf 'evil\033[31mred\nline\342\200\256txt.txt')
python3 - "$LETTER" "$T/ctl/$evil" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
d = d.replace(b"Trigger point", b"Trigger\xe2\x80\xae\x1b[2J point", 1)
open(sys.argv[2], "wb").write(d)
PY
: >"$T/ctl/$(printf 'empty\033]0;title\007.txt')"
imr -q --color never --explain "$T/ctl" >"$T/out" 2>"$T/err"
if ! LC_ALL=C grep -q "$(printf '\033')" "$T/out" "$T/err" &&
  ! grep -q "$(printf '\342\200\256')" "$T/out" "$T/err" &&
  grep -q 'evil\\x1b\[31mred\\nline\\u202Etxt.txt' "$T/out" &&
  grep -q 'empty\\x1b\]0;title\\x07.txt' "$T/err"; then
  ok "12 ESC, newline and RLO in names and text: escaped on stdout and stderr"
else
  bad "12 control characters" "$(LC_ALL=C grep -c "$(printf '\033')" "$T/out" "$T/err" | tr '\n' ' ')"
fi

# ---- 10. the store keeps letters by content, paths per run ----------------
mkdir -p "$T/db"
cp "$LETTER" "$T/db/a.txt"
cp "$LETTER" "$T/db/b.txt"
: >"$T/db/c.txt"
imr -q --db "$T/s.sqlite" "$T/db" >/dev/null 2>&1
printf '\nAddendum: the reviewer signed on 01/02/2015.\n' >>"$T/db/a.txt"
cat "$LETTER" >"$T/db/c.txt"
imr -q --db "$T/s.sqlite" "$T/db" >/dev/null 2>&1
got=$(sqlite3 "$T/s.sqlite" "
  SELECT (SELECT count(*) FROM letters), (SELECT count(*) FROM paths),
         (SELECT count(*) FROM seen WHERE run_id = 2),
         (SELECT letters FROM runs WHERE id = 2),
         (SELECT count(*) FROM letters WHERE ok = 0),
         (SELECT count(DISTINCT letter_id) FROM paths),
         (SELECT count(*) FROM items) = 2 * (SELECT items FROM letters
           WHERE sha256 = (SELECT sha256 FROM letters ORDER BY id LIMIT 1))
  " 2>&1 | tr '|' ' ')
# two contents (the edited a.txt; b.txt = c.txt = the seed), three paths,
# three inputs seen and counted by run 2, no failed row left for c.txt
if [ "$got" = "2 3 3 3 0 2 1" ]; then
  ok "10 store: letters by content, paths per run, edited and fixed files replace their rows"
else
  bad "10 store semantics" "got '$got', want '2 3 3 3 0 2 1'"
fi

# ---- 11. no hidden or silent limits -----------------------------------------
imr -q --max-bytes 300M "$LETTER" >/dev/null 2>"$T/err"
st=$?
[ "$st" -eq 2 ] && grep -q -- '--max-bytes takes a size up to 64M' "$T/err" &&
  ok "11 --max-bytes above the real cap: refused up front, naming it" ||
  bad "11 --max-bytes 300M" "exit $st, $(head -c 200 "$T/err")"
python3 - "$LETTER" "$T/many.txt" <<'PY'
import sys
src = open(sys.argv[1], "rb").read()
i = src.index(b"IMR ISSUES")
i = src.index(b"\n", src.index(b"set forth below", i)) + 1
block = b"".join(b"Service number %d:  Overturned \n\nDecision rationale: The "
                 b"request for service number %d is medically necessary.\n\n"
                 % (k, k) for k in range(1, 20001))
open(sys.argv[2], "wb").write(src[:i] + block)
PY
imr -q --format json "$T/many.txt" >"$T/out" 2>"$T/err"
if grep -q '"items_capped":500' "$T/out" &&
  grep -q 'many.txt: more than 500 items; only the first 500 are audited' "$T/err"; then
  ok "11 20,000 items: capped at 500, said on stderr and in the record"
else
  bad "11 item cap" "$(head -c 200 "$T/err")"
fi

python3 - "$LETTER" "$T/big.txt" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
head, sep, rest = d.partition(b"IMR ISSUES")
body = head[head.find(b"CLINICAL CASE SUMMARY"):]
body = body[body.find(b"\n"):]
n = (60 << 20) // max(len(body), 1)
open(sys.argv[2], "wb").write(head + body * n + sep + rest)
PY
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o "$T/rss" timeout -k 5 "$GUARD" "$IMR" --rules "$ROOT/rules" -q -j 1 \
    --format json "$T/big.txt" >/dev/null 2>"$T/err"
  st=$?
  rss=$(tail -n 1 "$T/rss")
  size=$(($(stat -c %s "$T/big.txt") >> 10))
  if [ "$st" -le 1 ] && [ "${rss:-0}" -gt 0 ] && [ "$rss" -lt $((size * 7)) ]; then
    ok "11 a $((size >> 10)) MB letter peaks at $((rss >> 10)) MB (under 7x its size)"
  else
    bad "11 memory of a big letter" "exit $st, peak $((${rss:-0} >> 10)) MB for $((size >> 10)) MB"
  fi
else
  skipped "11 memory of a big letter" "no /usr/bin/time"
fi

echo "skipped $skip"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
