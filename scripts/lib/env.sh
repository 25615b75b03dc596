# Shared settings for the scripts: ports, data directories, and the connection strings the API and tests use.
# Source it; every value can be overridden from the environment.
# shellcheck shell=bash

LH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export LH_ROOT
export LH_PG_PRIMARY_PORT="${LH_PG_PRIMARY_PORT:-55432}"
export LH_PG_STANDBY_PORT="${LH_PG_STANDBY_PORT:-55433}"
export LH_REDIS_PORT="${LH_REDIS_PORT:-56379}"
export LH_SMTP_PORT="${LH_SMTP_PORT:-51025}"          # maildev's SMTP sink
export LH_MAILDEV_WEB_PORT="${LH_MAILDEV_WEB_PORT:-51080}"  # maildev's web inbox and REST API
export LH_S3_PORT="${LH_S3_PORT:-59000}"                    # s3rver, the S3-compatible server (Media:VideoStorage=S3)
export LH_METRICS_URL="${LH_METRICS_URL:-http://127.0.0.1:59464}"  # the API's /metrics listener (Observability:MetricsUrl)
export LH_PROMETHEUS_PORT="${LH_PROMETHEUS_PORT:-59090}"    # Prometheus, scraping LH_METRICS_URL with deploy/prometheus/rules
export LH_API_URL="${LH_API_URL:-http://127.0.0.1:5080}"
export LH_PG_SIM_PORT="${LH_PG_SIM_PORT:-55090}"            # the local PG simulator run.sh starts (tools/PgSimulator)
export LH_OAUTH_SIM_PORT="${LH_OAUTH_SIM_PORT:-25096}"      # the social sign-in simulator run.sh starts (tools/OAuthSimulator)
export LH_DB_USER="${LH_DB_USER:-lecturehub}"
export LH_DB_PASSWORD="${LH_DB_PASSWORD:-lecturehub}"
export LH_PG_BIN="${LH_PG_BIN:-/usr/lib/postgresql/15/bin}"

# .data/ in the checkout holds keys, logs and Redis. PostgreSQL runs as the 'postgres' user when we are root, and that
# user cannot enter /root, so its clusters live in a per-checkout directory it can reach.
export LH_DATA_DIR="${LH_DATA_DIR:-$LH_ROOT/.data}"
if [ "$(id -u)" = "0" ]; then
  LH_PG_DIR="${LH_PG_DIR:-/var/lib/lecturehub/$(printf '%s' "$LH_ROOT" | sha1sum | cut -c1-12)}"
else
  LH_PG_DIR="${LH_PG_DIR:-$LH_DATA_DIR/pg}"
fi
export LH_PG_DIR
# nginx's working directory (lh_start_balancer): as root its workers run as nobody, who cannot enter /root either.
if [ "$(id -u)" = "0" ]; then LH_NGINX_DIR="${LH_NGINX_DIR:-$LH_PG_DIR-nginx}"; else LH_NGINX_DIR="${LH_NGINX_DIR:-$LH_DATA_DIR/nginx}"; fi
export LH_NGINX_DIR

# Where the API finds its servers, in the form it reads (ConnectionStrings__X, Email__X). $1: database name.
lh_export_connection_strings() {
  local db="$1" redis_db="${2:-0}"
  local common="Database=$db;Username=$LH_DB_USER;Password=$LH_DB_PASSWORD"
  export ConnectionStrings__Primary="Host=127.0.0.1;Port=$LH_PG_PRIMARY_PORT;$common"
  export ConnectionStrings__Replica="Host=127.0.0.1:$LH_PG_STANDBY_PORT,127.0.0.1:$LH_PG_PRIMARY_PORT;$common"
  export ConnectionStrings__Redis="127.0.0.1:$LH_REDIS_PORT,defaultDatabase=$redis_db"
  export Email__Host=127.0.0.1 Email__Port="$LH_SMTP_PORT" Email__Security=None
}

lh_log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
lh_die() { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }

# Sets LH_CLOCK, a command prefix that runs a process with its clock moved by $1 (a faketime offset such as +365d)
# through libfaketime; empty otherwise, so "$LH_CLOCK dotnet ..." is the plain command. Only the processes that carry
# it see the moved clock: our .NET processes and s3rver, not PostgreSQL, Redis or the shell's tools (redis-cli hangs
# under libfaketime). File times stay real (NO_FAKE_STAT), so incremental builds behave; the monotonic clock moves by
# the same offset, which changes no interval (keeping it real makes the test host hang before it reaches vstest).
lh_fake_clock() {
  local lib
  lib=$(dpkg -L libfaketime 2>/dev/null | grep '/libfaketime.so.1$' | head -n 1)
  [ -n "$lib" ] || lh_die "libfaketime is not installed (apt-get install faketime)"
  export LH_CLOCK="env LD_PRELOAD=$lib FAKETIME=$1 NO_FAKE_STAT=1"
}
export LH_CLOCK="${LH_CLOCK:-}"

# npm ci in $1 (a folder with package-lock.json) unless its node_modules is already installed from that lock file.
lh_npm_ci() {
  local dir="$LH_ROOT/$1"
  [ -f "$dir/node_modules/.package-lock.json" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ] && return
  command -v npm >/dev/null 2>&1 || lh_die "Node.js 20 or later with npm is required for $1"
  lh_log "Installing $1 from its package-lock.json"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

lh_require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || lh_die "The .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH."
  dotnet --list-sdks | grep -q '^10\.' || lh_die "The .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')"
}

# Background processes a script started, stopped when it exits (each helper adds its own).
LH_ON_EXIT=""
lh_on_exit() {
  LH_ON_EXIT="$1; $LH_ON_EXIT"
  trap 'eval "$LH_ON_EXIT"' EXIT
}

# Starts the local PG simulator (Release) on port $1, posting Standard-Webhooks-signed webhooks to the API at $2 under
# provider 'local', with the secret the API's Development mode reads (.data/keys/pg-webhook-secret.key, made here if
# missing). Exports Payments__Gateway__BaseUrl for an API started after it, and LH_PG_SIM_URL / LH_PG_WEBHOOK_SECRET for
# the load suite. Stopped on exit. $3: log file.
lh_start_pg_simulator() {
  local port="$1" api_url="$2" log="$3" key="$LH_DATA_DIR/keys/pg-webhook-secret.key"
  mkdir -p "$(dirname "$key")"
  [ -s "$key" ] || head -c 32 /dev/urandom | base64 >"$key"
  dotnet build "$LH_ROOT/tools/PgSimulator" -c Release -nologo -v quiet >/dev/null
  export LH_PG_SIM_URL="http://127.0.0.1:$port" LH_PG_WEBHOOK_SECRET="whsec_$(tr -d '[:space:]' <"$key")"
  export Payments__Gateway__BaseUrl="$LH_PG_SIM_URL"
  PG_SIM_WEBHOOK_URL="$api_url/api/v1/payments/webhooks/local" PG_SIM_WEBHOOK_SECRET="$LH_PG_WEBHOOK_SECRET" \
    $LH_CLOCK dotnet "$LH_ROOT/tools/PgSimulator/bin/Release/net10.0/LectureHub.PgSimulator.dll" --urls "$LH_PG_SIM_URL" >"$log" 2>&1 &
  LH_PG_SIM_PID=$!
  lh_on_exit "kill $LH_PG_SIM_PID 2>/dev/null || true"
  for _ in $(seq 60); do curl -fs "$LH_PG_SIM_URL/sim/webhooks/stats" >/dev/null 2>&1 && return; sleep 0.5; done
  lh_die "The PG simulator did not start on $LH_PG_SIM_URL; see $log"
}

# Starts the social sign-in simulator (Kakao, Google, Naver; tools/OAuthSimulator) on port $1 and exports the API's
# ExternalSignIn settings pointing at it, for an API started after it. Stopped on exit. $2: log file.
lh_start_oauth_simulator() {
  local port="$1" log="$2" url="http://127.0.0.1:$1" p
  dotnet build "$LH_ROOT/tools/OAuthSimulator" -c Release -nologo -v quiet >/dev/null
  $LH_CLOCK dotnet "$LH_ROOT/tools/OAuthSimulator/bin/Release/net10.0/LectureHub.OAuthSimulator.dll" --urls "$url" >"$log" 2>&1 &
  LH_OAUTH_SIM_PID=$!
  lh_on_exit "kill $LH_OAUTH_SIM_PID 2>/dev/null || true"
  for p in kakao google naver; do
    export "ExternalSignIn__Providers__${p}__ClientId=lecturehub-local" "ExternalSignIn__Providers__${p}__ClientSecret=lecturehub-local-secret" \
      "ExternalSignIn__Providers__${p}__RequireHttps=false"
  done
  export ExternalSignIn__Providers__kakao__Authority="$url/kakao" ExternalSignIn__Providers__google__Authority="$url/google" \
    ExternalSignIn__Providers__naver__AuthorizationEndpoint="$url/naver/oauth2.0/authorize" \
    ExternalSignIn__Providers__naver__TokenEndpoint="$url/naver/oauth2.0/token" ExternalSignIn__Providers__naver__ProfileEndpoint="$url/naver/v1/nid/me" \
    ExternalSignIn__CallbackBaseUrl="$LH_API_URL" LH_OAUTH_SIM_URL="$url"
  for _ in $(seq 60); do curl -fs "$url/kakao/.well-known/openid-configuration" >/dev/null 2>&1 && return; sleep 0.5; done
  lh_die "The social sign-in simulator did not start on $url; see $log"
}

# What every benchmark starts from: the services up, Release builds of the API and the load runner, the database
# (LH_DB, default lecturehub) migrated with the demo accounts (the load runner reads the build as the demo Admin).
lh_prepare_bench() {
  lh_require_dotnet
  "$LH_ROOT/scripts/dev-services.sh" up >/dev/null
  (cd "$LH_ROOT" && dotnet build src/WebApi -c Release -nologo -v quiet && dotnet build tests/Load -c Release -nologo -v quiet)
  lh_export_connection_strings "${LH_DB:-lecturehub}" 0
  export ASPNETCORE_ENVIRONMENT=Development DataDirectory="$LH_DATA_DIR"
  (cd "$LH_ROOT/src/WebApi/bin/Release/net10.0" && dotnet LectureHub.WebApi.dll migrate --demo-accounts >/dev/null)
}

# Starts the Release API for load runs (LH_INSTANCES behind nginx, see lh_start_topology): the rate limits lifted (one
# generator is one address, and a few accounts stand in for thousands of users), warnings-only logging. $1: base URL,
# $2: log file; further VAR=value pairs are passed on.
lh_start_load_api() {
  local url="$1" log="$2"; shift 2
  lh_start_topology Release "$url" "$log" RateLimiting__AuthPerIpPerMinute=10000000 RateLimiting__ReadsPerMinute=10000000 \
    RateLimiting__WritesPerMinute=10000000 RateLimiting__UploadsPerMinute=10000000 Logging__LogLevel__Default=Warning \
    WriteQuotas__PostsPerHour=100000 WriteQuotas__CommentsPerHour=100000 WriteQuotas__ReportsPerHour=100000 WriteQuotas__QuestionsPerHour=100000 "$@"
}

# Starts nginx from Debian in the foreground of a background job, listening on $1 (host:port) and balancing over the
# instances $3… (host:port each) with deploy/nginx/lecturehub.conf.template; logs and temp files under $2. Stopped
# on exit. Sets LH_BALANCER_PID.
lh_start_balancer() {
  local listen="$1" dir="$2"; shift 2
  command -v nginx >/dev/null 2>&1 || lh_die "nginx is not installed (scripts/dev-services.sh up installs it)"
  mkdir -p "$dir/tmp"
  # As root, nginx's workers run as nobody: the directories they write to must be theirs.
  [ "$(id -u)" != "0" ] || chown nobody "$dir/tmp"
  local upstreams="" instance
  for instance in "$@"; do upstreams+="server $instance max_fails=2 fail_timeout=5s; "; done
  local site
  site="$(<"$LH_ROOT/deploy/nginx/lecturehub.conf.template")"
  site="${site//'${LH_NGINX_LISTEN}'/$listen}"
  printf '%s\n' "${site//'${LH_NGINX_UPSTREAMS}'/$upstreams}" >"$dir/lecturehub.conf"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/lecturehub.conf;
}
CONF
  nginx -t -q -p "$dir" -c "$dir/nginx.conf" || lh_die "nginx refused $dir/nginx.conf"
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >"$dir/nginx.out" 2>&1 &
  LH_BALANCER_PID=$!
  lh_on_exit "kill $LH_BALANCER_PID 2>/dev/null || true"
  for _ in $(seq 60); do curl -fs "http://$listen/health/live" >/dev/null 2>&1 && return; sleep 0.5; done
  lh_die "nginx did not answer on $listen; see $dir/error.log"
}

# The topology run.sh and the scale-out checks use: with LH_INSTANCES=1 (the default), one API of role all on $2;
# with more, that many of role api on the next ports and LH_WORKERS (default 1) of role worker after them, behind
# nginx on $2. The first worker's metrics listener is LH_METRICS_URL (the one Prometheus and the load runner read:
# the gauges come from the workers' sampler); every other process's is its HTTP port + 1000, below the kernel's
# ephemeral range, where a client connection's local port could already hold it. $1: build, $3: log file (instances
# log beside it: x.log → x-api-1.log, x-worker-1.log); further VAR=value settings go to every process. Exports
# LH_API_PID as every process's pid, comma-separated (the load runner adds them up).
lh_start_topology() {
  local config="$1" url="$2" log="$3"; shift 3
  local instances="${LH_INSTANCES:-1}" workers="${LH_WORKERS:-1}"
  if [ "$instances" -le 1 ]; then
    lh_start_api "$config" "$url" "$log" "$@"
    return
  fi
  local host="${url#http://}" port="${url##*:}" pids=() upstreams=() i at metrics
  host="${host%%:*}"
  for i in $(seq "$workers"); do
    at=$((port + instances + i)) metrics="http://127.0.0.1:$((port + instances + i + 1000))"
    [ "$i" -gt 1 ] || metrics="$LH_METRICS_URL"
    [ -n "$LH_METRICS_URL" ] || metrics=""
    LH_METRICS_URL="$metrics" lh_start_api "$config" "http://$host:$at" "${log%.log}-worker-$i.log" Role=worker "$@"
    pids+=("$LH_API_PID")
  done
  for i in $(seq "$instances"); do
    at=$((port + i))
    LH_METRICS_URL="${LH_METRICS_URL:+http://127.0.0.1:$((at + 1000))}" \
      lh_start_api "$config" "http://$host:$at" "${log%.log}-api-$i.log" Role=api Proxies__KnownProxies__0=127.0.0.1 "$@"
    pids+=("$LH_API_PID"); upstreams+=("$host:$at")
  done
  lh_start_balancer "$host:$port" "$LH_NGINX_DIR" "${upstreams[@]}"
  LH_API_PID="$(IFS=,; echo "${pids[*]}")"
  export LH_API_PID
}

# Starts the API from build $1 (Debug or Release) on $2 in the background, logging to $3, with any further VAR=value
# settings, and waits until it answers. Sets LH_API_PID and kills it on exit.
lh_start_api() {
  local config="$1" url="$2" log="$3"; shift 3
  (cd "$LH_ROOT/src/WebApi/bin/$config/net10.0" && exec env Observability__MetricsUrl="$LH_METRICS_URL" "$@" $LH_CLOCK dotnet LectureHub.WebApi.dll --urls "$url") >"$log" 2>&1 &
  LH_API_PID=$!
  export LH_API_PID # the load runner reads the API's CPU from /proc/$LH_API_PID
  lh_on_exit "kill $LH_API_PID 2>/dev/null || true"
  for _ in $(seq 60); do curl -fs "$url/health/live" >/dev/null 2>&1 && return; sleep 0.5; done
  lh_die "The API did not start on $url; see $log"
}
