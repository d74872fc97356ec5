"""Starting column widths that never cut a column's header text.

A width chosen in pixels for English text is too narrow for its Russian header
(«Ответственный», «ABC/XYZ»): each narrow column gets at least the room its
header text asks for, so a KAM reads every header at 1366 px. The sort arrow's
room goes only to the column the list is sorted by; giving it to every column
would take some 30 px each from the elastic name column. In a narrow window
(1024 px) the elastic column keeps a readable width (`StretchFloor`) and the
list scrolls sideways instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView

Section = TypeVar("Section", bound=int)  # a column enum or a plain index


def header_text_width(header: QHeaderView, section: int) -> int:
    """The room a section's header text takes as painted (the style sheet's bold font
    and padding), with the sort arrow's room if the list is sorted by it."""
    header.ensurePolished()
    if not header.isSortIndicatorShown() or header.sortIndicatorSection() == section:
        return header.sectionSizeHint(section)
    # Qt counts the arrow in every section's hint while arrows are shown.
    header.blockSignals(True)
    header.setSortIndicatorShown(False)
    width = header.sectionSizeHint(section)
    header.setSortIndicatorShown(True)
    header.blockSignals(False)
    return width


def fit_sections(header: QHeaderView, widths: Mapping[Section, int]) -> None:
    """Size each section to its starting width, or wider if its header text needs it;
    from then on the column the list gets sorted by is widened for its arrow."""
    for section, width in widths.items():
        header.resizeSection(section, max(width, header_text_width(header, section)))
    sections = [int(section) for section in widths]
    header.sortIndicatorChanged.connect(
        lambda section, _order: widen_cut_sections(header, [section] if section in sections else [])
    )


def widen_cut_sections(header: QHeaderView, sections: Iterable[int]) -> None:
    """Widen a section whose header text is cut (a new language, a sort arrow) and
    leave the others, perhaps widened by the user, as they are."""
    for section in sections:
        needed = header_text_width(header, section)
        if header.sectionSize(section) < needed:
            header.resizeSection(section, needed)


class StretchFloor(QObject):
    """The list's stretching column (a client's name) keeps at least `minimum` px.

    Qt shrinks a stretching column to a few letters when the other columns take the
    width, as in a 1024 px window («АО «Мно…«Вита»»). Below `minimum` the column stops
    stretching and keeps `minimum` (or what the user dragged it to), and the list
    scrolls sideways to its other columns; with room again it stretches again."""

    def __init__(self, header: QHeaderView, section: int, minimum: int) -> None:
        super().__init__(header)
        self._header, self._section, self._minimum = header, section, minimum
        # Checked once the header has finished resizing its sections (a mode changed in
        # the middle of Qt's own pass would be undone by it).
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(0)
        self._check.timeout.connect(self.apply)
        header.installEventFilter(self)
        header.sectionResized.connect(self._resized)
        header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._header and event.type() == QEvent.Type.Resize:
            self._check.start()
        return False

    def _resized(self, section: int, _old: int, _new: int) -> None:
        if section != self._section:
            self._check.start()

    def apply(self) -> None:
        header, section = self._header, self._section
        others = sum(
            header.sectionSize(s)
            for s in range(header.count())
            if s != section and not header.isSectionHidden(s)
        )
        stretching = header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch
        if header.viewport().width() - others >= self._minimum:
            if not stretching:
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        elif stretching or header.sectionSize(section) < self._minimum:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(section, self._minimum)
