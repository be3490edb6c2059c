#!/usr/bin/env python3
"""Per-fact precision and recall of a pack's facts against gold labels.

usage: fact_pr.py OUTPUT.jsonl GOLD.jsonl [--pack ID] [--min X] [-v]

For each fact id the gold labels on items of the pack: a status fact
("present"/"absent") counts as predicted when the output's status is not
unknown; correct when it equals the gold. A gold "unknown" counts against
precision when the output says present or absent. A value fact (number,
string, list) is correct when the values are equal. precision = correct /
predicted, recall = correct / gold (labels other than unknown). Prints one
line per fact and a last line "N passed, M failed" (a fact fails below
--min on either). Exit 1 when one fails.
"""
import json
import os
import sys


def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line:
            r = json.loads(line)
            if "decisions" in r:
                out[os.path.basename(r.get("file") or "")] = r
    return out


def main(argv):
    args = [a for a in argv if a != "-v"]
    verbose = "-v" in argv
    pack, minv = None, 0.0
    if "--pack" in args:
        i = args.index("--pack")
        pack = args[i + 1]
        del args[i:i + 2]
    if "--min" in args:
        i = args.index("--min")
        minv = float(args[i + 1])
        del args[i:i + 2]
    out, gold = load(args[0]), load(args[1])
    stats = {}
    for name, g in sorted(gold.items()):
        o = out.get(name, {})
        odec = {d.get("index"): d for d in o.get("decisions") or []}
        for gd in g["decisions"]:
            od = odec.get(gd["index"], {})
            if pack and od.get("pack") != pack:
                continue
            for fid, want in (gd.get("facts") or {}).items():
                f = (od.get("facts") or {}).get(fid) or {}
                st, val = f.get("status", "unknown"), f.get("value")
                s = stats.setdefault(fid, [0, 0, 0])  # correct, predicted, gold
                if want in ("present", "absent", "unknown"):
                    pred = st in ("present", "absent")
                    ok = st == want
                    s[1] += pred
                    s[2] += want != "unknown"
                    s[0] += ok and want != "unknown"
                    if verbose and not ok:
                        print(f"  {name}#{gd['index']} {fid}: {st} != {want}")
                else:
                    if isinstance(want, list):
                        ok = sorted(val or []) == sorted(want)
                    else:
                        ok = val == want
                    s[1] += val is not None and val != "unknown"
                    s[2] += 1
                    s[0] += ok
                    if verbose and not ok:
                        print(f"  {name}#{gd['index']} {fid}: {val!r} != {want!r}")
    passed = failed = 0
    for fid, (c, p, g) in sorted(stats.items()):
        prec = c / p if p else 1.0
        rec = c / g if g else 1.0
        ok = prec >= minv and rec >= minv
        passed += ok
        failed += not ok
        print(f"{fid:32s} precision {prec:.2f} ({c}/{p})  recall {rec:.2f} ({c}/{g}){'' if ok else '  BELOW ' + str(minv)}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
