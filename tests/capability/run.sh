#!/bin/sh
# run.sh - the capability matrix in make test (tests/*/run.sh convention):
# 18,650 generated letters (TPI 8,700, ESI 5,350, opioids 4,600), 50 per cell (so that one failure is 2%, the
# gate), fixed seed; ends "capability: N passed, N failed" counting cells,
# exit 1 when a cell is above 2%. make capability shows the table (-v:
# failing examples).
cd "$(dirname "$0")/../.." || exit 2
exec /usr/bin/python3 tests/capability/run.py --per-cell 50 \
  --known tests/capability/known-packs.txt \
  --bin "${IMRAUDIT:-./imraudit}" "$@"
