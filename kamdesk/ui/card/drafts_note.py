"""What the card says about text shown in its fields that is not stored yet.

Opening a card can bring back text typed earlier and not stored: a draft kept
when KAMdesk or only the card's tab was closed (an ИНН refused for its check
digit stays a draft), or an edit still waiting for a busy store. The note above
the tabs names those fields by their captions and goes once each is stored or
put back; a refused one shows its reason next to it again (FieldBinder).

Closing a card's tab stores what is typed; text the service refuses stays a
draft, and `tell_drafts_kept` says so (which fields, and that the text comes
back when the card opens again) instead of closing silently.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QWidget

from kamdesk.services.card import Entity
from kamdesk.services.card.edit_values import ENTITIES
from kamdesk.ui.card.binder import Binding, FieldBinder, Key
from kamdesk.ui.card.field_labels import field_label

NOTE_STYLE = "background: #fff8e1; padding: 4px 8px;"
_TABLES = {entity: table for table, entity in ENTITIES.items()}


def caption(key: Key, people: dict[uuid.UUID, str]) -> str:
    """«ИНН», or «Мобильный телефон (Бирюкова Марина Сергеевна)» for a person's field."""
    entity, row_key, name = key
    text = field_label(_TABLES.get(entity, ""), name)
    person = people.get(row_key) if entity in (Entity.CONTACT, Entity.PERSONAL) else None
    return f"{text} ({person})" if person else text


def quoted(texts: Iterable[str]) -> str:
    return ", ".join(f"«{text}»" for text in texts)


class DraftsNote(QObject):
    """Keeps the card's note (`label`) about restored fields up to date."""

    def __init__(
        self,
        label: QLabel,
        binder: FieldBinder,
        people: Callable[[], dict[uuid.UUID, str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._label = label
        label.setWordWrap(True)  # several fields named must not widen the window
        self._binder = binder
        self._people = people
        self._keys: list[Key] = []
        self._showing = False  # the label shows this note (not a problem of the card)
        binder.writes.stored.connect(self._settled)
        binder.writes.refused.connect(self._settled)

    def show_restored(self, keys: list[Key]) -> None:
        """The card (re)loaded: name these fields, or hide the note when there are none."""
        self._keys = list(keys)
        self._showing = True
        self._refresh()

    def yield_label(self) -> None:
        """The card shows something else in the label (a problem, an erasure)."""
        self._showing = False

    def _settled(self, _write: object, _result: object) -> None:
        if self._showing:
            self._refresh()

    def _refresh(self) -> None:
        left = [key for key in self._keys if self._binder.unsaved(key)]
        self._keys = left
        if not left:
            if self._showing:
                self._label.hide()
            self._showing = False
            return
        people = self._people()
        names = quoted(caption(key, people) for key in left)
        text = self.tr(
            "Text typed earlier and not saved yet is back in %1. It is saved "
            "when you leave the field."
        ).replace("%1", names)
        if any(binding.key in left for binding in self._binder.refused()):
            text += " " + self.tr("A field marked in red is saved once you correct it.")
        self._label.setText(text)
        self._label.setStyleSheet(NOTE_STYLE)
        self._label.setVisible(True)


class DraftsKept(QMessageBox):
    """Said once a card's tab closed with text the service refused: it is kept."""

    def __init__(
        self, window: QWidget, account: str, refused: list[Binding], people: dict[uuid.UUID, str]
    ) -> None:
        super().__init__(window)
        self.setObjectName("draftsKeptOnClose")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Not saved"))
        names = quoted(caption(binding.key, people) for binding in refused)
        self.setText(self.tr("«%1»: not saved: %2.").replace("%1", account).replace("%2", names))
        reasons = "\n".join(
            f"• {caption(binding.key, people)}: {binding.refusal}" for binding in refused
        )
        kept = self.tr(
            "What you typed is kept as a draft: it is back in the field, with the reason "
            "next to it, when you open the card again."
        )
        self.setInformativeText(f"{reasons}\n\n{kept}")
        self.setStandardButtons(QMessageBox.StandardButton.Ok)


def tell_drafts_kept(
    window: QWidget, account: str, binder: FieldBinder, people: dict[uuid.UUID, str]
) -> QMessageBox | None:
    """The card's tab was closed with text the service refused: say it is kept."""
    refused = binder.refused()
    if not refused:
        return None
    box = DraftsKept(window, account, refused, people)
    box.open()
    return box


class TabClosing(QObject):
    """Calls `closed(window)` when the card's tab is closed: the card leaves the tab
    widget's stack (the client list stores its fields just before, then removes it)."""

    def __init__(self, card: QWidget, closed: Callable[[QWidget], None]) -> None:
        super().__init__(card)
        self._card = card
        self._closed = closed
        self._stack: QStackedWidget | None = None
        card.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._card and event.type() == QEvent.Type.ParentChange:
            stack = self._card.parentWidget()
            if isinstance(stack, QStackedWidget) and stack is not self._stack:
                self._stop()
                self._stack = stack
                stack.widgetRemoved.connect(self._removed)
        return False

    def _stop(self) -> None:
        if self._stack is not None and shiboken6.isValid(self._stack):
            self._stack.widgetRemoved.disconnect(self._removed)
        self._stack = None

    def _removed(self, _index: int) -> None:
        stack = self._stack
        if stack is None or not shiboken6.isValid(stack) or stack.indexOf(self._card) >= 0:
            return  # another tab was closed
        self._stop()
        self._closed(stack.window())
