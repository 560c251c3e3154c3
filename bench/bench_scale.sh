#!/usr/bin/env bash
# The caseload at an authority's size, against the real executable on SQLite and on PostgreSQL
# side by side (issues 12 and 13, Speed):
#   1. generates N case files (variations of the examples: four teams, a mix of open and closed);
#   2. for each store, imports the first 500 with `ehdocs import`, serves, and times with wrk
#      (one connection, so each figure is one request's time, not a queue's): the first page
#      of GET /api/v1/cases, a filtered page (team=West&late=true), readiness for one case, and
#      the web pages /cases and /cases/{id} signed in as a team leader; then imports the rest,
#      serves again and times the same, then issues PDF letters, pages through every case, runs
#      both exports as jobs, and reads the server's peak memory (VmHWM) at the end.
# Targets: the first page p99 <= 50 ms at 50,000 cases and within 1.5x of its time at 500;
# /cases and /cases/{id} p95 <= 50 ms at 50,000; exports of 50,000 <= 60 s; memory <= 300 MB.
# PostgreSQL runs in a throwaway cluster in a temporary folder (Debian's initdb and pg_ctl, as
# the user nobody when run as root), stopped at the end.
# Usage: bench/bench_scale.sh [EHDOCS_BINARY] [CASES] [SECONDS] [STORES]   (defaults:
# build/ehdocs, 50000, 10, "sqlite postgresql"). Figures and the machine they came from go in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ehdocs=$(realpath "${1:-build/ehdocs}")
cases=${2:-50000}
seconds=${3:-10}
stores=${4:-sqlite postgresql}
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
    if i < small and case["service"]["team"] == "South" and case.get("status") == "open":
        south = case["case_id"]
open(os.path.join(work, "south-case"), "w").write(south)
PY
south_case=$(cat "$work/south-case")

mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown nobody "$work/pg"
as_pg "$pgbin/initdb" -D "$work/pg/data" -U ehdocs -A trust -E UTF8 --locale=C --no-instructions >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-k $work/pg -c listen_addresses=" start >/dev/null
as_pg "$pgbin/createdb" -h "$work/pg" -U ehdocs ehdocs
printf 'store.url = postgresql:///ehdocs?host=%s&user=ehdocs\nweb.plainHttp = true\n' "$work/pg" \
    >"$work/postgresql.properties"
printf 'data.dir = %s\nweb.plainHttp = true\n' "$work/sqlite" >"$work/sqlite.properties"
password="a long bench password $RANDOM$RANDOM"

# wrk's p50, p90 and p99 of one URL over one connection, as "p50 p90 p99 (requests/s)"; the
# header is the credential ("Authorization: Bearer ..." or "Cookie: ...").
measure() {
    wrk -t1 -c1 -d"${seconds}s" --latency -H "$2" "$1" >"$work/wrk.txt"
    grep -q "Non-2xx" "$work/wrk.txt" && { echo "bench_scale: errors" >&2; cat "$work/wrk.txt" >&2; exit 1; }
    awk '/ 50%/ {p50=$2} / 90%/ {p90=$2} / 99%/ {p99=$2} /Requests\/sec/ {rps=$2}
         END {printf "p50 %s p90 %s p99 %s (%d requests/s)\n", p50, p90, p99, rps}' "$work/wrk.txt"
}

# A web session of the team leader: the sign-in form's CSRF token, then the form posted.
sign_in() {  # address
    local jar="$work/jar" csrf
    rm -f "$jar"
    csrf=$(curl -sf -c "$jar" "$1/sign-in" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 |
        sed 's/.*value="//; s/"$//')
    curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" \
        --data-urlencode "username=leader" --data-urlencode "password=$password" "$1/sign-in"
    awk '$6 == "ehdocs_session" {print "Cookie: ehdocs_session=" $7}' "$jar"
}

# Seconds a command takes, to one decimal.
seconds_of() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}'
}

# Every page of GET /api/v1/cases, 500 at a time, following next_cursor.
page_through() {  # address
    local cursor="" pages=0
    while :; do
        curl -sf -H "Authorization: Bearer $token" \
            "$1/api/v1/cases?limit=500${cursor:+&cursor=$cursor}" >"$work/page.json"
        pages=$((pages + 1))
        cursor=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["next_cursor"] or "")' "$work/page.json")
        [ -n "$cursor" ] || break
    done
    echo "$pages"
}

# Issues the case's case summary as a PDF five times; the mean seconds of one.
issue_pdfs() {  # address
    local total
    total=$(seconds_of bash -c 'for _ in 1 2 3 4 5; do
        curl -sf -o /dev/null -H "Authorization: Bearer $1" -H "Content-Type: application/json" \
            -d "{\"type\":\"case_summary\",\"format\":\"pdf\"}" "$2/api/v1/cases/$3/documents" || exit 1
    done' _ "$token" "$1" "$south_case")
    awk -v t="$total" 'BEGIN {printf "%.2f", t / 5}'
}

# Runs the export as a job (POST /api/v1/exports, then its state until done, then its
# workbook); the seconds from the POST to the workbook downloaded, and its size.
export_job() {  # address, name, the job's JSON body
    local status job state t0 t1
    t0=$(date +%s.%N)
    status=$(curl -s -o "$work/job.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
        -H "Content-Type: application/json" -d "$3" "$1/api/v1/exports")
    [ "$status" = 202 ] || { echo "bench_scale: POST /api/v1/exports gave $status" >&2; cat "$work/job.json" >&2; exit 1; }
    job=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["job"])' "$work/job.json")
    while :; do
        state=$(curl -sf -H "Authorization: Bearer $token" "$1/api/v1/exports/jobs/$job" |
            /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
        [ "$state" = done ] && break
        [ "$state" = failed ] && { echo "bench_scale: export job $job failed" >&2; exit 1; }
        sleep 0.2
    done
    curl -sf -o "$work/export.xlsx" -H "Authorization: Bearer $token" "$1/api/v1/exports/jobs/$job/result"
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v size="$(stat -c %s "$work/export.xlsx")" \
        'BEGIN {printf "%.1f s, %d KB", b - a, size / 1024}'
}

memory_of() {  # pid: the server's resident memory now and at its peak
    awk '/VmRSS/ {rss=$2} /VmHWM/ {hwm=$2} END {printf "resident %d MB, peak %d MB", rss/1024, hwm/1024}' "/proc/$1/status"
}

# Prints "STORE SIZE WHAT FIGURES", stopping the benchmark when the measuring command fails.
report() {  # store, size, what, command...
    local figures
    figures=$("${@:4}") || exit 1
    echo "$1 $2 $3 $figures"
}

serve_and_measure() {  # store, size, full (yes: also PDFs, paging, exports)
    local config="$work/$1.properties"
    "$ehdocs" serve --port 0 --config "$config" >"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 200); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
    local address session
    address=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.log" | head -n 1)
    [ -n "$address" ] || { cat "$work/serve.log" >&2; exit 1; }
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "$address/api/v1/cases"
    local bearer="Authorization: Bearer $token"
    report "$1" "$2" api-first-page measure "$address/api/v1/cases" "$bearer"
    report "$1" "$2" api-filtered-page measure "$address/api/v1/cases?team=West&late=true" "$bearer"
    report "$1" "$2" readiness measure "$address/api/v1/cases/$south_case/readiness" "$bearer"
    session=$(sign_in "$address")
    [ -n "$session" ] || { echo "bench_scale: could not sign in" >&2; exit 1; }
    report "$1" "$2" web-cases measure "$address/cases" "$session"
    report "$1" "$2" web-case measure "$address/cases/$south_case" "$session"
    if [ "$3" = yes ]; then
        report "$1" "$2" pdf-issue-seconds-each issue_pdfs "$address"
        local pages took
        took=$(seconds_of page_through "$address")
        echo "$1 $2 paged-every-case ${took} s ($(page_through "$address") pages of 500); $(memory_of "$server")"
        report "$1" "$2" export-job-sf export_job "$address" sf '{"name":"sf"}'
        echo "$1 $2 after-export-sf $(memory_of "$server")"
        # The KPIs of the twelve months to today.
        local kpi
        kpi=$(printf '{"name":"kpi","from":"%s","to":"%s"}' "$(date -d '-12 months +1 day' +%F)" "$(date +%F)")
        report "$1" "$2" export-job-kpi export_job "$address" kpi "$kpi"
        echo "$1 $2 after-export-kpi $(memory_of "$server")"
    fi
    echo "$1 $2 server-memory $(memory_of "$server")"
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

for store in $stores; do
    config="$work/$store.properties"
    token=$("$ehdocs" user add bench --role admin --config "$config" | tail -n 1)
    echo "$password" | "$ehdocs" user add leader --role team_leader --team South \
        --password-stdin --config "$config" >/dev/null
    timed_import "$work/small" "$config"
    serve_and_measure "$store" "$small" no
    timed_import "$work/rest" "$config"
    serve_and_measure "$store" "$cases" yes
done
