#!/usr/bin/env bash
# The main job: installs what is missing, builds, and renders the full record set of the
# example case files into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
mkdir -p out
for file in examples/*.json; do
    name=$(basename "$file" .json)
    build/ehdocs render "$file" --all --out-dir "out/$name"
done
echo "The record sets are in $(pwd)/out/"
