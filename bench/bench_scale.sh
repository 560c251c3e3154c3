#!/usr/bin/env bash
# The caseload at an authority's size, against the real executable on SQLite and on PostgreSQL
# side by side (issue 12, Speed):
#   1. generates N case files (variations of the examples: four teams, a mix of open and closed);
#   2. for each store, imports the first 500 with `ehdocs import`, serves, and times with wrk
#      the first page of GET /api/v1/cases and a filtered page (team=West&late=true); then
#      imports the rest and times the same pages again.
# Target: the first page p99 <= 50 ms at 50,000 cases and within 1.5x of its time at 500.
# PostgreSQL runs in a throwaway cluster in a temporary folder (Debian's initdb and pg_ctl, as
# the user nobody when run as root), stopped at the end.
# Usage: bench/bench_scale.sh [EHDOCS_BINARY] [CASES] [SECONDS]   (defaults: build/ehdocs,
# 50000, 10). Figures and the machine they came from go in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ehdocs=$(realpath "${1:-build/ehdocs}")
cases=${2:-50000}
seconds=${3:-10}
small=500
command -v wrk >/dev/null || { echo "bench_scale: wrk is not installed (scripts/setup.sh)" >&2; exit 1; }
pgbin=$(pg_config --bindir)

work=$(mktemp -d)
chmod 755 "$work"
server=""
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
cleanup() {
    [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    [ -d "$work/pg/data" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== generating $cases case files"
mkdir -p "$work/small" "$work/rest"
/usr/bin/python3 - "$cases" "$small" "$work" <<'PY'
import glob, json, os, sys
total, small, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
examples = [json.load(open(p)) for p in sorted(glob.glob("examples/*.json"))]
teams = ["North", "South", "East Locality", "West"]
for i in range(total):
    case = json.loads(json.dumps(examples[i % len(examples)]))
    case["case_id"] = "SCALE-%06d" % i
    case["service"]["team"] = teams[(i // len(examples)) % len(teams)]
    case["family"]["family_name"] += "-%d" % i
    folder = "small" if i < small else "rest"
    with open(os.path.join(work, folder, "case-%06d.json" % i), "w") as f:
        json.dump(case, f, separators=(",", ":"))
PY

mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown nobody "$work/pg"
as_pg "$pgbin/initdb" -D "$work/pg/data" -U ehdocs -A trust -E UTF8 --locale=C --no-instructions >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-k $work/pg -c listen_addresses=" start >/dev/null
as_pg "$pgbin/createdb" -h "$work/pg" -U ehdocs ehdocs
echo "store.url = postgresql:///ehdocs?host=$work/pg&user=ehdocs" >"$work/postgresql.properties"
echo "data.dir = $work/sqlite" >"$work/sqlite.properties"

# wrk's p50 and p99 of one URL, as "p50 p99 requests/s".
measure() {
    wrk -t2 -c8 -d"${seconds}s" --latency -H "Authorization: Bearer $2" "$1" >"$work/wrk.txt"
    awk '/ 50%/ {p50=$2} / 99%/ {p99=$2} /Requests\/sec/ {rps=$2} END {print p50, p99, rps}' "$work/wrk.txt"
    grep -q "Non-2xx" "$work/wrk.txt" && { echo "bench_scale: errors" >&2; cat "$work/wrk.txt" >&2; exit 1; } || true
}

serve_and_measure() {  # store, size
    local config="$work/$1.properties"
    "$ehdocs" serve --port 0 --config "$config" >"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 200); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
    local address
    address=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.log" | head -n 1)
    [ -n "$address" ] || { cat "$work/serve.log" >&2; exit 1; }
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "$address/api/v1/cases"
    echo "$1 $2 first-page $(measure "$address/api/v1/cases" "$token")"
    echo "$1 $2 filtered-page $(measure "$address/api/v1/cases?team=West&late=true" "$token")"
    kill -TERM "$server"
    wait "$server" || true
    server=""
}

timed_import() {  # folder, config
    local t0 t1
    t0=$(date +%s.%N)
    "$ehdocs" import "$1" --config "$2" | tail -n 1
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "  took %.1f s\n", b - a}'
}

for store in sqlite postgresql; do
    config="$work/$store.properties"
    token=$("$ehdocs" user add bench --role admin --config "$config" | tail -n 1)
    timed_import "$work/small" "$config"
    serve_and_measure "$store" "$small"
    timed_import "$work/rest" "$config"
    serve_and_measure "$store" "$cases"
done
