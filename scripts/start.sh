#!/usr/bin/env bash
# The main job: installs what is missing, builds, renders the full record set of the example
# case files into out/ (HTML and PDF), then runs the records service on its embedded SQLite
# store with the example cases and one demo user per role (scripts/run-service.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh ehdocs

for file in examples/*.json; do
    name=$(basename "$file" .json)
    for format in html pdf; do
        build/ehdocs render "$file" --all --format "$format" --out-dir "out/$name"
    done
done
echo "The record sets of the examples are in $(pwd)/out/ (one folder per case, HTML and PDF)."
echo

EHDOCS_SKIP_BUILD=1 exec scripts/run-service.sh
