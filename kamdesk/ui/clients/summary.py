"""The read-only account summary opened from the client list.

What a KAM checks before calling or visiting (field guide §3): who the client
is, whether it is qualified (three P), how it buys (ABC/XYZ, sales, last
purchase), when we meet next, who decides (the DMU with role, influence,
attitude and psychotype), what happened lately, and who else courts it.
The editable dossier card replaces this widget in a later issue: the client
page only needs a QWidget built from an `AccountSummary`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.accounts import AccountSummary, Attitude, ContactLine, EventLine
from kamdesk.ui import colors, labels
from kamdesk.ui.formatting import (
    format_date,
    format_datetime,
    format_money,
    format_phone,
    format_share,
)
from kamdesk.ui.record_model import RecordColumn, RecordTableModel

EMPTY = "—"

ATTITUDE_COLORS = {
    Attitude.SUPPORTER: QColor("#2e7d32"),
    Attitude.OPPONENT: QColor("#c62828"),
}


def _or_dash(text: str | None) -> str:
    return text if text else EMPTY


def _influence(value: int | None) -> str:
    """Influence 1..5 as dots: ●●●○○."""
    if value is None:
        return ""
    value = max(0, min(5, value))
    return "●" * value + "○" * (5 - value)


def _value_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AccountSummaryView(QWidget):
    """Builds itself from an `AccountSummary`; rebuilt when the language changes."""

    def __init__(self, summary: AccountSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setObjectName("accountSummary")
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)
        self._build()

    def title(self) -> str:
        return self.summary.short_name or self.summary.name

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._build()
        super().changeEvent(event)

    # --- building -------------------------------------------------------------

    def _build(self) -> None:
        content = QWidget()
        content.setObjectName("summaryContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(self._header())
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(self._details(), 0, 0, top)
        grid.addWidget(self._visits(), 1, 0, top)
        grid.addWidget(self._sales(), 0, 1, top)
        grid.addWidget(self._qualification(), 1, 1, top)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addLayout(grid)
        layout.addWidget(self._contacts())
        layout.addWidget(self._events())
        layout.addWidget(self._competitors())
        layout.addStretch(1)
        old = self._scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self._scroll.setWidget(content)

    def _header(self) -> QWidget:
        s = self.summary
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        name = QLabel(s.name)
        name.setObjectName("summaryTitle")
        name.setWordWrap(True)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(name)
        status_color = colors.STATUS_COLORS[s.status].name()
        parts = [labels.label(s.kind)]
        if s.client_type is not None:
            parts.append(labels.label(s.client_type))
        parts.append(
            f'<span style="color:{status_color}; font-weight:600">{labels.label(s.status)}</span>'
        )
        if s.abc_class or s.xyz_class:
            parts.append(f"<b>{s.abc_class or ''}{s.xyz_class or ''}</b>")
        subtitle = QLabel(" · ".join(parts))
        subtitle.setObjectName("summarySubtitle")
        subtitle.setTextFormat(Qt.TextFormat.RichText)
        subtitle.setToolTip(labels.description(s.client_type))
        layout.addWidget(subtitle)
        return box

    def _form_box(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for caption, value in rows:
            caption_label = QLabel(caption)
            caption_label.setObjectName("fieldCaption")
            form.addRow(caption_label, _value_label(_or_dash(value)))
        return box

    def _details(self) -> QGroupBox:
        s = self.summary
        inn_kpp = " / ".join(part for part in (s.inn, s.kpp) if part)
        rows = [
            (self.tr("Short name"), s.short_name),
            (self.tr("Part of"), s.parent_name),
            (self.tr("INN / KPP"), inn_kpp),
            (self.tr("Region"), s.region),
            (self.tr("City"), s.city),
            (self.tr("Address"), s.address),
            (self.tr("Phone"), format_phone(s.phone)),
            (self.tr("E-mail"), s.email),
            (self.tr("Website"), s.website),
            (self.tr("Owner"), s.owner_name),
        ]
        return self._form_box(self.tr("Details"), rows)

    def _sales(self) -> QGroupBox:
        s = self.summary
        abc_xyz = f"{s.abc_class or ''}{s.xyz_class or ''}" or self.tr("no purchases in the period")
        return self._form_box(
            self.tr("Sales and classification"),
            [
                (self.tr("ABC/XYZ"), abc_xyz),
                (self.tr("Sales, 12 months"), format_money(s.sales_12m)),
                (self.tr("Share of the portfolio"), format_share(s.sales_share)),
                (self.tr("Last purchase"), format_date(s.last_purchase_on)),
            ],
        )

    def _qualification(self) -> QGroupBox:
        qualified = all(ok for ok, _note in self.summary.qualification.values())
        title = self.tr("Qualification (rule of three P)")
        box = QGroupBox(title)
        form = QFormLayout(box)
        for key in ("need", "pay", "authority"):
            ok, note = self.summary.qualification.get(key, (False, ""))
            mark = "✔" if ok else "✘"
            color = "#2e7d32" if ok else "#c62828"
            text = f'<span style="color:{color}">{mark}</span>'
            if note:
                text += f" {_escape(note)}"
            value = _value_label(text)
            value.setTextFormat(Qt.TextFormat.RichText)
            caption = QLabel(labels.qualification_label(key))
            caption.setObjectName("fieldCaption")
            form.addRow(caption, value)
        verdict = QLabel(
            self.tr("Qualified: need, ability to pay and authority are all confirmed")
            if qualified
            else self.tr("Not qualified yet: all three P are needed")
        )
        verdict.setWordWrap(True)
        verdict.setObjectName("mutedNote")
        form.addRow(verdict)
        return box

    def _visits(self) -> QGroupBox:
        s = self.summary
        return self._form_box(
            self.tr("Visits"),
            [
                (self.tr("Next visit"), format_datetime(s.next_visit_at) or self.tr("not planned")),
                (self.tr("Last visit"), format_datetime(s.last_visit_at)),
            ],
        )

    def _table_box(self, title: str, model: RecordTableModel, empty_text: str) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        if model.rowCount() == 0:
            empty = QLabel(empty_text)
            empty.setObjectName("mutedNote")
            layout.addWidget(empty)
            return box
        view = QTableView(box)
        view.setModel(model)
        model.setParent(view)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        for section in range(model.columnCount()):
            stretch = model.column(section).stretch
            mode = (
                QHeaderView.ResizeMode.Stretch
                if stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(section, mode)
        # Long text is elided in the stretching columns (full text in the tooltip),
        # so the table never needs a horizontal scroll bar that would hide a row.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The whole table shows at once; the page scrolls, not the table.
        rows_height = view.verticalHeader().defaultSectionSize() * model.rowCount()
        view.setFixedHeight(
            rows_height + view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth() + 2
        )
        layout.addWidget(view)
        return box

    def _contacts(self) -> QGroupBox:
        columns: list[RecordColumn[ContactLine]] = [
            RecordColumn(lambda: self.tr("Name"), lambda c: c.full_name),
            RecordColumn(
                lambda: self.tr("Position"),
                lambda c: c.position,
                tooltip=lambda c: c.position,
                stretch=True,
            ),
            RecordColumn(
                lambda: self.tr("Role in the decision"), lambda c: labels.label(c.dmu_role)
            ),
            RecordColumn(
                lambda: self.tr("Influence"),
                lambda c: _influence(c.influence),
                tooltip=lambda c: self.tr("%n of 5", "", c.influence) if c.influence else "",
            ),
            RecordColumn(
                lambda: self.tr("Attitude"),
                lambda c: labels.label(c.attitude),
                foreground=lambda c: ATTITUDE_COLORS.get(c.attitude) if c.attitude else None,
            ),
            RecordColumn(
                lambda: self.tr("Psychotype"),
                lambda c: labels.label(c.psychotype),
                tooltip=lambda c: labels.description(c.psychotype),
            ),
            RecordColumn(
                lambda: self.tr("KOL"),
                lambda c: "✔" if c.is_kol else "",
                tooltip=lambda c: self.tr("Key opinion leader") if c.is_kol else "",
                alignment=Qt.AlignmentFlag.AlignCenter,
            ),
            RecordColumn(lambda: self.tr("Phone"), lambda c: format_phone(c.phone)),
            RecordColumn(
                lambda: self.tr("E-mail"),
                lambda c: c.email,
                tooltip=lambda c: c.email,
                stretch=True,
            ),
        ]
        model = RecordTableModel(self.summary.contacts, columns)
        title = self.tr("Decision-making unit: %n contact(s)", "", len(self.summary.contacts))
        return self._table_box(title, model, self.tr("No contacts yet."))

    def _events(self) -> QGroupBox:
        columns: list[RecordColumn[EventLine]] = [
            RecordColumn(lambda: self.tr("Date"), lambda e: format_date(e.occurred_on)),
            RecordColumn(lambda: self.tr("Event"), lambda e: labels.label(e.kind)),
            RecordColumn(
                lambda: self.tr("Subject"),
                lambda e: e.subject,
                tooltip=lambda e: e.subject,
                stretch=True,
            ),
            RecordColumn(lambda: self.tr("Tender result"), lambda e: labels.label(e.tender_result)),
            RecordColumn(
                lambda: self.tr("Amount"),
                lambda e: format_money(e.amount) if e.amount is not None else "",
                alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            ),
        ]
        model = RecordTableModel(self.summary.events, columns)
        return self._table_box(
            self.tr("Relationship history (latest first)"),
            model,
            self.tr("No deliveries, tenders or agreements recorded yet."),
        )

    def _competitors(self) -> QGroupBox:
        box = QGroupBox(self.tr("Competitors"))
        layout = QVBoxLayout(box)
        if self.summary.competitors:
            text = _value_label(", ".join(self.summary.competitors))
        else:
            text = QLabel(self.tr("No competitors recorded."))
            text.setObjectName("mutedNote")
        layout.addWidget(text)
        return box


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
