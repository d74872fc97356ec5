"""Styles and helpers shared by the visit PDFs (the brief and the manager's report).

The font and the page furniture are the offers' (kamdesk.documents.fonts and
pdf_pages): one embedded PT Sans with full Cyrillic for every document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from kamdesk.documents.fonts import BOLD, FAMILY
from kamdesk.i18n import Message

Translate = Callable[[Message], str]


def text(value: str) -> str:
    """User text for a Paragraph: escaped, line breaks kept."""
    return escape((value or "").strip()).replace("\n", "<br/>")


def plain(message: Message) -> str:
    """The default translator outside Qt: the English source with its parameters."""
    return str(message)


def styles(base_size: float = 9) -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    ink = colors.Color(0.12, 0.12, 0.14)
    accent = colors.Color(0.07, 0.33, 0.55)
    base = ParagraphStyle(
        "base", fontName=FAMILY, fontSize=base_size, leading=base_size * 1.25, textColor=ink
    )
    return {
        "base": base,
        "small": ParagraphStyle(
            "small", parent=base, fontSize=base_size - 1.5, leading=(base_size - 1.5) * 1.2
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=base_size + 5, leading=base_size + 8,
            textColor=accent, spaceAfter=2,
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=BOLD, fontSize=base_size + 1, textColor=accent,
            spaceBefore=5, spaceAfter=1,
        ),
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=base_size - 1.5, leading=(base_size - 1.5) * 1.2
        ),
        "head": ParagraphStyle(
            "head", parent=base, fontName=BOLD, fontSize=base_size - 1.5,
            leading=(base_size - 1.5) * 1.2,
        ),
    }  # fmt: skip


def grid_style(header: bool = True) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    commands: list[tuple[Any, ...]] = [
        # Plain-string cells would otherwise be set in Helvetica, which is not embedded.
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.Color(0.7, 0.72, 0.75)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.86, 0.9, 0.95)))
        commands.append(("REPEATROWS", (0, 0), (-1, 0)))
    return TableStyle(commands)
