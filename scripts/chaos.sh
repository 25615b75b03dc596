#!/usr/bin/env bash
# Faults under load (issue #20; docs/reliability.md): two api instances and two workers behind nginx, and for each
# fault a load scenario running while it is injected and healed; then the end state is checked through the API (the
# scenario's own verification) and the database (seats, ledger, enrolments, outbox and inbox drained).
#   scripts/chaos.sh [fault ...]        (default: all, in this order; test.sh runs them all)
#   faults: api-kill-rush api-kill-storm standby redis primary gateway worker-kill
# Its own database (lecturehub_chaos) and Redis database (4). It stops and starts the dev services' standby, Redis
# and primary, so run it when nothing else uses them. Writes $LH_DATA_DIR/chaos/report.md; exit 1 if a check failed.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"

all=(api-kill-rush api-kill-storm standby redis primary gateway worker-kill)
faults=("$@")
[ ${#faults[@]} -gt 0 ] || faults=("${all[@]}")
for fault in "${faults[@]}"; do [[ " ${all[*]} " == *" $fault "* ]] || lh_die "no fault '$fault'; known: ${all[*]}"; done

db=lecturehub_chaos
url="http://127.0.0.1:${LH_CHAOS_PORT:-5280}"
out="$LH_DATA_DIR/chaos"
rm -rf "$out" && mkdir -p "$out"
services() { "$LH_ROOT/scripts/dev-services.sh" "$@" >>"$out/services.log" 2>&1; }
# Whatever happens, the services are left running for whoever comes next.
lh_on_exit "\"$LH_ROOT/scripts/dev-services.sh\" primary-start >/dev/null 2>&1; \"$LH_ROOT/scripts/dev-services.sh\" up >/dev/null 2>&1 || true"

lh_require_dotnet
services up
lh_log "Release builds; a fresh $db"
dotnet build src/WebApi -c Release -nologo -v quiet >/dev/null
dotnet build tests/Load -c Release -nologo -v quiet >/dev/null
services fresh-db "$db"
redis-cli -h 127.0.0.1 -p "$LH_REDIS_PORT" -n 4 flushdb >/dev/null
lh_export_connection_strings "$db" 4
export ASPNETCORE_ENVIRONMENT=Development DataDirectory="$LH_DATA_DIR"
(cd src/WebApi/bin/Release/net10.0 && dotnet LectureHub.WebApi.dll migrate --demo-accounts >/dev/null)
lh_log "A small generated catalog for the read load"
dotnet tests/Load/bin/Release/net10.0/LectureHub.Load.dll generate-catalog --connection "$ConnectionStrings__Primary" --courses 200 --instructors 20 \
  --students 200 --likes 1000 --posts 200 --comments 500 --reactions 500 --reviews 200 --questions 50 >"$out/catalog.log" 2>&1

lh_start_pg_simulator "${LH_CHAOS_PG_PORT:-25094}" "$url" "$out/pg-simulator.log"
# Faults are healed within seconds, so the leases of work a killed worker held run out soon, and a pending order is
# reconciled a minute after the gateway comes back (the shortest the options allow).
LH_INSTANCES=2 LH_WORKERS=2 LH_METRICS_URL="" lh_start_load_api "$url" "$out/topology.log" \
  Media__Transcode__LeaseSeconds=5 Media__Transcode__HeartbeatSeconds=1 WatchProgress__LeaseSeconds=5 \
  Payments__Reconciliation__AfterMinutes=1 Payments__Reconciliation__EverySeconds=10 \
  Payments__Gateway__AttemptTimeoutSeconds=2 Payments__Gateway__MaxRetries=1
IFS=, read -r -a pids <<<"$LH_API_PID" # lh_start_topology: the workers first, then the api instances
workers=("${pids[@]:0:2}") apis=("${pids[@]:2:2}")

psql_db() { PGPASSWORD="$LH_DB_PASSWORD" "$LH_PG_BIN/psql" -h 127.0.0.1 -p "$LH_PG_PRIMARY_PORT" -U "$LH_DB_USER" -d "$db" -v ON_ERROR_STOP=1 -qtAc "$1"; }

# kill -9 of process $1, then (after $2 seconds) the same process started again: its command, environment, working
# directory and log, read from /proc before the kill. Sets RESTARTED to the new pid (not a $(…): the exit trap that
# stops it must be the script's, not a subshell's).
kill_and_restart() {
  local pid="$1" pause="$2" cwd log
  cwd=$(readlink "/proc/$pid/cwd") log=$(readlink "/proc/$pid/fd/1")
  local -a cmd env
  mapfile -d '' -t cmd <"/proc/$pid/cmdline"
  mapfile -d '' -t env <"/proc/$pid/environ"
  kill -9 "$pid"
  { wait "$pid"; } 2>/dev/null || true # our own child: reaped quietly
  sleep "$pause"
  (cd "$cwd" && exec env -i "${env[@]}" "${cmd[@]}") >>"$log" 2>&1 &
  RESTARTED=$!
  lh_on_exit "kill $RESTARTED 2>/dev/null || true"
  local listen; listen=$(printf '%s\n' "${cmd[@]}" | grep -A1 -x -- --urls | tail -n 1)
  for _ in $(seq 120); do curl -fs "$listen/health/live" >/dev/null 2>&1 && return; sleep 0.5; done
  lh_die "$listen did not come back after its restart; see $log"
}

# A load run in the background: $1 the run's name, then the runner's arguments. load_start returns once the load
# has begun (its setup done); load_launch at once, and load_ready waits for the load.
load_start() { load_launch "$@"; load_ready "$1"; }
load_launch() {
  local name="$1"; shift
  rm -f "$out/$name.ready"
  LH_API_PID="" dotnet tests/Load/bin/Release/net10.0/LectureHub.Load.dll --target "$url" --metrics none --warmup 0s --interval 1s \
    --timeout 30s --out "$out/$name" --ready-file "$out/$name.ready" "$@" >"$out/$name.md" 2>"$out/$name.log" &
  LOAD_PID=$!
}
load_ready() {
  local name="$1"
  for _ in $(seq 600); do
    [ -f "$out/$name.ready" ] && return
    kill -0 "$LOAD_PID" 2>/dev/null || { cat "$out/$name.log" >&2; lh_die "the load run $name ended in its setup"; }
    sleep 0.5
  done
  lh_die "the load run $name did not finish its setup in 5 minutes"
}

# Waits for the load run (its exit code is the report's "passed") and sets LOAD_REPORT, its JSON report.
load_wait() {
  local name="$1"
  wait "$LOAD_PID" || true
  LOAD_REPORT=$(ls "$out/$name"/*.json 2>/dev/null) || { tail -n 20 "$out/$name.log" >&2; lh_die "the load run $name wrote no report"; }
}

# "201×380 409×20 502×2" per step of a report; transport errors and timeouts are counted as the runner names them.
statuses() { jq -r '[.steps[] | "\(.name): " + ([.statusCodes | to_entries[] | "\(.key)×\(.value)"] | join(" "))] | join("; ")' "$1"; }
# Requests of report $1 whose status matches $2, in the steps matching $3 (default all).
count_status() { jq "[.steps[] | select(.name | test(\"${3:-.}\")) | .statusCodes | to_entries[] | select(.key | test(\"$2\")) | .value] | add // 0" "$1"; }

passed=0 failed=0
report() { printf '%s\n' "$*" >>"$out/report.md"; }
# One invariant: $1 what, $2 a command that must succeed, $3 the figure to show.
check() {
  if eval "$2"; then passed=$((passed + 1)); echo "  chaos: $1: passed${3:+ ($3)}"; report "- passed: $1${3:+ ($3)}"
  else failed=$((failed + 1)); echo "  chaos: $1: FAILED${3:+ ($3)}"; report "- **FAILED**: $1${3:+ ($3)}"; fi
}

# Polls $2 (a SQL count) until it is 0, for up to $3 seconds; prints the seconds it took, or fails the check $1.
drained() {
  local what="$1" sql="$2" patience="$3" started left
  started=$(date +%s)
  while left=$(psql_db "$sql") && [ "$left" != 0 ] && [ $(($(date +%s) - started)) -lt "$patience" ]; do sleep 1; done
  check "$what" "[ '$left' = 0 ]" "$left left, $(($(date +%s) - started)) s after the run"
}

# What every fault leaves true in the database: no cohort over its seats or waitlist, counters equal to the rows,
# every ledger transaction balanced, one sale per paid order and one active enrolment per course of it, and the
# outbox and the webhook inbox drained.
invariants() {
  check "seats: no cohort over its seats or waitlist, each held seat an approved application" "[ \"\$(psql_db \"$(cat <<'SQL'
SELECT count(*) FROM cohorts c WHERE
  (SELECT count(*) FROM cohort_applications a WHERE a.cohort_id = c.id AND a.status = 'Approved') > c.capacity
  OR (SELECT count(*) FROM cohort_applications a WHERE a.cohort_id = c.id AND a.status = 'Waitlisted') > c.waitlist_capacity
  OR (SELECT count(*) FROM cohort_applications a WHERE a.cohort_id = c.id AND a.status = 'Approved')
     <> (SELECT count(*) FROM cohort_slots s JOIN cohort_applications a ON a.cohort_id = s.cohort_id AND a.student_id = s.student_id
         WHERE s.cohort_id = c.id AND s.kind = 'Seat' AND a.status = 'Approved')
  OR (SELECT count(*) FROM cohort_slots s WHERE s.cohort_id = c.id AND s.kind = 'Seat' AND s.student_id IS NOT NULL)
     <> (SELECT count(*) FROM cohort_applications a WHERE a.cohort_id = c.id AND a.status = 'Approved')
SQL
)\")\" = 0 ]"
  check "ledger: every transaction balances" "[ \"\$(psql_db 'SELECT count(*) FROM (SELECT 1 FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_krw) <> 0) t')\" = 0 ]"
  check "money: each paid order sold once in the ledger, each of its courses one active enrolment" "[ \"\$(psql_db \"$(cat <<'SQL'
SELECT count(*) FROM orders o WHERE o.status = 'Paid' AND (
  1 <> (SELECT count(DISTINCT l.transaction_id) FROM ledger_entries l WHERE l.order_id = o.id AND l.kind = 'Sale')
  OR EXISTS (SELECT 1 FROM jsonb_array_elements(o.lines) line WHERE 1 <> (SELECT count(*) FROM enrollments e
     WHERE e.student_id = o.student_id AND e.course_id = (line->>'courseId')::uuid AND e.status = 'Active')))
SQL
)\")\" = 0 ]"
  drained "outbox drained" "SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL" 120
  drained "webhook inbox drained" "SELECT count(*) FROM payment_webhooks WHERE processed_at IS NULL" 120
}

# A killed instance fails what it was serving (nginx passes on what it had not yet sent, and retries idempotent
# requests); a few dozen at these rates, never a stream of failures while it is down.
in_flight_only() {
  local failures; failures=$(count_status "$LOAD_REPORT" '^(5|error|timeout)')
  check "at most the killed instance's in-flight requests failed" "[ $failures -le 30 ]" "$failures failed"
}

# kill -9 of api instance $1 (0 or 1) 3 s into the load run $2, back 5 s later; $3 what the run's own verification
# proves; then the runner's arguments.
api_kill_under_load() {
  local i="$1" name="$2" proves="$3"; shift 3
  load_start "$name" "$@"
  sleep 3
  kill_and_restart "${apis[$i]}" 5; apis[$i]=$RESTARTED
  load_wait "$name"
  report "- load: $*; api-$((i + 1)) killed 3 s in and back 5 s later"
  report "- clients saw: $(statuses "$LOAD_REPORT")"
  check "$proves" "jq -e .passed \"$LOAD_REPORT\" >/dev/null" "$(jq -r .verification "$LOAD_REPORT")"
  in_flight_only
  invariants
}

fault_api_kill_rush() {
  report "## kill -9 of an api instance during an enrolment rush (120 students)"
  LH_RUSH_STUDENTS=120 api_kill_under_load 0 api-kill-rush "every student answered and the seats exact (through the API)" \
    --scenario enrollment-rush --rate 30 --duration 20s
}

fault_api_kill_storm() {
  report "## kill -9 of an api instance during a webhook storm (100 orders)"
  LH_STORM_ORDERS=100 api_kill_under_load 1 api-kill-storm "every acknowledged webhook settled its order once" \
    --scenario webhook-storm --users 8 --duration 20s
}

# The answer to one request: "<status> <seconds>", 000 when it got none within 10 s.
probe() { curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 10 "$@" || true; }
fast() { awk -v t="${1#* }" 'BEGIN { exit !(t < 2) }'; } # "<status> <seconds>": answered within 2 s
probe_register() { probe -H 'Content-Type: application/json' -d "{\"email\":\"chaos-$1@example.com\",\"password\":\"chaos-password-1\",\"displayName\":\"장애 점검\",\"role\":\"Student\",\"terms\":{\"service\":1,\"privacy\":1}}" "$url/api/v1/auth/register"; }
probe_login() { probe -H 'Content-Type: application/json' -d "{\"email\":\"chaos-$1@example.com\",\"password\":\"chaos-password-1\"}" "$url/api/v1/auth/login"; }

fault_standby() {
  report "## The standby stopped under a read load, then started again"
  load_start standby --scenario catalog-browse --rate 20 --duration 20s
  sleep 4
  services standby-stop
  sleep 8
  services standby-start
  load_wait standby
  report "- load: catalog-browse at 20/s for 20 s; the standby stopped 4 s in and started 8 s later"
  report "- clients saw: $(statuses "$LOAD_REPORT")"
  local errors; errors=$(count_status "$LOAD_REPORT" '^(5|error|timeout)')
  check "no 5xx: reads fell back to the primary" "[ $errors = 0 ]" "$errors failed"
  # Reads return to the standby: after a burst of reads, it serves this database's connections again.
  local on_standby=0
  for _ in $(seq 30); do
    for _ in $(seq 20); do curl -s -o /dev/null "$url/api/v1/courses?sort=popular&limit=20"; done
    on_standby=$(PGPASSWORD="$LH_DB_PASSWORD" "$LH_PG_BIN/psql" -h 127.0.0.1 -p "$LH_PG_STANDBY_PORT" -U "$LH_DB_USER" -d "$db" -qtAc \
      "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db' AND pid <> pg_backend_pid()")
    [ "$on_standby" = 0 ] || break
    sleep 1
  done
  check "reads back on the standby once it returned" "[ $on_standby -gt 0 ]" "$on_standby connections of the API on it"
  invariants
}

fault_redis() {
  report "## Redis stopped under a read load, then started again"
  load_start redis --scenario catalog-browse --rate 20 --duration 20s
  sleep 4
  services redis-stop
  sleep 2
  local register login ready
  register=$(probe_register redis) login=$(probe_login redis) ready=$(probe "$url/health/ready")
  sleep 4
  services redis-start
  load_wait redis
  report "- load: catalog-browse at 20/s for 20 s; Redis stopped 4 s in and started 8 s later; a sign-up, a sign-in and /health/ready meanwhile"
  report "- clients saw: $(statuses "$LOAD_REPORT"); during the outage: sign-up $register s, sign-in $login s, ready $ready s"
  local errors; errors=$(count_status "$LOAD_REPORT" '^(5|error|timeout)')
  check "reads served from the database: no 5xx" "[ $errors = 0 ]" "$errors failed"
  check "a sign-up committed and its sign-in answered within 2 s without Redis" "[ '${register%% *}' = 201 ] && [ '${login%% *}' = 200 ] && fast '$register' && fast '$login'" "$register; $login"
  check "health answered within 2 s (degraded, still ready)" "[ '${ready%% *}' = 200 ] && fast '$ready'" "$ready"
  local after; after=$(probe_login redis)
  check "Redis back: sign-in without a restart" "[ '${after%% *}' = 200 ]" "$after"
  invariants
}

fault_primary() {
  report "## The primary stopped under a read load, then started again"
  load_start primary --scenario catalog-browse --rate 20 --duration 25s
  sleep 4
  services primary-stop
  sleep 2
  local write ready
  write=$(probe_register primary) ready=$(probe "$url/health/ready")
  sleep 4
  services primary-start
  local recovered=""
  for _ in $(seq 60); do recovered=$(probe_register primary-after); [ "${recovered%% *}" = 201 ] && break; sleep 1; done
  load_wait primary
  report "- load: catalog-browse at 20/s for 25 s; the primary stopped 4 s in and started 6 s later; a sign-up and /health/ready meanwhile"
  report "- clients saw: $(statuses "$LOAD_REPORT"); during the outage: sign-up $write s, ready $ready s"
  local errors; errors=$(count_status "$LOAD_REPORT" '^(5|error|timeout)' '^(search|browse|detail)$')
  check "reads the standby serves kept being served: no 5xx (likes, writes, may fail)" "[ $errors = 0 ]" "$errors failed"
  check "a write failed fast: 503 within 2 s" "[ '${write%% *}' = 503 ] && fast '$write'" "$write"
  check "health unready within 2 s" "[ '${ready%% *}' = 503 ] && fast '$ready'" "$ready"
  check "the primary back: writes commit again" "[ '${recovered%% *}' = 201 ]" "$recovered"
  invariants
}

gateway_faults() { curl -fsS -X PUT -H 'Content-Type: application/json' -d "{\"failNextConfirms\":0,\"failNextCancels\":0,\"confirmDelayMs\":$1}" "$LH_PG_SIM_URL/sim/faults"; }

fault_gateway() {
  report "## The PG gateway hung on confirms during purchases, its webhooks off, then answered again"
  local saved paid_before; saved=$(curl -fsS "$LH_PG_SIM_URL/sim/webhooks") paid_before=$(psql_db "SELECT count(*) FROM orders WHERE status = 'Paid'")
  curl -fsS -X PUT -H 'Content-Type: application/json' -d '{"url":null,"secret":null}' "$LH_PG_SIM_URL/sim/webhooks"
  LH_ORDER_STUDENTS=30 LH_ORDER_COURSES=20 load_start gateway --scenario order-to-enrolment --users 16 --duration 20s
  # The simulator holds every confirm 8 s before charging (the API gives up after 2 s and a retry) for 8 s. Freezing
  # the whole simulator (SIGSTOP) stalls the load's own checkout at the gateway too, so few confirms are in flight.
  sleep 3
  gateway_faults 8000
  sleep 8
  gateway_faults 0
  load_wait gateway
  report "- load: order-to-enrolment with 16 buyers for 20 s; from 3 s in, for 8 s, the simulator held each confirm 8 s before charging, its webhooks off, so only reconciliation can settle what it charged after the API had given up"
  report "- clients saw: $(statuses "$LOAD_REPORT")"
  check "confirms answered 503 while the gateway hung, never 500" "[ $(count_status "$LOAD_REPORT" '^503$') -gt 0 ] && [ $(count_status "$LOAD_REPORT" '^500$') = 0 ]" \
    "$(count_status "$LOAD_REPORT" '^503$') × 503"
  check "the run's own checks (every confirm seen Paid is paid, enrolled, in the ledger)" "jq -e .passed \"$LOAD_REPORT\" >/dev/null" "$(jq -r .verification "$LOAD_REPORT")"
  # Reconciliation: no pending order is left that the gateway has taken money for.
  local started charged
  started=$(date +%s)
  while :; do
    charged=0
    for order in $(psql_db "SELECT id FROM orders WHERE status = 'Pending'"); do
      curl -fsS -u "${PG_SIM_SECRET_KEY:-test_sk_lecturehub_local}:" "$LH_PG_SIM_URL/v1/payments/orders/$order" 2>/dev/null | grep -q '"status":"DONE"' && charged=$((charged + 1))
    done
    [ "$charged" = 0 ] || [ $(($(date +%s) - started)) -ge 180 ] && break
    sleep 5
  done
  local reconciled; reconciled=$(($(psql_db "SELECT count(*) FROM orders WHERE status = 'Paid'") - paid_before - $(count_status "$LOAD_REPORT" '^200$' '^confirm$')))
  check "reconciliation settled every order the gateway charged" "[ $charged = 0 ]" \
    "$charged charged but pending $(($(date +%s) - started)) s after the run; $reconciled paid by reconciliation, not by their confirm"
  curl -fsS -X PUT -H 'Content-Type: application/json' -d "$saved" "$LH_PG_SIM_URL/sim/webhooks"
  invariants
}

fault_worker_kill() {
  report "## A worker killed mid-transcode and mid-flush"
  LH_STREAM_STUDENTS=10 LH_STREAM_LECTURES=2 LH_STREAM_CLIP_SECONDS=12 load_launch worker-kill --scenario progress-heartbeats --rate 50 --duration 20s
  local owner="" victim=""
  # Mid-transcode: the worker whose pid holds the lease of the running job least far along (not about to finish).
  for _ in $(seq 600); do
    owner=$(psql_db "SELECT lease_owner FROM transcode_jobs WHERE status = 'Running' ORDER BY progress_percent LIMIT 1")
    [ -z "$owner" ] || break
    sleep 0.2
  done
  [ -n "$owner" ] || lh_die "no transcode started"
  victim=$(cut -d/ -f2 <<<"$owner")
  for i in 0 1; do [ "${workers[$i]}" != "$victim" ] || { kill_and_restart "$victim" 3; workers[$i]=$RESTARTED; }; done
  load_ready worker-kill
  # Mid-flush: heartbeats are flowing and both workers flush; one is killed and comes back.
  sleep 4
  kill_and_restart "${workers[0]}" 3; workers[0]=$RESTARTED
  load_wait worker-kill
  report "- load: progress-heartbeats, 20 viewers at 50 heartbeats/s for 20 s, after two uploads; the worker encoding a rendition killed (back 3 s later), then a worker killed 4 s into the heartbeats (back 3 s later)"
  report "- clients saw: $(statuses "$LOAD_REPORT")"
  check "every viewer's coverage equals its acknowledged heartbeats: none lost, none counted twice" "jq -e .passed \"$LOAD_REPORT\" >/dev/null" "$(jq -r .verification "$LOAD_REPORT")"
  check "the killed worker's rendition taken over: every job done, one of them on a second attempt" \
    "[ \"\$(psql_db \"SELECT count(*) FILTER (WHERE status <> 'Done') || ' ' || (count(*) FILTER (WHERE attempts > 1) > 0) FROM transcode_jobs\")\" = '0 true' ]" \
    "$(psql_db "SELECT string_agg(status || ' ×' || n || ' (attempts ' || a || ')', ', ') FROM (SELECT status, attempts a, count(*) n FROM transcode_jobs GROUP BY 1, 2) t")"
  check "each video Ready once: one VideoReady event per video" \
    "[ \"\$(psql_db \"SELECT count(*) FROM lecture_videos v WHERE v.status <> 'Ready' OR 1 <> (SELECT count(*) FROM outbox_messages m WHERE m.type = 'VideoReady' AND (m.payload->>'VideoId')::uuid = v.id)\")\" = 0 ]" \
    "$(psql_db "SELECT count(*) FROM lecture_videos WHERE status = 'Ready'") videos Ready"
  invariants
}

main() {
  for fault in "${faults[@]}"; do
    lh_log "Fault: $fault"
    "fault_${fault//-/_}"
  done
}
main
echo "chaos: $passed passed, $failed failed (report: $out/report.md)"
[ "$failed" = 0 ]
