#!/usr/bin/env bash
# The store's key in the system keyring, as on a KAM's Linux desktop: in a D-Bus session
# of its own with a throwaway GNOME keyring (the Secret Service; nothing touches the
# keyring of the user running this), and WITHOUT a passphrase, KAMdesk makes a demo
# store, which puts a new key into the keyring; a second process opens the store with the
# key it reads back from there. There is no other source of a key, so this proves that
# `keyring`, its Secret Service backend and their D-Bus libraries work in this
# installation (a bundle that lacks them fails with "no key ... no keyring"). Shared by
# the wheel's and the bundle's smoke tests; needs gnome-keyring and dbus-run-session
# (./dev.sh test installs them on CI).
#   packaging/smoke_keyring.sh <kamdesk executable> <folder>   (writes keyring/ there)
set -euo pipefail
KAMDESK=$1
WORK=$2/keyring
for tool in gnome-keyring-daemon dbus-run-session; do
    command -v "$tool" >/dev/null || {
        echo "smoke: $tool is missing (apt-get install gnome-keyring dbus)" >&2
        exit 1
    }
done
echo "== smoke: the store's key in a keyring (Secret Service), no passphrase"
rm -rf "$WORK"
mkdir -p "$WORK/home/.cache" "$WORK/home/.local/share"
export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/home/.cache" KAMDESK_HOME="$WORK/kamdesk"
export XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config"
unset KAMDESK_PASSPHRASE DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL
cd "$WORK"
status=0
dbus-run-session -- bash -euo pipefail -c '
    printf smoke | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$0" --db store.sqlite demo --accounts 5 --seed 1 >demo.log 2>&1 \
        || { cat demo.log >&2; exit 1; }
    if printf "SQLite format 3" | cmp -s -n 15 - store.sqlite; then
        echo "smoke: the keyring-keyed store is not encrypted" >&2
        exit 1
    fi
    # A new process: the key can only come from the keyring now.
    "$0" --db store.sqlite offer list >offers.txt
    grep -q "КП-" offers.txt || { echo "smoke: no offers read back" >&2; exit 1; }
    echo "smoke: a store keyed from the keyring: made, reopened ($(grep -c "КП-" offers.txt) offers)"
' "$KAMDESK" 2>session.log || status=$?
# dbus-daemon may say it cannot raise its file limit (not root, or a container): noise.
grep -v "fd limit" session.log >&2 || true
exit "$status"
