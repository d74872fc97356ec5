"""The Overview tab: what a KAM reads in the minute before a call."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.card import CardData, Overview
from kamdesk.ui.card.binder import translate
from kamdesk.ui.card.sales_chart import SalesChart
from kamdesk.ui.card.widgets import muted
from kamdesk.ui.formatting import (
    format_date,
    format_datetime,
    format_money,
    format_share,
    format_share_trimmed,
)
from kamdesk.vocabulary import OfferStatus

WARNING = "color: #c62828; font-weight: 600;"


class OverviewTab(QWidget):
    new_offer_clicked = Signal()
    plan_visit_clicked = Signal()

    def __init__(self, data: CardData, overview: Overview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The tab scrolls: a long «Чего не хватает» list must not make the window
        # taller than a 1366×768 screen.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("overviewScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(self.scroll_area)
        content = QWidget()
        self.scroll_area.setWidget(content)
        grid = QGridLayout(content)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setSpacing(12)

        buttons = QHBoxLayout()
        self.new_offer = QPushButton(self.tr("New offer…"))
        self.plan_visit = QPushButton(self.tr("Plan a visit…"))
        self.new_offer.clicked.connect(self.new_offer_clicked)
        self.plan_visit.clicked.connect(self.plan_visit_clicked)
        self.new_offer.setEnabled(not data.archived)
        self.plan_visit.setEnabled(not data.archived)
        buttons.addWidget(self.new_offer)
        buttons.addWidget(self.plan_visit)
        buttons.addStretch(1)
        grid.addLayout(buttons, 0, 0, 1, 2)

        visits = QGroupBox(self.tr("Visits"))
        form = QFormLayout(visits)
        form.addRow(self.tr("Last visit"), QLabel(format_datetime(overview.last_visit_at) or "—"))
        form.addRow(
            self.tr("Next visit"),
            QLabel(format_datetime(overview.next_visit_at) or self.tr("not planned")),
        )
        if overview.next_call_at is not None:
            form.addRow(self.tr("Next call"), QLabel(format_datetime(overview.next_call_at)))
        grid.addWidget(visits, 1, 0)

        sales = QGroupBox(self.tr("Sales, last 12 complete months"))
        column = QVBoxLayout(sales)
        self.chart = SalesChart(overview.monthly_sales, overview.current_month)
        column.addWidget(self.chart)
        partial = QLabel(self.tr("The lighter bar is this month so far."))
        partial.setStyleSheet("color: #546e7a;")
        # The captions wrap: in a 1024 px window the tab is two narrow columns.
        partial.setWordWrap(True)
        column.addWidget(partial)
        trend = (
            self.tr("trend against the year before: %s")
            % (("+" if overview.trend >= 0 else "") + format_share(overview.trend))
            if overview.trend is not None
            else self.tr("no sales the year before to compare with")
        )
        total = QLabel(f"{format_money(overview.sales_12m)} · {trend}")
        total.setWordWrap(True)
        column.addWidget(total)
        self.share = QLabel(self._share_text(overview))
        self.share.setObjectName("portfolioShare")
        self.share.setWordWrap(True)
        column.addWidget(self.share)
        if overview.mono_dependent:
            self.share.setStyleSheet(WARNING)
        grid.addWidget(sales, 1, 1, 3, 1)

        offers = QGroupBox(self.tr("Open offers"))
        box = QVBoxLayout(offers)
        for offer in overview.open_offers:
            state = self.tr("draft") if offer.status == OfferStatus.DRAFT else self.tr("sent")
            line = QLabel(
                self.tr("%s (%s), valid until %s")
                % (offer.number, state, format_date(offer.valid_until))
            )
            line.setWordWrap(True)
            box.addWidget(line)
        if not overview.open_offers:
            box.addWidget(muted(self.tr("No open offers.")))
        grid.addWidget(offers, 2, 0)

        tasks = QGroupBox(self.tr("Overdue follow-ups"))
        box = QVBoxLayout(tasks)
        for task in overview.overdue_tasks:
            label = QLabel(f"{format_date(task.due_on)} — {task.title}")
            label.setStyleSheet("color: #c62828;")
            label.setWordWrap(True)
            box.addWidget(label)
        if not overview.overdue_tasks:
            box.addWidget(muted(self.tr("Nothing overdue.")))
        grid.addWidget(tasks, 3, 0)

        birthdays = QGroupBox(self.tr("Birthdays in the next 30 days"))
        box = QVBoxLayout(birthdays)
        for birthday in overview.birthdays:
            line = QLabel(f"{format_date(birthday.on)} — {birthday.name}")
            line.setWordWrap(True)
            box.addWidget(line)
        if not overview.birthdays:
            box.addWidget(muted(self.tr("None.")))
        grid.addWidget(birthdays, 4, 0)

        missing = QGroupBox(self.tr("What the dossier lacks"))
        box = QVBoxLayout(missing)
        self.missing = muted(
            "\n".join(f"• {translate(m)}" for m in data.missing)
            or self.tr("Nothing: the dossier is complete.")
        )
        box.addWidget(self.missing)
        grid.addWidget(missing, 4, 1)
        grid.setRowStretch(5, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _share_text(self, overview: Overview) -> str:
        """«Доля ваших продаж: 14 %», or of the account KAM's sales in a manager's store."""
        share = format_share_trimmed(overview.share) if overview.share is not None else "—"
        if overview.portfolio_owner:
            text = (
                self.tr(
                    "Share of the sales of its KAM, %1: %2 — above %3: dangerous mono-dependence"
                )
                if overview.mono_dependent
                else self.tr("Share of the sales of its KAM, %1: %2")
            )
            text = text.replace("%1", overview.portfolio_owner)
        else:
            text = (
                self.tr("Share of your sales: %2 — above %3: dangerous mono-dependence")
                if overview.mono_dependent
                else self.tr("Share of your sales: %2")
            )
        return text.replace("%2", share).replace(
            "%3", format_share_trimmed(overview.mono_threshold)
        )
