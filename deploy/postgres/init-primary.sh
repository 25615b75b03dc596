#!/bin/bash
# Runs once when the primary's data directory is created (docker-entrypoint-initdb.d). Mirrors create_roles in
# scripts/dev-services.sh: the replication role, the application role, both databases and the test grants.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U postgres <<SQL
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '$LH_DB_PASSWORD';
CREATE ROLE $LH_DB_USER WITH LOGIN CREATEDB PASSWORD '$LH_DB_PASSWORD';
CREATE DATABASE lecturehub OWNER $LH_DB_USER;
CREATE DATABASE lecturehub_test OWNER $LH_DB_USER;
SQL
for db in lecturehub lecturehub_test; do
  psql -v ON_ERROR_STOP=1 -U postgres -d "$db" -c "GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume() TO $LH_DB_USER"
done
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
