"""Routes for the office's administrators: the enrolled laptops, and revoking one."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from kamdesk.server.auth import require_admin
from kamdesk.server.context import Caller
from kamdesk.server.errors import ApiError, OfficeError
from kamdesk.server.laptops import Laptop, list_laptops, revoke_laptop
from kamdesk.sync.protocol import ErrorBody

router = APIRouter(prefix="/admin/v1")
_REFUSALS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorBody},
    403: {"model": ErrorBody},
}


class EnrolledLaptop(BaseModel):
    client_id: uuid.UUID
    laptop_code: str
    login: str
    device_name: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None
    last_seq: int

    @classmethod
    def of(cls, laptop: Laptop) -> EnrolledLaptop:
        return cls(**laptop.__dict__)


@router.get("/clients", response_model=list[EnrolledLaptop], responses=_REFUSALS)
def laptops(
    request: Request,
    caller: Caller = Depends(require_admin),  # noqa: B008
) -> list[EnrolledLaptop]:
    """Every laptop ever enrolled, oldest first."""
    return [EnrolledLaptop.of(laptop) for laptop in list_laptops(request.app.state.engine)]


@router.post(
    "/clients/{client_id}/revoke",
    response_model=EnrolledLaptop,
    responses={**_REFUSALS, 404: {"model": ErrorBody}},
)
def revoke_client(
    client_id: uuid.UUID,
    request: Request,
    caller: Caller = Depends(require_admin),  # noqa: B008
) -> EnrolledLaptop:
    """The laptop's token stops working at once; its next sync is refused with 401."""
    try:
        return EnrolledLaptop.of(revoke_laptop(request.app.state.engine, client_id))
    except OfficeError:
        raise ApiError(404, "not_found", "Такой ноутбук в офисе не зарегистрирован.") from None
