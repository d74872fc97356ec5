"""Reading the change log of a damaged or moved-aside store copy, as far as SQLite can.

The copy is opened read-only with this computer's key (kamdesk.store.crypto) and
never written. A damaged file fails on some pages only: the log is read in id
order until SQLite stops, then from the other end back towards the damage, and
the change numbers in between are asked for one by one; a number whose page
cannot be read (or whose row makes no sense) counts as unreadable. An id that
simply is not there (a transaction that rolled back) is not counted.

Standard library and the store's own opener only: no SQLAlchemy session touches
the copy, so nothing of the app's machinery (migrations, the write guard's
bookkeeping, WAL checkpoints of a writer) can change it.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kamdesk.errors import StoreError
from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models.enums import ChangeOperation, ChangeStatus
from kamdesk.store import crypto
from kamdesk.store.files import has_database
from kamdesk.store.sqlite_errors import primary_code

__all__ = ["CopiedEntry", "CopyContents", "SalvageRefusedError", "read_copy"]

_CONTEXT = "Salvage"
_COLUMNS = (
    "id",
    "change_id",
    "entity",
    "entity_id",
    "operation",
    "changes",
    "base",
    "revision",
    "client_id",
    "changed_at",
    "status",
)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM change_log NOT INDEXED"
# A gap this wide between the readable ends is not probed id by id (a log never
# holds that many changes); its size is reported as one unreadable part.
_PROBE_LIMIT = 2_000_000


class SalvageRefusedError(StoreError):
    """The file cannot be salvaged into this store; nothing was changed."""

    def __init__(self, message: Message, detail: str = "") -> None:
        super().__init__(message, detail)


def not_a_store(path: Path, detail: str = "") -> SalvageRefusedError:
    return SalvageRefusedError(
        Message(
            _CONTEXT,
            QT_TRANSLATE_NOOP(
                "Salvage",
                "{path} is not a KAMdesk database (or so damaged that its list of changes "
                "cannot be found): nothing was taken from it, and the current database was "
                "not changed.",
            ),
            {"path": str(path)},
        ),
        detail,
    )


@dataclass(frozen=True)
class CopiedEntry:
    """One change-log entry as the copy holds it (values in their JSON form)."""

    id: int
    change_id: uuid.UUID
    entity: str
    entity_id: uuid.UUID
    operation: ChangeOperation
    changes: dict[str, Any]
    base: dict[str, Any]
    revision: int
    client_id: uuid.UUID
    changed_at: datetime
    status: ChangeStatus


@dataclass
class CopyContents:
    path: Path
    entries: list[CopiedEntry]  # every readable entry, in id order
    unreadable: int  # change numbers that could not be read
    user_id: uuid.UUID | None = None  # the copy's owner, when its sync state says
    login: str = ""


def read_copy(path: Path) -> CopyContents:
    """The readable change log and owner of the store copy at `path`.

    Raises SalvageRefusedError for a file that is not a KAMdesk store, and
    StoreKeyError for an encrypted one this computer has no key for."""
    path = Path(path)
    if not has_database(path):
        raise not_a_store(path, "the file is missing or empty")
    try:
        connection = crypto.connect(path, mode="ro")
    except crypto.StoreKeyError:
        raise
    except crypto.Error as error:
        if primary_code(error) != sqlite3.SQLITE_CORRUPT:
            raise not_a_store(path, str(error)) from error
        connection = _open_short_file(path, error)
    else:
        connection.execute("PRAGMA writable_schema = ON")
    try:
        try:
            names = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            columns = {row[1] for row in connection.execute("PRAGMA table_info(change_log)")}
        except crypto.Error as error:
            raise not_a_store(path, str(error)) from error
        if (
            not {"change_log", "sync_state", "alembic_version"} <= names
            or not set(_COLUMNS) <= columns
        ):
            raise not_a_store(path, "no KAMdesk change log in it")
        contents = CopyContents(path, [], 0)
        _read_owner(connection, contents)
        _read_log(connection, contents)
        return contents
    finally:
        connection.close()


def _open_short_file(path: Path, error: Exception) -> Any:
    """A file shorter than its header says (cut off by a full disk or a copy that
    stopped) is "malformed" to SQLite before a single row is read. With
    `writable_schema` SQLite reads the pages that are there instead; the
    connection is read-only, so nothing can be written through it. The same
    steps as `crypto.connect`, with the pragma before the first read."""
    uri = path.absolute().as_uri() + "?mode=ro"
    try:
        connection = crypto.dbapi().connect(uri, uri=True, factory=crypto.Connection)
        connection.execute(f"PRAGMA key = {crypto._PROBE_KEY}")
        salt = connection.execute("PRAGMA cipher_salt").fetchone()[0]
        connection.close()
        connection = crypto.dbapi().connect(uri, uri=True, factory=crypto.Connection)
        if salt != crypto._PLAIN_HEADER:
            connection.execute(f"PRAGMA key = {crypto.key_pragma(salt, path=path)}")
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except crypto.Error as second:
        raise not_a_store(path, str(second)) from error
    return connection


def _read_owner(connection: Any, contents: CopyContents) -> None:
    try:
        row = connection.execute("SELECT user_id, login FROM sync_state WHERE id = 1").fetchone()
    except crypto.Error:
        return  # the owner's page is damaged: unknown (the office still checks rights)
    if row is None:
        return
    contents.user_id = _uuid(row[0]) if row[0] is not None else None
    contents.login = str(row[1] or "")


def _read_log(connection: Any, contents: CopyContents) -> None:
    rows: dict[int, tuple[Any, ...]] = {}
    low = _scan(connection, _SELECT + " ORDER BY id", (), rows)
    if low is None:  # read to the end
        contents.entries, contents.unreadable = _parse(rows.values())
        return
    high = _scan(connection, _SELECT + " WHERE id > ? ORDER BY id DESC", (low,), rows, down=True)
    upper = high if high is not None else _last_number(connection, rows)
    unreadable = 0
    if upper is None or upper - low > _PROBE_LIMIT:
        unreadable = 1  # how much lies past the damage is not known
    else:
        for number in range(low + 1, upper):
            if number in rows:
                continue
            try:
                found = connection.execute(_SELECT + " WHERE id = ?", (number,)).fetchone()
            except crypto.Error:
                unreadable += 1
                continue
            if found is not None:
                rows[number] = tuple(found)
    contents.entries, bad = _parse(rows[key] for key in sorted(rows))
    contents.unreadable = unreadable + bad


def _scan(
    connection: Any,
    sql: str,
    parameters: tuple[Any, ...],
    rows: dict[int, tuple[Any, ...]],
    *,
    down: bool = False,
) -> int | None:
    """Collect rows until SQLite fails. Going up: None when the scan reached the end,
    else the last id read (0 for none). Going down: the lowest id read (None: none)."""
    last: int | None = None
    try:
        for row in connection.execute(sql, parameters):
            rows[int(row[0])] = tuple(row)
            last = int(row[0])
    except crypto.Error:
        return last if down else (last or 0)
    return last if down else None


def _last_number(connection: Any, rows: dict[int, tuple[Any, ...]]) -> int | None:
    """The highest change number ever handed out (AUTOINCREMENT's record), plus one."""
    try:
        row = connection.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'"
        ).fetchone()
    except crypto.Error:
        return None
    if row is None:
        return max(rows, default=0) + 1
    return int(row[0]) + 1


def _parse(raw_rows: Iterable[tuple[Any, ...]]) -> tuple[list[CopiedEntry], int]:
    entries: list[CopiedEntry] = []
    bad = 0
    for raw in raw_rows:
        try:
            entries.append(_entry(raw))
        except (ValueError, TypeError, KeyError, AttributeError):
            bad += 1  # a row whose bytes were damaged: counted, not guessed at
    return entries, bad


def _entry(raw: tuple[Any, ...]) -> CopiedEntry:
    values = dict(zip(_COLUMNS, raw, strict=True))
    changes, base = json.loads(values["changes"]), json.loads(values["base"])
    if not isinstance(changes, dict) or not isinstance(base, dict):
        raise ValueError("changes and base are JSON objects")
    changed_at = values["changed_at"]
    moment = changed_at if isinstance(changed_at, datetime) else datetime.fromisoformat(changed_at)
    return CopiedEntry(
        id=int(values["id"]),
        change_id=_uuid(values["change_id"]),
        entity=str(values["entity"]),
        entity_id=_uuid(values["entity_id"]),
        operation=ChangeOperation(values["operation"]),
        changes=changes,
        base=base,
        revision=int(values["revision"]),
        client_id=_uuid(values["client_id"]),
        changed_at=moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment,
        status=ChangeStatus(values["status"]),
    )


def _uuid(value: Any) -> uuid.UUID:
    if isinstance(value, bytes | memoryview):
        return uuid.UUID(bytes=bytes(value))
    return uuid.UUID(str(value))  # a store of an earlier build kept keys as text
