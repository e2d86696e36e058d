# Sourced by the load scripts: builds the CLI, starts `populus serve` on 127.0.0.1:$port with a fresh DuckDB store (first
# run: seeds the data and prints the administrator's password) and signs in as the administrator. Sets url, work (the
# temporary folder, with server.log), jar (the session's cookies) and token (a CSRF token for POST requests); stops the
# server and removes the folder on exit. `warmed_up` waits until the server's warm-up has made the default runs.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
port=${POPULUS_BENCH_PORT:-5089}
url="http://127.0.0.1:$port"

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
[ -n "$password" ] || { echo "$(basename "$0"): the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

jar="$work/cookies"
csrf() { curl -s -c "$jar" -b "$jar" "$url/api/v1/auth/csrf" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'; }
token=$(csrf)
curl -s -f -o /dev/null -c "$jar" -b "$jar" -H "Content-Type: application/json" -H "X-CSRF-TOKEN: $token" \
  -d "{\"userName\":\"admin\",\"password\":\"$password\"}" "$url/api/v1/auth/login"
token=$(csrf) # the session's own token

warmed_up() {
  for _ in $(seq 1 240); do
    grep -q "default probabilistic runs are made" "$work/server.log" && return 0
    sleep 0.5
  done
  echo "$(basename "$0"): the warm-up did not finish:" >&2
  tail "$work/server.log" >&2
  exit 1
}
