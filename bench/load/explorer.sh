#!/usr/bin/env bash
# What a slider move of the scenario explorer waits for, through the server: `populus serve` on a fresh store (see
# session.sh), once its warm-up has made the default runs, then MOVES sequential moves (a new TFR each), each as the
# page sends it — POST /api/v1/projections/run for the projection, then again with probabilities: true for the target
# probabilities of 1,000 new trajectories. Prints curl's times of both requests, the server's elapsed time of the
# probabilities (the run and the judging) and the warm-up the server logged. Goal (issue 7 §6): the 1,000-trajectory run < 200 ms.
# Usage: bench/load/explorer.sh [MOVES=12]. Traffic goes to 127.0.0.1 only.
set -euo pipefail
moves=${1:-12}
source "$(dirname "$0")/session.sh"

warmed_up

move() { # $1 TFR, $2 'true' for the probabilities; prints curl's seconds and the body
  curl -s -w '\n%{time_total}\n' -b "$jar" -H "Content-Type: application/json" -H "X-CSRF-TOKEN: $token" \
    -d "{\"scenario\":\"baseline\",\"tfr\":$1,\"probabilities\":$2}" "$url/api/v1/projections/run"
}
summary() { sort -n | awk '{ a[NR] = $1 } END { printf "median %.0f ms, min %.0f, max %.0f", a[int((NR + 1) / 2)], a[1], a[NR] }'; }
move 0.91 false >/dev/null; move 0.91 true >/dev/null # first requests of the endpoint (JIT)
projection=() probabilities=() server=()
for i in $(seq 1 "$moves"); do
  tfr=$(awk -v i="$i" 'BEGIN { printf "%.2f", 1.0 + i * 0.02 }')
  projection+=("$(move "$tfr" false | tail -n 1 | awk '{ print $1 * 1000 }')")
  out=$(move "$tfr" true)
  probabilities+=("$(tail -n 1 <<<"$out" | awk '{ print $1 * 1000 }')")
  server+=("$(head -n 1 <<<"$out" | sed -n 's/.*"probabilities":{[^}]*"elapsedMs":\([0-9.]*\).*/\1/p')")
done
echo "slider moves: $moves, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "projection request: $(printf '%s\n' "${projection[@]}" | summary)"
echo "probabilities request: $(printf '%s\n' "${probabilities[@]}" | summary)"
echo "the server's time for the probabilities (run and judging): $(printf '%s\n' "${server[@]}" | summary)"
echo "warm-up: $(grep -o "default probabilistic runs are made.*" "$work/server.log" | head -n 1)"
