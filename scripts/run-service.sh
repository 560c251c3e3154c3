#!/usr/bin/env bash
# The records service, ready to try: installs what is missing, builds, creates a demo
# database (data/demo/) with one user per role (printing their tokens) and the example cases,
# starts `ehdocs serve` on 127.0.0.1 (port $EHDOCS_PORT, default 8080), prints its address and
# some curl commands, and runs until Ctrl-C (which stops the service cleanly).
# Set EHDOCS_SKIP_BUILD=1 to use an existing build (EHDOCS_EXE names another binary).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${EHDOCS_SKIP_BUILD:-0}" != 1 ]; then
    scripts/setup.sh
    scripts/build.sh ehdocs
fi
ehdocs=${EHDOCS_EXE:-build/ehdocs}
port=${EHDOCS_PORT:-8080}
data=data/demo

# The demo database is kept between runs: what was written to it (or survived a crash) is
# still there. Only hashes of tokens and passwords are stored, so each run gives the demo users
# new tokens and new web app passwords (random, printed below).
mkdir -p "$data"
existing=0
[ -f "$data/ehdocs.db" ] && existing=1

declare -A tokens passwords
new_password() { head -c 18 /dev/urandom | base64 | tr -d '/+=' | cut -c 1-16; }
add_user() {  # NAME ROLE [TEAM [WORKER]]
    local team_args=()
    [ -n "${3:-}" ] && team_args=(--team "$3")
    [ -n "${4:-}" ] && team_args+=(--worker "$4")
    passwords[$1]=$(new_password)
    if [ "$existing" = 1 ]; then
        tokens[$1]=$("$ehdocs" user token "$1" --data "$data" | tail -n 1)
        echo "${passwords[$1]}" | "$ehdocs" user password "$1" --data "$data" >/dev/null
    else
        tokens[$1]=$(echo "${passwords[$1]}" |
            "$ehdocs" user add "$1" --role "$2" "${team_args[@]}" --password-stdin --data "$data" | tail -n 1)
    fi
}
# coach.south is Amira Khan, w1 in the South examples: her caseload starts at the cases she leads.
add_user coach.south coach South w1
add_user leader.south team_leader South
add_user sf.coordinator sf_coordinator
add_user admin admin

log="$data/serve.log"
# Plain HTTP on 127.0.0.1, so the browser keeps the session cookie without HTTPS (docs/web.md).
EHDOCS_WEB_PLAIN_HTTP=true "$ehdocs" serve --port "$port" --data "$data" >"$log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true' INT TERM EXIT
for _ in $(seq 100); do
    grep -q "listening on" "$log" && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
address=$(grep -o 'http://[0-9.]*:[0-9]*' "$log" | head -n 1)
[ -n "$address" ] || { cat "$log" >&2; exit 1; }

load_case() {  # NAME < JSON
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST \
        -H "Authorization: Bearer ${tokens[admin]}" -H 'Content-Type: application/json' \
        --data-binary @- "$address/api/v1/cases")
    case "$status" in
        201) echo "  $1: stored (HTTP 201)" ;;
        409) echo "  $1: already stored (HTTP 409)" ;;
        *) echo "  $1: HTTP $status" ;;
    esac
}
echo "Loading the example cases:"
for file in examples/*.json; do
    load_case "$(basename "$file")" <"$file"
done
# Team South's demo users also get a case that is far from ready to close (a copy of the open
# Nowak case), so that the web app shows why a case is blocked.
sed -e 's/"case_id": "DOR-LEH-2026-1207"/"case_id": "NH-FF-2026-0900"/' \
    -e '0,/"team": "East Locality"/s//"team": "South"/' examples/nowak-open.json |
    load_case "nowak-open.json as NH-FF-2026-0900, team South"

cat <<TEXT

ehdocs records service: $address   (database $data/ehdocs.db, log $log)

Web app: sign in at $address/sign-in   (docs/web.md)
  user name        password (new each run)   sees
  coach.south      ${passwords[coach.south]}          the South cases she leads (w1), and the team's
  leader.south     ${passwords[leader.south]}          team South's cases; closes and reopens them
  sf.coordinator   ${passwords[sf.coordinator]}          Supporting Families and performance
  admin            ${passwords[admin]}          everything, users and the audit trail

API tokens (demo users; send as "Authorization: Bearer TOKEN"):
  coach.south     (coach, team South)        ${tokens[coach.south]}
  leader.south    (team_leader, team South)  ${tokens[leader.south]}
  sf.coordinator  (sf_coordinator)           ${tokens[sf.coordinator]}
  admin           (admin)                    ${tokens[admin]}

Try:
  curl -s $address/health
  curl -s -H "Authorization: Bearer ${tokens[coach.south]}" $address/api/v1/cases
  curl -s -H "Authorization: Bearer ${tokens[coach.south]}" $address/api/v1/cases/NH-FF-2026-0142/readiness
  curl -s -H "Authorization: Bearer ${tokens[coach.south]}" -X POST -d '{"type":"closure_letter","format":"pdf"}' $address/api/v1/cases/NH-FF-2026-0142/documents
  curl -s -H "Authorization: Bearer ${tokens[leader.south]}" -X POST $address/api/v1/cases/NH-FF-2026-0142/close
  curl -s -H "Authorization: Bearer ${tokens[admin]}" "$address/api/v1/audit?case=NH-FF-2026-0142"
  curl -s $address/metrics

The API is described in docs/api.md and docs/openapi.yaml. Ctrl-C stops the service.
TEXT
wait $server
