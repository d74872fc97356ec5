"""Words for what the sync screens name: records, fields and values, never table columns.

The change log and the office speak of `contacts.phone_mobile`; the KAM knows a
«Контакт» and its «Мобильный телефон». Card fields take the card's own captions
(`kamdesk.ui.card.field_labels`); the rest are named here.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.ui.card.field_labels import field_label
from kamdesk.ui.formatting import format_date, format_datetime

CONTEXT = "SyncLabels"

_ENTITIES = {
    "accounts": QT_TRANSLATE_NOOP("SyncLabels", "Client card"),
    "account_dossiers": QT_TRANSLATE_NOOP("SyncLabels", "Dossier"),
    "relationship_events": QT_TRANSLATE_NOOP("SyncLabels", "Event in the history"),
    "account_competitors": QT_TRANSLATE_NOOP("SyncLabels", "Competitor"),
    "contacts": QT_TRANSLATE_NOOP("SyncLabels", "Contact"),
    "contact_personal": QT_TRANSLATE_NOOP("SyncLabels", "Contact's personal details"),
    "visits": QT_TRANSLATE_NOOP("SyncLabels", "Visit"),
    "visit_attendees": QT_TRANSLATE_NOOP("SyncLabels", "Visit attendee"),
    "visit_products": QT_TRANSLATE_NOOP("SyncLabels", "Product of a visit"),
    "checklist_item_states": QT_TRANSLATE_NOOP("SyncLabels", "Visit checklist"),
    "visit_reports": QT_TRANSLATE_NOOP("SyncLabels", "Visit report"),
    "visit_report_addenda": QT_TRANSLATE_NOOP("SyncLabels", "Addendum to a report"),
    "follow_up_tasks": QT_TRANSLATE_NOOP("SyncLabels", "Task"),
    "offers": QT_TRANSLATE_NOOP("SyncLabels", "Commercial offer"),
    "offer_lines": QT_TRANSLATE_NOOP("SyncLabels", "Line of an offer"),
    "offer_addressees": QT_TRANSLATE_NOOP("SyncLabels", "Reader of an offer"),
    "offer_team_members": QT_TRANSLATE_NOOP("SyncLabels", "Offer team"),
    "offer_annexes": QT_TRANSLATE_NOOP("SyncLabels", "Annex of an offer"),
    "offer_status_changes": QT_TRANSLATE_NOOP("SyncLabels", "Offer status"),
    "sales_records": QT_TRANSLATE_NOOP("SyncLabels", "Sales"),
    "products": QT_TRANSLATE_NOOP("SyncLabels", "Product"),
    "users": QT_TRANSLATE_NOOP("SyncLabels", "Employee"),
}

_FIELDS = {
    ("visits", "starts_at"): QT_TRANSLATE_NOOP("SyncLabels", "Start"),
    ("visits", "duration_min"): QT_TRANSLATE_NOOP("SyncLabels", "Duration"),
    ("visits", "place"): QT_TRANSLATE_NOOP("SyncLabels", "Place"),
    ("visits", "status"): QT_TRANSLATE_NOOP("SyncLabels", "Status"),
    ("visits", "objective"): QT_TRANSLATE_NOOP("SyncLabels", "Objective"),
    ("visits", "agenda"): QT_TRANSLATE_NOOP("SyncLabels", "Agenda"),
    ("visits", "questions"): QT_TRANSLATE_NOOP("SyncLabels", "Questions"),
    ("visits", "materials"): QT_TRANSLATE_NOOP("SyncLabels", "Materials"),
    ("visits", "target_result"): QT_TRANSLATE_NOOP("SyncLabels", "Target result"),
    ("visits", "walk_away_point"): QT_TRANSLATE_NOOP("SyncLabels", "Walk-away point"),
    ("visits", "concessions"): QT_TRANSLATE_NOOP("SyncLabels", "Concessions"),
    ("visits", "cancel_reason"): QT_TRANSLATE_NOOP("SyncLabels", "Reason for cancelling"),
    ("visit_reports", "outcome"): QT_TRANSLATE_NOOP("SyncLabels", "Outcome"),
    ("visit_reports", "agreements"): QT_TRANSLATE_NOOP("SyncLabels", "Agreements"),
    ("visit_reports", "objections_heard"): QT_TRANSLATE_NOOP("SyncLabels", "Objections heard"),
    ("visit_reports", "questions_asked"): QT_TRANSLATE_NOOP("SyncLabels", "Questions asked"),
    ("visit_reports", "notes"): QT_TRANSLATE_NOOP("SyncLabels", "Notes"),
    ("visit_report_addenda", "text"): QT_TRANSLATE_NOOP("SyncLabels", "Text of the addendum"),
    ("follow_up_tasks", "title"): QT_TRANSLATE_NOOP("SyncLabels", "Task"),
    ("follow_up_tasks", "details"): QT_TRANSLATE_NOOP("SyncLabels", "Details"),
    ("follow_up_tasks", "due_on"): QT_TRANSLATE_NOOP("SyncLabels", "Due date"),
    ("offers", "valid_until"): QT_TRANSLATE_NOOP("SyncLabels", "Valid until"),
    ("offers", "offer_date"): QT_TRANSLATE_NOOP("SyncLabels", "Date"),
    ("offers", "status"): QT_TRANSLATE_NOOP("SyncLabels", "Status"),
    ("offers", "delivery_terms"): QT_TRANSLATE_NOOP("SyncLabels", "Delivery terms"),
    ("offers", "payment_terms"): QT_TRANSLATE_NOOP("SyncLabels", "Payment terms"),
    ("offers", "benefit"): QT_TRANSLATE_NOOP("SyncLabels", "Benefit"),
    ("offers", "exclusivity"): QT_TRANSLATE_NOOP("SyncLabels", "Exclusive"),
    ("offers", "approval_status"): QT_TRANSLATE_NOOP("SyncLabels", "Approval"),
    ("offers", "approval_comment"): QT_TRANSLATE_NOOP("SyncLabels", "Manager's comment"),
    ("offer_lines", "quantity"): QT_TRANSLATE_NOOP("SyncLabels", "Quantity"),
    ("offer_lines", "discount_pct"): QT_TRANSLATE_NOOP("SyncLabels", "Discount"),
    ("offer_lines", "unit_price"): QT_TRANSLATE_NOOP("SyncLabels", "Price"),
    ("offer_addressees", "arguments"): QT_TRANSLATE_NOOP("SyncLabels", "Arguments"),
}


def entity_name(entity: str) -> str:
    """«Контакт», «Коммерческое предложение»; a record of an unknown kind: «Запись»."""
    return QCoreApplication.translate(
        "SyncLabels", _ENTITIES.get(entity, QT_TRANSLATE_NOOP("SyncLabels", "Record"))
    )


def field_name(entity: str, field: str) -> str:
    """The field as the screen that edits it calls it; «вся запись» for the whole record."""
    if not field:
        return QCoreApplication.translate("SyncLabels", "the whole record")
    own = _FIELDS.get((entity, field))
    if own is not None:
        return QCoreApplication.translate("SyncLabels", own)
    card = field_label(entity, field)
    if card != field:
        return card
    return QCoreApplication.translate("SyncLabels", "another field")


def value_text(value: Any) -> str:
    """A stored (JSON) value as the KAM reads it: dates in local form, yes/no, «—»."""
    if value is None or value == "":
        return "—"
    if isinstance(value, StrEnum):
        return _enum_label(value)
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("SyncLabels", "yes")
        return QCoreApplication.translate("SyncLabels", "no")
    if isinstance(value, dict):
        return "; ".join(value_text(v) for v in value.values() if v not in (None, ""))
    if isinstance(value, str):
        moment = _moment(value)
        if isinstance(moment, datetime):
            return format_datetime(moment)
        if isinstance(moment, date):
            return format_date(moment)
    return str(value)


def shown_text(values: tuple[Any, ...]) -> str:
    """A side of an issue as the service made it readable (`readable_values`): names
    instead of keys, words for enums; «—» when it holds nothing."""
    parts = [value_text(value) for value in values]
    return "; ".join(part for part in parts if part != "—") or "—"


def _moment(text: str) -> date | datetime | None:
    if len(text) < 10 or text[4:5] != "-" or text[7:8] != "-":
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _enum_label(value: StrEnum) -> str:
    from kamdesk.ui.labels import label

    try:
        return label(value) or value.value
    except KeyError:  # an enum no screen names: its value reads better than nothing
        return value.value


def one_line(text: str, limit: int = 80) -> str:
    """A long text in one table cell: first words, «…» when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
