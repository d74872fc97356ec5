"""The client card: loading, editing with drafts, the DMU map, the timeline, merges.

Imports SQLAlchemy: the UI imports this package when the first card opens,
never at start-up.
"""

from kamdesk.services.card.consent import Erasure, erase_personal_details, personal_details_kept
from kamdesk.services.card.dmu import DmuLayout, DmuNode, DmuPerson, dmu_layout, layout_people
from kamdesk.services.card.editing import (
    CONSENT_NEEDED,
    add_competitor,
    add_contact,
    add_event,
    current_value,
    discard_draft,
    place_on_map,
    remove_row,
    save_draft,
    set_field,
)
from kamdesk.services.card.fields import Entity, is_text_field, parse, parse_date
from kamdesk.services.card.lifecycle import (
    MergeResult,
    archive_account,
    create_account,
    merge_accounts,
    restore_account,
)
from kamdesk.services.card.loading import CardBundle, account_of_contact, load_bundle, load_card
from kamdesk.services.card.model import (
    CardData,
    CardError,
    CompetitorCard,
    ContactCard,
    Draft,
    EventCard,
)
from kamdesk.services.card.overview import Overview, load_overview
from kamdesk.services.card.tally import AccountRef, AccountTally, accounts_with_inn, tally_account
from kamdesk.services.card.timeline import FieldChange, TimelineEntry, TimelineKind, load_timeline

__all__ = [
    "CONSENT_NEEDED",
    "AccountRef",
    "AccountTally",
    "CardBundle",
    "CardData",
    "CardError",
    "CompetitorCard",
    "ContactCard",
    "DmuLayout",
    "DmuNode",
    "DmuPerson",
    "Draft",
    "Entity",
    "Erasure",
    "EventCard",
    "FieldChange",
    "MergeResult",
    "Overview",
    "TimelineEntry",
    "TimelineKind",
    "account_of_contact",
    "accounts_with_inn",
    "add_competitor",
    "add_contact",
    "add_event",
    "archive_account",
    "create_account",
    "current_value",
    "discard_draft",
    "dmu_layout",
    "erase_personal_details",
    "is_text_field",
    "layout_people",
    "load_bundle",
    "load_card",
    "load_overview",
    "load_timeline",
    "merge_accounts",
    "parse",
    "parse_date",
    "personal_details_kept",
    "place_on_map",
    "remove_row",
    "restore_account",
    "save_draft",
    "set_field",
    "tally_account",
]
