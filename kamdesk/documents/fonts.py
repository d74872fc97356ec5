"""The embedded font of every document: PT Sans (ParaType Free Font License), full Cyrillic."""

from __future__ import annotations

from functools import cache

from kamdesk.paths import resources_dir

FAMILY = "PTSans"
BOLD = "PTSans-Bold"
ITALIC = "PTSans-Italic"
_FILES = {FAMILY: "PTS55F.ttf", BOLD: "PTS75F.ttf", ITALIC: "PTS56F.ttf"}


@cache
def register_fonts() -> str:
    """Register PT Sans with reportlab once; returns the family name to use."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources_dir() / "fonts" / "pt-sans"
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file_name)))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD)
    return FAMILY
