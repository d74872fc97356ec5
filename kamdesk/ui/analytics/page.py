"""The «Аналитика» section: the key clients of the KAM's portfolio (field guide §2).

The «Ключевые клиенты» block lists the key group — accounts bringing 10 % of the
sales or more, those the KAM called key, and those given a key-client type that
bought in the period; then, not counted, the typed ones with no sales — with each one's share
and revenue over the analysis window (a chain with its pharmacies), then the
group's combined share with its verdict against the usual 30–55%, and the
warnings in the guide's order: mono-dependence above 75 % (the group first, then
a single client) and a Кормилец whose figures do not bear the type out.
The figures (kamdesk.services.key_clients) are worked out on the TaskRunner; the
page only shows them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.account_status import month_end
from kamdesk.services.key_clients import ClientShare, GroupShare, KeyClientFigures
from kamdesk.services.sync_status import enrolled_user_id
from kamdesk.ui import labels
from kamdesk.ui.formatting import format_date, format_money, format_share, language
from kamdesk.ui.offers.common import message_text
from kamdesk.ui.record_model import RecordColumn, RecordTableModel
from kamdesk.ui.tasks import TaskRunner
from kamdesk.vocabulary import AccountKind

if TYPE_CHECKING:
    from kamdesk.services.workspace import Workspace

RED = "#b3261e"
GREEN = "#1e7d32"
MUTED = "#6b6b6b"  # no sales: nothing to judge, not a warning
# Texts as literal translate("Context", "…") calls: lupdate extracts no helper's text.
translate = QCoreApplication.translate


def _share_tip(c: ClientShare) -> str:
    if not c.sold:
        return translate("Analytics", "No sales in the period: not counted in the key group")
    if c.key_by_share:
        return translate("Analytics", "10 % of your sales or more: key by definition")
    if c.key_client:
        return translate("Analytics", "Under 10 % of your sales: key by your own choice")
    return translate("Analytics", "Under 10 % of your sales: key by its type only")


def key_client_columns() -> list[RecordColumn[ClientShare]]:
    return [
        RecordColumn(lambda: translate("Analytics", "Client"), lambda c: c.name, stretch=True),
        RecordColumn(
            lambda: translate("Analytics", "Type"),
            lambda c: labels.label(c.client_type) if c.client_type else "—",
            tooltip=lambda c: (
                ""
                if c.client_type
                else translate("Analytics", "No client type given; key by your own choice")
                if c.key_client
                else translate("Analytics", "No client type given")
            ),
        ),
        RecordColumn(
            lambda: translate("Analytics", "Share of sales"),
            # A 0,0 % beside a key client read as a mistake: say there were no sales.
            lambda c: (
                format_share(float(c.share), 1)
                if c.sold
                else translate("Analytics", "no sales in the period")
            ),
            foreground=lambda c: (
                QColor(GREEN) if c.key_by_share else QColor(RED) if c.sold else QColor(MUTED)
            ),
            tooltip=_share_tip,
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ),
        RecordColumn(
            lambda: translate("Analytics", "Sales without VAT"),
            lambda c: format_money(c.revenue),
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ),
        RecordColumn(
            lambda: translate("Analytics", "Pharmacies counted in"),
            # Only a chain counts pharmacies in; an empty cell read as a missing figure.
            lambda c: str(c.pharmacies) if c.kind == AccountKind.PHARMACY_CHAIN else "—",
            tooltip=lambda c: (
                ""
                if c.kind == AccountKind.PHARMACY_CHAIN
                else translate("Analytics", "Not a pharmacy chain: no pharmacies to count in")
            ),
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ),
    ]


def load_figures(workspace: Workspace, today: date, language: str) -> KeyClientFigures:
    from kamdesk.services.key_clients import key_client_figures

    return key_client_figures(workspace.store, today, enrolled_user_id(workspace.store), language)


class AnalyticsPage(QWidget):
    def __init__(
        self, workspace: Workspace, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._figures: KeyClientFigures | None = None
        self.title = QLabel(self)
        self.title.setObjectName("keyClientsTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.period = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("keyClientsSummary")
        self.summary.setWordWrap(True)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("keyClientsWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {RED};")
        self.model: RecordTableModel[ClientShare] = RecordTableModel([], key_client_columns(), self)
        self.table = QTableView(self)
        self.table.setObjectName("keyClientsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.period, self.summary, self.warnings):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        self._retranslate()
        self.reload()

    def reload(self) -> None:
        """Work the figures out again (sales, types or chains changed)."""
        self.summary.setText(translate("Analytics", "Working out the key clients…"))
        workspace, today, writing = self._workspace, date.today(), language()
        self._tasks.run(
            lambda _progress: load_figures(workspace, today, writing),
            self._show,
            owner=self,
            key="analytics.key_clients",
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(translate("Analytics", "Key clients"))
        self.model.retranslate()
        if self._figures is not None:
            self.reload()  # the warnings write their figures in the new language

    def _show(self, figures: KeyClientFigures) -> None:
        self._figures = figures
        self.period.setText(
            translate("Analytics", "Sales without VAT from %1 to %2: %3")
            .replace("%1", format_date(figures.first_month))
            .replace("%2", format_date(month_end(figures.last_month)))
            .replace("%3", format_money(figures.total))
        )
        # The types with no sales after the group, shown so the KAM sees them, not counted.
        self.model.set_records(figures.key_group + figures.typed_without_sales)
        self.summary.setText(self._verdict(figures))
        warnings = [message_text(m) for m in figures.warnings if _is_warning(m.text)]
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def _verdict(self, figures: KeyClientFigures) -> str:
        assessment = figures.group_assessment
        if assessment == GroupShare.NONE:
            return translate(
                "Analytics", "No sales in the period: no client is key by the figures."
            )
        share = format_share(float(figures.key_group_share), 1)
        count = len(figures.key_group)
        if assessment == GroupShare.NORMAL:
            verdict = translate("Analytics", "within the usual 30–55%")
        elif assessment == GroupShare.BELOW:
            verdict = translate(
                "Analytics", "below the usual 30–55%: your sales are spread, few real key clients"
            )
        else:
            verdict = translate("Analytics", "above the usual 30–55%: much depends on few clients")
        # self.tr: lupdate marks a count as numerus only there (1 клиент, 3 клиента).
        text = (
            self.tr("%n key client(s) bring %1 of your sales, %2.", "", count)
            .replace("%1", share)
            .replace("%2", verdict)
        )
        idle = len(figures.typed_without_sales)
        if idle:
            text += " " + self.tr(
                "%n more of a key-client type bought nothing in the period and are not counted.",
                "",
                idle,
            )
        return text


def _is_warning(text: str) -> bool:
    """The verdict on the group's share is said in the summary; the rest are warnings."""
    return "the usual" not in text
