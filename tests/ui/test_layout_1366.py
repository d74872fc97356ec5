"""At 1366×768 in Russian a KAM reads every list's headers and cells whole: header
texts fit their sections, lists need no sideways scrolling, rows are as tall as
their text."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLabel
from pytestqt.qtbot import QtBot

from kamdesk.models import Account
from kamdesk.store import Store
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)

HEADER_PADDING = 6  # the style sheet's «padding: 4px 6px» either side of the text


@pytest.fixture
def russian_window(window_on_screen: Callable[[Language, int, int], MainWindow]) -> MainWindow:
    window = window_on_screen(Language.RUSSIAN, 1366, 768)
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
    # Every status is whole beside its dot («Поте…ьный» was cut).
    from kamdesk.ui.labels import label
    from kamdesk.vocabulary import AccountStatus

    metrics = QFontMetrics(page.table.font())
    room = header.sectionSize(Column.STATUS) - 16 - 2 * HEADER_PADDING  # the dot, margins
    for status in AccountStatus:
        assert metrics.horizontalAdvance(label(status)) <= room, label(status)
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


@pytest.fixture
def long_twins(store: Store) -> tuple[uuid.UUID, uuid.UUID]:
    """One clinic entered twice under its long official names."""
    with store.transaction() as session:
        first = Account(
            name="АНО «Центр медицинской реабилитации «Гармония» Тверской области»",
            kind="other",
            city="Тверь",
            inn="6950168323",
        )
        second = Account(
            name="АО «Многопрофильная клиника «Вита» имени профессора Н. И. Пирогова»",
            kind="hospital",
            city="Тверь",
            inn="6950334193",
        )
        session.add_all([first, second])
        session.flush()
        return first.id, second.id


def test_the_merge_dialog_shows_every_row_and_the_whole_plan(
    qtbot: QtBot,
    long_twins: tuple[uuid.UUID, uuid.UUID],
    russian_window: MainWindow,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    from kamdesk.ui.clients.merge_dialog import MergeDialog
    from kamdesk.ui.clients.page import ClientsPage

    open_section(russian_window, SectionKey.CLIENTS)
    page = russian_window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    page.model.reload()
    wait_idle(tasks)
    selection = page.table.selectionModel()
    for row in range(page.model.rowCount()):
        if page.model.row_at(row).id in long_twins:
            selection.select(
                page.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    QTest.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(MergeDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.merge_button.isEnabled())
    qtbot.waitUntil(dialog.plan.isVisible)
    # It grows to show as much as the screen lets it.
    qtbot.waitUntil(lambda: dialog.height() > 400)
    assert dialog.frameGeometry().height() <= 768
    # Every caption and value is as tall as its text, and no row overlaps the next.
    grid = dialog.grid
    bottom = -1
    for row in range(1, grid.rowCount()):
        cells = [grid.itemAtPosition(row, column) for column in range(3)]
        labels = [item.widget() for item in cells if item is not None]
        assert labels
        for label in labels:
            assert isinstance(label, QLabel)
            needed = (
                label.heightForWidth(label.width())
                if label.wordWrap()
                else label.fontMetrics().height()
            )
            assert label.height() >= needed, (label.text(), label.height(), needed)
            assert label.y() >= bottom, f"«{label.text()}» overlaps the row above"
        bottom = max(label.geometry().bottom() + 1 for label in labels if label is not None)
    # The plan is whole, and scrolling down reaches its last line.
    plan = dialog.plan
    assert plan.height() >= plan.heightForWidth(plan.width())
    bar = dialog.comparison.verticalScrollBar()
    QTest.keyClick(bar, Qt.Key.Key_End)
    plan_bottom = plan.mapTo(dialog.comparison.viewport(), QPoint(0, plan.height() - 1)).y()
    assert plan_bottom <= dialog.comparison.viewport().height()
    dialog.reject()


def test_the_product_list_shows_every_column_without_scrolling(
    qtbot: QtBot, russian_window: MainWindow, store: Store
) -> None:
    from kamdesk.services.products import ProductCatalog, ProductInput
    from kamdesk.ui.products.page import FORM, ProductsPage

    catalog = ProductCatalog(store)
    long_form = "раствор для внутривенного и подкожного введения"
    catalog.save(
        ProductInput(
            sku="KM-LONG-1",
            trade_name="Бевацирел",
            inn_name="Бевацизумаб",
            dosage_form=long_form,
            dosage="25 мг/мл",
            pack="флакон № 1",
            product_group="Онкология и гематология",
        )
    )
    open_section(russian_window, SectionKey.PRODUCTS)
    page = russian_window.section_page(SectionKey.PRODUCTS)
    assert isinstance(page, ProductsPage)
    QTest.keyClicks(page.search, "KM-LONG")  # stored after the page loaded: search for it
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 1)
    header = page.table.horizontalHeader()
    header_texts_fit(header)
    no_sideways_scrolling(page.table)  # the price, VAT, SKU and group were off to the right
    # The form is elided in its column and whole in the tooltip.
    model = page.table.model()
    assert model.index(0, 0).data() == "Бевацирел"
    tip = model.index(0, FORM).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{long_form} 25 мг/мл · флакон № 1"


def test_the_visits_list_names_its_month_and_the_overdue_panel_fits(
    qtbot: QtBot, russian_window: MainWindow, tasks: TaskRunner, wait_idle: Callable[..., None]
) -> None:
    from datetime import date

    from kamdesk.ui.visits.page import LIST, VisitsPage

    open_section(russian_window, SectionKey.VISITS)
    page = russian_window.section_page(SectionKey.VISITS)
    assert isinstance(page, VisitsPage)
    QTest.mouseClick(page.mode_buttons.button(LIST), Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    months = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август"]
    months += ["Сентябрь", "Октябрь", "Ноябрь", "Декабрь"]
    shown = page.current_day
    assert page.period.text() == f"{months[shown.month - 1]} {shown.year}"  # not «01.12.2026 …»
    assert isinstance(shown, date)

    page.side.setCurrentWidget(page.overdue)  # the «Давно без визита» tab
    QTest.mouseClick(
        page.side.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=page.side.tabBar().tabRect(page.side.indexOf(page.overdue)).center(),
    )
    qtbot.waitUntil(page.overdue.isVisible)
    header_texts_fit(page.overdue.horizontalHeader())
    no_sideways_scrolling(page.overdue)
