"""The enrolled laptops: listing them and revoking one (lost, stolen, handed on).

A revoked laptop's token stops working at once: its next request is a 401. The
same user may enrol again (on that laptop or another) and gets a new client id.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, or_, select, update

from kamdesk.server.errors import QT_TRANSLATE_NOOP, OfficeError
from kamdesk.server.tables import clients, users


@dataclass(frozen=True)
class Laptop:
    client_id: uuid.UUID
    laptop_code: str
    login: str
    device_name: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None
    last_seq: int


def list_laptops(engine: Engine) -> list[Laptop]:
    query = (
        select(clients, users.c.login)
        .join(users, users.c.id == clients.c.user_id)
        .order_by(clients.c.enrolled_at, clients.c.laptop_code)
    )
    with engine.connect() as connection:
        return [
            Laptop(
                client_id=row.id,
                laptop_code=row.laptop_code,
                login=row.login,
                device_name=row.device_name,
                enrolled_at=_utc(row.enrolled_at),
                last_seen_at=_utc(row.last_seen_at) if row.last_seen_at else None,
                revoked_at=_utc(row.revoked_at) if row.revoked_at else None,
                last_seq=row.last_seq,
            )
            for row in connection.execute(query)
        ]


def revoke_laptop(engine: Engine, laptop: str | uuid.UUID) -> Laptop:
    """Revoke a laptop by client id or laptop code («K007»); again is harmless."""
    condition = clients.c.laptop_code == str(laptop).strip().upper()
    try:
        client_id = laptop if isinstance(laptop, uuid.UUID) else uuid.UUID(str(laptop).strip())
        condition = or_(condition, clients.c.id == client_id)
    except ValueError:
        pass
    now = datetime.now(UTC)
    with engine.begin() as connection:
        found = connection.execute(select(clients.c.id).where(condition)).scalars().all()
        if not found:
            raise OfficeError(
                QT_TRANSLATE_NOOP("OfficeError", "no laptop {laptop} is enrolled in this office"),
                laptop=laptop,
            )
        connection.execute(
            update(clients)
            .where(clients.c.id == found[0], clients.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
    return next(item for item in list_laptops(engine) if item.client_id == found[0])


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
