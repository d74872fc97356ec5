"""The search box and the filter buttons above the client list.

Each filter is a button with a menu of check boxes (several values can be
chosen: "Hospital" and "Pharmacy chain"); the button's text says what is
chosen. Every change emits `filter_changed` with a new `AccountFilter`;
`reset()` clears the search and every filter with one emission.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from enum import StrEnum

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

from kamdesk.services.accounts import (
    NO_CLASS,
    AccountFilter,
    AccountKind,
    AccountStatus,
    ClientType,
)
from kamdesk.ui import labels
from kamdesk.ui.flow_layout import FlowLayout

Option = tuple[Hashable, Callable[[], str]]  # a value and how to label it now
MAX_BUTTON_TEXT = 130  # px of a filter button's text; the rest is elided


class _StayOpenMenu(QMenu):
    """Ticking a box keeps the menu open, so several values can be chosen in one go."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class ChoiceFilterButton(QToolButton):
    """A multi-select filter: nothing ticked means "any"."""

    changed = Signal()

    def __init__(
        self,
        title: Callable[[], str],
        options: Sequence[Option],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._title = title
        self._options = list(options)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = _StayOpenMenu(self)
        self._actions: dict[Hashable, QAction] = {}
        for value, _label in self._options:
            action = QAction(menu)
            action.setCheckable(True)
            action.toggled.connect(self._on_toggled)
            menu.addAction(action)
            self._actions[value] = action
        menu.addSeparator()
        self._clear_action = menu.addAction("")
        self._clear_action.triggered.connect(self.clear)
        self.setMenu(menu)
        self._retranslate()

    def selected(self) -> frozenset[Hashable]:
        return frozenset(value for value, action in self._actions.items() if action.isChecked())

    def set_selected(self, values: set[Hashable] | frozenset[Hashable]) -> None:
        for value, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(value in values)
            action.blockSignals(False)
        self._on_toggled()

    def clear(self) -> None:
        self.set_selected(frozenset())

    def action_for(self, value: Hashable) -> QAction:
        return self._actions[value]

    def _on_toggled(self) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = [label() for value, label in self._options if self._actions[value].isChecked()]
        if not chosen:
            summary = self.tr("all")
        elif len(chosen) <= 2:
            summary = ", ".join(chosen)
        else:
            summary = self.tr("%n selected", "", len(chosen))
        text = f"{self._title()}: {summary}"
        # Long choices («ЛПУ / больница, Аптечная сеть») are elided, whole in the tooltip:
        # the filter row must not make the window wider than a 1366 px screen.
        metrics = self.fontMetrics()
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, MAX_BUTTON_TEXT)
        self.setText(shown)
        self.setToolTip(text if shown != text else "")
        self.setProperty("active", bool(chosen))  # the style sheet highlights active filters
        self.style().unpolish(self)
        self.style().polish(self)

    def _retranslate(self) -> None:
        for value, label in self._options:
            self._actions[value].setText(label())
        self._clear_action.setText(self.tr("Show all"))
        self._update_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _label_of(member: StrEnum) -> Callable[[], str]:
    return lambda: labels.label(member)


def _text_of(text: str) -> Callable[[], str]:
    return lambda: text


def _enum_options(enum_cls: type[StrEnum]) -> list[Option]:
    return [(member, _label_of(member)) for member in enum_cls]


# "Below N %" choices of the dossier filter (None: any completeness).
DOSSIER_THRESHOLDS: tuple[int | None, ...] = (None, 25, 50, 75, 100)


class AccountFilterBar(QWidget):
    """Search plus the four filters; emits the combined `AccountFilter`."""

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("accountSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.textChanged.connect(self._emit)

        self.kinds = ChoiceFilterButton(lambda: self.tr("Kind"), _enum_options(AccountKind), self)
        self.client_types = ChoiceFilterButton(
            lambda: self.tr("Client type"), _enum_options(ClientType), self
        )
        abc_options: list[Option] = [(abc, _text_of(abc)) for abc in labels.ABC_CLASSES]
        abc_options.append((NO_CLASS, labels.no_abc_class_label))
        self.abc_classes = ChoiceFilterButton(lambda: self.tr("ABC"), abc_options, self)
        self.statuses = ChoiceFilterButton(
            lambda: self.tr("Status"), _enum_options(AccountStatus), self
        )
        self._buttons = (self.kinds, self.client_types, self.abc_classes, self.statuses)
        self._resetting = False
        for button in self._buttons:
            button.setObjectName("filterButton")
            button.changed.connect(self._emit)

        self.dossier = QComboBox(self)
        self.dossier.setObjectName("dossierFilter")
        for threshold in DOSSIER_THRESHOLDS:
            self.dossier.addItem("", threshold)
        self.dossier.currentIndexChanged.connect(self._emit)
        self.show_archived = QCheckBox(self)
        self.show_archived.setObjectName("showArchived")
        self.show_archived.toggled.connect(self._emit)

        # The row wraps (search on the first line, the filters under it) rather than make
        # the window wider than a 1024 px laptop screen.
        layout = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        for button in self._buttons:
            layout.addWidget(button)
        layout.addWidget(self.dossier)
        layout.addWidget(self.show_archived)
        self._retranslate()

    def current_filter(self) -> AccountFilter:
        return AccountFilter(
            text=self.search.text(),
            kinds=frozenset(self.kinds.selected()),  # type: ignore[arg-type]
            client_types=frozenset(self.client_types.selected()),  # type: ignore[arg-type]
            abc_classes=frozenset(self.abc_classes.selected()),  # type: ignore[arg-type]
            statuses=frozenset(self.statuses.selected()),  # type: ignore[arg-type]
            dossier_below=self.dossier.currentData(),
            show_archived=self.show_archived.isChecked(),
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def reset(self) -> None:
        """Empty search, every filter on "all", archived hidden: the whole list, asked
        for once (not once per control cleared)."""
        self._resetting = True
        try:
            self.search.clear()
            for button in self._buttons:
                button.clear()
            self.dossier.setCurrentIndex(0)
            self.show_archived.setChecked(False)
        finally:
            self._resetting = False
        self._emit()

    def describe(self, account_filter: AccountFilter) -> list[str]:
        """What each filter of `account_filter` lets through, for the KAM to read
        («Больница / ЛПУ», «ABC: A, без класса», «Досье ниже 50 %»); the search text
        and "show archived" (which only widens the list) are not in it."""
        parts = [
            labels.label(member)
            for members, enum_cls in (
                (account_filter.kinds, AccountKind),
                (account_filter.client_types, ClientType),
            )
            for member in enum_cls
            if member in members
        ]
        if account_filter.abc_classes:
            classes = [c for c in labels.ABC_CLASSES if c in account_filter.abc_classes]
            if NO_CLASS in account_filter.abc_classes:
                classes.append(labels.no_abc_class_label())
            title = self.tr("ABC")
            parts.append(f"{title}: {', '.join(classes)}")
        parts.extend(
            labels.label(status) for status in AccountStatus if status in account_filter.statuses
        )
        if account_filter.dossier_below is not None:
            parts.append(self._dossier_text(account_filter.dossier_below))
        return parts

    def _emit(self) -> None:
        if not self._resetting:
            self.filter_changed.emit(self.current_filter())

    def _dossier_text(self, threshold: int | None) -> str:
        if threshold is None:
            return self.tr("Dossier: any")
        return self.tr("Dossier below %1 %").replace("%1", str(threshold))

    def _retranslate(self) -> None:
        for index, threshold in enumerate(DOSSIER_THRESHOLDS):
            self.dossier.setItemText(index, self._dossier_text(threshold))
        self.show_archived.setText(self.tr("Show archived"))
        self.search.setPlaceholderText(self.tr("Name, city, INN, contact surname or phone"))
        self.search.setToolTip(
            self.tr("Every word must match; case and ё/е do not matter (Ctrl+F)")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
