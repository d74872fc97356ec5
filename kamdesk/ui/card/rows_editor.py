"""A list of rows (history events, competitors) with a form for the selected one."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ROW_ID_ROLE = 256  # Qt.UserRole


class RowsEditor(QWidget):
    """Left: the rows, newest or alphabetical; right: the form `make_form` builds."""

    remove_requested = Signal(object)  # the row id

    def __init__(
        self,
        rows: list[Any],
        caption: Callable[[Any], str],
        make_form: Callable[[Any], QWidget],
        add_form: QWidget,
        parent: QWidget | None = None,
        before_switch: Callable[[QWidget], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._before_switch = before_switch
        self._rows = {row.id: row for row in rows}
        self._make_form = make_form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(add_form)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        for row in rows:
            item = QListWidgetItem(caption(row))
            item.setData(ROW_ID_ROLE, row.id)
            item.setToolTip(caption(row))
            self.list.addItem(item)
        left.addWidget(self.list)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setEnabled(False)
        self.remove.clicked.connect(self._remove)
        left.addWidget(self.remove)
        left.addStretch(1)  # the list at the top, beside the form's first fields
        body.addLayout(left, 2)
        self._form_holder = QVBoxLayout()
        body.addLayout(self._form_holder, 3)
        layout.addLayout(body)
        self._form: QWidget | None = None
        self.list.currentItemChanged.connect(self._selected)
        self.list.setMaximumHeight(220)

    def select(self, row_id: uuid.UUID) -> None:
        for index in range(self.list.count()):
            if self.list.item(index).data(ROW_ID_ROLE) == row_id:
                self.list.setCurrentRow(index)

    def _selected(self, item: QListWidgetItem | None) -> None:
        if self._form is not None:
            if self._before_switch is not None:
                self._before_switch(self._form)
            self._form_holder.removeWidget(self._form)
            self._form.hide()
            self._form.deleteLater()
            self._form = None
        self.remove.setEnabled(item is not None)
        if item is None:
            return
        self._form = self._make_form(self._rows[item.data(ROW_ID_ROLE)])
        self._form_holder.addWidget(self._form)

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.remove_requested.emit(item.data(ROW_ID_ROLE))
