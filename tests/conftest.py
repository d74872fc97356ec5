"""Every test gets its own folders and its own fresh store; nothing touches the real home."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kamdesk.store import Store, open_store  # noqa: E402


@pytest.fixture(autouse=True)
def kamdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "kamdesk-home"
    monkeypatch.setenv("KAMDESK_HOME", str(home))
    monkeypatch.delenv("KAMDESK_DB", raising=False)
    return home


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "store.sqlite")
    yield opened
    opened.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in item.path.as_posix():
            item.add_marker(pytest.mark.gui)
