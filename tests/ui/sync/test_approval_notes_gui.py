"""What the offer editor says about the manager's approval, as a KAM sees it: the note
under the totals after «Согласовано» (prints without «ПРОЕКТ»), a new offer above the
envelope (save it to send it), and after «Отклонено» (the same discounts were rejected)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kamdesk.services.accounts import AccountFilter
from kamdesk.services.offers import LineInput, OfferBook
from kamdesk.services.offers.approvals import record_decision, send_for_approval
from kamdesk.services.products import ProductCatalog
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.offers.editor import OfferEditor
from kamdesk.ui.offers.lines_model import DISCOUNT
from tests.documents.offer_data import TODAY
from tests.ui.sync.conftest import OFFSCREEN, People, be

DRAFT_WARNING = "prints as a draft («ПРОЕКТ»)"


def _over_envelope(workspace: Workspace) -> uuid.UUID:
    book = OfferBook(workspace.store)
    account = workspace.accounts.page(AccountFilter())[0]
    product = next(p for p in ProductCatalog(workspace.store).list() if p.sku == "KM-75-100")
    draft = book.new_draft(account.id, today=TODAY)
    draft.lines = [LineInput(product.id, 10, product.price, Decimal(15))]
    return book.save(draft, TODAY)


def _answered(store: Store, people: People, offer_id: uuid.UUID, approve: bool) -> None:
    send_for_approval(store, offer_id)
    be(store, people.manager, "manager", "Волков Дмитрий Олегович")
    record_decision(store, offer_id, approve, "" if approve else "No more than 10 %")
    be(store, people.kam, "kam", "Соколова Анна Игоревна")


def _editor(qtbot, workspace: Workspace, tasks, offer_id: uuid.UUID | None) -> OfferEditor:
    account = workspace.accounts.page(AccountFilter())[0]
    editor = OfferEditor(workspace, account.id if offer_id is None else None, offer_id, None, tasks)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


@OFFSCREEN
def test_approved_discounts_print_without_the_draft_mark(
    qtbot, offer_workspace: Workspace, people: People, store: Store, tasks
) -> None:
    offer_id = _over_envelope(offer_workspace)
    _answered(store, people, offer_id, approve=True)
    editor = _editor(qtbot, offer_workspace, tasks, offer_id)
    qtbot.waitUntil(lambda: editor.approval.text.text().startswith("Approved: Волков"))
    totals = editor.totals.text()
    assert DRAFT_WARNING not in totals
    assert "The manager approved these discounts: the offer prints without «ПРОЕКТ»." in totals
    # Another discount typed in: the approval is not about it, the warning is back.
    assert editor.lines.setData(editor.lines.index(0, DISCOUNT), "20")
    qtbot.waitUntil(lambda: DRAFT_WARNING in editor.totals.text())
    editor.unsaved.mark_unchanged()
    editor.close()


@OFFSCREEN
def test_a_new_offer_above_the_envelope_says_to_save_it_first(
    qtbot, offer_workspace: Workspace, tasks
) -> None:
    editor = _editor(qtbot, offer_workspace, tasks, None)
    editor.product.setCurrentIndex(
        editor.product.findText("Кардиомагнил", flags=Qt.MatchFlag.MatchStartsWith)
    )
    editor.add_current_product()
    width = editor.width()
    assert editor.lines.setData(editor.lines.index(0, DISCOUNT), "15")
    qtbot.waitUntil(lambda: DRAFT_WARNING in editor.totals.text())
    assert "Save the offer to send it for approval." in editor.totals.text()
    # The long sentence wraps under the totals; the editor does not grow sideways.
    QApplication.processEvents()
    assert editor.width() == width
    editor.unsaved.mark_unchanged()
    editor.close()


@OFFSCREEN
def test_after_a_rejection_sending_again_says_the_same_discounts_were_rejected(
    qtbot, offer_workspace: Workspace, people: People, store: Store, tasks
) -> None:
    offer_id = _over_envelope(offer_workspace)
    _answered(store, people, offer_id, approve=False)
    editor = _editor(qtbot, offer_workspace, tasks, offer_id)
    line = editor.approval
    qtbot.waitUntil(lambda: line.text.text() == "Rejected: No more than 10 %")
    assert line.send.isVisible()  # the KAM may argue again
    assert line.repeat.isVisible()
    assert line.repeat.text().startswith("The manager already rejected these same discounts")
    assert DRAFT_WARNING in editor.totals.text()
    editor.close()
