#!/usr/bin/env bash
# The README's five-minute tour as a test, on a fresh checkout: copies the tracked files (git
# ls-files; no build/, no results/) into a new folder, puts the binary under test at
# build/framelens there, and runs every command line of the tour block one at a time, failing on
# the first that exits non-zero or prints nothing. Skips (77) when a step's tool is missing
# (pandas for step 4).
# Usage: scripts/test_readme_tour.sh path/to/framelens
set -euo pipefail
BIN="$(realpath "${1:?usage: test_readme_tour.sh FRAMELENS_BINARY}")"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
cd "$HERE"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z | tar --null -T - -cf - 2>/dev/null | tar -xf - -C "$TMP"
else
  tar --exclude=./build --exclude=./results -cf - . | tar -xf - -C "$TMP"
fi
mkdir -p "$TMP/build"
ln -s "$BIN" "$TMP/build/framelens"
# The tour: the first ```sh block after "## A five-minute tour".
awk '/^## A five-minute tour/{t=1} t&&/^```sh/{b=1;next} b&&/^```/{exit} b' "$HERE/README.md" > "$TMP/tour.sh"
steps=0
cd "$TMP"
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  cmd="${line%%  #*}"   # drop a trailing comment
  cmd="${cmd%% # *}"
  if [[ "$cmd" == *"import pandas"* ]] && ! /usr/bin/python3 -c "import pandas" 2>/dev/null; then
    echo "SKIP: pandas is not installed (apt-get install python3-pandas)"; exit 77
  fi
  steps=$((steps + 1))
  echo "== step $steps: $cmd"
  set +e
  timeout 120 bash -o pipefail -c "$cmd" > "$TMP/step.out" 2> "$TMP/step.err"
  rc=$?
  set -e
  # `| head` may close the pipe early: SIGPIPE (141) of the writer is not a failure.
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 141 ]; then
    echo "FAIL: step $steps exited $rc"; cat "$TMP/step.err"; exit 1
  fi
  if [ ! -s "$TMP/step.out" ] && [[ "$cmd" != *">"* ]] && [[ "$cmd" != *"batch"* ]]; then
    echo "FAIL: step $steps printed nothing"; cat "$TMP/step.err"; exit 1
  fi
  head -n 3 "$TMP/step.out"
done < "$TMP/tour.sh"
[ "$steps" -ge 6 ] || { echo "FAIL: found only $steps tour steps in README.md"; exit 1; }
for f in envoy.html results/report.html results/outlets.csv results/articles.csv; do
  [ -s "$f" ] || { echo "FAIL: the tour did not produce $f"; exit 1; }
done
echo "PASS: all $steps README tour steps ran on a fresh checkout"
