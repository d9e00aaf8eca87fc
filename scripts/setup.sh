#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds build/framelens, and scores the sample article with
# the shipped models.
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS="build-essential cmake pkg-config libeigen3-dev libfasttext-dev fasttext nlohmann-json3-dev catch2 zlib1g-dev"
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
