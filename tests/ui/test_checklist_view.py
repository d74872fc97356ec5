"""The pre-meeting checklist in the window, on the demo territory: every reminder of
every planned visit ticked with the mouse on its check box, every «Fix» link
followed, every follow-up ticked off. Ticking a reminder used to clear the tree
inside its own itemChanged handler and the window died with a segmentation fault.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)
from pytestqt.qtbot import QtBot

from kamdesk.services.visits import (
    ItemKind,
    VisitRow,
    open_follow_ups,
    visit_checklist,
    visits_on_days,
)
from kamdesk.store import Store
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.checklist_view import KEY_ROLE, ChecklistView
from kamdesk.ui.visits.common import local
from kamdesk.ui.visits.page import DAY, VisitsPage
from tests.ui.demo_store import demo_store, demo_template, demo_workspace  # noqa: F401  (fixtures)

WaitIdle = Callable[[TaskRunner], None]
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


@pytest.fixture
def visits(qtbot: QtBot, window: MainWindow, wait_idle: WaitIdle) -> VisitsPage:
    window.resize(1500, 950)
    with qtbot.waitExposed(window):
        window.show()
    QTest.mouseClick(window.section_button(SectionKey.VISITS), Qt.MouseButton.LeftButton)
    page = window.section_page(SectionKey.VISITS)
    assert isinstance(page, VisitsPage) and page.isVisible()
    wait_idle(window.tasks)
    return page


def planned_visits(store: Store, page: VisitsPage) -> list[VisitRow]:
    today = date.today()
    rows = visits_on_days(store, today, today + timedelta(days=120), page.tz)
    planned = [row for row in rows if row.readiness is not None]
    assert planned, "the demo plans visits for the coming weeks"
    return sorted(planned, key=lambda row: row.starts_at)


def open_visit(qtbot: QtBot, page: VisitsPage, row: VisitRow, wait_idle: WaitIdle) -> None:
    """Day view, ←/→ to the visit's day, a click on the visit in the day's list."""
    if page.stack.currentIndex() != DAY:
        QTest.mouseClick(page.mode_buttons.button(DAY), Qt.MouseButton.LeftButton)
    day = local(row.starts_at, page.tz).date()
    while page.current_day != day:
        key = Qt.Key.Key_Right if page.current_day < day else Qt.Key.Key_Left
        QTest.keyClick(page.day_list, key)
        wait_idle(page.tasks)
    line = page.day_model.row_of(row.id)
    assert line is not None
    rect = page.day_list.visualRect(page.day_model.index(line))
    QTest.mouseClick(page.day_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.checklist.visit_id == row.id
    QTest.mouseClick(page.side.tabBar(), Qt.MouseButton.LeftButton, pos=tab_center(page, 0))
    assert page.checklist.isVisible()


def tab_center(page: VisitsPage, index: int) -> QPoint:
    return page.side.tabBar().tabRect(index).center()


def rows(tree: QTreeWidget) -> dict[str, QTreeWidgetItem]:
    found: dict[str, QTreeWidgetItem] = {}
    for top in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(top)
        for child in range(head.childCount()) if head is not None else ():
            item = head.child(child)
            key = item.data(0, KEY_ROLE) if item is not None else None
            if item is not None and key:
                found[key] = item
    return found


def check_box_rect(tree: QTreeWidget, item: QTreeWidgetItem) -> QRect:
    """Where the style draws the item's check box, in viewport coordinates."""
    index = tree.indexFromItem(item, 0)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualRect(index)
    tree.itemDelegate().initStyleOption(option, index)  # type: ignore[attr-defined]
    return tree.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree
    )


def tick(
    qtbot: QtBot, view: ChecklistView, key: str, wait_idle: WaitIdle, tasks: TaskRunner
) -> None:
    item = rows(view.tree)[key]
    view.tree.scrollToItem(item)
    box = check_box_rect(view.tree, item)
    assert box.isValid() and view.tree.viewport().rect().contains(box.center())
    wanted = (
        Qt.CheckState.Unchecked
        if item.checkState(0) == Qt.CheckState.Checked
        else Qt.CheckState.Checked
    )
    QTest.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    qtbot.waitUntil(view.is_settled)  # the tree is rebuilt after the click was handled
    assert rows(view.tree)[key].checkState(0) == wanted
    wait_idle(tasks)


def follow_fix(qtbot: QtBot, view: ChecklistView, key: str) -> None:
    """Click the «Fix» link of item `key` where its word is drawn."""
    item = rows(view.tree)[key]
    view.tree.scrollToItem(item)
    link = view.tree.itemWidget(item, 1)
    assert isinstance(link, QLabel) and link.objectName() == f"fix:{key}"
    word = QTextDocumentFragment.fromHtml(link.text()).toPlainText()
    width = link.fontMetrics().horizontalAdvance(word)
    at = QPoint(link.contentsRect().left() + link.margin() + width // 2, link.height() // 2)
    with qtbot.waitSignal(view.fix_requested, timeout=5000):
        QTest.mouseClick(link, Qt.MouseButton.LeftButton, pos=at)


def come_back(qtbot: QtBot, window: MainWindow, page: VisitsPage, wait_idle: WaitIdle) -> None:
    """Close what the fix link opened (the plan dialog), or go back to Visits."""
    for dialog in [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]:
        if dialog.isVisible():
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda d=dialog: not d.isVisible())  # type: ignore[misc]
    if not page.isVisible():
        QTest.mouseClick(window.section_button(SectionKey.VISITS), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.isVisible)
    wait_idle(window.tasks)


def test_every_reminder_of_the_demo_is_ticked_and_every_fix_link_followed(
    qtbot: QtBot,
    window: MainWindow,
    visits: VisitsPage,
    store: Store,
    wait_idle: WaitIdle,
) -> None:
    page, view = visits, visits.checklist
    ticked = followed = 0
    for row in planned_visits(store, page):
        open_visit(qtbot, page, row, wait_idle)
        followed += follow_every_fix(qtbot, window, page, row, wait_idle)
        checklist = visit_checklist(store, row.id)
        reminders = [i.key for i in checklist.items_by_key.values() if i.kind == ItemKind.REMINDER]
        for key in reminders:
            tick(qtbot, view, key, wait_idle, window.tasks)
            ticked += 1
        confirmed = visit_checklist(store, row.id).items_by_key
        assert all(confirmed[key].passed for key in reminders), "every tick was stored"
        # Untick one again: the other direction goes through the same handler.
        tick(qtbot, view, reminders[0], wait_idle, window.tasks)
        assert not visit_checklist(store, row.id).items_by_key[reminders[0]].passed
        tick(qtbot, view, reminders[0], wait_idle, window.tasks)
        # «Маршрут, парковка…» ticked, then «Исправить»: the links of what still fails.
        followed += follow_every_fix(qtbot, window, page, row, wait_idle)
    assert ticked >= 20 and followed >= 5  # the demo has enough of both to mean something


def follow_every_fix(
    qtbot: QtBot, window: MainWindow, page: VisitsPage, row: VisitRow, wait_idle: WaitIdle
) -> int:
    view = page.checklist
    fixes = [key for key, item in rows(view.tree).items() if view.tree.itemWidget(item, 1)]
    for key in fixes:
        if view.visit_id != row.id or key not in rows(view.tree):
            open_visit(qtbot, page, row, wait_idle)
        follow_fix(qtbot, view, key)
        come_back(qtbot, window, page, wait_idle)
    return len(fixes)


def test_every_open_follow_up_is_ticked_off_with_the_mouse(
    qtbot: QtBot, visits: VisitsPage, store: Store, wait_idle: WaitIdle
) -> None:
    """Ticking a follow-up reloads the list; the ticked item is not deleted while
    its own itemChanged is handled."""
    page = visits
    QTest.mouseClick(page.side.tabBar(), Qt.MouseButton.LeftButton, pos=tab_center(page, 1))
    listing = page.follow_ups
    assert listing.isVisible()
    open_before = open_follow_ups(store, page.today)
    assert len(open_before) >= 3, "the demo has follow-ups to tick"
    while listing.count():
        item = listing.item(0)
        listing.scrollToItem(item)
        index = listing.indexFromItem(item)
        option = QStyleOptionViewItem()
        option.initFrom(listing)
        option.rect = listing.visualRect(index)
        listing.itemDelegate().initStyleOption(option, index)  # type: ignore[attr-defined]
        box = listing.style().subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, listing
        )
        left = listing.count()
        QTest.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
        qtbot.waitUntil(lambda left=left: listing.count() == left - 1)  # type: ignore[misc]
        wait_idle(page.tasks)
    assert open_follow_ups(store, page.today) == []
