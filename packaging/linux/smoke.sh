#!/usr/bin/env bash
# Smoke-start a built Linux bundle as a KAM would: an encrypted demo store (the passphrase
# from KAMDESK_PASSPHRASE), an offer's PDF, a visit brief's PDF, a store keyed from the
# system keyring (a throwaway Secret Service: packaging/smoke_keyring.sh), and the window
# offscreen (Russian menus, icons, style sheet, clean log).
#   packaging/linux/smoke.sh [bundle folder]   (default: build/linux/dist/kamdesk)
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
BUNDLE=$(cd "${1:-build/linux/dist/kamdesk}" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kamdesk-bundle.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
started=$SECONDS
export KAMDESK_HOME="$WORK/home" QT_QPA_PLATFORM=offscreen
export KAMDESK_PASSPHRASE="${KAMDESK_PASSPHRASE:-kamdesk-smoke}"  # no keyring needed
unset KAMDESK_DB PYTHONPATH
"$BUNDLE/kamdesk" --version
bash "$REPO/packaging/smoke_cli.sh" "$BUNDLE/kamdesk" "$WORK"
for pdf in "$WORK/offer.pdf" "$WORK/brief.pdf"; do
    grep -aq PTSans "$pdf" || { echo "smoke: $pdf lacks the PT Sans font" >&2; exit 1; }
done
bash "$REPO/packaging/smoke_keyring.sh" "$BUNDLE/kamdesk" "$WORK"
echo "== bundle: the window, offscreen"
(cd "$WORK" && KAMDESK_SMOKE=1 "$BUNDLE/kamdesk" --db store.sqlite)
echo "== bundle: smoke ok in $((SECONDS - started)) s"
