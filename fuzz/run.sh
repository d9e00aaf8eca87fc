#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 60; the documented long
# run uses 600). Usage: fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-60}"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRAMELENS_FUZZ=ON \
  -DFRAMELENS_TESTS=OFF -DFRAMELENS_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_text_reader fuzz_json_record fuzz_quotes fuzz_score
mkdir -p fuzz-out
for t in text_reader:text json_record:json quotes:quotes score:text; do
  name="${t%%:*}"; seeds="fuzz/corpus/${t##*:}"
  work="fuzz-out/$name"; mkdir -p "$work"
  echo "== fuzz_$name for ${SECS}s"
  set +e
  ./build-fuzz/fuzz_"$name" "$work" "$seeds" -max_total_time="$SECS" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="fuzz-out/$name-" >"fuzz-out/$name.log" 2>&1
  rc=$?
  set -e
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|ERROR|SUMMARY" "fuzz-out/$name.log" || true
  if [ "$rc" -ne 0 ]; then echo "fuzz_$name failed (exit $rc), see fuzz-out/$name.log"; exit 1; fi
done
echo "fuzzing finished: no crashes"
