#!/usr/bin/env bash
# Installs every Debian package ehdocs needs to build, run and test.
# Idempotent: quiet and quick when everything is already present.
set -euo pipefail

packages=(
    cmake g++ make pkg-config
    libpoco-dev                 # HTTP server, JSON, SQLite, PostgreSQL, Util, Crypto, Zip
    libpq-dev                   # PostgreSQL client: turns a postgresql:// URL into its settings
    postgresql                  # initdb/pg_ctl: the store tests start a throwaway cluster
    libkainjow-mustache-dev     # templates
    libxlsxwriter-dev           # workbooks
    wkhtmltopdf                 # HTML to PDF engine
    bubblewrap                  # cuts the PDF engine off from the network
    libqpdf-dev                 # page numbers and marking stamped on PDFs
    libboost-test-dev           # tests
    sqlite3                     # the online backup docs/deployment.md describes, tested
    libboost-program-options-dev  # command-line parsing
    fonts-dejavu-core fonts-liberation2   # same-looking PDFs everywhere
    poppler-utils               # pdftotext in tests
    python3-jsonschema python3-openpyxl python3-xlsxwriter   # independent checkers in tests and benchmarks
    python3-yaml                # reads docs/openapi.yaml in tests/server/api_docs_test.py
    python3-pyphen              # syllables for the family letters' reading grade (scripts/reading_grade.py)
    wrk                         # service benchmark
    curl
    libsodium-dev               # Argon2id password hashes for signing in to the web app
    chromium                    # the web app's browser tests (headless, driven by puppeteer-core)
)
# Node and npm build the web app's stylesheet from GOV.UK Frontend and run the browser tests;
# a machine that already has them (e.g. from NodeSource) keeps its own.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "ehdocs setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The npm packages pinned in package-lock.json (GOV.UK Frontend, sass, axe-core, puppeteer-core;
# no install scripts, no browser download), then the web app's assets in web/dist/ (docs/web.md).
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "ehdocs setup: installing the npm packages of package-lock.json"
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
stamp=web/dist/app.css
if [ ! -f "$stamp" ] || [ -n "$(find web/styles web/assets web/build-assets.mjs package-lock.json -newer "$stamp" -print -quit)" ]; then
    node web/build-assets.mjs
fi
