#!/usr/bin/env bash
# Build KAMdesk's one-folder Linux bundle: build/linux/dist/kamdesk/ (run kamdesk in it),
# with kamdesk.desktop and kamdesk.svg beside it, and build/linux/kamdesk-<version>-linux-x86_64.tar.gz.
#
#   packaging/linux/build.sh [--smoke] [--wheel FILE] [--venv DIR]
#     --smoke        then smoke-start the bundle (packaging/linux/smoke.sh)
#     --wheel FILE   bundle this wheel instead of building one from the checkout
#     --venv DIR     build in this virtual environment instead of build/linux/venv: one
#                    made fresh for the wheel (./dev.sh test passes the wheel smoke's, which
#                    saves installing the dependencies twice); PyInstaller is added to it
#
# The bundle holds what the wheel holds: the wheel is built from this checkout and
# installed with PyInstaller into a clean virtual environment, build/linux/venv (kept
# and reused).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
DEV_PYTHON="${KAMDESK_VENV:-.venv}/bin/python"
PYTHON="${PYTHON:-python3}"
OUT="${KAMDESK_BUNDLE_OUT:-$REPO/build/linux}"
SMOKE="" WHEEL="" VENV="$OUT/venv"
while [ $# -gt 0 ]; do
    case "$1" in
    --smoke) SMOKE=1 ;;
    --wheel) WHEEL=$(realpath "$2") && shift ;;
    --venv) VENV=$(realpath "$2") && shift ;;
    *) echo "usage: packaging/linux/build.sh [--smoke] [--wheel FILE] [--venv DIR]" >&2 && exit 2 ;;
    esac
    shift
done
started=$SECONDS

if [ -z "$WHEEL" ]; then
    echo "== bundle: the wheel"
    rm -rf "$OUT/wheel"
    # setuptools reuses build/lib: a module deleted since the last build would ship again.
    rm -rf "$REPO/build/lib" "$REPO"/build/bdist.*
    "$DEV_PYTHON" -m pip wheel -qq --no-deps --wheel-dir "$OUT/wheel" "$REPO"
    WHEEL=$(ls "$OUT"/wheel/kamdesk-*.whl)
fi
VERSION=$(basename "$WHEEL" | cut -d- -f2)

echo "== bundle: a clean build environment ($VENV) with the wheel and PyInstaller"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -qq --disable-pip-version-check --upgrade \
    --force-reinstall --no-deps "$WHEEL"
"$VENV/bin/python" -m pip install -qq --disable-pip-version-check "$WHEEL[packaging]"
installed=$SECONDS

echo "== bundle: PyInstaller"
mkdir -p "$OUT"
cd "$OUT"  # not the checkout: PyInstaller must take kamdesk from the build environment
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/work" "$REPO/packaging/linux/kamdesk.spec"
cp "$REPO/packaging/linux/kamdesk.desktop" "$OUT/dist/kamdesk/"
cp "$REPO/resources/icons/kamdesk.svg" "$OUT/dist/kamdesk/kamdesk.svg"
cp "$REPO/packaging/linux/install.sh" "$OUT/dist/kamdesk/"
bundled=$SECONDS
ARCHIVE="$OUT/kamdesk-$VERSION-linux-$(uname -m).tar.gz"
tar -C "$OUT/dist" -czf "$ARCHIVE" kamdesk
echo "== bundle: $OUT/dist/kamdesk ($(du -sh "$OUT/dist/kamdesk" | cut -f1)," \
    "$(find "$OUT/dist/kamdesk" -type f | wc -l) files), $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
echo "== bundle: built in $((SECONDS - started)) s (environment $((installed - started)) s," \
    "PyInstaller $((bundled - installed)) s, archive $((SECONDS - bundled)) s)"

if [ -n "$SMOKE" ]; then
    "$REPO/packaging/linux/smoke.sh" "$OUT/dist/kamdesk"
fi
