"""Draw KAMdesk's icon (resources/icons/kamdesk.svg) as a Windows .ico (or a .png) with Qt.

    python packaging/make_icon.py build/windows/kamdesk.ico

The .ico holds 16, 24, 32, 48, 64, 128 and 256 pixel images, as Explorer wants, each
stored as PNG (what Windows Vista and later read); a .png target gets the 256 one.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def _png(renderer: object, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    assert isinstance(renderer, QSvgRenderer)
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes str
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An .ico file of PNG images: a header, one 16-byte entry per image, the images."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main(target: str) -> int:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    from kamdesk import resource_files

    _app = QGuiApplication.instance() or QGuiApplication(["make_icon", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(resource_files.path("icons", "kamdesk.svg")))
    if not renderer.isValid():
        print("make_icon: the SVG icon cannot be read", file=sys.stderr)
        return 1
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".ico":
        path.write_bytes(ico({size: _png(renderer, size) for size in SIZES}))
    else:
        path.write_bytes(_png(renderer, SIZES[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
