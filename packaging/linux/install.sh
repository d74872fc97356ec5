#!/usr/bin/env bash
# Install this KAMdesk bundle for the current user (no root needed): the folder goes to
# ~/.local/opt/kamdesk, `kamdesk` to ~/.local/bin, the menu entry and icon to
# ~/.local/share. Run it from the unpacked folder: ./install.sh   (./install.sh --remove)
# A store, settings and backups live apart (~/.local/share/KAMdesk) and are never touched.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="${PREFIX:-$HOME/.local}"
TARGET="$PREFIX/opt/kamdesk"
if [ "${1:-}" = "--remove" ]; then
    rm -rf "$TARGET" "$PREFIX/bin/kamdesk" "$PREFIX/share/applications/kamdesk.desktop" \
        "$PREFIX/share/icons/hicolor/scalable/apps/kamdesk.svg"
    echo "KAMdesk removed (your data in ~/.local/share/KAMdesk is kept)"
    exit 0
fi
mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$PREFIX/share/applications" \
    "$PREFIX/share/icons/hicolor/scalable/apps"
if [ "$HERE" != "$TARGET" ]; then
    rm -rf "$TARGET.new" && cp -a "$HERE" "$TARGET.new"
    rm -rf "$TARGET" && mv "$TARGET.new" "$TARGET"
fi
ln -sf "$TARGET/kamdesk" "$PREFIX/bin/kamdesk"
sed "s|^Exec=kamdesk|Exec=$TARGET/kamdesk|; s|^TryExec=kamdesk|TryExec=$TARGET/kamdesk|" \
    "$TARGET/kamdesk.desktop" >"$PREFIX/share/applications/kamdesk.desktop"
cp "$TARGET/kamdesk.svg" "$PREFIX/share/icons/hicolor/scalable/apps/kamdesk.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
echo "KAMdesk installed in $TARGET; start it from the menu or with: kamdesk"
