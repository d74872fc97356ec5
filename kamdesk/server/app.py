"""The office server's FastAPI application: `create_app(database_url)`.

The engine is built here, in the factory, and kept in `app.state.engine`; the
process holds nothing else, so several workers (`kamdesk server run --workers N`)
can serve one office: order and versions live in the database.

Every 4xx/5xx answer is a `protocol.ErrorBody` (`error` for programs, `detail` in
Russian for people), request validation errors included; /openapi.json says so.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from sqlalchemy import select
from starlette.exceptions import HTTPException as StarletteHTTPException

from kamdesk import __version__
from kamdesk.server import admin, enrol, sync_routes
from kamdesk.server.compat import PROTOCOLS, SCHEMA_VERSIONS
from kamdesk.server.db import open_office
from kamdesk.server.environment import DATABASE_ENV
from kamdesk.server.errors import ApiError
from kamdesk.server.tables import server_state
from kamdesk.sync.protocol import API_PREFIX, ErrorBody, ServerInfo

log = logging.getLogger(__name__)


_HTTP_ERRORS = {
    400: ("bad_request", "Запрос не читается: тело должно быть JSON в UTF-8."),
    404: ("not_found", "Нет такого адреса на сервере офиса."),
    405: ("method_not_allowed", "Этот адрес не принимает такой запрос."),
}


def create_app(database_url: str) -> FastAPI:
    """The office app on an initialised database (OfficeError when it is not)."""
    engine = open_office(database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="KAMdesk office server",
        version=__version__,
        description="Sync of KAMdesk laptops with their office (wire format v1, docs/sync.md).",
        lifespan=lifespan,
    )
    app.state.engine = engine
    _install_error_handlers(app)

    @app.get(f"{API_PREFIX}/info", response_model=ServerInfo, tags=["sync"])
    def info(request: Request) -> ServerInfo:
        """What the office accepts; no login needed."""
        with request.app.state.engine.connect() as connection:
            epoch = connection.execute(
                select(server_state.c.epoch).where(server_state.c.id == 1)
            ).scalar_one()
        return ServerInfo(
            protocols=list(PROTOCOLS), schema_versions=list(SCHEMA_VERSIONS), server_epoch=epoch
        )

    app.include_router(enrol.router, prefix=API_PREFIX, tags=["sync"])
    app.include_router(admin.router, tags=["admin"])
    app.include_router(sync_routes.router)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def app_from_environment() -> FastAPI:
    """The factory uvicorn's workers call (`kamdesk.server.app:app_from_environment`):
    `kamdesk server run --workers N` puts the database URL in $KAMDESK_OFFICE_DB."""
    url = os.environ.get(DATABASE_ENV)
    if not url:
        raise RuntimeError(f"{DATABASE_ENV} is not set: start the server with `kamdesk server run`")
    return create_app(url)


def _error(status: int, error: str, detail: str, headers: dict[str, str] | None = None) -> Any:
    return JSONResponse(
        ErrorBody(error=error, detail=detail).model_dump(), status_code=status, headers=headers
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> JSONResponse:
        response: JSONResponse = _error(error.status, error.error, error.detail, error.headers)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code, detail = _HTTP_ERRORS.get(
            error.status_code, (f"http_{error.status_code}", "Запрос не выполнен.")
        )
        response: JSONResponse = _error(
            error.status_code, code, detail, getattr(error, "headers", None)
        )
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        response: JSONResponse = _error(
            422, "invalid", f"Запрос не по формату: {where} — {first.get('msg', '')}".strip()
        )
        return response

    @app.exception_handler(Exception)
    async def internal(request: Request, error: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        response: JSONResponse = _error(
            500, "internal", "Внутренняя ошибка сервера офиса; повторите позже."
        )
        return response


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, with the 422 answers described as the ErrorBody they are, and
    the 400 a body that is not JSON gets (FastAPI answers it before validation)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("ErrorBody", ErrorBody.model_json_schema())
    error_ref = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.get("responses", {})
            if "422" in responses:
                responses["422"]["content"] = error_ref
            if "requestBody" in operation:
                responses.setdefault(
                    "400", {"description": "the body is not JSON", "content": error_ref}
                )
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    app.openapi_schema = schema
    return schema
