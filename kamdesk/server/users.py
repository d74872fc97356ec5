"""The office's people and what they see: adding users, granting and revoking buckets.

A user is a KAM, a manager or an admin with a login and an argon2 password hash.
Every user is granted the office bucket (catalogue, people) when added. Granting
an account inserts a `grants` row with `granted_version` = the office version,
bumped; revoking sets its `revoked_version` likewise, so a pull knows since when.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Connection, Engine, String, literal, select, union_all, update

from kamdesk.server.auth import hash_password
from kamdesk.server.db import bump_version
from kamdesk.server.errors import QT_TRANSLATE_NOOP, OfficeError
from kamdesk.server.tables import grants, rows, users
from kamdesk.sync.protocol import OFFICE_BUCKET, account_bucket

ROLES = ("kam", "manager", "admin")
MIN_PASSWORD = 8
_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
# Letters and digits that cannot be misread when a trainer hands out passwords.
_PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# SQLite allows at most 500 SELECTs in one UNION ALL.
_KNOWN_CHUNK = 400
_BUCKET = String(80)


@dataclass(frozen=True)
class NewUser:
    id: uuid.UUID
    login: str
    role: str
    name: str
    password: str


@dataclass(frozen=True)
class BucketChange:
    bucket: str
    changed: bool  # False: it was already so (granted, or not granted)
    known: bool  # the office holds rows in this bucket


def generate_password(length: int = 14) -> str:
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))


def normalise_login(login: str) -> str:
    cleaned = login.strip().lower()
    if not _LOGIN.match(cleaned):
        raise OfficeError(
            QT_TRANSLATE_NOOP(
                "OfficeError",
                "login {login!r}: Latin letters, digits, '.', '_' or '-', starting with a "
                "letter or digit",
            ),
            login=login,
        )
    return cleaned


def add_user(
    engine: Engine,
    login: str,
    *,
    role: str,
    name: str,
    manager_login: str | None = None,
    password: str | None = None,
    user_id: uuid.UUID | None = None,
) -> NewUser:
    """Add a user (with a generated password when none is given) and grant the office bucket."""
    login = normalise_login(login)
    if role not in ROLES:
        raise OfficeError(
            QT_TRANSLATE_NOOP("OfficeError", "role {role!r}: one of {roles}"),
            role=role,
            roles=", ".join(ROLES),
        )
    name = " ".join(name.split())
    if len(name.split()) < 2:
        raise OfficeError(
            QT_TRANSLATE_NOOP(
                "OfficeError", "name {name!r}: give the full name, «Фамилия Имя Отчество»"
            ),
            name=name,
        )
    if password is None:
        password = generate_password()
    elif len(password) < MIN_PASSWORD:
        raise OfficeError(
            QT_TRANSLATE_NOOP("OfficeError", "the password must have at least {count} characters"),
            count=MIN_PASSWORD,
        )
    password_hash = hash_password(password)
    with engine.begin() as connection:
        new_id = insert_user(
            connection,
            login,
            role=role,
            name=name,
            password_hash=password_hash,
            manager_login=manager_login,
            user_id=user_id,
        )
    return NewUser(new_id, login, role, name, password)


def insert_user(
    connection: Connection,
    login: str,
    *,
    role: str,
    name: str,
    password_hash: str,
    manager_login: str | None = None,
    user_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """`add_user` inside the caller's transaction, with the password already hashed."""
    new_id = user_id or uuid.uuid4()
    if connection.execute(select(users.c.id).where(users.c.login == login)).first():
        raise OfficeError(
            QT_TRANSLATE_NOOP("OfficeError", "login {login!r} is already taken"), login=login
        )
    manager_id = None
    if manager_login is not None:
        manager = _user(connection, manager_login)
        if manager.role not in ("manager", "admin"):
            raise OfficeError(
                QT_TRANSLATE_NOOP("OfficeError", "{login} is a {role}, not a manager"),
                login=manager.login,
                role=manager.role,
            )
        manager_id = manager.id
    connection.execute(
        users.insert().values(
            id=new_id,
            login=login,
            role=role,
            name=name,
            manager_id=manager_id,
            password_hash=password_hash,
            created_at=datetime.now(UTC),
        )
    )
    version = bump_version(connection)
    connection.execute(
        grants.insert().values(user_id=new_id, bucket=OFFICE_BUCKET, granted_version=version)
    )
    _publish_person(
        connection, new_id, role=role, name=name, manager_id=manager_id, version=version
    )
    return new_id


def _publish_person(
    connection: Connection,
    user_id: uuid.UUID,
    *,
    role: str,
    name: str,
    manager_id: uuid.UUID | None,
    version: int,
) -> None:
    """File the person in the office directory (a `users` row every laptop receives).

    A laptop's offers, visits and tasks point at their owner's `users` row: without it
    a freshly enrolled laptop could not save anything. The demo seeds its people's rows
    itself (with more detail); those are left as they are.
    """
    held = connection.execute(
        select(rows.c.entity_id).where(rows.c.entity == "users", rows.c.entity_id == user_id)
    ).first()
    if held is not None:
        return
    surname, _, rest = name.partition(" ")
    first_name, _, patronymic = rest.partition(" ")
    fields = {
        "id": user_id.hex,
        "surname": surname,
        "name": first_name,
        "patronymic": patronymic,
        "email": "",
        "phone": "",
        "position": "",
        # The laptop knows KAMs and managers; an administrator appears as a manager.
        "role": "kam" if role == "kam" else "manager",
        "kam_kind": None,
        "territory_id": None,
        "manager_id": manager_id.hex if manager_id else None,
        "deleted_at": None,
    }
    connection.execute(
        rows.insert().values(
            entity="users",
            entity_id=user_id,
            bucket=OFFICE_BUCKET,
            version=version,
            deleted=False,
            data=fields,
            updated_at=datetime.now(UTC),
        )
    )


def parse_bucket(text: str) -> str:
    """An account id (32 hex digits or a dashed UUID), `account:<hex>` or `office`."""
    cleaned = text.strip()
    if cleaned == OFFICE_BUCKET:
        return OFFICE_BUCKET
    cleaned = cleaned.removeprefix("account:")
    try:
        return account_bucket(uuid.UUID(cleaned))
    except ValueError:
        raise OfficeError(
            QT_TRANSLATE_NOOP("OfficeError", "{text!r} is not an account id (a UUID)"),
            text=text,
        ) from None


def grant(engine: Engine, login: str, buckets: Iterable[str]) -> list[BucketChange]:
    """Grant buckets to a user; one office version for the lot."""
    with engine.begin() as connection:
        return grant_buckets(connection, _user(connection, login).id, buckets)


def grant_buckets(
    connection: Connection, user_id: uuid.UUID, buckets: Iterable[str]
) -> list[BucketChange]:
    """`grant` inside the caller's transaction."""
    wanted = _unique(buckets)
    active = _active_grants(connection, user_id)
    new = [bucket for bucket in wanted if bucket not in active]
    if new:
        version = bump_version(connection)
        connection.execute(
            grants.insert(),
            [{"user_id": user_id, "bucket": b, "granted_version": version} for b in new],
        )
    known = _known(connection, wanted)
    added = set(new)
    return [BucketChange(b, b in added, b in known) for b in wanted]


def revoke(engine: Engine, login: str, buckets: Iterable[str]) -> list[BucketChange]:
    """End a user's grants of these buckets; one office version for the lot."""
    wanted = _unique(buckets)
    with engine.begin() as connection:
        user = _user(connection, login)
        active = _active_grants(connection, user.id)
        ending = [bucket for bucket in wanted if bucket in active]
        if ending:
            version = bump_version(connection)
            connection.execute(
                update(grants)
                .where(
                    grants.c.user_id == user.id,
                    grants.c.bucket.in_(ending),
                    grants.c.revoked_version.is_(None),
                )
                .values(revoked_version=version)
            )
        known = _known(connection, wanted)
    return [BucketChange(b, b in active, b in known) for b in wanted]


def granted_buckets(engine: Engine, login: str) -> set[str]:
    with engine.connect() as connection:
        return _active_grants(connection, _user(connection, login).id)


@dataclass(frozen=True)
class _User:
    id: uuid.UUID
    login: str
    role: Literal["kam", "manager", "admin"]


def _user(connection: Connection, login: str) -> _User:
    cleaned = login.strip().lower()
    row = connection.execute(
        select(users.c.id, users.c.login, users.c.role).where(users.c.login == cleaned)
    ).one_or_none()
    if row is None:
        raise OfficeError(
            QT_TRANSLATE_NOOP(
                "OfficeError", "no user {login!r} in this office (kamdesk server user add)"
            ),
            login=login,
        )
    return _User(row.id, row.login, row.role)


def _active_grants(connection: Connection, user_id: uuid.UUID) -> set[str]:
    return set(
        connection.execute(
            select(grants.c.bucket).where(
                grants.c.user_id == user_id, grants.c.revoked_version.is_(None)
            )
        ).scalars()
    )


def _known(connection: Connection, buckets: list[str]) -> set[str]:
    """The buckets the office holds rows in, in one query per `_KNOWN_CHUNK` buckets.

    An EXISTS per wanted bucket, not `DISTINCT bucket ... IN (...)`: each is answered by
    the first entry of ix_rows_bucket_version, where DISTINCT would read every row of
    every bucket (an account's sales alone are thousands)."""
    found: set[str] = set()
    for start in range(0, len(buckets), _KNOWN_CHUNK):
        chunk = buckets[start : start + _KNOWN_CHUNK]
        wanted = union_all(
            *(select(literal(bucket, _BUCKET).label("bucket")) for bucket in chunk)
        ).subquery("wanted")
        held = select(rows.c.entity).where(rows.c.bucket == wanted.c.bucket).exists()
        found.update(connection.execute(select(wanted.c.bucket).where(held)).scalars())
    return found


def _unique(buckets: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(buckets))
