"""The offer settings that are office data: letterhead, validity, discount envelope, tax system.

They live in `office_settings` rows (kamdesk.models.office), one per setting, synced
like the catalogue: every user of the office reads them, only a manager or an admin
changes them (the office refuses a KAM's push). So a KAM cannot widen their own
discount envelope. On a laptop:

- enrolled as a KAM: the settings are read-only (`OfficeSettingsReadOnly`);
- enrolled as a manager or an admin: edited here, the change goes to the office;
- never enrolled (a solo trial): edited here too; the rows are queued like any
  edit and become the office's when a manager's laptop pushes them.

The laptop's own part of the offer settings (its code, the logo file) stays in
app_settings (kamdesk.services.offers.settings).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import OfficeSetting, SyncState
from kamdesk.store import Store
from kamdesk.store.tombstones import INCLUDE_DELETED

SUPPLIER = "supplier"
ENVELOPE = "envelope"
VALIDITY_DAYS = "validity_days"
VAT_REGIME = "vat_regime"
OFFICE_NAMES = (SUPPLIER, ENVELOPE, VALIDITY_DAYS, VAT_REGIME)
# Supplier fields that belong to the laptop, not to the office's letterhead.
LOCAL_SUPPLIER_FIELDS = frozenset({"logo_path"})
EDITOR_ROLES = frozenset({"manager", "admin"})

READ_ONLY_NOTE = QT_TRANSLATE_NOOP(
    "Offers",
    "The requisites and the discount envelope are set by the office; a manager can change them.",
)


class OfficeSettingsReadOnly(PermissionError):
    """A KAM's laptop tried to change settings only a manager or an admin may change."""

    def __init__(self) -> None:
        super().__init__("the office's offer settings are changed by a manager or an admin")
        self.message = Message("Offers", READ_ONLY_NOTE)


def laptop_role(session: Session) -> str:
    """The enrolled user's role (kam, manager, admin); "" on a laptop never enrolled."""
    state = session.scalar(select(SyncState).where(SyncState.id == 1))
    if state is None or not (state.server_url and state.login):
        return ""
    return state.user_role or "kam"  # enrolled without a role: the least trusted


def may_edit(role: str) -> bool:
    return role == "" or role in EDITOR_ROLES


def office_settings_editable(store: Store) -> bool:
    """Whether this laptop may change the office's offer settings (not a KAM's laptop)."""
    with store.session() as session:
        return may_edit(laptop_role(session))


def read_office_values(session: Session) -> dict[str, Any]:
    """The office's settings by name (only the rows that exist and are not deleted)."""
    rows = session.scalars(select(OfficeSetting).where(OfficeSetting.name.in_(OFFICE_NAMES)))
    return {row.name: row.value for row in rows}


def office_part(values: dict[str, Any]) -> dict[str, Any]:
    """The office's share of a settings dict (`OfferSettings.to_dict()`)."""
    part = {name: values[name] for name in OFFICE_NAMES if name in values}
    if isinstance(part.get(SUPPLIER), dict):
        part[SUPPLIER] = {
            key: value for key, value in part[SUPPLIER].items() if key not in LOCAL_SUPPLIER_FIELDS
        }
    return part


def write_office_values(
    session: Session, values: dict[str, Any], canonical: Callable[[str, Any], Any] | None = None
) -> list[str]:
    """Write the settings that differ from the office rows; returns the names written.

    `canonical` gives a stored value the form `values` has (a letterhead saved by an
    older version lacks the fields added since): equal after it, nothing is written.
    Refused on a KAM's laptop (`OfficeSettingsReadOnly`), before anything is written."""
    wanted = office_part(values)
    same = canonical or (lambda name, value: value)
    existing = {
        row.name: row
        for row in session.scalars(
            select(OfficeSetting)
            .where(OfficeSetting.name.in_(list(wanted)))
            .execution_options(**{INCLUDE_DELETED: True})
        )
    }
    changed = [
        name
        for name, value in wanted.items()
        if name not in existing
        or existing[name].is_deleted
        or office_part({name: same(name, existing[name].value)}).get(name) != value
    ]
    if changed and not may_edit(laptop_role(session)):
        raise OfficeSettingsReadOnly()
    for name in changed:
        row = existing.get(name)
        if row is None:
            session.add(OfficeSetting(name=name, value=wanted[name]))
            continue
        row.value = wanted[name]
        row.deleted_at = None
    return changed
