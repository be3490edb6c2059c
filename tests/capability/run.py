"""run.py - the capability matrix: generate the cases, audit them all in
one imraudit run, and print the failure rate of every cell (fact x
capability). Python 3 stdlib only.

    python3 tests/capability/run.py [--bin ./imraudit] [--dir DIR]
        [--seed N] [--per-cell N] [--max-rate 0.02] [-v]

A case fails when the TPI item's facts.<fact> status (or value) or the
membership of <fact> in cited differs from the label of its template, or
when the letter yields no single TPI item. A cell fails when more than
--max-rate of its cases fail. Ends with "capability: N passed, N failed"
counting cells (tests/run_all.sh sums that line); exit status 1 when any
cell fails."""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402


def check(rec, exp):
    """'' when the record matches the expectation, else why not."""
    if rec is None:
        return "no record"
    if not rec.get("ok"):
        return "not ok: %s" % rec.get("error")
    cat = exp.get("category", "tpi")
    ds = [d for d in rec.get("decisions", []) if d.get("category") == cat]
    if len(ds) != 1:
        return "%d %s items of %d" % (len(ds), cat, len(rec.get("decisions", [])))
    d = ds[0]
    fact = exp["fact"].split(".", 1)[-1]
    f = d.get("facts", {}).get(fact, {"status": "unknown"})
    why = []
    if exp["status"] is not None and f.get("status") != exp["status"]:
        why.append("status %s, expected %s" % (f.get("status"), exp["status"]))
    if exp["value"] is not None:
        got = f.get("value")
        if isinstance(exp["value"], list):
            got = sorted(set(got or []))
        if isinstance(exp["value"], (int, float)) and isinstance(got, (int, float)):
            same = abs(got - exp["value"]) < 0.01
        else:
            same = got == exp["value"]
        if not same:
            why.append("value %s, expected %s" % (got, exp["value"]))
    if exp["cited"] is not None and (fact in d.get("cited", [])) != exp["cited"]:
        why.append("cited %s, expected %s" % (not exp["cited"], exp["cited"]))
    return "; ".join(why)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.environ.get("IMRAUDIT", "./imraudit"))
    ap.add_argument("--dir", help="write the cases here and keep them")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--per-cell", type=int, default=generate.PER_CELL)
    ap.add_argument("--max-rate", type=float, default=0.02)
    ap.add_argument("--known", help="a file of cells known to fail (one 'fact / capability' a line, "
                    "'#' comments): reported, not gated")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="show up to 3 failing cases per cell")
    a = ap.parse_args()

    tmp = None
    outdir = a.dir
    if not outdir:
        tmp = tempfile.mkdtemp(prefix="imraudit-capability-")
        outdir = tmp
    try:
        manifest = generate.generate(outdir, a.seed, a.per_cell)
        files = [os.path.join(outdir, m["file"]) for m in manifest]
        p = subprocess.run([a.bin, "-q", "--format", "json"] + files,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode not in (0, 1, 2) or not p.stdout:
            print("imraudit failed (exit %d): %s" % (p.returncode, p.stderr.decode(errors="replace")[:500]))
            print("capability: 0 passed, 1 failed")
            return 1
        recs = {}
        for line in p.stdout.decode("utf-8", errors="replace").splitlines():
            r = json.loads(line)
            if "file" in r and not r.get("cross_case"):  # not a cross-case finding line
                recs[os.path.basename(r["file"])] = r
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    known = set()
    if a.known:
        with open(a.known, encoding="utf-8") as f:
            for ln in f:
                ln = ln.split("#", 1)[0].strip()
                if ln:
                    known.add(" ".join(ln.split()))
    cells = {}
    order = []
    for m in manifest:
        key = (m["fact"], m["cell"])
        if key not in cells:
            cells[key] = []
            order.append(key)
        cells[key].append((m, check(recs.get(m["file"]), m)))

    w = max(len("%s / %s" % k) for k in order)
    print("%-*s %5s %5s %7s" % (w, "cell (fact / capability)", "n", "fail", "rate"))
    npass = nfail = ncases = nbad = nknown = 0
    for key in order:
        res = cells[key]
        bad = [(m, why) for m, why in res if why]
        rate = len(bad) / len(res)
        ok = rate <= a.max_rate
        isknown = not ok and ("%s / %s" % key) in known
        nknown += isknown
        npass += ok
        nfail += not ok and not isknown
        ncases += len(res)
        nbad += len(bad)
        print("%-*s %5d %5d %6.1f%%%s" % (w, "%s / %s" % key, len(res), len(bad),
                                          100 * rate, "" if ok else "  KNOWN" if isknown else "  FAIL"))
        if a.verbose and bad:
            for m, why in bad[:3]:
                print("      %s [%s, template %d] %s\n        %s" % (
                    m["file"], m["layout"], m["template"], why, m["sentence"]))
    for pack in ("tpi", "mtus-esi", "mtus-opioids"):
        ks = [k for k in order if cells[k][0][0].get("pack", "tpi") == pack]
        if not ks:
            continue
        n = sum(len(cells[k]) for k in ks)
        b = sum(1 for k in ks for _, why in cells[k] if why)
        hi = sum(1 for k in ks if sum(1 for _, why in cells[k] if why) / len(cells[k]) > a.max_rate)
        print("  %-13s %5d cases, %4d failed (%.1f%%); cells above %.0f%%: %d of %d" % (
            pack, n, b, 100 * b / n, 100 * a.max_rate, hi, len(ks)))
    print("%d cases, %d failed (%.1f%%); cells above %.0f%%: %d of %d" % (
        ncases, nbad, 100 * nbad / max(ncases, 1), 100 * a.max_rate, nfail + nknown, len(order)))
    if known:
        print("known failing cells (not gated): %d" % nknown)
    print("capability: %d passed, %d failed" % (npass + nknown, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
