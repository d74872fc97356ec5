"""The encrypted store: SQLCipher, its key, and the one way every store file is opened.

New stores are SQLCipher 4 databases (`sqlcipher3`, default settings: AES-256,
HMAC-SHA512, 4 KiB pages), their `-wal` too. Every connection to a store file,
a backup, a moved-aside or staged copy comes from `connect`: the SQLAlchemy
engine (`creator=`), the client list's fast path, the probe, backups, the
conversions and the demo build. A file is opened the way it is: an encrypted
file with the key, a plain file (a store of an earlier build) as it is, until
the user converts it (`kamdesk store encrypt`, `encrypt_store`: a backup first,
then `sqlcipher_export`); nothing is ever encrypted silently. A new file is
encrypted unless its caller copies a plain one (`encrypt=False`: a copy is
encrypted exactly like its source).

The key, in this order:

1. a passphrase given to this process (`use_passphrase`: the window's dialog,
   after the keyring had none or a wrong one);
2. the passphrase in the environment variable KAMDESK_PASSPHRASE (scripts, CI);
3. a random 32-byte key in the operating system's keyring (`keyring`: Secret
   Service/KWallet, Windows Credential Manager, macOS Keychain), service
   "KAMdesk", entry "store-key", made when the first encrypted file is.
   One key per user account, not per file, so that every copy of a store
   (backups in their folder, moved-aside and restored files, a store the KAM
   copied elsewhere) opens with it;
4. none: in a terminal the passphrase is asked (twice for a new store,
   kamdesk.store.key_prompt); else StoreKeyError, and the window asks for it.

A passphrase is turned into the key by SQLCipher's own derivation (PBKDF2-HMAC-
SHA512, 256 000 iterations, the file's salt), so an administrator opens the file
with the standard `sqlcipher` tool: `PRAGMA key = '<passphrase>';`. The
derivation takes about half a second, so it is done once per process and
file salt (the same computation in Python) and the connection is given the
derived key with the salt (`x'<key><salt>'`); new files of a process share one
salt. A keyring key is given as a raw key (`PRAGMA key = "x'<64 hex>'"`, no
derivation), which is what an administrator types for it.

Wrong key: SQLite says only "file is not a database"; here it is a
StoreKeyError that says what to do, and the file is left untouched (nothing is
written before the key was proved on the first page).

Standard library, `sqlcipher3` and (only when a key is needed) `keyring`: the
window uses this before SQLAlchemy is imported.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as _cipher

from kamdesk.errors import StoreError
from kamdesk.i18n import QT_TRANSLATE_NOOP, Message

__all__ = [
    "ENCRYPTION_VARIABLE",
    "KEY_ENTRY",
    "PASSPHRASE_VARIABLE",
    "SERVICE",
    "Connection",
    "Error",
    "StoreKeyError",
    "connect",
    "encryption_enabled",
    "is_encrypted",
    "key_at_hand",
    "key_pragma",
    "key_source",
    "reset_keys",
    "use_passphrase",
]

SERVICE = "KAMdesk"
KEY_ENTRY = "store-key"
PASSPHRASE_VARIABLE = "KAMDESK_PASSPHRASE"
# "off": new stores are plain SQLite (the benchmarks' comparison, troubleshooting).
ENCRYPTION_VARIABLE = "KAMDESK_ENCRYPTION"
BUSY_TIMEOUT_S = 5.0

KDF_ITERATIONS = 256_000  # SQLCipher 4's default: what the `sqlcipher` tool assumes
_PLAIN_HEADER = b"SQLite format 3\x00".hex()
_PROBE_KEY = "\"x'" + "00" * 32 + "'\""  # only to make SQLCipher read the file's salt
_CONTEXT = "Store"

# Both drivers' errors: every store connection is a sqlcipher3 one, but callers also
# see the standard library's (an `except crypto.Error` catches either).
Error: tuple[type[Exception], ...] = (sqlite3.Error, _cipher.Error)
Row = _cipher.Row  # the row factory of `sqlite3.Row`, for these connections
NOT_A_DATABASE = sqlite3.SQLITE_NOTADB


class Connection(_cipher.Connection):
    """A sqlcipher3 connection that knows whether its file is encrypted."""

    encrypted: bool = False


class StoreKeyError(StoreError):
    """The store is encrypted and there is no key, or not the right one. The file
    was not changed."""

    def __init__(self, path: Path, *, missing: bool, detail: str = "", new: bool = False) -> None:
        if missing and new:  # a store (or a copy) to be made, and nothing to key it with
            text = QT_TRANSLATE_NOOP(
                "Store",
                "KAMdesk encrypts every new database, but there is no key to do it with: no "
                "keyring works here (no desktop session with GNOME Keyring or KWallet, no "
                "Windows Credential Manager) and no passphrase was given. Set a passphrase "
                "in the environment variable KAMDESK_PASSPHRASE, or start KAMdesk in a "
                "desktop session with a keyring, or run it in a terminal and type a "
                "passphrase when asked. Nothing was created.",
            )
        elif missing:
            text = QT_TRANSLATE_NOOP(
                "Store",
                "{path} is encrypted, and this computer has no key for it: no keyring holds "
                "one (or none works here) and no passphrase was given. Type its passphrase "
                "when KAMdesk asks (in the window or in a terminal), or set it in the "
                "environment variable KAMDESK_PASSPHRASE, or open it in the desktop session "
                "whose keyring holds its key.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Store",
                "{path} is encrypted and could not be opened with this key or passphrase: "
                "the passphrase is wrong, or the store was encrypted for another user or "
                "computer. Nothing was written to it. Type the right passphrase, or ask "
                "your administrator.",
            )
        super().__init__(Message(_CONTEXT, text, {"path": str(path)}), detail)
        self.path, self.missing, self.new = path, missing, new


# --- the key ----------------------------------------------------------------------------

_lock = threading.Lock()
_given_passphrase: str | None = None
_keyring_key: str | None = None  # hex, once read (or made) in this process
_keyring_failed = False
_derived: dict[tuple[str, str], str] = {}  # (passphrase, salt hex) -> key hex
# Held while a key is derived: a second thread asking for the same key (the window's
# list while the start-up thread derives it, `kamdesk.store.probe.start_probe`) waits
# for that one instead of spending another half second of a core on it.
_deriving = threading.Lock()
_process_salt = secrets.token_hex(16)
_proved: set[tuple[str, str, str]] = set()  # (file, its salt, key) that opened it here


def use_passphrase(passphrase: str | None) -> None:
    """Use `passphrase` for this process's stores from now on (None: back to the
    environment and the keyring)."""
    global _given_passphrase
    with _lock:
        _given_passphrase = passphrase or None


def reset_keys() -> None:
    """Forget what this process knows of keys (the keyring is asked again)."""
    global _given_passphrase, _keyring_key, _keyring_failed
    with _lock:
        _given_passphrase, _keyring_key, _keyring_failed = None, None, False
        _proved.clear()


def encryption_enabled() -> bool:
    """Whether new stores are encrypted (everywhere, unless KAMDESK_ENCRYPTION=off)."""
    return os.environ.get(ENCRYPTION_VARIABLE, "").strip().lower() not in ("off", "0", "no")


def _passphrase() -> str | None:
    return _given_passphrase or os.environ.get(PASSPHRASE_VARIABLE) or None


def _keyring_secret(create: bool) -> str | None:
    """The keyring's key (hex), made there when `create` and there is none; None when
    no keyring works here."""
    global _keyring_key, _keyring_failed
    with _lock:
        if _keyring_key is not None or _keyring_failed:
            return _keyring_key
        try:
            import keyring  # slow to import: only when a key is needed

            stored = keyring.get_password(SERVICE, KEY_ENTRY)
            if stored is None and create:
                keyring.set_password(SERVICE, KEY_ENTRY, secrets.token_hex(32))
                stored = keyring.get_password(SERVICE, KEY_ENTRY)  # a keyring that kept it
        except Exception:  # any backend's failure means "no keyring here"
            _keyring_failed = True
            return None
        if stored is None or not _is_key(stored):  # none, or not one KAMdesk made
            return None
        _keyring_key = stored
        return stored


def key_at_hand() -> bool:
    """Whether a key is known without asking anyone: a passphrase given or in the
    environment, or the keyring's key (fetched now, once per process)."""
    return _passphrase() is not None or _keyring_secret(create=False) is not None


def key_source() -> str:
    """Where a new key of this process comes from: "passphrase" (given, or in the
    environment), "keyring" (one works here, with a key or not yet) or "" (neither)."""
    if _passphrase() is not None:
        return "passphrase"
    _keyring_secret(create=False)
    return "" if _keyring_failed else "keyring"


def _is_key(text: str) -> bool:
    try:
        return len(bytes.fromhex(text)) == 32
    except ValueError:
        return False


def key_pragma(salt: str | None = None, *, create: bool = False, path: Path | None = None) -> str:
    """The value for `PRAGMA key = …` for a file with `salt` (hex; None for a new
    file). Raises StoreKeyError when there is no key."""
    passphrase = _passphrase()
    if passphrase is None:
        key = _keyring_secret(create)
        if key is not None:
            return f"\"x'{key}'\""
        passphrase = _typed_passphrase(path or Path("?"), create)  # in a terminal
        if passphrase is None:
            raise StoreKeyError(path or Path("?"), missing=True, new=create)
    salt = salt or _process_salt
    with _lock:
        derived = _derived.get((passphrase, salt))
    if derived is None:
        with _deriving:
            with _lock:
                derived = _derived.get((passphrase, salt))
            if derived is None:  # hashlib lets other threads run meanwhile
                derived = hashlib.pbkdf2_hmac(
                    "sha512", passphrase.encode(), bytes.fromhex(salt), KDF_ITERATIONS, 32
                ).hex()
                with _lock:
                    _derived[(passphrase, salt)] = derived
    return f"\"x'{derived}{salt}'\""


def _typed_passphrase(path: Path, new: bool) -> str | None:
    from kamdesk.store import key_prompt  # asks only with a terminal and no window

    typed = key_prompt.ask(path, new)
    if typed:
        use_passphrase(typed)
    return typed


# --- connections ------------------------------------------------------------------------


def connect(
    path: Path | str,
    *,
    mode: str | None = None,
    timeout: float = BUSY_TIMEOUT_S,
    encrypt: bool | None = None,
    **options: Any,
) -> Connection:
    """A connection to the store file at `path` (`mode` "ro" or "rw" as SQLite's URI
    parameter), with its key when it is encrypted.

    For a file that does not exist yet: encrypted unless `encrypt` is False (or is
    None and KAMDESK_ENCRYPTION=off). An existing file is opened as it is, plain or
    encrypted (`encrypt` is for new files only).
    `options` go to `sqlcipher3.connect` (isolation_level, check_same_thread); with
    `uri=True`, `path` may be a `file:` URI with its parameters, as for sqlite3.
    Raises StoreKeyError for an encrypted file without the right key, and the
    driver's Error for the rest (the callers classify it)."""
    if options.pop("uri", False) and str(path).startswith("file:"):
        from urllib.request import url2pathname  # 20–60 ms: not on the start-up path

        parts = urllib.parse.urlsplit(str(path))
        path = Path(url2pathname(parts.path))
        uri = path.absolute().as_uri() + (f"?{parts.query}" if parts.query else "")
    else:
        path = Path(path)
        uri = path.absolute().as_uri() + (f"?mode={mode}" if mode else "")
    exists = _has_content(path)
    connection = _open(uri, timeout, options)
    try:
        if not exists:
            if encrypt if encrypt is not None else encryption_enabled():
                connection.execute(f"PRAGMA key = {key_pragma(create=True, path=path)}")
                connection.encrypted = True
            return connection
        connection.execute(f"PRAGMA key = {_PROBE_KEY}")
        salt = connection.execute("PRAGMA cipher_salt").fetchone()[0]
        if salt == _PLAIN_HEADER or not _looks_encrypted(path):
            # A plain SQLite file (or no database at all: SQLite says so on first use).
            connection.close()
            return _open(uri, timeout, options)
        pragma = key_pragma(salt, path=path)
        proved = (str(path.absolute()), salt, pragma)
        if proved not in _proved:
            # The key must decrypt the first page before anything is written. Proved on
            # a connection of its own: the caller's first read is then still its own
            # (`PRAGMA locking_mode = EXCLUSIVE` takes effect on it, for example).
            connection.execute(f"PRAGMA key = {pragma}")
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except _cipher.DatabaseError as error:
                if getattr(error, "sqlite_errorcode", None) == NOT_A_DATABASE:
                    raise StoreKeyError(path, missing=False, detail=str(error)) from error
                raise
            with _lock:
                _proved.add(proved)
            connection.close()
            connection = _open(uri, timeout, options)
        connection.execute(f"PRAGMA key = {pragma}")
        connection.encrypted = True
        return connection
    except BaseException:
        connection.close()
        raise


def file_is_encrypted(path: Path) -> bool:
    """Whether the existing database file at `path` is encrypted (opened read-only
    to find out; raises StoreKeyError without the right key)."""
    connection = connect(path, mode="ro")
    try:
        return connection.encrypted
    finally:
        connection.close()


def attach_key(encrypted: bool) -> str:
    """The `KEY …` value for `ATTACH DATABASE … KEY …` of a file that is `encrypted`
    (or plain: an empty key) with this computer's key or passphrase."""
    if not encrypted:
        return "''"
    passphrase = _passphrase()
    if passphrase is not None:  # SQLCipher derives the key from the file's own salt
        return "'" + passphrase.replace("'", "''") + "'"
    return key_pragma()


def dbapi() -> Any:
    """The DB-API module of every store connection (for SQLAlchemy's `module=`)."""
    return _cipher


def is_encrypted(connection: Any) -> bool:
    """Whether `connection` (from `connect`, or a pool's proxy of one) is to an
    encrypted file."""
    driver = getattr(connection, "driver_connection", connection)
    return bool(getattr(driver, "encrypted", False))


def _open(uri: str, timeout: float, options: dict[str, Any]) -> Connection:
    connection: Connection = _cipher.connect(
        uri, uri=True, timeout=timeout, factory=Connection, **options
    )
    if not _quiet:
        _quiet.append(True)
        # SQLCipher writes every failed decryption to stderr; the callers explain it.
        with contextlib.suppress(*Error):
            connection.execute("PRAGMA cipher_log_level = NONE").fetchall()
    return connection


_quiet: list[bool] = []


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _looks_encrypted(path: Path) -> bool:
    """An SQLCipher file is whole pages (at least one of 512 bytes or more); a file
    of any other size is no database at all, and SQLite says so."""
    try:
        size = path.stat().st_size
    except OSError:
        return True
    return size >= 512 and size % 512 == 0


# --- checking a copy ---------------------------------------------------------------


def table_counts(connection: Any, tables: Iterable[str] | None = None) -> dict[str, int]:
    """Rows per table (the check that a converted copy holds what its source held)."""
    names = (
        list(tables)
        if tables is not None
        else [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
    )
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
    }
