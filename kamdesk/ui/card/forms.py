"""Building bound forms quickly: a caption, an input, and the input's error line."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.card import Entity
from kamdesk.ui import labels
from kamdesk.ui.card.binder import FieldBinder
from kamdesk.ui.card.widgets import MIN_LINES, DateField, NotesEdit, error_label

CAPTION_WIDTH = 190  # a longer caption wraps, so one long caption does not push a column aside


def enum_combo(enum_cls: type[StrEnum], parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("—", None)
    for member, text in labels.choices(enum_cls):
        combo.addItem(text, str(member))
        description = labels.description(member)
        if description:
            combo.setItemData(combo.count() - 1, description, role=3)  # ToolTipRole
    return combo


class BoundForm(QWidget):
    """A two-column form whose inputs are bound to fields of one row."""

    def __init__(
        self,
        binder: FieldBinder,
        entity: Entity,
        row_key: uuid.UUID,
        values: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.binder = binder
        self.entity = entity
        self.row_key = row_key
        self.values = values
        self.inputs: dict[str, QWidget] = {}
        self.captions: list[QLabel] = []
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def _add(
        self, name: str, caption: str, widget: QWidget, placeholder: str = "",
        shown: QWidget | None = None,
    ) -> QWidget:  # fmt: skip
        """Bind `widget` to the field; `shown` (holding `widget`) goes in the form instead."""
        widget.setObjectName(f"field_{self.entity}_{name}")
        if placeholder and isinstance(widget, QLineEdit | NotesEdit):
            widget.setPlaceholderText(placeholder)
        error = error_label()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(shown or widget)
        column.addWidget(error)
        caption_label = QLabel(caption)
        caption_label.setObjectName("fieldCaption")
        if caption_label.fontMetrics().horizontalAdvance(caption) > CAPTION_WIDTH:
            caption_label.setWordWrap(True)  # only then: Qt wraps a wrapping label early
            caption_label.setFixedWidth(CAPTION_WIDTH)
        self.captions.append(caption_label)
        self.form.addRow(caption_label, box)
        self.binder.bind(widget, self.entity, self.row_key, name, self.values.get(name), error)
        self.inputs[name] = widget
        return widget

    def line(self, name: str, caption: str, placeholder: str = "") -> QLineEdit:
        widget = QLineEdit()
        self._add(name, caption, widget, placeholder)
        return widget

    def date(self, name: str, caption: str) -> DateField:
        """A date typed as дд.мм.гггг, with a calendar button beside it."""
        widget = DateField()
        widget.setObjectName(f"date_{self.entity}_{name}")
        self._add(name, caption, widget.line, self.tr("dd.mm.yyyy"), shown=widget)
        return widget

    def notes(
        self, name: str, caption: str, placeholder: str = "", lines: int = MIN_LINES
    ) -> NotesEdit:
        """A box `lines` lines tall when empty, growing with its text (NotesEdit)."""
        widget = NotesEdit(min_lines=lines)
        self._add(name, caption, widget, placeholder)
        return widget

    def choice(self, name: str, caption: str, enum_cls: type[StrEnum]) -> QComboBox:
        widget = enum_combo(enum_cls)
        self._add(name, caption, widget)
        return widget

    def items(self, name: str, caption: str, options: list[tuple[str, Any]]) -> QComboBox:
        widget = QComboBox()
        for text, data in options:
            widget.addItem(text, data)
        self._add(name, caption, widget)
        return widget

    def check(self, name: str, caption: str, text: str = "") -> QCheckBox:
        widget = QCheckBox(text)
        self._add(name, caption, widget)
        return widget

    def note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("mutedNote")
        label.setWordWrap(True)
        self.form.addRow(label)
        return label


def align_captions(*forms: BoundForm) -> None:
    """Forms stacked in one column start their fields at the same place."""
    captions = [label for form in forms for label in form.captions]
    width = max((label.sizeHint().width() for label in captions), default=0)
    for label in captions:
        label.setMinimumWidth(width)


Translate = Callable[[str], str]
