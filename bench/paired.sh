#!/usr/bin/env bash
# Compares two builds of the benchmarks on this noisy 2-core VM: both run at once, one core each (swapped every
# round), single-threaded, so each pair sees the same minutes of the host; a process's figure is the minimum process
# CPU of its runs after the first (noise only adds time). docs/benchmarks.md "Session 13" explains the method.
#
#   bench/paired.sh DIR_A DIR_B ROUNDS -- ARGS…      e.g. bench/paired.sh /tmp/a /tmp/b 4 -- cpu 1000 12 1
#
# DIR_A and DIR_B hold `dotnet build -c Release bench/Populus.Benchmarks -o DIR` outputs; ARGS are the benchmark's
# (give them one thread: the two processes share the machine's two cores).
set -euo pipefail
if [ $# -lt 5 ] || [ "$4" != "--" ]; then
  echo "usage: $0 DIR_A DIR_B ROUNDS -- ARGS…" >&2
  exit 2
fi
a=$1 b=$2 rounds=$3
shift 4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
data=${POPULUS_DATA:-$(cd "$(dirname "$0")/.." && pwd)/data}
for ((i = 0; i < rounds; i++)); do
  ca=$((i % 2)) cb=$(((i + 1) % 2))
  POPULUS_DATA=$data DOTNET_TieredCompilation=0 taskset -c "$ca" dotnet "$a/Populus.Benchmarks.dll" "$@" > "$out/a.$i" 2>&1 &
  POPULUS_DATA=$data DOTNET_TieredCompilation=0 taskset -c "$cb" dotnet "$b/Populus.Benchmarks.dll" "$@" > "$out/b.$i" 2>&1 &
  wait
done
# Per process: the minimum CPU of the runs after the first ("run …: wall … ms, CPU … ms" lines), and the checksums.
for side in a b; do
  mins=()
  for ((i = 0; i < rounds; i++)); do
    mins+=("$(grep '^run' "$out/$side.$i" | tail -n +2 | sed -E 's/.*CPU ([0-9]+) ms.*/\1/' | sort -n | head -1)")
  done
  sums=$(grep -ho 'checksum [0-9A-F]*' "$out/$side".* | sort -u | tr '\n' ' ')
  echo "$side: minimum CPU per process (ms): ${mins[*]}; ${sums:-no checksum}"
done
