#!/usr/bin/env bash
# Builds a generated catalog in its own database, for load tests and query plans:
#   scripts/catalog-data.sh 100k      → database lecturehub_100k: 100k courses, 1k instructors, 200k students, 1M likes,
#                                       100k posts, 1M comments, 2M reactions, 200k reviews, 50k questions, and the
#                                       consoles' facts (scripts/lib/console-data.sql: enrolments, ledger, learning, applications)
#   scripts/catalog-data.sh 1k        → database lecturehub_1k:   1k courses, 100 instructors, 2k students, 10k likes, a hundredth of the community
# Then point the API at it: LH_DB=lecturehub_100k scripts/bench.sh catalog-browse
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"
size="${1:?usage: scripts/catalog-data.sh smoke|1k|10k|100k}"
case "$size" in
  smoke) args=(--courses 200 --instructors 20 --students 200 --likes 1000 --posts 500 --comments 2000 --reactions 4000 --reviews 500 --questions 200) ;;
  1k)   args=(--courses 1000 --instructors 100 --students 2000 --likes 10000 --posts 1000 --comments 10000 --reactions 20000 --reviews 2000 --questions 500) ;;
  10k)  args=(--courses 10000 --instructors 300 --students 20000 --likes 100000 --posts 10000 --comments 100000 --reactions 200000 --reviews 20000 --questions 5000) ;;
  100k) args=(--courses 100000 --instructors 1000 --students 200000 --likes 1000000 --posts 100000 --comments 1000000 --reactions 2000000 --reviews 200000 --questions 50000) ;;
  *) lh_die "size must be smoke, 1k, 10k or 100k" ;;
esac
db="lecturehub_$size"

"$LH_ROOT/scripts/dev-services.sh" up >/dev/null
dotnet build src/WebApi -c Release -nologo -v quiet
dotnet build tests/Load -c Release -nologo -v quiet
"$LH_ROOT/scripts/dev-services.sh" fresh-db "$db" >/dev/null
lh_export_connection_strings "$db" 0
(cd src/WebApi/bin/Release/net10.0 && DataDirectory="$LH_DATA_DIR" ASPNETCORE_ENVIRONMENT=Development dotnet LectureHub.WebApi.dll migrate --demo-accounts >/dev/null)
dotnet tests/Load/bin/Release/net10.0/LectureHub.Load.dll generate-catalog --connection "$ConnectionStrings__Primary" "${args[@]}"
lh_log "Adding the consoles' facts (scripts/lib/console-data.sql)"
PGPASSWORD="$LH_DB_PASSWORD" "$LH_PG_BIN/psql" -h 127.0.0.1 -p "$LH_PG_PRIMARY_PORT" -U "$LH_DB_USER" -d "$db" -qAt -f "$LH_ROOT/scripts/lib/console-data.sql"
