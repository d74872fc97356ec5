"""The words the card uses for each stored field, for the Timeline's card edits.

The change log names fields by column («needs»); the KAM knows them by the
caption next to the input («Потребности»). Captions are marked here in the
context of the tab that shows them, so they share its translation; fields
whose caption only makes sense inside its section («Notes», «Stage now») get
a fuller name of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kamdesk.i18n import QT_TRANSLATE_NOOP

_D, _C, _H, _F = "DossierTab", "ContactsTab", "CardHeader", "CardFields"
_S = "CardStanding"

_ACCOUNT = {
    "name": (_D, QT_TRANSLATE_NOOP("DossierTab", "Name")),
    "short_name": (_D, QT_TRANSLATE_NOOP("DossierTab", "Short name")),
    "kind": (_D, QT_TRANSLATE_NOOP("DossierTab", "Kind")),
    "inn": (_D, QT_TRANSLATE_NOOP("DossierTab", "INN")),
    "kpp": (_D, QT_TRANSLATE_NOOP("DossierTab", "KPP")),
    "region": (_D, QT_TRANSLATE_NOOP("DossierTab", "Region")),
    "city": (_D, QT_TRANSLATE_NOOP("DossierTab", "City")),
    "address": (_D, QT_TRANSLATE_NOOP("DossierTab", "Address")),
    "phone": (_D, QT_TRANSLATE_NOOP("DossierTab", "Phone")),
    "email": (_D, QT_TRANSLATE_NOOP("DossierTab", "E-mail")),
    "website": (_D, QT_TRANSLATE_NOOP("DossierTab", "Website")),
    "client_type": (_H, QT_TRANSLATE_NOOP("CardHeader", "Client type")),
    "status": (_H, QT_TRANSLATE_NOOP("CardHeader", "Status")),
    "qual_need": ("Labels", QT_TRANSLATE_NOOP("Labels", "Need")),
    "qual_pay": ("Labels", QT_TRANSLATE_NOOP("Labels", "Ability to pay")),
    "qual_authority": ("Labels", QT_TRANSLATE_NOOP("Labels", "Authority")),
    "qual_need_note": (_F, QT_TRANSLATE_NOOP("CardFields", "Note on the need")),
    "qual_pay_note": (_F, QT_TRANSLATE_NOOP("CardFields", "Note on the ability to pay")),
    "qual_authority_note": (_F, QT_TRANSLATE_NOOP("CardFields", "Note on the authority")),
    "owner_id": (_F, QT_TRANSLATE_NOOP("CardFields", "Owner")),
    "parent_id": (_F, QT_TRANSLATE_NOOP("CardFields", "Parent organisation")),
    "merged_into_id": (_F, QT_TRANSLATE_NOOP("CardFields", "Merged into")),
    "key_client": (_S, QT_TRANSLATE_NOOP("CardStanding", "Key client")),
    "loss_reason": (_S, QT_TRANSLATE_NOOP("CardStanding", "Why it left")),
    "loss_note": (_F, QT_TRANSLATE_NOOP("CardFields", "Note on why it left")),
    "win_back_means": (_S, QT_TRANSLATE_NOOP("CardStanding", "How to win it back")),
}
_DOSSIER = {
    "activity": (_D, QT_TRANSLATE_NOOP("DossierTab", "What it does")),
    "employees": (_D, QT_TRANSLATE_NOOP("DossierTab", "Employees")),
    "beds": (_D, QT_TRANSLATE_NOOP("DossierTab", "Beds")),
    "structure": (_D, QT_TRANSLATE_NOOP("DossierTab", "Structure and staff")),
    "history": (_D, QT_TRANSLATE_NOOP("DossierTab", "History")),
    "environment": (_D, QT_TRANSLATE_NOOP("DossierTab", "Environment (parent, partners)")),
    "financials": (_D, QT_TRANSLATE_NOOP("DossierTab", "Financial indicators")),
    "annual_budget": (_D, QT_TRANSLATE_NOOP("DossierTab", "Annual budget, ₽")),
    "needs": (_D, QT_TRANSLATE_NOOP("DossierTab", "Needs")),
    "plans": (_D, QT_TRANSLATE_NOOP("DossierTab", "Development plans")),
    "worries": (_D, QT_TRANSLATE_NOOP("DossierTab", "Current worries")),
    "general_notes": (_F, QT_TRANSLATE_NOOP("CardFields", "General notes")),
    "relationship_stage": (_F, QT_TRANSLATE_NOOP("CardFields", "Relationship stage")),
    "relationship_outlook": (_F, QT_TRANSLATE_NOOP("CardFields", "Relationship outlook")),
    "history_notes": (_F, QT_TRANSLATE_NOOP("CardFields", "Notes on the history")),
    "dmu_notes": (_D, QT_TRANSLATE_NOOP("DossierTab", "How decisions are made")),
    "competitors_notes": (_F, QT_TRANSLATE_NOOP("CardFields", "Notes on competitors")),
}
_CONTACT = {
    "surname": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Surname")),
    "name": (_C, QT_TRANSLATE_NOOP("ContactsTab", "First name")),
    "patronymic": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Patronymic")),
    "form_of_address": (_C, QT_TRANSLATE_NOOP("ContactsTab", "How to address")),
    "position": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Position")),
    "department": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Department")),
    "phone_work": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Work phone")),
    "phone_mobile": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Mobile phone")),
    "email": (_C, QT_TRANSLATE_NOOP("ContactsTab", "E-mail")),
    "dmu_role": (_C, QT_TRANSLATE_NOOP("ContactsTab", "DMU role")),
    "influence": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Influence")),
    "attitude": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Attitude to us")),
    "psychotype": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Psychotype")),
    "is_kol": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Opinion leader")),
    "reports_to_id": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Reports to")),
    "consent_given": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Consent")),
    "consent_date": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Consent given on")),
    "notes": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Notes")),
    "map_x": (_F, QT_TRANSLATE_NOOP("CardFields", "Place on the map")),
    "map_y": (_F, QT_TRANSLATE_NOOP("CardFields", "Place on the map")),
}
_PERSONAL = {
    "birthday": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Birthday")),
    "education": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Education")),
    "previous_jobs": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Previous jobs")),
    "military_service": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Military service")),
    "family": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Family")),
    "hobbies": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Hobbies and sports")),
    "current_concerns": (_C, QT_TRANSLATE_NOOP("ContactsTab", "What concerns them now")),
    "smoking": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Smoking")),
    "alcohol": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Alcohol")),
    "food_preferences": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Food preferences")),
    "topics_to_avoid": (_C, QT_TRANSLATE_NOOP("ContactsTab", "Topics to avoid")),
    "notes": (_F, QT_TRANSLATE_NOOP("CardFields", "Personal notes")),
}
_EVENT = {
    "kind": (_D, QT_TRANSLATE_NOOP("DossierTab", "Kind")),
    "occurred_on": (_D, QT_TRANSLATE_NOOP("DossierTab", "Date")),
    "subject": (_D, QT_TRANSLATE_NOOP("DossierTab", "Subject")),
    "description": (_D, QT_TRANSLATE_NOOP("DossierTab", "Details")),
    "amount": (_D, QT_TRANSLATE_NOOP("DossierTab", "Amount, ₽")),
    "tender_number": (_D, QT_TRANSLATE_NOOP("DossierTab", "Tender number")),
    "tender_result": (_D, QT_TRANSLATE_NOOP("DossierTab", "Result")),
    "result_reason": (_D, QT_TRANSLATE_NOOP("DossierTab", "Why we won or lost")),
    "resolution": (_D, QT_TRANSLATE_NOOP("DossierTab", "How a complaint was resolved")),
    "resolved_on": (_D, QT_TRANSLATE_NOOP("DossierTab", "Resolved on")),
}
_COMPETITOR = {
    "company": (_D, QT_TRANSLATE_NOOP("DossierTab", "Company")),
    "products": (_D, QT_TRANSLATE_NOOP("DossierTab", "Products")),
    "terms": (_D, QT_TRANSLATE_NOOP("DossierTab", "Terms")),
    "strength": (_D, QT_TRANSLATE_NOOP("DossierTab", "Strength")),
    "notes": (_F, QT_TRANSLATE_NOOP("CardFields", "Notes on the competitor")),
}
_BY_TABLE = {
    "accounts": _ACCOUNT,
    "account_dossiers": _DOSSIER,
    "contacts": _CONTACT,
    "contact_personal": _PERSONAL,
    "relationship_events": _EVENT,
    "account_competitors": _COMPETITOR,
}
# Columns that only say which row belongs to which: not worth naming in an edit.
# Archiving and restoring are told by the entry itself ("removed", "restored").
_HIDDEN = {"id", "account_id", "contact_id", "deleted_at"}
HIDDEN_FIELDS = frozenset(_HIDDEN)  # bookkeeping columns no edit description names


def field_label(table: str, column: str) -> str:
    """The card's caption for a column of a table, translated; the column itself
    when the card has no input for it."""
    found = _BY_TABLE.get(table, {}).get(column)
    if found is None:
        return column
    context, text = found
    return QCoreApplication.translate(context, text)


def field_labels(table: str, columns: tuple[str, ...]) -> list[str]:
    """Captions of the changed columns, each named once, in the order given."""
    shown: list[str] = []
    for column in columns:
        if column in _HIDDEN:
            continue
        text = field_label(table, column)
        if text not in shown:
            shown.append(text)
    return shown
