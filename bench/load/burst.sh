#!/usr/bin/env bash
# What a user waits for who holds an arrow key on a slider of the scenario explorer: the page sends a slider move's
# probabilities request (1,000 new trajectories) on each change and drops the answer of the one before. `populus
# serve` on a fresh store (see session.sh), once its warm-up has made the default runs; then ROUNDS times: MOVES
# requests GAP ms apart (a new TFR each); with MODE abort, each one's curl is killed when the next starts, as the page
# aborts its request; with MODE keep, each is left to finish, as the page did before it aborted them. Prints the time
# from the last move to its answer, against a single move's time.
# Usage: bench/load/burst.sh [ROUNDS=5] [MOVES=8] [GAP=40] [MODE=abort|keep]. Traffic goes to 127.0.0.1 only.
set -euo pipefail
rounds=${1:-5} moves=${2:-8} gap=${3:-40} mode=${4:-abort}
source "$(dirname "$0")/session.sh"

warmed_up

body() { awk -v t="$1" 'BEGIN { printf "{\"scenario\":\"baseline\",\"tfr\":%.2f,\"probabilities\":true}", t / 100 }'; }
post() { # $1 TFR × 100; curl itself, so that killing it closes its connection
  exec curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" -H "Content-Type: application/json" -H "X-CSRF-TOKEN: $token" \
    -d "$(body "$1")" "$url/api/v1/projections/run"
}
ms() { awk '{ printf "%.0f", $1 * 1000 }'; }
(post 91) >/dev/null # the endpoint's first request (JIT)
single=() last=()
tfr=100
for _ in $(seq 1 "$rounds"); do
  tfr=$((tfr + 1))
  single+=("$( (post "$tfr") | ms)")
  sleep 1
  pids=()
  for i in $(seq 1 "$moves"); do
    if [ "$mode" = abort ] && [ ${#pids[@]} -gt 0 ]; then
      kill "${pids[-1]}" 2>/dev/null || true
    fi
    tfr=$((tfr + 1))
    if [ "$i" -lt "$moves" ]; then
      (post "$tfr") >/dev/null &
      pids+=($!)
      sleep "$(awk -v g="$gap" 'BEGIN { print g / 1000 }')"
    else
      last+=("$( (post "$tfr") | ms)")
    fi
  done
  wait "${pids[@]}" 2>/dev/null || true
  sleep 1
done
echo "slider moves: $rounds rounds of $moves moves ${gap} ms apart ($mode), $(nproc) cores"
echo "a single move: $(printf '%s ' "${single[@]}")ms"
echo "the last move of a burst, from its request to its answer: $(printf '%s ' "${last[@]}")ms"
