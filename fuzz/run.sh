#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (-fsanitize=fuzzer,address,undefined) and runs each one
# for SECONDS (default 60; CI uses 30, the documented long run 600), one target after the other.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   (TARGET: text_reader json_record jsonl quotes score)
# Prints one summary line per target; exits 1 if any target found a crash, leak, UB or timeout
# (the reproducer is written to fuzz-out/NAME-crash-*). Logs: fuzz-out/NAME.log.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-60}"
shift || true
# name:seed folder
ALL="text_reader:text json_record:json jsonl:jsonl quotes:quotes score:text"
TARGETS=""
if [ "$#" -eq 0 ]; then
  TARGETS="$ALL"
else
  for want in "$@"; do
    hit=""
    for t in $ALL; do [ "${t%%:*}" = "$want" ] && hit="$t"; done
    [ -n "$hit" ] || { echo "unknown fuzz target: $want (have: text_reader json_record jsonl quotes score)"; exit 2; }
    TARGETS="$TARGETS $hit"
  done
fi
JOBS="$(nproc)"; [ "$JOBS" -gt 2 ] && JOBS=2
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRAMELENS_FUZZ=ON \
  -DFRAMELENS_TESTS=OFF -DFRAMELENS_BENCH=OFF >/dev/null
bins=""
for t in $TARGETS; do bins="$bins fuzz_${t%%:*}"; done
cmake --build build-fuzz -j"$JOBS" --target $bins
mkdir -p fuzz-out
# UBSan findings abort (libFuzzer then saves the input) instead of printing and carrying on.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
failed=""
printf '%-12s %6s %12s %8s %6s %7s %7s %8s %s\n' target seconds execs exec/s cov ft corpus rss_mb result
for t in $TARGETS; do
  name="${t%%:*}"; seeds="fuzz/corpus/${t##*:}"
  work="fuzz-out/$name"; mkdir -p "$work"
  set +e
  ./build-fuzz/fuzz_"$name" "$work" "$seeds" -max_total_time="$SECS" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="fuzz-out/$name-" >"fuzz-out/$name.log" 2>&1
  rc=$?
  set -e
  log="fuzz-out/$name.log"
  stat() { grep -E "^stat::$1:" "$log" | awk '{print $2}' | tail -1; }
  # The last status line ("#N DONE cov: C ft: F corp: U/SIZE ...") has the final coverage.
  last="$(grep -E '^#[0-9]+' "$log" | tail -1)"
  cov="$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")"
  ft="$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")"
  corp="$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")"
  result="ok"
  if [ "$rc" -ne 0 ]; then result="FAILED(exit $rc, see $log)"; failed="$failed $name"; fi
  printf '%-12s %6s %12s %8s %6s %7s %7s %8s %s\n' "$name" "$SECS" "$(stat number_of_executed_units)" \
    "$(stat average_exec_per_sec)" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$(stat peak_rss_mb)" "$result"
  if [ "$rc" -ne 0 ]; then grep -E "ERROR|SUMMARY|runtime error" "$log" | head -5 || true; fi
done
if [ -n "$failed" ]; then echo "fuzzing FAILED:$failed"; exit 1; fi
echo "fuzzing finished: no crashes"
