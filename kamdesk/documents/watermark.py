"""The «ПРОЕКТ» watermark drawn as glyph outlines, not text.

As outlines it is plainly visible on paper and on screen but is not part of
the document's text, so copying or extracting the offer's text (pdftotext,
search) is not interleaved with stray watermark letters.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from kamdesk.resource_files import path as resource_path

BOLD_FILE = ("pt-sans", "PTS75F.ttf")
Outline = tuple[tuple[str, tuple[float, ...]], ...]


@cache
def outline(text: str) -> tuple[Outline, float, int]:
    """Path operations of `text` in font units, its advance width, and units per em."""
    from fontTools.pens.basePen import BasePen
    from fontTools.ttLib import TTFont

    font = TTFont(str(resource_path("fonts", *BOLD_FILE)))
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    ops: list[tuple[str, tuple[float, ...]]] = []

    class Pen(BasePen):
        def __init__(self, offset: float) -> None:
            super().__init__(glyphs)
            self.offset = offset

        def _moveTo(self, p: tuple[float, float]) -> None:
            ops.append(("M", (p[0] + self.offset, p[1])))

        def _lineTo(self, p: tuple[float, float]) -> None:
            ops.append(("L", (p[0] + self.offset, p[1])))

        def _curveToOne(self, a: Any, b: Any, c: Any) -> None:
            o = self.offset
            ops.append(("C", (a[0] + o, a[1], b[0] + o, b[1], c[0] + o, c[1])))

        def _closePath(self) -> None:
            ops.append(("Z", ()))

    advance = 0.0
    for char in text:
        name = cmap[ord(char)]
        glyphs[name].draw(Pen(advance))
        advance += glyphs[name].width
    return tuple(ops), advance, int(font["head"].unitsPerEm)


def draw_watermark(canvas: Any, text: str, size: float, angle: float) -> None:
    """Fill `text` at `size` points, centred on the page and turned by `angle` degrees."""
    ops, advance, units = outline(text)
    width, height = canvas._pagesize
    scale = size / units
    canvas.saveState()
    canvas.translate(width / 2, height / 2)
    canvas.rotate(angle)
    canvas.translate(-advance * scale / 2, -size * 0.35)
    canvas.scale(scale, scale)
    path = canvas.beginPath()
    for op, args in ops:
        if op == "M":
            path.moveTo(*args)
        elif op == "L":
            path.lineTo(*args)
        elif op == "C":
            path.curveTo(*args)
        else:
            path.close()
    canvas.drawPath(path, stroke=0, fill=1, fillMode=0)
    canvas.restoreState()
