#!/bin/sh
# run.sh - `make install` into a temporary DESTDIR: the installed binary
# finds its rule packs under PREFIX/share/imraudit/rules and audits cases/
# exactly as the build tree's binary does; --version lists the packs; the
# manual pages render without warnings; `make uninstall` removes it all.
# Run from the repository root. Ends with "N passed, N failed".
set -u
BIN=${BIN:-./imraudit}
pass=0
fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
unset IMRAUDIT_RULES
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

D=$T/dest
PREFIX=/usr/local
make --no-print-directory install DESTDIR="$D" PREFIX=$PREFIX BIN="$BIN" \
  >"$T/install.log" 2>&1
check "make install DESTDIR=... PREFIX=$PREFIX" test -x "$D$PREFIX/bin/imraudit"
IB=$D$PREFIX/bin/imraudit
for f in share/imraudit/rules/mtus-tpi/mtus_tpi.lua share/imraudit/rules/mtus-tpi/pack.lua \
  share/imraudit/rules/outcome/outcome.lua share/imraudit/rules/mtus-tpi/tests/rc_twitch.txt \
  share/imraudit/rules/lib/audit.lua \
  share/imraudit/rules/specialties.map share/imraudit/rules/lexicon/drugs.lex \
  share/man/man1/imraudit.1 share/man/man5/imraudit-rules.5; do
  check "installed $f" test -s "$D$PREFIX/$f"
done

"$IB" --version >"$T/version" 2>&1
check "--version names the installed rules directory" \
  grep -q "rules directory: $D$PREFIX/share/imraudit/rules" "$T/version"
check "--version lists each pack's id and version" \
  sh -c "grep -q '^pack: mtus-tpi 1.0 ' '$T/version' &&
         grep -q '^rule: mtus-tpi 1.0 (mtus-tpi/mtus_tpi.lua)' '$T/version' &&
         grep -q '^rule: outcome 1.0 (outcome/outcome.lua)' '$T/version' &&
         grep -q '^lexicons: .*lexicon/drugs.lex' '$T/version' &&
         grep -q '^specialty groups: specialties.map' '$T/version'"

# the installed binary, run from elsewhere, agrees with the build tree's
for fmt in json text csv; do
  "$BIN" -q -j 2 --format $fmt cases/ >"$T/build.$fmt" 2>"$T/build.err"
  s1=$?
  (cd "$T" && "$IB" -q -j 2 --format $fmt "$OLDPWD/cases/" >"$T/inst.$fmt" \
    2>"$T/inst.err")
  s2=$?
  sed "s#$PWD/cases/#cases/#g" "$T/inst.$fmt" >"$T/inst2.$fmt"
  sed "s#$PWD/cases/#cases/#g" "$T/inst.err" >"$T/inst2.err"
  check "installed binary's $fmt output on cases/ is the build tree's" \
    cmp "$T/build.$fmt" "$T/inst2.$fmt"
  check "same exit status ($s1, $s2) and stderr ($fmt)" \
    sh -c "[ $s1 -eq $s2 ] && cmp '$T/build.err' '$T/inst2.err'"
done
# every installed pack's tests (a pack still measured, not gating, is left
# out: see rules/<pack>/MEASURED)
for p in "$D$PREFIX"/share/imraudit/rules/*/; do
  [ -f "$p/pack.lua" ] && [ ! -f "$p/MEASURED" ] || continue
  check "imraudit test on the installed pack $(basename "$p")" \
    "$IB" test --rule "$(basename "$p")" "$D$PREFIX/share/imraudit/rules"
done

for m in man1/imraudit.1 man5/imraudit-rules.5; do
  check "man page $m renders without warnings" sh -c \
    "LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z '$D$PREFIX/share/man/$m' 2>&1 | (! grep .)"
done
check "imraudit(1) documents options, exit status, files, environment, examples" \
  sh -c "for s in OPTIONS 'EXIT STATUS' FILES ENVIRONMENT EXAMPLES; do
           grep -q \"^.SH \$s\" '$D$PREFIX/share/man/man1/imraudit.1' || exit 1; done
         for o in \$('$BIN' --help | grep -o -- '--[a-z-]*' | sort -u); do
           grep -q -- \"\$(echo \$o | sed 's/-/\\\\\\\\-/g')\" '$D$PREFIX/share/man/man1/imraudit.1' ||
             { echo \"undocumented option \$o\"; exit 1; }; done"

make --no-print-directory uninstall DESTDIR="$D" PREFIX=$PREFIX >"$T/un.log" 2>&1
check "make uninstall leaves no file" sh -c "[ -z \"\$(find '$D' -type f)\" ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
