#!/usr/bin/env bash
# Point-in-time restore (docs/reliability.md#backups): the latest base backup (scripts/dev-services.sh backup) plus
# the primary's WAL archive, recovered up to a moment into a cluster of its own on LH_PG_RESTORE_PORT (25434), left
# running for you to read or copy from; the primary and standby are untouched.
#   scripts/restore.sh '2026-12-02 06:30:00+00'    restore to that moment
#   scripts/restore.sh stop                        stop the restored cluster and remove it
set -euo pipefail
case "${1:-}" in
  "") echo "usage: $0 <time, e.g. '2026-12-02 06:30:00+00'> | stop" >&2; exit 2 ;;
  stop) exec "$(dirname "$0")/dev-services.sh" restore-stop ;;
  *) exec "$(dirname "$0")/dev-services.sh" restore "$1" ;;
esac
