"""An office and a laptop of different versions: one message, saying which side is older."""

from __future__ import annotations

import httpx
import pytest

from kamdesk.i18n import catalogue_translator
from kamdesk.server import compat
from kamdesk.server.errors import ApiError
from kamdesk.sync import transport
from kamdesk.sync.errors import ClientTooOldError, OfficeTooOldError


def _office_answer(schema_version: str) -> httpx.Client:
    """An HTTP client to an office that refuses `schema_version` in its own words."""
    with pytest.raises(ApiError) as refused:
        compat.check_versions(compat.PROTOCOLS[0], schema_version)
    error = refused.value

    def answer(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(error.status, json={"error": error.error, "detail": error.detail})

    return httpx.Client(transport=httpx.MockTransport(answer))


def _refusal(
    monkeypatch: pytest.MonkeyPatch, office_accepts: tuple[str, ...], ours: str
) -> Exception:
    monkeypatch.setattr(compat, "SCHEMA_VERSIONS", office_accepts)
    monkeypatch.setattr("kamdesk.schema_version.SCHEMA_HEAD", ours)
    with pytest.raises((ClientTooOldError, OfficeTooOldError)) as refused:
        transport.request(_office_answer(ours), "GET", "http://office", "/pull")
    return refused.value


def test_a_laptop_newer_than_the_office_asks_for_the_server_to_be_updated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error = _refusal(monkeypatch, ("0003", "0004"), "0005")
    assert isinstance(error, OfficeTooOldError)
    said = str(error.message)
    assert said.startswith("The office server is older than this version of KAMdesk")
    assert "update the server" in said and "Update KAMdesk" not in said
    assert "0005" not in said  # the office's own words are not repeated inside ours
    russian = catalogue_translator("ru")(error.message)
    assert russian.count("KAMdesk") == 1


def test_a_laptop_older_than_the_office_is_told_to_update_kamdesk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error = _refusal(monkeypatch, ("0004", "0005"), "0003")
    assert isinstance(error, ClientTooOldError)
    said = str(error.message)
    assert "update KAMdesk" in said and "update the server" not in said
    assert "0003" not in said
