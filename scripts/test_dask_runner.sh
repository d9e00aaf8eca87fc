#!/usr/bin/env bash
# Integration test of scripts/dask_runner.py: a LocalCluster of 2 workers scores a small corpus in
# 3 shards through `framelens batch --jsonl` with the shipped models, merges with `framelens
# aggregate`, and every table must equal that of a direct `framelens batch --out` (articles.csv
# apart from its `source` column, which names the shard line). Skips (exit 77) without Dask.
# Usage: scripts/test_dask_runner.sh path/to/framelens
set -euo pipefail
BIN="$(realpath "${1:?usage: test_dask_runner.sh FRAMELENS_BINARY}")"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
PY=/usr/bin/python3
if ! "$PY" -c "import dask.distributed" 2>/dev/null; then
  echo "SKIP: python3-distributed is not installed"; exit 77
fi
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
MODELS="$HERE/models"
# 5 copies of the sample articles with distinct ids, plus one bad line.
"$PY" - "$HERE/corpora/samples/sample_articles.jsonl" "$TMP/corpus.jsonl" <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as f:
    for k in range(5):
        for r in rows:
            r = dict(r, id="%s-%d" % (r["id"], k), k=k)
            f.write(json.dumps(r) + "\n")
    f.write("{broken\n")
PY
"$PY" "$HERE/scripts/dask_runner.py" "$TMP/corpus.jsonl" --out "$TMP/dask" --framelens "$BIN" \
  --models "$MODELS" --workers 2 --shard-lines 12 --keep-fields k
test "$(ls "$TMP/dask/shards" | wc -l)" -eq 3
set +e
"$BIN" batch "$TMP/corpus.jsonl" --out "$TMP/direct" --models "$MODELS" --quiet --keep-fields k 2>/dev/null
rc=$?
set -e
test "$rc" -eq 1  # the broken line is skipped
grep -q '"stance":{"score"' "$TMP/direct/articles.jsonl"  # real models, not an empty folder
for f in outlets.csv outlet_actor_stance.csv sentences.csv loaded_terms.csv quotes.csv actors.csv stories.csv; do
  cmp "$TMP/dask/$f" "$TMP/direct/$f" || { echo "FAIL: $f differs between dask and batch"; exit 1; }
done
cut_source() { "$PY" -c 'import csv,sys; w=csv.writer(sys.stdout, lineterminator="\r\n"); [w.writerow(r[:2]+r[3:]) for r in csv.reader(open(sys.argv[1], newline=""))]' "$1"; }
cmp <(cut_source "$TMP/dask/articles.csv") <(cut_source "$TMP/direct/articles.csv") \
  || { echo "FAIL: articles.csv differs between dask and batch"; exit 1; }
grep -q '"git_commit"' "$TMP/dask/run.json"
test "$(wc -l < "$TMP/dask/articles.jsonl")" -eq 30
grep -q "class=\"crow\"" "$TMP/dask/report.html"  # a chart row per outlet
echo "PASS: dask runner (2 workers, 3 shards, shipped models) writes every table of batch --out, identical"
