#!/usr/bin/env bash
# Checks a running API's /metrics against what reads it: every metric the Grafana dashboard (deploy/grafana) and the
# alert rules (deploy/prometheus/rules) query is exported (or recorded by a rule), and every lecturehub_* metric
# exported is documented in docs/observability.md. Run by scripts/test.sh after the guided tour has driven each feature.
#   scripts/check-metrics.sh [metrics URL, default $LH_METRICS_URL]
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$LH_ROOT"

scrape=$(curl -fsS "${1:-$LH_METRICS_URL}/metrics")
exported=$(grep -v '^#' <<<"$scrape" | sed -E 's/[{ ].*//' | sort -u)
labels=$(grep -v '^#' <<<"$scrape" | grep -oE '[a-z_]+="' | tr -d '="' | sort -u)
recorded=$(grep -ohE 'record: *[a-z0-9_:]+' deploy/prometheus/rules/*.yml | sed -E 's/.*record: *//' | sort -u)
failed=0

# The metric names in PromQL expressions: ours and the instrumentations' prefixes, less the label names (Prometheus's
# own `up` is not the API's to export).
queried() { grep -oE '"expr": *"([^"\\]|\\.)*"|expr: *.*|^ {10,}[^ ].*' "$@" | grep -oE '[a-z_][a-z0-9_:]*' \
  | grep -E '^(lecturehub[_:]|http_server_|db_client_|process_|dotnet_)' | sort -u | comm -23 - <(printf '%s\n' "$labels"); }

for name in $(queried deploy/grafana/*.json deploy/prometheus/rules/*.yml); do
  if [[ "$name" == *:* ]]; then
    grep -qx "$name" <<<"$recorded" || { echo "  $name is queried but no rule records it"; failed=1; }
  elif ! grep -qx "$name" <<<"$exported"; then
    echo "  $name is queried but the API does not export it"; failed=1
  fi
done

for name in $(grep -E '^lecturehub_' <<<"$exported" | sed -E 's/_(bucket|sum|count)$//' | sort -u); do
  grep -q "\`$name\`" docs/observability.md || { echo "  $name is exported but docs/observability.md does not list it"; failed=1; }
done

[ "$failed" = 0 ] && echo "every queried metric is exported and every exported one documented ($(wc -l <<<"$exported") series names)"
exit "$failed"
