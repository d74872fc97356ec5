"""The page a section shows until it is built: what will be there, nothing fake."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kamdesk.ui import sections
from kamdesk.ui.sections import SectionKey


class ComingPage(QWidget):
    def __init__(self, key: SectionKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("comingPage")
        self._title = QLabel(self)
        self._title.setObjectName("pageTitle")
        self._badge = QLabel(self)
        self._badge.setObjectName("comingBadge")
        self._headline = QLabel(self)
        self._headline.setWordWrap(True)
        self._headline.setObjectName("comingHeadline")
        self._points = QLabel(self)
        self._points.setWordWrap(True)
        self._points.setTextFormat(Qt.TextFormat.RichText)
        self._points.setObjectName("comingPoints")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        layout.addWidget(self._title)
        layout.addWidget(self._badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(6)
        layout.addWidget(self._headline)
        layout.addWidget(self._points)
        layout.addStretch(1)
        self._retranslate()

    def _retranslate(self) -> None:
        headline, points = sections.coming_text(self.key)
        self._title.setText(sections.title(self.key))
        self._badge.setText(self.tr("Coming in a later version"))
        self._headline.setText(headline)
        items = "".join(f"<li style='margin-bottom:6px'>{point}</li>" for point in points)
        self._points.setText(f"<ul style='margin-left:-20px'>{items}</ul>")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
