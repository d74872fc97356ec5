"""Issue 9, layout at 1366×768 in Russian: the window fits the screen in every section
(long filters, a long database path, a long «Чего не хватает» list), and headers and
captions are not cut off (their text is no wider than the room they get)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kamdesk.services.accounts import AccountFilter, AccountKind, AccountStatus, ClientType
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from tests.ui.demo_store import demo_store, demo_template, demo_workspace  # noqa: F401  (fixtures)

# Offscreen, showing windows and popping up menus logs these harmless notices.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)

SCREEN_WIDTH, USABLE_HEIGHT = 1366, 740  # a 768 px screen less the task bar
HEADER_PADDING = 4  # a header section's margins either side of its text, at the least


@pytest.fixture
def russian_window(window_on_screen: Callable[[Language, int, int], MainWindow]) -> MainWindow:
    window = window_on_screen(Language.RUSSIAN, SCREEN_WIDTH, 768)
    return window


def fits(window: MainWindow) -> None:
    QApplication.processEvents()
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN_WIDTH, f"{window.current_section()}: {hint.width()} px wide"
    assert hint.height() <= USABLE_HEIGHT, f"{window.current_section()}: {hint.height()} px tall"


def clients(window: MainWindow) -> ClientsPage:
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    return page


def tick(qtbot: QtBot, button: QWidget, texts: list[str]) -> None:
    """Open a filter button's menu with the mouse and tick each text in it (the menu
    runs its own event loop, so the clicks in it are queued before it opens)."""
    menu = button.menu()  # type: ignore[attr-defined]

    def choose() -> None:
        for text in texts:
            action = next(a for a in menu.actions() if a.text() == text)
            QTest.mouseClick(
                menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center()
            )
        menu.close()

    QTimer.singleShot(0, choose)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not menu.isVisible())


def test_every_section_fits_1366_by_768(
    qtbot: QtBot,
    russian_window: MainWindow,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    window = russian_window
    for key in SectionKey:
        QTest.mouseClick(window.section_button(key), Qt.MouseButton.LeftButton)
        assert window.current_section() == key
        wait_idle(tasks)
        fits(window)


def test_long_filters_and_a_long_database_path_keep_the_window_on_the_screen(
    qtbot: QtBot, russian_window: MainWindow
) -> None:
    window = russian_window
    filters = clients(window).filters
    tick(qtbot, filters.kinds, ["ЛПУ / больница", "Аптечная сеть"])
    tick(qtbot, filters.client_types, ["Кормилец", "Имиджмейкер"])
    tick(qtbot, filters.statuses, ["Под угрозой", "Вернуть"])
    assert filters.kinds.selected() == {AccountKind.HOSPITAL, AccountKind.PHARMACY_CHAIN}
    assert filters.client_types.selected() == {ClientType.BREADWINNER, ClientType.IMAGE_MAKER}
    assert filters.statuses.selected() == {AccountStatus.AT_RISK, AccountStatus.WIN_BACK}
    # The button says as much as fits and the whole choice in its tooltip.
    assert "ЛПУ / больница, Аптечная сеть" in filters.kinds.toolTip()
    path_label = window.statusBar().findChild(QLabel, "databasePath")
    assert path_label is not None
    long_path = str(
        Path("/home/kam") / ("Документы территории Тверь и область " * 4) / "kam.sqlite"
    )
    path_label.setText(long_path)
    fits(window)
    assert path_label.toolTip() == long_path


def test_a_long_dossier_gap_list_scrolls_instead_of_growing_the_window(
    qtbot: QtBot,
    russian_window: MainWindow,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    window = russian_window
    page = clients(window)
    rows = window.workspace.accounts.page(AccountFilter(), limit=500)
    emptiest = min(rows, key=lambda r: r.dossier_score)
    page.open_account(emptiest.id)
    qtbot.waitUntil(lambda: getattr(page.account_tab(emptiest.id), "bundle", None) is not None)
    wait_idle(tasks)
    card = page.account_tab(emptiest.id)
    assert card.overview.missing.text().count("•") >= 10  # type: ignore[union-attr]
    fits(window)
    # All of it can be read: the tab scrolls down to the list's last line.
    scroll = card.overview.scroll_area  # type: ignore[union-attr]
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    QTest.keyClick(bar, Qt.Key.Key_End)
    label = card.overview.missing  # type: ignore[union-attr]
    bottom = label.mapTo(scroll.viewport(), QPoint(0, label.height() - 1)).y()
    assert bottom <= scroll.viewport().height()


def text_fits_header(header: QHeaderView, section: int) -> None:
    text = header.model().headerData(section, Qt.Orientation.Horizontal)
    bold = QFont(header.font())
    bold.setWeight(QFont.Weight.DemiBold)  # the style sheet's «font-weight: 600»
    width = QFontMetrics(bold).horizontalAdvance(text)
    assert width + 2 * HEADER_PADDING <= header.sectionSize(section), (
        f"«{text}»: {width} px of text in {header.sectionSize(section)} px"
    )


def open_editor(qtbot: QtBot, view: QWidget, centre: QPoint) -> QLineEdit:
    """Click the cell, press F2 and wait for its editor."""
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # type: ignore[attr-defined]
    QTest.keyClick(view, Qt.Key.Key_F2)

    def editor() -> QLineEdit | None:
        return view.viewport().findChild(QLineEdit, "discountEditor")  # type: ignore[attr-defined]

    qtbot.waitUntil(lambda: editor() is not None and editor().isVisible())  # type: ignore[union-attr]
    found = editor()
    assert found is not None
    return found


def test_offer_line_headers_are_whole_and_a_discount_above_100_is_said(
    qtbot: QtBot, russian_window: MainWindow, tasks: TaskRunner
) -> None:
    from kamdesk.ui.offers import open_offer_editor
    from kamdesk.ui.offers.lines_model import DISCOUNT, NET, PRICE

    account = russian_window.workspace.accounts.page(AccountFilter(), limit=1)[0]
    editor = open_offer_editor(russian_window, russian_window.workspace, account.id, tasks=tasks)
    editor.resize(editor.width(), min(editor.height(), 740))
    qtbot.waitExposed(editor)
    editor.add_current_product()
    view = editor.lines_view
    header = view.horizontalHeader()
    assert header.model().headerData(PRICE, Qt.Orientation.Horizontal) == "Цена без НДС"
    assert header.model().headerData(NET, Qt.Orientation.Horizontal) == "Сумма без НДС"
    for section in range(1, header.count()):
        text_fits_header(header, section)
    # The discount is typed in the table: «150» is taken as typed and said (it once
    # stopped at «15» unsaid), «12,5» is taken.
    index = editor.lines.index(0, DISCOUNT)
    rect = view.visualRect(index)
    field = open_editor(qtbot, view, rect.center())
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, "150")
    assert field.text() == "150"
    assert view.note.isVisible() and view.note.text() == "Скидка не больше 100 %"
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.NoState)  # a queued commit
    assert editor.lines.lines()[0].discount_pct == 150 and view.note.isVisible()
    # The note under the table may change after a commit: find the cell again.
    field = open_editor(qtbot, view, view.visualRect(index).center())
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, "100,5")
    assert field.text() == "100,5" and view.note.isVisible()
    QTest.keyClicks(field, "5")
    assert field.text() == "100,55"
    QTest.keyClicks(field, "5")
    assert field.text() == "100,55"  # two decimals at most
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, "12,5")
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.NoState)  # a queued commit
    assert str(editor.lines.lines()[0].discount_pct) == "12.5" and view.note.isHidden()
    editor.unsaved.mark_unchanged()
    editor.close()


def test_a_hospitals_number_stays_readable_in_the_list_at_1366(
    qtbot: QtBot, russian_window: MainWindow
) -> None:
    from kamdesk.ui.clients.model import Column

    table = clients(russian_window).table
    model = table.model()
    names = [model.index(row, Column.NAME).data() for row in range(min(model.rowCount(), 200))]
    name = max(names, key=len)  # «ГБУЗ «Тверской областной клинический …»»
    assert len(name) > 40
    assert table.columnWidth(Column.NAME) >= 300  # the name takes what the others leave
    shown = table.fontMetrics().elidedText(
        name, table.textElideMode(), table.columnWidth(Column.NAME) - 12
    )
    # Elided in the middle: the end, with the number, is still there («…ница № 7»»).
    assert shown.endswith(name[-6:]), (shown, table.columnWidth(Column.NAME))
    row = names.index(name)
    assert model.index(row, Column.NAME).data(Qt.ItemDataRole.ToolTipRole).startswith(name)
