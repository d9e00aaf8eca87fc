#!/usr/bin/env bash
# The README's test command: installs what is missing, builds and runs the unit tests, then the
# same tests under AddressSanitizer + UBSan, then a short libFuzzer run of every fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS="build-essential cmake pkg-config libeigen3-dev libfasttext-dev fasttext nlohmann-json3-dev catch2 zlib1g-dev"
# Integration tests: HTML rendering in headless Chromium, the Dask runner, the notebook, the README
# tour, the exit-code table, the CSV round trip through pandas and R.
PKGS="$PKGS chromium python3-distributed jupyter-nbconvert python3-ipykernel python3-matplotlib python3-pandas"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
# Optional: clang with the libFuzzer runtime for the fuzz step at the end (skipped without them).
FUZZ_PKGS="clang libclang-rt-14-dev"
# Optional: R for the CSV round trip (integration.csv_roundtrip skips the R half without it).
if ! dpkg -s r-base-core >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq r-base-core; } ||
    echo "note: could not install r-base-core; the R half of the CSV round trip will be skipped"
fi
fuzz_missing=""
for p in $FUZZ_PKGS; do dpkg -s "$p" >/dev/null 2>&1 || fuzz_missing="$fuzz_missing $p"; done
if [ -n "$fuzz_missing" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $fuzz_missing; } ||
    echo "note: could not install$fuzz_missing; the fuzz step will be skipped"
fi
JOBS="$(nproc)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$JOBS"
(cd build && ctest --output-on-failure -j"$JOBS")
echo "== AddressSanitizer + UBSan build"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRAMELENS_SANITIZE=ON -DFRAMELENS_BENCH=OFF >/dev/null
cmake --build build-asan -j"$JOBS"
# The integration tests run the same binaries; under the sanitizers only the unit tests are repeated.
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j"$JOBS" -E '^integration\.')
# Short fuzz run (FUZZ_SECONDS per target, default 30; 0 skips). The long run is fuzz/run.sh 600.
FUZZ_SECONDS="${FUZZ_SECONDS:-30}"
if [ "$FUZZ_SECONDS" -eq 0 ]; then
  echo "== fuzzing skipped (FUZZ_SECONDS=0)"
elif ! echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' |
     clang++ -x c++ -fsanitize=fuzzer,address,undefined -o /dev/null - >/dev/null 2>&1; then
  echo "== fuzzing skipped: clang++ with libFuzzer is not available (apt-get install $FUZZ_PKGS)"
else
  echo "== libFuzzer: ${FUZZ_SECONDS}s per target"
  ./fuzz/run.sh "$FUZZ_SECONDS"
fi
