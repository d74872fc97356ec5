"""The mouse wheel edits only the editor the KAM is working in, in every form.

Every combo box, spin box, date edit and slider of every form is found by its
class (so editors added later are covered without touching this file), brought
into view, and wheeled over as a mouse does it: the event goes to the widget
under the cursor and on to its parents until one takes it, after Qt has given
wheel focus to whoever accepts focus from the wheel. Nothing may change, in the
form or in the change log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QStackedWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kamdesk.models import ChangeLogEntry, Contact
from kamdesk.services.card import Entity, set_field
from kamdesk.services.offers import LineInput, OfferBook
from kamdesk.services.products import ProductCatalog
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.tasks import TaskRunner
from tests.services.visit_factories import add_product, add_visit

EDITOR_CLASSES = (QComboBox, QAbstractSpinBox, QAbstractSlider)
NOTCH = 120  # one step of a mouse wheel

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


# --- a mouse wheel, as Qt delivers it ------------------------------------------------


def wheel_editors(root: QWidget) -> list[QWidget]:
    """Every editor the wheel could change inside `root` (scroll bars only scroll)."""
    found: list[QWidget] = []
    for cls in EDITOR_CLASSES:
        for widget in root.findChildren(cls):
            if not isinstance(widget, QScrollBar) and widget not in found:
                found.append(widget)
    return found


def bring_into_view(widget: QWidget) -> bool:
    """Open the tabs holding `widget` and scroll it into view; False if it stays hidden."""
    chain = []
    parent: QWidget | None = widget
    while parent is not None and not parent.isWindow():
        chain.append(parent)
        parent = parent.parentWidget()
    for child in reversed(chain):
        stack = child.parentWidget()
        tabs = stack.parentWidget() if isinstance(stack, QStackedWidget) else None
        if isinstance(tabs, QTabWidget):
            tabs.setCurrentWidget(child)
    for child in chain:
        if isinstance(child, QScrollArea) and child.widget() is not None:
            child.ensureWidgetVisible(widget)
    QApplication.processEvents()
    return widget.isVisibleTo(widget.window()) and widget.window().isVisible()


def _give_wheel_focus(target: QWidget) -> None:
    """What Qt does before delivering a wheel event: focus the first WheelFocus widget."""
    widget: QWidget | None = target
    while widget is not None:
        policy = widget.focusPolicy()
        wheel = Qt.FocusPolicy.WheelFocus
        if widget.isEnabled() and (policy.value & wheel.value) == wheel.value:
            widget.setFocus(Qt.FocusReason.MouseFocusReason)
            return
        if widget.isWindow() or widget.hasFocus():
            return
        widget = widget.parentWidget()


def wheel_over(widget: QWidget, notches: int) -> QWidget:
    """Turn the wheel with the cursor on the middle of `widget`; returns the widget
    that took the event (None if nobody did)."""
    window = widget.window()
    global_pos = widget.mapToGlobal(widget.rect().center())
    target = window.childAt(window.mapFromGlobal(global_pos)) or window
    _give_wheel_focus(target)
    receiver: QWidget | None = target
    position = target.mapFromGlobal(global_pos)
    while receiver is not None:
        event = QWheelEvent(
            QPointF(position),
            QPointF(global_pos),
            QPoint(0, 0),
            QPoint(0, NOTCH * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(receiver, event)
        if event.isAccepted() or receiver.isWindow():
            return receiver
        position = receiver.mapToParent(position)
        receiver = receiver.parentWidget()
    return target


def form_state(root: QWidget) -> list[tuple[str, Any]]:
    """Everything a form shows that a KAM could have entered."""
    state: list[tuple[str, Any]] = []
    for widget in root.findChildren(QWidget):
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, QComboBox):
            state.append((name, (widget.currentIndex(), widget.currentText(), widget.count())))
        elif isinstance(widget, QAbstractSpinBox):
            state.append((name, widget.text()))
        elif isinstance(widget, QAbstractSlider) and not isinstance(widget, QScrollBar):
            state.append((name, widget.value()))
        elif isinstance(widget, QLineEdit):
            state.append((name, widget.text()))
        elif isinstance(widget, QPlainTextEdit):
            state.append((name, widget.toPlainText()))
        elif isinstance(widget, QCheckBox):
            state.append((name, widget.checkState()))
        elif isinstance(widget, QListWidget):
            items = [widget.item(i) for i in range(widget.count())]
            state.append((name, [(i.text(), i.checkState()) for i in items]))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            state.append((name, widget.model().rowCount()))
    return state


def logged(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0)


def wheel_everything(qtbot: QtBot, root: QWidget, store: Store) -> list[str]:
    """Wheel up and down over every editor of `root`; fail on any change. Returns what
    was wheeled over (to show the test reached the editors)."""
    window = root.window()
    if not window.isVisible():
        with qtbot.waitExposed(window):
            window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    before_log = logged(store)
    wheeled = []
    for editor in wheel_editors(root):
        if not bring_into_view(editor):
            continue
        for notches in (-1, 1, -3, 3):
            focused = QApplication.focusWidget()
            if focused is not None:
                focused.clearFocus()
            before = form_state(root)
            wheel_over(editor, notches)
            QApplication.processEvents()
            changed = [(a, b) for a, b in zip(before, form_state(root), strict=False) if a != b]
            assert not changed, f"the wheel over {_name(editor)} changed {changed}"
            assert len(form_state(root)) == len(before), f"the wheel over {_name(editor)}"
            assert not editor.hasFocus(), f"the wheel focused {_name(editor)}"
        wheeled.append(_name(editor))
    assert logged(store) == before_log, "the wheel wrote to the change log"
    return wheeled


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName()!r})"


# --- the forms --------------------------------------------------------------------------


@pytest.fixture
def day(store: Store, territory: dict[str, Any]) -> dict[str, Any]:
    """The hospital with a boss, consented personal details, a product, an offer, a visit
    held this morning and one planned for tomorrow with the offer."""
    hospital = territory["hospital"]
    with store.session() as session:
        people = {c.surname: c.id for c in session.scalars(select(Contact))}
    boss, deputy = people["Семёнов"], people["Орлова"]
    set_field(store, Entity.CONTACT, deputy, "reports_to_id", boss)
    set_field(store, Entity.CONTACT, boss, "consent_given", True)
    set_field(store, Entity.PERSONAL, boss, "hobbies", "рыбалка на Волге")
    product = add_product(store, "Кардиомагнил-КАМ")
    book = OfferBook(store)
    draft = book.new_draft(hospital)
    draft.lines = [LineInput(product, 5, Decimal("120.50"))]
    offer = book.save(draft)
    now = datetime.now(UTC).replace(microsecond=0)
    held = add_visit(
        store, hospital, now - timedelta(hours=3), questions=["Какие объёмы?"],
        attendee_ids=[boss], product_ids=[product], objective="Обсудить заявку",
    )  # fmt: skip
    planned = add_visit(store, hospital, now + timedelta(days=1), offer_id=offer)
    return {"hospital": hospital, "boss": boss, "deputy": deputy, "product": product,
            "offer": offer, "held": held, "planned": planned}  # fmt: skip


WaitIdle = Callable[[TaskRunner], None]


def test_the_wheel_changes_nothing_in_the_card(
    qtbot: QtBot, store: Store, day: dict[str, Any], tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    from kamdesk.ui.card import AccountCard

    card = AccountCard(day["hospital"], lambda: store, tasks)
    qtbot.addWidget(card)
    wait_idle(tasks)
    start = logged(store)
    card.resize(1200, 800)
    wheeled = wheel_everything(qtbot, card, store)  # header, overview, dossier, first contact
    assert any("field_account_kind" in name for name in wheeled)
    assert any("field_contact_attitude" in name for name in wheeled)
    for rows in (card.dossier.events, card.dossier.competitors):
        rows.list.setCurrentRow(0)  # the row's own form
        wheeled += wheel_everything(qtbot, card, store)
    assert any("field_event_tender_result" in name for name in wheeled)
    for row in range(card.contacts.list.count()):  # every person, personal details too
        card.tabs.setCurrentWidget(card.contacts)
        card.contacts.list.setCurrentRow(row)
        wheeled += wheel_everything(qtbot, card, store)
    assert any("field_contact_reports_to_id" in name for name in wheeled)
    card.commit_all()  # what closing the card does
    wait_idle(tasks)
    assert logged(store) == start


def test_the_wheel_changes_nothing_in_the_offer_editor(
    qtbot: QtBot, store: Store, day: dict[str, Any]
) -> None:
    from kamdesk.ui.offers.editor import OfferEditor

    workspace = Workspace(store.path, store)
    new, existing = OfferEditor(workspace), OfferEditor(workspace, offer_id=day["offer"])
    for editor, lines in ((new, 0), (existing, 1)):
        qtbot.addWidget(editor)
        wheeled = wheel_everything(qtbot, editor, store)
        assert any("QDateEdit" in name for name in wheeled), wheeled
        assert editor.lines.rowCount() == lines
        editor.close()


def test_the_wheel_changes_nothing_in_the_visit_plan(
    qtbot: QtBot, store: Store, day: dict[str, Any]
) -> None:
    from kamdesk.ui.visits.plan_dialog import PlanDialog

    workspace = Workspace(store.path, store)
    new = PlanDialog(workspace)
    existing = PlanDialog(workspace, visit_id=day["planned"])
    for dialog in (new, existing):
        qtbot.addWidget(dialog)
        wheeled = wheel_everything(qtbot, dialog, store)
        # The start is typed text now (DateTimeField), which the wheel never steps.
        assert any("QSpinBox" in name for name in wheeled), wheeled
        dialog.close()


def test_the_wheel_adds_nothing_to_a_report(
    qtbot: QtBot, store: Store, day: dict[str, Any]
) -> None:
    from kamdesk.ui.visits.report_form import ReportForm

    add_product(store, "Мексидол-КАМ")  # a product that could be added by mistake
    form = ReportForm(Workspace(store.path, store), day["held"])
    qtbot.addWidget(form)
    wheeled = wheel_everything(qtbot, form, store)
    assert any("addProduct" in name for name in wheeled), wheeled
    assert form.products.count() == 1  # only the planned product
    assert not form.dirty
    QTest.mouseClick(form.next_steps.add_button, Qt.MouseButton.LeftButton)  # a dated step
    qtbot.waitUntil(lambda: not form.dirty)  # the KAM pauses: the draft with the step is saved
    wheeled = wheel_everything(qtbot, form, store)
    assert sum("QDateEdit" in name for name in wheeled) == 1, wheeled
    form.close()


def test_the_wheel_changes_nothing_in_settings_new_account_and_product(
    qtbot: QtBot, store: Store, day: dict[str, Any], tasks: TaskRunner, preferences: Any,
    switcher: Any, wait_idle: Callable[[TaskRunner], None],
) -> None:  # fmt: skip
    from kamdesk.ui.clients.new_account import NewAccountDialog
    from kamdesk.ui.products.dialog import ProductDialog
    from kamdesk.ui.settings_dialog import SettingsDialog

    catalog = ProductCatalog(store)
    language = preferences.language
    dialogs: list[QWidget] = [
        SettingsDialog(preferences, switcher, store),
        NewAccountDialog(lambda: store, tasks),
        ProductDialog(catalog, catalog.detail(day["product"])),
    ]
    wait_idle(tasks)  # the new-client dialog has asked which role this laptop has
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert wheel_everything(qtbot, dialog, store), f"no editor found in {dialog}"
        dialog.hide()  # not close(): the new-client dialog deletes itself on close
    assert preferences.language == language


# --- what the wheel still does -------------------------------------------------------------


def test_a_focused_editor_still_takes_the_wheel_and_the_form_scrolls_otherwise(
    qtbot: QtBot, store: Store, day: dict[str, Any]
) -> None:
    from kamdesk.ui.visits.report_form import ReportForm

    add_product(store, "Мексидол-КАМ")  # offered by «Ещё обсуждённый препарат»
    form = ReportForm(Workspace(store.path, store), day["held"])
    qtbot.addWidget(form)
    form.resize(700, 380)  # short: the form has to scroll
    with qtbot.waitExposed(form):
        form.show()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    scroll = form.findChild(QScrollArea)
    assert isinstance(scroll, QAbstractScrollArea)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    form.outcome.setFocus()
    before = form.sentiment.currentIndex()
    wheel_over(form.sentiment, -1)  # down, over the unfocused mood
    assert form.sentiment.currentIndex() == before
    assert bar.value() > 0, "the form did not scroll"
    form.sentiment.setFocus()  # clicked or tabbed into: now the wheel is for it
    wheel_over(form.sentiment, -1)
    assert form.sentiment.currentIndex() == before + 1
    products = form.products.count()
    form.add_product.setFocus()  # a picker that adds: never on the wheel, even focused
    scroll.ensureWidgetVisible(form.add_product)
    wheel_over(form.add_product, -1)
    wheel_over(form.add_product, 1)
    assert form.products.count() == products
    form.close()


def test_editors_take_focus_by_click_and_tab_but_not_by_wheel(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDateEdit, QDoubleSpinBox, QSlider, QSpinBox

    for editor in (QComboBox(), QSpinBox(), QDoubleSpinBox(), QDateEdit(), QSlider()):
        qtbot.addWidget(editor)
        editor.ensurePolished()
        assert editor.focusPolicy() == Qt.FocusPolicy.StrongFocus, type(editor).__name__
