#!/usr/bin/env bash
# Build KAMdesk's one-folder Linux bundle: build/linux/dist/kamdesk/ (run kamdesk in it),
# with kamdesk.desktop and kamdesk.svg beside it, and build/linux/kamdesk-<version>-linux-x86_64.tar.gz.
#
#   packaging/linux/build.sh            build (the build environment is kept and reused)
#   packaging/linux/build.sh --smoke    build, then smoke-start the bundle (packaging/linux/smoke.sh)
#
# The bundle holds what the wheel holds: the wheel is built from this checkout and
# installed with PyInstaller into a clean virtual environment, build/linux/venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
DEV_PYTHON="${KAMDESK_VENV:-.venv}/bin/python"
PYTHON="${PYTHON:-python3}"
OUT="${KAMDESK_BUNDLE_OUT:-$REPO/build/linux}"
started=$SECONDS

echo "== bundle: the wheel"
rm -rf "$OUT/wheel"
# setuptools reuses build/lib: a module deleted since the last build would ship again.
rm -rf "$REPO/build/lib" "$REPO"/build/bdist.*
"$DEV_PYTHON" -m pip wheel -qq --no-deps --wheel-dir "$OUT/wheel" "$REPO"
WHEEL=$(ls "$OUT"/wheel/kamdesk-*.whl)
VERSION=$(basename "$WHEEL" | cut -d- -f2)

echo "== bundle: a clean build environment with the wheel and PyInstaller"
[ -x "$OUT/venv/bin/python" ] || "$PYTHON" -m venv "$OUT/venv"
"$OUT/venv/bin/python" -m pip install -qq --upgrade --force-reinstall --no-deps "$WHEEL"
"$OUT/venv/bin/python" -m pip install -qq "$WHEEL[packaging]"
installed=$SECONDS

echo "== bundle: PyInstaller"
cd "$OUT"  # not the checkout: PyInstaller must take kamdesk from the build environment
"$OUT/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/work" "$REPO/packaging/linux/kamdesk.spec"
cp "$REPO/packaging/linux/kamdesk.desktop" "$OUT/dist/kamdesk/"
cp "$REPO/resources/icons/kamdesk.svg" "$OUT/dist/kamdesk/kamdesk.svg"
cp "$REPO/packaging/linux/install.sh" "$OUT/dist/kamdesk/"
ARCHIVE="$OUT/kamdesk-$VERSION-linux-$(uname -m).tar.gz"
tar -C "$OUT/dist" -czf "$ARCHIVE" kamdesk
echo "== bundle: $OUT/dist/kamdesk ($(du -sh "$OUT/dist/kamdesk" | cut -f1)," \
    "$(find "$OUT/dist/kamdesk" -type f | wc -l) files), $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
echo "== bundle: built in $((SECONDS - started)) s (environment $((installed - started)) s," \
    "PyInstaller $((SECONDS - installed)) s)"

if [ "${1:-}" = "--smoke" ]; then
    "$REPO/packaging/linux/smoke.sh" "$OUT/dist/kamdesk"
fi
