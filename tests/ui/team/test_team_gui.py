"""The manager's «Команда», clicked: the section only on a manager's laptop, the KAM filter
and typed period, a report opened read-only, and the manager export of one KAM."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
from pytestqt.qtbot import QtBot

from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.card.widgets import DateField
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.team import TeamPage
from tests.services.test_team import ANNA, BORIS, Team, become, make_team
from tests.ui.kam_day.input import pick_in_combo
from tests.ui.save_dialog import cancel_the_file_dialog, documents_folder_in, open_the_saved_file

LEFT = Qt.MouseButton.LeftButton
ANNA_SHORT, BORIS_SHORT = "Соколова А. И.", "Петров Б. И."  # as the list shows them
# Showing windows on the offscreen platform logs notices about what it cannot do.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def team(store: Store) -> Team:
    return make_team(store)


@pytest.fixture
def manager_window(
    qtbot: QtBot, store: Store, team: Team, make_window: Callable[[Workspace], MainWindow]
) -> MainWindow:
    window = make_window(Workspace(store.path, store))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_team(qtbot: QtBot, window: MainWindow, tasks: TaskRunner) -> TeamPage:
    button = window.section_button(SectionKey.TEAM)
    qtbot.waitUntil(button.isVisible)
    QTest.mouseClick(button, LEFT)
    page = window.section_page(SectionKey.TEAM)
    assert isinstance(page, TeamPage)
    qtbot.waitUntil(tasks.is_idle, timeout=10_000)
    return page


def type_date(qtbot: QtBot, field: DateField, text: str) -> None:
    """Click into the field, select what is there, type the date with its dots, Enter."""
    line = field.line
    QTest.mouseClick(line, LEFT)
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


def type_november(qtbot: QtBot, page: TeamPage, tasks: TaskRunner) -> None:
    type_date(qtbot, page.date_from, "01.11.2026")
    type_date(qtbot, page.date_to, "30.11.2026")
    assert (page.team_filter().date_from, page.team_filter().date_to) == (
        date(2026, 11, 1),
        date(2026, 11, 30),
    )
    qtbot.waitUntil(tasks.is_idle, timeout=10_000)


def choose_in_combo(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    pick_in_combo(qtbot, combo, text)
    assert combo.currentText() == text


def shown_rows(page: TeamPage) -> list[tuple[str, str]]:
    proxy = page.proxy
    return [
        (str(proxy.index(row, 1).data()), str(proxy.index(row, 2).data()))
        for row in range(proxy.rowCount())
    ]


def click_row(qtbot: QtBot, page: TeamPage, row: int) -> None:
    table = page.table
    rect = table.visualRect(page.proxy.index(row, 2))
    QTest.mouseClick(table.viewport(), LEFT, pos=rect.center())


def test_the_manager_filters_by_kam_and_reads_a_report(
    qtbot: QtBot, manager_window: MainWindow, tasks: TaskRunner
) -> None:
    page = open_team(qtbot, manager_window, tasks)
    type_november(qtbot, page, tasks)
    assert sorted(shown_rows(page)) == sorted(
        [
            (BORIS_SHORT, "ГБУЗ «Областная больница»"),
            (ANNA_SHORT, "ГБУЗ «ГКБ № 7»"),
            (ANNA_SHORT, "ГБУЗ «ГКБ № 7»"),
        ]
    )
    choose_in_combo(qtbot, page.kam, ANNA)
    assert [kam for kam, _client in shown_rows(page)] == [ANNA_SHORT, ANNA_SHORT]
    figures = page.figures_model
    assert figures.rowCount() == 1
    row = [str(figures.index(0, c).data()) for c in range(figures.columnCount())]
    assert row == [ANNA, "2", "2", "0", "0", "2", "1", "0"], "one of Anna's reports came late"

    choose_in_combo(qtbot, page.kam, BORIS)
    assert shown_rows(page) == [(BORIS_SHORT, "ГБУЗ «Областная больница»")]
    click_row(qtbot, page, 0)
    viewer = page.viewer
    qtbot.waitUntil(lambda: "Главврач ждёт КП" in viewer.toPlainText())
    text = viewer.toPlainText()
    assert BORIS in text and "ГБУЗ «Областная больница»" in text
    assert "Отправить КП" in text  # the next step agreed

    # Read-only: what a manager types goes nowhere.
    assert viewer.isReadOnly()
    QTest.mouseClick(viewer.viewport(), LEFT, pos=QPoint(20, 20))
    QTest.keyClicks(viewer, "edited by the manager")
    QTest.keyClick(viewer, Qt.Key.Key_Delete)
    assert viewer.toPlainText() == text
    editable = [
        w
        for w in page.findChildren(QTextEdit) + page.findChildren(QPlainTextEdit)
        if not w.isReadOnly()
    ]
    assert editable == [], "no field of the report can be typed into"


def test_the_period_leaves_out_reports_of_other_days(
    qtbot: QtBot, manager_window: MainWindow, tasks: TaskRunner
) -> None:
    page = open_team(qtbot, manager_window, tasks)
    type_date(qtbot, page.date_from, "17.11.2026")
    type_date(qtbot, page.date_to, "17.11.2026")
    qtbot.waitUntil(tasks.is_idle, timeout=10_000)
    qtbot.waitUntil(lambda: shown_rows(page) == [(BORIS_SHORT, "ГБУЗ «Областная больница»")])
    type_date(qtbot, page.date_from, "18.11.2026")  # after the end: said, the list stays
    assert "ends before it begins" in page.note.text()
    type_date(qtbot, page.date_from, "32.11.2026")
    assert "dd.mm.yyyy" in page.note.text()
    assert shown_rows(page) == [(BORIS_SHORT, "ГБУЗ «Областная больница»")]


def _save_in_dialog(qtbot: QtBot, target: Path) -> None:
    """When the save dialog opens: paste the file's path over the proposed name, Enter."""

    def act() -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        try:
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            QApplication.clipboard().setText(str(target))
            QTest.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(name, Qt.Key.Key_Return)
        finally:
            if dialog.isVisible():  # never leave the test stuck in the modal loop
                dialog.reject()

    QTimer.singleShot(0, act)


@pytest.mark.parametrize("suffix", ["xlsx", "pdf"])
def test_the_export_for_the_manager_names_the_chosen_kam(
    qtbot: QtBot, manager_window: MainWindow, tasks: TaskRunner, tmp_path: Path, suffix: str
) -> None:
    page = open_team(qtbot, manager_window, tasks)
    type_november(qtbot, page, tasks)
    choose_in_combo(qtbot, page.kam, ANNA)
    target = tmp_path / f"anna.{suffix}"
    _save_in_dialog(qtbot, target)
    with qtbot.waitSignal(page.exported, timeout=20_000) as written:
        QTest.mouseClick(page.export_button, LEFT)
    assert written.args == [target] and target.exists()
    assert str(target) in manager_window.statusBar().currentMessage()
    assert page.note.text() == "", "said in the status bar, not in the page"
    open_the_saved_file(page)  # the box offering to open it is there
    text = _document_text(target)
    assert f"KAM: {ANNA}" in text  # the window is in English: so is the document
    assert "Заведующий согласен на пробную партию" in text
    assert "Главврач ждёт КП" not in text, "Boris's report is not in Anna's export"


def test_the_export_is_proposed_in_documents_with_the_period_and_cancel_writes_nothing(
    qtbot: QtBot,
    manager_window: MainWindow,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = documents_folder_in(tmp_path, monkeypatch)
    page = open_team(qtbot, manager_window, tasks)
    type_november(qtbot, page, tasks)
    proposed: list[str] = []
    cancel_the_file_dialog(proposed)
    QTest.mouseClick(page.export_button, LEFT)
    assert Path(proposed[0]) == documents / "Visit reports 01.11–30.11.2026 Team.xlsx"
    choose_in_combo(qtbot, page.kam, ANNA)
    cancel_the_file_dialog(proposed)
    QTest.mouseClick(page.export_button, LEFT)
    surname = ANNA.split()[0]
    assert Path(proposed[1]) == documents / f"Visit reports 01.11–30.11.2026 {surname}.xlsx"
    written = [p for p in tmp_path.rglob("*") if p.suffix in (".xlsx", ".pdf")]
    assert written == [], "cancelled: nothing written"
    assert page.export_button.isEnabled()


def _document_text(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        text = " ".join(page.extract_text() for page in PdfReader(path).pages)
        return " ".join(text.split())  # a table cell wraps its text over lines
    from openpyxl import load_workbook

    return "\n".join(
        str(cell.value)
        for sheet in load_workbook(path).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


def test_a_kam_laptop_has_no_team_section(
    qtbot: QtBot,
    store: Store,
    team: Team,
    make_window: Callable[[Workspace], MainWindow],
) -> None:
    become(store, team.anna, "kam", ANNA)
    window = make_window(Workspace(store.path, store))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.sync.state is not None)
    assert not window.section_button(SectionKey.TEAM).isVisible()
    assert window.section_button(SectionKey.SYNC).isVisible()
    action = window.section_actions[SectionKey.TEAM]
    assert not action.isEnabled()
    QTest.keySequence(window, QKeySequence(action.shortcut()))
    assert window.current_section() != SectionKey.TEAM


def test_the_report_models_pass_qts_model_tester(
    qtbot: QtBot, qtmodeltester, manager_window: MainWindow, tasks: TaskRunner
) -> None:
    page = open_team(qtbot, manager_window, tasks)
    type_november(qtbot, page, tasks)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    qtmodeltester.check(page.figures_model)


def test_reports_without_a_named_kam_are_listed_and_exported_with_the_team(
    qtbot: QtBot, store: Store, team: Team, manager_window: MainWindow, tasks: TaskRunner
) -> None:
    from tests.services.test_team import add_client, msk, reported_visit

    stranger = add_client(store, "Аптека «Здоровье»", None)
    manager = team.manager
    become(store, None, "", "")  # typed before this laptop was enrolled: nobody's
    reported_visit(store, stranger, msk(11, 20), "Без владельца", msk(11, 20, 18))
    become(store, manager, "manager", "Волков Дмитрий Олегович")
    page = open_team(qtbot, manager_window, tasks)
    type_november(qtbot, page, tasks)
    choose_in_combo(qtbot, page.kam, "KAM not named")
    assert shown_rows(page) == [("KAM not named", "Аптека «Здоровье»")]
    QTest.mouseClick(page.export_button, LEFT)  # no save dialog: said why instead
    assert "whole team" in page.note.text()
    assert not isinstance(QApplication.activeModalWidget(), QFileDialog)
