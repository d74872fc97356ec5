"""schemathesis against the office's own /openapi.json, over the ASGI app (no socket).

Every operation gets generated requests, valid and not; every answer must not be a
5xx and must match what the OpenAPI says of its status, content type, headers and
body. The sync routes are called with a real KAM laptop's bearer token (and, for
most examples, that laptop's client id and the schema version the office accepts,
so the generated changes and cursors reach the push and pull code, not only the
refusal in front of it); the admin routes with an administrator's. A new route is
tested without being named here. Bounded: 30 examples per operation.
"""

from __future__ import annotations

import atexit
import itertools
import shutil
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from argon2 import PasswordHasher
from fastapi import FastAPI
from hypothesis import HealthCheck, settings

from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.server import auth
from kamdesk.server.app import create_app
from kamdesk.server.db import init_database
from kamdesk.server.users import add_user, grant
from kamdesk.sync.protocol import account_bucket
from tests.server.office import OfficeClient

PASSWORD = "пароль-надёжный"
EXAMPLES = 30  # per operation: the six operations take about half a minute here


class Office:
    def __init__(self, app: FastAPI, kam: dict[str, Any], admin: dict[str, Any]) -> None:
        self.app = app
        self.kam = kam
        self.admin = admin
        self._turn = itertools.count()

    def headers_for(self, path: str) -> dict[str, str]:
        enrolled = self.admin if path.startswith("/admin/") else self.kam
        return {"Authorization": f"Bearer {enrolled['token']}"}

    def aim(self, case: schemathesis.Case) -> None:
        """Two valid examples in three of a sync route speak as the enrolled laptop, in
        the accepted schema version (the invalid ones are sent as generated)."""
        body = case.body
        if not case.path.startswith("/sync/v1/") or not isinstance(body, dict):
            return
        if case.meta is None or not case.meta.generation.mode.is_positive:
            return
        if next(self._turn) % 3 == 0:
            return
        body["schema_version"] = SCHEMA_HEAD
        if not case.path.endswith("/enrol"):
            body["client_id"] = self.kam["client_id"]


# schemathesis' lazy schema (from_fixture) does not run under this pytest, so the app
# is made when the module is collected, on a SQLite office of its own.
_FOLDER = Path(tempfile.mkdtemp(prefix="kamdesk-schemathesis-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
_URL = f"sqlite:///{_FOLDER / 'office.sqlite'}"
init_database(_URL)
APP = create_app(_URL)
# 426 is how the office refuses a request in a protocol or schema version it does not
# speak (checked first: an old laptop must be told to update, whatever else it sent).
CONFIG = schemathesis.Config.from_str(
    """
[checks.negative_data_rejection]
expected-statuses = [400, 401, 403, 404, 405, 406, 409, 415, 422, 426, 428, 429]

[checks.positive_data_acceptance]
expected-statuses = ["2xx", 401, 403, 404, 409, 426, 429]
"""
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=CONFIG)


@pytest.fixture(scope="module")
def office() -> Iterator[Office]:
    with pytest.MonkeyPatch.context() as patch:
        cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        patch.setattr(auth, "_hasher", lambda: cheap)
        engine = APP.state.engine
        add_user(engine, "admin", role="admin", name="Орлов Павел Николаевич", password=PASSWORD)
        add_user(engine, "ivanova", role="kam", name="Иванова Анна Сергеевна", password=PASSWORD)
        grant(engine, "ivanova", [account_bucket(uuid.uuid4())])
        client = OfficeClient(APP)
        kam = client.enrol("ivanova", PASSWORD).json()
        admin = client.enrol("admin", PASSWORD).json()
        try:
            yield Office(APP, kam, admin)
        finally:
            engine.dispose()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_5xx_and_every_answer_matches_the_openapi(
    case: schemathesis.Case, office: Office
) -> None:
    office.aim(case)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # Starlette's TestClient on httpx
        case.call_and_validate(headers=office.headers_for(case.path))
