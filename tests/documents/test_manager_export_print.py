"""The manager's export names the KAM and territory, carries products and objections,
prints landscape as wide as the page, and rounds shares as the XLSX does."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kamdesk.documents.visits.report_pdf import write_visits_pdf
from kamdesk.documents.visits.report_table import kpi_lines
from kamdesk.documents.visits.report_xlsx import write_visits_xlsx
from kamdesk.models import Account, Territory, User
from kamdesk.services import formatting
from kamdesk.services.visits import (
    ExportFilter,
    ObjectionTick,
    Sentiment,
    manager_export,
    report_draft,
    save_report,
)
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_contact, add_product, add_visit, msk

MAY = ExportFilter(date(2026, 5, 1), date(2026, 5, 31), tz="Europe/Moscow")


@pytest.fixture
def reported(store: Store) -> Store:
    account = add_account(store, "ГБУЗ «Областная клиническая больница»")
    contact = add_contact(store, account)
    product = add_product(store, "Ривароксабан-КАМ")
    with store.transaction() as session:
        territory = Territory(name="Тверская область", region="Тверская область")
        session.add(territory)
        session.flush()
        kam = User(
            surname="Морозов", name="Андрей", patronymic="Игоревич", territory_id=territory.id
        )
        session.add(kam)
        session.flush()
        row = session.get(Account, account)
        assert row is not None
        row.territory_id, row.owner_id = territory.id, kam.id
    for day in range(4, 11):  # eight visits, one of them reported: 1 of 8
        add_visit(store, account, msk(2026, 5, day, 10))
    visit = add_visit(
        store, account, msk(2026, 5, 12, 10), attendee_ids=[contact], product_ids=[product]
    )
    report = report_draft(store, visit).input
    report.objective_reached = True
    report.outcome = "Заявка на комиссию"
    report.objections.append(ObjectionTick("Дорого по сравнению с варфарином", heard=True))
    report.sentiment = Sentiment.POSITIVE
    for tick in report.products:
        tick.discussed = True
    save_report(store, visit, report, final=True, now=msk(2026, 5, 12, 20))
    return store


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.replace("\u00a0", " ").split())


def test_pdf_names_kam_territory_products_and_objections(reported: Store, tmp_path: Path) -> None:
    export = manager_export(reported, MAY)
    assert export.kam_name == "Морозов Андрей Игоревич"
    assert export.territory == "Тверская область"
    text = _pdf_text(write_visits_pdf(export, tmp_path / "report.pdf"))
    assert "Отчёт о визитах за 01.05.2026 — 31.05.2026" in text
    assert "КАМ: Морозов Андрей Игоревич" in text
    assert "Территория: Тверская область" in text
    assert "Обсуждённые препараты" in text and "Ривароксабан" in text
    assert "Возражения" in text and "варфарином" in text


def test_the_same_share_in_the_pdf_and_the_xlsx(reported: Store, tmp_path: Path) -> None:
    export = manager_export(reported, MAY)
    lines = {line.label: line for line in kpi_lines(export.kpis, "ru")}
    held = lines["Визиты проведены / запланированы"]
    text = _pdf_text(write_visits_pdf(export, tmp_path / "report.pdf"))
    book = load_workbook(write_visits_xlsx(export, tmp_path / "report.xlsx"))
    shares = {row[0].value: row[3].value for row in book["Сводка"].iter_rows() if row[0].value}
    for label, line in lines.items():
        if line.share is None:
            continue
        shown = formatting.share(line.share).replace("\u00a0", "")
        assert f"{label} {line.value} {line.out_of} {shown}" in text.replace(" %", "%")
        assert shares[label] == formatting.share_value(line.share)  # «0%» shows the same
    assert (held.value, held.out_of) == (1, 8)
    assert "13 %" in text and shares["Визиты проведены / запланированы"] == 0.13


def test_xlsx_is_set_up_to_print(reported: Store, tmp_path: Path) -> None:
    book = load_workbook(write_visits_xlsx(manager_export(reported, MAY), tmp_path / "r.xlsx"))
    summary, visits = book["Сводка"], book["Визиты"]
    for sheet in (summary, visits):
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1
    assert summary.page_setup.fitToHeight == 1  # the summary kept on one page
    assert visits.page_setup.fitToHeight == 0
    assert visits.print_title_rows == "$1:$1"  # the header row on every page
    assert all(visits.row_dimensions[r].height for r in range(1, visits.max_row + 1))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_landscape_pages(reported: Store, tmp_path: Path) -> None:
    path = write_visits_xlsx(manager_export(reported, MAY), tmp_path / "r.xlsx")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        check=True,
        timeout=180,
    )
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True
    ).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    width, height = (
        float(v)
        for v in next(x for x in info.splitlines() if x.startswith("Page size")).split()[2:5:2]
    )
    assert pages == 2  # the summary, then the visits one page wide
    assert width > height
