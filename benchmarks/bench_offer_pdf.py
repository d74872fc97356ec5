"""How fast a 200-line offer prints: KAMdesk's reportlab builder against DOCX + LibreOffice.

Run: python benchmarks/bench_offer_pdf.py [--lines 200] [--runs 5]
The usual alternative is a DOCX template filled with python-docx and converted
with `libreoffice --headless --convert-to pdf`; it is timed on the same content
(skipped with a note when python-docx or LibreOffice is missing).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kamdesk.documents.offer_document import OfferDocument
from kamdesk.documents.stored_offer import build_document, render_pdf
from kamdesk.services.formatting import grouped as format_money
from kamdesk.services.formatting import percent_figure as format_percent
from kamdesk.services.offers import AddresseeInput, OfferBook
from kamdesk.store import open_store
from tests.documents.offer_data import PRODUCTS, TODAY, make_territory


def make_offer(folder: Path, lines: int):
    store = open_store(folder / "bench.sqlite")
    territory = make_territory(store)
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    skus = [p[0] for p in PRODUCTS]
    draft.lines = [territory.line(skus[i % 4], 5 + i, "3" if i % 3 else "0") for i in range(lines)]
    draft.benefit = "Экономия бюджета и гарантированные поставки в течение 48 часов."
    draft.exclusivity = "Фиксированная цена на 12 месяцев."
    draft.delivery_terms = "Доставка за счёт поставщика."
    draft.payment_terms = "Отсрочка платежа 60 дней."
    draft.addressees = [
        AddresseeInput(territory.contacts[key], "Аргументы для этого читателя. " * 5)
        for key in ("director", "finance", "hr")
    ]
    return store, book.save(draft, TODAY)


def write_docx(doc: OfferDocument, target: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "PT Sans"
    style.font.size = Pt(9)
    s = doc.supplier
    document.add_heading(s.name, level=1)
    document.add_paragraph(f"ИНН {s.inn} / КПП {s.kpp} · {s.address}")
    document.add_paragraph(f"Р/с {s.account} в {s.bank_name}, БИК {s.bik}, к/с {s.corr_account}")
    document.add_heading(f"КОММЕРЧЕСКОЕ ПРЕДЛОЖЕНИЕ № {doc.number}", level=2)
    document.add_paragraph(f"от {doc.offer_date:%d.%m.%Y}")
    document.add_paragraph(doc.client_name)
    for reader in doc.readers:
        document.add_paragraph(f"{reader.full_name}, {reader.position}")
    document.add_paragraph(doc.benefit)
    document.add_paragraph(f"Эксклюзивно в этом предложении. {doc.exclusivity}")
    headers = [
        "№",
        "Наименование",
        "Кол-во",
        "Цена",
        "Скидка, %",
        "Цена со скидкой",
        "Сумма без НДС",
        "НДС, %",
        "НДС",
        "Сумма с НДС",
    ]
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, headers, strict=True):
        cell.text = title
    # Repeat the header row on every page, as the PDF does.
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header_props = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_props.append(repeat)
    for line in doc.lines:
        values = [
            str(line.position),
            line.title,
            str(line.quantity),
            format_money(line.unit_price),
            format_percent(line.discount_pct),
            format_money(line.discounted_price),
            format_money(line.net),
            "без НДС" if line.vat_rate is None else format_percent(line.vat_rate),
            format_money(line.vat),
            format_money(line.total),
        ]
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    t = doc.totals
    document.add_paragraph(f"Итого без НДС: {format_money(t.net)}")
    document.add_paragraph(f"НДС: {format_money(t.vat)}")
    document.add_paragraph(f"Итого с НДС, ₽: {format_money(t.total)}")
    document.add_paragraph(f"Всего к оплате: {t.in_words}")
    document.add_paragraph(f"Условия поставки. {doc.delivery_terms}")
    document.add_paragraph(f"Условия оплаты. {doc.payment_terms}")
    for reader in doc.readers:
        document.add_paragraph(f"{reader.full_name}: {reader.arguments}")
    document.add_paragraph(f"Предложение действительно до {doc.valid_until:%d.%m.%Y}.")
    document.add_paragraph(f"{s.signer_title} ____________ {s.signer_name}")
    document.save(str(target))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store, offer_id = make_offer(folder, args.lines)
        render_pdf(store, offer_id, folder / "warm.pdf", TODAY)  # fonts registered, imports done
        ours = []
        for run in range(args.runs):
            started = time.perf_counter()
            pages = render_pdf(store, offer_id, folder / f"ours{run}.pdf", TODAY).pages
            ours.append(time.perf_counter() - started)
        document = build_document(store, offer_id, TODAY)
        store.close()
        office = shutil.which("libreoffice") or shutil.which("soffice")
        theirs: list[float] = []
        note = ""
        try:
            import docx  # noqa: F401
        except ImportError:
            note = "python-docx is not installed"
        if office is None:
            note = "LibreOffice is not installed"
        if not note:
            profile = folder / "lo-profile"
            for run in range(args.runs + 1):
                started = time.perf_counter()
                source = folder / f"offer{run}.docx"
                write_docx(document, source)
                subprocess.run(
                    [
                        office,
                        f"-env:UserInstallation=file://{profile}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(folder),
                        str(source),
                    ],
                    check=True,
                    capture_output=True,
                )
                theirs.append(time.perf_counter() - started)
            theirs = theirs[1:]  # the first run also creates LibreOffice's profile
    best, median = min(ours), statistics.median(ours)
    print(f"Offer of {args.lines} lines, {pages} pages; {args.runs} runs")
    print(f"{'method':<38} {'median, s':>10} {'best, s':>9}")
    print(f"{'KAMdesk (reportlab platypus)':<38} {median:>10.3f} {best:>9.3f}")
    if theirs:
        their_median = statistics.median(theirs)
        label = "python-docx + LibreOffice --convert-to"
        print(f"{label:<38} {their_median:>10.3f} {min(theirs):>9.3f}")
        print(f"ratio (DOCX+LibreOffice / KAMdesk, medians): {their_median / median:.1f}×")
    else:
        print(f"python-docx + LibreOffice: not measured ({note})")
    print("target: under 1 s for KAMdesk —", "met" if median < 1.0 else "NOT MET")
    return 0 if median < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
