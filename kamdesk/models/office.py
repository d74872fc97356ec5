"""Office data that is not the catalogue: the settings every offer is printed with.

One row per setting (`name`: "supplier", "envelope", "validity_days", "vat_regime"),
its value as JSON. The id is derived from the name (kamdesk.store.natural_keys), so
every laptop and the office agree on it. Only managers and admins change these rows
on the office; a KAM's laptop reads them (kamdesk.services.offers.office).
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Syncable


class OfficeSetting(Syncable, Base):
    __tablename__ = "office_settings"
    __natural_key__: ClassVar[tuple[str, ...]] = ("name",)

    name: Mapped[str] = mapped_column(String(50), unique=True)
    value: Mapped[Any] = mapped_column(JSON)
