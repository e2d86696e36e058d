#!/usr/bin/env bash
# Runs every test of Populus on a fresh machine with the .NET SDK: installs what the tests need, starts the
# services they use, runs the suite, and ends with one line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

source scripts/test-env.sh
trap test_env_stop EXIT
test_env_start

dotnet build Populus.sln -c Release -nologo -v q
rm -rf TestResults
set +e
dotnet test Populus.sln -c Release --no-build -nologo --logger "trx" --results-directory "$root/TestResults" "$@"
status=$?
set -e

passed=0; failed=0; skipped=0
for trx in TestResults/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${s:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || exit 1
exit "$status"
