"""Who did the work of a manager's export and where: the KAM and the territory it names.

The KAM is the one the manager chose (ExportFilter.kam_name), else the owners of
the exported visits (the visit's owner, else its client's), else this laptop's
user. The territory is that of the exported clients, else the laptop user's.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.models import Account, SyncState, Territory, User, Visit


def _full_name(user: User) -> str:
    return " ".join(part for part in (user.surname, user.name, user.patronymic) if part)


def kam_and_territory(
    session: Session, visits: Iterable[tuple[Visit, Account]], kam_name: str
) -> tuple[str, str]:
    pairs: list[tuple[Visit, Account]] = [(v, a) for v, a in visits]
    me: Any = session.scalar(select(SyncState.user_id).where(SyncState.id == 1))
    own = session.get(User, me) if me is not None else None
    owners: set[uuid.UUID] = {
        owner for v, a in pairs if (owner := v.owner_id or a.owner_id) is not None
    }
    if not kam_name:
        names = sorted(
            _full_name(u) for u in session.scalars(select(User).where(User.id.in_(owners)))
        )
        kam_name = ", ".join(names) if names else (_full_name(own) if own else "")
    territory_ids = {a.territory_id for _, a in pairs if a.territory_id is not None}
    if not territory_ids and own is not None and own.territory_id is not None:
        territory_ids = {own.territory_id}
    territories = sorted(
        t.name for t in session.scalars(select(Territory).where(Territory.id.in_(territory_ids)))
    )
    return kam_name, ", ".join(territories)
