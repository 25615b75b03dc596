#!/usr/bin/env bash
# One command to a running API: dev services up, build, migrate + seed, the PG simulator on $LH_PG_SIM_PORT (55090)
# posting signed webhooks to the API, the social sign-in simulator on $LH_OAUTH_SIM_PORT (25096), and the API on
# $LH_API_URL (default http://127.0.0.1:5080).
# CONFIGURATION=Debug|Release (default Release). LH_INSTANCES=2 (LH_WORKERS=1): that many API processes of role api
# and the workers in processes of their own, behind nginx on $LH_API_URL (docs/scale-out.md).
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"

lh_require_dotnet
"$LH_ROOT/scripts/dev-services.sh" up

lh_npm_ci tools/player  # hls.js for the demo player page, copied next to the build
CONFIGURATION="${CONFIGURATION:-Release}"
OUT="$LH_ROOT/src/WebApi/bin/$CONFIGURATION/net10.0"
lh_log "Building ($CONFIGURATION)"
dotnet build src/WebApi -c "$CONFIGURATION" -nologo -v quiet

lh_export_connection_strings lecturehub 0
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DataDirectory="$LH_DATA_DIR"

# The simulator first: the demo student's purchase goes through it while the demo data is seeded.
lh_log "Starting the PG simulator"
lh_start_pg_simulator "$LH_PG_SIM_PORT" "$LH_API_URL" "$LH_DATA_DIR/pg-simulator.log"

lh_log "Starting the social sign-in simulator"
lh_start_oauth_simulator "$LH_OAUTH_SIM_PORT" "$LH_DATA_DIR/oauth-simulator.log"

lh_log "Applying migrations and seeding the demo shop (the two demo videos transcode in the background once the API is up)"
(cd "$OUT" && dotnet LectureHub.WebApi.dll migrate --demo-data)

cat <<INFO

  LectureHub API      $LH_API_URL
  API reference       $LH_API_URL/scalar
  OpenAPI document    $LH_API_URL/openapi/v1.json
  Readiness           $LH_API_URL/health/ready
  Demo player         $LH_API_URL/demo/  (signs in as lee.student and plays the demo lectures)
  Emails sent (inbox) http://127.0.0.1:$LH_MAILDEV_WEB_PORT/index.html
  PG simulator        $LH_PG_SIM_URL  (pay: POST /sim/checkout {orderId, amount} → paymentKey, then confirm the order)
  Social sign-in      $LH_API_URL/api/v1/auth/oauth/kakao/start  (kakao, google, naver: the simulator on $LH_OAUTH_SIM_URL asks who you are)
  Metrics             $LH_METRICS_URL/metrics  (Prometheus: http://127.0.0.1:$LH_PROMETHEUS_PORT/alerts)

  Demo accounts (POST /api/v1/auth/login):
    admin       admin@lecturehub.dev          Admin-pass-2026
    instructor  kim.welder@lecturehub.dev     Instructor-pass-2026
    instructor  park.electric@lecturehub.dev  Instructor-pass-2026
    student     lee.student@lecturehub.dev    Student-pass-2026
    student     choi.student@lecturehub.dev   Student-pass-2026
    student     jung.student@lecturehub.dev   Student-pass-2026

  What to try first:
    ./scripts/demo.sh                 a guided tour: search 용접, buy with coupon WELD-DEMO-20, play, progress, refund quote, cohort, email
    $LH_API_URL/api/v1/courses?q=용접   thirty demo courses; lee.student owns a free one and a paid one, both with a playable first lecture

INFO
if [ "${LH_INSTANCES:-1}" -le 1 ]; then
  cd "$OUT"
  Observability__MetricsUrl="${Observability__MetricsUrl:-$LH_METRICS_URL}" dotnet LectureHub.WebApi.dll --urls "$LH_API_URL"
else
  lh_start_topology "$CONFIGURATION" "$LH_API_URL" "$LH_DATA_DIR/lecturehub.log"
  lh_log "$LH_INSTANCES api instances and ${LH_WORKERS:-1} worker(s) behind nginx on $LH_API_URL (logs: $LH_DATA_DIR/lecturehub-*.log); Ctrl-C stops them"
  wait
fi
