#!/usr/bin/env bash
# Sign-in under load (issue #16), as docs/benchmarks.md reports it: a Release API started as bench.sh starts it, then
#   1. quiet:  course detail (open, 200/s) and /health/live (open, 100/s) alone;
#   2. seed:   seed 004's journey at its peak rate (10 journeys/s), with the same two probes beside it;
#   3. 10x:    the journey at 100 journeys/s, probes beside it;
#   4. storm:  sign-ups alone at 350/s (5x what two cores can hash), probes beside it.
# Each phase writes its reports under .data/bench-signin/<time>/<phase>/. Usage: DURATION=20s scripts/bench-signin.sh
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"

lh_prepare_bench

url="http://127.0.0.1:${LH_BENCH_PORT:-5090}"
lh_start_load_api "$url" "$LH_DATA_DIR/bench-signin-api.log"
out="$LH_DATA_DIR/bench-signin/$(date +%Y%m%d-%H%M%S)"
duration="${DURATION:-20s}"
load() { dotnet tests/Load/bin/Release/net10.0/LectureHub.Load.dll --target "$url" --duration "$duration" --warmup 3s --timeout 10s "$@"; }

phase() {
  local name="$1"; shift
  mkdir -p "$out/$name"
  lh_log "$name"
  load --scenario course-detail --rate 200 --out "$out/$name" >"$out/$name/course-detail.md" &
  local detail=$!
  load --scenario ceiling --rate 100 --out "$out/$name" >"$out/$name/live.md" &
  local live=$!
  if [ $# -gt 0 ]; then load "$@" --out "$out/$name" >"$out/$name/signin.md" || true; fi
  wait "$detail" "$live" || true
}

phase quiet
phase seed --scenario seed004-flow --rate 10
phase 10x --scenario seed004-flow --rate 100
phase storm --scenario auth --rate 350
lh_log "reports in $out"
for f in "$out"/*/*.md; do echo "== $f"; grep -E '^\| (live|detail|register|login|apply|refresh|me) ' "$f" || true; done
