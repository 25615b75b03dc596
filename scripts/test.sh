#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests against the real primary, standby and Redis from dev-services.
# Uses its own database (lecturehub_test) and Redis database (1), so it never touches run.sh's data.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"

lh_require_dotnet
"$LH_ROOT/scripts/dev-services.sh" up

lh_log "Building"
dotnet build LectureHub.sln -c Debug -nologo -v quiet

lh_export_connection_strings lecturehub_test 1
export ASPNETCORE_ENVIRONMENT=Development
export DataDirectory="$LH_DATA_DIR"

lh_log "Applying migrations to lecturehub_test"
(cd src/WebApi/bin/Debug/net10.0 && dotnet LectureHub.WebApi.dll migrate >/dev/null)

results="$LH_DATA_DIR/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0
for project in tests/Unit tests/Integration; do
  lh_log "Testing $project"
  dotnet test "$project" -c Debug --no-build -nologo --logger "console;verbosity=normal" --logger "trx" \
    --results-directory "$results" || status=1
done

# One closing line over all projects, counted from the TRX reports.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
  skipped=$((skipped + $(sed -E 's/.* notExecuted="([0-9]+)".*/\1/' <<<"$counters")))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || { echo "no test ran" >&2; exit 1; }
exit $status
