"""Fields that save themselves: drafts while typing, one commit per edit, undo.

Each bound widget edits one field of one row (`Entity`, row key, field name).
Typing writes a local draft (never synced, survives a crash) after a short
pause, and at least every DRAFT_MAX_WAIT_MS while the KAM keeps typing, so what
was typed is in the store within a second even if the pause never comes.
Leaving the field, closing the card or the periodic timer commits the draft to
the domain row, which is one change-log entry. A value the service refuses
stays in the field and in its draft, with the reason shown next to it: invalid
input is neither saved half-way nor silently dropped.

Writes go through the account's `PendingWrites` (kamdesk.ui.card.saving): they
never wait for the store's lock on the UI thread. When another program holds
it, the text stays in the field and in memory, the fields waiting to be saved
say so, and the writes are retried in order until the store takes them.

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
from kamdesk.services import formatting
from kamdesk.services.card import CardError, Entity
from kamdesk.services.card.fields import Kind, kind_of, parse
from kamdesk.ui.card.saving import PendingWrites, Write, WriteKind, pending_writes
from kamdesk.ui.card.widgets import NotesEdit
from kamdesk.ui.debounce import Debounce
from kamdesk.ui.formatting import format_phone
from kamdesk.ui.item_data import select_data
from kamdesk.ui.line_text import show_start
from kamdesk.ui.sentence import as_sentence

DRAFT_DELAY_MS = 400  # a pause in typing this long writes the draft
DRAFT_MAX_WAIT_MS = 800  # typing without a pause writes it at least this often
PERIODIC_COMMIT_MS = 20_000
WAITING_STYLE = "color: #b26a00;"
ERROR_STYLE = "color: #c62828;"
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
    if isinstance(value, Decimal):  # «2 810 000,00»: grouped, and read back as typed
        return formatting.amount(value)  # with a comma in either language, as the field reads
    return str(value)


@dataclass
class Binding:
    key: Key
    widget: QWidget
    error: QLabel | None
    value: Any  # as stored
    text: str  # as shown for the stored value
    dirty: bool = False
    drafted: str | None = None  # the text last handed over as a draft
    refusal: str = ""  # why the service refused what is typed, shown next to the field
    waiting: bool = False  # what is typed waits for a busy store

    @property
    def is_text(self) -> bool:
        return isinstance(self.widget, QLineEdit | QPlainTextEdit)


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
    store_busy_changed = Signal(bool)  # True while edits wait for a store another program holds

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
        self.writes: PendingWrites = pending_writes(store(), account_id)
        self.writes.stored.connect(self._write_stored)
        self.writes.refused.connect(self._write_refused)
        self.writes.waiting_changed.connect(self._store_waiting)
        # A pause writes the drafts, and typing without one at least every DRAFT_MAX_WAIT_MS.
        self._drafts_due = Debounce(self, DRAFT_DELAY_MS, DRAFT_MAX_WAIT_MS, self.save_drafts)
        self._periodic = QTimer(self, interval=PERIODIC_COMMIT_MS)
        self._periodic.timeout.connect(self.commit_all)
        self._periodic.start()

    @property
    def clock(self) -> Callable[[], float]:
        """Seconds, monotonic; tests replace it to type "for a second" without waiting one."""
        return self._drafts_due.clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        self._drafts_due.clock = clock

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
        # Text not stored yet: typed before a crash (a draft), or waiting for a busy store.
        draft = self._drafts.pop(key, None)
        pending, pending_value = self.writes.pending_value(key)
        if pending and binding.is_text:
            draft = pending_value
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.installEventFilter(self)
            widget.textChanged.connect(lambda: self._typed(binding))
            if draft is not None and draft != binding.text:
                self._show(binding, draft)
                binding.dirty = True
                binding.drafted = draft
                self._check_restored(binding, draft)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i: self.commit(binding))
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _on: self.commit(binding))
        if pending and not binding.is_text:
            self._show(binding, pending_value, pending=True)
        if pending:
            self._set_waiting(binding, self.writes.waiting)
        widget.destroyed.connect(lambda: self._forget(binding))
        return widget

    def restored_drafts(self) -> list[Key]:
        """Fields showing text not stored yet: a draft typed before the card (or
        KAMdesk) was closed, or an edit still waiting for a busy store."""
        return [b.key for b in self._bindings.values() if b.dirty]

    def unsaved(self, key: Key) -> bool:
        """The field shows text that is not stored (typed, restored or refused)."""
        binding = self._bindings.get(key)
        return binding is not None and binding.dirty

    def refused(self) -> list[Binding]:
        """Fields whose text the service refused and that still show it."""
        return [b for b in self._bindings.values() if b.dirty and b.refusal]

    def _check_restored(self, binding: Binding, text: str) -> None:
        """A restored draft the service would refuse says why at once, as it did when
        it was typed: the KAM sees what to correct before leaving the field."""
        entity, _row, name = binding.key
        try:
            parse(entity, name, text)
        except CardError as error:
            self._set_refusal(binding, as_sentence(translate(error.message)))

    def binding(self, key: Key) -> Binding | None:
        return self._bindings.get(key)

    def shown(self, key: Key) -> Any:
        """What the field shows now (None when it is not on screen)."""
        binding = self._bindings.get(key)
        return _raw(binding) if binding is not None else None

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
        self._drafts_due.poke()

    def save_drafts(self) -> None:
        self._drafts_due.cancel()
        for binding in list(self._bindings.values()):
            if binding.dirty and binding.is_text:
                raw = _raw(binding)
                if raw != binding.drafted:
                    binding.drafted = raw
                    self._submit(Write(binding.key, WriteKind.DRAFT, raw))

    def commit_all(self) -> None:
        self._drafts_due.cancel()
        for binding in list(self._bindings.values()):
            if binding.dirty or isinstance(binding.widget, QComboBox | QCheckBox):
                self.commit(binding)

    def commit_within(self, container: QWidget) -> None:
        """Commit the fields inside `container` (before it is replaced)."""
        for binding in list(self._bindings.values()):
            if binding.dirty and container.isAncestorOf(binding.widget):
                self.commit(binding)

    def commit(self, binding: Binding) -> None:
        """Store what the field shows (at once, or as soon as the store is free);
        the result arrives in `_write_stored` or `_write_refused`."""
        if self._quiet:
            return
        raw = _raw(binding)
        if binding.is_text and not binding.dirty:
            return
        unchanged = not binding.is_text and raw == binding.value
        if unchanged and not self.writes.has_pending_commit(binding.key):
            return  # nothing changed (the periodic commit passes every combo box)
        binding.dirty = False
        if (
            binding.is_text
            and raw == binding.text
            and not self.writes.has_pending_commit(binding.key)
        ):
            binding.drafted = None
            self._set_refusal(binding, "")
            self._submit(Write(binding.key, WriteKind.DISCARD))
            return
        self._submit(Write(binding.key, WriteKind.COMMIT, raw, keep_as_draft=binding.is_text))

    def apply(self, key: Key, value: Any) -> None:
        """Store `value` as it is (undo/redo) and show it."""
        self._submit(Write(key, WriteKind.COMMIT, value, undoable=False))

    def _submit(self, write: Write) -> None:
        self.writes.submit(write)
        binding = self._bindings.get(write.key)
        if binding is not None:
            pending = write.key in self.writes.pending_keys()
            self._set_waiting(binding, self.writes.waiting and pending)

    def _write_stored(self, write: Write, stored: Any) -> None:
        binding = self._bindings.get(write.key)
        if write.kind is not WriteKind.COMMIT:
            if binding is not None and not self.writes.pending_value(write.key)[0]:
                self._set_waiting(binding, False)
            return
        if binding is None:
            self.committed.emit(write.key)
            return
        old = binding.value
        still_shown = _raw(binding) == write.value or not write.undoable
        self._set_refusal(binding, "")
        if not self.writes.pending_value(write.key)[0]:
            self._set_waiting(binding, False)
        binding.drafted = None
        if still_shown:
            binding.dirty = False
            self._stored(binding, stored)
        else:  # typed on while the store was busy: keep the newer text in the field
            binding.value, binding.text = stored, display(*_entity_name(binding), stored)
        if not write.undoable:
            self.committed.emit(write.key)
        elif stored != old:
            label = self.tr("Edit %s") % write.key[2]
            self.undo_stack.push(_Commit(self, write.key, old, stored, label))
            self.committed.emit(write.key)

    def _write_refused(self, write: Write, error: CardError) -> None:
        binding = self._bindings.get(write.key)
        text = as_sentence(translate(error.message))  # shown alone, under the field
        if binding is not None:
            binding.dirty = binding.is_text  # typed text stays to be corrected and committed
            binding.drafted = write.value if write.keep_as_draft else binding.drafted
            self._set_refusal(binding, text)
        self.failed.emit(write.key, text)

    def _stored(self, binding: Binding, value: Any) -> None:
        entity, _row, name = binding.key
        binding.value = value
        binding.text = display(entity, name, value)
        self._show(binding, binding.text)

    # --- a busy store --------------------------------------------------------

    def _store_waiting(self, waiting: bool) -> None:
        pending = self.writes.pending_keys()
        for binding in self._bindings.values():
            self._set_waiting(binding, waiting and binding.key in pending)
        self.store_busy_changed.emit(waiting)

    def is_waiting(self) -> bool:
        """Edits of this card wait for a store that another program holds."""
        return self.writes.waiting

    # --- widgets -------------------------------------------------------------

    def _show(self, binding: Binding, text_or_value: Any, pending: bool = False) -> None:
        widget = binding.widget
        self._quiet = True
        try:
            if isinstance(widget, QLineEdit):
                show_start(widget, text_or_value)  # a long value shows its beginning
            elif isinstance(widget, QPlainTextEdit):
                if _raw(binding) != text_or_value:
                    widget.setPlainText(text_or_value)
            elif isinstance(widget, QComboBox):
                select_data(widget, text_or_value if pending else binding.value)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(text_or_value if pending else binding.value))
        finally:
            self._quiet = False

    def _set_refusal(self, binding: Binding, text: str) -> None:
        binding.refusal = text
        self._show_note(binding)

    def _set_waiting(self, binding: Binding, waiting: bool) -> None:
        if binding.waiting != waiting:
            binding.waiting = waiting
            self._show_note(binding)

    def _show_note(self, binding: Binding) -> None:
        """Next to the field: why it was refused, else that it waits for a busy store."""
        waiting = "" if binding.refusal else self._waiting_text() if binding.waiting else ""
        text = binding.refusal or waiting
        binding.widget.setProperty("invalid", bool(binding.refusal))
        binding.widget.setToolTip(text)
        if binding.error is not None:
            binding.error.setStyleSheet(WAITING_STYLE if waiting else ERROR_STYLE)
            binding.error.setText(text)
            binding.error.setVisible(bool(text))

    def _waiting_text(self) -> str:
        return self.tr(
            "The database is busy with another program — your changes will be saved as soon "
            "as it is free."
        )

    def _forget(self, binding: Binding) -> None:
        if self._bindings.get(binding.key) is binding:
            del self._bindings[binding.key]
        self._by_widget.pop(binding.widget, None)


def _entity_name(binding: Binding) -> tuple[Entity, str]:
    entity, _row, name = binding.key
    return entity, name


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
