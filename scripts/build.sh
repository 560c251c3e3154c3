#!/usr/bin/env bash
# Configures and builds ehdocs into build/ (build/ehdocs is the command-line tool and service).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
