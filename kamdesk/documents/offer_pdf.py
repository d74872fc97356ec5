"""The commercial offer («КП») as an A4 PDF, laid out with reportlab platypus.

Order follows field guide §5: letterhead with the supplier's requisites, number
and date, addressees, the benefit first, what is exclusive, the lines (header
repeated on every page), totals with VAT and the amount in words, terms,
arguments for each reader, the team, the validity, the signature. A QR code
carries the number and edition so a printed copy can be matched to its record.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from kamdesk.documents.fonts import BOLD, FAMILY, noting_unprintable, register_fonts
from kamdesk.documents.layout import fit_figures, flowing_table
from kamdesk.documents.logo import printable_logo
from kamdesk.documents.offer_document import OfferDocument
from kamdesk.documents.offer_parts import annex_list, signature_table
from kamdesk.documents.offer_parts import paragraph_text as _text
from kamdesk.documents.pdf_pages import Furniture, append_annexes, count_pages, numbered_canvas
from kamdesk.documents.printed import PrintedFile, gathered, unprintable_warning
from kamdesk.documents.qr import qr_flowable
from kamdesk.services.formatting import grouped as format_money
from kamdesk.services.formatting import number as format_count
from kamdesk.services.formatting import percent_figure as format_percent

Progress = Callable[[int, str], None]

# Column widths of the lines table in millimetres (the frame is 186 mm wide).
COLUMNS = (
    ("№", 7),
    ("Наименование", 51),
    ("Кол-во, уп.", 12),
    ("Цена, ₽", 18),
    ("Скидка, %", 12),
    ("Цена со скидкой, ₽", 18),
    ("Сумма без НДС, ₽", 21),
    ("НДС, %", 9),
    ("НДС, ₽", 17),
    ("Сумма с НДС, ₽", 21),
)
TOTALS_PADDING = 8  # points: reportlab's left padding (6) and the right one set below
INK = (0.13, 0.18, 0.27)
ACCENT = (0.07, 0.33, 0.55)


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    ink = colors.Color(*INK)
    base = ParagraphStyle("base", fontName=FAMILY, fontSize=9.5, leading=12.5, textColor=ink)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "supplier": ParagraphStyle(
            "supplier",
            parent=base,
            fontName=BOLD,
            fontSize=14,
            leading=17,
            textColor=colors.Color(*ACCENT),
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=BOLD,
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
            spaceBefore=4,
            spaceAfter=1,
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, alignment=TA_CENTER, spaceAfter=8),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=9,
            spaceAfter=3,
            textColor=colors.Color(*ACCENT),
        ),
        "h3": ParagraphStyle("h3", parent=base, fontName=BOLD, spaceBefore=4, spaceAfter=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9),
        "head": ParagraphStyle(
            "head",
            parent=base,
            fontName=BOLD,
            fontSize=7,
            leading=8.5,
            alignment=TA_CENTER,
            textColor=colors.white,
        ),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "qr": ParagraphStyle("qr", parent=base, fontSize=6.5, leading=8, alignment=TA_CENTER),
    }


def print_offer(doc: OfferDocument, target: Path, progress: Progress | None = None) -> PrintedFile:
    """Write the offer (and its annexes) to `target`: the file, its pages, its warnings."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    report = progress or (lambda percent, stage: None)
    register_fonts()
    report(5, "layout")
    annex_paths = [annex.path for annex in doc.annexes]
    annex_counts = count_pages(annex_paths) if annex_paths else []
    furniture = Furniture(doc.reference, doc.draft, sum(annex_counts))
    logo, logo_left_out = printable_logo(doc.supplier.logo_path)
    styles = _styles()
    if doc.price_reply:
        from kamdesk.documents.offer_price_reply import REPLY_TITLE, reply_story

        story = reply_story(doc, styles, annex_counts, logo)
        title = f"{REPLY_TITLE} {doc.number}"
    else:
        story = _story(doc, styles, annex_counts, logo)
        title = f"Коммерческое предложение {doc.number}"
    report(40, "pages")
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=16 * mm,
        title=title,
        author=doc.supplier.name,
        subject=f"{doc.client_name}, ред. {doc.edition}",
        creator="KAMdesk",
    )
    target = Path(target)
    with noting_unprintable() as unprintable:
        template.build(story, canvasmaker=numbered_canvas(furniture))
        report(85, "annexes")
        target.parent.mkdir(parents=True, exist_ok=True)
        if annex_paths:
            pages = append_annexes(buffer.getvalue(), annex_paths, furniture, target)
        else:
            target.write_bytes(buffer.getvalue())
            pages = template.page
    report(100, "done")
    return PrintedFile(target, pages, gathered(logo_left_out, unprintable_warning(unprintable)))


def render_offer(doc: OfferDocument, target: Path, progress: Progress | None = None) -> int:
    """`print_offer` for callers that only want the page count; warnings go to the log."""
    printed = print_offer(doc, target, progress)
    printed.log_warnings()
    return printed.pages


def _story(
    doc: OfferDocument, st: dict[str, Any], annex_counts: list[int], logo_path: str
) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    story: list[Any] = [_letterhead(doc, st, logo_path)]
    story.append(Paragraph(f"КОММЕРЧЕСКОЕ ПРЕДЛОЖЕНИЕ № {escape(doc.number)}", st["title"]))
    edition = f" (редакция {doc.edition})" if doc.edition > 1 else ""
    story.append(Paragraph(f"от {doc.offer_date:%d.%m.%Y}{edition}", st["subtitle"]))
    story.extend(_addressees(doc, st))
    if doc.benefit:
        story.append(Paragraph(_text(doc.benefit), st["base"]))
    if doc.exclusivity:
        story.append(Spacer(1, 4))
        story.append(_exclusive_box(doc, st))
    story.append(Paragraph("Предлагаемые позиции", st["h2"]))
    story.append(_lines_table(doc, st))
    story.append(_totals_table(doc, st))
    story.append(Spacer(1, 3))
    total_words = f"Всего к оплате: {_text(doc.totals.in_words)}"
    vat_words = (
        ", НДС не облагается."
        if doc.without_vat
        else f", в том числе НДС {format_money(doc.totals.vat)} ₽."
    )
    story.append(Paragraph(f"<b>{total_words}</b>{vat_words}", st["base"]))
    if doc.vat_note:
        story.append(Paragraph(_text(doc.vat_note), st["small"]))
    story.extend(_terms(doc, st))
    story.extend(_arguments(doc, st))
    story.extend(_team(doc, st))
    story.extend(_closing(doc, st, annex_counts))
    return story


def _letterhead(doc: OfferDocument, st: dict[str, Any], logo_path: str) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, TableStyle

    s = doc.supplier
    lines = [
        Paragraph(_text(s.name), st["supplier"]),
        Paragraph(f"ИНН {escape(s.inn)} / КПП {escape(s.kpp)} · {_text(s.address)}", st["small"]),
        Paragraph(
            f"Р/с {escape(s.account)} в {_text(s.bank_name)}, БИК {escape(s.bik)}"
            + (f", к/с {escape(s.corr_account)}" if s.corr_account else ""),
            st["small"],
        ),
    ]
    contacts = " · ".join(x for x in (s.phone, s.email) if x)
    if contacts:
        lines.append(Paragraph(_text(contacts), st["small"]))
    qr_cell = [
        qr_flowable(doc.qr_payload or doc.reference, 26 * mm),
        Paragraph(escape(doc.reference), st["qr"]),
    ]
    logo: Any = ""
    if logo_path:
        logo = Image(logo_path, width=22 * mm, height=22 * mm, kind="proportional")
    table = flowing_table(
        [[logo, lines, qr_cell]],
        colWidths=[(24 if logo else 0.1) * mm, (158 if logo else 161.9) * mm, 28 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, 7.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.Color(*ACCENT)),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
            ]
        )
    )
    return table


def _addressees(doc: OfferDocument, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    block = [f"<b>{_text(doc.client_name)}</b>"]
    if doc.client_address:
        block.append(_text(doc.client_address))
    for reader in doc.readers:
        position = f", {_text(reader.position.lower())}" if reader.position else ""
        block.append(f"{_text(reader.full_name)}{position}")
    result: list[Any] = [Paragraph("<br/>".join(block), st["right"]), Spacer(1, 6)]
    greeting = _greeting(doc)
    if greeting:
        result.append(Paragraph(f"<b>{escape(greeting)}</b>", st["base"]))
        result.append(Spacer(1, 3))
    return result


def _greeting(doc: OfferDocument) -> str:
    named = [r for r in doc.readers if r.form_of_address]
    if len(named) == 1:
        word = "Уважаемая" if named[0].female else "Уважаемый"
        return f"{word} {named[0].form_of_address}!"
    if len(named) == 2:
        return f"Уважаемые {named[0].form_of_address} и {named[1].form_of_address}!"
    if named:
        return "Уважаемые коллеги!"
    return ""


def _exclusive_box(doc: OfferDocument, st: dict[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, TableStyle

    body = Paragraph(f"<b>Эксклюзивно в этом предложении.</b> {_text(doc.exclusivity)}", st["base"])
    box = flowing_table([[body]], colWidths=[186 * mm])
    box.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, 9.5),
                ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.92, 0.96, 1.0)),
                ("LINEBEFORE", (0, 0), (0, -1), 3, colors.Color(*ACCENT)),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return box


def _lines_table(doc: OfferDocument, st: dict[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, TableStyle

    header = [Paragraph(title, st["head"]) for title, _ in COLUMNS]
    rows: list[list[Any]] = [header]
    for line in doc.lines:
        name = _text(line.title)
        if line.sku:
            name += f' <font size="6.5" color="#666666">арт. {escape(line.sku)}</font>'
        rows.append(
            [
                str(line.position),
                Paragraph(name, st["cell"]),
                format_count(line.quantity),
                format_money(line.unit_price),
                format_percent(line.discount_pct) if line.discount_pct else "—",
                format_money(line.discounted_price),
                format_money(line.net),
                # Two short lines: the rate column is narrow.
                "без\nНДС" if line.vat_rate is None else format_percent(line.vat_rate),
                "без НДС" if line.vat_rate is None else format_money(line.vat),
                format_money(line.total),
            ]
        )
    widths = [w * mm for _, w in COLUMNS]
    # Figures as big as a distributor's year keep to their columns (set smaller).
    fitted = fit_figures(rows, widths, range(2, len(COLUMNS)), FAMILY, 7.5, padding=4)
    table = flowing_table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, 7.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(*ACCENT)),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                (
                    "ROWBACKGROUNDS",
                    (0, 1),
                    (-1, -1),
                    [colors.white, colors.Color(0.96, 0.97, 0.98)],
                ),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.Color(0.8, 0.82, 0.85)),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                *fitted,
            ]
        )
    )
    return table


def _totals_table(doc: OfferDocument, st: dict[str, Any]) -> Any:
    from reportlab.platypus import TableStyle

    t = doc.totals
    rows = [["Сумма по прайс-листу без НДС:", format_money(t.before_discount)]]
    if t.discount:
        rows.append(["Скидка:", format_money(t.discount)])
    rows.append(["Итого без НДС:", format_money(t.net)])
    for rate, amount in t.vat_by_rate:
        rows.append([f"НДС {format_percent(rate)} %:", format_money(amount)])
    if len(t.vat_by_rate) > 1:
        rows.append(["НДС всего:", format_money(t.vat)])
    if doc.without_vat:
        rows.append(["НДС:", "не облагается"])
    rows.append(["Итого, ₽:" if doc.without_vat else "Итого с НДС, ₽:", format_money(t.total)])
    widths = _totals_widths(rows)
    last = len(rows) - 1
    fitted = fit_figures(rows, widths, (1,), FAMILY, 8.5, TOTALS_PADDING, 0, last - 1)
    fitted += fit_figures(rows, widths, (1,), BOLD, 10, TOTALS_PADDING, last)
    table = flowing_table(rows, colWidths=widths, hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, 8.5),
                ("FONT", (0, -1), (-1, -1), BOLD, 10),
                ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, (0.2, 0.2, 0.2)),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                *fitted,
            ]
        )
    )
    return table


def _totals_widths(rows: list[list[Any]]) -> list[float]:
    """The totals' two columns in 86 mm: the amounts as wide as the widest needs
    (26 to 40 mm), the labels the rest."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    needed = max(
        stringWidth(
            amount,
            BOLD if index == len(rows) - 1 else FAMILY,
            10 if index == len(rows) - 1 else 8.5,
        )
        for index, (_label, amount) in enumerate(rows)
    )
    amounts = min(max(26 * mm, needed + TOTALS_PADDING + 1), 40 * mm)
    return [86 * mm - amounts, amounts]


def _terms(doc: OfferDocument, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    result: list[Any] = []
    terms = [("Условия поставки", doc.delivery_terms), ("Условия оплаты", doc.payment_terms)]
    deferral = doc.deferral_text
    if deferral or any(text for _, text in terms):
        result.append(Paragraph("Условия", st["h2"]))
        for title, text in terms:
            if text:
                result.append(Paragraph(f"<b>{title}.</b> {_text(text)}", st["base"]))
        if deferral:
            result.append(Paragraph(f"<b>Отсрочка платежа:</b> {deferral}.", st["base"]))
    return result


def _arguments(doc: OfferDocument, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph

    readers = [r for r in doc.readers if r.arguments.strip()]
    if not readers:
        return []
    result: list[Any] = [Paragraph("Почему это предложение выгодно", st["h2"])]
    for reader in readers:
        heading = _text(reader.full_name)
        if reader.position:
            heading += f", {_text(reader.position.lower())}"
        result.append(
            KeepTogether(
                [
                    Paragraph(heading, st["h3"]),
                    Paragraph(_text(reader.arguments), st["base"]),
                ]
            )
        )
    return result


def _team(doc: OfferDocument, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, TableStyle

    if not doc.team:
        return []
    rows = [
        [
            Paragraph(f"<b>{_text(m.full_name)}</b>", st["cell"]),
            Paragraph(_text(m.job_title), st["cell"]),
            Paragraph(_text(m.contacts), st["cell"]),
        ]
        for m in doc.team
    ]
    table = flowing_table(rows, colWidths=[55 * mm, 70 * mm, 61 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, 7.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.Color(0.8, 0.82, 0.85)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [KeepTogether([Paragraph("Над предложением работали", st["h2"]), table])]


def _closing(doc: OfferDocument, st: dict[str, Any], annex_counts: list[int]) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    parts: list[Any] = [
        Spacer(1, 8),
        Paragraph(
            f"<b>Предложение действительно до {doc.valid_until:%d.%m.%Y}.</b> "
            "Цены и условия гарантированы на весь срок действия.",
            st["base"],
        ),
    ]
    parts.extend(annex_list(doc, st, annex_counts))
    parts.append(Spacer(1, 14))
    parts.append(signature_table(doc, st))
    return [KeepTogether(parts)]
