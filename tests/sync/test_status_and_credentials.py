"""What the window and the command line read about sync, progress and stopping, and
where the office's key is kept."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import update

from kamdesk.models import Contact, Product
from kamdesk.server.tables import clients
from kamdesk.services.sync_status import read_overview, waiting_count
from kamdesk.sync.client import SyncProgress
from kamdesk.sync.credentials import TOKEN_ENV, Credentials
from kamdesk.sync.errors import NotEnrolledError, TokenRefusedError
from tests.sync.conftest import Laptop, Office
from tests.sync.test_two_laptops import edit, new_client


def test_the_overview_before_and_after_a_sync(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    before = read_overview(a.store)
    assert not before.enrolled and before.last_sync_at is None and before.waiting == 0
    with pytest.raises(NotEnrolledError):
        a.sync()

    a.enrol("anna")
    new_client(a)
    with a.store.transaction() as session:  # refused: a KAM may not change the catalogue
        session.add(Product(sku="ИНС-100", inn_name="Инсулин", trade_name="Инсулакс"))
    waiting = read_overview(a.store)
    assert waiting.enrolled and waiting.login == "anna" and waiting.role == "kam"
    assert waiting.user_name == "Иванова Анна Сергеевна" and waiting.waiting == 4
    with a.store.session() as session:
        assert waiting_count(session) == 4

    a.sync()
    after = read_overview(a.store)
    assert after.waiting == 0 and after.last_sync_at is not None
    assert (after.rejected, after.open_issues) == (1, 1)
    assert after.server_url == "http://testserver" and after.laptop_code


def test_progress_counts_up_and_a_stop_leaves_the_rest_for_next_time(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    a.enrol("anna")
    a.client.batch_size = 2
    new_client(a)  # three changes: two batches
    seen: list[SyncProgress] = []

    def stop_after_the_first_batch() -> bool:
        return any(p.phase == "push" and p.done >= 2 for p in seen)

    report = a.client.sync(progress=seen.append, should_stop=stop_after_the_first_batch)

    assert report.stopped and report.pushed == 2 and len(a.pending()) == 1
    assert seen[0] == SyncProgress("push", 0, 3) and seen[-1] == SyncProgress("push", 2, 3)
    assert read_overview(a.store).last_sync_at is None  # not a finished sync
    seen.clear()
    report = a.client.sync(progress=seen.append)
    assert not report.stopped and report.pushed == 1 and a.pending() == []
    assert [p.phase for p in seen][-1] == "pull" and seen[-1].done == report.pulled_rows


def test_a_laptop_the_office_disconnected_is_told_to_log_in_again(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    from datetime import UTC, datetime

    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    a.enrol("anna")
    _, contact_id = new_client(a)
    with office.engine.begin() as connection:
        connection.execute(update(clients).values(revoked_at=datetime.now(UTC)))

    with pytest.raises(TokenRefusedError) as refused:
        a.sync()
    assert "kamdesk sync --login" in str(refused.value.message)
    assert len(a.pending()) == 3  # kept

    a.enrol("anna")  # logging in again sends what waited
    edit(a, Contact, contact_id, position="Главный врач")
    report = a.sync()
    assert report.applied == 4 and a.pending() == []


def test_the_token_goes_to_a_private_file_without_a_keyring(tmp_path: Any) -> None:
    credentials = Credentials(tmp_path / "data", use_keyring=False)
    assert credentials.load("abc") is None
    credentials.save("abc", "secret-token")
    path = tmp_path / "data" / "sync-token-abc"
    assert path.read_text() == "secret-token"
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert credentials.load("abc") == "secret-token"
    credentials.forget("abc")
    assert credentials.load("abc") is None and not path.exists()


def test_the_token_goes_to_the_keyring_when_there_is_one(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Keyring:
        def __init__(self) -> None:
            self.kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, key: str) -> str | None:
            return self.kept.get((service, key))

        def set_password(self, service: str, key: str, token: str) -> None:
            self.kept[(service, key)] = token

        def delete_password(self, service: str, key: str) -> None:
            del self.kept[(service, key)]

    keyring = Keyring()
    monkeypatch.setattr(Credentials, "_keyring", lambda self: keyring)
    credentials = Credentials(tmp_path)
    credentials.save("abc", "secret-token")
    assert list(keyring.kept.values()) == ["secret-token"]
    assert not (tmp_path / "sync-token-abc").exists()
    assert credentials.load("abc") == "secret-token"


def test_a_token_in_the_environment_wins_for_scripts(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    credentials = Credentials(tmp_path, use_keyring=False)
    credentials.save("abc", "stored")
    monkeypatch.setenv(TOKEN_ENV, "from-the-script")
    assert credentials.load("abc") == "from-the-script"
