# Sourced by test.sh: installs and starts what the tests need on a fresh machine, and stops it afterwards.
# Each service adds its start and stop here; the functions must be safe to call when nothing was started.

# Reports (tests/Populus.Reports.Tests): a CJK font for charts and documents, LibreOffice to convert .docx to PDF,
# poppler-utils to read the PDF back. Installs only the Debian packages that are missing, so a second run is instant.
REPORT_PACKAGES=(fonts-noto-cjk libreoffice-writer-nogui poppler-utils)

ensure_report_tools() {
  local missing=() pkg
  for pkg in "${REPORT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0

  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test-env: missing ${missing[*]} and no apt-get; install a CJK font (Noto Sans CJK SC), LibreOffice and poppler-utils by hand." >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "test-env: installing ${missing[*]}"
  ensure_apt_updated
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 \
    "${missing[@]}" >/dev/null
}

# apt-get update once per test run, however many parts of the environment need packages.
ensure_apt_updated() {
  [ -n "${TEST_ENV_APT_UPDATED:-}" ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null
  TEST_ENV_APT_UPDATED=1
}

test_env_start() {
  ensure_report_tools
}

test_env_stop() {
  :
}
