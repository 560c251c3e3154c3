#!/usr/bin/env bash
# Configures and builds ehdocs into build/ (build/ehdocs is the command-line tool and service).
# With arguments, builds only those targets (e.g. `scripts/build.sh ehdocs`).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build build -j"$(nproc)" "${targets[@]}"
