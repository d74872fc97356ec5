"""Routes for the office's administrators: revoking a laptop (lost, stolen, replaced)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel
from sqlalchemy import select, update

from kamdesk.server.auth import require_admin
from kamdesk.server.context import Caller
from kamdesk.server.errors import ApiError
from kamdesk.server.tables import clients
from kamdesk.sync.protocol import ErrorBody

router = APIRouter(prefix="/admin/v1")


class RevokedClient(BaseModel):
    client_id: uuid.UUID
    laptop_code: str
    revoked_at: datetime


@router.post(
    "/clients/{client_id}/revoke",
    response_model=RevokedClient,
    responses={
        401: {"model": ErrorBody},
        403: {"model": ErrorBody},
        404: {"model": ErrorBody},
    },
)
def revoke_client(
    client_id: uuid.UUID,
    request: Request,
    caller: Caller = Depends(require_admin),  # noqa: B008
) -> RevokedClient:
    """The laptop's token stops working at once; its next sync is refused with 401."""
    now = datetime.now(UTC)
    with request.app.state.engine.begin() as connection:
        row = connection.execute(
            select(clients.c.laptop_code, clients.c.revoked_at).where(clients.c.id == client_id)
        ).one_or_none()
        if row is None:
            raise ApiError(404, "not_found", "Такой ноутбук в офисе не зарегистрирован.")
        if row.revoked_at is None:
            connection.execute(
                update(clients).where(clients.c.id == client_id).values(revoked_at=now)
            )
        revoked_at = row.revoked_at or now
    if revoked_at.tzinfo is None:
        revoked_at = revoked_at.replace(tzinfo=UTC)
    return RevokedClient(client_id=client_id, laptop_code=row.laptop_code, revoked_at=revoked_at)
