#!/bin/sh
# run.sh - the capability matrix in make test (tests/*/run.sh convention):
# 8,700 generated letters, 50 per cell (so that one failure is 2%, the
# gate), fixed seed; ends "capability: N passed, N failed" counting cells,
# exit 1 when a cell is above 2%. make capability shows the table (-v:
# failing examples).
cd "$(dirname "$0")/../.." || exit 2
exec /usr/bin/python3 tests/capability/run.py --per-cell 50 \
  --bin "${IMRAUDIT:-./imraudit}" "$@"
