"""A small demo territory built once per test module; each test works on its own copy.

The demo is what a new KAM sees first (hospitals with their people, dossiers,
visits planned for the coming weeks, offers), so tests of the whole window run
on it rather than on a hand-made territory. Twelve accounts build in about a
second; copying the finished file costs milliseconds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kamdesk.services.demo import build_demo
from kamdesk.store import Store, open_store

DEMO_ACCOUNTS = 12
DEMO_SEED = 1


def build_demo_template(folder: Path, migrated_template: Path) -> Path:
    """The demo in `folder`, closed and checkpointed so that copying the main file is enough."""
    path = folder / "demo.sqlite"
    shutil.copyfile(migrated_template, path)
    store = open_store(path)
    try:
        build_demo(store, accounts=DEMO_ACCOUNTS, seed=DEMO_SEED, years=1)
    finally:
        store.close()
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith("demo.sqlite-")]
    assert not leftovers, f"the demo store was not checkpointed: {leftovers}"
    return path


def open_demo_copy(template: Path, folder: Path) -> Store:
    path = folder / "store.sqlite"
    shutil.copyfile(template, path)
    return open_store(path)
