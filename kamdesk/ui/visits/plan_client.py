"""The plan dialog's client and the words that depend on it.

- `client_combo`: every client by name and none chosen, placeholder «Select a client»:
  a plan opened from the Visits page once had the first client A–Z chosen, and a KAM
  who did not notice planned the visit for the wrong client. Opened from a card (or to
  edit a plan) the client is fixed. Typing filters the list; a suggestion picked is
  the client.
- `keep_choice_honest`: the client is the one the field shows. Typing over a chosen
  client un-chooses it (Save waits again, the old client's people, place and offer
  go): a KAM who retyped the field once saved the visit for the client chosen before,
  whose name was no longer on screen. Leaving the field (or Enter) with text that
  names exactly one client chooses that one.
- `attendee_text`: a contact as the plan lists it, with the DMU role short («ЛПР») so
  the position's brackets are not doubled, and the phone written as people write it.
- `channel_words`: a call is a call in the tab and the objective's hint, not a visit.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.i18n import Message
from kamdesk.services.accounts import AccountFilter
from kamdesk.services.workspace import Workspace
from kamdesk.ui.focus_leaving import OnLeaving
from kamdesk.ui.formatting import format_phone
from kamdesk.ui.item_data import index_of_data
from kamdesk.ui.sentence import as_sentence
from kamdesk.ui.visits.common import message_text
from kamdesk.ui.visits.plan_fields import contact_text
from kamdesk.vocabulary import DmuRole

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a list item's id (a contact's, a product's)


def client_combo(workspace: Workspace, fixed: bool) -> QComboBox:
    """Every client by name, none chosen; `fixed`: the caller's client, not changeable."""
    combo = QComboBox()
    combo.setObjectName("planAccount")
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for row in workspace.accounts.page(AccountFilter(), limit=5000):
        combo.addItem(row.name, row.id)
    completer = combo.completer()
    assert completer is not None  # an editable combo always has one
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    placeholder = QCoreApplication.translate("PlanDialog", "Select a client")
    combo.setPlaceholderText(placeholder)
    line = combo.lineEdit()
    assert line is not None
    line.setPlaceholderText(placeholder)
    combo.setCurrentIndex(-1)  # the first item added became current: nobody is chosen
    combo.setEnabled(not fixed)
    return combo


def choose(combo: QComboBox, workspace: Workspace, chosen: uuid.UUID | None) -> None:
    """Make `chosen` the combo's client (None: nobody). One archived or beyond the list's
    limit is added, still named, never shown as its id."""
    if chosen is None:
        return
    if index_of_data(combo, chosen) < 0:
        summary = workspace.accounts.summary(chosen)
        unknown = QCoreApplication.translate("PlanDialog", "(unknown client)")
        combo.addItem(summary.name if summary else unknown, chosen)
    combo.setCurrentIndex(index_of_data(combo, chosen))


def keep_choice_honest(combo: QComboBox) -> None:
    line = combo.lineEdit()
    assert line is not None  # the combo is editable

    def edited(text: str) -> None:
        index = combo.currentIndex()
        if index >= 0 and text != combo.itemText(index):
            position = line.cursorPosition()
            combo.setCurrentIndex(-1)  # also empties the field: what was typed comes back
            line.setText(text)
            line.setCursorPosition(position)

    def finished() -> None:
        needle = line.text().casefold().strip()
        if combo.currentIndex() >= 0 or not needle:
            return
        matches = [i for i in range(combo.count()) if needle in combo.itemText(i).casefold()]
        if len(matches) == 1:
            combo.setCurrentIndex(matches[0])

    line.textEdited.connect(edited)
    line.returnPressed.connect(finished)
    # The combo holds the focus for its line edit, and neither sees a focus-out of its
    # own when Tab leaves while the suggestions are open: the application's word is used.
    OnLeaving(combo, finished)


def error_label(key: str, style: str) -> QLabel:
    """Where the service's objection to field `key` is shown ("": to the plan as a whole)."""
    error = QLabel()
    error.setObjectName(f"error_{key or 'general'}")
    error.setStyleSheet(style)
    error.setWordWrap(True)
    error.hide()
    return error


def show_problems(errors: dict[str, QLabel], messages: dict[str, Message]) -> None:
    """Each objection under its field; those of no field under the plan ("" key)."""
    for key, error in errors.items():
        message = messages.get(key)
        error.setText(as_sentence(message_text(message)) if message else "")
        error.setVisible(message is not None)
    unplaced = {k: m for k, m in messages.items() if k not in errors}
    if unplaced:
        general = errors[""]
        general.setText("\n".join(as_sentence(message_text(m)) for m in unplaced.values()))
        general.show()


def form_row(form: QFormLayout, text: str, widget: QWidget, error: QLabel | None) -> QWidget:
    """`widget` as a row of `form`, with `error` (a field's objection) under it."""
    if error is None:
        form.addRow(text, widget)
        return widget
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    form.addRow(text, box)
    return box


def note_label() -> QLabel:
    note = QLabel()
    note.setObjectName("planClientNote")
    note.setWordWrap(True)
    note.hide()
    return note


def show_missing(note: QLabel, save: QPushButton, why: str) -> None:
    """`why` Save waits (under the client and on the button); "" once a client is chosen."""
    note.setText(why)
    note.setVisible(bool(why))
    save.setToolTip(why)


def client_missing_text(call: bool) -> str:
    """Why Save waits, under the client field and on the button."""
    if call:
        return QCoreApplication.translate(
            "PlanDialog", "Select the client to call: Save is available once a client is chosen."
        )
    return QCoreApplication.translate(
        "PlanDialog", "Select the client to visit: Save is available once a client is chosen."
    )


def short_role(role: DmuRole | None) -> str:
    """The DMU role in a word or an abbreviation (the full label has its own brackets)."""
    if role is None:
        return ""
    # Literal translate() calls: pyside6-lupdate extracts only those.
    texts = {
        DmuRole.DECISION_MAKER: QCoreApplication.translate("PlanAttendee", "DM"),
        DmuRole.INFLUENCER: QCoreApplication.translate("PlanAttendee", "Influencer"),
        DmuRole.APPROVER: QCoreApplication.translate("PlanAttendee", "Approver"),
        DmuRole.TECHNICAL_EXPERT: QCoreApplication.translate("PlanAttendee", "Expert"),
        DmuRole.USER: QCoreApplication.translate("PlanAttendee", "User"),
        DmuRole.GATEKEEPER: QCoreApplication.translate("PlanAttendee", "Gatekeeper"),
    }
    return texts.get(role, "")


def attendee_text(full_name: str, position: str, role: DmuRole | None, phone: str) -> str:
    """«Волков Д. К., Директор (ЛПР) · 8 (4822) 33-85-53»."""
    return contact_text(full_name, position, short_role(role), format_phone(phone) if phone else "")


def channel_words(call: bool) -> tuple[str, str]:
    """The first tab's title and the objective's hint for a visit or a call."""
    if call:
        return (
            QCoreApplication.translate("PlanDialog", "Call"),
            QCoreApplication.translate("PlanDialog", "What should this call achieve?"),
        )
    return (
        QCoreApplication.translate("PlanDialog", "Visit"),
        QCoreApplication.translate("PlanDialog", "What should this visit achieve?"),
    )


def checked_ids(view: QListWidget) -> list[uuid.UUID]:
    return [
        view.item(row).data(ID_ROLE)
        for row in range(view.count())
        if view.item(row).checkState() == Qt.CheckState.Checked
    ]


def filter_items(view: QListWidget, text: str) -> None:
    """Hide the items whose text does not contain `text` (any case)."""
    needle = text.casefold().strip()
    for row in range(view.count()):
        item = view.item(row)
        item.setHidden(bool(needle) and needle not in item.text().casefold())
