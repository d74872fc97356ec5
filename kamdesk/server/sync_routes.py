"""The push and pull routes (wire format v1); the work is in push.py and pull.py.

Each request is one transaction on `app.state.engine`. Answers go to JSON straight
from their pydantic models (push.py and pull.py built them: FastAPI validating 500
outcomes or a page of 2 000 rows a second time would only cost time). A database that
is busy or gone answers 503 with Retry-After, so the laptop tries again later and keeps
its outbox; a `previous_seq` ahead of the office answers 409 with a `PushGap` body.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from kamdesk.server.auth import require_caller
from kamdesk.server.compat import check_versions
from kamdesk.server.context import Caller
from kamdesk.server.errors import ApiError
from kamdesk.server.pull import apply_pull
from kamdesk.server.push import PushGapError, PushRefused, apply_push
from kamdesk.sync import protocol
from kamdesk.sync.protocol import ErrorBody, PullRequest, PullResponse, PushGap, PushRequest

log = logging.getLogger(__name__)
RETRY_AFTER_S = 5

router = APIRouter(prefix=protocol.API_PREFIX, tags=["sync"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "no valid laptop token"},
    403: {"model": ErrorBody, "description": "the request names another laptop"},
    426: {"model": ErrorBody, "description": "protocol or schema version not accepted"},
    503: {"model": ErrorBody, "description": "the office database is busy: retry later"},
}


def _temporary(error: DBAPIError) -> bool:
    """Busy, locked, a lost connection, a serialisation failure: worth a retry. Other
    database errors are bugs; a retry would only repeat them (and jam the queue)."""
    return isinstance(error, (OperationalError, InterfaceError)) or error.connection_invalidated


def _unavailable(error: DBAPIError) -> ApiError:
    log.warning("office database unavailable: %s", error)
    return ApiError(
        503,
        "unavailable",
        "База офиса сейчас занята или недоступна; изменения сохранены и уйдут позже.",
        {"Retry-After": str(RETRY_AFTER_S)},
    )


def _json(answer: BaseModel) -> Response:
    return Response(answer.model_dump_json(), media_type="application/json")


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


@router.post(
    "/push",
    response_model=protocol.PushResponse,
    responses={**_ERRORS, 409: {"model": PushGap, "description": "previous_seq is ahead"}},
)
def push(
    body: PushRequest,
    request: Request,
    caller: Caller = Depends(require_caller),  # noqa: B008
) -> Any:
    """Apply the laptop's changes in order; one outcome per change."""
    check_versions(body.protocol, body.schema_version)
    try:
        with _engine(request).begin() as connection:
            return _json(apply_push(connection, caller, body))
    except PushGapError as gap:
        return JSONResponse(gap.body.model_dump(mode="json"), status_code=409)
    except PushRefused as refused:
        raise ApiError(403, refused.error, refused.detail) from refused
    except DBAPIError as error:
        if not _temporary(error):
            raise
        raise _unavailable(error) from error


@router.post("/pull", response_model=PullResponse, responses=_ERRORS)
def pull(
    body: PullRequest,
    request: Request,
    caller: Caller = Depends(require_caller),  # noqa: B008
) -> Any:
    """One page of the rows the caller may read, changed since the cursor."""
    check_versions(body.protocol, body.schema_version)
    if body.client_id != caller.client_id:
        raise ApiError(403, "client", "Этот ключ выдан другому ноутбуку.")
    try:
        with _engine(request).connect() as connection:
            return _json(apply_pull(connection, caller, body))
    except DBAPIError as error:
        if not _temporary(error):
            raise
        raise _unavailable(error) from error
