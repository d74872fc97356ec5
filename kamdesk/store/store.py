"""Opening a store: create, migrate (after a backup), or refuse with a clear reason."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, inspect, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kamdesk.errors import (
    CorruptStoreError,
    SchemaTooNewError,
    StoreError,
    StoreUnavailableError,
)
from kamdesk.models import SyncState, utcnow
from kamdesk.store import changelog, derived, migrate, tombstones
from kamdesk.store.engine import make_engine
from kamdesk.store.search_index import ensure_search_index

SQLITE_HEADER = b"SQLite format 3\x00"


class Store:
    """An open local store: the one way into the database."""

    def __init__(self, path: Path, engine: Engine, client_id: uuid.UUID) -> None:
        self.path = path
        self.engine = engine
        self.client_id = client_id
        self.backup_path: Path | None = None  # set when opening migrated an older store
        self._sessions = sessionmaker(
            engine, expire_on_commit=False, info={changelog.CLIENT_ID: client_id}
        )
        changelog.install(self._sessions)
        tombstones.install(self._sessions)
        derived.install(self._sessions)
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
        """All-or-nothing: commits at the end, rolls back on any error."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except OperationalError as error:
            raise StoreUnavailableError(_explain_operational(self.path, error)) from error

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
        info = self._sessions.kw["info"]
        self._sessions.kw["info"] = {**info, changelog.CLOCK: clock, changelog.NEW_ID: new_id}
        try:
            yield
        finally:
            self._sessions.kw["info"] = info

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: Path) -> Store:
    """Open the store at `path`, creating or migrating it as needed.

    Raises SchemaTooNewError, CorruptStoreError or StoreUnavailableError with a
    message fit to show the user; in every case the file is left untouched.
    """
    path = Path(path)
    is_new = not path.exists() or path.stat().st_size == 0
    if is_new:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreUnavailableError(
                f"cannot create the folder {path.parent}: {error}"
            ) from error
    else:
        _check_header(path)
    engine = make_engine(path)
    backup_path: Path | None = None
    try:
        with engine.connect() as connection:
            current = migrate.current_revision(connection)
            has_tables = bool(inspect(connection).get_table_names())
        head = migrate.head_revision()
        if current is None and has_tables:
            raise CorruptStoreError(path, "it is an SQLite file, but not a KAMdesk store")
        if current is not None and current not in migrate.known_revisions():
            raise SchemaTooNewError(path, current, head)
        if current is not None and current != head:
            backup_path = backup_copy(path, engine)
        if current != head:
            migrate.upgrade(engine)
        client_id = _ensure_sync_state(engine)
        with engine.begin() as connection:
            ensure_search_index(connection)
    except DatabaseError as error:
        engine.dispose()
        if isinstance(error, OperationalError) and not _looks_corrupt(error):
            raise StoreUnavailableError(_explain_operational(path, error)) from error
        raise CorruptStoreError(path, str(error.orig)) from error
    except StoreError:
        engine.dispose()
        raise
    store = Store(path, engine, client_id)
    store.backup_path = backup_path
    return store


def backup_copy(path: Path, engine: Engine) -> Path:
    """A consistent copy beside the store, named with the time it was taken."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix or '.sqlite'}")
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
        finally:
            destination.close()
    finally:
        raw.close()
    return target


def move_aside(path: Path) -> Path:
    """Move a damaged file aside so a new store can be created at its path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    shutil.move(path, aside)
    return aside


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreUnavailableError(f"cannot read {path}: {error}") from error
    if header != SQLITE_HEADER:
        raise CorruptStoreError(path, "the file is not an SQLite database")


def _ensure_sync_state(engine: Engine) -> uuid.UUID:
    with Session(engine) as session, session.begin():
        state = session.scalar(select(SyncState).where(SyncState.id == 1))
        if state is None:
            state = SyncState(id=1, client_id=uuid.uuid4())
            session.add(state)
        return state.client_id


def _looks_corrupt(error: OperationalError) -> bool:
    message = str(error.orig).lower()
    return "malformed" in message or "not a database" in message or "disk image" in message


def _explain_operational(path: Path, error: OperationalError) -> str:
    message = str(error.orig)
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return f"{path} is in use by another program; close it and try again ({message})"
    if "full" in lowered:
        return f"the disk holding {path} is full ({message})"
    if "readonly" in lowered or "unable to open" in lowered:
        return f"{path} cannot be written: check the folder's permissions ({message})"
    return f"{path}: {message}"
