"""The decision-making map drawn from `dmu_layout`: drag people, the places are kept."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.card import DmuLayout, DmuNode
from kamdesk.services.card.dmu import NODE_HEIGHT, NODE_WIDTH
from kamdesk.ui import labels
from kamdesk.ui.card.binder import translate

COLUMN_TITLE = QColor("#37474f")
GRID = QColor("#eceff1")
EDGE = QColor("#78909c")


class PersonItem(QGraphicsObject):
    """One person: a rounded box coloured by attitude, with name, position and role."""

    moved = Signal(object, float, float)  # contact id, new top-left x, y

    def __init__(self, node: DmuNode) -> None:
        super().__init__()
        self.node = node
        self.setPos(node.x, node.y)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(
            "\n".join(
                part
                for part in (
                    node.title,
                    node.subtitle,
                    labels.label(node.role),
                    labels.label(node.attitude),
                    labels.label(node.psychotype),
                )
                if part
            )
        )
        self.edges: list[tuple[QGraphicsLineItem, bool]] = []  # (line, this is its start)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, NODE_WIDTH, NODE_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: Any = None
    ) -> None:
        node = self.node
        pen = QPen(QColor(node.border), 2)
        if node.attitude is None:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(node.fill)))
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 6, 6)
        painter.setPen(QColor("#212121"))
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        inner = self.boundingRect().adjusted(6, 3, -6, -3)
        title = node.title + (" ★" if node.is_kol else "")
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        font.setBold(False)
        font.setPointSizeF(max(6.5, font.pointSizeF() - 1.5))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        position = metrics.elidedText(
            node.subtitle, Qt.TextElideMode.ElideRight, int(inner.width())
        )
        painter.drawText(inner.adjusted(0, 17, 0, 0), Qt.AlignmentFlag.AlignLeft, position)
        dots = "●" * (node.influence or 0) + "○" * (5 - (node.influence or 0))
        psycho = labels.label(node.psychotype)
        painter.setPen(QColor("#546e7a"))
        footer = metrics.elidedText(
            f"{dots}  {psycho}", Qt.TextElideMode.ElideRight, int(inner.width())
        )
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, footer)

    def centre(self) -> QPointF:
        return self.pos() + QPointF(NODE_WIDTH / 2, NODE_HEIGHT / 2)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for line, starts_here in self.edges:
                other = line.line()
                if starts_here:
                    line.setLine(self.centre().x(), self.centre().y(), other.x2(), other.y2())
                else:
                    line.setLine(other.x1(), other.y1(), self.centre().x(), self.centre().y())
        return super().itemChange(change, value)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if (self.pos().x(), self.pos().y()) != (self.node.x, self.node.y):
            self.moved.emit(self.node.contact_id, self.pos().x(), self.pos().y())


class DmuMap(QWidget):
    person_moved = Signal(object, float, float)
    reset_requested = Signal()
    person_activated = Signal(object)

    def __init__(self, layout_plan: DmuLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setObjectName("dmuMap")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setBackgroundBrush(QColor("white"))
        self.items: dict[uuid.UUID, PersonItem] = {}
        self._draw(layout_plan)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        top = QHBoxLayout()
        legend = QLabel(
            self.tr(
                "Columns: role · height: influence · colour: "
                '<span style="color:#2e7d32">supporter</span>, '
                '<span style="color:#757575">neutral</span>, '
                '<span style="color:#c62828">opponent</span>, dashed: unknown · '
                "lines: reports to · ★ opinion leader. Drag people to arrange them."
            )
        )
        legend.setObjectName("mutedNote")
        legend.setWordWrap(True)
        top.addWidget(legend, 1)
        reset = QPushButton(self.tr("Automatic layout"))
        reset.clicked.connect(self.reset_requested)
        top.addWidget(reset)
        column.addLayout(top)
        column.addWidget(self.view, 1)
        self.gaps = QLabel()
        self.gaps.setObjectName("dmuGaps")
        self.gaps.setWordWrap(True)
        column.addWidget(self.gaps)
        self._show_gaps(layout_plan)

    def set_layout(self, plan: DmuLayout) -> None:
        """Draw the map anew (a person's role, influence or attitude was edited); not
        while a person is being dragged: the drop stores its place and draws again."""
        if self.scene.mouseGrabberItem() is not None:
            return
        self.scene.clear()
        self.items.clear()
        self._draw(plan)
        self._show_gaps(plan)
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def _show_gaps(self, plan: DmuLayout) -> None:
        gaps = [translate(g) for g in plan.gaps]
        self.gaps.setText(
            self.tr("Gaps: %s") % "; ".join(gaps) if gaps else self.tr("No gaps in the map.")
        )
        self.gaps.setStyleSheet("color: #b26a00;" if gaps else "")

    def _draw(self, plan: DmuLayout) -> None:
        scene = self.scene
        scene.setSceneRect(0, 0, plan.width, plan.height)
        title_font = QFont()
        title_font.setBold(True)
        for index, column in enumerate(plan.columns):
            if index % 2 == 0:
                scene.addRect(
                    QRectF(column.x, 0, column.width, plan.height), QPen(Qt.PenStyle.NoPen), GRID
                )
            text = labels.label(column.role) if column.role else self.tr("Role unknown")
            title = scene.addText(text, title_font)
            title.setDefaultTextColor(COLUMN_TITLE)
            title.setTextWidth(column.width - 8)
            title.setPos(column.x + 4, 6)
        for node in plan.nodes:
            item = PersonItem(node)
            item.moved.connect(self.person_moved)
            scene.addItem(item)
            item.setZValue(2)
            self.items[node.contact_id] = item
        for person, boss in plan.edges:
            start, end = self.items[person].centre(), self.items[boss].centre()
            line = scene.addLine(start.x(), start.y(), end.x(), end.y(), QPen(EDGE, 1.5))
            line.setZValue(1)
            self.items[person].edges.append((line, True))
            self.items[boss].edges.append((line, False))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
