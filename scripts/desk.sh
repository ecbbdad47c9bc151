#!/usr/bin/env bash
# One entry point for people and CI:
#   bash scripts/desk.sh start [desk-app options]   install everything, start the app
#   bash scripts/desk.sh test  [pytest options]     install everything, run lint, types and every test
#   bash scripts/desk.sh setup                      install only
# System packages (libzbar, fonts, Qt's libraries, PostgreSQL and the document tools the
# tests use) are installed when this runs as root; otherwise the missing ones are named.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${DESK_APP_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"

RUNTIME_PKGS=(libzbar0 fonts-dejavu-core libegl1 libgl1 libfontconfig1 libxkbcommon0
  libxkbcommon-x11-0 libglib2.0-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-xinerama0 libxcb-image0 libxcb-render-util0 libxcb-randr0
  libxcb-xfixes0 libxrender1 libxi6 libsm6 libice6 alsa-utils)
TEST_PKGS=(postgresql poppler-utils libreoffice-calc libreoffice-writer xvfb imagemagick binutils)

say() { printf '\033[1m[desk-app]\033[0m %s\n' "$*" >&2; }

missing_packages() {
  local pkg out=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || out+=("$pkg")
  done
  echo "${out[@]:-}"
}

install_system() {
  local want=("${RUNTIME_PKGS[@]}")
  [ "${1:-}" = test ] && want+=("${TEST_PKGS[@]}")
  command -v dpkg-query >/dev/null || { say "not a Debian/Ubuntu system: install libzbar0 and Qt's xcb libraries yourself"; return 0; }
  local missing
  missing="$(missing_packages "${want[@]}")"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    say "installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    say "these system packages are missing: $missing"
    say "install them with: sudo apt-get install $missing   (or run this script as root)"
    [ "${1:-}" = test ] && return 1
  fi
}

install_python() {
  local stamp="$VENV/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in $VENV"
    "$PY" -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ]; then
    say "installing Python packages"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[test,postgres,build]"
    touch "$stamp"
  fi
  "$VENV/bin/python" scripts/update_translations.py --release-only >/dev/null 2>&1 \
    || say "translations not built (pyside6-lrelease missing?): the window will show English"
}

start_postgres() {
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user when we are root.
  local bindir port=54329 dir=/tmp/desk-app-pg
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$bindir" ] || { say "PostgreSQL is not installed: the PostgreSQL tests will not run"; return 1; }
  local run=()
  if [ "$(id -u)" = 0 ]; then run=(runuser -u postgres --); fi
  if ! "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    "${run[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >/dev/null
    "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  fi
  "${run[@]}" "$bindir/psql" -h 127.0.0.1 -p $port -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='desk_test'" | grep -q 1 \
    || "${run[@]}" "$bindir/createdb" -h 127.0.0.1 -p $port -U postgres desk_test
  export TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/desk_test"
  say "PostgreSQL for the tests: $TEST_DATABASE_URL"
}

cmd="${1:-start}"
[ $# -gt 0 ] && shift
case "$cmd" in
  setup)
    install_system runtime
    install_python
    ;;
  start)
    install_system runtime
    install_python
    args=("$@")
    if [ ${#args[@]} -eq 0 ] && ! ls /dev/video* >/dev/null 2>&1; then
      say "no camera found: starting with the bundled demo feed"
      args=(--demo)
    fi
    exec "$VENV/bin/desk-app" "${args[@]}"
    ;;
  test)
    install_system test
    install_python
    start_postgres || true
    export QT_QPA_PLATFORM=offscreen
    say "ruff"
    "$VENV/bin/ruff" check desk_app tests bench scripts build_installer.py setup.py
    "$VENV/bin/ruff" format --check desk_app tests bench scripts build_installer.py setup.py
    say "mypy"
    "$VENV/bin/mypy"
    say "pytest"
    set +e
    "$VENV/bin/python" -m pytest -p no:cacheprovider "$@"
    status=$?
    set -e
    if [ $status -eq 5 ]; then say "no tests were collected: that is a failure"; exit 1; fi
    exit $status
    ;;
  *)
    echo "usage: bash scripts/desk.sh start|test|setup [options]" >&2
    exit 2
    ;;
esac
