#!/usr/bin/env bash
# Benchmarks as docs/benchmarks.md reports them: the API in Release (started as run.sh starts it, with the rate limits
# lifted so one load generator is not throttled), then ROUNDS rounds of: ceiling, then each scenario.
# Prints medians and ratios to the ceiling. Usage: scripts/bench.sh [scenario ...]   (default: all)
#   ROUNDS=3 DURATION=20s WARMUP=3s LH_DB=lecturehub_100k (a database from scripts/catalog-data.sh)
#   RATE=100: run the scenarios in the open model at that many iterations/s (the ceiling stays closed)
#   COMPARE="Observability__Enabled=false": every round runs twice, with the API as configured and then restarted with
#     these settings, into as-configured/ and compare/, summarised apart (the cost-of-watching runs of docs/benchmarks.md)
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"

lh_prepare_bench

url="http://127.0.0.1:${LH_BENCH_PORT:-5090}"
lh_start_pg_simulator "${LH_BENCH_PG_PORT:-55091}" "$url" "$LH_DATA_DIR/bench-pg-simulator.log"

out="$LH_DATA_DIR/bench/$(date +%Y%m%d-%H%M%S)"
load() { dotnet tests/Load/bin/Release/net10.0/LectureHub.Load.dll "$@"; }
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || mapfile -t scenarios < <(load --list | awk '$1 != "ceiling" {print $1}')

run_scenarios() { # $1: round, $2: report directory
  mkdir -p "$2"
  for scenario in ceiling "${scenarios[@]}"; do
    lh_log "round $1: $scenario${COMPARE:+ ($(basename "$2"))}"
    rate=()
    [ "$scenario" = ceiling ] || [ -z "${RATE:-}" ] || rate=(--rate "$RATE")
    load --scenario "$scenario" --target "$url" --duration "${DURATION:-20s}" --warmup "${WARMUP:-3s}" "${rate[@]}" --out "$2" >/dev/null
  done
}

restart_api() { # further VAR=value settings for the API
  if [ -n "${LH_API_PID:-}" ]; then kill "$LH_API_PID" 2>/dev/null || true; wait "$LH_API_PID" 2>/dev/null || true; fi
  lh_start_load_api "$url" "$LH_DATA_DIR/bench-api.log" "$@"
}

if [ -z "${COMPARE:-}" ]; then
  restart_api
  for round in $(seq "${ROUNDS:-3}"); do run_scenarios "$round" "$out"; done
  load --summarize "$out"
else
  for round in $(seq "${ROUNDS:-3}"); do
    restart_api
    run_scenarios "$round" "$out/as-configured"
    # shellcheck disable=SC2086 # COMPARE is a list of VAR=value words
    restart_api $COMPARE
    run_scenarios "$round" "$out/compare"
  done
  echo "## As configured"; load --summarize "$out/as-configured"
  echo "## With $COMPARE"; load --summarize "$out/compare"
fi
