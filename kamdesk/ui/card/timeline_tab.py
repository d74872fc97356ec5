"""The Timeline tab: everything that happened, newest first, filterable by kind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.accounts import RelationshipEventKind, TenderResult
from kamdesk.services.card import TimelineEntry, TimelineKind
from kamdesk.ui import labels
from kamdesk.ui.card.field_labels import HIDDEN_FIELDS, field_label, field_labels
from kamdesk.ui.formatting import format_date, format_datetime, format_money, format_phone

_KINDS = {
    TimelineKind.VISIT: QT_TRANSLATE_NOOP("Timeline", "Visits"),
    TimelineKind.OFFER: QT_TRANSLATE_NOOP("Timeline", "Offers"),
    TimelineKind.EVENT: QT_TRANSLATE_NOOP("Timeline", "History"),
    TimelineKind.EDIT: QT_TRANSLATE_NOOP("Timeline", "Card edits"),
}
_TABLES = {
    "accounts": QT_TRANSLATE_NOOP("Timeline", "account"),
    "account_dossiers": QT_TRANSLATE_NOOP("Timeline", "dossier"),
    "contacts": QT_TRANSLATE_NOOP("Timeline", "contact"),
    "contact_personal": QT_TRANSLATE_NOOP("Timeline", "personal details"),
    "relationship_events": QT_TRANSLATE_NOOP("Timeline", "history event"),
    "account_competitors": QT_TRANSLATE_NOOP("Timeline", "competitor"),
}
_OFFER = {
    "created": QT_TRANSLATE_NOOP("Timeline", "offer made"),
    "draft": QT_TRANSLATE_NOOP("Timeline", "offer back to draft"),
    "sent": QT_TRANSLATE_NOOP("Timeline", "offer sent"),
    "accepted": QT_TRANSLATE_NOOP("Timeline", "offer accepted"),
    "rejected": QT_TRANSLATE_NOOP("Timeline", "offer rejected"),
    "expired": QT_TRANSLATE_NOOP("Timeline", "offer expired"),
}
_VISIT = {
    "planned": QT_TRANSLATE_NOOP("Timeline", "visit planned"),
    "done": QT_TRANSLATE_NOOP("Timeline", "visit held"),
    "reported": QT_TRANSLATE_NOOP("Timeline", "visit reported"),
    "submitted": QT_TRANSLATE_NOOP("Timeline", "visit report submitted"),
    "cancelled": QT_TRANSLATE_NOOP("Timeline", "visit cancelled"),
    "rescheduled": QT_TRANSLATE_NOOP("Timeline", "visit rescheduled"),
}
_EDIT = {
    "insert": QT_TRANSLATE_NOOP("Timeline", "added: {what}"),
    "update": QT_TRANSLATE_NOOP("Timeline", "edited: {what}"),
    "delete": QT_TRANSLATE_NOOP("Timeline", "removed: {what}"),
    "restore": QT_TRANSLATE_NOOP("Timeline", "restored: {what}"),
}


def describe(entry: TimelineEntry) -> str:
    # A state the tables do not know (a newer laptop's) is shown as stored: it has no
    # translation to look up.
    if entry.kind is TimelineKind.VISIT:
        visit = _VISIT.get(entry.what)
        return QCoreApplication.translate("Timeline", visit) if visit else entry.what
    if entry.kind is TimelineKind.OFFER:
        offer = _OFFER.get(entry.what)
        return QCoreApplication.translate("Timeline", offer) if offer else entry.what
    if entry.kind is TimelineKind.EVENT:
        text = labels.label(RelationshipEventKind(entry.what))
        if entry.previous:
            text += f" ({labels.label(TenderResult(entry.previous))})"
        return text
    table = _TABLES.get(entry.what)
    what = QCoreApplication.translate("Timeline", table) if table else entry.what
    if entry.name:
        what = f"{what} {entry.name}"
    edit = _EDIT.get(entry.previous)
    return QCoreApplication.translate("Timeline", edit).format(what=what) if edit else what


VALUE_CHARS = 60  # longer texts are cut in the column, whole in the tooltip


def value_text(value: object) -> str:
    """A stored value as the card shows it: dates, money, labels, yes/no; «—» for none."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("Timeline", "yes")
        return QCoreApplication.translate("Timeline", "no")
    if isinstance(value, StrEnum):
        return labels.label(value)
    if isinstance(value, Decimal):
        return format_money(value, kopecks=True)
    if isinstance(value, date):
        return format_date(value)
    text = " ".join(str(value).split())
    if text.startswith("+") and text[1:].isdigit():
        return format_phone(text)
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 1] + "…"


def edit_detail(entry: TimelineEntry) -> str:
    """What an edit changed: «Reports to: — → Петров Олег Ильич; Role: user → decision
    maker» for an update, the fields given for a new row."""
    if not entry.changes:
        return ", ".join(field_labels(entry.what, entry.fields))
    return "; ".join(
        f"{field_label(entry.what, c.field)}: {value_text(c.old)} → {value_text(c.new)}"
        for c in entry.changes
        if c.field not in HIDDEN_FIELDS
    )


class TimelineTab(QWidget):
    def __init__(self, entries: list[TimelineEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = entries
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        filters = QHBoxLayout()
        self.filters: dict[TimelineKind, QCheckBox] = {}
        for kind, text in _KINDS.items():
            box = QCheckBox(QCoreApplication.translate("Timeline", text))
            box.setChecked(True)
            box.toggled.connect(self._refill)
            filters.addWidget(box)
            self.filters[kind] = box
        filters.addStretch(1)
        column.addLayout(filters)
        self.tree = QTreeWidget()
        self.tree.setObjectName("timeline")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Subject"), self.tr("Details")]
        )
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 260)
        header.setStretchLastSection(True)
        column.addWidget(self.tree, 1)
        self._refill()

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        """Show the timeline anew (an edit was stored); the filters stay as set."""
        self.entries = entries
        self._refill()

    def show_only(self, kinds: set[TimelineKind]) -> None:
        """Tick just these kinds (a fix link asking for the past visit reports)."""
        for kind, box in self.filters.items():
            box.blockSignals(True)
            box.setChecked(kind in kinds)
            box.blockSignals(False)
        self._refill()

    def shown(self) -> list[TimelineEntry]:
        wanted = {kind for kind, box in self.filters.items() if box.isChecked()}
        return [e for e in self.entries if e.kind in wanted]

    def _refill(self) -> None:
        self.tree.clear()
        for entry in self.shown():
            when = (
                format_date(entry.when.date()) if entry.date_only else format_datetime(entry.when)
            )
            detail = entry.detail
            if entry.kind is TimelineKind.EDIT and not detail:
                detail = edit_detail(entry)
            item = QTreeWidgetItem(
                [when, describe(entry), entry.subject, detail.replace("\n", " ")]
            )
            item.setToolTip(1, item.text(1))
            item.setToolTip(3, detail.replace("; ", "\n"))
            self.tree.addTopLevelItem(item)
