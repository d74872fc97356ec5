"""Twelve months of sales as small bars, drawn with QPainter (no QtCharts in Essentials)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kamdesk.ui.formatting import format_money

BAR = QColor("#1565c0")
AXIS = QColor("#b0bec5")
TEXT = QColor("#546e7a")


class SalesChart(QWidget):
    def __init__(self, months: list[tuple[date, Decimal]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salesChart")
        self.months = months
        self.setMinimumSize(QSize(300, 120))
        peak = max((amount for _m, amount in months), default=Decimal(0))
        self.setToolTip(
            "\n".join(f"{m.strftime('%m.%Y')}: {format_money(amount)}" for m, amount in months)
            if peak
            else ""
        )

    def sizeHint(self) -> QSize:
        return QSize(420, 140)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(4, 4, -4, -18)
        peak = max((float(a) for _m, a in self.months), default=0.0)
        painter.setPen(AXIS)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.months:
            return
        step = area.width() / len(self.months)
        font = painter.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() - 2))
        painter.setFont(font)
        for index, (month, amount) in enumerate(self.months):
            left = area.left() + index * step + step * 0.15
            height = 0.0 if peak == 0 else area.height() * float(amount) / peak
            painter.fillRect(QRectF(left, area.bottom() - height, step * 0.7, height), BAR)
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(area.left() + index * step, area.bottom() + 2, step, 14),
                Qt.AlignmentFlag.AlignCenter,
                month.strftime("%m"),
            )
        painter.end()
