#!/usr/bin/env bash
# Benchmarks the records service over loopback with wrk (Debian package wrk), against the real
# executable and a fresh database:
#   1. GET /api/v1/cases/{id}/readiness for the Okafor case (target: >= 2,000 requests/s on
#      2 cores, p99 <= 20 ms, no errors);
#   2. POST /api/v1/cases/{id}/documents issuing a closure letter as PDF, one client at a time
#      (target: p50 <= 60 ms).
# Usage: bench/bench_service.sh [EHDOCS_BINARY] [SECONDS]   (defaults: build/ehdocs, 15)
# Figures and the machine they came from go in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ehdocs=${1:-build/ehdocs}
seconds=${2:-15}
command -v wrk >/dev/null || { echo "bench_service: wrk is not installed (scripts/setup.sh)" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() {
    [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

token=$("$ehdocs" user add bench --role admin --data "$work/data" | tail -n 1)
"$ehdocs" serve --port 0 --data "$work/data" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
    grep -q "listening on" "$work/serve.log" && break
    sleep 0.1
done
address=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.log" | head -n 1)
[ -n "$address" ] || { cat "$work/serve.log" >&2; exit 1; }

case_url="$address/api/v1/cases/NH-FF-2026-0142"
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" \
    --data-binary @examples/okafor-ready-to-close.json "$address/api/v1/cases"
curl -sf -o /dev/null -H "Authorization: Bearer $token" "$case_url/readiness"

# The server's own CPU time (user + system, in clock ticks) from /proc: a figure that other
# load on the machine does not distort the way throughput is distorted.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
ticks_per_second=$(getconf CLK_TCK)

echo "== machine: $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== 1. GET readiness (Okafor), wrk -t2 -c32 -d${seconds}s"
before=$(cpu_ticks)
wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$case_url/readiness" |
    tee "$work/readiness.txt"
after=$(cpu_ticks)
requests=$(awk '/requests in/ {print $1}' "$work/readiness.txt")

cat >"$work/issue.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"type": "closure_letter", "format": "pdf"}'
wrk.headers["Content-Type"] = "application/json"
LUA
# Warm the PDF engine pool first (the first document starts the engine processes).
for _ in 1 2 3; do
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" \
        -d '{"type": "closure_letter", "format": "pdf"}' "$case_url/documents"
done
echo "== 2. POST documents (closure_letter, pdf), one client, wrk -t1 -c1 -d${seconds}s"
wrk -t1 -c1 -d"${seconds}s" --latency -s "$work/issue.lua" -H "Authorization: Bearer $token" \
    "$case_url/documents" | tee "$work/issue.txt"

echo "== summary"
awk -v t=$((after - before)) -v hz="$ticks_per_second" -v n="$requests" \
    'BEGIN {printf "readiness server CPU per request: %.3f ms (%d requests)\n", 1000 * t / hz / n, n}'
awk '/Requests\/sec/ {print "readiness requests/s: " $2} / 50%/ {print "readiness p50: " $2}
     / 99%/ {print "readiness p99: " $2} /Non-2xx|Socket errors/ {print "readiness errors: " $0}' \
    "$work/readiness.txt"
awk '/ 50%/ {print "issue pdf p50: " $2} / 99%/ {print "issue pdf p99: " $2}
     /Requests\/sec/ {print "issue pdf documents/s: " $2} /Non-2xx|Socket errors/ {print "issue errors: " $0}' \
    "$work/issue.txt"
