#!/usr/bin/env bash
# Every CSV of `batch --out` (and compare.csv) round-tripped through pandas and R's read.csv with
# no options, against the column types documented in docs/csv.md. The pandas half needs
# python3-pandas, the R half r-base-core; a half whose tool is missing is skipped (both missing:
# exit 77, reported as skipped).
# Usage: scripts/test_csv_roundtrip.sh path/to/framelens
set -euo pipefail
BIN="$(realpath "${1:?usage: test_csv_roundtrip.sh FRAMELENS_BINARY}")"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
have_py=0; have_r=0
/usr/bin/python3 -c "import pandas" 2>/dev/null && have_py=1
command -v Rscript >/dev/null 2>&1 && have_r=1
if [ "$have_py" -eq 0 ] && [ "$have_r" -eq 0 ]; then echo "SKIP: neither pandas nor R is installed"; exit 77; fi
"$BIN" batch "$HERE/corpora/samples/sample_articles.jsonl" --out "$TMP/out" --quiet
"$BIN" compare "$TMP/out" --outlets "Capital Courier,The Harbor Ledger" --csv "$TMP/out/compare.csv" >/dev/null 2>&1 || true
fail=0
if [ "$have_py" -eq 1 ]; then
  echo "== pandas"; /usr/bin/python3 "$HERE/scripts/csv_roundtrip.py" "$TMP/out" "$HERE/docs/csv.md" || fail=1
else
  echo "SKIP: pandas half (apt-get install python3-pandas)"
fi
if [ "$have_r" -eq 1 ]; then
  echo "== R"; Rscript "$HERE/scripts/csv_roundtrip.R" "$TMP/out" "$HERE/docs/csv.md" || fail=1
else
  echo "SKIP: R half (apt-get install r-base-core)"
fi
[ "$fail" -eq 0 ] && echo "PASS: every CSV reads with its documented types"
exit "$fail"
