"""Who is calling: passwords (argon2), laptop tokens, and the `require_caller` dependency.

A token is given once, at enrolment, to one laptop; the office keeps only its
sha256. Every sync route takes `caller: Caller = Depends(require_caller)`: a
token of a laptop that was not revoked, of a user who was not disabled, or 401.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, select, update
from sqlalchemy.exc import InterfaceError, OperationalError

from kamdesk.server.context import Caller
from kamdesk.server.errors import ApiError
from kamdesk.server.tables import clients, users

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from argon2 import PasswordHasher

BEARER = "bearer"
SEEN_EVERY = timedelta(minutes=5)
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; an unknown login (None) costs the same time."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash or _dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher().hash(secrets.token_urlsafe(16))


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def unauthorised(
    detail: str = "Нужен вход: ноутбук не подключён к офису или отключён.",
) -> ApiError:
    return ApiError(401, "unauthorised", detail, headers=_CHALLENGE)


def caller_for_token(engine: Engine, token: str) -> Caller | None:
    query = (
        select(
            users.c.id,
            users.c.login,
            users.c.name,
            users.c.role,
            clients.c.id.label("client_id"),
            clients.c.laptop_code,
            clients.c.last_seen_at,
        )
        .select_from(clients.join(users, users.c.id == clients.c.user_id))
        .where(
            clients.c.token_hash == hash_token(token),
            clients.c.revoked_at.is_(None),
            users.c.disabled_at.is_(None),
        )
    )
    with engine.connect() as connection:
        row = connection.execute(query).one_or_none()
    if row is None:
        return None
    _seen(engine, row.client_id, row.last_seen_at)
    return Caller(
        user_id=row.id,
        login=row.login,
        name=row.name,
        role=row.role,
        client_id=row.client_id,
        laptop_code=row.laptop_code,
    )


# Declared so the OpenAPI names the bearer scheme; the checks are ours (ErrorBody, 401).
_bearer = HTTPBearer(auto_error=False, description="the token a laptop got at enrolment")


def _seen(engine: Engine, client_id: uuid.UUID, last_seen: datetime | None) -> None:
    """Note when a laptop was last heard from (at most one write per SEEN_EVERY)."""
    now = datetime.now(UTC)
    if last_seen is not None:
        if last_seen.tzinfo is None:  # SQLite gives the stored UTC time back naive
            last_seen = last_seen.replace(tzinfo=UTC)
        if now - last_seen < SEEN_EVERY:
            return
    try:
        with engine.begin() as connection:
            connection.execute(
                update(clients).where(clients.c.id == client_id).values(last_seen_at=now)
            )
    except (OperationalError, InterfaceError) as error:
        # Only a note for the admin: a busy office must not turn a push into a 500;
        # the push itself then answers 503 (retry) if the database stays busy.
        log.warning("could not note when laptop %s was last seen: %s", client_id, error)


def require_caller(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),  # noqa: B008
) -> Caller:
    """FastAPI dependency: the caller of a request with a valid bearer token, or 401."""
    if credentials is None or credentials.scheme.lower() != BEARER or not credentials.credentials:
        raise unauthorised()
    token = credentials.credentials.strip()
    caller = caller_for_token(request.app.state.engine, token)
    if caller is None:
        raise unauthorised(
            "Ключ ноутбука не принят: ноутбук отключён от офиса или пользователь заблокирован. "
            "Войдите снова."
        )
    return caller


def require_admin(caller: Caller = Depends(require_caller)) -> Caller:  # noqa: B008
    if caller.role != "admin":
        raise ApiError(403, "forbidden", "Это может сделать только администратор офиса.")
    return caller
