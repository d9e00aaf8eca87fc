#!/usr/bin/env bash
# Executes notebooks-data/outlets.ipynb headless against the committed sample CSVs (or, with a
# framelens binary as $1, against a fresh batch run of corpora/samples/). Skips (exit 77) when
# jupyter nbconvert or the Python packages are missing.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v jupyter >/dev/null || ! jupyter nbconvert --version >/dev/null 2>&1 ||
   ! /usr/bin/python3 -c "import pandas, matplotlib, ipykernel" 2>/dev/null; then
  echo "SKIP: jupyter-nbconvert, python3-ipykernel, python3-pandas or python3-matplotlib missing"; exit 77
fi
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
cp "$HERE/notebooks-data/outlets.ipynb" "$TMP/"
if [ -n "${1:-}" ]; then
  "$(realpath "$1")" batch "$HERE/corpora/samples/" --out "$TMP/out" --quiet
  export FRAMELENS_OUT="$TMP/out"
else
  cp -r "$HERE/notebooks-data/sample-output" "$TMP/"
fi
(cd "$TMP" && jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=120 \
   --output executed.ipynb outlets.ipynb >/dev/null 2>"$TMP/log") || { cat "$TMP/log"; echo "FAIL"; exit 1; }
# Every plot cell produced an image.
n=$(grep -c '"image/png"' "$TMP/executed.ipynb" || true)
test "$n" -ge 3 || { echo "FAIL: only $n figures"; exit 1; }
echo "PASS: notebook executed ($n figures)"
