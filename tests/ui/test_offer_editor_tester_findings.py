"""The tester's findings in the offer editor (Offers ▸ «Новое КП»), acted out as a user:
a refusal goes once its cause is fixed, the client is found by typing, a discount over
100 % is said, not cut to two digits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from kamdesk.models import Account, AccountKind
from kamdesk.services.offers import OfferBook
from kamdesk.services.workspace import Workspace
from tests.documents.offer_data import make_territory
from tests.ui.kam_day.input import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: raise, grab

HOSPITAL = "ГБУЗ «Городская клиническая больница № 7»"
FIRST = "АО «Верхневолжский фармсклад»"
RED = "b3261e"


@pytest.fixture
def workspace(store):
    make_territory(store)
    with store.transaction() as session:
        session.add(Account(name=FIRST, kind=AccountKind.DISTRIBUTOR, city="Тверь"))
    return Workspace(store.path, store)


def _button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def _click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def _save(editor) -> None:
    _click(editor.buttons.button(editor.buttons.StandardButton.Save))


def _open_new_offer(qtbot, workspace):
    from kamdesk.ui.offers import OfferEditor, OffersPage

    page = OffersPage(workspace, open_pdfs=False)
    qtbot.addWidget(page)
    page.show()
    _click(page.buttons["new"])
    editor = page.findChildren(OfferEditor)[0]
    with qtbot.waitActive(editor):
        editor.activateWindow()
    return page, editor


def test_each_refusal_goes_once_its_cause_is_fixed_and_returns_only_on_save(qtbot, workspace):
    _page, editor = _open_new_offer(qtbot, workspace)
    _save(editor)  # no client, no line
    assert editor.errors.isVisible()
    assert "Choose the account" in editor.errors.text()
    assert "Add at least one product line" in editor.errors.text()
    assert RED in editor.account.styleSheet() and RED in editor.lines_view.styleSheet()
    # The client is chosen (keyboard): its message and frame go, the lines' stay.
    editor.account.setFocus()
    QTest.keyClick(editor.account, Qt.Key.Key_Down)
    QTest.keyClick(editor.account, Qt.Key.Key_Down)
    assert editor.account.currentText() == HOSPITAL
    assert "Choose the account" not in editor.errors.text()
    assert RED not in editor.account.styleSheet()
    assert "Add at least one product line" in editor.errors.text()
    assert RED in editor.lines_view.styleSheet()
    # A line added: nothing is left to say.
    editor.product.setCurrentIndex(0)
    _click(_button(editor, "Add line"))
    assert editor.errors.isHidden()
    assert RED not in editor.lines_view.styleSheet()
    # The line removed again: no message until the next Save tries it.
    editor.lines_view.setCurrentIndex(editor.lines.index(0, 0))
    _click(_button(editor, "Remove line"))
    assert editor.lines.rowCount() == 0
    assert editor.errors.isHidden() and RED not in editor.lines_view.styleSheet()
    _save(editor)
    assert editor.errors.isVisible()
    assert "Add at least one product line" in editor.errors.text()
    assert "Choose the account" not in editor.errors.text()
    assert RED in editor.lines_view.styleSheet() and RED not in editor.account.styleSheet()
    assert OfferBook(workspace.store).list() == []


def _suggestions(editor) -> list[str]:
    popup = editor.account.completer().popup()
    model = popup.model()
    return (
        [model.index(row, 0).data() for row in range(model.rowCount())] if popup.isVisible() else []
    )


def test_the_client_is_found_by_typing_and_unknown_text_is_never_a_client(qtbot, workspace):
    _page, editor = _open_new_offer(qtbot, workspace)
    line = editor.account.lineEdit()
    _click(line)
    type_text(line, "гкб 7")  # the short name «ГКБ № 7», any case
    qtbot.waitUntil(lambda: _suggestions(editor) == [HOSPITAL])
    assert editor.account.currentIndex() == -1  # nothing chosen by typing alone
    popup = editor.account.completer().popup()
    QTest.mouseClick(
        popup.viewport(),
        Qt.MouseButton.LeftButton,
        pos=popup.visualRect(popup.model().index(0, 0)).center(),
    )
    assert editor.account.currentText() == HOSPITAL
    assert editor.account.currentData() is not None
    assert editor.readers.rowCount() > 0  # its people, as for a client chosen in the list
    # Typing over the chosen client un-chooses it; «тверь» finds the clients of Тверь.
    line.selectAll()
    type_text(line, "тверь")
    assert editor.account.currentIndex() == -1
    qtbot.waitUntil(lambda: _suggestions(editor) == [FIRST])
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert editor.account.currentText() == FIRST and editor.account.currentData() is not None
    assert editor.isVisible()  # Enter picked the client, it did not save the offer
    # A name the list does not have: said on the field, never a client.
    line.selectAll()
    type_text(line, "Аптека Ромашка")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert editor.account.currentIndex() == -1 and editor.account.currentData() is None
    assert editor.account.note.isVisible()
    assert editor.account.note.text() == "Select a client from the list"
    editor.product.setCurrentIndex(0)
    _click(_button(editor, "Add line"))
    _save(editor)
    assert "Choose the account" in editor.errors.text()
    assert OfferBook(workspace.store).list() == []
    # Text that finds one client, then Tab: that client.
    _click(line)
    line.selectAll()
    type_text(line, "больница № 7")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert editor.account.currentText() == HOSPITAL
    assert editor.account.note.isHidden()
    assert "Choose the account" not in editor.errors.text()


def test_a_discount_over_100_is_said_not_cut_to_two_digits(qtbot, workspace):
    from kamdesk.ui.offers.lines_model import DISCOUNT

    _page, editor = _open_new_offer(qtbot, workspace)
    editor.account.setFocus()
    QTest.keyClick(editor.account, Qt.Key.Key_Down)
    editor.product.setCurrentIndex(0)
    _click(_button(editor, "Add line"))
    view = editor.lines_view
    cell_rect = view.visualRect(editor.lines.index(0, DISCOUNT))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell_rect.center())
    QTest.keyClick(view, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    assert cell is not None and cell.objectName() == "discountEditor"
    cell.selectAll()  # type: ignore[attr-defined]
    QTest.keyClicks(cell, "150")
    assert cell.text() == "150"  # type: ignore[attr-defined]  # no digit dropped
    note = view.note
    assert note.isVisible() and note.text() == "Discount no more than 100 %"
    assert RED in cell.styleSheet()
    QTest.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.lines.index(0, DISCOUNT).data() == "150")
    assert note.isVisible()  # still said once entered
    _save(editor)  # refused on the line, nothing stored
    assert "the discount must be between 0 and 100 %" in editor.errors.text()
    assert RED in view.styleSheet()
    assert OfferBook(workspace.store).list() == []
    # Corrected: the note, the refusal and the frame go.
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell_rect.center())
    QTest.keyClick(view, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    cell.selectAll()  # type: ignore[union-attr]
    QTest.keyClicks(cell, "15")
    QTest.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.lines.index(0, DISCOUNT).data() == "15")
    assert note.isHidden() and editor.errors.isHidden()
    assert RED not in view.styleSheet()
