"""How one contact reads in the card's list: the name in bold, the role smaller and
muted under it, a rule below, so two lines read as one person and not as two."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

ROLE_ROLE = Qt.ItemDataRole.UserRole + 1  # the contact's DMU role or position
_PAD = 6

AnyIndex = QModelIndex | QPersistentModelIndex


def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
    bold = QFont(option.font)
    bold.setBold(True)
    small = QFont(option.font)
    small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
    return bold, small


class ContactDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        bold, small = _fonts(option)
        height = QFontMetrics(bold).height() + 2 * _PAD + 1
        if index.data(ROLE_ROLE):
            height += QFontMetrics(small).height() + 2
        return QSize(super().sizeHint(option, index).width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # The background and selection as the style draws them, without its text.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        widget = plain.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        bold, small = _fonts(option)
        painter.save()
        inner = rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        name_height = QFontMetrics(bold).height()
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        name = QFontMetrics(bold).elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            inner.width(),
        )
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), name_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            name,
        )
        role = str(index.data(ROLE_ROLE) or "")
        if role:
            painter.setFont(small)
            muted = palette.color(text_role if selected else QPalette.ColorRole.PlaceholderText)
            painter.setPen(muted)
            role = QFontMetrics(small).elidedText(role, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(
                QRect(inner.left(), inner.top() + name_height + 2, inner.width(), inner.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                role,
            )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()
