"""Issue 9, a KAM's day that flows: an open card follows what is stored elsewhere (a
visit planned, a contact edited), the plan dialog names its client, and the
checklist's fix links land on a field where the fix can be typed."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import Visit
from kamdesk.services.card import TimelineKind
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.card import AccountCard
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.formatting import format_datetime
from kamdesk.ui.item_data import index_of_data
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.offers import OfferEditor
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.plan_dialog import PlanDialog, open_plan_dialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
WaitIdle = Callable[[TaskRunner], None]


def top_level(kind: type) -> Any:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, f"no {kind.__name__} open"
    return found[-1]


def open_card(qtbot: QtBot, window: MainWindow, account_id: uuid.UUID) -> AccountCard:
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    page.open_account(account_id)
    qtbot.waitUntil(lambda: getattr(page.account_tab(account_id), "bundle", None) is not None)
    card = page.account_tab(account_id)
    assert isinstance(card, AccountCard)
    return card


def overview_next_visit(card: AccountCard) -> str:
    labels = card.overview.findChildren(QLabel)
    captions = [label.text() for label in labels]
    return captions[captions.index("Next visit") + 1]


def test_planning_a_visit_from_the_card_updates_its_next_visit_at_once(
    qtbot: QtBot,
    window: MainWindow,
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    territory: dict[str, Any],
) -> None:
    window.show()
    card = open_card(qtbot, window, territory["chain"])
    assert card.header is not None
    assert "next visit: not planned" in card.header.facts.text()
    assert overview_next_visit(card) == "not planned"
    QTest.mouseClick(card.overview.plan_visit, Qt.MouseButton.LeftButton)
    dialog = top_level(PlanDialog)
    # The client by name, never its id.
    assert dialog.account.currentText() == "Аптечная сеть «Вита»"
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with window.workspace.store.session() as session:
        planned = session.scalars(
            select(Visit.starts_at).where(Visit.account_id == territory["chain"])
        ).one()
    shown = format_datetime(planned)
    qtbot.waitUntil(lambda: shown in card.header.facts.text(), timeout=10_000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: shown in overview_next_visit(card), timeout=10_000)
    timeline = [entry.what for entry in card.timeline.entries if entry.kind is TimelineKind.VISIT]
    assert timeline == ["planned"]
    wait_idle(tasks)
    page = window.section_page(SectionKey.CLIENTS)
    assert page.account_tab(territory["chain"]) is card  # type: ignore[attr-defined]


def test_a_contact_edit_shows_on_the_map_and_in_the_timeline_without_reopening(
    qtbot: QtBot, store: Store, tasks: TaskRunner, wait_idle: WaitIdle, territory: dict[str, Any]
) -> None:
    card = AccountCard(territory["hospital"], lambda: store, tasks)
    qtbot.addWidget(card)
    wait_idle(tasks)
    edits_before = sum(1 for e in card.timeline.entries if e.kind is TimelineKind.EDIT)
    card.tabs.setCurrentWidget(card.contacts)
    card.contacts.list.setCurrentRow(1)  # Орлова, an influencer
    editor = card.contacts.editor()
    assert editor is not None
    role = editor.findChild(QComboBox, "field_contact_dmu_role")
    assert role is not None
    role.setCurrentIndex(index_of_data(role, "approver"))
    wait_idle(tasks)
    qtbot.waitUntil(
        lambda: any(item.node.role == "approver" for item in card.map.items.values()),
        timeout=10_000,
    )
    qtbot.waitUntil(
        lambda: (
            sum(1 for e in card.timeline.entries if e.kind is TimelineKind.EDIT) == edits_before + 1
        ),
        timeout=10_000,
    )
    tree = card.timeline.tree
    shown = [tree.topLevelItem(i).text(1) for i in range(3)]  # type: ignore[union-attr]
    assert any("contact" in text for text in shown)


def test_the_plan_dialog_names_a_client_beyond_its_list(
    qtbot: QtBot,
    workspace: Workspace,
    tasks: TaskRunner,
    territory: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A territory larger than the list the dialog loads: the client is still named."""
    directory = workspace.accounts
    everyone = directory.page
    monkeypatch.setattr(
        directory,
        "page",
        lambda *args, **kwargs: [
            r for r in everyone(*args, **kwargs) if r.id != territory["winback"]
        ],
    )
    dialog = PlanDialog(workspace, account_id=territory["winback"], tasks=tasks)
    qtbot.addWidget(dialog)
    assert dialog.account.currentText() == "Аптека «Здоровье»"


def test_the_offer_fix_link_offers_a_new_offer_that_the_plan_then_hands_over(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    from tests.documents.offer_data import make_territory

    account = make_territory(workspace.store).account_id
    host = QWidget()
    qtbot.addWidget(host)
    dialog = open_plan_dialog(host, workspace, tasks, account_id=account, place="offer")
    qtbot.waitExposed(dialog)
    assert [dialog.offer.itemText(i) for i in range(dialog.offer.count())] == ["No offer"]
    new_offer = dialog.offer_row.new_offer
    assert new_offer.isVisible() and dialog.focusWidget() is new_offer
    QTest.keyClick(new_offer, Qt.Key.Key_Space)
    editor = top_level(OfferEditor)
    assert editor.account.currentData() == account
    editor.add_current_product()
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        assert editor.save()
    qtbot.waitUntil(lambda: dialog.offer.currentData() is not None, timeout=10_000)
    assert dialog.offer.count() == 2
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    with workspace.store.session() as session:
        visit = session.scalars(select(Visit).where(Visit.account_id == account)).one()
        assert visit.offer_id == editor.saved_offer_id


def test_the_coordinates_fix_link_lands_on_a_coordinates_field(
    qtbot: QtBot,
    workspace: Workspace,
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    territory: dict[str, Any],
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    dialog = open_plan_dialog(host, workspace, tasks, account_id=territory["chain"], place="travel")
    qtbot.waitExposed(dialog)
    field = dialog.coordinates
    assert dialog.focusWidget() is field and field.text() == ""
    QTest.keyClicks(field, "56 kilometres")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "error_latitude")
    assert error is not None and error.isVisible() and "56.8587" in error.text()
    field.selectAll()
    QTest.keyClicks(field, "56,8587 35,9176")  # a decimal comma, as a Russian KAM types
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    with workspace.store.session() as session:
        visit = session.scalars(select(Visit).where(Visit.account_id == territory["chain"])).one()
        assert (visit.latitude, visit.longitude) == (56.8587, 35.9176)


def test_the_reports_fix_link_lists_the_clients_past_reports(
    qtbot: QtBot, window: MainWindow, tasks: TaskRunner, territory: dict[str, Any]
) -> None:
    from kamdesk.ui import navigation
    from kamdesk.ui.main_window import PageContext

    window.show()
    context = PageContext(window.workspace, tasks, window.preferences, window)
    navigation.open_fix_target(context, "account", territory["hospital"], "visits")
    page = window.section_page(SectionKey.CLIENTS)
    qtbot.waitUntil(
        lambda: getattr(page.account_tab(territory["hospital"]), "bundle", None) is not None  # type: ignore[attr-defined]
    )
    card = page.account_tab(territory["hospital"])  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: card.tabs.currentWidget() is card.timeline)
    boxes = card.timeline.filters
    assert boxes[TimelineKind.VISIT].isChecked()
    assert not any(box.isChecked() for kind, box in boxes.items() if kind != TimelineKind.VISIT)
    assert {entry.kind for entry in card.timeline.shown()} == {TimelineKind.VISIT}
