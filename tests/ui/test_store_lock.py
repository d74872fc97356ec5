"""A store open in another KAMdesk process is refused before anything is written to it;
once that process is killed (its lock left behind, stale) the store opens."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kamdesk.store import Store
from kamdesk.ui import store_lock
from kamdesk.ui.store_opening import open_interactively
from tests.ui.test_store_opening import ScriptedPrompts

_HOLDER = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from kamdesk.ui import store_lock
app = QCoreApplication([])
store_lock.take(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def closed_store(store: Store) -> Path:
    store.close()
    return store.path


@pytest.fixture
def holder(closed_store: Path) -> Iterator[subprocess.Popen[str]]:
    """Another KAMdesk process with the store open (its lock taken, as a window does)."""
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(closed_store)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    yield process
    process.kill()
    process.wait(30)
    process.stdout.close()


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name != path.name + ".lock"}


def test_a_store_open_in_another_process_is_refused_untouched(
    closed_store: Path, holder: subprocess.Popen[str]
) -> None:
    before = _files(closed_store)
    prompts = ScriptedPrompts("Quit")
    assert open_interactively(closed_store, prompts, explicit=True) is None
    title, text, informative = prompts.texts[0].split("\n", 2)
    assert title == "The database is already open"
    assert "already open in another KAMdesk window" in text
    assert f"process {holder.pid}" in informative
    assert _files(closed_store) == before  # not a byte written, no log made
    assert not store_lock.holds(closed_store)


def test_open_another_database_from_the_question(
    closed_store: Path, holder: subprocess.Popen[str], tmp_path: Path, migrated_template: Path
) -> None:
    other = tmp_path / "other" / "other.sqlite"
    other.parent.mkdir()
    other.write_bytes(migrated_template.read_bytes())
    prompts = ScriptedPrompts("Open another database…", backup=other)
    opened = open_interactively(closed_store, prompts, explicit=True)
    assert opened is not None
    try:
        assert opened.workspace.path == other
        assert store_lock.holds(other)
    finally:
        opened.workspace.close()
        store_lock.release(other)


def test_the_lock_of_a_killed_process_does_not_lock_the_kam_out(
    closed_store: Path, holder: subprocess.Popen[str]
) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(30)
    assert store_lock.lock_path(closed_store).exists()  # left behind by the killed process
    opened = open_interactively(closed_store, ScriptedPrompts(), explicit=True)
    assert opened is not None
    try:
        assert store_lock.holds(closed_store)
    finally:
        opened.workspace.close()
        store_lock.release(closed_store)
    assert not store_lock.lock_path(closed_store).exists()
