"""The offer editor's payment deferral and purpose, by real input: a deferral above the
envelope is named under the totals and stored; a reply to a price request asks for the
request's number and date and hides the discounts, the readers and the benefit."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kamdesk.services.offers import OfferBook
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.offers import OfferEditor
from kamdesk.ui.offers.lines_model import DISCOUNT
from kamdesk.vocabulary import OfferPurpose
from tests.documents.offer_data import Territory, make_territory
from tests.ui.kam_day.input import (
    OFFSCREEN_NOTICES,
    click,
    click_button,
    click_tab,
    pick_in_combo,
    shortcut,
    type_text,
)

pytestmark = OFFSCREEN_NOTICES


@pytest.fixture
def territory(store: Store) -> Territory:
    return make_territory(store)  # a ГБУЗ hospital, no ABC class: 30 days for «any class»


@pytest.fixture
def workspace(store: Store, territory: Territory) -> Workspace:
    return Workspace(store.path, store)


def _editor(qtbot: QtBot, workspace: Workspace, territory: Territory) -> OfferEditor:
    editor = OfferEditor(workspace, account_id=territory.account_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    pick_in_combo(qtbot, editor.product, "Кардиомагнил")
    click_button(editor, "Add line")
    return editor


def _type_days(editor: OfferEditor, days: str) -> None:
    spin = editor.terms_fields.deferral
    click(spin)
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, days)
    shortcut(spin, Qt.Key.Key_Tab)


def _save(qtbot: QtBot, editor: OfferEditor) -> None:
    click_button(editor, "Save")
    assert not editor.errors.isVisible(), editor.errors.text()
    qtbot.waitUntil(lambda: not editor.isVisible())


def test_a_deferral_above_the_envelope_is_named_and_stored(
    qtbot: QtBot, workspace: Workspace, territory: Territory, store: Store
) -> None:
    editor = _editor(qtbot, workspace, territory)
    click_tab(editor.tabs, "Benefit and terms")
    assert editor.terms_fields.deferral.isVisible()
    _type_days(editor, "30")
    assert "payment deferral" not in editor.totals.text().lower()  # within: 30 days
    _type_days(editor, "45")
    assert "deferral of 45 days is above the 30 days" in editor.totals.text()
    _save(qtbot, editor)
    (row,) = OfferBook(store).list()
    view = OfferBook(store).get(row.id)
    assert view is not None
    assert view.draft.payment_deferral_days == 45 and view.row.needs_approval


def test_the_wheel_does_not_change_the_deferral_it_passes_over(
    qtbot: QtBot, workspace: Workspace, territory: Territory
) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    editor = _editor(qtbot, workspace, territory)
    click_tab(editor.tabs, "Benefit and terms")
    spin = editor.terms_fields.deferral
    editor.buttons.setFocus()
    assert spin.focusPolicy() != Qt.FocusPolicy.WheelFocus
    centre = QPointF(spin.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(spin.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(spin, wheel)
    assert spin.value() == 0


def test_a_price_reply_asks_for_the_request_and_hides_the_discount_talk(
    qtbot: QtBot, workspace: Workspace, territory: Territory, store: Store
) -> None:
    editor = _editor(qtbot, workspace, territory)
    fields = editor.terms_fields
    assert not fields.request_number.isVisible()
    assert not editor.lines_view.isColumnHidden(DISCOUNT)
    pick_in_combo(qtbot, fields.purpose, "Reply to a price request")
    assert fields.request_number.isVisible() and fields.request_date.isVisible()
    assert editor.lines_view.isColumnHidden(DISCOUNT)
    assert not editor.tabs.isTabVisible(1)  # readers and arguments
    click_tab(editor.tabs, "Benefit and terms")
    assert not editor.benefit.isVisible() and not editor.exclusivity.isVisible()
    assert editor.delivery.isVisible()
    click(fields.request_number)
    type_text(fields.request_number, "0373200041526000123")
    _save(qtbot, editor)
    (row,) = OfferBook(store).list()
    view = OfferBook(store).get(row.id)
    assert view is not None
    assert view.draft.purpose is OfferPurpose.PRICE_REPLY
    assert view.draft.price_request_number == "0373200041526000123"
    assert view.draft.price_request_date == date.today()
    assert all(line.discount_pct == 0 for line in view.draft.lines)
