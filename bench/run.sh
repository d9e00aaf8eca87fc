#!/usr/bin/env bash
# Reproducible benchmark: builds Release, then on a fixed sample (the first N AllSides dev articles
# when ../shared/corpora is present, generated news-like text otherwise) reports per-stage and
# whole-batch throughput per core, peak RSS, model load time, memory as the input grows, and the
# same-run ratios against bare fastText (C++), scikit-learn TF-IDF+LR leaning, and Python fastText.
#   bench/run.sh [N]     (default N=2000); writes bench/results.json and bench/results.md
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
CORPORA="${FRAMELENS_CORPORA:-../shared/corpora}"
OUT=build/bench; mkdir -p "$OUT"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target framelens framelens_bench >/dev/null
PY=/usr/bin/python3

if [ -f "$CORPORA/allsides_article_bias/dev.jsonl.gz" ]; then
  { zcat "$CORPORA/allsides_article_bias/dev.jsonl.gz" || true; } | head -n "$N" \
    | $PY -c 'import sys,json
for l in sys.stdin:
    r=json.loads(l); print(json.dumps({k:r[k] for k in ("id","outlet","title","text") if k in r}, ensure_ascii=False))' > "$OUT/sample.jsonl"
  HAVE_CORPUS=1
else
  $PY - "$N" > "$OUT/sample.jsonl" <<'PYEOF'
import json, random, sys
random.seed(42)
S = ["Chinese Foreign Minister Wang Yi urged Seoul to remove \"obstacles\" to good relations.",
     "\"We hope the new government will correct its mistakes,\" he said on Thursday.",
     "Critics slammed the so-called reform as a radical giveaway to special interests.",
     "According to the ministry, growth slowed to 2.5 percent in the third quarter."]
for i in range(int(sys.argv[1])):
    t = ""
    while len(t) < 4500:
        t += " ".join(random.choice(S) for _ in range(4)) + "\n\n"
    print(json.dumps({"id": str(i), "outlet": "gen%d" % (i % 3), "text": t}))
PYEOF
  HAVE_CORPUS=0
fi

# The floor: a bare fastText supervised bigram model (dim 50) on the same kind of text.
FT="$OUT/bare_fasttext.bin"
if [ ! -f "$FT" ]; then
  if [ "$HAVE_CORPUS" = 1 ]; then
    zcat "$CORPORA/allsides_article_bias/train.jsonl.gz" | $PY -c 'import sys,json
for l in sys.stdin:
    r=json.loads(l); print("__label__"+r["bias"], r["text"].replace("\n"," "))' > "$OUT/ft_train.txt"
  else
    $PY -c 'import json
for l in open("'"$OUT/sample.jsonl"'"):
    r=json.loads(l); print("__label__"+r["outlet"], r["text"].replace("\n"," "))' > "$OUT/ft_train.txt"
  fi
  fasttext supervised -input "$OUT/ft_train.txt" -output "$OUT/bare_fasttext" -dim 50 -wordNgrams 2 \
    -epoch 5 -thread 2 -bucket 2000000 -verbose 0
fi

DATA_ARG=(--data "$OUT/sample.jsonl")
./build/framelens_bench "${DATA_ARG[@]}" --limit "$N" --fasttext "$FT" > "$OUT/stages.json"

# Whole batch, one core and all cores, with peak RSS; then 4x the input to show memory stays flat.
batch_run() {  # $1 = input file, $2 = jobs -> prints "wall_seconds cpu_seconds maxrss_kb"
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" ./build/framelens batch --jsonl --quiet -j "$2" < "$1" > /dev/null || true
  awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$OUT/time.txt"
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
read -r W1 S1 M1 < <(batch_run "$OUT/sample.jsonl" 1)
read -r W2 S2 M2 < <(batch_run "$OUT/sample.jsonl" "$(nproc)")
for i in 1 2 3 4; do cat "$OUT/sample.jsonl"; done > "$OUT/sample4.jsonl"
read -r W4 S4 M4 < <(batch_run "$OUT/sample4.jsonl" 1)

PEERS="{}"
if [ "$HAVE_CORPUS" = 1 ]; then
  PEERS=$($PY bench/peers.py "$OUT/sample.jsonl" "$CORPORA/allsides_article_bias/train.jsonl.gz" "$FT")
fi

$PY - "$OUT/stages.json" "$N" "$S1" "$M1" "$S2" "$M2" "$S4" "$M4" "$(nproc)" "$PEERS" "$W1" "$W2" "$LOAD_BEFORE" <<'PYEOF'
import json, sys, platform, datetime
st = json.load(open(sys.argv[1]))
n = st["articles"]; mb = st["megabytes"]
# s* are CPU seconds (user + system) of the whole process: per-core rates do not depend on what
# else the (possibly shared) machine runs; w* are wall seconds.
s1, m1, s2, m2, s4, m4 = map(float, sys.argv[3:9]); cores = int(sys.argv[9]); peers = json.loads(sys.argv[10])
w1, w2 = float(sys.argv[11]), float(sys.argv[12]); load = sys.argv[13]
res = {"date": datetime.date.today().isoformat(), "machine": platform.processor() or platform.machine(),
       "cores": cores, "load_average_before": load, "stages": st,
       "batch_1_core": {"articles_per_cpu_s": n / s1, "mb_per_cpu_s": mb / s1, "wall_articles_per_s": n / w1,
                        "peak_rss_mb": m1 / 1024},
       "batch_all_cores": {"per_core_articles_per_cpu_s": n / s2, "wall_articles_per_s": n / w2,
                           "peak_rss_mb": m2 / 1024},
       "batch_4x_input_1_core": {"articles": 4 * n, "articles_per_cpu_s": 4 * n / s4, "peak_rss_mb": m4 / 1024},
       "peers": peers}
json.dump(res, open("bench/results.json", "w"), indent=2)
bare = st.get("bare_fasttext", {}).get("articles_per_s")
rows = [("text layer (read + sentences + tokens)", st["text_layer"]["articles_per_s"], st["text_layer"]["mb_per_s"])]
for k, v in st["stages"].items():
    rows.append((f"stage `{k}` alone", v["articles_per_s"], v["mb_per_s"]))
rows.append(("JSON output alone (JsonWriter)", st["json_output"]["articles_per_s"], st["json_output"]["mb_per_s"]))
rows.append(("text layer + all stages + JSON, in-process", st["pipeline"]["articles_per_s"], st["pipeline"]["mb_per_s"]))
rows.append(("`batch --jsonl -j 1` (whole process, incl. model load, JSON in/out)", n / s1, mb / s1))
rows.append((f"`batch --jsonl -j 1` on the input 4 times ({4 * n} articles: model load amortised)", 4 * n / s4, 4 * mb / s4))
rows.append((f"`batch --jsonl -j {cores}` per core", n / s2, mb / s2))
if bare: rows.append(("(a) bare fastText bigram predict, C++", bare, st["bare_fasttext"]["mb_per_s"]))
if "sklearn_tfidf_lr_leaning" in peers:
    p = peers["sklearn_tfidf_lr_leaning"]; rows.append(("(b) scikit-learn TF-IDF+LR, leaning only", p["articles_per_s"], p["mb_per_s"]))
if "python_fasttext" in peers:
    p = peers["python_fasttext"]; rows.append(("(c) Python fastText binding predict", p["articles_per_s"], p["mb_per_s"]))
with open("bench/results.md", "w") as f:
    f.write(f"Benchmark of {res['date']}: {n} articles, {mb:.1f} MB ({st['source']}), {cores} cores, "
            f"load average before the run {load}.\n")
    f.write("Per-core rates are articles per CPU-second (thread CPU time in the harness, user+system time of\n"
            "the process for `batch`), so they hold on a shared machine; wall-clock rates are below the table.\n\n")
    f.write("| what | articles/s/core | MB/s/core | vs bare fastText |\n|---|---|---|---|\n")
    for name, aps, mbs in rows:
        ratio = f"{bare / aps:.2f}x slower" if bare and aps < bare else (f"{aps / bare:.2f}x faster" if bare else "")
        f.write(f"| {name} | {aps:,.0f} | {mbs:.1f} | {ratio} |\n")
    f.write(f"\nWall clock: `batch --jsonl -j 1` {n / w1:,.0f} articles/s, `-j {cores}` {n / w2:,.0f} articles/s.\n")
    f.write(f"Model load (wall time, in-process harness): {st['model_load_seconds']:.2f} s; RSS after loading all models: {st['peak_rss_mb_after_load']:.0f} MB.\n")
    f.write(f"Peak RSS of `batch --jsonl -j 1`: {m1/1024:.0f} MB for {n} articles, {m4/1024:.0f} MB for {4*n} (memory flat as input grows).\n")
print(open("bench/results.md").read())
PYEOF
