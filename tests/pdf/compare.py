#!/usr/bin/env python3
"""compare.py [--only-present] TXT.jsonl PDF.jsonl - the records of letters read from text
and from the same letters printed to PDF must agree on what an audit says:
ok, layout, case number, dates, each item's category, outcome, conclusion,
facts (status and value), cited criteria and findings (rule, kind,
criterion, severity). Evidence
offsets differ by nature (they point into different bytes) and are not
compared; PDF evidence must carry page and line. Records are matched by
file name without extension (--only-present: only the letters that have a
PDF record). Prints one line per mismatch and a summary;
exit 1 on any mismatch."""
import json, os, sys


def load(path):
    recs = {}
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        if 'file' not in r or r.get('cross_case') or r.get('summary'):
            continue
        recs[os.path.splitext(os.path.basename(r['file']))[0]] = r
    return recs


def view(r):
    items = []
    for d in r.get('decisions') or []:
        facts = {k: (v.get('status'), json.dumps(v.get('value'), sort_keys=True))
                 for k, v in (d.get('facts') or {}).items()}
        finds = sorted((f.get('rule'), f.get('kind'), f.get('criterion'),
                        f.get('severity')) for f in d.get('findings') or [])
        items.append((d.get('index'), d.get('category'), d.get('outcome'),
                      d.get('conclusion'), sorted(facts.items()),
                      sorted(d.get('cited') or []), finds))
    return (r.get('ok'), items, r.get('layout'), r.get('case_number'),
            json.dumps(r.get('dates'), sort_keys=True))


def pages_ok(r):
    for d in r.get('decisions') or []:
        for v in (d.get('facts') or {}).values():
            for e in v.get('evidence') or []:
                if not (isinstance(e.get('page'), int) and e['page'] >= 1
                        and isinstance(e.get('line'), int) and e['line'] >= 1):
                    return False
    return True


def main():
    args = sys.argv[1:]
    only_present = args[0] == '--only-present'  # letters the producer printed
    if only_present:
        args = args[1:]
    a, b = load(args[0]), load(args[1])
    bad = 0
    if only_present:
        a = {k: v for k, v in a.items() if k in b}
    for name in sorted(a):
        if name not in b:
            print(f'MISSING {name}: no PDF record')
            bad += 1
            continue
        va, vb = view(a[name]), view(b[name])
        if va != vb:
            bad += 1
            print(f'DIFF {name}: ok {va[0]}/{vb[0]} {b[name].get("error") or ""}')
            for ia, ib in zip(va[1], vb[1]):
                for k, (x, y) in enumerate(zip(ia, ib)):
                    if x != y:
                        if isinstance(x, list):
                            x = [t for t in x if t not in y]
                            y = [t for t in ib[k] if t not in ia[k]]
                        print(f'   item {ia[0]} field {k}: {x} -> {y}')
            if len(va[1]) != len(vb[1]):
                print(f'   items {len(va[1])} -> {len(vb[1])}')
            for k, what in ((2, 'layout'), (3, 'case number'), (4, 'dates')):
                if va[k] != vb[k]:
                    print(f'   {what}: {va[k]} -> {vb[k]}')
        elif not pages_ok(b[name]):
            bad += 1
            print(f'NOPAGE {name}: PDF evidence without page/line')
        else:
            print(f'AGREE {name}')
    print(f'{len(a) - bad} of {len(a)} letters agree')
    return 1 if bad else 0


sys.exit(main())
