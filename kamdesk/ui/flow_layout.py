"""A row of widgets that wraps onto a second line when the window is too narrow for it.

The filter row above a list holds a search box and several filter buttons: in one line
at 1366 px, it would make the window wider than a 1024 px laptop screen. `FlowLayout`
puts its widgets left to right in their preferred widths and starts a new line when
the next one does not fit; on each line the widgets that may grow (a search box with
an Expanding horizontal policy) share what is left of the line. The layout's height
follows its width (height-for-width), so the list below moves down by one line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)

    # --- QLayout's items ------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # --- sizes ----------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        """Everything in one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self.spacing() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """One widget a line: as narrow as the widest widget can be."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    # --- placing ----------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            wanted = min(item.sizeHint().width(), width)
            if lines and used + self.spacing() + wanted <= width:
                lines[-1].append(item)
                used += self.spacing() + wanted
            else:
                lines.append([item])
                used = wanted
        return lines

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in `rect` (when `move`); returns the height they take."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        width = max(1, area.width())
        y = area.y()
        for number, line in enumerate(self._lines(width)):
            if number:
                y += self.spacing()
            widths = [max(min(i.sizeHint().width(), width), i.minimumSize().width()) for i in line]
            growing = [
                index
                for index, item in enumerate(line)
                if item.expandingDirections() & Qt.Orientation.Horizontal
            ]
            spare = width - sum(widths) - self.spacing() * (len(line) - 1)
            for order, index in enumerate(growing):
                share = spare // len(growing) + (1 if order < spare % len(growing) else 0)
                widths[index] += max(0, share)
            height = max(item.sizeHint().height() for item in line)
            x = area.x()
            for item, item_width in zip(line, widths, strict=True):
                if move:
                    item_height = min(height, item.maximumSize().height())
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(item_width, item_height)))
                x += item_width + self.spacing()
            y += height
        return y - area.y() + margins.top() + margins.bottom()
