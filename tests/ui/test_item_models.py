"""Every item model of the window passes Qt's model tester on the demo territory,
populated, and while it changes (new query, edits, rows added and removed).

`qtmodeltester.check` keeps watching the model after the first check, so every
signal the model emits later (reset, insert, remove, dataChanged) is checked
too. Each model runs under Qt's C++ QAbstractItemModelTester (failures are
Qt warnings, which fail the test) and pytest-qt's Python port (assertions).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kamdesk.services.accounts import AccountFilter
from kamdesk.services.offers import OfferBook
from kamdesk.services.visits import plan_defaults, plan_visit
from kamdesk.services.workspace import Workspace
from kamdesk.ui.clients.model import AccountListModel
from kamdesk.ui.offers.editor import OfferEditor
from kamdesk.ui.offers.lines_model import DISCOUNT, PRICE, PRODUCT, QUANTITY, TOTAL, LinesModel
from kamdesk.ui.offers.page import OffersPage
from kamdesk.ui.products.page import ProductsPage
from kamdesk.ui.record_model import RecordColumn, RecordTableModel
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.common import at
from kamdesk.ui.visits.models import DayModel
from kamdesk.ui.visits.page import DAY, LIST, VisitsPage
from tests.ui.demo_store import demo_store, demo_template, demo_workspace  # noqa: F401  (fixtures)

WaitIdle = Callable[[TaskRunner], None]
TESTERS = [pytest.param(False, id="qt-tester"), pytest.param(True, id="python-tester")]

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def every_cell(model: QAbstractItemModel) -> list[Any]:
    """Read every role of every cell and header, as views and screen readers do:
    nothing may raise, whatever is asked."""
    roles = [*range(14), int(Qt.ItemDataRole.UserRole) + 1, int(Qt.ItemDataRole.UserRole) + 2]
    seen = []
    for row in range(model.rowCount(QModelIndex())):
        for column in range(_columns(model)):
            index = model.index(row, column)
            assert index.isValid()
            model.flags(index)
            seen += [model.data(index, role) for role in roles]
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        horizontal = orientation == Qt.Orientation.Horizontal
        count = _columns(model) if horizontal else model.rowCount(QModelIndex())
        for section in (-1, *range(count + 1)):  # one beyond each end, as the tester asks
            seen += [model.headerData(section, orientation, role) for role in roles]
    assert model.data(QModelIndex()) is None
    return seen


def _columns(model: QAbstractItemModel) -> int:
    # PySide6 hides columnCount() of list models (it is private there): one column.
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())


# --- the client list ------------------------------------------------------------------------


@pytest.mark.parametrize("force_py", TESTERS)
def test_client_list_model_pages_through_the_demo(
    qtmodeltester: Any,
    workspace: Workspace,
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    force_py: bool,
) -> None:
    model = AccountListModel(workspace.accounts, tasks, page_size=5)
    model.reload()
    wait_idle(tasks)
    assert model.rowCount() == 5
    qtmodeltester.check(model, force_py=force_py)
    wait_idle(tasks)  # the tester fetches more: pages arrive in the background
    while model.canFetchMore():
        model.fetchMore()
        wait_idle(tasks)
    assert model.rowCount() == 12
    every_cell(model)
    model.set_filter(AccountFilter(text="гбуз"))  # a new query resets the model
    wait_idle(tasks)
    assert 0 < model.rowCount() < 12
    model.sort(1, Qt.SortOrder.DescendingOrder)
    wait_idle(tasks)
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    model.sort(-1)  # what a header asks when its sort indicator is cleared
    wait_idle(tasks)
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == names
    model.retranslate()
    every_cell(model)


# --- read-only record tables and their sort proxies -----------------------------------------


@pytest.mark.parametrize("force_py", TESTERS)
def test_offers_list_and_its_proxy(
    qtbot: QtBot, qtmodeltester: Any, workspace: Workspace, force_py: bool
) -> None:
    page = OffersPage(workspace, open_pdfs=False)
    qtbot.addWidget(page)
    assert page.model.rowCount() == len(OfferBook(workspace.store).list()) > 0
    every_cell(page.model)
    qtmodeltester.check(page.proxy, force_py=force_py)
    page.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # by total
    page.search.setText("КП")  # a new list: the proxy gets another source model
    every_cell(page.proxy)
    page.search.setText("nothing matches this")
    assert page.proxy.rowCount() == 0
    page.search.clear()
    assert page.proxy.rowCount() > 0


@pytest.mark.parametrize("force_py", TESTERS)
def test_offers_source_model(
    qtbot: QtBot, qtmodeltester: Any, workspace: Workspace, force_py: bool
) -> None:
    page = OffersPage(workspace, open_pdfs=False)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model, force_py=force_py)
    page.model.retranslate()


@pytest.mark.parametrize("force_py", TESTERS)
def test_products_list_and_its_proxy(
    qtbot: QtBot, qtmodeltester: Any, workspace: Workspace, force_py: bool
) -> None:
    page = ProductsPage(workspace)
    qtbot.addWidget(page)
    assert page.model.rowCount() > 30
    qtmodeltester.check(page.model, force_py=force_py)
    every_cell(page.model)
    page.model.retranslate()


@pytest.mark.parametrize("force_py", TESTERS)
def test_products_proxy_while_searching(
    qtbot: QtBot, qtmodeltester: Any, workspace: Workspace, force_py: bool
) -> None:
    page = ProductsPage(workspace)
    qtbot.addWidget(page)
    qtmodeltester.check(page.proxy, force_py=force_py)
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # by price
    page.search.setText("табл")
    assert 0 < page.proxy.rowCount() < page.proxy.sourceModel().rowCount() + 40
    every_cell(page.proxy)
    page.search.clear()


def test_a_record_table_without_columns_or_rows_is_still_a_valid_model(
    qtmodeltester: Any,
) -> None:
    """The overdue table starts with no columns until its first load."""
    model: RecordTableModel[str] = RecordTableModel([], [])
    qtmodeltester.check(model)
    model.retranslate()  # announces no header range when there are no columns
    every_cell(model)
    filled = RecordTableModel(["а", "б"], [RecordColumn(lambda: "Буква", lambda r: r)])
    qtmodeltester.check(filled, force_py=True)
    filled.retranslate()
    assert every_cell(filled).count("Буква") >= 1


@pytest.mark.parametrize("force_py", TESTERS)
def test_a_record_table_shows_another_list_in_place(qtmodeltester: Any, force_py: bool) -> None:
    model = RecordTableModel(["ОКБ"], [RecordColumn(lambda: "Клиент", lambda r: r)])
    qtmodeltester.check(model, force_py=force_py)
    model.set_records(["ОКБ", "ОККД", "ТОКОД"])
    assert [model.index(row, 0).data() for row in range(3)] == ["ОКБ", "ОККД", "ТОКОД"]
    model.set_records([])
    assert model.rowCount() == 0


# --- the visits section ---------------------------------------------------------------------


def _two_visits_on_one_day(workspace: Workspace, page: VisitsPage) -> date:
    """Two planned visits a few hours apart, so the day shows a leg between them."""
    store = workspace.store
    day = page.today + timedelta(days=1)
    accounts = workspace.accounts.page(AccountFilter(text="гбуз"), limit=2)
    for hour, row in zip((10, 14), accounts, strict=True):
        plan = plan_defaults(store, row.id, at(day, time(hour, 0), page.tz))
        plan.objective = "Обсудить заявку на следующий год"
        plan_visit(store, plan)
    return day


@pytest.fixture
def visits_page(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, wait_idle: WaitIdle
) -> VisitsPage:
    page = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(page)
    wait_idle(tasks)
    return page


@pytest.mark.parametrize("force_py", TESTERS)
def test_day_model_with_legs(
    qtmodeltester: Any,
    visits_page: VisitsPage,
    workspace: Workspace,
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    force_py: bool,
) -> None:
    day = _two_visits_on_one_day(workspace, visits_page)
    visits_page.set_mode(DAY)
    qtmodeltester.check(visits_page.day_model, force_py=force_py)
    visits_page.reload()
    wait_idle(tasks)
    visits_page.go_to(day)  # the day of the two visits: a reset with a leg row
    model = visits_page.day_model
    legs = [row for row in range(model.rowCount()) if model.entry(row).is_leg]
    assert model.rowCount() >= 2 and legs, "the second visit of the day has its leg shown"
    every_cell(model)
    visits_page.move_days(-1)
    wait_idle(tasks)


@pytest.mark.parametrize("force_py", TESTERS)
def test_day_model_alone(qtmodeltester: Any, workspace: Workspace, force_py: bool) -> None:
    from kamdesk.services.visits import visits_on_days

    rows = [r for r in visits_on_days(workspace.store, *_demo_period()) if r.leg is not None]
    model = DayModel()
    qtmodeltester.check(model, force_py=force_py)
    model.set_visits(rows[:6])
    every_cell(model)
    model.set_visits([])


def _demo_period() -> tuple[Any, Any]:
    today = datetime.now().date()
    return today - timedelta(days=120), today + timedelta(days=30)


@pytest.mark.parametrize("force_py", TESTERS)
def test_visit_list_model(
    qtmodeltester: Any, visits_page: VisitsPage, tasks: TaskRunner, wait_idle: WaitIdle,
    force_py: bool,
) -> None:  # fmt: skip
    visits_page.set_mode(LIST)
    model = visits_page.list_model
    assert model.rowCount() > 0, "the demo has visits this month"
    qtmodeltester.check(model, force_py=force_py)
    every_cell(model)
    model.retranslate()


@pytest.mark.parametrize("force_py", TESTERS)
def test_overdue_accounts_model(
    qtmodeltester: Any, visits_page: VisitsPage, force_py: bool
) -> None:
    model = visits_page.overdue.model_
    qtmodeltester.check(model, force_py=force_py)
    every_cell(model)
    model.retranslate()


# --- the offer editor: editable lines, readers, annexes -------------------------------------


@pytest.fixture
def editor(qtbot: QtBot, workspace: Workspace) -> OfferEditor:
    """A demo offer with its lines, opened for editing."""
    book = OfferBook(workspace.store)
    offer = max(book.list(), key=lambda row: row.total)
    dialog = OfferEditor(workspace, offer_id=offer.id)
    qtbot.addWidget(dialog)
    assert dialog.lines.rowCount() > 0
    return dialog


def _line_texts(model: LinesModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


@pytest.mark.parametrize("force_py", TESTERS)
def test_offer_lines_model_while_editing(
    qtmodeltester: Any, editor: OfferEditor, force_py: bool
) -> None:
    model = editor.lines
    qtmodeltester.check(model, force_py=force_py)
    every_cell(model)
    rows = model.rowCount()
    # Edits of the three editable columns, each a dataChanged over its row.
    assert model.setData(model.index(0, QUANTITY), "12")
    assert model.setData(model.index(0, PRICE), "1 234,50")
    assert model.setData(model.index(0, DISCOUNT), "2,5")
    line = model.lines()[0]
    assert (line.quantity, line.unit_price, line.discount_pct) == (
        12,
        Decimal("1234.50"),
        Decimal("2.5"),
    )
    assert _line_texts(model, 0)[TOTAL], "the row's amounts follow the edit"
    assert not model.setData(model.index(0, PRODUCT), "Другой препарат"), "not editable"
    assert not model.setData(model.index(0, TOTAL), "1"), "not editable"
    # Lines removed at the end, in the middle, at the start, and added back.
    model.remove(1)
    model.remove(0)
    model.remove(model.rowCount() - 1)
    assert model.rowCount() == rows - 3
    fresh = [  # one line a product: only products the offer no longer holds
        i
        for i in range(editor.product.count())
        if editor.product.itemData(i) is not None
        and model.row_of_product(editor.product.itemData(i).id) < 0
    ][:2]
    assert len(fresh) == 2
    for index in fresh:
        editor.product.setCurrentIndex(index)
        editor.add_current_product()
    assert model.rowCount() == rows - 1
    model.remove(model.rowCount())  # no such row: nothing happens
    assert model.rowCount() == rows - 1
    every_cell(model)
    model.set_lines([])
    assert model.rowCount() == 0
    every_cell(model)


@pytest.mark.parametrize(
    ("column", "typed"),
    [
        (QUANTITY, "abc"),
        (QUANTITY, "1,5"),  # half a pack cannot be offered
        (QUANTITY, "NaN"),
        (PRICE, "Infinity"),
        (PRICE, "NaN"),
        (PRICE, "12,3,4"),
        (DISCOUNT, "sNaN"),
        (DISCOUNT, "-inf"),
        (DISCOUNT, ""),
    ],
)
def test_offer_lines_refuse_what_is_not_a_number(
    editor: OfferEditor, column: int, typed: str
) -> None:
    """The view's editor gets back what was there before, and the line is unchanged."""
    model = editor.lines
    before = model.lines()[0]
    snapshot = (before.quantity, before.unit_price, before.discount_pct)
    shown = _line_texts(model, 0)
    assert not model.setData(model.index(0, column), typed)
    after = model.lines()[0]
    assert (after.quantity, after.unit_price, after.discount_pct) == snapshot
    assert _line_texts(model, 0) == shown


def test_offer_lines_header_asks_nothing_beyond_the_columns(editor: OfferEditor) -> None:
    model = editor.lines
    assert model.headerData(model.columnCount(), Qt.Orientation.Horizontal) is None
    assert model.headerData(-1, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Product"


def test_offer_readers_model(qtmodeltester: Any, editor: OfferEditor) -> None:
    # Qt's tester only: pytest-qt's Python port expects a CheckState enum where
    # QStandardItemModel (Qt's own class) hands PySide6 a plain int.
    qtmodeltester.check(editor.readers)
    assert editor.readers.rowCount() > 0, "the account's people are the possible readers"
    every_cell(editor.readers)
    editor.readers_view.setCurrentIndex(editor.readers.index(0, 0))
    editor.suggest_current()  # ticks the reader: a dataChanged the tester checks


@pytest.mark.parametrize("force_py", TESTERS)
def test_offer_annexes_model(
    qtmodeltester: Any, editor: OfferEditor, tmp_path: Path, force_py: bool
) -> None:
    qtmodeltester.check(editor.annexes, force_py=force_py)
    editor.attach_file(str(tmp_path / "Регистрационное удостоверение.pdf"))
    editor.attach_file(str(tmp_path / "Инструкция.pdf"))
    every_cell(editor.annexes)
    editor.annex_view.setCurrentIndex(editor.annexes.index(0, 0))
    remove = next(b for b in editor.findChildren(QPushButton) if b.text() == "Remove annex")
    remove.click()
    assert editor.annexes.stringList()[-1] == "Инструкция"
