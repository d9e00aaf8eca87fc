#!/usr/bin/env bash
# Regenerates docs/guide.md from the built binary: every command's --help and real example runs on
# the project's own sample articles, so the guide cannot drift from the code.
#   scripts/gen_guide.sh  (needs build/framelens; run scripts/setup.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
B=./build/framelens
OUT=docs/guide.md
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
run() {  # prints a shell block with the command and its real output (trimmed)
  local lines="$1"; shift
  echo '```console'
  echo "\$ $*"
  (eval "$@" 2>&1 || true) | head -n "$lines"
  echo '```'
}
{
cat docs/guide-intro.md
echo
echo "## Commands"
echo
echo "### framelens --help"
run 200 "$B --help"
for c in score batch aggregate compare; do
  echo; echo "### framelens $c"
  run 200 "$B $c --help"
done
echo; echo "### framelens train"
run 60 "$B train --help"
echo; echo "### framelens eval"
run 60 "$B eval --help"
echo
echo "## Examples (real output)"
echo
echo "### Score one article, readable text"
run 60 "$B score corpora/samples/envoy-talks.txt --format text"
echo
echo "### Score one article, JSON (first lines)"
run 40 "$B score corpora/samples/envoy-talks.txt --pretty"
echo
echo "### Ask for the stance toward a span (targets)"
run 30 "echo '{\"id\":\"t1\",\"text\":\"Critics slammed Senator Lopez for her reckless plan.\",\"targets\":[{\"start\":24,\"end\":29}]}' | $B score - --pretty | sed -n '/\"targets\"/,\$p'"
echo
echo "### Streaming mode (one output line per input line)"
run 10 "head -n 2 corpora/samples/sample_articles.jsonl | $B batch --jsonl | cut -c1-160"
echo
echo "### Batch into CSV tables"
run 20 "$B batch corpora/samples/sample_articles.jsonl --out $TMP/out --quiet; ls $TMP/out"
echo
echo "### Compare every pair of outlets (Benjamini-Hochberg adjusted)"
run 16 "$B compare $TMP/out --by outlet --rows 6 | sed 's|$TMP|DIR|'"
echo
echo "### Stories and provenance"
run 4 "head -n 3 $TMP/out/stories.csv | cut -c1-160"
run 3 "$B --version | head -n 3"
echo
echo "### A bad record is reported and skipped"
run 10 "printf '{\"id\":\"ok\",\"text\":\"Fine.\"}\n{\"id\":\"bad\",\"text\":3}\n' | $B batch --jsonl | cut -c1-160; echo \"exit code: \${PIPESTATUS[1]}\""
} > "$OUT"
echo "wrote $OUT"
