#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against the real primary, standby and Redis from dev-services, and a
# short smoke pass of every load scenario against a Release build of the API, and faults injected under load.
# Uses its own database (lecturehub_test) and Redis database (1), so it never touches run.sh's data.
# LH_FAKETIME=+365d (or -365d, or any faketime offset) runs the API, the tests and the servers they talk to with the
# clock moved: no outcome may depend on today's date.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"

lh_require_dotnet
"$LH_ROOT/scripts/dev-services.sh" up

lh_npm_ci tools/player
lh_log "Building"
dotnet build LectureHub.sln -c Debug -nologo -v quiet

lh_export_connection_strings lecturehub_test 1
if [ -n "${LH_FAKETIME:-}" ]; then
  lh_fake_clock "$LH_FAKETIME"
  lh_log "The API, the tests, the PG simulator and s3rver run with the clock moved $LH_FAKETIME (s3rver restarts)"
  "$LH_ROOT/scripts/dev-services.sh" down >/dev/null
  lh_on_exit "env LH_CLOCK= \"$LH_ROOT/scripts/dev-services.sh\" down >/dev/null 2>&1 || true" # the next run starts them on the real clock
  "$LH_ROOT/scripts/dev-services.sh" up >/dev/null
fi
export ASPNETCORE_ENVIRONMENT=Development
export DataDirectory="$LH_DATA_DIR"

lh_log "Recreating lecturehub_test and applying migrations"
"$LH_ROOT/scripts/dev-services.sh" fresh-db lecturehub_test >/dev/null
(cd src/WebApi/bin/Debug/net10.0 && $LH_CLOCK dotnet LectureHub.WebApi.dll migrate >/dev/null)

results="$LH_DATA_DIR/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0

# The alerting rules: valid, and each alert seen to fire and to stay quiet (deploy/prometheus/tests).
rules_passed=0 rules_failed=0
for check in "check rules deploy/prometheus/rules/lecturehub.rules.yml" "test rules deploy/prometheus/tests/lecturehub.test.yml"; do
  # shellcheck disable=SC2086 # the words of $check are promtool's arguments
  if promtool $check >"$results/promtool.log" 2>&1; then
    echo "  promtool $check: passed"; rules_passed=$((rules_passed + 1))
  else
    echo "  promtool $check: FAILED"; cat "$results/promtool.log"; rules_failed=$((rules_failed + 1)); status=1
  fi
done
for project in tests/Unit tests/Integration; do
  lh_log "Testing $project"
  $LH_CLOCK dotnet test "$project" -c Debug --no-build -nologo --logger "console;verbosity=normal" --logger "trx" \
    --results-directory "$results" || status=1
done

# The demo shop and the tour: migrate --demo-data into lecturehub_demo twice (the second run must add nothing), then
# scripts/demo.sh against an API on it, once its background transcodes finish. A smoke test of the whole product.
tour_passed=0 tour_failed=0
lh_log "Demo data (twice) and the guided tour, in lecturehub_demo"
"$LH_ROOT/scripts/dev-services.sh" fresh-db lecturehub_demo >/dev/null
redis-cli -h 127.0.0.1 -p "$LH_REDIS_PORT" -n 3 flushdb >/dev/null  # its Redis database too: buffers and caches name old rows
lh_export_connection_strings lecturehub_demo 3
tour_url="http://127.0.0.1:${LH_TOUR_PORT:-5082}"
lh_start_pg_simulator "${LH_TOUR_PG_PORT:-55093}" "$tour_url" "$results/tour-pg-simulator.log"
demo_counts() {
  PGPASSWORD="$LH_DB_PASSWORD" "$LH_PG_BIN/psql" -h 127.0.0.1 -p "$LH_PG_PRIMARY_PORT" -U "$LH_DB_USER" -d lecturehub_demo -tAc "SELECT concat_ws(' ',
    (SELECT count(*) FROM users), (SELECT count(*) FROM courses), (SELECT count(*) FROM lecture_videos), (SELECT count(*) FROM lecture_subtitles),
    (SELECT count(*) FROM coupons), (SELECT count(*) FROM cohorts), (SELECT count(*) FROM cohort_applications), (SELECT count(*) FROM enrollments),
    (SELECT count(*) FROM orders), (SELECT count(*) FROM ledger_entries), (SELECT count(*) FROM lecture_progress), (SELECT count(*) FROM posts),
    (SELECT count(*) FROM comments), (SELECT count(*) FROM course_reviews), (SELECT count(*) FROM questions), (SELECT count(*) FROM answers))"
}
seed_demo() { (cd src/WebApi/bin/Debug/net10.0 && $LH_CLOCK dotnet LectureHub.WebApi.dll migrate --demo-data) >>"$results/demo-data.log" 2>&1; }
if seed_demo && first=$(demo_counts) && seed_demo && [ "$first" = "$(demo_counts)" ]; then
  echo "  demo data, seeded twice: passed (users courses videos subtitles coupons cohorts applications enrolments orders ledger progress posts comments reviews questions answers: $first)"
  tour_passed=$((tour_passed + 1))
else
  echo "  demo data, seeded twice: FAILED (first: ${first:-none}, then: $(demo_counts))"; tail -n 40 "$results/demo-data.log"; tour_failed=$((tour_failed + 1)); status=1
fi
lh_start_api Debug "$tour_url" "$results/tour-api.log"
if LH_API_URL="$tour_url" "$LH_ROOT/scripts/demo.sh" >"$results/tour.log" 2>&1; then
  echo "  guided tour: $(tail -n 1 "$results/tour.log" | sed 's/\x1b\[[0-9;]*m//g')"; tour_passed=$((tour_passed + 1))
else
  echo "  guided tour: FAILED"; cat "$results/tour.log"; tour_failed=$((tour_failed + 1)); status=1
fi
# The player page in a real browser (Debian's chromium with playwright-core), against the same API: about a minute.
browser_passed=0 browser_failed=0 browser_skipped=0
if command -v chromium >/dev/null 2>&1; then
  lh_npm_ci tests/Browser
  lh_log "The demo player in headless Chromium"
  LH_API_URL="$tour_url" node --test --test-reporter=tap "$LH_ROOT/tests/Browser/player.test.mjs" >"$results/browser.tap" 2>&1 || status=1
  browser_passed=$(sed -n 's/^# pass //p' "$results/browser.tap") browser_failed=$(sed -n 's/^# fail //p' "$results/browser.tap")
  [ -n "$browser_passed" ] && [ -n "$browser_failed" ] || { browser_passed=0 browser_failed=1; }
  grep -E '^(not )?ok ' "$results/browser.tap" | sed 's/^/  browser: /'
  [ "$browser_failed" = 0 ] || cat "$results/browser.tap"
else
  echo "  browser test: skipped (no chromium on PATH; apt-get install chromium, as .ci/run does)"; browser_skipped=1
fi
# Prometheus (dev-services.sh) scrapes the tour's API: it is up, and the tour's commands and requests are in its series.
prometheus_has() { # $1 PromQL that must return a sample
  curl -fsG "http://127.0.0.1:$LH_PROMETHEUS_PORT/api/v1/query" --data-urlencode "query=$1" | grep -q '"result":\[{'
}
scraped=0
for _ in $(seq 60); do
  if prometheus_has 'up{job="lecturehub-api"} == 1' && prometheus_has 'lecturehub_commands_total{command="PlaceOrder",code="OK"}' \
     && prometheus_has 'http_server_request_duration_seconds_count{lecturehub_endpoint_class="password"}'; then scraped=1; break; fi
  sleep 2
done
if [ "$scraped" = 1 ]; then
  echo "  prometheus scrapes the API: passed"; tour_passed=$((tour_passed + 1))
else
  echo "  prometheus scrapes the API: FAILED"; curl -fs "http://127.0.0.1:$LH_PROMETHEUS_PORT/api/v1/targets" || true; tour_failed=$((tour_failed + 1)); status=1
fi
if "$LH_ROOT/scripts/check-metrics.sh" >"$results/check-metrics.log" 2>&1; then
  echo "  dashboard, rules and docs against /metrics: passed"; tour_passed=$((tour_passed + 1))
else
  echo "  dashboard, rules and docs against /metrics: FAILED"; cat "$results/check-metrics.log"; tour_failed=$((tour_failed + 1)); status=1
fi
kill "$LH_API_PID" "$LH_PG_SIM_PID" 2>/dev/null || true

# Load-suite smoke: every scenario for a few seconds at a low rate against a Release build and a small generated
# catalog (its own database), so the suite cannot rot.
smoke_passed=0 smoke_failed=0
lh_log "Load smoke: a generated catalog in lecturehub_smoke, Release builds"
"$LH_ROOT/scripts/catalog-data.sh" smoke 2>"$results/smoke-data.log" >/dev/null || { cat "$results/smoke-data.log"; exit 1; }
lh_export_connection_strings lecturehub_smoke 2
smoke_url="http://127.0.0.1:${LH_SMOKE_PORT:-5081}"
lh_start_pg_simulator "${LH_SMOKE_PG_PORT:-55092}" "$smoke_url" "$results/smoke-pg-simulator.log"
lh_start_load_api "$smoke_url" "$results/smoke-api.log"
export LH_RUSH_STUDENTS=20  # enrollment-rush: 20 sign-ups in setup, not 400
export LH_2FA_ACCOUNTS=12   # login-2fa: 12 enrolled accounts, enough for 3 s at 3/s (two sign-ins each per 30 s)
export LH_ORDER_STUDENTS=5 LH_ORDER_COURSES=5 LH_STORM_ORDERS=20  # payments: small setups
# One scenario for 3 s at 3/s against $2, reported as "$1 <scenario>" (the report in $results/$3-<scenario>.md).
smoke() { # $1: label, $2: target, $3: report prefix, $4: scenario
  if $LH_CLOCK dotnet tests/Load/bin/Release/net10.0/LectureHub.Load.dll --scenario "$4" --target "$2" --rate 3 \
       --warmup 0s --duration 3s --interval 1s --timeout 60s --threshold 'errors<1%' --out "$results/load" >"$results/$3-$4.md" 2>&1; then
    echo "  $1 $4: passed"; smoke_passed=$((smoke_passed + 1))
  else
    echo "  $1 $4: FAILED"; cat "$results/$3-$4.md"; smoke_failed=$((smoke_failed + 1)); status=1
  fi
}
for scenario in $(dotnet tests/Load/bin/Release/net10.0/LectureHub.Load.dll --list | awk '{print $1}'); do
  smoke "load smoke" "$smoke_url" smoke "$scenario"
done
kill "$LH_API_PID" 2>/dev/null || true

# Scale-out smoke: two api instances and two workers behind nginx, the scenarios whose end state is checked through
# the balancer (payments settle once with two webhook processors and two relays, seats are exact), and request ids.
lh_log "Scale-out smoke: 2 api instances + 2 workers behind nginx"
scale_url="http://127.0.0.1:${LH_SCALE_PORT:-5180}"
kill "$LH_PG_SIM_PID" 2>/dev/null || true
lh_start_pg_simulator "${LH_SCALE_PG_PORT:-55093}" "$scale_url" "$results/scale-pg-simulator.log"
LH_INSTANCES=2 LH_WORKERS=2 lh_start_load_api "$scale_url" "$results/scale.log"
for scenario in order-to-enrolment webhook-storm enrollment-rush course-detail; do
  smoke "scale-out smoke" "$scale_url" scale "$scenario"
done
if [ "$(curl -fsS -o /dev/null -D - -H 'X-Request-Id: lh-smoke-1' "$scale_url/health/live" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-request-id" {print $2}')" = lh-smoke-1 ]; then
  echo "  scale-out smoke request id passed through: passed"; smoke_passed=$((smoke_passed + 1))
else
  echo "  scale-out smoke request id passed through: FAILED"; smoke_failed=$((smoke_failed + 1)); status=1
fi
kill ${LH_API_PID//,/ } "$LH_BALANCER_PID" 2>/dev/null || true

# Faults under load (scripts/chaos.sh, docs/reliability.md): two api instances and two workers behind nginx, each
# fault injected while a scenario runs, then the end state checked. Last: it stops and starts the shared services.
lh_log "Faults under load (scripts/chaos.sh)"
chaos_rc=0
"$LH_ROOT/scripts/chaos.sh" >"$results/chaos.log" 2>&1 || { chaos_rc=$?; status=1; }
grep '^  chaos: ' "$results/chaos.log" || true
chaos_passed=$(grep -c '^  chaos: .*: passed' "$results/chaos.log" || true) chaos_failed=$(grep -c '^  chaos: .*: FAILED' "$results/chaos.log" || true)
if [ "$chaos_rc" != 0 ] && [ "$chaos_failed" = 0 ]; then
  echo "  chaos: FAILED before its checks"; tail -n 30 "$results/chaos.log"; chaos_failed=1
fi

# One closing line over all projects (counted from the TRX reports), the demo and browser checks, and the load smoke.
passed=$((rules_passed + smoke_passed + tour_passed + browser_passed + chaos_passed))
failed=$((rules_failed + smoke_failed + tour_failed + browser_failed + chaos_failed)) skipped=$browser_skipped
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
  skipped=$((skipped + $(sed -E 's/.* notExecuted="([0-9]+)".*/\1/' <<<"$counters")))
done
# Each failed test again at the end, with the first lines of its message, so a long log still names it.
python3 - "$results"/*.trx <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
        message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=ns).strip().splitlines()
        print(f"  FAILED {result.get('testName')}")
        for line in message[:12]:
            print(f"    {line}")
PY
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || { echo "no test ran" >&2; exit 1; }
exit $status
