#!/usr/bin/env python3
"""check_jsonl.py - check imraudit --format json output of a batch.

usage: check_jsonl.py OUT.jsonl ERR.txt [--count N] [--fail PATH]...
                      [--ok PATH]... [--error-has TEXT]

Checks: every line is strict JSON (valid UTF-8, one object per line) with
"file", "ok" and, when ok is false, a one-line non-empty "error"; --count N:
exactly N records; --fail PATH: PATH has a record with ok false AND stderr
has a line naming PATH; --ok PATH: PATH has a record with ok true;
--error-has TEXT: every failed record's error contains TEXT
(case-insensitive). A final {"summary": true, ...} line is not a letter
record and is skipped. Prints one line per problem; exit 1 when any."""
import json
import sys


def main():
    args = sys.argv[1:]
    out, err = args[0], args[1]
    count, fails, oks, has = None, [], [], None
    i = 2
    while i < len(args):
        k, v = args[i], args[i + 1]
        i += 2
        if k == "--count":
            count = int(v)
        elif k == "--fail":
            fails.append(v)
        elif k == "--ok":
            oks.append(v)
        elif k == "--error-has":
            has = v.lower()
    problems = []
    recs = []
    with open(out, "rb") as f:
        for n, raw in enumerate(f, 1):
            try:
                line = raw.decode("utf-8")
                rec = json.loads(line)
            except (UnicodeDecodeError, ValueError) as e:
                problems.append("line %d: not strict JSON/UTF-8: %s" % (n, e))
                continue
            if isinstance(rec, dict) and rec.get("summary") is True:
                continue  # the batch summary line, not a letter record
            if not isinstance(rec, dict) or "file" not in rec or "ok" not in rec:
                problems.append("line %d: no file/ok field" % n)
                continue
            if not rec["ok"]:
                e = rec.get("error")
                if not isinstance(e, str) or not e or "\n" in e:
                    problems.append("%s: failed record without a one-line error"
                                    % rec["file"])
                elif has and has not in e.lower():
                    problems.append("%s: error %r lacks %r" % (rec["file"], e, has))
            recs.append(rec)
    with open(err, "rb") as f:
        errtext = f.read().decode("utf-8", "replace")
    if count is not None and len(recs) != count:
        problems.append("%d records, want %d" % (len(recs), count))
    by_file = {}
    for r in recs:
        by_file.setdefault(r["file"], []).append(r)
    for p in fails:
        rs = by_file.get(p)
        if not rs:
            problems.append("%s: no record" % p)
        elif any(r["ok"] for r in rs):
            problems.append("%s: ok, want a failed record" % p)
        elif not any(p in line for line in errtext.splitlines()):
            problems.append("%s: no stderr line names it" % p)
    for p in oks:
        rs = by_file.get(p)
        if not rs:
            problems.append("%s: no record" % p)
        elif not all(r["ok"] for r in rs):
            problems.append("%s: failed (%s), want ok" % (p, rs[0].get("error")))
    for p in problems[:10]:
        print("    " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
