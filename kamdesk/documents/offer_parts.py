"""Pieces both printed forms of an offer share: the КП (offer_pdf) and the reply to a
price request (offer_price_reply)."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from kamdesk.documents.fonts import FAMILY
from kamdesk.documents.layout import flowing_table
from kamdesk.documents.offer_document import OfferDocument


def paragraph_text(value: str) -> str:
    """User text for a Paragraph: escaped, line breaks kept."""
    return escape(value.strip()).replace("\n", "<br/>")


_text = paragraph_text


def annex_list(doc: OfferDocument, st: dict[str, Any], annex_counts: list[int]) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    if not doc.annexes:
        return []
    items = [
        f"{index}. {_text(annex.title)} ({count} стр.)"
        for index, (annex, count) in enumerate(zip(doc.annexes, annex_counts, strict=True), 1)
    ]
    return [Spacer(1, 4), Paragraph("<b>Приложения:</b><br/>" + "<br/>".join(items), st["base"])]


def signature_table(doc: OfferDocument, st: dict[str, Any]) -> Any:
    """The signer's position, a line to sign on, the signer's name."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, TableStyle

    s = doc.supplier
    signature = flowing_table(
        [
            [
                Paragraph(_text(s.signer_title), st["base"]),
                "_______________________",
                Paragraph(_text(s.signer_name), st["base"]),
            ]
        ],
        colWidths=[86 * mm, 55 * mm, 45 * mm],
    )
    signature.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("FONT", (0, 0), (-1, -1), FAMILY, 9.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return signature
