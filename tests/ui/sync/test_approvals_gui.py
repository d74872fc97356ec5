"""Approvals through the office, clicked: a KAM sends for approval and has no way to approve;
a manager's «Согласовать» stores the approval with who and when."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QCheckBox

from kamdesk.models import Offer
from kamdesk.services.accounts import AccountFilter
from kamdesk.services.offers import LineInput, OfferBook
from kamdesk.services.offers.approvals import load_state, send_for_approval
from kamdesk.services.products import ProductCatalog
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.offers.editor import OfferEditor
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.sync.page import SyncPage
from tests.documents.offer_data import TODAY
from tests.ui.sync.conftest import OFFSCREEN, People, be

LEFT = Qt.MouseButton.LeftButton


def _over_envelope(workspace: Workspace) -> uuid.UUID:
    book = OfferBook(workspace.store)
    account = workspace.accounts.page(AccountFilter())[0]
    product = next(p for p in ProductCatalog(workspace.store).list() if p.sku == "KM-75-100")
    draft = book.new_draft(account.id, today=TODAY)
    draft.lines = [LineInput(product.id, 10, product.price, Decimal(15))]
    return book.save(draft, TODAY)


def _texts(widget) -> list[str]:
    return [button.text() for button in widget.findChildren(QAbstractButton)]


@OFFSCREEN
def test_a_kam_sends_for_approval_and_cannot_approve(
    qtbot, make_window, offer_workspace: Workspace, tasks
) -> None:
    window = make_window(offer_workspace)
    offer_id = _over_envelope(offer_workspace)
    editor = OfferEditor(offer_workspace, offer_id=offer_id, parent=window, tasks=tasks)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    line = editor.approval
    qtbot.waitUntil(lambda: line.isVisible() and line.send.isVisible())
    assert "above the envelope" in line.text.text()
    # No control anywhere on a KAM's laptop approves: not the editor, not the list.
    assert not [t for t in _texts(editor) if "Approve" in t or "approve" in t.lower()]
    offers = window.section_page(SectionKey.OFFERS)
    assert not [t for t in _texts(offers) if "approve" in t.lower()]
    QTest.mouseClick(line.send, LEFT)
    qtbot.waitUntil(lambda: load_state(offer_workspace.store, offer_id).status == "requested")
    qtbot.waitUntil(lambda: line.text.text().startswith("Awaiting approval by the manager"))
    assert not line.send.isVisible()
    offers.reload()  # the list says where the offer stands
    statuses = [offers.model.index(r, 4).data() for r in range(offers.model.rowCount())]
    assert statuses == ["Draft · awaiting approval"]
    # Settings have no manager override either.
    from kamdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.preferences, window._language, offer_workspace.store, window)
    qtbot.addWidget(dialog)
    assert dialog.offers is not None
    assert not [c.text() for c in dialog.offers.findChildren(QCheckBox) if "approv" in c.text()]
    # The Sync section has no «Approvals» tab for a KAM.
    QTest.mouseClick(window.section_button(SectionKey.SYNC), LEFT)
    page = window.section_page(SectionKey.SYNC)
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.controller.state is not None)
    assert not page.tabs.isTabVisible(2)
    editor.close()


@OFFSCREEN
def test_a_managers_click_on_approve_stores_the_approval(
    qtbot, make_window, offer_workspace: Workspace, people: People, store: Store
) -> None:
    offer_id = _over_envelope(offer_workspace)  # written by the KAM (the laptop's user)
    send_for_approval(store, offer_id)
    be(store, people.manager, "manager", "Волков Дмитрий Олегович")
    window = make_window(offer_workspace)
    window.show()
    qtbot.waitExposed(window)
    QTest.mouseClick(window.section_button(SectionKey.SYNC), LEFT)
    page = window.section_page(SectionKey.SYNC)
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.tabs.isTabVisible(2))
    bar = page.tabs.tabBar()
    QTest.mouseClick(bar, LEFT, pos=bar.tabRect(2).center())
    view = page.approvals
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert page.tabs.tabText(2) == "Approvals (1)"
    row = view.model.record(0)
    assert row.owner_name == "Соколова А. И." and row.account_name.startswith("ГБУЗ")
    shown = [view.model.index(0, c).data() for c in range(view.model.columnCount())]
    assert "15% / 5%" in shown  # English rules: no space before %
    QTest.keyClicks(view.comment, "OK for the volume")
    QTest.mouseClick(view.approve, LEFT)
    qtbot.waitUntil(lambda: load_state(store, offer_id).status == "approved")
    with store.session() as session:
        offer = session.get(Offer, offer_id)
        assert offer is not None
        assert offer.approved_by == "Волков Дмитрий Олегович"
        assert offer.approved_by_id == people.manager and offer.approved_at is not None
        assert offer.approval_comment == "OK for the volume"
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert "next sync" in view.note.text()


@OFFSCREEN
def test_rejecting_needs_a_comment(
    qtbot, make_window, offer_workspace: Workspace, people: People, store: Store
) -> None:
    offer_id = _over_envelope(offer_workspace)
    send_for_approval(store, offer_id)
    be(store, people.manager, "manager", "Волков Дмитрий Олегович")
    window = make_window(offer_workspace)
    window.show_section(SectionKey.SYNC)
    page = window.section_page(SectionKey.SYNC)
    assert isinstance(page, SyncPage)
    view = page.approvals
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.reject.click()
    qtbot.waitUntil(lambda: "why the discount is rejected" in view.note.text())
    assert load_state(store, offer_id).status == "requested"
    QTest.keyClicks(view.comment, "No more than 10 %")
    view.reject.click()
    qtbot.waitUntil(lambda: load_state(store, offer_id).status == "rejected")
    assert load_state(store, offer_id).comment == "No more than 10 %"
