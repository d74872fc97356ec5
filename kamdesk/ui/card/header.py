"""The top of a card: who the client is, how it is classed, qualified and known."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.accounts import AccountStatus, ClientType
from kamdesk.services.card import CardData, Entity
from kamdesk.services.card.standing import Standing
from kamdesk.ui import colors, labels
from kamdesk.ui.card.binder import FieldBinder, translate
from kamdesk.ui.card.forms import enum_combo
from kamdesk.ui.card.hints import client_type_hint
from kamdesk.ui.card.standing import ComplaintBanner, StandingRows, xyz_text
from kamdesk.ui.card.widgets import error_label, muted
from kamdesk.ui.formatting import format_datetime, format_percent
from kamdesk.ui.line_text import hidden_text

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class NoteField(QLineEdit):
    """A one-line note that ends in «…» when it is cut and not being edited: the three P
    share one line at 1366×768, and a clipped word read as the whole note. The whole
    text shows on hover (kamdesk.ui.line_text.full_text_tip, set by the binder)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus() or not hidden_text(self):
            return
        # Where QLineEdit draws its text (its contents, the text margins, 2 px more).
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        area = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        area = area.marginsRemoved(self.textMargins())
        painter = QPainter(self)
        # All of the text's room is painted over: a narrower patch let the cut text's
        # last letter show after the «…».
        painter.fillRect(area, self.palette().color(QPalette.ColorRole.Base))
        area = area.adjusted(2, 1, -2, -1)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(area, int(_LEFT), shown)
        painter.end()


class CardHeader(QWidget):
    def __init__(
        self,
        data: CardData,
        binder: FieldBinder,
        parent: QWidget | None = None,
        standing: Standing | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardHeader")
        self._data = data
        self._standing = standing
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 6)
        layout.setSpacing(4)

        self.title = QLabel(data.name)
        self.title.setObjectName("summaryTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)

        self.facts = QLabel()
        self.facts.setObjectName("cardFacts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.set_next_visit(data.next_visit_at)
        layout.addWidget(self.facts)
        self.complaints = ComplaintBanner(self)
        self.complaints.set_complaints(standing.complaints if standing else [])
        layout.addWidget(self.complaints)
        if data.archived:
            banner = QLabel(
                self.tr("Merged into «%s» and archived.") % data.merged_into_name
                if data.merged_into_name
                else self.tr("This account is archived.")
            )
            banner.setStyleSheet("color: #c62828; font-weight: 600;")
            layout.addWidget(banner)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        # In the header from the start, so every widget added has a parent at once: one
        # shown (setVisible) before that would be a window of its own and take the focus.
        layout.addLayout(grid)
        self.client_type = enum_combo(ClientType)
        self.client_type.setObjectName("field_account_client_type")
        self.status = enum_combo(AccountStatus)
        self.status.setObjectName("field_account_status")
        binder.bind(
            self.client_type, Entity.ACCOUNT, data.id, "client_type", data.account["client_type"]
        )
        binder.bind(self.status, Entity.ACCOUNT, data.id, "status", data.account["status"])
        self.client_hint = muted(client_type_hint(data.client_type))
        self.client_type.currentIndexChanged.connect(self._client_type_changed)
        grid.addWidget(QLabel(self.tr("Client type")), 0, 0)
        grid.addWidget(self.client_type, 0, 1)
        grid.addWidget(self.client_hint, 0, 2, 1, 3)
        grid.addWidget(QLabel(self.tr("Status")), 1, 0)
        grid.addWidget(self.status, 1, 1)
        status_color = colors.STATUS_COLORS[data.status].name()
        self.status.setStyleSheet(f"QComboBox {{ color: {status_color}; }}")

        self.completeness = QProgressBar()
        self.completeness.setObjectName("dossierCompleteness")
        self.completeness.setRange(0, 100)
        self.completeness.setMaximumWidth(220)
        grid.addWidget(QLabel(self.tr("Dossier")), 1, 2)
        grid.addWidget(self.completeness, 1, 3)
        self.set_score(data.score, [translate(m) for m in data.missing])

        # The three P on one line, a tick and a note each: the header must leave room
        # for the tabs at 1366×768.
        three_p = QHBoxLayout()
        three_p.setSpacing(6)
        for flag, note in (
            ("qual_need", "qual_need_note"), ("qual_pay", "qual_pay_note"),
            ("qual_authority", "qual_authority_note"),
        ):  # fmt: skip
            key = flag.removeprefix("qual_")
            tick = QCheckBox(labels.qualification_label(key))
            tick.setObjectName(f"field_account_{flag}")
            binder.bind(tick, Entity.ACCOUNT, data.id, flag, data.account[flag])
            text = NoteField()
            text.setObjectName(f"field_account_{note}")
            text.setPlaceholderText(self.tr("why (a note)"))
            error = error_label()
            binder.bind(text, Entity.ACCOUNT, data.id, note, data.account[note], error)
            text.setCursorPosition(0)  # the start of the note, not its end, in a narrow field
            text.setToolTip(labels.qualification_label(key))
            three_p.addWidget(tick)
            three_p.addWidget(text, 1)
        grid.addLayout(three_p, 2, 0, 1, 5)
        self.standing = StandingRows(grid, 3, data, binder, standing, self.status, self.client_type)
        grid.setColumnStretch(4, 1)
        self.qualified = muted()
        layout.addWidget(self.qualified)
        self.update_qualification(
            all(data.account[f] for f in ("qual_need", "qual_pay", "qual_authority"))
        )

    def set_identity(self, data: CardData, next_visit: datetime | None) -> None:
        """Fresh card data after a stored edit: the name and the facts line follow it
        (name, kind, city, classes, owner, next visit); the fields below are the binder's."""
        self._data = data
        self.title.setText(data.name)
        self.set_next_visit(next_visit)

    def set_next_visit(self, when: datetime | None) -> None:
        """The facts line, with the next planned visit (it moves when one is planned)."""
        data = self._data
        facts = [labels.label(data.kind), data.account["city"]]
        if data.abc_class or data.xyz_class:
            reason = xyz_text(self._standing.xyz if self._standing else None)
            reason = f" ({escape(reason)})" if reason else ""
            facts.append(f"<b>{data.abc_class or ''}{data.xyz_class or ''}</b>{reason}")
        facts.append(self.tr("owner: %s") % (data.owner_name or "—"))
        visit = format_datetime(when) or self.tr("not planned")
        facts.append(self.tr("next visit: %s") % visit)
        self.facts.setText(" · ".join(f for f in facts if f))

    def set_standing(self, standing: Standing | None) -> None:
        """Fresh figures after an edit or elsewhere: complaints, key-client suggestion, XYZ."""
        self._standing = standing
        self.complaints.set_complaints(standing.complaints if standing else [])
        self.standing.set_standing(standing)

    def set_score(self, score: int, missing: list[str]) -> None:
        self.completeness.setValue(score)
        self.completeness.setFormat("%p %")
        self.completeness.setMinimumWidth(160)
        tip = (
            self.tr("Dossier complete: %1").replace("%1", format_percent(score))
            + "\n"
            + self.tr("Missing:")
            + "\n• "
            + "\n• ".join(missing)
            if missing
            else ""
        )
        self.completeness.setToolTip(tip)

    def update_qualification(self, qualified: bool) -> None:
        self.qualified.setText(
            self.tr("Qualified: need, ability to pay and authority are all confirmed")
            if qualified
            else self.tr("Not qualified yet: all three P are needed")
        )

    def _client_type_changed(self) -> None:
        value = self.client_type.currentData()
        self.client_hint.setText(client_type_hint(ClientType(value) if value else None))
