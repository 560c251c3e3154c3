#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs every test suite through ctest, then
# each fuzz harness briefly (under a minute in all; scripts/fuzz.sh, docs/security.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)")
scripts/fuzz.sh --ci
