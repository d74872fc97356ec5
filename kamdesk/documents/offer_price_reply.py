"""A reply to a state customer's price request (44-ФЗ: the НМЦК justification), as a PDF.

Before an auction a state hospital asks several suppliers for prices to justify the
initial maximum contract price (field guide §5). The reply is a letter, not a pitch:
the letterhead, the customer, «Ответ на запрос о предоставлении ценовой информации»
«на запрос № … от …», one table (name with МНН and trade name, registration
certificate, unit, quantity, unit price with VAT, VAT rate, amount with VAT), the total
with VAT in words, the date the prices are valid until, the signature. No discount
column, no benefit, exclusivity or arguments for readers.

Figures (services.offers.money, `reply_figures`): the unit price with VAT is rounded to
the kopeck and the line's amount is the quantity times it, so the customer's
calculator agrees with every printed line; the renderer computes only that unit price.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from kamdesk.documents.fonts import BOLD, FAMILY
from kamdesk.documents.layout import fit_figures, flowing_table
from kamdesk.documents.offer_document import DocLine, OfferDocument
from kamdesk.documents.offer_parts import annex_list, paragraph_text, signature_table
from kamdesk.services.formatting import grouped as format_money
from kamdesk.services.formatting import number as format_count
from kamdesk.services.formatting import percent_figure as format_percent
from kamdesk.services.offers.money import unit_price_with_vat

REPLY_TITLE = "Ответ на запрос о предоставлении ценовой информации"
UNIT = "уп."
# Column widths in millimetres (the frame is 186 mm wide).
COLUMNS = (
    ("№", 7),
    ("Торговое наименование (МНН), форма выпуска, упаковка", 63),
    ("Регистрационное удостоверение", 27),
    ("Ед. изм.", 11),
    ("Кол-во", 13),
    ("Цена за ед. с НДС, ₽", 22),
    ("НДС, %", 12),
    ("Сумма с НДС, ₽", 31),
)


def _unit_price(line: DocLine) -> str:
    return format_money(unit_price_with_vat(line.discounted_price, line.vat_rate))


def request_words(doc: OfferDocument) -> str:
    """«на запрос № 0373200041526000123 от 12.02.2026» (the body reads «Ваш запрос …»
    from its fourth character)."""
    words = f"на запрос № {doc.price_request_number.strip()}"
    if doc.price_request_date is not None:
        words += f" от {doc.price_request_date:%d.%m.%Y}"
    return words


def reply_story(
    doc: OfferDocument, st: dict[str, Any], annex_counts: list[int], logo_path: str
) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    from kamdesk.documents.offer_pdf import _letterhead

    edition = f", редакция {doc.edition}" if doc.edition > 1 else ""
    story: list[Any] = [
        _letterhead(doc, st, logo_path),
        Spacer(1, 4),
        Paragraph(f"Исх. № {escape(doc.number)} от {doc.offer_date:%d.%m.%Y}{edition}", st["base"]),
        _addressee(doc, st),
        Spacer(1, 6),
        Paragraph(REPLY_TITLE, st["title"]),
        Paragraph(escape(request_words(doc)), st["subtitle"]),
        Paragraph(
            f"В ответ на Ваш {escape(request_words(doc)[3:])} "
            f"{paragraph_text(doc.supplier.name)} сообщает цены на следующие товары:",
            st["base"],
        ),
        Spacer(1, 4),
        _table(doc, st),
        Spacer(1, 4),
        Paragraph(_total_words(doc), st["base"]),
    ]
    terms = [("Условия поставки", doc.delivery_terms), ("Условия оплаты", doc.payment_terms)]
    for title, text in terms:
        if text:
            story.append(Paragraph(f"<b>{title}.</b> {paragraph_text(text)}", st["base"]))
    closing: list[Any] = [
        Spacer(1, 8),
        Paragraph(
            f"<b>Цены действительны до {doc.valid_until:%d.%m.%Y}.</b>"
            + ("" if doc.without_vat else " Цены указаны с учётом НДС."),
            st["base"],
        ),
        *annex_list(doc, st, annex_counts),
        Spacer(1, 14),
        signature_table(doc, st),
    ]
    story.append(KeepTogether(closing))
    return story


def _addressee(doc: OfferDocument, st: dict[str, Any]) -> Any:
    from reportlab.platypus import Paragraph

    block = [f"<b>{paragraph_text(doc.client_name)}</b>"]
    if doc.client_address:
        block.append(paragraph_text(doc.client_address))
    for reader in doc.readers:
        position = f", {paragraph_text(reader.position.lower())}" if reader.position else ""
        block.append(f"{paragraph_text(reader.full_name)}{position}")
    return Paragraph("<br/>".join(block), st["right"])


def _total_words(doc: OfferDocument) -> str:
    total = f"<b>Итого с НДС: {format_money(doc.totals.total)} ₽</b>"
    words = f" ({paragraph_text(doc.totals.in_words)})"
    if doc.without_vat:
        return f"<b>Итого: {format_money(doc.totals.total)} ₽</b>{words}, НДС не облагается."
    return f"{total}{words}, в том числе НДС {format_money(doc.totals.vat)} ₽."


def _table(doc: OfferDocument, st: dict[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, TableStyle

    rows: list[list[Any]] = [[Paragraph(title, st["head"]) for title, _ in COLUMNS]]
    for line in doc.lines:
        rows.append(
            [
                str(line.position),
                Paragraph(paragraph_text(line.title), st["cell"]),
                Paragraph(escape(line.registration_number), st["cell"]),
                UNIT,
                format_count(line.quantity),
                _unit_price(line),
                "без НДС" if line.vat_rate is None else format_percent(line.vat_rate),
                format_money(line.total),
            ]
        )
    rows.append(["", Paragraph("<b>Итого</b>", st["cell"]), "", "", "", "", "", ""])
    rows[-1][-1] = format_money(doc.totals.total)
    widths = [w * mm for _, w in COLUMNS]
    last = len(rows) - 1
    fitted = fit_figures(rows, widths, range(4, len(COLUMNS)), FAMILY, 7.5, 4, 1, last - 1)
    fitted += fit_figures(rows, widths, (len(COLUMNS) - 1,), BOLD, 8, 4, last)
    table = flowing_table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, 7.5),
                ("FONT", (0, -1), (-1, -1), BOLD, 8),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.07, 0.33, 0.55)),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.Color(0.7, 0.72, 0.75)),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                *fitted,
            ]
        )
    )
    return table
