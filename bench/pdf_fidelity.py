#!/usr/bin/env python3
"""pdf_fidelity.py SRC_DIR OUT_DIR PRODUCER... - word-level fidelity of each
library's text (OUT_DIR/<case>.pdf.<lib>.txt, written by pdf_libs) against
the source letter (SRC_DIR/<case>.txt): words lost or garbled, in order
(difflib opcodes), summed over the cases. Not part of the build."""
import difflib, glob, os, re, sys

def words(path):
    with open(path, 'rb') as f:
        t = f.read().decode('utf-8', 'replace')
    return re.findall(r'\S+', t)

src, out, producers = sys.argv[1], sys.argv[2], sys.argv[3:]
for prod in producers:
    for lib in ('mupdf', 'poppler'):
        lost = total = extra = exact = n = 0
        for p in sorted(glob.glob(os.path.join(out, prod + '.*.pdf.' + lib + '.txt'))):
            case = os.path.basename(p)[len(prod) + 1:-len('.pdf.' + lib + '.txt')]
            a, b = words(os.path.join(src, case + '.txt')), words(p)
            sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
            same = sum(bl.size for bl in sm.get_matching_blocks())
            lost += len(a) - same; extra += len(b) - same; total += len(a)
            exact += len(a) == same and len(b) == same; n += 1
        print(f'{prod:8} {lib:8} cases {n}: source words {total}, lost/garbled '
              f'{lost} ({100.0*lost/max(total,1):.2f}%), extra {extra}, exact {exact}')
