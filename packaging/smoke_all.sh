#!/usr/bin/env bash
# What `./dev.sh test` (the whole suite) checks of the packages: the wheel smoked in a fresh
# virtual environment (smoke_wheel.sh), then the Linux bundle built from that wheel in
# that environment (saves installing the dependencies twice) and smoked (linux/build.sh
# --smoke; the bundle stays in build/linux/).
#   packaging/smoke_all.sh <wheel> <folder>   (folder: the wheel smoke's, kept)
set -euo pipefail
cd "$(dirname "$0")/.."
WHEEL=$(realpath "$1")
WORK=$2
started=$SECONDS
packaging/smoke_wheel.sh --wheel "$WHEEL" "$WORK"
wheel_done=$SECONDS
packaging/linux/build.sh --smoke --wheel "$WHEEL" --venv "$WORK/venv"
echo "== packages: wheel smoke $((wheel_done - started)) s," \
    "bundle build and smoke $((SECONDS - wheel_done)) s"
