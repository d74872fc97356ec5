"""The tester's findings in the offer editor (Offers ▸ «Новое КП»), acted out as a user:
a refusal goes once its cause is fixed, the client is found by typing, a discount over
100 % is said, not cut to two digits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from kamdesk.models import Account, AccountKind
from kamdesk.services.offers import OfferBook
from kamdesk.services.workspace import Workspace
from tests.documents.offer_data import make_territory

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

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
