#!/bin/sh
# run.sh - hostile rule scripts next to the real rules (tests/hostile/rules/):
# the run must finish in seconds, name every hostile rule in an error, write
# no file, exit with status 2, and leave the real rules' findings unchanged.
# Ends with "N passed, N failed".
set -u
BIN=${BIN:-./imraudit}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
ROOT=$(pwd)
# the seed letters: real TPI and non-TPI items, all audited cleanly
LETTERS=$(ls "$ROOT"/cases/[0-9][0-9][0-9]_*.txt)
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/rules" "$tmp/cwd"
for d in "$ROOT"/rules/*/; do # the packs (folders with pack.lua)
  [ -f "$d/pack.lua" ] && cp -r "$d" "$tmp/rules/"
done
[ -d "$ROOT/rules/lexicon" ] && cp -r "$ROOT/rules/lexicon" "$tmp/rules/"
[ -d "$ROOT/rules/lib" ] && cp -r "$ROOT/rules/lib" "$tmp/rules/" # the checks' libraries
cp "$ROOT"/tests/hostile/rules/*.lua "$tmp/rules/"
rm -f /tmp/imraudit-hostile-pwned

# baseline: the real rules alone
"$BIN" --rules "$ROOT/rules" --format json $LETTERS >"$tmp/base.json" 2>"$tmp/base.err"
st=$?
[ $st -le 1 ] && ok || no "baseline run exited $st: $(head -3 "$tmp/base.err")"

start=$(date +%s)
(cd "$tmp/cwd" && timeout 60 "$BIN" -j 2 --rules "$tmp/rules" --format json $LETTERS \
  >"$tmp/hostile.json" 2>"$tmp/hostile.err")
st=$?
secs=$(($(date +%s) - start))
[ "$st" -eq 2 ] && ok || no "hostile run exited $st (want 2)"
[ "$secs" -le 15 ] && ok || no "hostile run took ${secs}s"
[ -z "$(ls -A "$tmp/cwd")" ] && ok || no "files written: $(ls -A "$tmp/cwd")"
[ ! -e /tmp/imraudit-hostile-pwned ] && ok || no "/tmp/imraudit-hostile-pwned exists"

for f in "$ROOT"/tests/hostile/rules/*.lua; do
  id=$(sed -n 's/^ *id = "\(.*\)",$/\1/p' "$f")
  if grep -q "rule $id, item" "$tmp/hostile.err"; then ok; else no "no error names $id"; fi
done
for want in "os.execute is not available" "io.open is not available" \
  "load is not available" "dofile is not available" "require is not available" \
  "instruction limit exceeded" "memory limit exceeded" "hostile-rep, item" \
  "hostile-move, item" "hostile-insert-len, item" "hostile-pattern, item" "on purpose" \
  "debug.sethook is not available" "__gc metamethods are not available" \
  "protected metatable" "severity must be" \
  "state is fresh for each letter" "evidence text is not the letter's text"; do
  if grep -q "$want" "$tmp/hostile.err"; then ok; else no "no error says '$want'"; fi
done

# rule state never survives into another letter (hostile-stale)
if grep -q "letter tables are only valid" "$tmp/hostile.err"; then
  no "a rule kept state across letters"
else ok; fi

# the real rules' findings, byte for byte (minus hostile rule errors)
python3 - "$tmp/base.json" "$tmp/hostile.json" <<'PY' && ok || no "real findings changed"
import json, sys
def findings(path):
    out = []
    for line in open(path):
        rec = json.loads(line)
        for d in rec.get("decisions", []):
            out.append((rec["file"], d["index"], json.dumps(d.get("findings"), sort_keys=True)))
    return out
a, b = findings(sys.argv[1]), findings(sys.argv[2])
if a != b or not a:
    for x, y in zip(a, b):
        if x != y:
            print("base:   ", x[:3]); print("hostile:", y[:3])
    sys.exit(1)
PY
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
