#!/usr/bin/env bash
# Installs every Debian package ehdocs needs to build, run and test.
# Idempotent: quiet and quick when everything is already present.
set -euo pipefail

packages=(
    cmake g++ make pkg-config
    libpoco-dev                 # HTTP server, JSON, SQLite, Util, Crypto, Zip
    libkainjow-mustache-dev     # templates
    libxlsxwriter-dev           # workbooks
    wkhtmltopdf                 # HTML to PDF engine
    bubblewrap                  # cuts the PDF engine off from the network
    libqpdf-dev                 # page numbers and marking stamped on PDFs
    libboost-test-dev           # tests
    libboost-program-options-dev  # command-line parsing
    fonts-dejavu-core fonts-liberation2   # same-looking PDFs everywhere
    poppler-utils               # pdftotext in tests
    python3-jsonschema python3-openpyxl python3-xlsxwriter   # independent checkers in tests and benchmarks
    python3-yaml                # reads docs/openapi.yaml in tests/server/api_docs_test.py
    wrk                         # service benchmark
    clang libclang-rt-14-dev    # libFuzzer and the sanitizers for the fuzz harnesses (scripts/fuzz.sh)
    curl
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "ehdocs setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
