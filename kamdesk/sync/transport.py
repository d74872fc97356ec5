"""The laptop's HTTP exchange with the office: one request, and what its answer means.

Every failure becomes one of kamdesk.sync.errors: a network error or a 5xx is
`OfficeUnreachableError` (retry later, keep everything), 426 or a protocol/schema
refusal `ClientTooOldError`, a refused login `LoginRefusedError`, a refused token
`TokenRefusedError`, anything else `OfficeRefusedError`. A 409 from /push is a gap
the client handles itself, so it comes back as an answer.
"""

from __future__ import annotations

from typing import TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from kamdesk.sync.errors import (
    LoginRefusedError,
    OfficeRefusedError,
    OfficeUnreachableError,
    TokenRefusedError,
    version_refusal,
)
from kamdesk.sync.protocol import API_PREFIX

_M = TypeVar("_M", bound=BaseModel)


def request(
    http: httpx.Client,
    method: str,
    server_url: str,
    path: str,
    body: BaseModel | None = None,
    *,
    token: str | None = None,
    enrolling: bool = False,
) -> httpx.Response:
    headers = {"Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    url = f"{server_url}{API_PREFIX}{path}"
    try:
        response = http.request(
            method,
            url,
            content=body.model_dump_json().encode() if body is not None else None,
            headers=headers,
        )
    except httpx.HTTPError as error:
        raise OfficeUnreachableError(f"{type(error).__name__}: {error}".rstrip(": ")) from error
    status = response.status_code
    if status < 400 or (status == 409 and path == "/push"):
        return response
    detail = _error_detail(response)
    if status >= 500:
        raise OfficeUnreachableError(f"HTTP {status}: {detail}")
    if status == 426 or _error_code(response) in {"protocol", "schema", "too_old"}:
        raise version_refusal(_error_code(response), detail)
    if enrolling and status in (400, 401, 403, 422, 429):
        raise LoginRefusedError(detail)
    if status in (401, 403):
        raise TokenRefusedError(detail)
    raise OfficeRefusedError(f"HTTP {status}: {detail}")


def parse(response: httpx.Response, model: type[_M]) -> _M:
    try:
        return model.model_validate_json(response.content)
    except ValidationError as error:
        raise OfficeRefusedError(
            f"an answer this version cannot read ({error.error_count()} errors)"
        ) from error


def _error_detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:300] or response.reason_phrase
    if isinstance(body, dict):
        detail = body.get("detail")
        if isinstance(detail, str):
            return detail
        if detail is not None:
            return str(detail)[:300]
        return str(body.get("error", ""))[:300] or response.reason_phrase
    return str(body)[:300]


def _error_code(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    return str(body.get("error", "")) if isinstance(body, dict) else ""
