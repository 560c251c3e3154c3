#!/usr/bin/env bash
# Configures and builds ehdocs into build/ (build/ehdocs is the command-line tool and service).
# With arguments, builds only those targets (e.g. `scripts/build.sh ehdocs`).
# Uses ccache when the machine has it (developers' rebuilds across checkouts); CI needs none.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build build -j"$(nproc)" "${targets[@]}"
