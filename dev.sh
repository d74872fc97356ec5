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
    # The wheel's and the bundle's smokes keep a store's key in a throwaway GNOME keyring.
    command -v gnome-keyring-daemon >/dev/null || missing+=(gnome-keyring)
    command -v dbus-run-session >/dev/null || missing+=(dbus)
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "== installing ${missing[*]}"
            apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
        else
            echo "!! install ${missing[*]} (e.g. sudo apt-get install ${missing[*]}) for the PDF tests and the smokes" >&2
        fi
    fi
}

whole_suite() {
    # The whole suite also smokes the wheel in a fresh environment, then builds the Linux
    # bundle from it and smokes that (packaging/smoke_all.sh, packaging/README.md). They
    # run beside pytest, at a lower priority (pytest mostly keeps one core busy); their
    # output follows pytest's.
    local work wheel pid status=0 packages_status=0 started=$SECONDS
    work=$(mktemp -d "${TMPDIR:-/tmp}/kamdesk-packages.XXXXXX")
    echo "== the wheel (built before pytest: a test builds one in the checkout too)"
    # setuptools reuses build/lib: a module deleted since the last build would ship again.
    rm -rf build/lib build/bdist.*
    "$VENV/bin/python" -m pip wheel -qq --disable-pip-version-check --no-deps \
        --wheel-dir "$work/dist" .
    wheel=$(ls "$work"/dist/kamdesk-*.whl)
    echo "== the wheel's and the bundle's smokes: beside pytest (log: $work/packages.log)"
    # A session of their own, so that an interrupted run stops them too.
    KAMDESK_VENV="$VENV" PYTHON="$PYTHON" setsid nice -n 5 \
        packaging/smoke_all.sh "$wheel" "$work/smoke" >"$work/packages.log" 2>&1 &
    pid=$!
    trap 'kill -- -'"$pid"' 2>/dev/null || true; rm -rf "'"$work"'"' EXIT
    echo "== pytest"
    # Two workers, a test module each at a time (module fixtures stay shared): the
    # suite keeps both cores busy and stays within the 15-minute budget. Modules go out
    # in collection order, where tests/conftest.py puts the long ones first.
    QT_QPA_PLATFORM=offscreen "$VENV/bin/pytest" -n "${KAMDESK_TEST_WORKERS:-2}" \
        --dist loadfile --no-loadscope-reorder || status=$?
    echo "== pytest done after $((SECONDS - started)) s"
    wait "$pid" || packages_status=$?
    cat "$work/packages.log"
    echo "== the wheel's and the bundle's smokes: $([ "$packages_status" = 0 ] && echo ok ||
        echo FAILED); all done after $((SECONDS - started)) s"
    [ "$status" = 0 ] || exit "$status"
    exit "$packages_status"
}

case "${1:-}" in
run)
    setup
    # The demo store is encrypted like any store. A desktop keeps its key in the system
    # keyring; a machine without one (a fresh server, a container) uses this passphrase.
    export KAMDESK_PASSPHRASE="${KAMDESK_PASSPHRASE:-kamdesk-demo}"
    if [ ! -f "$DEMO_DB" ]; then
        mkdir -p "$(dirname "$DEMO_DB")"  # demo/ is not in the repository (.gitignore)
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
    if [ $# -gt 1 ]; then
        echo "== pytest"
        QT_QPA_PLATFORM=offscreen "$VENV/bin/pytest" "${@:2}"
    else
        whole_suite
    fi
    ;;
*)
    echo "usage: ./dev.sh run | ./dev.sh test [pytest arguments]" >&2
    exit 2
    ;;
esac
