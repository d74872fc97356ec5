#!/usr/bin/env bash
# What a KAM does first with a fresh installation, on the command line: an encrypted demo
# store, an offer's PDF and a visit brief's PDF. Shared by the wheel's and the bundle's smokes.
# The store is encrypted (SQLCipher) with the passphrase in $KAMDESK_PASSPHRASE (required).
#   packaging/smoke_cli.sh <kamdesk executable> <folder>   (writes store.sqlite, *.pdf)
set -euo pipefail
KAMDESK=$1
cd "$2"
: "${KAMDESK_PASSPHRASE:?smoke_cli.sh needs KAMDESK_PASSPHRASE}"
echo "== smoke: a demo store"
"$KAMDESK" --db store.sqlite demo --accounts 40 --seed 1 >demo.log 2>&1 \
    || { cat demo.log >&2; exit 1; }
tr '\r' '\n' <demo.log | grep -a . | tail -n 1
echo "== smoke: the store is encrypted"
# SQLCipher: no plain SQLite header; the passphrase given (KAMDESK_PASSPHRASE) opens it,
# another one is refused and changes nothing. (The checks do not read the output's words:
# the command line speaks the system's language.)
if printf "SQLite format 3" | cmp -s -n 15 - store.sqlite; then
    echo "smoke: store.sqlite is a plain SQLite file, not encrypted" >&2
    exit 1
fi
"$KAMDESK" --db store.sqlite store status
before=$(cksum <store.sqlite)
if KAMDESK_PASSPHRASE="not-$KAMDESK_PASSPHRASE" "$KAMDESK" --db store.sqlite offer list \
    >wrong.txt 2>&1; then
    echo "smoke: a wrong passphrase opened the store" >&2
    exit 1
fi
grep -q "store.sqlite" wrong.txt || { cat wrong.txt >&2; exit 1; }
[ "$(cksum <store.sqlite)" = "$before" ] || { echo "smoke: a wrong passphrase changed the store" >&2; exit 1; }
echo "smoke: a wrong passphrase is refused: $(head -n 1 wrong.txt | cut -c 1-80)…"
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
