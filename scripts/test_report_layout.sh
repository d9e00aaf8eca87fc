#!/usr/bin/env bash
# report.html with 20 outlets in headless Chromium: builds a batch of 20 outlets (4 articles each,
# some with very long names) from the sample articles, injects scripts/report_layout_check.js
# into a copy of report.html (the report itself runs no script) and checks in the rendered DOM
# that every chart row names its outlet and n, rows are sorted, no text overflows its box and
# axis ticks do not overlap; then checks that 500 articles keep report.html under 3 MB (one page
# per article). Keeps a screenshot in $KEEP_SCREENSHOTS when set. Skips (77) without chromium.
# Usage: scripts/test_report_layout.sh path/to/framelens
set -euo pipefail
BIN="$(realpath "${1:?usage: test_report_layout.sh FRAMELENS_BINARY}")"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
CHROME="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROME" ]; then echo "SKIP: chromium is not installed"; exit 77; fi
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
/usr/bin/python3 - "$HERE/corpora/samples" "$TMP" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
recs = [json.loads(l) for l in open(src + "/sample_articles.jsonl", encoding="utf-8") if l.strip()]
recs.append({"title": "Envoy talks", "text": open(src + "/envoy-talks.txt", encoding="utf-8").read()})
names = ["Outlet %02d" % k for k in range(1, 21)]
names[3] = "The Very Long Named Metropolitan Evening Chronicle and Sunday Gazette of the Northern Provinces"
names[7] = "Capital Courier"
names[11] = "Le Monde diplomatique (édition anglaise)"
with open(out + "/in20.jsonl", "w", encoding="utf-8") as f:
    for k, name in enumerate(names):
        for j in range(4):
            r = dict(recs[(k * 3 + j * (k % 5 + 1)) % len(recs)])
            r["id"] = "o%02d-%d" % (k, j)
            r["outlet"] = name
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open(out + "/outlets.json", "w", encoding="utf-8") as f:
    json.dump(names, f, ensure_ascii=False)
with open(out + "/in500.jsonl", "w", encoding="utf-8") as f:
    for i in range(500):
        r = dict(recs[i % len(recs)])
        r["id"] = "a%03d" % i
        r["outlet"] = names[i % 20]
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
"$BIN" batch "$TMP/in20.jsonl" --out "$TMP/out20" --quiet
{
  sed 's/<meta http-equiv="Content-Security-Policy"[^>]*>//' "$TMP/out20/report.html" | sed 's#</body></html>##'
  echo "<script>window.FRAMELENS_OUTLETS = $(cat "$TMP/outlets.json");</script>"
  echo "<script>"; cat "$HERE/scripts/report_layout_check.js"; echo "</script></body></html>"
} > "$TMP/out20/check.html"
profile="$(mktemp -d)"
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-sync
       --disable-component-update --user-data-dir="$profile" --window-size=1280,1000 --virtual-time-budget=5000)
timeout 120 "$CHROME" "${flags[@]}" --dump-dom "file://$TMP/out20/check.html" > "$TMP/check.dom" 2>/dev/null || true
timeout 120 "$CHROME" "${flags[@]/--window-size=1280,1000/--window-size=1280,4200}" \
  --screenshot="$TMP/report20.png" "file://$TMP/out20/report.html" >/dev/null 2>&1 || true
rm -rf "$profile"
[ -n "${KEEP_SCREENSHOTS:-}" ] && cp "$TMP/report20.png" "$KEEP_SCREENSHOTS/" 2>/dev/null || true
fail=0
result="$(sed -n 's/.*<pre id="layout-check">\([^<]*\)<\/pre>.*/\1/p' "$TMP/check.dom" | sed 's/&quot;/"/g; s/&amp;/\&/g')"
if [ -z "$result" ]; then echo "FAIL: the check script did not run"; fail=1; else
  echo "layout: $result"
  /usr/bin/python3 - "$result" <<'PY' || fail=1
import json, sys
r = json.loads(sys.argv[1])
ok = r["errors"] == 0 and r["charts"] >= 10 and r["rows"] >= 150 and r["toc"] >= 4
for e in r["first_errors"]:
    print("  -", e)
sys.exit(0 if ok else 1)
PY
fi
[ -s "$TMP/report20.png" ] || { echo "FAIL: no screenshot"; fail=1; }
# 500 articles: report.html stays small, one page per article.
"$BIN" batch "$TMP/in500.jsonl" --out "$TMP/out500" --quiet --report-articles 500
size=$(stat -c %s "$TMP/out500/report.html")
pages=$(ls "$TMP/out500/report-pages" | grep -c '^[0-9]*\.html$' || true)
echo "500 articles: report.html $size bytes, $pages article pages"
[ "$size" -lt 3000000 ] || { echo "FAIL: report.html is $size bytes with 500 articles"; fail=1; }
[ "$pages" -eq 500 ] || { echo "FAIL: $pages article pages, expected 500"; fail=1; }
grep -q 'href="report-pages/000500.html"' "$TMP/out500/report.html" || { echo "FAIL: no link to page 500"; fail=1; }
[ "$fail" -eq 0 ] && echo "PASS: report.html with 20 outlets lays out in Chromium; 500 articles stay small"
exit "$fail"
