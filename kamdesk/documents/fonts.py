"""The embedded font of every document: PT Sans (ParaType Free Font License), full Cyrillic.

Every piece of text a document draws, in a paragraph, a table cell, the footer
or the decision-making map, reaches the font through `splitString` (to draw)
and `stringWidth` (to lay out). The font is the one place that knows which
characters it has, so that is where a missing one is replaced by «?» and noted
(kamdesk.documents.glyphs): nothing vanishes, and nothing can go round it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from kamdesk.documents.glyphs import printable, printable_characters
from kamdesk.resource_files import path as resource_path

FAMILY = "PTSans"
BOLD = "PTSans-Bold"
ITALIC = "PTSans-Italic"
_FILES = {FAMILY: "PTS55F.ttf", BOLD: "PTS75F.ttf", ITALIC: "PTS56F.ttf"}

# The unprintable characters met while the current document is drawn; a context
# variable because documents are built in worker threads, several at a time.
_noted: ContextVar[list[str] | None] = ContextVar("kamdesk_unprintable", default=None)


@contextmanager
def noting_unprintable() -> Iterator[list[str]]:
    """Collect, while the block runs, every character drawn as «?» (once per occurrence)."""
    noted: list[str] = []
    token = _noted.set(noted)
    try:
        yield noted
    finally:
        _noted.reset(token)


def _covered_font_class() -> type:
    from reportlab.pdfbase.ttfonts import TTFont

    class CoveredTTFont(TTFont):
        """A TrueType font that prints characters outside its cmap as «?»."""

        def __init__(self, name: str, filename: str) -> None:
            super().__init__(name, filename)
            self.covered = printable_characters(
                code for code, glyph in self.face.charToGlyph.items() if glyph
            )

        def stringWidth(self, text: Any, size: float, encoding: str = "utf8") -> float:
            # Asked for every word and, to break a long word, for every part of it: keep it lean.
            if not self.covered.issuperset(text):
                text = self._printable(text, None)
            return float(TTFont.stringWidth(self, text, size, encoding))

        def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
            return TTFont.splitString(self, self._printable(text, _noted.get()), doc, encoding)

        def _printable(self, text: Any, noted: list[str] | None) -> str:
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            return printable(text, self.covered, noted)

    return CoveredTTFont


@cache
def register_fonts() -> str:
    """Register PT Sans with reportlab once; returns the family name to use."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    font_class = _covered_font_class()
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(font_class(name, str(resource_path("fonts", "pt-sans", file_name))))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD)
    return FAMILY
