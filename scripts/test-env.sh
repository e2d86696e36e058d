# Sourced by test.sh: installs and starts what the tests need on a fresh machine, and stops it afterwards.
# Each service adds its start and stop here; the functions must be safe to call when nothing was started.

# Debian packages: installs only what is missing (a second run is instant), with one apt-get update per run.
ensure_apt_updated() {
  [ -n "${TEST_ENV_APT_UPDATED:-}" ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null
  TEST_ENV_APT_UPDATED=1
}

ensure_debian_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test-env: missing ${missing[*]} and no apt-get to install them" >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "test-env: installing ${missing[*]}" >&2
  ensure_apt_updated
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 \
    "${missing[@]}" >/dev/null
}

# Reports (tests/Populus.Reports.Tests): a CJK font for charts and documents, LibreOffice to convert .docx to PDF,
# poppler-utils to read the PDF back.
REPORT_PACKAGES=(fonts-noto-cjk libreoffice-writer-nogui poppler-utils)

# PostgreSQL: a throwaway cluster on a free loopback port, owned by the postgres user (initdb refuses root).
# The storage tests read POPULUS_TEST_PG; each test creates its own schema in it.
_populus_pg_dir=""

_populus_pg_bin() {
  local bin
  for bin in /usr/lib/postgresql/*/bin; do
    [ -x "$bin/initdb" ] && { echo "$bin"; return 0; }
  done
  return 1
}

# A loopback port nobody listens on (bash's /dev/tcp: no python or netcat needed on a fresh machine), below
# Linux's ephemeral range (32768-60999), where the machine's own outgoing connections take their ports.
_populus_free_port() {
  local p
  for p in $(shuf -i 20000-32000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

populus_pg_start() {
  if [ -n "${POPULUS_TEST_PG:-}" ]; then
    return 0 # a server was given from outside
  fi
  local bin
  if ! bin=$(_populus_pg_bin); then
    ensure_debian_packages postgresql
    bin=$(_populus_pg_bin) || { echo "test-env: PostgreSQL installation failed" >&2; return 1; }
  fi
  # Up to three tries, each on a new port and a new cluster: the port was free when picked but another process may
  # bind it before the server does. A failed start prints the server's log, which alone says why.
  local port try
  for try in 1 2 3; do
    port=$(_populus_free_port)
    _populus_pg_dir=$(mktemp -d /tmp/populus-pg.XXXXXX)
    chmod 755 "$_populus_pg_dir"
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres: "$_populus_pg_dir"
      run=(runuser -u postgres --)
    fi
    "${run[@]}" "$bin/initdb" -D "$_populus_pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    if "${run[@]}" "$bin/pg_ctl" -D "$_populus_pg_dir/data" -l "$_populus_pg_dir/log" -w start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $_populus_pg_dir -c fsync=off -c max_connections=200" >/dev/null; then
      break
    fi
    echo "test-env: PostgreSQL did not start on 127.0.0.1:$port (try $try of 3); its log:" >&2
    sed 's/^/  /' "$_populus_pg_dir/log" >&2 || true
    "${run[@]}" "$bin/pg_ctl" -D "$_populus_pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$_populus_pg_dir"
    _populus_pg_dir=""
    [ "$try" -lt 3 ] || return 1
  done
  export POPULUS_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "test-env: PostgreSQL on 127.0.0.1:$port" >&2
}

populus_pg_stop() {
  [ -n "$_populus_pg_dir" ] || return 0
  local bin run=()
  bin=$(_populus_pg_bin) || true
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  [ -n "$bin" ] && "${run[@]}" "$bin/pg_ctl" -D "$_populus_pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$_populus_pg_dir"
  _populus_pg_dir=""
  unset POPULUS_TEST_PG
}

# Web (tests/Populus.Web.Tests): Debian's Chromium and CJK fonts for the Playwright browser tests (no browser
# download), and node/npm for the build's `npm ci` of ECharts (src/Populus.Web/package.json).
populus_web_env() {
  ensure_debian_packages chromium fonts-noto-cjk
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    ensure_debian_packages nodejs npm
  fi
}

test_env_start() {
  ensure_debian_packages "${REPORT_PACKAGES[@]}"
  populus_web_env
  populus_pg_start
}

test_env_stop() {
  populus_pg_stop
}
