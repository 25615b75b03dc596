#!/usr/bin/env bash
# Dev services on loopback: PostgreSQL 15 primary, a streaming-replication standby, Redis (with an append-only file:
# it buffers watch heartbeats), maildev (an SMTP sink with a web inbox, from npm via tools/maildev) and s3rver (an
# S3-compatible server for Media:VideoStorage=S3, via tools/s3rver) and Prometheus (scraping the API's metrics listener
# with deploy/prometheus/rules), plus the ffmpeg and curl the API and scripts use.
#   scripts/dev-services.sh up|down|status|reset|fresh-db <name>|backup|restore <time>|restore-stop
#   scripts/dev-services.sh standby-stop|standby-start|primary-stop|primary-start|redis-stop|redis-start (scripts/chaos.sh)
# Idempotent; installs missing Debian and npm packages. Ports: LH_PG_PRIMARY_PORT, LH_PG_STANDBY_PORT, LH_REDIS_PORT,
# LH_SMTP_PORT and LH_MAILDEV_WEB_PORT.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"

PRIMARY="$LH_PG_DIR/primary"
STANDBY="$LH_PG_DIR/standby"
SOCKETS="$LH_PG_DIR/sockets"
ARCHIVE="$LH_PG_DIR/wal-archive"      # every WAL segment the primary completes (archive_command)
BASE_BACKUP="$LH_PG_DIR/base-backup"  # the latest `dev-services.sh backup`
LH_PG_RESTORE_PORT="${LH_PG_RESTORE_PORT:-25434}"   # below the ephemeral range (32768-60999): it starts mid-run, when outgoing sockets may hold any port above
RESTORED="$LH_PG_DIR/restored"        # where scripts/restore.sh recovers to
REDIS_DIR="$LH_DATA_DIR/redis"
MAILDEV_DIR="$LH_DATA_DIR/maildev"
MAILDEV_TOOL="$LH_ROOT/tools/maildev"
S3_DIR="$LH_DATA_DIR/s3"
S3_TOOL="$LH_ROOT/tools/s3rver"
S3_BUCKET="lecturehub-videos"
PROM_DIR="$LH_DATA_DIR/prometheus"

as_root() { if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi; }
# PostgreSQL refuses to run as root: as root, run its tools as 'postgres'.
as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_primary() { as_pg "$LH_PG_BIN/psql" -h "$SOCKETS" -p "$LH_PG_PRIMARY_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

install_packages() {
  local missing=()
  [ -x "$LH_PG_BIN/postgres" ] || missing+=(postgresql-15 postgresql-contrib-15)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  command -v faketime >/dev/null 2>&1 || missing+=(faketime) # test.sh's LH_FAKETIME
  command -v prometheus >/dev/null 2>&1 || missing+=(prometheus) # and promtool, for test.sh's rule tests
  command -v nginx >/dev/null 2>&1 || missing+=(nginx) # the balancer in front of LH_INSTANCES API processes
  [ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || missing+=(fonts-nanum) # Hangul for PDF receipts
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils) # the receipt tests read the PDFs' text
  [ ${#missing[@]} -eq 0 ] && return
  lh_log "Installing ${missing[*]}"
  as_root apt-get update -qq
  # Debian's package starts its own cluster on 5432 and Redis on 6379; ours use other ports, so leave those alone.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

running() { [ -f "$1/postmaster.pid" ] && as_pg "$LH_PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

start_pg() { # $1 data dir, $2 port, $3 name
  if running "$1"; then lh_log "$3 already running on $2"; return; fi
  lh_log "Starting $3 on 127.0.0.1:$2"
  as_pg "$LH_PG_BIN/pg_ctl" -D "$1" -l "$LH_PG_DIR/$3.log" -w -t 300 \
    -o "-p $2 -k $SOCKETS -c listen_addresses=127.0.0.1" start >/dev/null || {
    tail -n 5 "$LH_PG_DIR/$3.log" >&2
    lh_die "$3 did not start on port $2 (is another checkout's cluster using it? set LH_PG_*_PORT)"
  }
}

init_primary() {
  [ -f "$PRIMARY/PG_VERSION" ] && return
  lh_log "Initialising primary in $PRIMARY"
  local pwfile="$LH_PG_DIR/.pw"
  printf '%s' "$LH_DB_PASSWORD" >"$pwfile"
  if [ "$(id -u)" = "0" ]; then chown postgres: "$pwfile"; fi
  as_pg "$LH_PG_BIN/initdb" -D "$PRIMARY" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  cat >>"$PRIMARY/postgresql.conf" <<CONF
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
hot_standby = on
hot_standby_feedback = on
max_connections = 200
shared_buffers = 256MB
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
CONF
  cat >>"$PRIMARY/pg_hba.conf" <<HBA
host replication replicator 127.0.0.1/32 scram-sha-256
HBA
}

# WAL archiving on the primary, for backups and point-in-time restores, and pg_stat_statements, for the statements per
# request scripts/bench.sh reports. Set here rather than only at initdb, so a cluster made before gains them (both
# need a restart, once).
ensure_primary_settings() {
  as_pg mkdir -p "$ARCHIVE"
  local command="test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f"
  if [ "$(psql_primary -c "SHOW archive_mode")" != on ] || [ "$(psql_primary -c "SHOW archive_command")" != "$command" ] ||
    [ "$(psql_primary -c "SHOW shared_preload_libraries")" != pg_stat_statements ]; then
    lh_log "Turning on WAL archiving to $ARCHIVE and pg_stat_statements (restarting the primary once)"
    psql_primary -c "ALTER SYSTEM SET archive_mode = on" -c "ALTER SYSTEM SET archive_command = '$command'" \
      -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
    as_pg "$LH_PG_BIN/pg_ctl" -D "$PRIMARY" -m fast -w restart -o "-p $LH_PG_PRIMARY_PORT -k $SOCKETS -c listen_addresses=127.0.0.1" >/dev/null
  fi
  psql_primary -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
}

# A base backup of the whole primary, replacing the previous one; with the archive it restores to any later moment.
# The archive's segments from before it are then of no use, and removed (pg_archivecleanup).
backup() {
  running "$PRIMARY" || lh_die "the primary is not running (scripts/dev-services.sh up)"
  ensure_primary_settings
  lh_log "Base backup of the primary into $BASE_BACKUP"
  as_pg rm -rf "$BASE_BACKUP.new"
  as_pg env PGPASSWORD="$LH_DB_PASSWORD" "$LH_PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$LH_PG_PRIMARY_PORT" -U replicator \
    -D "$BASE_BACKUP.new" -X none --checkpoint=fast >/dev/null
  as_pg rm -rf "$BASE_BACKUP"
  as_pg mv "$BASE_BACKUP.new" "$BASE_BACKUP"
  date -u +%Y-%m-%dT%H:%M:%SZ | as_pg tee "$BASE_BACKUP/lecturehub-backup-at" >/dev/null
  local first
  first="$(sed -nE 's/^START WAL LOCATION: .*\(file ([0-9A-F]{24})\)$/\1/p' "$BASE_BACKUP/backup_label")"
  [ -z "$first" ] || as_pg "$LH_PG_BIN/pg_archivecleanup" "$ARCHIVE" "$first"
}

# The latest base backup recovered from the archive up to $1 (a timestamp PostgreSQL reads, e.g. 2026-12-02 06:30:00+00)
# into a cluster of its own on LH_PG_RESTORE_PORT, promoted once there: the primary and standby are left alone.
restore() {
  local target="$1"
  [ -f "$BASE_BACKUP/PG_VERSION" ] || lh_die "no base backup yet: scripts/dev-services.sh backup"
  # What the primary wrote up to now must be in the archive before recovery reads it.
  if running "$PRIMARY"; then psql_primary -c "SELECT pg_switch_wal()" >/dev/null; fi
  restore_stop
  as_pg cp -a "$BASE_BACKUP" "$RESTORED"
  as_pg rm -f "$RESTORED/postmaster.pid" "$RESTORED/standby.signal" "$RESTORED/postgresql.auto.conf"
  as_pg touch "$RESTORED/recovery.signal"
  as_pg tee -a "$RESTORED/postgresql.conf" >/dev/null <<CONF
# scripts/restore.sh: recover to $target from the archive, then open read-write.
restore_command = 'cp $ARCHIVE/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
archive_mode = off
CONF
  lh_log "Restoring the base backup of $(cat "$BASE_BACKUP/lecturehub-backup-at") to $target on 127.0.0.1:$LH_PG_RESTORE_PORT"
  start_pg "$RESTORED" "$LH_PG_RESTORE_PORT" restored
  for _ in $(seq 120); do
    [ "$(as_pg "$LH_PG_BIN/psql" -h "$SOCKETS" -p "$LH_PG_RESTORE_PORT" -U postgres -qAt -c "SELECT pg_is_in_recovery()" 2>/dev/null)" = f ] && {
      lh_log "Restored: 127.0.0.1:$LH_PG_RESTORE_PORT (stop it with scripts/restore.sh stop)"; return; }
    sleep 0.5
  done
  tail -n 20 "$LH_PG_DIR/restored.log" >&2
  lh_die "recovery to $target did not finish; see $LH_PG_DIR/restored.log"
}

# Stops the restored cluster and removes it (a copy of the whole primary).
restore_stop() {
  if running "$RESTORED"; then as_pg "$LH_PG_BIN/pg_ctl" -D "$RESTORED" -m fast -w stop >/dev/null; fi
  as_pg rm -rf "$RESTORED"
}

create_roles() {
  psql_primary <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'replicator') THEN
    CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '$LH_DB_PASSWORD';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$LH_DB_USER') THEN
    CREATE ROLE $LH_DB_USER WITH LOGIN CREATEDB PASSWORD '$LH_DB_PASSWORD';
  END IF;
END \$\$;
SQL
  for db in lecturehub lecturehub_test; do
    if [ -z "$(psql_primary -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      create_db "$db"
    fi
  done
}

create_db() {
  psql_primary -c "CREATE DATABASE $1 OWNER $LH_DB_USER"
  # Grants on functions are per database. Lets integration tests pause the standby's replay (read-your-writes proof).
  psql_primary -d "$1" -c "GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume() TO $LH_DB_USER"
}

# An empty database, whatever was there: for tests and generated catalogs, which must not depend on earlier runs.
fresh_db() {
  [[ "$1" =~ ^[a-z0-9_]+$ ]] || lh_die "bad database name '$1'"
  psql_primary -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
  create_db "$1"
}

init_standby() {
  [ -f "$STANDBY/PG_VERSION" ] && return
  lh_log "Cloning standby from primary (pg_basebackup -R)"
  as_pg env PGPASSWORD="$LH_DB_PASSWORD" "$LH_PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$LH_PG_PRIMARY_PORT" -U replicator \
    -D "$STANDBY" -R -X stream -C -S lecturehub_standby --checkpoint=fast >/dev/null
}

redis_cli() { redis-cli -h 127.0.0.1 -p "$LH_REDIS_PORT" "$@"; }

start_redis() {
  if redis_cli ping >/dev/null 2>&1; then lh_log "Redis already running on $LH_REDIS_PORT"; return; fi
  lh_log "Starting Redis on 127.0.0.1:$LH_REDIS_PORT"
  mkdir -p "$REDIS_DIR"
  redis-server --bind 127.0.0.1 --port "$LH_REDIS_PORT" --daemonize yes --dir "$REDIS_DIR" \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --save "" --appendonly yes --appendfsync everysec >/dev/null
  for _ in $(seq 300); do redis_cli ping >/dev/null 2>&1 && return; sleep 0.1; done
  lh_die "Redis did not start; see $REDIS_DIR/redis.log"
}

maildev_up() { curl -fs "http://127.0.0.1:$LH_MAILDEV_WEB_PORT/api/healthz" >/dev/null 2>&1; }

start_maildev() {
  if maildev_up; then lh_log "maildev already running on $LH_SMTP_PORT (inbox: $LH_MAILDEV_WEB_PORT)"; return; fi
  if [ ! -x "$MAILDEV_TOOL/node_modules/.bin/maildev" ]; then
    lh_log "Installing maildev from tools/maildev/package-lock.json"
    (cd "$MAILDEV_TOOL" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  lh_log "Starting maildev: SMTP 127.0.0.1:$LH_SMTP_PORT, inbox http://127.0.0.1:$LH_MAILDEV_WEB_PORT"
  mkdir -p "$MAILDEV_DIR"
  # Capped, so load runs cannot fill the disk; per checkout, so two checkouts never share an inbox.
  nohup "$MAILDEV_TOOL/node_modules/.bin/maildev" --ip 127.0.0.1 --web-ip 127.0.0.1 --smtp "$LH_SMTP_PORT" \
    --web "$LH_MAILDEV_WEB_PORT" --max-emails 20000 --mail-directory "$MAILDEV_DIR/mail" >"$MAILDEV_DIR/maildev.log" 2>&1 &
  echo $! >"$MAILDEV_DIR/maildev.pid"
  for _ in $(seq 600); do maildev_up && return; sleep 0.1; done
  lh_die "maildev did not start; see $MAILDEV_DIR/maildev.log"
}

stop_maildev() {
  [ -f "$MAILDEV_DIR/maildev.pid" ] || return 0
  local pid; pid=$(cat "$MAILDEV_DIR/maildev.pid")
  if kill -0 "$pid" 2>/dev/null; then lh_log "Stopping maildev"; kill "$pid"; fi
  rm -f "$MAILDEV_DIR/maildev.pid"
}

s3_up() { curl -s -o /dev/null "http://127.0.0.1:$LH_S3_PORT/" 2>/dev/null; }

start_s3() {
  if s3_up; then lh_log "s3rver already running on $LH_S3_PORT"; return; fi
  if [ ! -x "$S3_TOOL/node_modules/.bin/s3rver" ]; then
    lh_log "Installing s3rver from tools/s3rver/package-lock.json"
    (cd "$S3_TOOL" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  lh_log "Starting s3rver on 127.0.0.1:$LH_S3_PORT (bucket $S3_BUCKET, keys S3RVER/S3RVER)"
  mkdir -p "$S3_DIR/data"
  # LH_CLOCK (test.sh's LH_FAKETIME): S3 refuses a request signed too far from its own clock, so s3rver shares ours.
  nohup $LH_CLOCK "$S3_TOOL/node_modules/.bin/s3rver" --directory "$S3_DIR/data" --address 127.0.0.1 --port "$LH_S3_PORT" \
    --configure-bucket "$S3_BUCKET" >"$S3_DIR/s3rver.log" 2>&1 &
  echo $! >"$S3_DIR/s3rver.pid"
  for _ in $(seq 600); do s3_up && return; sleep 0.1; done
  lh_die "s3rver did not start; see $S3_DIR/s3rver.log"
}

stop_s3() {
  [ -f "$S3_DIR/s3rver.pid" ] || return 0
  local pid; pid=$(cat "$S3_DIR/s3rver.pid")
  if kill -0 "$pid" 2>/dev/null; then lh_log "Stopping s3rver"; kill "$pid"; fi
  rm -f "$S3_DIR/s3rver.pid"
}

prometheus_up() { curl -fs "http://127.0.0.1:$LH_PROMETHEUS_PORT/-/ready" >/dev/null 2>&1; }

start_prometheus() {
  if prometheus_up; then lh_log "Prometheus already running on $LH_PROMETHEUS_PORT"; return; fi
  mkdir -p "$PROM_DIR"
  # deploy/prometheus/prometheus.yml with this machine's target and rules: one configuration for compose and for here.
  sed -e "/dns_sd_configs:/,/port: 9464/c\\    static_configs:\\n      - targets: [\"${LH_METRICS_URL#http://}\"]" -e "s|/etc/prometheus/rules|$LH_ROOT/deploy/prometheus/rules|" \
    "$LH_ROOT/deploy/prometheus/prometheus.yml" >"$PROM_DIR/prometheus.yml"
  lh_log "Starting Prometheus on http://127.0.0.1:$LH_PROMETHEUS_PORT, scraping $LH_METRICS_URL"
  nohup prometheus --config.file="$PROM_DIR/prometheus.yml" --storage.tsdb.path="$PROM_DIR/data" --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$LH_PROMETHEUS_PORT" >"$PROM_DIR/prometheus.log" 2>&1 &
  echo $! >"$PROM_DIR/prometheus.pid"
  for _ in $(seq 150); do prometheus_up && return; sleep 0.2; done
  tail -n 5 "$PROM_DIR/prometheus.log" >&2
  lh_die "Prometheus did not start; see $PROM_DIR/prometheus.log"
}

stop_prometheus() {
  [ -f "$PROM_DIR/prometheus.pid" ] || return 0
  local pid; pid=$(cat "$PROM_DIR/prometheus.pid")
  if kill -0 "$pid" 2>/dev/null; then lh_log "Stopping Prometheus"; kill "$pid"; fi
  rm -f "$PROM_DIR/prometheus.pid"
}

up() {
  install_packages
  mkdir -p "$LH_DATA_DIR"
  mkdir -p "$LH_PG_DIR"
  if [ "$(id -u)" = "0" ]; then chown postgres: "$LH_PG_DIR"; fi
  as_pg mkdir -p "$SOCKETS"
  init_primary
  start_pg "$PRIMARY" "$LH_PG_PRIMARY_PORT" primary
  ensure_primary_settings
  create_roles
  init_standby
  start_pg "$STANDBY" "$LH_PG_STANDBY_PORT" standby
  start_redis
  start_maildev
  start_s3
  start_prometheus
  status
}

down() {
  for d in "$RESTORED" "$STANDBY" "$PRIMARY"; do
    if running "$d"; then lh_log "Stopping $(basename "$d")"; as_pg "$LH_PG_BIN/pg_ctl" -D "$d" -m fast -w stop >/dev/null; fi
  done
  if redis_cli ping >/dev/null 2>&1; then lh_log "Stopping Redis"; redis_cli shutdown nosave >/dev/null 2>&1 || true; fi
  stop_maildev
  stop_s3
  stop_prometheus
}

status() {
  local ok=0
  for pair in "primary:$LH_PG_PRIMARY_PORT" "standby:$LH_PG_STANDBY_PORT"; do
    local name=${pair%%:*} port=${pair##*:}
    if as_pg "$LH_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      local rec; rec=$(as_pg "$LH_PG_BIN/psql" -h "$SOCKETS" -p "$port" -U postgres -qAt -c "SELECT pg_is_in_recovery()")
      printf '  %-8s 127.0.0.1:%s  up (in recovery: %s)\n' "$name" "$port" "$rec"
    else
      printf '  %-8s 127.0.0.1:%s  down\n' "$name" "$port"; ok=1
    fi
  done
  if redis_cli ping >/dev/null 2>&1; then printf '  %-8s 127.0.0.1:%s  up\n' redis "$LH_REDIS_PORT"; else printf '  %-8s 127.0.0.1:%s  down\n' redis "$LH_REDIS_PORT"; ok=1; fi
  if maildev_up; then printf '  %-8s 127.0.0.1:%s  up (inbox: http://127.0.0.1:%s)\n' maildev "$LH_SMTP_PORT" "$LH_MAILDEV_WEB_PORT"; else printf '  %-8s 127.0.0.1:%s  down\n' maildev "$LH_SMTP_PORT"; ok=1; fi
  if prometheus_up; then printf '  %-8s 127.0.0.1:%s  up (scraping %s)\n' prometheus "$LH_PROMETHEUS_PORT" "$LH_METRICS_URL"; else printf '  %-8s 127.0.0.1:%s  down\n' prometheus "$LH_PROMETHEUS_PORT"; ok=1; fi
  if s3_up; then printf '  %-8s 127.0.0.1:%s  up (bucket %s)\n' s3rver "$LH_S3_PORT" "$S3_BUCKET"; else printf '  %-8s 127.0.0.1:%s  down\n' s3rver "$LH_S3_PORT"; ok=1; fi
  if running "$PRIMARY"; then
    printf '  replication: %s\n' "$(psql_primary -c "SELECT coalesce(string_agg(application_name || ' ' || state, ', '), 'no standby attached') FROM pg_stat_replication")"
  fi
  return $ok
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  reset) down; lh_log "Removing $LH_PG_DIR, $REDIS_DIR, $MAILDEV_DIR, $S3_DIR and $PROM_DIR"; rm -rf "$LH_PG_DIR" "$REDIS_DIR" "$MAILDEV_DIR" "$S3_DIR" "$PROM_DIR" ;;
  # A checkpoint first: the standby's shutdown restartpoint then lands on it, so starting again replays little WAL.
  standby-stop) psql_primary -c CHECKPOINT; as_pg "$LH_PG_BIN/pg_ctl" -D "$STANDBY" -m fast -w stop >/dev/null ;;
  standby-start) start_pg "$STANDBY" "$LH_PG_STANDBY_PORT" standby ;;
  primary-stop) as_pg "$LH_PG_BIN/pg_ctl" -D "$PRIMARY" -m fast -w stop >/dev/null ;;
  primary-start) start_pg "$PRIMARY" "$LH_PG_PRIMARY_PORT" primary ;;
  redis-stop) redis_cli shutdown >/dev/null 2>&1 || true ;; # the append-only file is written first: nothing acknowledged is lost
  redis-start) start_redis ;;
  fresh-db) fresh_db "${2:?usage: $0 fresh-db <name>}" ;;
  backup) backup ;;
  restore) restore "${2:?usage: $0 restore <time>}" ;;
  restore-stop) restore_stop ;;
  *) echo "usage: $0 up|down|status|reset|fresh-db <name>|backup|restore <time>|restore-stop|{standby,primary,redis}-{stop,start}" >&2; exit 2 ;;
esac
