#!/usr/bin/env bash
# The wheel as a sales team's laptop gets it: build it, install it into a FRESH virtual
# environment (not editable, the checkout not on the path), then make an encrypted demo
# store, print an offer and a visit brief, key a store from a (throwaway) system keyring,
# and start the window offscreen. ./dev.sh test runs it.
#
#   packaging/smoke_wheel.sh [--wheel FILE] [folder]
#     folder         work there (kept: the fresh environment is folder/venv); default: a
#                    temporary folder, removed afterwards
#     --wheel FILE   smoke this wheel instead of building one from the checkout
#
# Needs the package index (or a pip cache) for the wheel's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
DEV_PYTHON="${KAMDESK_VENV:-.venv}/bin/python"
PYTHON="${PYTHON:-python3}"
GIVEN_WHEEL=""
if [ "${1:-}" = "--wheel" ]; then
    GIVEN_WHEEL=$(realpath "$2")
    shift 2
fi
WORK="${1:-}"
if [ -z "$WORK" ]; then
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/kamdesk-wheel.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
started=$SECONDS

rm -rf "$WORK/dist" "$WORK/venv" "$WORK/run"
if [ -n "$GIVEN_WHEEL" ]; then
    WHEEL=$GIVEN_WHEEL
else
    echo "== wheel: building"
    # setuptools reuses build/lib: a module deleted since the last build would ship again.
    rm -rf "$REPO/build/lib" "$REPO"/build/bdist.*
    "$DEV_PYTHON" -m pip wheel -qq --disable-pip-version-check --no-deps \
        --wheel-dir "$WORK/dist" "$REPO"
    WHEEL=$(ls "$WORK"/dist/kamdesk-*.whl)
fi
echo "== wheel: installing $(basename "$WHEEL") into a fresh virtual environment"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -qq --disable-pip-version-check "$WHEEL"
built=$SECONDS

# Everything below runs outside the checkout, from the installed wheel only.
mkdir -p "$WORK/run"
cd "$WORK/run"
export KAMDESK_HOME="$WORK/run/home" QT_QPA_PLATFORM=offscreen
# Stores are encrypted; this machine may have no keyring, so the smoke gives a passphrase.
export KAMDESK_PASSPHRASE="${KAMDESK_PASSPHRASE:-kamdesk-smoke}"
unset KAMDESK_DB PYTHONPATH
PY="$WORK/venv/bin/python"
KAMDESK="$WORK/venv/bin/kamdesk"
"$PY" - <<'PYTHON'
import sys
import kamdesk
from kamdesk import resource_files
assert kamdesk.__file__.startswith(sys.prefix), f"kamdesk comes from {kamdesk.__file__}"
assert str(resource_files.root()).startswith(sys.prefix), resource_files.root()
print(f"smoke: kamdesk {kamdesk.__version__} from {kamdesk.__file__}")
PYTHON

bash "$REPO/packaging/smoke_cli.sh" "$KAMDESK" "$WORK/run"
"$PY" - offer.pdf brief.pdf <<'PYTHON'
import re
import sys
from pypdf import PdfReader
for name in sys.argv[1:]:
    reader = PdfReader(name)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    text = "".join(page.extract_text() for page in reader.pages)
    assert any("PTSans" in font for font in fonts), f"{name}: fonts {fonts}"
    assert re.search("[А-Яа-я]{4}", text), f"{name}: no Russian text"
    print(f"smoke: {name}: {len(reader.pages)} page(s), fonts {sorted(fonts)}")
PYTHON

bash "$REPO/packaging/smoke_keyring.sh" "$KAMDESK" "$WORK/run"
echo "== wheel: the window, offscreen"
"$PY" "$REPO/packaging/smoke_window.py" --db store.sqlite
echo "== wheel: ok (build and install $((built - started)) s, smoke $((SECONDS - built)) s)"
