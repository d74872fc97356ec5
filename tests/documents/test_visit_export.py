"""The manager's export: KPIs, XLSX read back by openpyxl and LibreOffice, no personal details."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kamdesk.models import Offer, OfferStatus, OfferStatusChange
from kamdesk.services.visits import (
    AccountKind,
    ExportFilter,
    NextStep,
    Sentiment,
    cancel_visit,
    manager_export,
    report_draft,
    reschedule_visit,
    save_report,
    set_follow_up_done,
    submit_reports,
)
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_contact, add_product, add_visit, msk

SECRETS = ("рыбалка", "жена Ольга", "1970-05-15", "15.05.1970", "вегетарианец")


def _report(store: Store, visit, outcome: str, steps: list[NextStep]) -> None:  # type: ignore[no-untyped-def]
    report = report_draft(store, visit).input
    report.objective_reached = True
    report.outcome = outcome
    report.sentiment = Sentiment.POSITIVE
    for tick in report.attendees:
        tick.attended = True
    for tick in report.products:
        tick.discussed = True
    report.next_steps = steps
    save_report(store, visit, report, final=True, now=msk(2026, 5, 31, 20))


@pytest.fixture
def period(store: Store) -> Store:
    hospital = add_account(store, "ГКБ № 1")
    chain = add_account(store, "Аптечная сеть «Здоровье»", kind=AccountKind.PHARMACY_CHAIN)
    contact = add_contact(
        store,
        hospital,
        birthday=date(1970, 5, 15),
        hobbies="рыбалка",
        family="жена Ольга",
        food="вегетарианец",
    )
    product = add_product(store)
    held = add_visit(
        store,
        hospital,
        msk(2026, 5, 12, 10),
        objective="Формуляр",
        attendee_ids=[contact],
        product_ids=[product],
    )
    _report(
        store,
        held,
        "Заявка на комиссию",
        [NextStep("Отправить КП", date(2026, 5, 14)), NextStep("Звонок", date(2026, 5, 20))],
    )
    submit_reports(store, [held], now=msk(2026, 5, 12, 19))
    tasks = report_draft(store, held).input.next_steps
    set_follow_up_done(store, tasks[0].task_id, when=msk(2026, 5, 13, 12))  # on time
    set_follow_up_done(store, tasks[1].task_id, when=msk(2026, 5, 22, 12))  # late
    second = add_visit(store, chain, msk(2026, 5, 20, 15))
    _report(store, second, "Ввод SKU в матрицу", [])
    cancelled = add_visit(store, chain, msk(2026, 5, 21, 15))
    cancel_visit(store, cancelled, "Закупщик заболел")
    moved = add_visit(store, hospital, msk(2026, 5, 25, 10))
    reschedule_visit(store, moved, msk(2026, 5, 27, 10), now=msk(2026, 5, 24))
    add_visit(store, hospital, msk(2026, 6, 2, 10))  # after the period
    with store.transaction() as session:
        offer = Offer(
            number="КП-1",
            account_id=hospital,
            offer_date=date(2026, 5, 14),
            valid_until=date(2026, 6, 30),
            status=OfferStatus.ACCEPTED,
        )
        session.add(offer)
        session.flush()
        for status, day in ((OfferStatus.SENT, 14), (OfferStatus.ACCEPTED, 25)):
            session.add(
                OfferStatusChange(
                    offer_id=offer.id, to_status=status, changed_at=msk(2026, 5, day, 12)
                )
            )
    return store


MAY = ExportFilter(date(2026, 5, 1), date(2026, 5, 31), tz="Europe/Moscow")


def test_kpis_of_the_period(period: Store) -> None:
    export = manager_export(period, MAY)
    kpis = export.kpis
    assert len(export.rows) == 5  # the rescheduled visit stays, with its new date
    assert (kpis.visits_planned, kpis.visits_held, kpis.visits_cancelled) == (4, 2, 1)
    assert (kpis.reports_submitted, kpis.accounts_covered) == (1, 2)
    assert (kpis.offers_sent, kpis.offers_accepted) == (1, 1)
    assert (kpis.follow_ups_due, kpis.follow_ups_done_on_time, kpis.follow_ups_done_late) == (
        2,
        1,
        1,
    )


def test_filters_by_account_kind(period: Store) -> None:
    export = manager_export(
        period,
        ExportFilter(MAY.date_from, MAY.date_to, kinds=frozenset({AccountKind.PHARMACY_CHAIN})),
    )
    assert {row.account_name for row in export.rows} == {"Аптечная сеть «Здоровье»"}
    assert export.kpis.offers_sent == 0


def _all_text(path: Path) -> str:
    workbook = load_workbook(path)
    return "\n".join(
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


def test_xlsx_reads_back_with_russian_headers(period: Store, tmp_path: Path) -> None:
    from kamdesk.documents.visits.report_xlsx import write_visits_xlsx

    path = write_visits_xlsx(manager_export(period, MAY), tmp_path / "visits.xlsx", "ru")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Сводка", "Визиты"]
    visits = workbook["Визиты"]
    header = [cell.value for cell in visits[1]]
    assert header[:5] == ["Дата", "Начало", "Длительность, мин", "Канал", "Клиент"]
    assert visits.freeze_panes == "B2" and visits.auto_filter.ref.startswith("A1:")
    first = [cell.value for cell in visits[2]]
    assert first[0].date() == date(2026, 5, 12) and first[4] == "ГКБ № 1"
    assert first[3] == "визит"
    assert "Иванов Пётр Сергеевич — Главный врач — ЛПР" in first[header.index("Участники")]
    assert first[header.index("Результат")] == "Заявка на комиссию"
    assert "Отправить КП (срок 14.05.2026) — выполнено" in first[header.index("Следующие шаги")]
    assert visits.column_dimensions["E"].width >= 10
    summary = workbook["Сводка"]
    values = {row[0].value: row[1].value for row in summary.iter_rows(min_row=3) if row[0].value}
    assert values["Визиты проведены / запланированы"] == 2


def test_english_headers_on_request(period: Store, tmp_path: Path) -> None:
    from kamdesk.documents.visits.report_xlsx import write_visits_xlsx

    path = write_visits_xlsx(manager_export(period, MAY), tmp_path / "visits.xlsx", "en")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Summary", "Visits"]
    assert workbook["Visits"]["A1"].value == "Date"


def test_personal_details_never_reach_the_export(period: Store, tmp_path: Path) -> None:
    from kamdesk.documents.visits.report_xlsx import write_visits_xlsx

    export = manager_export(period, MAY)
    assert not any(secret in repr(export) for secret in SECRETS)
    for language in ("ru", "en"):
        text = _all_text(write_visits_xlsx(export, tmp_path / f"{language}.xlsx", language))
        assert "Иванов Пётр Сергеевич" in text
        for secret in SECRETS:
            assert secret not in text


def _libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.skipif(_libreoffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_same_figures(period: Store, tmp_path: Path) -> None:
    from kamdesk.documents.visits.report_xlsx import write_visits_xlsx

    export = manager_export(period, MAY)
    path = write_visits_xlsx(export, tmp_path / "visits.xlsx", "en")
    summary = {row[0]: row[1:] for row in _libreoffice_csv(path, tmp_path, "Summary") if row}
    held = summary["Visits held / planned"]
    assert (int(held[0]), int(held[1]), held[2]) == (2, 4, "50%")
    assert int(summary["Offers accepted / sent"][0]) == export.kpis.offers_accepted
    rows = _libreoffice_csv(path, tmp_path, "Visits")
    assert rows[0][:5] == ["Date", "Start", "Duration, min", "Channel", "Client"]
    assert len(rows) == 1 + len(export.rows)
    assert rows[1][:5] == ["12.05.2026", "10:00", "60", "visit", "ГКБ № 1"]


HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def hostile(store: Store) -> Store:
    """Texts a spreadsheet would take for formulas, typed where a KAM types."""
    account = add_account(store, HYPERLINK, city="@SUM(1;2)")
    visit = add_visit(store, account, msk(2026, 5, 12, 10), objective="+1+1")
    _report(store, visit, "-1+2\x01 итог", [NextStep("=1+1", date(2026, 5, 14))])
    return store


def test_text_that_looks_like_a_formula_is_written_as_text(hostile: Store, tmp_path: Path) -> None:
    from kamdesk.documents.visits.report_xlsx import write_visits_xlsx

    path = write_visits_xlsx(manager_export(hostile, MAY), tmp_path / "visits.xlsx", "en")
    visits = load_workbook(path)["Visits"]  # not data_only: a formula would show as one
    header = [cell.value for cell in visits[1]]
    row = {name: visits.cell(row=2, column=n) for n, name in enumerate(header, start=1)}
    expected = {
        "Client": HYPERLINK,
        "City": "@SUM(1;2)",
        "Objective": "+1+1",
        "Outcome": "-1+2  итог",  # the control character an XLSX cannot hold is a space
        "Next steps": "=1+1 (due 14.05.2026)",
    }
    for name, text in expected.items():
        assert row[name].value == text, name
        assert row[name].data_type == "s", name
        assert row[name].quotePrefix, name  # editing the cell does not make it a formula
    assert row["Duration, min"].value == 60 and row["Duration, min"].data_type == "n"
    assert not row["Client kind"].quotePrefix  # ordinary text is left alone


def test_spreadsheet_cells_keep_numbers_and_mark_every_formula_start() -> None:
    from openpyxl import Workbook

    from kamdesk.documents.spreadsheet import CELL_LIMIT, put

    sheet = Workbook().active
    for column, text in enumerate(["=1", "+1", "-1", "@A1", "\t=1", "\r=1", "＝1"], start=1):
        cell = put(sheet, 1, column, text)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    assert put(sheet, 2, 1, -5).data_type == "n" and put(sheet, 2, 1, -5).value == -5
    assert put(sheet, 2, 2, date(2026, 5, 1)).is_date
    long = put(sheet, 3, 1, "ж" * (CELL_LIMIT + 10)).value
    assert len(long) == CELL_LIMIT and long.endswith("…")


@pytest.mark.skipif(_libreoffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_formula_like_text_as_typed(hostile: Store, tmp_path: Path) -> None:
    from kamdesk.documents.visits.report_xlsx import write_visits_xlsx

    path = write_visits_xlsx(manager_export(hostile, MAY), tmp_path / "visits.xlsx", "en")
    rows = _libreoffice_csv(path, tmp_path, "Visits")
    row = dict(zip(rows[0], rows[1], strict=True))
    # Evaluated, these would read «y», «2», «1», «2».
    assert row["Client"] == HYPERLINK
    assert row["Objective"] == "+1+1"
    assert row["Outcome"] == "-1+2  итог"
    assert row["Next steps"] == "=1+1 (due 14.05.2026)"
    assert row["Duration, min"] == "60"


def _libreoffice_csv(path: Path, tmp_path: Path, sheet: str) -> list[list[str]]:
    """One sheet of `path` as LibreOffice Calc reads it, through its CSV export."""
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs do not collide
    subprocess.run(
        [
            str(_libreoffice()),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            # All sheets, UTF-8, comma-separated, cells as shown: one CSV per sheet.
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
            str(tmp_path / "csv"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with (tmp_path / "csv" / f"{path.stem}-{sheet}.csv").open(encoding="utf-8") as file:
        return list(csv.reader(file))
