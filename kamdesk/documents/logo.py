"""Whether a file can be printed as the letterhead's logo.

The check is the printing itself: the image is drawn on a scratch page by the
same reportlab code that draws the offer, so a file that passes here prints.
Settings refuses a file that fails; at print time a logo that fails (moved,
damaged, accepted by an older version) is left out with a warning, and the
offer is made all the same.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message

CONTEXT = "LogoCheck"  # the literal of QT_TRANSLATE_NOOP below: lupdate reads literals
MAX_LOGO_BYTES = 10 * 1024 * 1024
MAX_LOGO_SIDE = 4096  # pixels; a logo is printed 22 mm wide, ~260 pixels at 300 dpi

NOT_FOUND = QT_TRANSLATE_NOOP("LogoCheck", "The logo file {file} is not there any more.")
TOO_BIG = QT_TRANSLATE_NOOP(
    "LogoCheck", "The logo file is {megabytes} MB; choose one of at most {limit} MB."
)
TOO_MANY_PIXELS = QT_TRANSLATE_NOOP(
    "LogoCheck",
    "The image is {width} × {height} pixels; a logo may be at most {limit} pixels each way.",
)
NOT_AN_IMAGE = QT_TRANSLATE_NOOP(
    "LogoCheck", "This file is not an image that can be printed (PNG or JPEG), or it is damaged."
)
LEFT_OUT = QT_TRANSLATE_NOOP(
    "Printing", "The logo {file} cannot be printed and was left out; choose it again in Settings."
)


def size_problem(byte_count: int, pixels: tuple[int, int] | None = None) -> Message | None:
    """Whether a file of `byte_count` bytes (and `pixels` width × height) is too big a logo."""
    if byte_count > MAX_LOGO_BYTES:
        megabytes = math.ceil(byte_count / 1024 / 1024)
        return Message(CONTEXT, TOO_BIG, {"megabytes": megabytes, "limit": MAX_LOGO_BYTES >> 20})
    if pixels is not None and max(pixels) > MAX_LOGO_SIDE:
        width, height = pixels
        return Message(
            CONTEXT, TOO_MANY_PIXELS, {"width": width, "height": height, "limit": MAX_LOGO_SIDE}
        )
    return None


def logo_problem(path: str | Path) -> Message | None:
    """Why `path` cannot be printed as the logo, or None when it can."""
    path = Path(path)
    try:
        byte_count = path.stat().st_size
    except OSError:
        byte_count = -1
    if byte_count < 0 or not path.is_file():
        return Message(CONTEXT, NOT_FOUND, {"file": str(path)})
    too_big = size_problem(byte_count)
    if too_big is not None:
        return too_big
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    # Any failure of the image libraries means the same to the user: it will not print.
    try:
        reader = ImageReader(str(path))
        width, height = reader.getSize()
    except Exception:
        return Message(CONTEXT, NOT_AN_IMAGE)
    too_big = size_problem(byte_count, (width, height))
    if too_big is not None:
        return too_big
    try:
        scratch = Canvas(io.BytesIO())
        scratch.drawImage(reader, 0, 0, 60, 60, preserveAspectRatio=True, mask="auto")
        scratch.save()
    except Exception:
        return Message(CONTEXT, NOT_AN_IMAGE)
    return None


def printable_logo(path: str) -> tuple[str, Message | None]:
    """The logo to print ("" for none) and, if the chosen one cannot be, why it is left out."""
    if not path:
        return "", None
    if logo_problem(path) is not None:
        return "", Message("Printing", LEFT_OUT, {"file": Path(path).name})
    return path, None
