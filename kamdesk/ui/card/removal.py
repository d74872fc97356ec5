"""The question asked before a contact, a history event or a competitor leaves the card.

Removing one tombstones its row (kamdesk.services.card.remove_row): it travels to
the office as a removal, and no screen brings it back. So the card asks first,
naming the row and what goes with it; the default answer (Enter, Esc) keeps it.
The question is window-modal and opened without a nested event loop.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QListWidget, QMessageBox, QWidget

from kamdesk.services.card import Entity
from kamdesk.ui.card.binder import FieldBinder


class RemovalQuestion(QMessageBox):
    """«Remove the contact «…»?»: the answer arrives through `on_remove`."""

    def __init__(
        self, entity: Entity, caption: str, on_remove: Callable[[], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("removalQuestion")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Question)
        title, text, informative = self._texts(entity)
        self.setWindowTitle(title)
        self.setText(text.replace("%1", caption))
        self.setInformativeText(informative)
        self.remove_button = self.addButton(
            self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setObjectName("confirmRemoval")
        self.keep_button = self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.keep_button.setObjectName("keepRow")
        self.setDefaultButton(self.keep_button)  # Enter must not remove anything
        self.setEscapeButton(self.keep_button)
        self._on_remove = on_remove
        self.buttonClicked.connect(self._answered)

    def _texts(self, entity: Entity) -> tuple[str, str, str]:
        if entity is Entity.CONTACT:
            return (
                self.tr("Remove contact"),
                self.tr("Remove the contact «%1»?"),
                self.tr(
                    "Their phones, e-mail, role and influence, personal details and place "
                    "on the decision-making map go with them. The contact cannot be brought "
                    "back afterwards."
                ),
            )
        if entity is Entity.EVENT:
            return (
                self.tr("Remove event"),
                self.tr("Remove the event «%1» from the relationship history?"),
                self.tr(
                    "Its details, amount, tender result and resolution go with it. The event "
                    "cannot be brought back afterwards."
                ),
            )
        return (
            self.tr("Remove competitor"),
            self.tr("Remove the competitor «%1»?"),
            self.tr(
                "Its products, terms, strengths and notes go with it. The competitor cannot "
                "be brought back afterwards."
            ),
        )

    def _answered(self, button: QAbstractButton) -> None:
        if button is self.remove_button:
            self._on_remove()


def ask_to_remove(
    parent: QWidget, entity: Entity, caption: str, on_remove: Callable[[], None]
) -> RemovalQuestion:
    question = RemovalQuestion(entity, caption, on_remove, parent)
    question.open()
    return question


def row_caption(
    binder: FieldBinder | None,
    people: dict[uuid.UUID, str],
    dossier: Any,  # the card's DossierTab: its events and competitors
    entity: Entity,
    row_id: uuid.UUID,
) -> str:
    """The row as the KAM sees it now: a person's name as typed in their fields, a
    competitor's company, an event's line in the history."""
    if entity is Entity.CONTACT:
        names = ("surname", "name", "patronymic")
        parts = [binder.shown((entity, row_id, n)) for n in names] if binder else []
        name = " ".join(str(part).strip() for part in parts if part)
        return name or people.get(row_id, "")
    if entity is Entity.COMPETITOR and binder is not None:
        company = binder.shown((entity, row_id, "company"))
        if company:
            return str(company).strip()
    rows = dossier.events if entity is Entity.EVENT else dossier.competitors
    items: QListWidget = rows.list
    item = items.currentItem()
    return item.text() if item is not None else ""
