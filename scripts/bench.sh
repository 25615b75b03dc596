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
#   LH_INSTANCES=2: that many API instances behind nginx (as run.sh starts them)
#   TPCB=1 (not with COMPARE): first pgbench's TPC-B (scale 10, 8 clients, TPCB_DURATION default 15 s) on the same primary, before the API
#     is loaded; each enrollment-rush report is then also given as a ratio of its applications/s to that (issue #20).
#     A sustained rush: LH_RUSH_COHORTS=40 USERS=32 (closed model) or RATE=… with LH_RUSH_COHORTS large enough.
#   PIN_DB=1 (with TPCB): PostgreSQL (both clusters, every backend) on CPU 0 and the rest (this script and what it
#     starts, Redis, maildev, s3rver) on CPU 1, for TPC-B and the scenarios alike, so the database has the same one core
#     in both and the API does not take the database's CPU; undone when the script ends.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"

lh_prepare_bench

# PIN_DB=1: this checkout's clusters on CPU 0 (new backends inherit their postmaster's), the rest on CPU 1.
pin_cpus() { # $1: postgres's CPUs, $2: everyone else's
  local pid cluster
  for cluster in primary standby; do
    pid="$(head -n 1 "$LH_PG_DIR/$cluster/postmaster.pid")"
    for pid in "$pid" $(pgrep -P "$pid"); do taskset -p -c "$1" "$pid" >/dev/null; done
  done
  for pid in $$ $(pgrep -f "^redis-server 127.0.0.1:$LH_REDIS_PORT") $(pgrep -f "^node $LH_ROOT/tools/(maildev|s3rver)/"); do
    taskset -a -p -c "$2" "$pid" >/dev/null
  done
}
if [ -n "${PIN_DB:-}" ]; then
  [ -n "${TPCB:-}" ] && [ -z "${COMPARE:-}" ] || lh_die "PIN_DB=1 goes with TPCB=1 and without COMPARE"
  [ "$(nproc --all)" -ge 2 ] || lh_die "PIN_DB=1 needs two CPUs"
  pin_cpus 0 1
  lh_on_exit "pin_cpus 0-$(($(nproc --all) - 1)) 0-$(($(nproc --all) - 1))"
  lh_log "PostgreSQL pinned to CPU 0, the API, the generator, pgbench and the rest to CPU 1"
fi

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
    [ "$scenario" = ceiling ] || [ -z "${USERS:-}" ] || [ -n "${RATE:-}" ] || rate=(--users "$USERS")
    load --scenario "$scenario" --target "$url" --duration "${DURATION:-20s}" --warmup "${WARMUP:-3s}" "${rate[@]}" --out "$2" >/dev/null
  done
}

restart_api() { # further VAR=value settings for the API
  local pid
  for pid in ${LH_API_PID:+${LH_API_PID//,/ }}; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  lh_start_load_api "$url" "$LH_DATA_DIR/bench-api.log" "$@"
}

# pgbench's TPC-B on the primary the API uses, in a database of its own: the machine's own yardstick for writes.
tpcb() {
  local db=lecturehub_pgbench
  export PGPASSWORD="$LH_DB_PASSWORD"
  local connect=(-h 127.0.0.1 -p "$LH_PG_PRIMARY_PORT" -U "$LH_DB_USER")
  psql "${connect[@]}" -d postgres -qAt -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  pgbench "${connect[@]}" -i -s 10 -q "$db" >/dev/null 2>&1
  lh_log "pgbench TPC-B: scale 10, 8 clients, ${TPCB_DURATION:-15} s"
  pgbench "${connect[@]}" -c 8 -j 2 -T "${TPCB_DURATION:-15}" "$db" 2>&1 | tee "$out/tpcb.txt" | grep -E '^(tps|latency average|number of failed)'
  psql "${connect[@]}" -d postgres -qAt -c "DROP DATABASE $db" >/dev/null
}

# Each enrollment-rush report's applications/s (step apply) against TPC-B's transactions/s, from $out.
rush_ratios() {
  local tps report
  tps="$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$out/tpcb.txt")"
  for report in "$out"/*-enrollment-rush.json; do
    [ -f "$report" ] || continue
    jq -r --argjson tps "$tps" '.steps[] | select(.name == "apply")
      | "enrollment-rush \(input_filename | split("/") | last): \(.requestsPerSecond | floor) applications/s = \(.requestsPerSecond / $tps * 100 | round / 100)x TPC-B (\($tps | floor) tps)"' "$report"
  done
}

if [ -z "${COMPARE:-}" ]; then
  mkdir -p "$out"
  [ -z "${TPCB:-}" ] || tpcb
  restart_api
  for round in $(seq "${ROUNDS:-3}"); do run_scenarios "$round" "$out"; done
  load --summarize "$out"
  [ -z "${TPCB:-}" ] || rush_ratios
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
