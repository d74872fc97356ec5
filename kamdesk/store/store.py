"""Opening a store: create, migrate (after a backup), or refuse with a clear reason."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, select
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from kamdesk.errors import (
    CorruptStoreError,
    SchemaTooNewError,
    StoreAccessError,
    StoreError,
)
from kamdesk.models import SyncState, utcnow
from kamdesk.store import changelog, convert, crypto, derived, migrate, tombstones, write_guard
from kamdesk.store.engine import make_engine
from kamdesk.store.files import move_aside
from kamdesk.store.probe import probe
from kamdesk.store.search_index import ensure_search_index
from kamdesk.store.sqlite_errors import primary_code

__all__ = ["Store", "backup_copy", "move_aside", "open_store"]

_QUERY_ONLY = "kamdesk.query_only"


class Store:
    """An open local store: the one way into the database."""

    def __init__(self, path: Path, engine: Engine, client_id: uuid.UUID) -> None:
        self.path = path
        self.engine = engine
        self.client_id = client_id
        self.backup_path: Path | None = None  # set when opening migrated an older store
        # Set when SQLite finds the file damaged while it is open: from then on
        # nothing is written to it (see `_stop_writes`).
        self.damage: CorruptStoreError | None = None
        self._sessions = sessionmaker(
            engine, expire_on_commit=False, info={changelog.CLIENT_ID: client_id}
        )
        changelog.install(self._sessions)
        write_guard.install_on_sessions(self._sessions)
        tombstones.install(self._sessions)
        derived.install(self._sessions)
        event.listen(engine, "handle_error", self._watch_for_damage)
        event.listen(engine, "checkout", self._keep_damaged_file_read_only)
        self._flush_listeners: list[Callable[[Session, Any], None]] = []

    def add_flush_listener(self, callback: Callable[[Session, Any], None]) -> None:
        """Run `callback(session, flush_context)` after every flush of this store's
        sessions, inside the flush's transaction (like the change log). Adding the
        same callback twice has no further effect."""
        if callback in self._flush_listeners:
            return
        self._flush_listeners.append(callback)
        event.listen(self._sessions, "after_flush", callback)

    def session(self) -> Session:
        """A session for reading; use `transaction()` to change anything."""
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """All-or-nothing: commits at the end, rolls back on any error.

        Raises a StoreError the user can act on (busy, disk full, not writable,
        damaged); once the file was found damaged, refuses at once."""
        if self.damage is not None:
            raise CorruptStoreError(self.path, self.damage.detail, writes_stopped=True)
        with self._sessions() as session, session.begin():
            yield session

    def now(self) -> datetime:
        """The current time in UTC, as the change log sees it (see `reproducible`)."""
        clock: Callable[[], datetime] = self._sessions.kw["info"].get(changelog.CLOCK, utcnow)
        return clock()

    @contextmanager
    def reproducible(
        self, clock: Callable[[], datetime], new_id: Callable[[], uuid.UUID]
    ) -> Iterator[None]:
        """Within this block, rows written through the ORM take their ids and
        timestamps from `new_id` and `clock` (the demo territory uses it so the
        same seed gives the same store)."""
        with self._session_info({changelog.CLOCK: clock, changelog.NEW_ID: new_id}):
            yield

    @contextmanager
    def baseline_load(self) -> Iterator[None]:
        """Within this block, rows written through the ORM are a baseline (like the
        demo territory in its own new file): stamped as usual but not queued in the
        change log for the office. Only for a store nobody else is using."""
        with self._session_info({changelog.BASELINE_LOAD: True}):
            yield

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _session_info(self, extra: dict[str, Any]) -> Iterator[None]:
        info = self._sessions.kw["info"]
        self._sessions.kw["info"] = {**info, **extra}
        try:
            yield
        finally:
            self._sessions.kw["info"] = info

    # --- damage found while open ----------------------------------------------------

    def _watch_for_damage(self, context: ExceptionContext) -> BaseException | None:
        # Not set when the statement failed before reaching SQLite (a bad bound value).
        explained = getattr(context, "chained_exception", None)
        if isinstance(explained, CorruptStoreError):
            self.damage = self.damage or explained
            return CorruptStoreError(self.path, explained.detail, writes_stopped=True)
        if self.damage is not None and primary_code(context.original_exception) == (
            sqlite3.SQLITE_READONLY
        ):  # a write refused by `_keep_damaged_file_read_only`
            return CorruptStoreError(self.path, self.damage.detail, writes_stopped=True)
        return None

    def _keep_damaged_file_read_only(self, dbapi_connection: Any, record: Any, proxy: Any) -> None:
        """Writing to a damaged file spreads the damage: every connection handed out
        after it was found refuses writes (SQLite's `query_only`), whichever way
        the write comes (ORM, Core, a service's own connection)."""
        if self.damage is not None and not record.info.get(_QUERY_ONLY):
            dbapi_connection.execute("PRAGMA query_only = ON")
            record.info[_QUERY_ONLY] = True


def open_store(path: Path, *, verify: bool = True) -> Store:
    """Open the store at `path`, creating or migrating it as needed.

    The file is first looked at through SQLite alone (`probe`), with its quick
    integrity check unless `verify` is False (the caller just checked it).
    A store of an earlier build with text keys (revision 0001 or 0002) is backed
    up, then converted (kamdesk.store.convert). Raises SchemaTooNewError,
    CorruptStoreError or another StoreError with a message fit to show the user;
    in every case the file is left untouched.
    """
    path = Path(path)
    facts = probe(path, verify=verify)
    if facts is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreAccessError(path.parent, str(error)) from error
    elif facts.revision is None and facts.has_tables:
        raise CorruptStoreError(path, "it is an SQLite file, but not a KAMdesk store")
    elif (
        facts.revision is not None
        and facts.revision != migrate.head_revision()
        and facts.revision not in convert.LEGACY_REVISIONS
        and facts.revision not in migrate.known_revisions()
    ):
        raise SchemaTooNewError(path, facts.revision, migrate.head_revision())
    current = facts.revision if facts is not None else None
    engine = make_engine(path)
    backup_path: Path | None = None
    try:
        if current is not None and current != migrate.head_revision():
            backup_path = backup_copy(path, engine)
        if current in convert.LEGACY_REVISIONS:
            # Text keys, from before the 0003 baseline: rebuilt beside, then swapped in.
            engine.dispose()
            convert.convert_store(path)
            engine = make_engine(path)
            current = migrate.head_revision()
        if current != migrate.head_revision():
            migrate.upgrade(engine)
        client_id = _ensure_sync_state(engine)
        with engine.begin() as connection:
            ensure_search_index(connection)
    except StoreError:
        engine.dispose()
        raise
    except DatabaseError as error:  # a broken schema SQLite itself does not flag
        engine.dispose()
        raise CorruptStoreError(path, str(error.orig)) from error
    store = Store(path, engine, client_id)
    store.backup_path = backup_path
    return store


def backup_copy(path: Path, engine: Engine) -> Path:
    """A consistent copy beside the store, named with the time it was taken."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix or '.sqlite'}")
    raw = engine.raw_connection()
    try:
        # Encrypted exactly like the store (SQLCipher's backup API copies between the two).
        destination = crypto.connect(target, encrypt=crypto.is_encrypted(raw))
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
        finally:
            destination.close()
    finally:
        raw.close()
    return target


def _ensure_sync_state(engine: Engine) -> uuid.UUID:
    with Session(engine) as session, session.begin():
        state = session.scalar(select(SyncState).where(SyncState.id == 1))
        if state is None:
            state = SyncState(id=1, client_id=uuid.uuid4())
            session.add(state)
        return state.client_id
