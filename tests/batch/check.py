#!/usr/bin/env python3
"""check.py - checks for tests/batch/run.sh (python3 stdlib only).

  check.py csv FILE.csv FILE.jsonl   CSV parses; one row per item (+ one per
                                     failed letter, + one per cross-case
                                     finding), same cells as the JSON
  check.py db FILE.sqlite [N]        store integrity: no partial letter; with
                                     N, exactly N letters with distinct keys
  check.py html-dom DOM.html JSONL   one table row per flagged item
  check.py summary JSONL             prints letters items flagged failed
Exits non-zero with a message on the first failure.
"""
import csv
import json
import sqlite3
import sys

HEAD = ["file", "case_number", "item", "service", "category", "outcome",
        "conclusion", "pack", "facts", "cited", "finding_kinds", "severities",
        "first_message", "error"]


def fact_cell(facts):
    """The CSV "facts" cell of a JSON facts object: id=status[:value]."""
    out = []
    for c, f in facts.items():
        s = "%s=%s" % (c, f["status"])
        v = f.get("value")
        if isinstance(v, list):
            if v:
                s += ":" + "+".join(v)
        elif isinstance(v, bool) or v is None:
            pass
        else:
            s += ":%s" % v
        out.append(s)
    return ";".join(out)


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def load_jsonl(path):
    letters, cross, summary = [], [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o.get("summary") is True:
                summary = o
            elif o.get("cross_case") is True:
                cross.append(o)
            else:
                letters.append(o)
    if summary is None:
        fail("no summary object in " + path)
    return letters, cross, summary


def check_csv(csv_path, jsonl_path):
    letters, cross, _ = load_jsonl(jsonl_path)
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    head = rows[0]
    if head != HEAD:
        fail("CSV header %r" % head)
    body = rows[1:]
    for r in body:
        if len(r) != len(head):
            fail("CSV row with %d fields: %r" % (len(r), r[:3]))
    expect = []
    for l in letters:
        if not l["ok"] or not l["decisions"]:
            expect.append((l["file"], "", None))
            continue
        for d in l["decisions"]:
            expect.append((l["file"], str(d["index"]), d))
    for c in cross:
        expect.append((c["file"], str(c["index"]), "cross"))
    if len(body) != len(expect):
        fail("CSV has %d rows, expected %d" % (len(body), len(expect)))
    for r, (file, idx, d) in zip(body, expect):
        row = dict(zip(head, r))
        if row["file"] != file or row["item"] != idx:
            fail("CSV row %r/%r, expected %r/%r" % (row["file"], row["item"],
                                                  file, idx))
        if d is None:
            if not row["error"]:
                fail("failed letter row without error: %r" % file)
            continue
        if d == "cross":
            if row["finding_kinds"] != "similar-cases-differ":
                fail("cross-case row kinds %r" % row["finding_kinds"])
            continue
        for k in ("category", "outcome", "conclusion"):
            if row[k] != (d.get(k) or ""):
                fail("%s#%s %s: CSV %r JSON %r" % (file, idx, k, row[k],
                                                   d.get(k)))
        if row["pack"] != (d.get("pack") or ""):
            fail("%s#%s pack: CSV %r JSON %r" % (file, idx, row["pack"],
                                                d.get("pack")))
        if row["facts"] != fact_cell(d["facts"]):
            fail("%s#%s facts: CSV %r JSON %r" % (file, idx, row["facts"],
                                                 fact_cell(d["facts"])))
        kinds = []
        for fd in d["findings"]:
            if fd["kind"] not in kinds:
                kinds.append(fd["kind"])
        if row["finding_kinds"] != ";".join(kinds):
            fail("%s#%s kinds: CSV %r JSON %r" % (file, idx,
                                                 row["finding_kinds"], kinds))
        if row["cited"] != ";".join(dict.fromkeys(d.get("cited", []))):
            fail("%s#%s cited: CSV %r JSON %r" % (file, idx, row["cited"],
                                                 d.get("cited")))
    print("csv ok: %d rows" % len(body))


def check_db(path, n=None):
    db = sqlite3.connect(path)
    ok = db.execute("PRAGMA integrity_check").fetchone()[0]
    if ok != "ok":
        fail("integrity_check: " + ok)
    letters = db.execute("SELECT count(*), count(DISTINCT sha256) FROM "
                         "letters").fetchone()
    if letters[0] != letters[1]:
        fail("duplicate letter keys: %r" % (letters,))
    bad = db.execute(
        "SELECT l.path, l.items, (SELECT count(*) FROM items i WHERE "
        "i.letter_id=l.id) AS n FROM letters l WHERE n != l.items "
        "LIMIT 3").fetchall()
    if bad:
        fail("partial letters (items stored != items): %r" % bad)
    # an item of a pack has its pack's facts, each naming that pack; an
    # item no pack covers has none
    bad = db.execute(
        "SELECT i.id, i.pack, count(f.id) FROM items i LEFT JOIN facts f ON "
        "f.item_id=i.id GROUP BY i.id HAVING (i.pack IS NULL) != "
        "(count(f.id) = 0) LIMIT 3").fetchall()
    if bad:
        fail("items whose facts do not match their pack: %r" % bad)
    bad = db.execute(
        "SELECT f.id FROM facts f JOIN items i ON i.id=f.item_id WHERE "
        "f.pack IS NOT i.pack LIMIT 3").fetchall()
    if bad:
        fail("facts of another pack than their item's: %r" % bad)
    if db.execute("PRAGMA user_version").fetchone()[0] != 2:
        fail("schema version is not 2")
    orphans = db.execute(
        "SELECT (SELECT count(*) FROM items WHERE letter_id NOT IN "
        "(SELECT id FROM letters)) + (SELECT count(*) FROM facts WHERE "
        "item_id NOT IN (SELECT id FROM items)) + (SELECT count(*) FROM "
        "findings WHERE item_id NOT IN (SELECT id FROM items))").fetchone()[0]
    if orphans:
        fail("%d orphan rows" % orphans)
    if n is not None and letters[0] != n:
        fail("%d letters stored, expected %d" % (letters[0], n))
    print("db ok: %d letters" % letters[0])


def check_html_dom(dom_path, jsonl_path):
    _, _, summary = load_jsonl(jsonl_path)
    dom = open(dom_path, encoding="utf-8", errors="replace").read()
    rows = dom.count('<tbody class="item"')
    if rows != summary["flagged_items"]:
        fail("HTML table has %d rows, summary says %d flagged items" %
             (rows, summary["flagged_items"]))
    if 'data-ready="1"' not in dom:
        fail("the report's script did not run to its end")
    if "<script src" in dom or "<link" in dom or "http://" in dom.replace(
            'xmlns="http://www.w3.org/2000/svg"', ""):
        fail("the report refers to an external resource")
    print("html ok: %d rows" % rows)


def main():
    cmd = sys.argv[1]
    if cmd == "csv":
        check_csv(sys.argv[2], sys.argv[3])
    elif cmd == "db":
        check_db(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else None)
    elif cmd == "html-dom":
        check_html_dom(sys.argv[2], sys.argv[3])
    elif cmd == "summary":
        _, _, s = load_jsonl(sys.argv[2])
        print(s["letters"], s["items"], s["flagged_items"], s["failed"])
    else:
        fail("unknown command " + cmd)


if __name__ == "__main__":
    main()
