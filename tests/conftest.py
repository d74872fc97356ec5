"""Every test gets its own folders and its own fresh store; nothing touches the real home."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests run on a Moscow KAM's laptop, whatever zone the machine is set to: "local
# time" is then the same for the visits (IANA zone) and the rest of the app.
os.environ["TZ"] = "Europe/Moscow"
time.tzset()
# Stores are encrypted (issue 11), with a passphrase: tests never touch a real keyring.
os.environ["KAMDESK_PASSPHRASE"] = "kamdesk-tests"
os.environ.pop("KAMDESK_ENCRYPTION", None)

from kamdesk.store import Store, open_store  # noqa: E402 - after TZ is set


@pytest.fixture(autouse=True)
def kamdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "kamdesk-home"
    monkeypatch.setenv("KAMDESK_HOME", str(home))
    monkeypatch.delenv("KAMDESK_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store migrated to head; tests get copies instead of migrating each time."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_store(path).close()
    return path


@pytest.fixture
def store(tmp_path: Path, migrated_template: Path) -> Iterator[Store]:
    path = tmp_path / "store.sqlite"
    shutil.copyfile(migrated_template, path)
    opened = open_store(path)
    yield opened
    opened.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in item.path.as_posix():
            item.add_marker(pytest.mark.gui)
