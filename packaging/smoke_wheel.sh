#!/usr/bin/env bash
# The wheel as a sales team's laptop gets it: build it, install it into a FRESH virtual
# environment (not editable, the checkout not on the path), then make a demo store, print
# an offer and a visit brief, and start the window offscreen. ./dev.sh test runs it.
#
#   packaging/smoke_wheel.sh [folder]   work in folder (kept); default: a temporary one
#
# Needs the package index (or a pip cache) for the wheel's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
DEV_PYTHON="${KAMDESK_VENV:-.venv}/bin/python"
PYTHON="${PYTHON:-python3}"
WORK="${1:-}"
if [ -z "$WORK" ]; then
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/kamdesk-wheel.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
started=$SECONDS

echo "== wheel: building"
rm -rf "$WORK/dist" "$WORK/venv" "$WORK/run"
# setuptools reuses build/lib: a module deleted since the last build would ship again.
rm -rf "$REPO/build/lib" "$REPO"/build/bdist.*
"$DEV_PYTHON" -m pip wheel -qq --disable-pip-version-check --no-deps \
    --wheel-dir "$WORK/dist" "$REPO"
WHEEL=$(ls "$WORK"/dist/kamdesk-*.whl)
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

echo "== wheel: the window, offscreen"
"$PY" "$REPO/packaging/smoke_window.py" --db store.sqlite
echo "== wheel: ok (build and install $((built - started)) s, smoke $((SECONDS - built)) s)"
