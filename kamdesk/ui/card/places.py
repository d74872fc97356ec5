"""Where on a card a checklist's fix link lands: the tab, the row and the field.

`show_place(card, place, contact_id)` is called once the card has loaded:

- "visits": the Timeline with only visits shown, newest first: the client's past
  reports (their outcomes) to review before the next visit;
- "dossier", "objections": the Dossier;
- a contact's place ("psychotype", "address", …): Contacts with the person chosen.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from kamdesk.services.card import TimelineKind

if TYPE_CHECKING:
    from kamdesk.ui.card.card import AccountCard


def show_place(card: AccountCard, place: str, contact_id: uuid.UUID | None = None) -> None:
    if contact_id is not None:
        card.tabs.setCurrentWidget(card.contacts)
        card.contacts.select(contact_id)
        card.contacts.list.setFocus()
    elif place == "visits":
        card.tabs.setCurrentWidget(card.timeline)
        card.timeline.show_only({TimelineKind.VISIT})
        card.timeline.tree.setFocus()
    elif place in ("dossier", "objections"):
        card.tabs.setCurrentWidget(card.dossier)
        card.dossier.setFocus()
