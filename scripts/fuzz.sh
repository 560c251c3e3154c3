#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer into build-fuzz/, and runs each from its seed corpus.
#
#   scripts/fuzz.sh RUNS [HARNESS...]   each harness for RUNS executions (e.g. 10000000),
#                                       the harnesses side by side
#   scripts/fuzz.sh --ci                each harness briefly (15 s at most; under a minute in all)
#
# Harnesses: case_reader, profile_parser, templates (default: all). Seeds are in
# tests/fuzz/corpus/HARNESS (kept in git: a crash's input is added there once fixed); what the
# fuzzer finds beyond them goes to build-fuzz/corpus/HARNESS. A crash or hang fails the run
# (status 1), its input saved as build-fuzz/crash-* or timeout-*. A summary line per harness
# (executions, coverage, crashes) is printed and appended to build-fuzz/fuzz-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 64
fi
parallel=true
if [ "$1" = "--ci" ]; then
    limit=(-max_total_time=15 -runs=2000000)
    parallel=false
else
    limit=(-runs="$1")
fi
shift
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(case_reader profile_parser templates)

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DEHDOCS_BUILD_FUZZERS=ON -DEHDOCS_BUILD_TESTS=OFF -DEHDOCS_BUILD_BENCHMARKS=OFF \
    "${launcher[@]}" >/dev/null
targets=()
for h in "${harnesses[@]}"; do targets+=(--target "fuzz_$h"); done
cmake --build build-fuzz -j"$(nproc)" "${targets[@]}"

# Runs one harness; prints and records its summary; fails when it found a crash or a hang.
run_one() {
    local h=$1 work="build-fuzz/corpus/$1" log="build-fuzz/fuzz-$1.log" failed=0
    mkdir -p "$work"
    # -max_len: case files and templates are a few kilobytes; longer inputs only slow the
    # search. -timeout: an input taking 60 s is a hang, reported like a crash (wall time: generous, for a busy machine).
    # malloc_context_size=0: AddressSanitizer records no stack per allocation, which halves the
    # time of these allocation-heavy harnesses; a report still shows where the fault happened,
    # and replaying the saved input (fuzz_HARNESS FILE) without it gives the allocation's stack.
    ASAN_OPTIONS="malloc_context_size=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    "build-fuzz/tests/fuzz/fuzz_$h" "${limit[@]}" -max_len=8192 -timeout=60 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="build-fuzz/$h-" "$work" "tests/fuzz/corpus/$h" \
        >"$log" 2>&1 || failed=1
    local runs cov ft crashes
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
    crashes=$(grep -c -E '^==[0-9]+==ERROR|deadly signal|ALARM: working on the last Unit' "$log" || true)
    echo "$(date -u +%FT%TZ) $h: ${runs} executions, coverage ${cov} edges (${ft} features)," \
        "${crashes} crashes" | tee -a build-fuzz/fuzz-results.txt
    if [ "$failed" -ne 0 ]; then
        echo "fuzz: $h failed; see $log" >&2
        tail -30 "$log" >&2
        return 1
    fi
}

status=0
if $parallel; then
    pids=()
    for h in "${harnesses[@]}"; do
        run_one "$h" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
else
    for h in "${harnesses[@]}"; do run_one "$h" || status=1; done
fi
exit $status
