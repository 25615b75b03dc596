#!/usr/bin/env bash
# Benchmarks as docs/benchmarks.md reports them: the API in Release (started as run.sh starts it, with the per-IP auth
# limit lifted so one load generator is not throttled), then ROUNDS rounds of: ceiling, then each scenario.
# Prints medians and ratios to the ceiling. Usage: scripts/bench.sh [scenario ...]   (default: all)
#   ROUNDS=3 DURATION=20s WARMUP=3s LH_DB=lecturehub_100k (a database from scripts/catalog-data.sh)
#   RATE=100: run the scenarios in the open model at that many iterations/s (the ceiling stays closed)
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"

lh_prepare_bench

url="http://127.0.0.1:${LH_BENCH_PORT:-5090}"
lh_start_pg_simulator "${LH_BENCH_PG_PORT:-55091}" "$url" "$LH_DATA_DIR/bench-pg-simulator.log"
lh_start_load_api "$url" "$LH_DATA_DIR/bench-api.log"

out="$LH_DATA_DIR/bench/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
load() { dotnet tests/Load/bin/Release/net10.0/LectureHub.Load.dll "$@"; }
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || mapfile -t scenarios < <(load --list | awk '$1 != "ceiling" {print $1}')
for round in $(seq "${ROUNDS:-3}"); do
  for scenario in ceiling "${scenarios[@]}"; do
    lh_log "round $round: $scenario"
    rate=()
    [ "$scenario" = ceiling ] || [ -z "${RATE:-}" ] || rate=(--rate "$RATE")
    load --scenario "$scenario" --target "$url" --duration "${DURATION:-20s}" --warmup "${WARMUP:-3s}" "${rate[@]}" --out "$out" >/dev/null
  done
done
load --summarize "$out"
