"""Sales by month as bars with a value axis, drawn with QPainter (no QtCharts in Essentials).

The last 12 complete months, oldest first, each labelled with its month (and the
year under January and the first bar); the current month after them, lighter and
outlined, as it is still coming in. The axis on the left is in roubles with round
steps; hovering a bar shows its month and amount. With no sales at all the chart says
so instead of drawing an axis with no meaning.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from kamdesk.services import formatting
from kamdesk.ui.formatting import format_money, language

BAR = QColor("#1565c0")
PARTIAL = QColor("#90caf9")
AXIS = QColor("#b0bec5")
GRID = QColor("#eceff1")
TEXT = QColor("#546e7a")
AXIS_WIDTH = 64  # the value labels' column
LABELS_HEIGHT = 28  # month and year under the bars
TICKS = 4


def nice_step(peak: float, ticks: int = TICKS) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) that fits `peak` in about `ticks` steps."""
    if peak <= 0:
        return 1.0
    raw = peak / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


class SalesChart(QWidget):
    def __init__(
        self,
        months: list[tuple[date, Decimal]],
        current: tuple[date, Decimal] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("salesChart")
        self.months = months
        self.current = current if current and current[0] != date.min else None
        self.setMinimumSize(QSize(320, 150))
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(460, 180)

    def bars(self) -> list[tuple[date, Decimal, bool]]:
        """(month, amount, partial) of every bar, left to right."""
        shown = [(m, a, False) for m, a in self.months]
        if self.current is not None:
            shown.append((self.current[0], self.current[1], True))
        return shown

    def has_sales(self) -> bool:
        return any(amount > 0 for _month, amount, _partial in self.bars())

    def _area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(AXIS_WIDTH, 12, -4, -LABELS_HEIGHT)

    def _scale(self) -> tuple[float, float]:
        """(step, top) of the value axis."""
        peak = max((float(a) for _m, a, _p in self.bars()), default=0.0)
        step = nice_step(peak)
        return step, step * max(1, math.ceil(peak / step))

    def bar_at(self, x: float) -> int | None:
        area, count = self._area(), len(self.bars())
        if not count or not area.left() <= x <= area.right():
            return None
        return min(count - 1, int((x - area.left()) / (area.width() / count)))

    def bar_text(self, index: int) -> str:
        month, amount, partial = self.bars()[index]
        name = QLocale().standaloneMonthName(month.month, QLocale.FormatType.LongFormat)
        label = f"{name} {month.year}"
        if partial:
            return (
                self.tr("%1, so far: %2").replace("%1", label).replace("%2", format_money(amount))
            )
        return f"{label}: {format_money(amount)}"

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.bar_text(index), self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._area()
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        painter.setFont(font)
        step, top = self._scale()
        lang = language()
        # No sales at all: an axis of «0 ₽ … 1 ₽» would invent a scale; the months stay.
        ticks = round(top / step) + 1 if self.has_sales() else 0
        if not ticks:
            painter.setPen(AXIS)
            painter.drawLine(area.bottomLeft(), area.bottomRight())
            painter.setPen(TEXT)
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter, self.tr("No sales in these months")
            )
        for tick in range(ticks):
            value = tick * step
            y = area.bottom() - area.height() * value / top
            painter.setPen(AXIS if tick == 0 else GRID)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(0, y - 8, AXIS_WIDTH - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                formatting.money_short(Decimal(str(value)), lang),
            )
        bars = self.bars()
        if not bars:
            painter.end()
            return
        width = area.width() / len(bars)
        names = month_names([month for month, _a, _p in bars], painter.fontMetrics(), width)
        year_room = painter.fontMetrics().horizontalAdvance("2026") + 4
        for index, (month, amount, partial) in enumerate(bars):
            left = area.left() + index * width
            height = area.height() * float(amount) / top
            bar = QRectF(left + width * 0.15, area.bottom() - height, width * 0.7, height)
            if partial:
                painter.fillRect(bar, PARTIAL)
                painter.setPen(QPen(BAR, 1, Qt.PenStyle.DashLine))
                painter.drawRect(bar)
            else:
                painter.fillRect(bar, BAR)
            painter.setPen(BAR if partial else TEXT)
            under = QRectF(left - width, area.bottom() + 1, width * 3, 13)  # centred on the bar
            painter.drawText(under, Qt.AlignmentFlag.AlignCenter, names[index])
            painter.setPen(TEXT)
            # The first bar's year is left out when the next bar's (January) would run into it.
            crowded = index + 1 < len(bars) and bars[index + 1][0].month == 1 and width < year_room
            if (index == 0 and not crowded) or month.month == 1:
                painter.drawText(
                    QRectF(left - width, area.bottom() + 13, width * 3, 13),
                    Qt.AlignmentFlag.AlignCenter,
                    str(month.year),
                )
        painter.end()


def month_names(months: list[date], metrics: QFontMetrics, width: float) -> list[str]:
    """The months under the bars: short names («февр», «сент»), or their first three
    letters («фев», «сен») when a name is wider than a bar (a narrow window), or those
    under every other bar, the last one included, when even they are; the tooltip
    names each month in full."""
    locale = QLocale()
    short = [
        locale.standaloneMonthName(m.month, QLocale.FormatType.ShortFormat).rstrip(".")
        for m in months
    ]
    three = [name[:3] for name in short]
    for names in (short, three):
        if all(metrics.horizontalAdvance(name) + 2 <= width for name in names):
            return names
    last = len(three) - 1
    return [name if (last - index) % 2 == 0 else "" for index, name in enumerate(three)]
