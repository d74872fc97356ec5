"""Moving a user into or out of a manager's team, as a versioned change.

A manager reads the accounts granted to their team (visibility.py). The move bumps
the office version and files a `team_moves` row at it, so the manager's next pull
sees the team change since its cursor, as it sees grants: a KAM who joins brings
their existing accounts as a snapshot, one who leaves takes them away (the manager's
laptop removes them like a revoked account; its pending edits become sync issues).
The person's published `users` row carries the new manager to every laptop.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select, update

from kamdesk.server.db import bump_version
from kamdesk.server.errors import QT_TRANSLATE_NOOP, OfficeError
from kamdesk.server.tables import rows, team_moves, users


@dataclass(frozen=True)
class TeamMove:
    login: str
    before: str | None  # the manager's login, None: no manager
    after: str | None
    changed: bool  # False: it was already so


def set_manager(engine: Engine, login: str, manager_login: str | None) -> TeamMove:
    """Make `manager_login` the user's manager (None: no manager); one office version."""
    with engine.begin() as connection:
        return move_user(connection, login, manager_login)


def move_user(connection: Connection, login: str, manager_login: str | None) -> TeamMove:
    """`set_manager` inside the caller's transaction."""
    user = _find(connection, login)
    manager = None if manager_login is None else _find(connection, manager_login)
    if manager is not None:
        if manager.role not in ("manager", "admin"):
            raise OfficeError(
                QT_TRANSLATE_NOOP("OfficeError", "{login} is a {role}, not a manager"),
                login=manager.login,
                role=manager.role,
            )
        if manager.id == user.id:
            raise OfficeError(
                QT_TRANSLATE_NOOP("OfficeError", "{login} cannot be their own manager"),
                login=user.login,
            )
    before = None
    if user.manager_id is not None:
        before = connection.execute(
            select(users.c.login).where(users.c.id == user.manager_id)
        ).scalar_one()
    new_id = None if manager is None else manager.id
    after = None if manager is None else manager.login
    if new_id == user.manager_id:
        return TeamMove(user.login, before, after, changed=False)
    version = bump_version(connection)
    connection.execute(
        team_moves.insert().values(
            user_id=user.id,
            from_manager_id=user.manager_id,
            to_manager_id=new_id,
            version=version,
        )
    )
    connection.execute(update(users).where(users.c.id == user.id).values(manager_id=new_id))
    _republish(connection, user.id, new_id, version)
    return TeamMove(user.login, before, after, changed=True)


def _republish(
    connection: Connection, user_id: uuid.UUID, manager_id: uuid.UUID | None, version: int
) -> None:
    """The person's directory row names the new manager, at the move's version."""
    person = connection.execute(
        select(rows.c.data).where(rows.c.entity == "users", rows.c.entity_id == user_id)
    ).first()
    if person is None:
        return
    data = {**person.data, "manager_id": manager_id.hex if manager_id else None}
    connection.execute(
        update(rows)
        .where(rows.c.entity == "users", rows.c.entity_id == user_id)
        .values(data=data, version=version, updated_at=datetime.now(UTC))
    )


@dataclass(frozen=True)
class _Person:
    id: uuid.UUID
    login: str
    role: str
    manager_id: uuid.UUID | None


def _find(connection: Connection, login: str) -> _Person:
    cleaned = login.strip().lower()
    row = connection.execute(
        select(users.c.id, users.c.login, users.c.role, users.c.manager_id).where(
            users.c.login == cleaned
        )
    ).one_or_none()
    if row is None:
        raise OfficeError(
            QT_TRANSLATE_NOOP(
                "OfficeError", "no user {login!r} in this office (kamdesk server user add)"
            ),
            login=login,
        )
    return _Person(row.id, row.login, row.role, row.manager_id)
