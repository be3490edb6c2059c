#!/bin/sh
# run.sh - guideline packs on the command line: pack.lua load errors as
# exact "file:line: message" lines (before any letter is read), a pack id
# used twice across --rules directories, `imraudit packs` output and exit
# status, a pack without a lexicon of its own beside the shipped rules.
# Run from the repository root. Ends with "N passed, N failed".
set -u
BIN=${BIN:-./imraudit}
pass=0
fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
unset IMRAUDIT_RULES
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
mk() { mkdir -p "$T/$1"; cat >"$T/$1/pack.lua"; }
# expect_err NAME WANT_STDERR DIRS...: `imraudit packs DIRS` exits 2 with it
expect_err() {
  name=$1 want=$2
  shift 2
  "$BIN" packs "$@" >"$T/out" 2>"$T/err"
  st=$?
  got=$(cat "$T/err")
  if [ $st -eq 2 ] && [ "$got" = "$want" ]; then ok; else
    no "$name: exit $st, stderr '$got', want '$want'"
  fi
}

mk mod/p <<'E'
return {
  id = "p", categories = { "esi" },
  criteria = {
    { id = "radic", meets = "present",
      fact = { affirm = { "radic" }, modifiers = { "negated", "negatd" } } },
  },
}
E
expect_err "unknown modifier class" \
  "imraudit: $T/mod/p/pack.lua:5: unknown modifier class 'negatd' (negated, hypothetical, future, resolved, not_found, attributed, uncertain)" \
  "$T/mod"

mk val/p <<'E'
return {
  id = "p", categories = { "esi" },
  criteria = {
    { id = "levels", meets = "value",
      fact = { affirm = { "lvl" }, value = "levelz" } },
  },
}
E
expect_err "bad value name" \
  "imraudit: $T/val/p/pack.lua:5: unknown value extractor 'levelz' (none, count, levels, class, classes, percent, med, stated, blocks)" \
  "$T/val"

mk nofact/p <<'E'
return {
  id = "p", categories = { "esi" },
  criteria = {
    { id = "ok", meets = "present", fact = { affirm = { "x" } } },
    { id = "lonely", meets = "absent" },
  },
}
E
expect_err "criterion named by no fact" \
  "imraudit: $T/nofact/p/pack.lua:5: criterion 'lonely' is named by no fact" \
  "$T/nofact"

mk d1/dup <<'E'
return { id = "dup", categories = { "esi" } }
E
mk d2/dup <<'E'
-- the same id again
return { id = "dup", categories = { "x" } }
E
expect_err "duplicate pack id across two dirs" \
  "imraudit: $T/d2/dup/pack.lua:2: duplicate pack id 'dup' (also in $T/d1/dup/pack.lua)" \
  "$T/d1" "$T/d2"

mk syn/p <<'E'
return {
  id = "p", categories = { "esi" }
  criteria = {},
}
E
expect_err "syntax error" \
  "imraudit: $T/syn/p/pack.lua:3: '}' expected (to close '{' at line 1) near 'criteria'" \
  "$T/syn"

mk typo/p <<'E'
return {
  id = "p", categories = { "esi" },
  criteria = {
    { id = "a", meets = "present", fact = { affirm = { "x" } } },
    { id = "b", meets = "present", fact = { affirm = { "y" }, bnid = "level" } },
  },
}
E
expect_err "unknown fact field" \
  "imraudit: $T/typo/p/pack.lua:5: unknown fact field 'bnid' (fields: affirm, deny, cite, read, modifiers, bind, value, classes, value_at, table, otherwise, prevail, with, unmet, weak_deny)" \
  "$T/typo"

mk twice/p <<'E'
return {
  id = "p", categories = { "esi" },
  criteria = {
    { id = "a", meets = "present", fact = { affirm = { "x" } } },
    { id = "a", meets = "absent", fact = { affirm = { "y" } } },
  },
}
E
expect_err "criterion declared twice" \
  "imraudit: $T/twice/p/pack.lua:5: criterion 'a' declared twice" "$T/twice"

# the same errors stop an audit before any letter is read
"$BIN" --rules "$T/mod" cases/ >"$T/out" 2>"$T/err"
st=$?
[ $st -eq 2 ] && [ ! -s "$T/out" ] && grep -q "pack.lua:5: unknown modifier" "$T/err" && ok ||
  no "an audit with a bad pack: exit $st, $(head -c 200 "$T/out")"

# imraudit packs: the shipped packs, tab-separated, exit 0
"$BIN" packs rules >"$T/packs" 2>"$T/err"
st=$?
want=$(printf 'mtus-esi\t1.0\tMTUS Chronic Pain Medical Treatment Guidelines, Epidural steroid injections (ESIs), p. 46\tesi\t9\trules/mtus-esi\nmtus-opioids\t1.0\tMTUS Chronic Pain Medical Treatment Guidelines, Opioids; Drug testing, p. 43, 74-96\topioid\t8\trules/mtus-opioids\nmtus-tpi\t1.0\tMTUS Chronic Pain Medical Treatment Guidelines, Trigger point injections, p. 122\ttpi\t11\trules/mtus-tpi\noutcome\t1.0\tnone: the letter'"'"'s own outcome against its rationale\t*\t0\trules/outcome')
[ $st -eq 0 ] && [ "$(cat "$T/packs")" = "$want" ] && ok || no "imraudit packs rules: exit $st: $(cat "$T/packs" "$T/err")"
# no pack at all: exit 1; a missing directory: exit 2
mkdir "$T/empty"
"$BIN" packs "$T/empty" >"$T/out" 2>&1
st=$?
[ $st -eq 1 ] && [ ! -s "$T/out" ] && ok || no "packs of an empty dir: exit $st"
"$BIN" packs "$T/missing" >"$T/out" 2>&1
[ $? -eq 2 ] && ok || no "packs of a missing dir: not exit 2"
# $IMRAUDIT_RULES is a colon-separated search path
mk extra/esi <<'E'
return {
  id = "esi-mini", guideline = "test pack", pages = "46", version = "0.1",
  categories = { "kyphoplasty" },
  criteria = {
    { id = "fluoroscopy", meets = "present", requires = "imaging guidance",
      fact = { affirm = { "twitch" }, read = { "summary" } } },
  },
}
E
IMRAUDIT_RULES="rules:$T/extra" "$BIN" packs | cut -f1 | tr '\n' ' ' >"$T/ids"
[ "$(cat "$T/ids")" = "mtus-esi mtus-opioids mtus-tpi outcome esi-mini " ] && ok || no "IMRAUDIT_RULES path: $(cat "$T/ids")"

# a pack without a lexicon of its own, beside the shipped rules: loads, and
# the letters are audited with the shared lexicons exactly as before
cat >"$T/extra/esi/check.lua" <<'E'
return {
  id = "esi-mini-check",
  check = function(item, letter)
    assert(PACK.id == "esi-mini" and CRITERIA[1] == "fluoroscopy")
    assert(PACK.criteria[1].requires == "imaging guidance")
    assert(not pcall(function() PACK.id = "x" end))
    return nil
  end,
}
E
LETTERS=$(ls cases/[0-9][0-9][0-9]_*.txt | head -20)
"$BIN" -q -j 1 --no-cross-case --format json --rules rules $LETTERS >"$T/a.json" 2>"$T/a.err"
s1=$?
"$BIN" -q -j 1 --no-cross-case --format json --rules rules --rules "$T/extra" $LETTERS >"$T/b.json" 2>"$T/b.err"
s2=$?
[ $s1 -eq $s2 ] && [ $s1 -le 1 ] && cmp -s "$T/a.json" "$T/b.json" && ok ||
  no "a pack without lexicon beside rules/ changed the records (exit $s1/$s2; $(head -c 300 "$T/b.err"))"

# A new fact added as data only (no rebuild): a pack folder with pack.lua
# and one lexicon section; the fact is extracted with negation, a
# hypothetical and an attribution to utilization review handled by the
# shared modifier classes.
mk newfact/kypho <<'E'
return {
  id = "kypho", guideline = "test: a fact added as data", version = "0.1",
  categories = { "other" },
  criteria = {
    { id = "bone_scan", meets = "present", requires = "a bone scan",
      fact = { affirm = { "bone_scan" } } },
  },
}
E
mkdir -p "$T/newfact/kypho/lexicon"
cat >"$T/newfact/kypho/lexicon/kypho.lex" <<'E'
[bone_scan]
bone scan*
/\bscintigraph\w*/
E
letter() { # NAME SUMMARY-SENTENCE
  printf 'CLINICAL CASE SUMMARY\n\nThe patient fell in 2014 and has back pain. %s\n\nIMR DECISION(S) AND RATIONALE(S)\n\n1. Kyphoplasty T12: Upheld\n\nDecision rationale: The request is not medically necessary.\n' "$2" >"$T/newfact/$1.txt"
}
letter plain "A bone scan on 3/2/2015 showed uptake at T12."
letter negated "No bone scan has been done."
letter hypo "If a bone scan showed uptake, the procedure could be considered."
letter ur "Utilization review stated that a bone scan showed uptake."
letter split "A bone
scan showed uptake at T12."
letter gone "A bone scan was positive in 2013; it has since resolved."
for n in plain:present negated:absent hypo:unknown ur:unknown split:present gone:absent; do
  f=${n%%:*} want=${n#*:}
  got=$("$BIN" -q --format json --rules rules --rules "$T/newfact" "$T/newfact/$f.txt" 2>"$T/err" |
    python3 -c 'import json,sys
for l in sys.stdin:
  r=json.loads(l)
  for d in r.get("decisions",[]):
    print(d.get("pack"), (d["facts"].get("bone_scan") or {}).get("status"))' 2>/dev/null)
  [ "$got" = "kypho $want" ] && ok || no "new data fact, $f: got '$got', want 'kypho $want' ($(head -c 200 "$T/err"))"
done

# a fact naming a section that no lexicon defines: file:line before any
# letter, exit 2
mk nosec/p <<'E'
return { id = "p", categories = { "other" }, criteria = {
  { id = "x", meets = "present",
    fact = { affirm = { "nope" } } } } }
E
"$BIN" -q --rules rules --rules "$T/nosec" cases/003_*.txt >"$T/out" 2>"$T/err"
st=$?
[ $st -eq 2 ] && [ "$(cat "$T/err")" = "imraudit: $T/nosec/p/pack.lua:2: criterion x: affirm section [nope] is in no lexicon of the pack or the shared ones" ] &&
  [ ! -s "$T/out" ] && ok || no "unknown section: exit $st, $(cat "$T/err")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
