"""POST /sync/v1/enrol: a login on one laptop gives that laptop its own token.

- Failed logins are counted per login and address (`login_failures`): after
  `MAX_FAILURES` within `FAILURE_WINDOW` the office answers 429 until the oldest
  of them is older than the window, even to the right password.
- The client id the laptop sends is kept when the office has never seen it. One
  that is already enrolled (a store file copied to a second laptop, or a laptop
  logging in a second time) gets a new uuid4: two laptops never push under one
  id, and nothing is lost, since the office de-duplicates changes by change id.
- The laptop code for offer numbers is the office's: «K001», «K002»… unique
  among all laptops ever enrolled. Four characters, so it never equals the
  three-character code a laptop derives for itself before its first enrolment.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Request
from sqlalchemy import Connection, Engine, delete, func, select
from sqlalchemy.exc import IntegrityError

from kamdesk.server.auth import hash_token, new_token, verify_password
from kamdesk.server.compat import check_versions
from kamdesk.server.errors import ApiError
from kamdesk.server.tables import clients, login_failures, server_state, users
from kamdesk.sync.protocol import EnrolledUser, EnrolRequest, EnrolResponse, ErrorBody

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=10)
_CODE = re.compile(r"^K(\d+)$")
_ATTEMPTS = 5  # concurrent enrolments may race for a laptop code or a client id

router = APIRouter()


@router.post(
    "/enrol",
    response_model=EnrolResponse,
    responses={
        401: {"model": ErrorBody, "description": "wrong login or password"},
        403: {"model": ErrorBody, "description": "the user is disabled"},
        426: {"model": ErrorBody, "description": "the laptop must be updated"},
        429: {"model": ErrorBody, "description": "too many failed logins"},
    },
)
def enrol(body: EnrolRequest, request: Request) -> EnrolResponse:
    address = request.client.host if request.client else ""
    return enrol_laptop(request.app.state.engine, body, address)


def enrol_laptop(
    engine: Engine, body: EnrolRequest, address: str, now: datetime | None = None
) -> EnrolResponse:
    check_versions(body.protocol, body.schema_version)
    now = now or datetime.now(UTC)
    # PostgreSQL refuses NUL in text: such a login is simply nobody's.
    login = body.login.replace("\x00", "").strip().lower()[:100]
    address = address.replace("\x00", "")[:100]
    with engine.begin() as connection:
        _refuse_while_limited(connection, login, address, now)
        user = connection.execute(select(users).where(users.c.login == login)).one_or_none()
    if not verify_password(user.password_hash if user else None, body.password):
        with engine.begin() as connection:
            connection.execute(login_failures.insert().values(login=login, address=address, at=now))
            connection.execute(
                delete(login_failures).where(login_failures.c.at < now - FAILURE_WINDOW * 6)
            )
        raise ApiError(401, "login", "Неверный логин или пароль.")
    assert user is not None
    if user.disabled_at is not None:
        raise ApiError(403, "disabled", "Учётная запись отключена. Обратитесь к администратору.")
    token = new_token()
    for attempt in range(_ATTEMPTS):
        try:
            with engine.begin() as connection:
                # One enrolment at a time (the office's row lock on PostgreSQL; SQLite's
                # write lock), so two laptops never reach for the same laptop code.
                epoch = connection.execute(
                    select(server_state.c.epoch).where(server_state.c.id == 1).with_for_update()
                ).scalar_one()
                connection.execute(
                    delete(login_failures).where(
                        login_failures.c.login == login, login_failures.c.address == address
                    )
                )
                client_id, code = _enrol_client(connection, body, user.id, token, now)
            break
        except IntegrityError:
            if attempt == _ATTEMPTS - 1:
                raise
    return EnrolResponse(
        token=token,
        client_id=client_id,
        laptop_code=code,
        user=EnrolledUser(
            id=user.id,
            login=user.login,
            role=user.role,
            name=user.name,
            manager_id=user.manager_id,
        ),
        server_epoch=epoch,
        last_seq=0,
    )


def _refuse_while_limited(connection: Connection, login: str, address: str, now: datetime) -> None:
    recent = connection.execute(
        select(func.count(), func.min(login_failures.c.at)).where(
            login_failures.c.login == login,
            login_failures.c.address == address,
            login_failures.c.at > now - FAILURE_WINDOW,
        )
    ).one()
    count, oldest = recent
    if count < MAX_FAILURES:
        return
    if oldest.tzinfo is None:  # SQLite gives the stored UTC time back naive
        oldest = oldest.replace(tzinfo=UTC)
    wait = max(1, int((oldest + FAILURE_WINDOW - now).total_seconds()) + 1)
    minutes = max(1, -(-wait // 60))
    raise ApiError(
        429,
        "rate_limited",
        f"Слишком много неудачных попыток входа. Повторите через {minutes} мин.",
        headers={"Retry-After": str(wait)},
    )


def _enrol_client(
    connection: Connection,
    body: EnrolRequest,
    user_id: uuid.UUID,
    token: str,
    now: datetime,
) -> tuple[uuid.UUID, str]:
    taken = connection.execute(
        select(clients.c.id).where(clients.c.id == body.client_id)
    ).one_or_none()
    client_id = body.client_id if taken is None else uuid.uuid4()
    code = next_laptop_code(connection)
    connection.execute(
        clients.insert().values(
            id=client_id,
            user_id=user_id,
            token_hash=hash_token(token),
            device_name=body.device_name.replace("\x00", ""),
            laptop_code=code,
            last_seq=0,
            enrolled_at=now,
        )
    )
    return client_id, code


def next_laptop_code(connection: Connection) -> str:
    numbers = [
        int(match.group(1))
        for (code,) in connection.execute(select(clients.c.laptop_code))
        if (match := _CODE.match(code))
    ]
    return f"K{max(numbers, default=0) + 1:03d}"
