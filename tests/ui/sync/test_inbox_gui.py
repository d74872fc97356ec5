"""The sync issues inbox, clicked as a KAM would: both versions, «Взять их», a merged text."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kamdesk.models import Contact, SyncIssue
from kamdesk.services.sync_status import read_overview
from kamdesk.store import Store
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.sync.page import SyncPage
from tests.ui.sync.conftest import OFFSCREEN

LEFT = Qt.MouseButton.LeftButton


def _contact(store: Store, territory: dict[str, uuid.UUID]) -> uuid.UUID:
    with store.session() as session:
        contact = session.query(Contact).filter_by(account_id=territory["hospital"]).first()
        assert contact is not None
        return contact.id


def _issue(store: Store, contact_id: uuid.UUID, field: str, mine: str, theirs: str) -> None:
    with store.transaction() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        setattr(contact, field, mine)
        session.add(
            SyncIssue(
                kind="conflict",
                entity="contacts",
                entity_id=contact_id,
                field=field,
                local_value=mine,
                remote_value=theirs,
                detail="Это поле изменила также Иванова А. С. (ноутбук 2)",
            )
        )


def _open_sync(qtbot, window: MainWindow) -> SyncPage:
    window.show()
    qtbot.waitExposed(window)
    QTest.mouseClick(window.section_button(SectionKey.SYNC), LEFT)
    page = window.section_page(SectionKey.SYNC)
    assert isinstance(page, SyncPage)
    return page


@OFFSCREEN
def test_taking_theirs_from_the_inbox_changes_the_value_and_empties_it(
    qtbot, window: MainWindow, store: Store, territory
) -> None:
    contact_id = _contact(store, territory)
    _issue(store, contact_id, "phone_mobile", "+79001112233", "+79005556677")
    page = _open_sync(qtbot, window)
    qtbot.waitUntil(lambda: page.issues.model.rowCount() == 1)
    panel = page.issues.panel
    # What, where (the client), the field in words, both versions.
    assert "Contact: Семёнов Пётр Сергеевич" in panel.heading.text()
    assert "Областная клиническая больница" in panel.heading.text()
    assert "Field: Mobile phone" in panel.heading.text()
    assert (panel.mine_line.text(), panel.theirs_line.text()) == ("+79001112233", "+79005556677")
    assert panel.detail.text().startswith("Это поле изменила также")
    assert page.tabs.tabText(0) == "Sync issues (1)"
    assert panel.take_theirs.isVisible() and panel.take_theirs.text() == "Take theirs"

    QTest.mouseClick(panel.take_theirs, LEFT)
    qtbot.waitUntil(lambda: page.issues.model.rowCount() == 0)
    with store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None and contact.phone_mobile == "+79005556677"
    assert page.issues.empty.isVisible()
    assert page.tabs.tabText(0) == "Sync issues (0)"
    assert read_overview(store).open_issues == 0


@OFFSCREEN
def test_a_text_conflict_is_settled_with_the_merged_words_edited(
    qtbot, window: MainWindow, store: Store, territory
) -> None:
    contact_id = _contact(store, territory)
    _issue(store, contact_id, "notes", "Любит рыбалку.", "Играет в шахматы по четвергам.")
    page = _open_sync(qtbot, window)
    qtbot.waitUntil(lambda: page.issues.model.rowCount() == 1)
    panel = page.issues.panel
    assert panel.merged_text.isVisible() and not panel.mine_line.isVisible()
    assert panel.merged_text.toPlainText() == "Любит рыбалку.\n\nИграет в шахматы по четвергам."
    assert panel.theirs_text.toPlainText() == "Играет в шахматы по четвергам."
    panel.merged_text.setFocus()
    QTest.keyClick(panel.merged_text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(panel.merged_text, " Call after 10:00.")  # QTest types ASCII only
    QTest.mouseClick(panel.accept_merged, LEFT)
    qtbot.waitUntil(lambda: page.issues.model.rowCount() == 0)
    with store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        assert contact.notes == (
            "Любит рыбалку.\n\nИграет в шахматы по четвергам. Call after 10:00."
        )


def test_the_status_bar_count_follows_a_local_edit(
    qtbot, window: MainWindow, store: Store, territory
) -> None:
    label = window.sync.waiting_label
    waiting = read_overview(store).waiting
    qtbot.waitUntil(lambda: label.text() == f"Waiting to be sent: {waiting}")
    assert window.sync.state_label.text() == "Not connected to the office"
    contact_id = _contact(store, territory)
    with store.transaction() as session:  # what the card's save does, from its worker
        contact = session.get(Contact, contact_id)
        assert contact is not None
        contact.position = "Главный врач, д. м. н."
    qtbot.waitUntil(lambda: label.text() == f"Waiting to be sent: {waiting + 1}")
