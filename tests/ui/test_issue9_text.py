"""Issue 9, nothing cut off at 1366×768 in Russian: the Products VAT column in view with
its header whole, Settings captions never narrower than their longest word, and
«Давно без визита» names elided with a tooltip instead of crushed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel
from pytestqt.qtbot import QtBot

from kamdesk.ui.app import apply_style_sheet
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.settings_dialog import SettingsDialog
from kamdesk.ui.tasks import TaskRunner
from tests.ui.demo_store import demo_store, demo_template, demo_workspace  # noqa: F401  (fixtures)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def russian_window(
    qapp: QApplication,
    qtbot: QtBot,
    window: MainWindow,
    switcher: LanguageSwitcher,
    wait_idle: Callable[[TaskRunner], None],
    tasks: TaskRunner,
) -> Iterator[MainWindow]:
    apply_style_sheet(qapp)
    switcher.apply(Language.RUSSIAN)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(tasks)
    yield window
    qapp.setStyleSheet("")


def header_text_width(header: QHeaderView, section: int) -> int:
    text = header.model().headerData(section, Qt.Orientation.Horizontal)
    font = QFont(header.font())
    font.setWeight(QFont.Weight.DemiBold)  # the style sheet's header weight
    return QFontMetrics(font).horizontalAdvance(text)


def test_the_products_vat_column_is_in_view_with_its_header_whole(
    russian_window: MainWindow, tasks: TaskRunner, wait_idle: Callable[[TaskRunner], None]
) -> None:
    QTest.mouseClick(russian_window.section_button(SectionKey.PRODUCTS), Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    page = russian_window.section_page(SectionKey.PRODUCTS)
    table = page.table  # type: ignore[attr-defined]
    header = table.horizontalHeader()
    vat = next(
        c
        for c in range(header.count())
        if header.model().headerData(c, Qt.Orientation.Horizontal) == "НДС, %"
    )
    right = header.sectionViewportPosition(vat) + header.sectionSize(vat)
    assert header.sectionViewportPosition(vat) >= 0 and right <= table.viewport().width()
    for section in range(header.count()):
        assert header_text_width(header, section) + 8 <= header.sectionSize(section)


def test_settings_captions_are_not_clipped(qtbot: QtBot, russian_window: MainWindow) -> None:
    russian_window.open_settings()
    dialog = russian_window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    caption = next(
        label for label in dialog.findChildren(QLabel) if label.text() == "Анализируемый период"
    )
    dialog.grab().save("/tmp/h12/png/settings.png")
    box = caption.parentWidget()
    assert box is not None
    for label in box.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        # Every caption gets the room its whole text needs, in both directions.
        needed = label.fontMetrics().boundingRect(
            label.contentsRect(), int(Qt.TextFlag.TextWordWrap), label.text()
        )
        assert needed.width() <= label.contentsRect().width(), label.text()
        assert needed.height() <= label.contentsRect().height(), label.text()
    dialog.close()


def test_overdue_names_are_elided_with_a_tooltip_not_crushed(
    qtbot: QtBot,
    russian_window: MainWindow,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    QTest.mouseClick(russian_window.section_button(SectionKey.VISITS), Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    page = russian_window.section_page(SectionKey.VISITS)
    side = page.side  # type: ignore[attr-defined]
    side.setCurrentWidget(page.overdue)  # type: ignore[attr-defined]
    table = page.overdue  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    assert side.tabText(side.currentIndex()) == "Давно без визита"
    QApplication.processEvents()
    # Wide enough for «ГБУЗ «Городская…», whatever the other columns take.
    assert table.columnWidth(0) >= QFontMetrics(table.font()).horizontalAdvance("ГБУЗ «Городская ")
    index = table.model().index(0, 0)
    name = index.data()
    assert index.data(Qt.ItemDataRole.ToolTipRole) == name
    for section in range(1, table.horizontalHeader().count()):
        assert header_text_width(table.horizontalHeader(), section) + 8 <= table.columnWidth(
            section
        )
