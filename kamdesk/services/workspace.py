"""What the UI and the CLI open: a store plus the services that work on it.

Opening is quick when the store is already at the current schema: the file is
recognised (and its integrity quickly checked) through SQLite with the
standard library only, and the SQLAlchemy store is created on first use (the
first background refresh, usually), so the window can paint its client list
before SQLAlchemy has been imported. A new, older or damaged
file takes the full path of `kamdesk.store.open_store`.

The UI imports this module, never `kamdesk.store` (checked by import-linter).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.errors import (
    CorruptStoreError,
    SchemaTooNewError,
    StoreBusyError,
    StoreError,
    StoreUnavailableError,
)
from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services import store_wait
from kamdesk.services.accounts import AccountDirectory

if TYPE_CHECKING:
    from kamdesk.store import Store

__all__ = [
    "CorruptStoreError",
    "SchemaTooNewError",
    "StoreCheckingError",
    "StoreError",
    "StoreUnavailableError",
    "Workspace",
    "move_aside",
    "open_workspace",
    "prepare_opening",
    "start_up_done",
]

Progress = Callable[[int, Any], None]  # percent done, the stage (a Message)


class StoreCheckingError(StoreBusyError):
    """The store's quick check still runs, and the caller may not wait for it
    (`store_wait.without_waiting`): "busy" for now (`store_wait.is_busy`)."""

    text = QT_TRANSLATE_NOOP(
        "Store",
        "Checking the database {path}… Your changes will be saved once the check is over.",
    )


class Workspace:
    def __init__(self, path: Path, store: Store | None = None, check: Any = None) -> None:
        """`check`: the store's quick check still running (kamdesk.store.probe.
        IntegrityCheck); until it passed the store is read only, through read-only
        connections, and `store` (everything that writes) waits for it."""
        self.path = path
        self._store = store
        if store is not None:
            _install_store_listeners(store)
        self._store_lock = threading.Lock()
        self._check = check
        self.accounts = AccountDirectory(path, lambda: self.store, read_only=check is not None)

    @property
    def checking(self) -> bool:
        """The store's quick check is still running: nothing may be written yet."""
        return self._check is not None and not self._check.done

    def wait_for_check(self) -> None:
        """Wait until the store's quick check (if one runs) is over; raises
        CorruptStoreError (or another StoreError) if it found the store damaged. Slow
        on a big store: call it off the UI thread."""
        if self._check is not None:
            self._check.wait()

    @property
    def store(self) -> Store:
        """The SQLAlchemy store, opened on first use (thread-safe), once the store's
        quick check passed (see `wait_for_check`, which raises if it did not).
        Inside `store_wait.without_waiting()` it never waits for that check: while it
        runs, StoreCheckingError (a "busy" error) is raised at once."""
        if self.checking and store_wait.refuses_waiting():
            raise StoreCheckingError(self.path, "the quick check is still running")
        self.wait_for_check()
        with self._store_lock:
            if self._store is None:
                from kamdesk.store import open_store

                # `open_workspace` checked the file a moment ago; no second quick_check.
                self._store = open_store(self.path, verify=False)
                _install_store_listeners(self._store)
            return self._store

    def store_at_once(self) -> Store | None:
        """The store, or None while its quick check still runs (for the UI thread,
        which must not wait for the check; `store` raises if the check failed)."""
        return None if self.checking else self.store

    @property
    def opened_store(self) -> Store | None:
        """The SQLAlchemy store if it was opened (never waits; None: nothing was
        written through it, nothing waits to be)."""
        return self._store

    @property
    def migrated_from_backup(self) -> Path | None:
        """The backup copy taken when opening migrated an older store, if any."""
        return self._store.backup_path if self._store is not None else None

    def load_demo(
        self, accounts: int = 300, seed: int = 1, years: int = 3, progress: Progress | None = None
    ) -> Any:
        """Put the demo territory into this (new, empty) store; returns its summary.

        It is built in a file beside the store and copied in when complete (see
        `kamdesk.services.demo.demo_file`), so a killed build leaves the store as
        it was. Reopen the store afterwards (`open_workspace`): this workspace's
        caches predate the demo. Raises StoreNotEmptyError for a store with work."""
        from kamdesk.services.demo.demo_file import build_demo_file

        built = build_demo_file(
            self.path, accounts=accounts, seed=seed, years=years, progress=progress
        )
        return built.summary

    def refresh(self, today: date | None = None) -> None:
        """Bring derived figures up to date: next visits whose time has passed and,
        when sales changed since the last run, ABC/XYZ and statuses. Slow on big
        stores: run it off the UI thread."""
        from kamdesk.services import classification
        from kamdesk.store import derived

        with self.store.session() as session:
            outdated = derived.stats_outdated(session.connection())
        if outdated:  # written by an older version: the list's cache is worked out again
            with self.store.session() as session:
                chunks = derived.outdated_stats_chunks(session.connection())
            for chunk in chunks:
                with self.store.transaction() as session:
                    derived.refresh_account_stats(session.connection(), chunk)
            with self.store.transaction() as session:
                derived.mark_stats_current(session.connection())
        with self.store.transaction() as session:
            derived.refresh_past_next_visits(session.connection())
        if classification.is_stale(self.store):
            classification.recompute(self.store, today=today)

    def close(self) -> None:
        self.accounts.close()
        if self._store is not None:
            self._store.close()


def _install_store_listeners(store: Store) -> None:
    """Caches kept current on flush by services (the store knows only its own)."""
    from kamdesk.services.dossier import install_score_listener

    install_score_listener(store)
    store_wait.quiet(store)  # a `without_waiting()` block may be the one that opened it


def prepare_opening(path: Path) -> None:
    """Start fetching the key of the store at `path` and checking the file, in the
    background, so that `open_workspace(path)` finds them done: the window calls this
    before it imports Qt (kamdesk.store.probe.start_probe)."""
    from kamdesk.store.probe import start_probe

    start_probe(Path(path))


def start_up_done() -> None:
    """The window has opened its first store: checks started by `prepare_opening` for
    other files are dropped (their answers would be stale by the time they were used)."""
    from kamdesk.store.probe import forget_probes

    forget_probes()


def open_workspace(path: Path) -> Workspace:
    """Open (creating or migrating) the store at `path`; raises StoreError subclasses."""
    from kamdesk.store.probe import is_current_store, take_started_check

    path = Path(path)
    # Checked in the background since before Qt was imported (`prepare_opening`): the
    # window opens at once on a current store, and nothing is written before the
    # check passed (the window runs the damaged-store path if it does not).
    started = take_started_check(path)
    if started is not None:
        return Workspace(path, check=started)
    if is_current_store(path):
        return Workspace(path)
    from kamdesk.store import open_store

    return Workspace(path, open_store(path))


def move_aside(path: Path) -> Path:
    """Rename a damaged store with its -wal and -shm (never delete it) so a new one
    can be made at `path`; returns where the main file went."""
    from kamdesk.store.files import move_aside as move_store_aside

    return move_store_aside(path)
