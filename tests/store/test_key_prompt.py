"""No keyring and no KAMDESK_PASSPHRASE (a server, SSH, a minimal Linux): a command in a
terminal asks for the passphrase (twice for a new store); without a terminal it says
what is wrong and what to do, and creates nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from kamdesk.store import crypto, key_prompt, open_store
from kamdesk.store.crypto import StoreKeyError


@pytest.fixture(autouse=True)
def _no_key_anywhere(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(crypto.PASSPHRASE_VARIABLE)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    crypto.reset_keys()
    yield
    crypto.reset_keys()
    keyring.set_keyring(previous)


def _terminal(monkeypatch: pytest.MonkeyPatch, *typed: str) -> list[str]:
    """A terminal where the user types `typed`, one line a prompt; returns the prompts."""
    answers, prompts = list(typed), []

    def getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr(key_prompt, "can_ask", lambda: True)
    monkeypatch.setattr(key_prompt.getpass, "getpass", getpass)
    return prompts


def test_a_new_store_in_a_terminal_asks_twice_and_is_encrypted_with_what_was_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts = _terminal(monkeypatch, "первый", "опечатка", "первый", "первый")
    path = tmp_path / "kamdesk.sqlite"

    open_store(path).close()

    assert prompts == ["New passphrase: ", "Type it again: "] * 2
    told = capsys.readouterr().err
    assert "no keyring here" in told and "differ" in told
    assert not path.read_bytes().startswith(b"SQLite format 3")
    connection = sqlcipher.connect(str(path))  # what the administrator's sqlcipher does
    try:
        connection.execute("PRAGMA key = 'первый'")
        assert connection.execute("SELECT count(*) FROM accounts").fetchone() == (0,)
    finally:
        connection.close()


def test_an_encrypted_store_in_a_terminal_asks_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kamdesk.sqlite"
    crypto.use_passphrase("пароль")
    open_store(path).close()
    crypto.reset_keys()
    prompts = _terminal(monkeypatch, "пароль")

    open_store(path).close()

    assert prompts == [f"Passphrase of the database {path}: "]


def test_without_a_terminal_it_says_what_to_do_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    assert not key_prompt.can_ask()  # pytest's stdin is no terminal

    with pytest.raises(StoreKeyError) as refused:
        open_store(path)

    message = str(refused.value)
    assert "encrypts every new database" in message
    assert "KAMDESK_PASSPHRASE" in message and "keyring" in message
    assert "is encrypted" not in message  # the old text said so of a file not yet made
    assert refused.value.missing and refused.value.new
    assert not path.exists() or path.stat().st_size == 0
