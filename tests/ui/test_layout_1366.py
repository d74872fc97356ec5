"""At 1366×768 in Russian a KAM reads every list's headers and cells whole: header
texts fit their sections, lists need no sideways scrolling, rows are as tall as
their text."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView
from pytestqt.qtbot import QtBot

from kamdesk.ui.app import apply_style_sheet
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)

HEADER_PADDING = 6  # the style sheet's «padding: 4px 6px» either side of the text


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    apply_style_sheet(qapp)
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def russian_window(
    styled: None,
    qtbot: QtBot,
    window: MainWindow,
    switcher: LanguageSwitcher,
    wait_idle: Callable[[TaskRunner], None],
    tasks: TaskRunner,
) -> MainWindow:
    switcher.apply(Language.RUSSIAN)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(tasks)
    return window


def open_section(window: MainWindow, key: SectionKey) -> None:
    QTest.mouseClick(window.section_button(key), Qt.MouseButton.LeftButton)
    assert window.current_section() == key
    QApplication.processEvents()


def header_texts_fit(header: QHeaderView) -> None:
    bold = QFont(header.font())
    bold.setWeight(QFont.Weight.DemiBold)  # the style sheet's «font-weight: 600»
    metrics = QFontMetrics(bold)
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = header.model().headerData(section, Qt.Orientation.Horizontal)
        width = metrics.horizontalAdvance(text)
        assert width + 2 * HEADER_PADDING <= header.sectionSize(section), (
            f"«{text}»: {width} px of text in {header.sectionSize(section)} px"
        )


def no_sideways_scrolling(view: QAbstractItemView) -> None:
    QApplication.processEvents()
    assert view.horizontalScrollBar().maximum() == 0, "a horizontal scrollbar"


def test_the_client_list_headers_are_whole_and_the_name_takes_the_rest(
    russian_window: MainWindow,
) -> None:
    from kamdesk.ui.clients.model import Column
    from kamdesk.ui.clients.page import ClientsPage

    open_section(russian_window, SectionKey.CLIENTS)
    page = russian_window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    header = page.table.horizontalHeader()
    header_texts_fit(header)
    no_sideways_scrolling(page.table)
    sizes = {c.name: header.sectionSize(c) for c in Column}
    assert page.table.columnWidth(Column.NAME) >= 300, sizes
    # A shortened header says in full what it means in its tooltip.
    model = page.table.model()
    for column in (Column.ABC_XYZ, Column.OWNER, Column.NEXT_VISIT):
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip and tip != model.headerData(column, Qt.Orientation.Horizontal)

    # Sorted by the owner, its header keeps its text beside the sort arrow.
    owner = header.sectionViewportPosition(Column.OWNER) + header.sectionSize(Column.OWNER) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(owner, 5))
    assert header.sortIndicatorSection() == Column.OWNER
    assert header.sectionSize(Column.OWNER) >= header.sectionSizeHint(Column.OWNER)
    header_texts_fit(header)
    no_sideways_scrolling(page.table)
