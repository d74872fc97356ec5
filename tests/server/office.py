"""Helpers for the office server tests: an HTTP client on the app, and enrolment bodies.

The app is called through httpx's ASGI transport (no socket, a chosen client
address), so tests exercise the real routes, handlers and database.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
from fastapi import FastAPI

from kamdesk.cli import main
from kamdesk.schema_version import SCHEMA_HEAD


class OfficeClient:
    def __init__(self, app: FastAPI, address: str = "192.0.2.10") -> None:
        self.app = app
        self.address = address

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, client=(self.address, 50000))
            async with httpx.AsyncClient(transport=transport, base_url="http://office") as client:
                return await client.request(method, path, **kwargs)

        return asyncio.run(call())

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def enrol(
        self, login: str, password: str, client_id: uuid.UUID | None = None, **extra: Any
    ) -> httpx.Response:
        body = {
            "login": login,
            "password": password,
            "client_id": str(client_id or uuid.uuid4()),
            "device_name": "ноутбук КАМ",
            "schema_version": SCHEMA_HEAD,
            **extra,
        }
        return self.post("/sync/v1/enrol", json=body)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def kamdesk(*argv: str) -> int:
    """Run the `kamdesk` command line in this process; its exit code."""
    return main(list(argv))
