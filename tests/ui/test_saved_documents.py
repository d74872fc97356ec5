"""Issue 9: an offer's PDF and the visits exports are saved where the KAM chooses.

The save dialog proposes a name with the offer's number or the period (and the
client), in Documents or the folder that kind of document went to last; another
folder typed in saves exactly there; «Cancel» writes nothing; nothing lands in
the temp folder; the status bar of the window says where the file went and a
box offers to open it.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import Account
from kamdesk.services.accounts import AccountFilter
from kamdesk.services.offers import LineInput, OfferBook
from kamdesk.services.visits import Sentiment, report_draft, save_report, submit_reports
from kamdesk.services.workspace import Workspace
from kamdesk.ui.saved_files import file_name, period_text
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.common import local
from kamdesk.ui.visits.export_dialog import ExportDialog
from tests.documents.offer_data import make_territory
from tests.services.visit_factories import add_account, add_contact, add_product, add_visit
from tests.ui.kam_day.input import pick_in_combo
from tests.ui.save_dialog import (
    answer_the_overwrite_question,
    cancel_the_file_dialog,
    documents_folder_in,
    open_the_saved_file,
    save_in_the_file_dialog,
)

# A dialog and a combo's popup on the offscreen platform log these harmless notices.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

DOCUMENT_SUFFIXES = {".pdf", ".xlsx", ".ics"}


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's Documents folder («Документы» on a Russian desktop), as the desktop
    names it in ~/.config/user-dirs.dirs."""
    return documents_folder_in(tmp_path, monkeypatch)


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temp folder, to see that no document is left there."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What «Open» hands to the system (no viewer is started by a test)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(urls.append))
    return urls


def documents_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES)


# --- the offer's PDF ------------------------------------------------------------------


@pytest.fixture
def offer_workspace(store) -> Workspace:
    make_territory(store)
    with store.transaction() as session:  # a name with characters no file name takes
        account = session.scalars(select(Account)).one()
        account.name = 'ГКБ №7 "Центр"/Тверь'
    workspace = Workspace(store.path, store)
    book = OfferBook(store)
    account_id = workspace.accounts.page(AccountFilter())[0].id
    draft = book.new_draft(account_id, today=date.today())
    product_id = draft_product(workspace)
    draft.lines = [LineInput(product_id=product_id, quantity=2, unit_price=Decimal("123.45"),
                             discount_pct=Decimal(0), vat_rate=Decimal(10))]  # fmt: skip
    book.save(draft, date.today())
    return workspace


def draft_product(workspace: Workspace):
    from kamdesk.services.products import ProductCatalog

    return ProductCatalog(workspace.store).list()[0].id


def offers_page(qtbot: QtBot, workspace: Workspace):
    from kamdesk.ui.offers import OffersPage

    page = OffersPage(workspace)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    qtbot.waitExposed(page)
    QTest.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(page.proxy.index(0, 0)).center(),
    )
    assert page.selected() is not None
    return page


def test_the_offer_pdf_is_proposed_in_documents_and_saved_where_the_kam_types(
    qtbot: QtBot,
    offer_workspace: Workspace,
    documents: Path,
    temp_folder: Path,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    page = offers_page(qtbot, offer_workspace)
    row = page.selected()
    assert row is not None
    said: list[str] = []
    page.status_message.connect(said.append)
    elsewhere = tmp_path / "Клиенты" / "ГКБ"
    elsewhere.mkdir(parents=True)
    target = elsewhere / "КП для главврача.pdf"
    proposed: list[str] = []
    save_in_the_file_dialog(target, proposed)
    with qtbot.waitSignal(page.pdf_ready, timeout=30_000) as ready:
        QTest.mouseClick(page.buttons["pdf"], Qt.MouseButton.LeftButton)

    assert Path(proposed[0]) == documents / f"{row.number} ГКБ №7 Центр Тверь.pdf"
    assert ready.args[0] == target and target.read_bytes().startswith(b"%PDF")
    assert documents_in(tmp_path) == [target], "written there and nowhere else"
    assert documents_in(temp_folder) == []
    assert str(target) in said[-1], "the status bar says where it went"
    assert page.note.text() == "", "nothing grows under the buttons"
    assert opened == []
    open_the_saved_file(page)
    assert [url.toLocalFile() for url in opened] == [str(target)]

    # The next offer is proposed in the folder offers went to last.
    proposed.clear()
    cancel_the_file_dialog(proposed)
    QTest.mouseClick(page.buttons["pdf"], Qt.MouseButton.LeftButton)
    assert Path(proposed[0]).parent == elsewhere


def test_cancelling_the_offer_pdf_writes_nothing(
    qtbot: QtBot,
    offer_workspace: Workspace,
    documents: Path,
    temp_folder: Path,
    tmp_path: Path,
    tasks: TaskRunner,
) -> None:
    page = offers_page(qtbot, offer_workspace)
    proposed: list[str] = []
    cancel_the_file_dialog(proposed)
    QTest.mouseClick(page.buttons["pdf"], Qt.MouseButton.LeftButton)
    assert proposed, "the dialog was shown"
    assert not page.progress.isVisible(), "nothing is being built"
    assert documents_in(tmp_path) == []


def test_saving_over_an_offer_pdf_asks_first(
    qtbot: QtBot, offer_workspace: Workspace, documents: Path, opened: list[QUrl]
) -> None:
    page = offers_page(qtbot, offer_workspace)
    target = documents / "КП.pdf"
    target.write_bytes(b"the one sent last week")
    asked: list[str] = []
    answer_the_overwrite_question(True, asked)
    save_in_the_file_dialog(target)
    with qtbot.waitSignal(page.pdf_ready, timeout=30_000):
        QTest.mouseClick(page.buttons["pdf"], Qt.MouseButton.LeftButton)
    assert asked and "КП.pdf" in asked[0]
    assert target.read_bytes().startswith(b"%PDF")


# --- the visits export ----------------------------------------------------------------


def _submitted_report(store) -> str:
    account = add_account(store, "Аптечная сеть «Здоровье»")
    contact = add_contact(store, account)
    product = add_product(store)
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    visit = add_visit(store, account, start, attendee_ids=[contact], product_ids=[product])
    report = report_draft(store, visit).input
    report.objective_reached, report.outcome = True, "Договорились"
    report.sentiment = Sentiment.POSITIVE
    assert save_report(store, visit, report, final=True).saved
    submit_reports(store, [visit])
    return "Аптечная сеть «Здоровье»"


def export_dialog(qtbot: QtBot, workspace: Workspace, tasks: TaskRunner) -> ExportDialog:
    day = local(datetime.now(UTC)).date()
    dialog = ExportDialog(workspace, tasks, day - timedelta(days=2), day, open_files=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_save(dialog: ExportDialog) -> None:
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    QTest.mouseClick(save, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("format_text", "suffix", "stem"),
    [
        ("Excel", "xlsx", "Visit reports"),
        ("PDF", "pdf", "Visit reports"),
        ("Calendar", "ics", "Visits"),
    ],
)
def test_each_visits_export_is_proposed_with_its_period_and_saved_where_typed(
    qtbot: QtBot,
    workspace: Workspace,
    store,
    tasks: TaskRunner,
    documents: Path,
    temp_folder: Path,
    tmp_path: Path,
    format_text: str,
    suffix: str,
    stem: str,
) -> None:
    _submitted_report(store)
    dialog = export_dialog(qtbot, workspace, tasks)
    pick_in_combo(qtbot, dialog.format, format_text)
    said: list[str] = []
    dialog.status_message.connect(said.append)
    day = local(datetime.now(UTC)).date()
    target = tmp_path / "для руководителя" / f"неделя.{suffix}"
    target.parent.mkdir()
    proposed: list[str] = []
    save_in_the_file_dialog(target, proposed)
    with qtbot.waitSignal(dialog.written, timeout=30_000) as written:
        click_save(dialog)

    period = period_text(day - timedelta(days=2), day)
    assert Path(proposed[0]) == documents / f"{stem} {period}.{suffix}"
    assert written.args[0] == target and target.stat().st_size > 0
    assert documents_in(tmp_path) == [target]
    assert documents_in(temp_folder) == []
    assert str(target) in said[-1]
    open_the_saved_file(dialog)  # the box is there («Open»; no viewer in tests)


def test_the_export_of_one_client_names_it_and_cancel_writes_nothing(
    qtbot: QtBot,
    workspace: Workspace,
    store,
    tasks: TaskRunner,
    documents: Path,
    tmp_path: Path,
) -> None:
    client = _submitted_report(store)
    dialog = export_dialog(qtbot, workspace, tasks)
    pick_in_combo(qtbot, dialog.account, client)
    proposed: list[str] = []
    cancel_the_file_dialog(proposed)
    click_save(dialog)
    day = local(datetime.now(UTC)).date()
    period = period_text(day - timedelta(days=2), day)
    assert Path(proposed[0]) == documents / file_name(f"Visit reports {period} {client}.xlsx")
    assert documents_in(tmp_path) == [], "cancelled: nothing written"
    assert dialog.buttons.isEnabled() and dialog.note.text() == ""


def test_period_names() -> None:
    assert period_text(date(2026, 12, 1), date(2026, 12, 3)) == "01.12–03.12.2026"
    assert period_text(date(2026, 12, 28), date(2027, 1, 3)) == "28.12.2026–03.01.2027"
    assert period_text(date(2026, 12, 3), date(2026, 12, 3)) == "03.12.2026"
    assert file_name('КП-2026 ООО "Фарма: Мед"/Тверь?.pdf') == "КП-2026 ООО Фарма Мед Тверь.pdf"
