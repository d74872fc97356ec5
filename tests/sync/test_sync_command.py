"""`kamdesk sync` as a KAM types it: enrol once, then sync; exit 1 when something
needs them (a refused change, no office)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from kamdesk.cli import main
from kamdesk.models import Product
from kamdesk.store import open_store
from kamdesk.sync.credentials import Credentials
from tests.sync.conftest import PASSWORD, SERVER, Office


@pytest.fixture
def cli_office(office: Office, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The office the command reaches, and a password file for Anna."""
    import kamdesk.commands.sync as command

    monkeypatch.setattr(command, "http_client", lambda server: office.http)
    monkeypatch.setattr(Credentials, "_keyring", lambda self: None)  # never the real keyring
    monkeypatch.delenv("KAMDESK_PASSWORD", raising=False)
    monkeypatch.delenv("KAMDESK_SYNC_TOKEN", raising=False)
    office.user("anna", "Иванова Анна Сергеевна")
    password = tmp_path / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    return password


def _add(db: Path, *rows: Any) -> None:
    store = open_store(db)
    try:
        with store.transaction() as session:
            session.add_all(rows)
    finally:
        store.close()


def test_first_sync_enrols_then_a_plain_sync_sends_what_waits(
    cli_office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kamdesk.models import Account, AccountKind

    db = tmp_path / "kam.sqlite"
    first = ["--db", str(db), "sync", "--server", SERVER, "--login", "anna"]
    code = main(
        [*first, "--password-file", str(cli_office), "--device", "ноутбук Анны", "--lang", "en"]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Connected to the office http://testserver as Иванова Анна Сергеевна (anna)" in out
    assert "Sent to the office: 0 changes" in out

    _add(db, Account(name="ГБУЗ «ГКБ № 5»", kind=AccountKind.HOSPITAL))
    code = main(["--db", str(db), "sync", "--lang", "en"])  # no password: enrolled already
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Connected" not in captured.out
    assert "Sent to the office: 1 changes (applied 1, merged 0, refused 0)" in captured.out
    assert "Received from the office: 1 rows" in captured.out


def test_a_refused_change_exits_1_and_says_where_it_is_kept(
    cli_office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kam.sqlite"
    args = ["--db", str(db), "sync", "--server", SERVER, "--login", "anna"]
    assert main([*args, "--password-file", str(cli_office), "--lang", "en"]) == 0
    _add(db, Product(sku="ИНС-100", inn_name="Инсулин", trade_name="Инсулакс"))

    code = main(["--db", str(db), "sync", "--lang", "en"])

    captured = capsys.readouterr()
    assert code == 1
    assert "refused 1" in captured.out
    assert "kept in the sync issues" in captured.err


def test_an_unreachable_office_exits_1_with_what_to_do(
    cli_office: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kamdesk.commands.sync as command

    db = tmp_path / "kam.sqlite"
    args = ["--db", str(db), "sync", "--server", SERVER, "--login", "anna"]
    assert main([*args, "--password-file", str(cli_office), "--lang", "en"]) == 0

    def unplugged(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Network is unreachable", request=request)

    monkeypatch.setattr(
        command,
        "http_client",
        lambda server: httpx.Client(transport=httpx.MockTransport(unplugged)),
    )
    code = main(["--db", str(db), "sync", "--lang", "en"])

    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and "does not answer" in err[0] and "try again later" in err[0]


def test_without_a_password_and_no_terminal_it_says_how_to_give_one(
    cli_office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kam.sqlite"
    code = main(["--db", str(db), "sync", "--server", SERVER, "--login", "anna"])
    assert code == 1
    assert "--password-file" in capsys.readouterr().err


def test_a_wrong_password_is_refused_in_russian_by_default(
    cli_office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-the-password", encoding="utf-8")
    db = tmp_path / "kam.sqlite"
    args = ["--db", str(db), "sync", "--server", SERVER, "--login", "anna"]
    code = main([*args, "--password-file", str(wrong)])
    assert code == 1
    assert "Неверный логин или пароль" in capsys.readouterr().err  # the office's words


def test_a_disconnected_laptop_logs_in_again_when_the_login_is_given(
    cli_office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], office: Office
) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import update

    from kamdesk.models import Account, AccountKind
    from kamdesk.server.tables import clients

    db = tmp_path / "kam.sqlite"
    args = ["--db", str(db), "sync", "--server", SERVER, "--login", "anna"]
    assert main([*args, "--password-file", str(cli_office), "--lang", "en"]) == 0
    with office.engine.begin() as connection:
        connection.execute(update(clients).values(revoked_at=datetime.now(UTC)))
    _add(db, Account(name="ГБУЗ «ГКБ № 5»", kind=AccountKind.HOSPITAL))

    assert main(["--db", str(db), "sync", "--lang", "en"]) == 1
    assert "kamdesk sync --login" in capsys.readouterr().err

    code = main([*args, "--password-file", str(cli_office), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Sent to the office: 1 changes (applied 1" in out
