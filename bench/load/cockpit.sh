#!/usr/bin/env bash
# Load test of the cockpit API on loopback: `populus serve` on a fresh DuckDB store (first run), an administrator
# session, then wrk with 200 connections over the main cockpit endpoints (cockpit.lua). Goal: p99 < 100 ms, no errors.
# Usage: bench/load/cockpit.sh [DURATION_SECONDS=30] [CONNECTIONS=200]. Traffic goes to 127.0.0.1 only; the run is
# bounded by the duration and stops the server it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30}
connections=${2:-200}
port=${POPULUS_BENCH_PORT:-5089}
url="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null 2>&1; then
  echo "cockpit.sh: installing wrk from Debian" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
fi

dotnet build src/Populus.Cli -c Release -nologo -v q >/dev/null
work=$(mktemp -d /tmp/populus-load.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

src/Populus.Cli/bin/Release/net10.0/linux-x64/populus serve --urls "$url" --db "$work/populus.duckdb" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  grep -q "password:" "$work/server.log" 2>/dev/null && curl -s -o /dev/null "$url/" && break
  sleep 0.5
done
password=$(sed -n 's/^  password: *//p' "$work/server.log")
[ -n "$password" ] || { echo "cockpit.sh: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

jar="$work/cookies"
token=$(curl -s -c "$jar" -b "$jar" "$url/api/v1/auth/csrf" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
curl -s -f -o /dev/null -c "$jar" -b "$jar" -H "Content-Type: application/json" -H "X-CSRF-TOKEN: $token" \
  -d "{\"userName\":\"admin\",\"password\":\"$password\"}" "$url/api/v1/auth/login"
POPULUS_COOKIE=$(awk '$6 ~ /^populus\./ { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
export POPULUS_COOKIE

# Warm up (JIT, caches), then measure.
wrk -t 2 -c 20 -d 5s -s bench/load/cockpit.lua "$url" >/dev/null
echo "populus cockpit load: $connections connections, ${duration}s, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t 2 -c "$connections" -d "${duration}s" --timeout 5s --latency -s bench/load/cockpit.lua "$url"
