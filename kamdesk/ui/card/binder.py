"""Fields that save themselves: drafts while typing, one commit per edit, undo.

Each bound widget edits one field of one row (`Entity`, row key, field name).
Typing writes a local draft after a short pause (never synced, survives a
crash); leaving the field, closing the card or the periodic timer commits the
draft to the domain row, which is one change-log entry. A value the service
refuses stays in the field and in its draft, with the reason shown next to it:
invalid input is neither saved half-way nor silently dropped.

Every commit is a command on the card's QUndoStack, so the card can undo and
redo committed edits (while a field has focus, Ctrl+Z undoes its typing first).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from kamdesk.i18n import Message
from kamdesk.services import card as service
from kamdesk.services.card import CardError, Entity
from kamdesk.services.card.fields import Kind, kind_of
from kamdesk.ui.card.widgets import NotesEdit
from kamdesk.ui.formatting import format_phone

DRAFT_DELAY_MS = 400
PERIODIC_COMMIT_MS = 20_000
Key = tuple[Entity, uuid.UUID, str]


def translate(message: Message) -> str:
    return message.format(QCoreApplication.translate(message.context, message.text))


def display(entity: Entity, name: str, value: Any) -> str:
    """The text a field shows for a stored value (dates as дд.мм.гггг to edit them)."""
    if value is None:
        return ""
    kind = kind_of(entity, name)
    if kind is Kind.PHONE:
        return format_phone(value)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    return str(value)


@dataclass
class Binding:
    key: Key
    widget: QWidget
    error: QLabel | None
    value: Any  # as stored
    text: str  # as shown for the stored value
    dirty: bool = False


class _Commit(QUndoCommand):
    """A committed edit; the first redo() is the commit that already happened."""

    def __init__(self, binder: FieldBinder, key: Key, old: Any, new: Any, label: str) -> None:
        super().__init__(label)
        self._binder, self._key, self._old, self._new = binder, key, old, new
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._binder.apply(self._key, self._new)

    def undo(self) -> None:
        self._binder.apply(self._key, self._old)


class FieldBinder(QObject):
    committed = Signal(object)  # the Key of a field stored in its row
    failed = Signal(object, str)  # Key, the reason shown next to the field

    def __init__(
        self,
        store: Callable[[], Any],
        account_id: uuid.UUID,
        drafts: dict[Key, str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.account_id = account_id
        self._drafts = dict(drafts)
        self._bindings: dict[Key, Binding] = {}
        self._by_widget: dict[QWidget, Binding] = {}
        self._quiet = False
        self.undo_stack = QUndoStack(self)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_drafts)
        self._periodic = QTimer(self, interval=PERIODIC_COMMIT_MS)
        self._periodic.timeout.connect(self.commit_all)
        self._periodic.start()

    # --- binding ---------------------------------------------------------------

    def bind(
        self, widget: QWidget, entity: Entity, row_key: uuid.UUID, name: str, value: Any,
        error: QLabel | None = None,
    ) -> QWidget:  # fmt: skip
        key: Key = (entity, row_key, name)
        old = self._bindings.get(key)
        if old is not None:  # rebinding (the card was rebuilt): keep uncommitted text
            self.commit(old)
            self._by_widget.pop(old.widget, None)
        binding = Binding(key, widget, error, value, display(entity, name, value))
        self._bindings[key] = binding
        self._by_widget[widget] = binding
        self._show(binding, binding.text)
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.installEventFilter(self)
            widget.textChanged.connect(lambda: self._typed(binding))
            draft = self._drafts.pop(key, None)
            if draft is not None and draft != binding.text:
                self._show(binding, draft)
                binding.dirty = True
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i: self.commit(binding))
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _on: self.commit(binding))
        widget.destroyed.connect(lambda: self._forget(binding))
        return widget

    def restored_drafts(self) -> list[Key]:
        """Fields showing text recovered from drafts (typed before a crash)."""
        return [b.key for b in self._bindings.values() if b.dirty]

    def binding(self, key: Key) -> Binding | None:
        return self._bindings.get(key)

    # --- typing, drafts and commits ----------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            binding = self._by_widget.get(watched)  # type: ignore[call-overload]
            if binding is not None:
                self.commit(binding)
        return False

    def _typed(self, binding: Binding) -> None:
        if self._quiet:
            return
        binding.dirty = True
        self._draft_timer.start()

    def save_drafts(self) -> None:
        store = self._store()
        for binding in list(self._bindings.values()):
            if binding.dirty:
                entity, row_key, name = binding.key
                service.save_draft(store, self.account_id, entity, row_key, name, _raw(binding))

    def commit_all(self) -> None:
        self._draft_timer.stop()
        for binding in list(self._bindings.values()):
            if binding.dirty or isinstance(binding.widget, QComboBox | QCheckBox):
                self.commit(binding)

    def commit_within(self, container: QWidget) -> None:
        """Commit the fields inside `container` (before it is replaced)."""
        for binding in list(self._bindings.values()):
            if binding.dirty and container.isAncestorOf(binding.widget):
                self.commit(binding)

    def commit(self, binding: Binding) -> bool:
        if self._quiet:
            return True
        entity, row_key, name = binding.key
        raw = _raw(binding)
        is_text = isinstance(binding.widget, QLineEdit | QPlainTextEdit)
        if is_text and not binding.dirty:
            return True
        if is_text and raw == binding.text:
            binding.dirty = False
            service.discard_draft(self._store(), entity, row_key, name)
            self._set_error(binding, "")
            return True
        try:
            stored = service.set_field(self._store(), entity, row_key, name, raw)
        except CardError as error:
            if is_text:
                service.save_draft(self._store(), self.account_id, entity, row_key, name, raw)
            self._set_error(binding, translate(error.message))
            self.failed.emit(binding.key, translate(error.message))
            return False
        old = binding.value
        binding.dirty = False
        self._set_error(binding, "")
        if stored != old:
            self._stored(binding, stored)
            label = self.tr("Edit %s") % name
            self.undo_stack.push(_Commit(self, binding.key, old, stored, label))
            self.committed.emit(binding.key)
        return True

    def apply(self, key: Key, value: Any) -> None:
        """Store `value` as it is (undo/redo) and show it."""
        entity, row_key, name = key
        stored = service.set_field(self._store(), entity, row_key, name, value)
        binding = self._bindings.get(key)
        if binding is not None:
            binding.dirty = False
            self._set_error(binding, "")
            self._stored(binding, stored)
        self.committed.emit(key)

    def _stored(self, binding: Binding, value: Any) -> None:
        entity, _row, name = binding.key
        binding.value = value
        binding.text = display(entity, name, value)
        self._show(binding, binding.text)

    # --- widgets -------------------------------------------------------------

    def _show(self, binding: Binding, text_or_value: Any) -> None:
        widget = binding.widget
        self._quiet = True
        try:
            if isinstance(widget, QLineEdit):
                if widget.text() != text_or_value:
                    widget.setText(text_or_value)
            elif isinstance(widget, QPlainTextEdit):
                if _raw(binding) != text_or_value:
                    widget.setPlainText(text_or_value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(binding.value)))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(binding.value))
        finally:
            self._quiet = False

    def _set_error(self, binding: Binding, text: str) -> None:
        binding.widget.setProperty("invalid", bool(text))
        binding.widget.setToolTip(text)
        if binding.error is not None:
            binding.error.setText(text)
            binding.error.setVisible(bool(text))

    def _forget(self, binding: Binding) -> None:
        if self._bindings.get(binding.key) is binding:
            del self._bindings[binding.key]
        self._by_widget.pop(binding.widget, None)


def _raw(binding: Binding) -> Any:
    widget = binding.widget
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, NotesEdit):
        return widget.plain_text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(type(widget).__name__)
