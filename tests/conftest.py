"""Every test gets its own folders and its own fresh store; nothing touches the real home."""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
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

from pytestqt.qtbot import QtBot  # noqa: E402

from kamdesk.store import Store, open_store  # noqa: E402 - after TZ is set

# Waits end as soon as their condition holds; the limit only decides when a broken test
# gives up. pytest-qt's 5 s is too short on a loaded 2-core machine (two test workers
# beside the bundle build in CI), so every wait that keeps the default gets 20 s.
_WAITS = ("waitActive", "waitCallback", "waitExposed", "waitSignal", "waitSignals", "waitUntil")
for _wait in _WAITS:
    getattr(QtBot, _wait).__kwdefaults__["timeout"] = 20_000


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


def _id_with_its_name(item: pytest.Item) -> None:
    """An item's id ends with its own name, parameters included.

    schemathesis names each operation's test `test_x[POST /sync/v1/push]`, but pytest 9.2
    builds a test's id from its original name and a pytest parametrisation only, so all
    six operations had the one id `...::test_x`. A serial run still ran them; xdist
    schedules tests by id, ran one of the six and reported 1381 results of 1386 without
    an error."""
    parent, _, last = item.nodeid.rpartition("::")
    if not parent or last == item.name:
        return
    fixed = f"{parent}::{item.name}"
    if hasattr(item, "_id"):  # pytest ≥ 9.2 keeps the id structured
        from _pytest.nodeid import NodeId

        item._id = NodeId.parse(fixed)
    else:
        item._nodeid = fixed  # type: ignore[attr-defined]


def _long_modules_first(items: list[pytest.Item]) -> None:
    """Modules holding a test marked slow (the simulation's, the demo file's, the
    packaging's) come first, the rest in their own order. `./dev.sh test` runs modules
    in this order (`--dist loadfile --no-loadscope-reorder`), a module on one worker: the
    long ones start at once, side by side, and the many short ones fill in after them,
    instead of a long one starting last while the other worker has nothing left."""
    long_modules = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in long_modules)


@pytest.hookimpl(tryfirst=True)  # before -k, --deselect and xdist see the ids
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        _id_with_its_name(item)
        if "tests/ui" in item.path.as_posix():
            item.add_marker(pytest.mark.gui)
    _long_modules_first(items)
    ids = Counter(item.nodeid for item in items)
    shared = sorted(nodeid for nodeid, count in ids.items() if count > 1)
    if shared:
        raise pytest.UsageError(
            "tests share an id (xdist would run one of each): " + ", ".join(shared)
        )
