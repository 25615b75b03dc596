#!/usr/bin/env bash
# Benchmarks as docs/benchmarks.md reports them: the API in Release (started as run.sh starts it, with the rate limits
# lifted so one load generator is not throttled), then ROUNDS rounds of: ceiling, then each scenario.
# Prints medians and ratios to the ceiling. Usage: scripts/bench.sh [scenario ...]   (default: all)
#   ROUNDS=3 DURATION=20s WARMUP=3s LH_DB=lecturehub_100k (a database from scripts/catalog-data.sh)
#   RATE=100: run the scenarios in the open model at that many iterations/s (the ceiling stays closed)
#   COMPARE="Observability__Enabled=false": every round runs twice, with the API as configured and then restarted with
#     these settings, into as-configured/ and compare/, summarised apart
#   SIDE_BY_SIDE=1 (with COMPARE): both APIs run at once (the other on LH_BENCH_COMPARE_PORT, default 5091) and every
#     scenario loads both together, one generator each, so the machine's noise falls on both alike; the halves share
#     the cores, so read CPU ms/request, not req/s against a sequential run (the cost-of-watching runs of
#     docs/benchmarks.md). Both warm-ups start SETUP_SECONDS (default 30) after the pair is launched (--start-at), the
#     scenarios' setups coming first. The compare side's generator reads no metrics (--metrics none); USERS sets --users.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"

[ "${LH_INSTANCES:-1}" -le 1 ] || lh_die "bench.sh measures one instance for now; LH_INSTANCES behind nginx comes with issue #20's rush runs"
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
elif [ -n "${SIDE_BY_SIDE:-}" ]; then
  compare_url="http://127.0.0.1:${LH_BENCH_COMPARE_PORT:-5091}"
  lh_start_load_api "$url" "$LH_DATA_DIR/bench-api.log"
  configured_pid=$LH_API_PID
  # shellcheck disable=SC2086 # COMPARE is a list of VAR=value words
  LH_METRICS_URL="" lh_start_load_api "$compare_url" "$LH_DATA_DIR/bench-compare-api.log" $COMPARE
  compare_pid=$LH_API_PID
  users=()
  [ -z "${USERS:-}" ] || users=(--users "$USERS")
  side() { # $1: API pid, $2: URL, $3: report directory, $4: scenario, further runner flags
    LH_API_PID="$1" load --scenario "$4" --target "$2" --duration "${DURATION:-20s}" --warmup "${WARMUP:-3s}" "${users[@]}" "${@:5}" --out "$3" >/dev/null
  }
  for round in $(seq "${ROUNDS:-3}"); do
    for scenario in ceiling "${scenarios[@]}"; do
      lh_log "round $round: $scenario, side by side"
      start_at=$(($(date +%s) + ${SETUP_SECONDS:-30}))
      side "$configured_pid" "$url" "$out/as-configured" "$scenario" --start-at "$start_at" & a=$!
      side "$compare_pid" "$compare_url" "$out/compare" "$scenario" --start-at "$start_at" --metrics none & b=$!
      wait "$a" "$b"
    done
  done
  echo "## As configured"; load --summarize "$out/as-configured"
  echo "## With $COMPARE"; load --summarize "$out/compare"
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
