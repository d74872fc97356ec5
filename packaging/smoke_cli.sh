#!/usr/bin/env bash
# What a KAM does first with a fresh installation, on the command line: a demo store, an
# offer's PDF and a visit brief's PDF. Shared by the wheel's and the bundle's smoke tests.
#   packaging/smoke_cli.sh <kamdesk executable> <folder>   (writes store.sqlite, *.pdf)
set -euo pipefail
KAMDESK=$1
cd "$2"
echo "== smoke: a demo store"
"$KAMDESK" --db store.sqlite demo --accounts 40 --seed 1 >demo.log 2>&1 \
    || { cat demo.log >&2; exit 1; }
tr '\r' '\n' <demo.log | grep -a 'accounts,'
echo "== smoke: an offer's PDF"
number=$("$KAMDESK" --db store.sqlite offer list --status sent | grep -o 'КП-[^ ]*' | head -n 1)
[ -n "$number" ] || { echo "smoke: the demo store has no sent offer" >&2; exit 1; }
"$KAMDESK" --db store.sqlite offer pdf "$number" -o offer.pdf
echo "== smoke: a visit brief's PDF"
visit=$("$KAMDESK" --db store.sqlite visit list | grep -Eo '^[0-9a-f]{8}' | head -n 1)
[ -n "$visit" ] || { echo "smoke: the demo store has no visit this week" >&2; exit 1; }
"$KAMDESK" --db store.sqlite visit brief "$visit" -o brief.pdf
for pdf in offer.pdf brief.pdf; do
    [ "$(head -c 5 "$pdf")" = "%PDF-" ] || { echo "smoke: $pdf is not a PDF" >&2; exit 1; }
done
