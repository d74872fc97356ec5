"""What the client list says when a search or a filter leaves it empty.

A panel laid over the table's viewport (the header stays, so the KAM still sees
which list this is): what was searched for, which filters are on, and a button
that clears them all. It replaces nothing in the model: the list is simply
empty, and the panel is shown or hidden when a query's first page arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QPushButton, QVBoxLayout, QWidget


class NoMatchesPanel(QWidget):
    """Over `view`'s viewport; `reset_requested` when the KAM asks for the whole list."""

    reset_requested = Signal()

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self.setObjectName("noMatchesPanel")
        self._view = view
        self.title = self._label("noMatchesTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.filters = self._label("noMatchesFilters")
        self.hint = self._label("mutedNote")
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetSearchButton")
        # Enter on the focused button clears too (outside a dialog Qt only takes Space).
        self.reset_button.setAutoDefault(True)
        self.reset_button.clicked.connect(self.reset_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(8)
        layout.addStretch(1)
        for label in (self.title, self.filters, self.hint):
            layout.addWidget(label)  # the whole width, text centred: wraps only if narrow
        layout.addSpacing(6)
        layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        view.viewport().installEventFilter(self)
        self.hide()
        self._retranslate()

    def show_for(self, typed: str, filters: list[str]) -> None:
        """Say that nothing matches `typed` (may be empty) with the `filters` on (what
        each one lets through, e.g. «Больница / ЛПУ», «ABC: A»)."""
        typed = " ".join(typed.split())
        chosen = ", ".join(filters)
        if typed:
            title = self.tr("Nothing found for “{text}”").format(text=typed)
            narrowed = (
                self.tr("with the filter: {filters}", "", len(filters)).format(filters=chosen)
                if filters
                else ""
            )
            hint = self.tr(
                "Check the spelling, or search by another word of the name, the city, "
                "the INN, a contact's surname or a phone number."
            )
        else:
            title = self.tr("No accounts with the filter: {filters}", "", len(filters)).format(
                filters=chosen
            )
            narrowed = ""
            hint = self.tr("Untick some of the filter values, or clear them all.")
        for label, text in ((self.title, title), (self.filters, narrowed), (self.hint, hint)):
            label.setText(text)
            label.setVisible(bool(text))
        self._follow_viewport()
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only the viewport is watched. Its own geometry, not self._view's: the view
        # may be half destroyed when its viewport's last events come.
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and isinstance(watched, QWidget):
            self.setGeometry(watched.geometry())
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        # What was typed is shown as typed: «<b>» stays text.
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return label

    def _follow_viewport(self) -> None:
        self.setGeometry(self._view.viewport().geometry())

    def _retranslate(self) -> None:
        self.reset_button.setText(self.tr("Clear search and filters"))
        self.reset_button.setToolTip(self.tr("Show every account again"))
