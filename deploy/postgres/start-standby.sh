#!/bin/bash
# Clones the primary once (pg_basebackup -R writes standby.signal and primary_conninfo), then runs as a hot standby.
set -euo pipefail
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h "$PRIMARY_HOST" -U replicator; do sleep 1; done
  pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream -C -S lecturehub_standby
  chmod 700 "$PGDATA"
fi
exec postgres -D "$PGDATA"
