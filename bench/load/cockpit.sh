#!/usr/bin/env bash
# Load test of the cockpit API on loopback: `populus serve` on a fresh DuckDB store (first run), an administrator
# session, then wrk with 200 connections over the main cockpit endpoints (cockpit.lua). Goal: p99 < 100 ms, no errors.
# Usage: bench/load/cockpit.sh [DURATION_SECONDS=30] [CONNECTIONS=200]. Traffic goes to 127.0.0.1 only; the run is
# bounded by the duration and stops the server it started.
set -euo pipefail
duration=${1:-30}
connections=${2:-200}

if ! command -v wrk >/dev/null 2>&1; then
  echo "cockpit.sh: installing wrk from Debian" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
fi

source "$(dirname "$0")/session.sh"
POPULUS_COOKIE=$(awk '$6 ~ /^populus\./ { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
export POPULUS_COOKIE

# The scenario explorer: a slider move is one POST /api/v1/projections/run with new levers (a new projection each
# time); 20 sequential moves after a warm-up, timed by curl. Goal: < 200 ms each.
run() {
  curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" -H "Content-Type: application/json" -H "X-CSRF-TOKEN: $token" \
    -d "{\"scenario\":\"baseline\",\"tfr\":$1,\"netMigration\":50000}" "$url/api/v1/projections/run"
}
run 0.95 >/dev/null; run 1.05 >/dev/null
times=$(for i in $(seq 1 20); do run "$(awk -v i="$i" 'BEGIN { printf "%.2f", 1.1 + i * 0.03 }')"; done | sort -n)
echo "scenario run (20 slider moves, sequential): median $(awk '{ a[NR] = $1 * 1000 } END { printf "%.0f", a[int((NR + 1) / 2)] }' <<<"$times") ms, max $(tail -n 1 <<<"$times" | awk '{ printf "%.0f", $1 * 1000 }') ms"

# Warm up (JIT, caches), then measure.
wrk -t 2 -c 20 -d 5s -s bench/load/cockpit.lua "$url" >/dev/null
echo "populus cockpit load: $connections connections, ${duration}s, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t 2 -c "$connections" -d "${duration}s" --timeout 5s --latency -s bench/load/cockpit.lua "$url"
