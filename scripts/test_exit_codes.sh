#!/usr/bin/env bash
# The README's exit-code table, case by case: every row's example command is run (with
# `framelens` replaced by the binary under test, from a scratch folder holding the inputs the
# examples name) and must exit with that row's code and, for codes other than 0, print a one-line
# "framelens CMD: ..." message on stderr.
# Usage: scripts/test_exit_codes.sh path/to/framelens
set -euo pipefail
BIN="$(realpath "${1:?usage: test_exit_codes.sh FRAMELENS_BINARY}")"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
ln -s "$HERE/corpora" corpora
# Inputs the examples use: one good and one bad record.
head -n 1 "$HERE/corpora/samples/sample_articles.jsonl" > bad.jsonl
echo '{"id":"broken", "text":' >> bad.jsonl
printf '' > x.txt
# Rows: | code | meaning | `example` |
rows="$(awk '/^## Exit codes/{t=1;next} t&&/^## /{exit} t&&/^\| [0-9] \|/' "$HERE/README.md")"
[ -n "$rows" ] || { echo "FAIL: no exit-code table in README.md"; exit 1; }
fail=0; seen=""
while IFS= read -r row; do
  code="$(echo "$row" | awk -F'|' '{gsub(/ /,"",$2); print $2}')"
  example="$(echo "$row" | sed -n 's/.*`\(framelens [^`]*\)`.*/\1/p')"
  [ -n "$example" ] || { echo "FAIL: exit code $code has no example"; fail=1; continue; }
  cmd="\"$BIN\"${example#framelens}"
  set +e
  timeout 120 bash -c "$cmd" > out.txt 2> err.txt
  rc=$?
  set -e
  if [ "$rc" -ne "$code" ]; then
    echo "FAIL: '$example' exited $rc, the table says $code"; head -n 3 err.txt; fail=1
  elif [ "$code" -ne 0 ] && ! grep -q "^framelens" err.txt; then
    echo "FAIL: '$example' (exit $code) gave no framelens message on stderr"; fail=1
  else
    echo "ok: exit $code: $example: $(grep -m1 '^framelens' err.txt || echo '(no message)')"
  fi
  seen="$seen $code"
done <<< "$rows"
for c in 0 1 2 3 4 5; do
  case " $seen " in *" $c "*) ;; *) echo "FAIL: exit code $c has no row in the table"; fail=1 ;; esac
done
[ "$fail" -eq 0 ] && echo "PASS: every exit code of the README table checked"
exit "$fail"
