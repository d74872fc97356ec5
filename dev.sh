#!/usr/bin/env bash
# KAMdesk developer entry point.
#   ./dev.sh run    set up (first time) and start KAMdesk on the demo territory
#   ./dev.sh test   set up (first time) and run the whole test suite with the linters
set -euo pipefail
cd "$(dirname "$0")"

VENV="${KAMDESK_VENV:-.venv}"
PYTHON="${PYTHON:-python3}"
DEMO_DB="demo/kamdesk-demo.sqlite"

setup() {
    if [ ! -x "$VENV/bin/python" ]; then
        echo "== creating the virtual environment in $VENV"
        "$PYTHON" -m venv "$VENV"
    fi
    # Reinstall only when the dependencies changed since the last setup.
    local stamp="$VENV/.kamdesk-installed"
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        echo "== installing KAMdesk and its dependencies"
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        "$VENV/bin/python" -m pip install --quiet -e ".[dev,server]"
        touch "$stamp"
    fi
}

system_tools() {
    # PDF checks in the tests use poppler's pdftotext/pdffonts and qpdf; the manager's
    # XLSX is read back by LibreOffice. Tests that need a missing tool skip and say so.
    local missing=()
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
    command -v qpdf >/dev/null || missing+=(qpdf)
    command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
    # The office-server tests start a throwaway PostgreSQL cluster of their own.
    command -v initdb >/dev/null || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null \
        || missing+=(postgresql)
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "== installing ${missing[*]}"
            apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
        else
            echo "!! install ${missing[*]} (e.g. sudo apt-get install ${missing[*]}) for the PDF tests" >&2
        fi
    fi
}

case "${1:-}" in
run)
    setup
    # The demo store is encrypted like any store. A desktop keeps its key in the system
    # keyring; a machine without one (a fresh server, a container) uses this passphrase.
    export KAMDESK_PASSPHRASE="${KAMDESK_PASSPHRASE:-kamdesk-demo}"
    if [ ! -f "$DEMO_DB" ]; then
        "$VENV/bin/kamdesk" --db "$DEMO_DB" demo --accounts 300 --seed 1
    fi
    exec "$VENV/bin/kamdesk" --db "$DEMO_DB"
    ;;
test)
    setup
    system_tools
    echo "== ruff"
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    echo "== import contracts"
    "$VENV/bin/lint-imports"
    echo "== mypy"
    "$VENV/bin/mypy"
    echo "== pytest"
    QT_QPA_PLATFORM=offscreen "$VENV/bin/pytest" "${@:2}"
    # The whole suite (no pytest arguments) also installs the wheel fresh and smokes it.
    [ $# -gt 1 ] || KAMDESK_VENV="$VENV" PYTHON="$PYTHON" packaging/smoke_wheel.sh
    ;;
*)
    echo "usage: ./dev.sh run | ./dev.sh test [pytest arguments]" >&2
    exit 2
    ;;
esac
