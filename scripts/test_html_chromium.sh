#!/usr/bin/env bash
# Renders report.html (batch --out) and `score --format html` in headless Chromium from articles
# carrying <script>, </style> and onerror= payloads: takes a screenshot of each, and fails on any
# console message (script error, CSP violation, blocked network load) and on any script element
# or injected <img> in the rendered DOM. Skips (exit 77) when chromium is not installed.
# Usage: scripts/test_html_chromium.sh path/to/framelens
set -euo pipefail
BIN="$(realpath "${1:?usage: test_html_chromium.sh FRAMELENS_BINARY}")"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
CHROME="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROME" ]; then echo "SKIP: chromium is not installed"; exit 77; fi
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
cat "$HERE/corpora/samples/sample_articles.jsonl" > "$TMP/in.jsonl"
cat >> "$TMP/in.jsonl" <<'JSON'
{"id":"hostile-1","outlet":"Evil <script>alert(1)</script> Post","title":"</title><script>alert(2)</script>","text":"Hostile <script>alert(3)</script> and </style><img src=x onerror=alert(4)> text. \"<script>alert(5)</script>,\" said Mayor Eve <b>Bold</b>. Critics slammed the plan."}
JSON
mkdir "$TMP/models"  # learned layers off: the page must render with whatever layers are present
"$BIN" batch "$TMP/in.jsonl" --out "$TMP/out" --quiet
tail -n 1 "$TMP/in.jsonl" > "$TMP/one.json"
"$BIN" score "$TMP/one.json" --format html > "$TMP/score.html"

fail=0
# The hostile record is the 7th: its view is report-pages/000007.html (report.html lists its title).
for page in "$TMP/out/report.html" "$TMP/out/report-pages/000007.html" "$TMP/score.html"; do
  name="$(basename "$page" .html)"
  profile="$(mktemp -d)"
  flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
         --disable-component-update --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0
         --window-size=1200,1600)
  timeout 90 "$CHROME" "${flags[@]}" --screenshot="$TMP/$name.png" "file://$page" >/dev/null 2>"$TMP/$name.log" || true
  timeout 90 "$CHROME" "${flags[@]}" --dump-dom "file://$page" >"$TMP/$name.dom" 2>>"$TMP/$name.log" || true
  rm -rf "$profile"
  if [ ! -s "$TMP/$name.png" ] || [ "$(head -c 8 "$TMP/$name.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    echo "FAIL: $name: no screenshot"; fail=1
  fi
  if ! grep -q "</html>" "$TMP/$name.dom"; then echo "FAIL: $name: DOM not rendered"; fail=1; fi
  if grep -Eiq "<script|<img|onerror=\"" "$TMP/$name.dom"; then
    echo "FAIL: $name: script or injected element in the DOM"; grep -Eio ".{40}(<script|<img|onerror=\").{40}" "$TMP/$name.dom" | head -3; fail=1
  fi
  if grep -Eq "CONSOLE|Uncaught|Refused to|Content Security Policy" "$TMP/$name.log"; then
    echo "FAIL: $name: console messages"; grep -E "CONSOLE|Uncaught|Refused to|Content Security Policy" "$TMP/$name.log" | head -5; fail=1
  fi
  want="alert(3)"; [ "$name" = report ] && want="alert(2)"  # the article text, or its title in the index
  grep -q "$want" "$TMP/$name.dom" || { echo "FAIL: $name: hostile text not shown as text"; fail=1; }
  echo "$name: screenshot $(stat -c %s "$TMP/$name.png") bytes"
  [ -n "${KEEP_SCREENSHOTS:-}" ] && cp "$TMP/$name.png" "$KEEP_SCREENSHOTS/" || true
done
[ "$fail" -eq 0 ] && echo "PASS: the report, an article page and the score page render in headless Chromium without script errors"
exit "$fail"
