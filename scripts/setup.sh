#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds build/framelens, and scores the sample article with
# the shipped models. Installs what every command of the README's tour uses:
#   build: build-essential cmake pkg-config libeigen3-dev libfasttext-dev fasttext
#          nlohmann-json3-dev catch2 zlib1g-dev
#   tour step 4 (load the tables in pandas): python3-pandas
# Optional (SETUP_OPTIONAL=1, or installed by scripts/test.sh): the notebook
# (jupyter-nbconvert python3-ipykernel python3-matplotlib), the HTML test (chromium), the Dask
# runner (python3-distributed), the R round-trip test (r-base-core).
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS="build-essential cmake pkg-config libeigen3-dev libfasttext-dev fasttext nlohmann-json3-dev catch2 zlib1g-dev"
PKGS="$PKGS python3-pandas"
if [ -n "${SETUP_OPTIONAL:-}" ]; then
  PKGS="$PKGS jupyter-nbconvert python3-ipykernel python3-matplotlib chromium python3-distributed r-base-core"
fi
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target framelens
./build/framelens score corpora/samples/envoy-talks.txt --format text
