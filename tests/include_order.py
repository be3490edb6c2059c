#!/usr/bin/env python3
"""Check that includes in core/ run downward only along the pipeline.

Stages, earliest first: base, text, letter, nlp, facts, rules, sink, batch,
then the top (core/*.c|h: main, the per-letter driver, rule tests). A file
may include a header of its own stage or of an earlier one, never of a
later one; from another stage it may include only that stage's public
header (<stage>/<stage>.h) plus the headers that one names as public in a
line "Public headers: a.h b.h". Prints one line per violation and a final
"N passed, N failed" line; exit 1 on any violation.
"""
import os
import re
import sys

ORDER = ["base", "text", "letter", "nlp", "facts", "rules", "sink", "batch"]
TOP = len(ORDER)
INC = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def stage_of(path):
    parts = path.split(os.sep)
    if len(parts) == 2:  # core/x.c
        return TOP
    return ORDER.index(parts[1]) if parts[1] in ORDER else None


def public_headers(root, stage):
    hdr = os.path.join(root, stage, stage + ".h")
    pub = {stage + ".h"}
    if os.path.exists(hdr):
        m = re.search(r"Public headers:([^*]*)", open(hdr).read())
        if m:
            pub.update(m.group(1).split())
    return pub


def main(root):
    bad = ok = 0
    pubs = {s: public_headers(root, s) for s in ORDER}
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if not f.endswith((".c", ".h")):
                continue
            path = os.path.join(dirpath, f)
            me = stage_of(os.path.relpath(path, os.path.dirname(root)))
            for n, line in enumerate(open(path, encoding="utf-8"), 1):
                m = INC.match(line)
                if not m:
                    continue
                inc = m.group(1)
                if "/" not in inc:
                    if os.path.exists(os.path.join(dirpath, inc)):
                        ok += 1  # same folder
                    elif me < TOP:  # resolved by -Icore: a top-level header
                        print(f"{path}:{n}: includes {inc}: the top level "
                              f"(core/) from a stage folder")
                        bad += 1
                    continue
                stage, hdr = inc.split("/", 1)
                if stage not in ORDER:
                    print(f"{path}:{n}: includes {inc}: not a stage folder")
                    bad += 1
                elif ORDER.index(stage) > me:
                    print(f"{path}:{n}: includes {inc}: a later stage "
                          f"({stage}) than its own")
                    bad += 1
                elif ORDER.index(stage) < me and hdr not in pubs[stage]:
                    print(f"{path}:{n}: includes {inc}: not a public header "
                          f"of {stage}/")
                    bad += 1
                else:
                    ok += 1
    print(f"include-order: {ok} passed, {bad} failed")
    return 1 if bad else 0


def self_test():
    """The check must fail on an upward include and a private header."""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        core = os.path.join(d, "core")
        for st in ("letter", "facts"):
            os.makedirs(os.path.join(core, st))
        open(os.path.join(core, "facts", "facts.h"), "w").write("")
        open(os.path.join(core, "facts", "x.h"), "w").write("")
        open(os.path.join(core, "letter", "a.c"), "w").write(
            '#include "facts/facts.h"\n')
        open(os.path.join(core, "b.c"), "w").write('#include "facts/x.h"\n')
        open(os.path.join(core, "b.h"), "w").write("")
        open(os.path.join(core, "facts", "y.c"), "w").write('#include "b.h"\n')
        import contextlib, io
        with contextlib.redirect_stdout(io.StringIO()) as out:
            rc = main(core)
        want = "0 passed, 3 failed"
        ok = rc == 1 and want in out.getvalue()
        print(out.getvalue(), end="")
        print("include-order-selftest: %d passed, %d failed" % (ok, not ok))
        return 0 if ok else 1


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "core"))
