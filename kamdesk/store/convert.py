"""Stores made by builds before revision 0003 are converted on open, never refused.

Revisions 0001 and 0002 kept UUID keys as 32 hex characters; 0003 keeps them
as 16-byte BLOBs, and its history starts afresh (there is no Alembic step from
0002 to 0003). Such a store is rebuilt beside itself:

1. the caller has already made the usual pre-migration backup;
2. a new store at head is created as `<name>.converting`;
3. every table's rows are copied into it through SQLite (`ATTACH`, read-only):
   hex ids become bytes, columns added since are filled with their defaults,
   0001's products get the kind and VAT kind 0002 would have given them;
4. row counts are compared table by table, the change log is checked to hold
   the same ids in the same order with the same pending entries, and no row
   may point at a missing row that did not already in the old store;
5. the new file is made a single file (no WAL), the old one's WAL is folded
   into it (so no stale log is left beside the name), and the new file
   replaces the old one with one atomic rename.

Anything that fails before the rename leaves the old store exactly as it was
(the `.converting` file is removed).
"""

from __future__ import annotations

import os
import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Table

from kamdesk.errors import CONTEXT, StoreError
from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import Base
from kamdesk.models.base import ScaledDecimal, UTCDateTime, UuidBytes
from kamdesk.store import crypto, migrate
from kamdesk.store.engine import BUSY_TIMEOUT_MS, make_engine
from kamdesk.store.files import companion, discard, flush, flush_folder
from kamdesk.store.sqlite_errors import classify

__all__ = ["LEGACY_REVISIONS", "StoreConversionError", "convert_store", "converting_path"]

# Alembic revisions of stores with text keys, made before the 0003 baseline.
LEGACY_REVISIONS = frozenset({"0001", "0002"})

_SKIPPED_TABLES = frozenset({"alembic_version"})


class StoreConversionError(StoreError):
    """The converted copy did not match the old store; the old store is untouched."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "Store",
                    "{path} was made by an earlier KAMdesk and could not be converted to "
                    "this version's format. The file was left as it was; nothing is lost.",
                ),
                {"path": str(path)},
            ),
            detail,
        )
        self.path = path


class _Mismatch(Exception):
    """What did not come across; the caller names the store."""


def converting_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.converting")


def convert_store(path: Path) -> dict[str, int]:
    """Convert the legacy store at `path` in place (see the module); returns the rows
    copied per table. No connection of this process may have `path` open."""
    target = converting_path(path)
    discard(target)  # a conversion killed half-way left it: it is ours
    try:
        encrypted = crypto.file_is_encrypted(path)  # the new file is encrypted like the old
        engine = make_engine(target, encrypt=encrypted)
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()
        counts = _copy_rows(path, target, encrypted)
        _fold_log_into_main_file(path)
        flush(target)
        os.replace(target, path)
    except _Mismatch as error:
        discard(target)
        raise StoreConversionError(path, str(error)) from error
    except crypto.Error as error:
        discard(target)
        raise classify(path, error) or StoreConversionError(path, str(error)) from error
    except BaseException:
        discard(target)
        raise
    flush_folder(path.parent)
    return counts


# --- copying ------------------------------------------------------------------------------


def _copy_rows(old: Path, target: Path, encrypted: bool) -> dict[str, int]:
    # A URI connection: ATTACH then reads a URI too, and the old store is opened read-only.
    connection = crypto.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.create_function("kam_uuid_bytes", 1, _uuid_bytes, deterministic=True)
        connection.execute(
            f"ATTACH DATABASE ? AS old KEY {crypto.attach_key(encrypted)}",
            (f"{old.absolute().as_uri()}?mode=ro",),
        )
        counts: dict[str, int] = {}
        connection.execute("BEGIN IMMEDIATE")
        try:
            old_tables = {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM old.sqlite_master WHERE type = 'table'"
                )
            }
            for table in Base.metadata.sorted_tables:
                if table.name in _SKIPPED_TABLES or table.name not in old_tables:
                    continue
                counts[table.name] = _copy_table(connection, table)
            _verify(connection, counts)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("DETACH DATABASE old")
        # One file, no log beside it: the rename then moves the whole store.
        connection.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        connection.close()
    return counts


def _copy_table(connection: crypto.Connection, table: Table) -> int:
    old_columns = {
        row[1]: str(row[2]).upper()
        for row in connection.execute(f'PRAGMA old.table_info("{table.name}")')
    }
    names: list[str] = []
    expressions: list[str] = []
    params: list[Any] = []
    for column in table.columns:
        names.append(f'"{column.name}"')
        if column.name in old_columns:
            expressions.append(_old_value(table.name, column, old_columns[column.name]))
            continue
        derived = _DERIVED.get((table.name, column.name))
        if derived is not None and all(c in old_columns for c in derived[0]):
            expressions.append(derived[1])
            continue
        expressions.append("?")
        params.append(_default(table.name, column))
    connection.execute(
        f'INSERT INTO main."{table.name}" ({", ".join(names)}) '
        f'SELECT {", ".join(expressions)} FROM old."{table.name}"',
        params,
    )
    return int(connection.execute(f'SELECT count(*) FROM main."{table.name}"').fetchone()[0])


def _old_value(table: str, column: Column[Any], old_type: str) -> str:
    quoted = f'"{column.name}"'
    if isinstance(column.type, UuidBytes) and old_type != "BLOB":
        return f"kam_uuid_bytes({quoted})"
    if (table, column.name) == ("sync_state", "pull_cursor") and old_type != "TEXT":
        # 0001/0002 kept a number that no office ever handed out: the cursor starts over.
        return f"CASE WHEN {quoted} IS NULL OR {quoted} = 0 THEN '' ELSE CAST({quoted} AS TEXT) END"
    return quoted


# Columns that 0002 computed from 0001's columns: (the old columns it needs, the SQL).
_DERIVED: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {
    ("products", "kind"): (
        ("is_medicine",),
        "CASE WHEN is_medicine THEN 'medicine' ELSE 'other' END",
    ),
    ("products", "vat_kind"): (
        ("vat_rate",),  # hundredths of a percent: 1000 is 10 %
        "CASE WHEN vat_rate = 0 THEN 'zero' WHEN vat_rate = 1000 THEN 'reduced' "
        "ELSE 'standard' END",
    ),
}


def _default(table: str, column: Column[Any]) -> Any:
    """The stored form of a new column's default, for rows made before it existed."""
    default = column.default
    if default is None or not getattr(default, "is_scalar", False):
        if column.nullable:
            return None
        raise _Mismatch(f"{table}.{column.name} is new and has no default")
    return _stored(column, default.arg)  # type: ignore[attr-defined]


def _stored(column: Column[Any], value: Any) -> Any:
    column_type = column.type
    if value is None:
        return None
    if isinstance(column_type, UuidBytes | ScaledDecimal | UTCDateTime):
        return column_type.process_bind_param(value, None)  # type: ignore[arg-type]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _uuid_bytes(value: Any) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        if len(value) == 16:
            return value
        value = value.decode("ascii")
    return uuid.UUID(str(value)).bytes


# --- checking -----------------------------------------------------------------------------


def _verify(connection: crypto.Connection, counts: dict[str, int]) -> None:
    for name, copied in counts.items():
        before = int(connection.execute(f'SELECT count(*) FROM old."{name}"').fetchone()[0])
        if before != copied:
            raise _Mismatch(f"{name}: {before} rows in the old store, {copied} copied")
    if "change_log" in counts:
        order = "SELECT id, lower(hex({key})), status FROM {db}.change_log ORDER BY id"
        old_log = connection.execute(
            order.format(key="kam_uuid_bytes(change_id)", db="old")
        ).fetchall()
        new_log = connection.execute(order.format(key="change_id", db="main")).fetchall()
        if old_log != new_log:
            raise _Mismatch("the change log did not come across entry for entry")
    broken_before = len(connection.execute("PRAGMA old.foreign_key_check").fetchall())
    broken_after = connection.execute("PRAGMA main.foreign_key_check").fetchall()
    if len(broken_after) > broken_before:
        raise _Mismatch(f"rows point at missing rows: {broken_after[:5]!r}")


# --- files --------------------------------------------------------------------------------


def _fold_log_into_main_file(path: Path) -> None:
    """Checkpoint the old store's WAL into its main file and remove the log, so no log
    of the old store is left for SQLite to replay into the new file after the rename.
    The old store's content does not change."""
    connection = crypto.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    finally:
        connection.close()
    leftover = [companion(path, s) for s in ("-wal", "-journal") if companion(path, s).exists()]
    if str(mode).lower() != "delete" or any(p.stat().st_size for p in leftover):
        raise _Mismatch("its log could not be folded in (is it open elsewhere?)")
