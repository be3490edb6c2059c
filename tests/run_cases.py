#!/usr/bin/python3
"""run_cases.py - regression corpus runner for imraudit (python3 stdlib only).

Usage: tests/run_cases.py [--bin ./imraudit] [--rules DIR] [--self-test]
                          [-v] [cases_dir]

Every cases/NAME.txt has cases/NAME.expected.json beside it: one JSON object
in the shape of a line of shared/seeds/expected.jsonl. Only the fields it
states are compared (see cases/README.md):
  file, ok, layout, case_number, priority, truncated   exact
  error                 substring, case-insensitive
  dates, reviewer       each stated key, exact
  decisions             the list length must match; then per index
                        (the "index" field, else the position):
    category, outcome, conclusion   exact
    service                         substring, case-insensitive
    cited                           compared as a set
    facts                           id -> status string; a number (for
                                    injection_count) means status present
                                    with that value; a list (injectate) is
                                    compared as a set of value classes
    findings                        list of {kind, criterion}, multiset, exact

All cases run through ONE `imraudit --format json` process. Records are
matched to cases by file name; every .txt must produce exactly one record.
Extra checks: the exit status agrees with the records (0 clean, 1 flagged,
2 some file failed), each failed file is named on stderr, a missing path
and an unreadable file (chmod 000; skipped as root) get an ok:false record
while the other files are still audited.

Prints one line per failing case with a compact diff (case, field, want,
got), and ends with "N passed, N failed" counting every case and every
extra check. Exit 1 on any failure, 2 when the runner cannot run at all.
"""
import argparse
import collections
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TIMEOUT = 300

TOP_EXACT = ("file", "ok", "layout", "case_number", "priority", "truncated")
TOP_DICT = ("dates", "reviewer")
TOP_KNOWN = set(TOP_EXACT) | set(TOP_DICT) | {"error", "decisions"}
DEC_EXACT = ("category", "outcome", "conclusion")
DEC_KNOWN = set(DEC_EXACT) | {"index", "service", "cited", "facts", "findings"}


def js(v):
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


# ---------------------------------------------------------------- compare
def compare_fact(fid, want, got_fact, where, diffs):
    got_fact = got_fact if isinstance(got_fact, dict) else {}
    status = got_fact.get("status")
    value = got_fact.get("value")
    if isinstance(want, str):
        if status != want:
            diffs.append((where, want, status))
    elif isinstance(want, bool) or want is None:
        diffs.append((where, "bad expected value", want))
    elif isinstance(want, (int, float)):
        if status != "present" or value != want:
            diffs.append((where, want, {"status": status, "value": value}))
    elif isinstance(want, list):
        got_set = sorted(set(value)) if isinstance(value, list) else value
        if got_set != sorted(set(want)):
            diffs.append((where, sorted(set(want)), got_set))
    else:
        diffs.append((where, "bad expected value", want))


BATCH_KINDS = {"similar-cases-differ"}  # cross-case, not per letter


def finding_key(f):
    if not isinstance(f, dict):
        return (repr(f), None)
    return (f.get("kind"), f.get("criterion"))


def compare_decision(i, want, got, diffs):
    pre = "decisions[%d]." % i
    for k in want:
        if k not in DEC_KNOWN:
            diffs.append((pre + k, "unknown expected field", want[k]))
    for k in DEC_EXACT:
        if k in want and got.get(k) != want[k]:
            diffs.append((pre + k, want[k], got.get(k)))
    if "service" in want:
        s = got.get("service") or ""
        if want["service"].lower() not in s.lower():
            diffs.append((pre + "service", want["service"], s))
    if "cited" in want:
        gc = got.get("cited")
        gs = sorted(set(gc)) if isinstance(gc, list) else gc
        if gs != sorted(set(want["cited"])):
            diffs.append((pre + "cited", sorted(set(want["cited"])), gs))
    if "facts" in want:
        gf = got.get("facts") if isinstance(got.get("facts"), dict) else {}
        for fid, fv in want["facts"].items():
            compare_fact(fid, fv, gf.get(fid), pre + "facts." + fid, diffs)
    if "findings" in want:
        gl = got.get("findings") if isinstance(got.get("findings"), list) else []
        wc = collections.Counter(finding_key(f) for f in want["findings"])
        gc = collections.Counter(finding_key(f) for f in gl
                                 if finding_key(f)[0] not in BATCH_KINDS)
        if wc != gc:
            diffs.append((pre + "findings", sorted(map(list, wc.elements()),
                                                   key=str),
                          sorted(map(list, gc.elements()), key=str)))


def compare(want, got):
    """Returns a list of (field, want, got) differences."""
    diffs = []
    for k in want:
        if k not in TOP_KNOWN:
            diffs.append((k, "unknown expected field", want[k]))
    for k in TOP_EXACT:
        if k not in want:
            continue
        g = got.get(k)
        if k == "file" and isinstance(g, str):
            g = os.path.basename(g)
        if g != want[k]:
            diffs.append((k, want[k], g))
    if "error" in want:
        ge = got.get("error")
        if not isinstance(ge, str) or want["error"].lower() not in ge.lower():
            diffs.append(("error", want["error"], ge))
    for k in TOP_DICT:
        if k not in want:
            continue
        gd = got.get(k) if isinstance(got.get(k), dict) else {}
        for kk, vv in want[k].items():
            if gd.get(kk) != vv:
                diffs.append((k + "." + kk, vv, gd.get(kk)))
    if "decisions" in want:
        gl = got.get("decisions")
        gl = gl if isinstance(gl, list) else []
        if len(gl) != len(want["decisions"]):
            diffs.append(("len(decisions)", len(want["decisions"]), len(gl)))
        by_index = {}
        for pos, d in enumerate(gl):
            if isinstance(d, dict):
                by_index.setdefault(d.get("index", pos + 1), d)
        for pos, wd in enumerate(want["decisions"]):
            i = wd.get("index", pos + 1)
            gd = by_index.get(i)
            if gd is None:
                diffs.append(("decisions[%d]" % i, "present", "missing"))
                continue
            compare_decision(i, wd, gd, diffs)
    return diffs


# ---------------------------------------------------------------- running
def find_rules(bin_path, rules):
    if rules:
        return rules
    if os.environ.get("IMRAUDIT_RULES"):
        return None
    beside = os.path.join(os.path.dirname(os.path.abspath(bin_path)), "rules")
    if os.path.isdir(beside):
        return None
    repo_rules = os.path.join(REPO, "rules")
    return repo_rules if os.path.isdir(repo_rules) else None


def batch_flags(bin_path):
    """Cross-case findings depend on which letters share the batch, not on
    the letter: turn them off when the program knows the option."""
    try:
        p = subprocess.run([bin_path, "--help"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return ["--no-cross-case"] if b"--no-cross-case" in p.stdout else []


def run_bin(bin_path, rules, paths):
    cmd = [bin_path, "--format", "json"] + batch_flags(bin_path)
    if rules:
        cmd += ["--rules", rules]
    cmd += paths
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=TIMEOUT)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    records, bad = [], []
    for ln in out.splitlines():
        if not ln.strip():
            continue
        try:
            r = json.loads(ln)
        except ValueError as e:
            bad.append("%s: %s" % (e, ln[:120]))
            continue
        if isinstance(r, dict) and (r.get("summary") is True or
                                    r.get("cross_case") is True):
            continue  # batch-level lines (issue 5), not a letter's record
        if isinstance(r, dict):
            records.append(r)
        else:
            bad.append("not an object: " + ln[:120])
    return p.returncode, records, bad, err


def status_of(records):
    """The exit status the records call for (worst across all files)."""
    st = 0
    for r in records:
        if not r.get("ok") or r.get("rule_errors"):
            return 2
        for d in r.get("decisions") or []:
            if isinstance(d, dict) and d.get("findings"):
                st = 1
    return st


def describe_rc(rc):
    if rc < 0:
        try:
            return "killed by %s" % signal.Signals(-rc).name
        except ValueError:
            return "killed by signal %d" % -rc
    return "exit %d" % rc


class Tally:
    def __init__(self, verbose):
        self.passed = self.failed = 0
        self.verbose = verbose

    def ok(self, name):
        self.passed += 1
        if self.verbose:
            print("ok   %s" % name)

    def fail(self, name, diffs):
        self.failed += 1
        print("FAIL %s" % name)
        for field, want, got in diffs:
            print("     %s: want %s, got %s" % (field, js(want), js(got)))


def load_cases(cases_dir, tally):
    cases = []
    for fn in sorted(os.listdir(cases_dir)):
        if not fn.endswith(".txt"):
            continue
        name = fn[:-4]
        exp = os.path.join(cases_dir, name + ".expected.json")
        try:
            with open(exp, encoding="utf-8") as f:
                want = json.load(f)
            if not isinstance(want, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as e:
            tally.fail(name, [("expected file", exp, str(e))])
            continue
        cases.append((name, fn, want))
    for fn in sorted(os.listdir(cases_dir)):
        if fn.endswith(".expected.json"):
            base = fn[: -len(".expected.json")]
            if not os.path.exists(os.path.join(cases_dir, base + ".txt")):
                tally.fail(base, [("letter", base + ".txt", "missing")])
    return cases


def collect_facts(want, got, pairs):
    gl = got.get("decisions") if isinstance(got.get("decisions"), list) else []
    by_index = {d.get("index"): d for d in gl if isinstance(d, dict)}
    for pos, wd in enumerate(want.get("decisions") or []):
        gd = by_index.get(wd.get("index", pos + 1)) or {}
        gf = gd.get("facts") if isinstance(gd.get("facts"), dict) else {}
        for fid, fv in (wd.get("facts") or {}).items():
            pairs.append((fid, fv, gf.get(fid)))


def check_cases(bin_path, rules, cases_dir, cases, tally):
    paths = [os.path.join(cases_dir, fn) for _, fn, _ in cases]
    rc, records, bad, err = run_bin(bin_path, rules, paths)
    pairs = []
    by_file = collections.defaultdict(list)
    for r in records:
        by_file[os.path.basename(str(r.get("file")))].append(r)
    for name, fn, want in cases:
        got = by_file.pop(fn, [])
        if len(got) != 1:
            tally.fail(name, [("records", 1, len(got))])
            continue
        diffs = compare(want, got[0])
        collect_facts(want, got[0], pairs)
        if diffs:
            tally.fail(name, diffs)
        else:
            tally.ok(name)
    print_fact_scores(pairs)
    # whole-run checks
    diffs = []
    if bad:
        diffs.append(("stdout", "JSON lines", bad[:3]))
    if by_file:
        diffs.append(("records", "one per case", "extra: %s" % sorted(by_file)))
    want_rc = status_of(records)
    if rc != want_rc:
        diffs.append(("exit status", want_rc, describe_rc(rc)))
    check("[check] corpus run: output and exit status", diffs, tally)
    diffs = []
    for r in records:
        if r.get("ok") is False:
            base = os.path.basename(str(r.get("file")))
            if base not in err:
                diffs.append(("stderr", "names " + base, "not mentioned"))
    check("[check] corpus run: each failed file named on stderr", diffs, tally)


def fact_outcome(want, got_fact):
    """(tp, fp, fn) of one labelled fact. A status label scores the status:
    'unknown' is the negative class. A number or a list scores the value."""
    got_fact = got_fact if isinstance(got_fact, dict) else {}
    status, value = got_fact.get("status"), got_fact.get("value")
    if isinstance(want, str):
        if want == "unknown":
            return (0, 0 if status in (None, "unknown") else 1, 0)
        if status == want:
            return (1, 0, 0)
        return (0, 0 if status in (None, "unknown") else 1, 1)
    if isinstance(want, list):
        want = sorted(set(want))
        got = sorted(set(value)) if isinstance(value, list) else []
        if not want:
            return (0, 1 if got else 0, 0)
        if got == want:
            return (1, 0, 0)
        return (0, 1 if got else 0, 1)
    if value == want and status == "present":
        return (1, 0, 0)
    return (0, 1 if value is not None else 0, 1)


def print_fact_scores(pairs):
    """Per-fact precision/recall over every labelled fact (informational)."""
    if not pairs:
        return
    stats = collections.OrderedDict()
    for fid, want, got in sorted(pairs, key=lambda p: p[0]):
        st = stats.setdefault(fid, [0, 0, 0, 0])
        tp, fp, fn = fact_outcome(want, got)
        st[0] += tp
        st[1] += fp
        st[2] += fn
        st[3] += 1
    print("fact scores over labelled cases (precision / recall / F1, n):")
    for fid, (tp, fp, fn, n) in stats.items():
        p = tp / (tp + fp) if tp + fp else None
        r = tp / (tp + fn) if tp + fn else None
        f1 = (2 * p * r / (p + r) if p and r else 0.0) \
            if p is not None and r is not None else None
        fmt = lambda x: " -  " if x is None else "%.2f" % x
        print("  %-24s P %s  R %s  F1 %s  n %d (tp %d fp %d fn %d)"
              % (fid, fmt(p), fmt(r), fmt(f1), n, tp, fp, fn))


def check(name, diffs, tally):
    if diffs:
        tally.fail(name, diffs)
    else:
        tally.ok(name)


def one_good_case(cases_dir, cases):
    for name, fn, want in cases:
        if want.get("ok") is not False and want.get("decisions"):
            return os.path.join(cases_dir, fn)
    return None


def check_failed_path(bin_path, rules, bad_path, good, label, tally):
    """bad_path must get an ok:false record and exit 2; good is audited."""
    paths = [bad_path] + ([good] if good else [])
    rc, records, bad, err = run_bin(bin_path, rules, paths)
    diffs = []
    if bad:
        diffs.append(("stdout", "JSON lines", bad[:3]))
    if len(records) != len(paths):
        diffs.append(("records", len(paths), len(records)))
    mine = [r for r in records if r.get("file") == bad_path]
    if len(mine) != 1:
        diffs.append(("record for " + bad_path, 1, len(mine)))
    else:
        r = mine[0]
        if r.get("ok") is not False:
            diffs.append(("ok", False, r.get("ok")))
        if not isinstance(r.get("error"), str) or not r.get("error"):
            diffs.append(("error", "a one-line message", r.get("error")))
        elif "\n" in r["error"]:
            diffs.append(("error", "one line", r["error"]))
    if good:
        other = [r for r in records if r.get("file") == good]
        if len(other) != 1 or other[0].get("ok") is not True:
            diffs.append(("other file still audited", True,
                          [o.get("ok") for o in other]))
    if rc != 2:
        diffs.append(("exit status", 2, describe_rc(rc)))
    if os.path.basename(bad_path) not in err:
        diffs.append(("stderr", "names the file", err.strip()[:160]))
    check("[check] " + label, diffs, tally)


def extra_checks(bin_path, rules, cases_dir, cases, tally):
    good = one_good_case(cases_dir, cases)
    tmp = tempfile.mkdtemp(prefix="run_cases.")
    try:
        missing = os.path.join(tmp, "no-such-dir", "missing-letter.txt")
        check_failed_path(bin_path, rules, missing, good, "missing file",
                          tally)
        if os.geteuid() == 0:
            print("skip [check] unreadable file: running as root, where "
                  "chmod 000 does not block reads")
            return
        unread = os.path.join(tmp, "unreadable-letter.txt")
        src = good or os.path.join(cases_dir, cases[0][1])
        shutil.copyfile(src, unread)
        os.chmod(unread, 0)
        check_failed_path(bin_path, rules, unread, good, "unreadable file",
                          tally)
    finally:
        for root, dirs, files in os.walk(tmp):
            for fn in files:
                os.chmod(os.path.join(root, fn), stat.S_IRUSR | stat.S_IWUSR)
        shutil.rmtree(tmp, ignore_errors=True)


def run(args):
    tally = Tally(args.verbose)
    bin_path = args.bin
    if not os.path.isfile(bin_path) or not os.access(bin_path, os.X_OK):
        print("run_cases: no executable %s (build it first)" % bin_path)
        print("0 passed, 1 failed")
        return 2
    if not os.path.isdir(args.cases_dir):
        print("run_cases: no cases directory %s" % args.cases_dir)
        print("0 passed, 1 failed")
        return 2
    rules = find_rules(bin_path, args.rules)
    cases = load_cases(args.cases_dir, tally)
    if not cases:
        tally.fail("cases", [("cases", ">= 1", 0)])
    else:
        try:
            check_cases(bin_path, rules, args.cases_dir, cases, tally)
            extra_checks(bin_path, rules, args.cases_dir, cases, tally)
        except subprocess.TimeoutExpired:
            tally.fail("[check] run time", [("seconds", "<= %d" % TIMEOUT,
                                             "timed out")])
        except OSError as e:
            tally.fail("[check] run", [("exec", bin_path, str(e))])
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


# ---------------------------------------------------------------- self-test
FAKE_BIN = r'''#!/usr/bin/python3
# A stand-in imraudit: echoes each case's expected record, broken on demand.
import json, os, sys
mode = os.environ.get("FAKE_MODE", "good")
paths = [a for a in sys.argv[1:] if a.endswith(".txt")]
st = 0
for i, p in enumerate(paths):
    try:
        open(p, "rb").read()
    except OSError as e:
        print(json.dumps({"file": p, "ok": False, "error": e.strerror,
                          "decisions": []}))
        sys.stderr.write("imraudit: %s: %s\n" % (p, e.strerror)); st = 2
        continue
    try:
        rec = json.load(open(p[:-4] + ".expected.json"))
    except OSError:
        rec = {"ok": True, "decisions": [{"index": 1, "findings": []}]}
    rec["file"] = p
    if rec.get("ok") is False:
        rec.setdefault("error", "failed")
        if mode != "silent":
            sys.stderr.write("imraudit: %s: %s\n" % (p, rec["error"]))
        st = 2
    for d in rec.get("decisions", []):
        if "facts" in d:
            fx = {}
            for k, v in d["facts"].items():
                if isinstance(v, str): fx[k] = {"status": v}
                else: fx[k] = {"status": "present", "value": v}
            d["facts"] = fx
        if d.get("findings") and st < 2: st = 1
    if i == 0 and mode == "missing": continue
    if i == 0 and mode == "dup": print(json.dumps(rec))
    if i == 0 and mode == "garbage": print("{not json")
    ds = rec.get("decisions") or []
    if i == 0 and ds:
        d0 = ds[0]
        if mode == "outcome": d0["outcome"] = "overturned"
        if mode == "fact": d0["facts"]["twitch_response"]["status"] = "absent"
        if mode == "count": d0["facts"]["injection_count"]["value"] = 5
        if mode == "injectate": d0["facts"]["injectate"]["value"] = ["nsaid"]
        if mode == "cited": d0["cited"] = d0["cited"] + ["duration"]
        if mode == "finding": d0["findings"] = d0["findings"] * 2
        if mode == "extra-item": ds.append(dict(d0, index=2))
    if mode == "error" and rec.get("ok") is False: rec["error"] = "other"
    print(json.dumps(rec))
if mode == "crash": os.kill(os.getpid(), 11)
if mode == "status": st = 0
sys.exit(st)
'''

SELF_CASES = {
    "a_tpi": ("letter a\n", {
        "file": "a_tpi.txt", "ok": True, "layout": "pdf-text",
        "decisions": [{"index": 1, "category": "tpi", "outcome": "upheld",
                       "conclusion": "not_necessary",
                       "cited": ["twitch_response"],
                       "facts": {"twitch_response": "present",
                                 "injection_count": 4,
                                 "injectate": ["local_anesthetic", "steroid"]},
                       "findings": [{"kind": "denial-criterion-met",
                                     "criterion": "twitch_response"}]}]}),
    "b_empty": ("", {"file": "b_empty.txt", "ok": False,
                     "error": "empty file", "decisions": []}),
}


def self_test():
    """The runner must pass a faithful program and fail every broken one."""
    tmp = tempfile.mkdtemp(prefix="run_cases_self.")
    results = [0, 0]

    def expect(label, ok):
        results[0 if ok else 1] += 1
        print("%s self-test: %s" % ("ok  " if ok else "FAIL", label))

    try:
        cdir = os.path.join(tmp, "cases")
        os.mkdir(cdir)
        for name, (text, want) in SELF_CASES.items():
            with open(os.path.join(cdir, name + ".txt"), "w") as f:
                f.write(text)
            with open(os.path.join(cdir, name + ".expected.json"), "w") as f:
                json.dump(want, f)
        fake = os.path.join(tmp, "imraudit")
        with open(fake, "w") as f:
            f.write(FAKE_BIN)
        os.chmod(fake, 0o755)

        def runner(mode, cases_dir=cdir, bin_path=fake):
            env = dict(os.environ, FAKE_MODE=mode)
            p = subprocess.run([sys.executable, os.path.abspath(__file__),
                                "--bin", bin_path, cases_dir],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env=env, timeout=60)
            return p.returncode, p.stdout.decode("utf-8", "replace")

        rc, out = runner("good")
        last = out.strip().splitlines()[-1] if out.strip() else ""
        expect("faithful program passes (%s)" % last,
               rc == 0 and last.endswith(" 0 failed"))
        broken = {"missing": "records: want 1, got 0",
                  "dup": "records: want 1, got 2", "garbage": "stdout:",
                  "outcome": ".outcome:", "fact": "facts.twitch_response:",
                  "count": "facts.injection_count:",
                  "injectate": "facts.injectate:", "cited": ".cited:",
                  "finding": ".findings:", "extra-item": "len(decisions):",
                  "error": "error: want", "crash": "SIGSEGV",
                  "status": "exit status:", "silent": "stderr:"}
        for mode, why in broken.items():
            rc, out = runner(mode)
            last = out.strip().splitlines()[-1] if out.strip() else ""
            expect("fails when broken: %s (%s)" % (mode, why),
                   rc == 1 and why in out and not last.endswith(" 0 failed"))
        # a case without an expected file, and a missing binary
        open(os.path.join(cdir, "c_orphan.txt"), "w").close()
        rc, out = runner("good")
        expect("fails on a letter without an expected file", rc == 1)
        os.remove(os.path.join(cdir, "c_orphan.txt"))
        rc, out = runner("good", bin_path=os.path.join(tmp, "nope"))
        expect("fails without a binary", rc == 2)
        # the comparison itself
        w = SELF_CASES["a_tpi"][1]
        g = json.loads(json.dumps(w))
        g["decisions"][0]["facts"] = {
            "twitch_response": {"status": "present"},
            "injection_count": {"status": "present", "value": 4},
            "injectate": {"status": "present",
                          "value": ["steroid", "local_anesthetic"]}}
        g["decisions"][0]["cited"] = ["twitch_response", "twitch_response"]
        expect("set/multiset comparison accepts reordering",
               compare(w, g) == [])
        g["decisions"][0]["findings"] = []
        expect("an unflagged item does not match an expected finding",
               len(compare(w, g)) == 1)
        expect("error is a substring",
               compare({"error": "binary"}, {"error": "Binary data"}) == [] and
               compare({"error": "binary"}, {"error": None}) != [])
        expect("unknown expected fields are errors",
               compare({"decision": []}, {}) != [])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % tuple(results))
    return 1 if results[1] else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=None,
                    help="imraudit binary (default ./imraudit, else the "
                    "repository's)")
    ap.add_argument("--rules", default=None, help="rules directory")
    ap.add_argument("--self-test", action="store_true",
                    help="check that the runner itself can fail")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("cases_dir", nargs="?", default=None)
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    if args.bin is None:
        args.bin = "./imraudit"
        if not os.path.exists(args.bin):
            args.bin = os.path.join(REPO, "imraudit")
    if args.cases_dir is None:
        args.cases_dir = os.path.join(REPO, "cases")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
