"""The pre-meeting checklist of every visit the demo plans: every reminder ticked with
the mouse on its check box, every "Fix" link followed to the place it names.

Ticking a reminder used to crash the window (segmentation fault: the tree was
rebuilt from inside its own itemChanged handler). Should it come back, this
file takes the pytest process with it: run it alone to see which step, e.g.
`pytest -p no:cacheprovider -x tests/ui/kam_day/test_checklist.py`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kamdesk.services.card import account_of_contact
from kamdesk.services.visits import ItemKind, VisitRow, visit_checklist
from kamdesk.services.workspace import Workspace
from kamdesk.ui.card import AccountCard
from kamdesk.ui.formatting import format_percent
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.offers import OfferEditor
from kamdesk.ui.products import ProductsPage
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.checklist_view import KEY_ROLE
from kamdesk.ui.visits.plan_dialog import PlanDialog
from tests.ui.kam_day.input import (
    LEFT,
    NO_MODIFIER,
    OFFSCREEN_NOTICES,
    click,
    click_tab,
    shortcut,
    snapshot,
    wait_for_window,
)
from tests.ui.kam_day.steps import WaitIdle, clients, open_visits, planned_visits, select_in_day

pytestmark = OFFSCREEN_NOTICES

# Where the plan dialog puts the cursor for each place a checklist item names.
PLAN_FIELDS = {
    "time": "starts_at",
    "travel": "travel_known",
    "attendees": "attendees",
    "objective": "objective",
    "agenda": "agenda",
    "questions": "questions",
    "products": "product_filter",
    "offer": "offer",
    "materials": "materials",
    "negotiation": "target_result",
}


def tree_items(tree: QTreeWidget) -> Iterator[QTreeWidgetItem]:
    """The sections and their items (the details under an item are not needed)."""
    pending = [tree.invisibleRootItem()]
    while pending:
        parent = pending.pop()
        for row in range(parent.childCount()):
            item = parent.child(row)
            assert item is not None
            yield item
            if parent is tree.invisibleRootItem():
                pending.append(item)


def item_of(tree: QTreeWidget, key: str) -> QTreeWidgetItem:
    found = [item for item in tree_items(tree) if item.data(0, KEY_ROLE) == key]
    assert len(found) == 1, f"the checklist shows {key} once"
    return found[0]


def fix_links(tree: QTreeWidget) -> list[str]:
    """Keys of the items showing a "Fix" link beside them."""
    return [
        item.data(0, KEY_ROLE)
        for item in tree_items(tree)
        if isinstance(tree.itemWidget(item, 1), QLabel)
    ]


def stored_ticked(workspace: Workspace, visit: VisitRow, key: str) -> bool:
    return visit_checklist(workspace.store, visit.id).items_by_key[key].passed


def is_ticked(tree: QTreeWidget, key: str) -> bool:
    return item_of(tree, key).checkState(0) == Qt.CheckState.Checked


def click_check_box(tree: QTreeWidget, item: QTreeWidgetItem) -> None:
    """A click on the item's check box, where the style draws it."""
    tree.scrollToItem(item)
    index = tree.indexFromItem(item, 0)
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    option.rect = tree.visualRect(index)
    delegate = tree.itemDelegateForIndex(index)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    box = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    assert box.isValid(), "the reminder has a check box"
    QTest.mouseClick(tree.viewport(), LEFT, NO_MODIFIER, box.center())


def click_link(label: QLabel) -> None:
    """A click on the link's text (the label may be wider than its text)."""
    margin = label.contentsMargins().left() + label.margin()
    width = label.fontMetrics().horizontalAdvance(label.text().split(">")[1].split("<")[0])
    QTest.mouseClick(label, LEFT, NO_MODIFIER, QPoint(margin + width // 2, label.height() // 2))


def show_checklist(qtbot: QtBot, page: VisitsPage, visit: VisitRow) -> QTreeWidget:
    select_in_day(qtbot, page, visit.id)
    click_tab(page.side, "Checklist")
    view = page.checklist
    qtbot.waitUntil(lambda: view.visit_id == visit.id and view.tree.isVisible())
    return view.tree


def test_tick_every_reminder_of_every_planned_visit(
    qtbot: QtBot, shown: MainWindow, wait_idle: WaitIdle, workspace: Workspace
) -> None:
    visits = planned_visits(workspace)
    assert len(visits) >= 3, "the demo plans visits for the coming weeks"
    page = open_visits(qtbot, shown, wait_idle)
    for visit in visits:
        before = visit_checklist(workspace.store, visit.id)
        reminders = [i.key for i in before.items_by_key.values() if i.kind == ItemKind.REMINDER]
        assert reminders, f"the checklist of {visit.account_name} has reminders"
        tree = show_checklist(qtbot, page, visit)
        for key in reminders:
            if item_of(tree, key).checkState(0) == Qt.CheckState.Checked:
                continue
            click_check_box(tree, item_of(tree, key))
            qtbot.waitUntil(partial(stored_ticked, workspace, visit, key))
            # As a KAM looks before the next click: the page reloads after a tick.
            wait_idle(page.tasks)
            tree = page.checklist.tree
            assert is_ticked(tree, key), "the tree shows the tick that was stored"
        after = visit_checklist(workspace.store, visit.id)
        assert all(after.items_by_key[key].passed for key in reminders)
        assert after.summary.score > before.summary.score or before.summary.score == 100
        assert format_percent(after.summary.score) in page.checklist.summary.text()
        snapshot(page, "checklist-ticked")
        wait_idle(page.tasks)


def test_follow_every_fix_link_of_the_demo_checklists(
    qtbot: QtBot, shown: MainWindow, wait_idle: WaitIdle, workspace: Workspace
) -> None:
    page = open_visits(qtbot, shown, wait_idle)
    followed: list[tuple[str, str]] = []
    problems: list[str] = []  # what the KAM would notice, reported after every link
    for visit in planned_visits(workspace):
        tree = show_checklist(qtbot, page, visit)
        for key in fix_links(tree):
            shown_checklist = page.checklist.checklist
            assert shown_checklist is not None
            item = shown_checklist.items_by_key[key]
            assert item.fix is not None and not item.passed
            row = item_of(tree, key)
            tree.scrollToItem(row)
            label = tree.itemWidget(row, 1)
            assert isinstance(label, QLabel) and label.isVisible()
            if not followed:
                snapshot(page, "checklist-to-fix")
            click_link(label)
            kind, target, place = item.fix.as_tuple()
            arrived_at(qtbot, shown, workspace, kind, target, place, visit, problems)
            followed.append((kind, place))
            page = open_visits(qtbot, shown, wait_idle)
            tree = show_checklist(qtbot, page, visit)
    assert followed, "the demo's checklists have items to fix"
    assert {"visit", "account"} <= {kind for kind, _ in followed}
    assert not problems, "\n".join(problems)


def arrived_at(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    kind: str,
    target: Any,
    place: str,
    visit: VisitRow,
    problems: list[str],
) -> None:
    """The fix link opened the place it names; leave it as the KAM would."""
    if kind == "visit":
        dialog = wait_for_window(qtbot, PlanDialog)
        assert dialog.visit_id == visit.id, "the plan of this visit"
        if dialog.account.currentText() != visit.account_name:
            problems.append(
                f"the plan opened by «Fix» ({place}) names the client "
                f"{dialog.account.currentText()!r}, not {visit.account_name!r}"
            )
        expected = getattr(dialog, PLAN_FIELDS.get(place, "objective"))
        assert QApplication.focusWidget() is expected, f"the cursor is where {place} is fixed"
        shortcut(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())
    elif kind in ("account", "contact"):
        account = target if kind == "account" else account_of_contact(workspace.store, target)
        page = clients(window)
        qtbot.waitUntil(lambda: window.current_section() == SectionKey.CLIENTS)
        card = page.tabs.currentWidget()
        assert isinstance(card, AccountCard) and card.account_id == account
        qtbot.waitUntil(lambda: card.bundle is not None)
    elif kind == "product":
        qtbot.waitUntil(lambda: window.current_section() == SectionKey.PRODUCTS)
        products = window.section_page(SectionKey.PRODUCTS)
        assert isinstance(products, ProductsPage)
        selected = products.selected()
        assert selected is not None and selected.id == target, "the product is shown"
    elif kind == "offer":
        editor = wait_for_window(qtbot, OfferEditor)
        assert editor.saved_offer_id in (None, target)
        click(editor.buttons.button(editor.buttons.StandardButton.Cancel))
    else:
        pytest.fail(f"a fix link of an unknown kind: {kind}")
