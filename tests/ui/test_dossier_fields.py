"""Comfortable fields at 1366×768: the dossier's text boxes start compact, grow with what
is typed and never scroll inside the page for a short text; Tab leaves a box; a long
one-line value (a signer, an address) shows its beginning, and all of it on hover."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.models import Account
from kamdesk.services.offers import load_offer_settings, save_offer_settings
from kamdesk.store import Store
from kamdesk.ui.card import AccountCard
from kamdesk.ui.card.widgets import MAX_LINES, MIN_LINES, NotesEdit
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.settings_dialog import SettingsDialog
from kamdesk.ui.tasks import TaskRunner
from tests.documents.offer_data import make_territory

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

SIGNER = "Генеральный директор Иванов Иван Иванович, действующий на основании Устава"
ADDRESS = "170100, г. Тверь, ул. Советская, д. 1, корпус 2, литера А, помещение 12-Н, этаж 3"
DOSSIER_TAB = 1


@pytest.fixture
def shown_card(
    qtbot: QtBot, store: Store, tasks: TaskRunner, wait_idle: Callable[[TaskRunner], None]
) -> Callable[[uuid.UUID], AccountCard]:
    """The card as a KAM sees it on a 1366×768 laptop, on its dossier tab, with the keys."""

    def opener(account_id: uuid.UUID) -> AccountCard:
        card = AccountCard(account_id, lambda: store, tasks)
        qtbot.addWidget(card)
        wait_idle(tasks)
        card.resize(1366, 700)
        card.show()
        qtbot.waitExposed(card)
        card.activateWindow()
        qtbot.waitUntil(card.isActiveWindow)
        card.tabs.setCurrentIndex(DOSSIER_TAB)
        return card

    return opener


def box(card: AccountCard, name: str) -> NotesEdit:
    widget = card.findChild(NotesEdit, f"field_dossier_{name}")
    assert widget is not None, name
    return widget


def line(card: AccountCard, entity: str, name: str) -> QLineEdit:
    widget = card.findChild(QLineEdit, f"field_{entity}_{name}")
    assert widget is not None, name
    return widget


def click_into(card: AccountCard, widget: QWidget) -> None:
    card.dossier.ensureWidgetVisible(widget)
    target = widget.viewport() if isinstance(widget, NotesEdit) else widget
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(10, 8))


def lines_high(edit: NotesEdit, lines: int) -> int:
    """The height of a box showing `lines` lines (as NotesEdit sizes itself)."""
    margins = edit.contentsMargins()
    frame = margins.top() + margins.bottom() + round(2 * edit.document().documentMargin()) + 1
    return lines * edit.fontMetrics().lineSpacing() + frame


def tooltip_of(edit: QLineEdit) -> str:
    """What the mouse resting on the field shows."""
    QToolTip.hideText()
    point = QPoint(10, edit.height() // 2)
    event = QHelpEvent(QEvent.Type.ToolTip, point, edit.mapToGlobal(point))
    QApplication.sendEvent(edit, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_box_starts_compact_and_grows_with_the_lines_typed(
    qtbot: QtBot, shown_card: Callable[[uuid.UUID], AccountCard], territory: dict[str, Any]
) -> None:
    card = shown_card(territory["hospital"])
    plans = box(card, "plans")
    assert plans.toPlainText() == ""
    assert plans.height() == lines_high(plans, MIN_LINES)  # compact when empty
    click_into(card, plans)
    assert plans.hasFocus()
    # Three lines fit the empty box; then each new line makes it one line taller.
    for line in range(MIN_LINES + 3):
        QTest.keyClicks(plans, f"Step {line + 1}: open the ward")
        QTest.keyClick(plans, Qt.Key.Key_Return)
        lines = max(MIN_LINES, line + 2)  # the typed lines and the one the cursor is on
        qtbot.waitUntil(lambda lines=lines: plans.height() == lines_high(plans, lines))  # type: ignore[misc]
    # The whole text in view, with no scroll bar inside the page's.
    assert not plans.verticalScrollBar().isVisible()
    assert plans.verticalScrollBar().value() == 0


def test_a_long_text_stops_growing_and_scrolls_in_its_box(
    qtbot: QtBot, shown_card: Callable[[uuid.UUID], AccountCard], territory: dict[str, Any]
) -> None:
    card = shown_card(territory["hospital"])
    worries = box(card, "worries")
    click_into(card, worries)
    for line in range(MAX_LINES + 5):
        QTest.keyClicks(worries, f"Worry {line + 1}")
        QTest.keyClick(worries, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: worries.height() == lines_high(worries, MAX_LINES))
    assert worries.verticalScrollBar().isVisible()  # the rest is a scroll away
    assert worries.verticalScrollBar().maximum() > 0


def test_short_texts_keep_every_dossier_box_compact(
    shown_card: Callable[[uuid.UUID], AccountCard], territory: dict[str, Any]
) -> None:
    card = shown_card(territory["hospital"])
    boxes = [w for w in card.dossier.findChildren(NotesEdit) if w.isVisible()]
    assert len(boxes) >= 10
    for edit in boxes:
        if "\n" not in edit.toPlainText() and len(edit.toPlainText()) < 60:
            assert edit.height() <= lines_high(edit, 4), edit.objectName()
            assert not edit.verticalScrollBar().isVisible(), edit.objectName()


def test_tab_in_a_dossier_box_moves_to_the_next_field(
    shown_card: Callable[[uuid.UUID], AccountCard], territory: dict[str, Any]
) -> None:
    card = shown_card(territory["hospital"])
    activity = box(card, "activity")
    click_into(card, activity)
    before = activity.toPlainText()
    QTest.keyClick(activity, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is box(card, "structure")
    assert activity.toPlainText() == before  # no tab character typed
    QTest.keyClick(box(card, "structure"), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is activity
    # From the last requisite the next Tab goes on to the dossier's figures.
    website = line(card, "account", "website")
    click_into(card, website)
    QTest.keyClick(website, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is line(card, "dossier", "employees")


def test_a_long_address_on_the_card_shows_its_beginning(
    shown_card: Callable[[uuid.UUID], AccountCard], store: Store, territory: dict[str, Any]
) -> None:
    with store.transaction() as session:
        account = session.get(Account, territory["hospital"])
        assert account is not None
        account.address = ADDRESS
    card = shown_card(territory["hospital"])
    address = line(card, "account", "address")
    card.dossier.ensureWidgetVisible(address)
    assert address.text() == ADDRESS
    assert address.cursorPosition() == 0
    assert address.cursorRect().left() < 10  # scrolled to the start, not to the end
    city = line(card, "account", "city")
    assert tooltip_of(city) == ""  # «Тверь» fits: nothing to repeat
    assert tooltip_of(address) == ADDRESS


@pytest.fixture
def long_signer(store: Store) -> None:
    make_territory(store)
    settings = load_offer_settings(store)
    supplier = replace(settings.supplier, signer_name=SIGNER, address=ADDRESS)
    save_offer_settings(store, replace(settings, supplier=supplier))


def test_a_long_signer_in_the_offer_settings_shows_its_first_word(
    qtbot: QtBot,
    store: Store,
    preferences: Preferences,
    switcher: LanguageSwitcher,
    long_signer: None,
) -> None:
    dialog = SettingsDialog(preferences, switcher, store)
    qtbot.addWidget(dialog)
    assert dialog.offers is not None
    dialog.resize(1100, 650)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.offers)
    for name, text in (("signer_name", SIGNER), ("address", ADDRESS)):
        edit = dialog.offers.fields[name]
        assert edit.isVisible()
        assert edit.text() == text
        assert edit.fontMetrics().horizontalAdvance(text) > edit.width()  # it is cut
        assert edit.cursorPosition() == 0
        assert edit.cursorRect().left() < 10  # «Генеральный…» in view, not «…Устава»
        assert tooltip_of(edit) == text
