"""A new offer is for the client the KAM chose, and Enter in a choice never saves it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from kamdesk.models import Account, AccountKind
from kamdesk.services.offers import OfferBook
from kamdesk.services.workspace import Workspace
from tests.documents.offer_data import make_territory

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


HOSPITAL = "ГБУЗ «Городская клиническая больница № 7»"
FIRST = "АО «Верхневолжский фармсклад»"  # first by name: the one once chosen unasked


@pytest.fixture
def workspace(store):
    make_territory(store)
    with store.transaction() as session:
        session.add(Account(name=FIRST, kind=AccountKind.DISTRIBUTOR, city="Тверь"))
    return Workspace(store.path, store)


def _button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def _not_saved(editor, workspace) -> bool:
    """Open, no save started (the store is written on a worker) or refused, nothing stored."""
    return (
        editor.isVisible()
        and not editor.saving.under_way
        and editor.errors.isHidden()
        and OfferBook(workspace.store).list() == []
    )


def _open_new_offer(qtbot, workspace):
    from kamdesk.ui.offers import OfferEditor, OffersPage

    page = OffersPage(workspace, open_pdfs=False)
    qtbot.addWidget(page)
    page.show()
    QTest.mouseClick(page.buttons["new"], Qt.MouseButton.LeftButton)
    editor = page.findChildren(OfferEditor)[0]
    with qtbot.waitActive(editor):
        editor.activateWindow()
    return page, editor


def test_a_new_offer_outside_a_card_has_no_client_until_chosen(qtbot, workspace):
    _page, editor = _open_new_offer(qtbot, workspace)
    assert editor.account.currentIndex() == -1 and editor.account.currentText() == ""
    assert editor.account.placeholderText() == "Select a client"
    # A line, then Save: refused on the client field, nothing stored.
    editor.product.setCurrentIndex(0)
    QTest.mouseClick(_button(editor, "Add line"), Qt.MouseButton.LeftButton)
    QTest.mouseClick(
        editor.buttons.button(editor.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert editor.isVisible()
    assert "Choose the account" in editor.errors.text() and editor.errors.isVisible()
    assert "b3261e" in editor.account.styleSheet()
    assert OfferBook(workspace.store).list() == []
    # The KAM picks a client with the keyboard: that one is saved.
    editor.account.setFocus()
    QTest.keyClick(editor.account, Qt.Key.Key_Down)
    QTest.keyClick(editor.account, Qt.Key.Key_Down)
    assert editor.account.currentText() == HOSPITAL
    chosen = editor.account.currentData()
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        QTest.mouseClick(
            editor.buttons.button(editor.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    [row] = OfferBook(workspace.store).list()
    view = OfferBook(workspace.store).get(row.id)
    assert view is not None and view.draft.account_id == chosen


def test_a_new_offer_from_a_card_is_for_that_account(qtbot, workspace):
    from kamdesk.ui.offers import open_offer_editor

    with workspace.store.session() as session:
        hospital = session.query(Account).filter_by(name=HOSPITAL).one().id
    editor = open_offer_editor(None, workspace, account_id=hospital)
    qtbot.addWidget(editor)
    assert editor.account.currentData() == hospital
    assert editor.account.currentText() == HOSPITAL and not editor.account.isEnabled()


def test_enter_in_the_product_combo_a_cell_or_a_date_never_saves(qtbot, workspace):
    _page, editor = _open_new_offer(qtbot, workspace)
    editor.account.setCurrentIndex(editor.account.findText(HOSPITAL))  # even with a client
    # The tester's steps: «Add line» (nothing picked yet), the product combo, Down, Enter.
    QTest.mouseClick(_button(editor, "Add line"), Qt.MouseButton.LeftButton)
    line_edit = editor.product.lineEdit()
    QTest.mouseClick(line_edit, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is editor.product
    QTest.keyClick(line_edit, Qt.Key.Key_Down)
    QTest.keyClick(line_edit, Qt.Key.Key_Return)
    QTest.keyClick(line_edit, Qt.Key.Key_Enter)
    assert _not_saved(editor, workspace)
    QTest.mouseClick(_button(editor, "Add line"), Qt.MouseButton.LeftButton)
    assert editor.lines.rowCount() == 2  # the first product, then the one Down chose
    # A quantity typed in the table and confirmed with Enter: the cell takes it, no save.
    from kamdesk.ui.offers.lines_model import QUANTITY

    view = editor.lines_view
    _retype_cell(editor, QUANTITY, "7")
    qtbot.waitUntil(lambda: editor.lines.lines()[0].quantity == 7)
    QTest.keyClick(view, Qt.Key.Key_Return)
    # A date field.
    QTest.keyClick(editor.valid_until, Qt.Key.Key_Return)
    assert _not_saved(editor, workspace)
    # Save itself still saves.
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        QTest.mouseClick(
            editor.buttons.button(editor.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    assert len(OfferBook(workspace.store).list()) == 1


def test_a_big_quantity_reads_in_groups_and_edits_as_typed(qtbot, workspace):
    """A tester's 1000000 packs showed as «1000000» in the lines table."""
    from kamdesk.ui.offers.lines_model import QUANTITY

    _page, editor = _open_new_offer(qtbot, workspace)
    editor.account.setCurrentIndex(editor.account.findText(HOSPITAL))
    QTest.mouseClick(_button(editor, "Add line"), Qt.MouseButton.LeftButton)
    view = editor.lines_view
    _retype_cell(editor, QUANTITY, "1000000")
    qtbot.waitUntil(lambda: editor.lines.lines()[0].quantity == 1_000_000)
    assert editor.lines.index(0, QUANTITY).data() == "1,000,000"  # English grouping
    QTest.keyClick(view, Qt.Key.Key_F2)  # edited again: the plain number, to retype
    cell = QApplication.focusWidget()
    assert cell is not None and cell.text() == "1000000"  # type: ignore[attr-defined]
    QTest.keyClick(cell, Qt.Key.Key_Escape)


def _retype_cell(editor, column: int, text: str) -> None:
    """F2 on the first line's cell, its text selected and typed over, Enter."""
    view = editor.lines_view
    view.setFocus()
    view.setCurrentIndex(editor.lines.index(0, column))
    QTest.keyClick(view, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    assert cell is not None and cell is not view
    cell.selectAll()  # type: ignore[attr-defined]
    QTest.keyClicks(cell, text)
    QTest.keyClick(cell, Qt.Key.Key_Return)
