#!/usr/bin/env bash
# Integration test of scripts/dask_runner.py: a LocalCluster of 2 workers scores a small corpus in
# 3 shards through `framelens batch --jsonl`, merges with `framelens aggregate`, and the outlet
# tables must equal those of a direct `framelens batch --out`. Skips (exit 77) without Dask.
# Usage: scripts/test_dask_runner.sh path/to/framelens
set -euo pipefail
BIN="$(realpath "${1:?usage: test_dask_runner.sh FRAMELENS_BINARY}")"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
PY=/usr/bin/python3
if ! "$PY" -c "import dask.distributed" 2>/dev/null; then
  echo "SKIP: python3-distributed is not installed"; exit 77
fi
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/models"
# 5 copies of the sample articles with distinct ids, plus one bad line.
"$PY" - "$HERE/corpora/samples/sample_articles.jsonl" "$TMP/corpus.jsonl" <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as f:
    for k in range(5):
        for r in rows:
            r = dict(r, id="%s-%d" % (r["id"], k))
            f.write(json.dumps(r) + "\n")
    f.write("{broken\n")
PY
"$PY" "$HERE/scripts/dask_runner.py" "$TMP/corpus.jsonl" --out "$TMP/dask" --framelens "$BIN" \
  --models "$TMP/models" --workers 2 --shard-lines 12
test "$(ls "$TMP/dask/shards" | wc -l)" -eq 3
set +e
"$BIN" batch "$TMP/corpus.jsonl" --out "$TMP/direct" --models "$TMP/models" --quiet 2>/dev/null
rc=$?
set -e
test "$rc" -eq 1  # the broken line is skipped
for f in outlets.csv outlet_actor_stance.csv; do
  cmp "$TMP/dask/$f" "$TMP/direct/$f" || { echo "FAIL: $f differs between dask and batch"; exit 1; }
done
test "$(wc -l < "$TMP/dask/articles.jsonl")" -eq 30
grep -q "class=\"crow\"" "$TMP/dask/report.html"  # a chart row per outlet
echo "PASS: dask runner (2 workers, 3 shards) matches batch --out"
