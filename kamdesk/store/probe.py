"""What a store file is, found out through SQLite alone, before the store is opened.

Nothing here opens the store's files itself: SQLite's locks are POSIX advisory
locks, held per process and dropped when *any* descriptor of the file is
closed, so reading a header with `open()` while this process has a
connection to the file (the client list's, the store's, or one of a window
that opens the same file again) would silently take the locks from under it
("How To Corrupt An SQLite Database File", §2.2). SQLite itself keeps every
descriptor of a locked file open until its last lock is released.

Standard library (and the store's opener, `kamdesk.store.crypto`) only, so the
window can recognise a current store before SQLAlchemy is imported.

The quick check reads the whole file (decrypting every page of an encrypted
one): 0.2–2 s for a store of 80 MB, more for a bigger one. `start_probe`
fetches or derives the key and reads the store's facts in a thread started
before the window imports Qt (SQLite and PBKDF2 release the GIL, so it runs
beside the imports on the other core), then runs the quick check in the same
thread while the window opens: `take_started_check` hands the window the
facts' answer at once and the check still running (`IntegrityCheck`); the
store is opened for writing only once that check passed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from kamdesk.errors import CorruptStoreError, StoreAccessError, StoreError, StoreUnavailableError
from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.store import crypto
from kamdesk.store.files import has_database, orphaned_journal
from kamdesk.store.sqlite_errors import classify

BUSY_TIMEOUT_S = 5.0
_PROBLEMS_SHOWN = 5  # of quick_check's list, enough to tell a person what is wrong


@dataclass(frozen=True)
class StoreFacts:
    revision: str | None  # the Alembic revision, None when the file has none
    has_tables: bool
    has_client_id: bool  # sync_state holds this computer's row
    has_search_index: bool

    @property
    def is_current(self) -> bool:
        """A KAMdesk store at this version's schema, ready to use as it is."""
        return self.revision == SCHEMA_HEAD and self.has_client_id and self.has_search_index


def probe(path: Path, *, verify: bool = True) -> StoreFacts | None:
    """The facts about the store file at `path`; None when there is none yet.

    With `verify`, SQLite's `quick_check` must find the file intact. Raises
    CorruptStoreError for a damaged file (or a file that is not a database), and
    the other StoreErrors when the file cannot be read now. Changes nothing."""
    if path.is_dir():  # SQLite would call reading it a disk error
        raise StoreAccessError(path, "a folder is where the database file should be")
    if not has_database(path):
        journal = orphaned_journal(path)
        if journal is not None:
            # A new store made here would replay this log: it belongs to a database
            # that was moved or lost, and must be moved aside, not adopted.
            raise CorruptStoreError(path, f"{journal.name} is here without its database")
        return None
    try:
        # Read-only: SQLite then never checkpoints the log into the main file on
        # closing, so a damaged store is moved aside exactly as it was found.
        connection = crypto.connect(path, mode="ro", timeout=BUSY_TIMEOUT_S)
    except crypto.Error as error:
        raise _explain(path, error) from error
    try:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if verify:
            _quick_check(path, connection)
        revision = None
        if "alembic_version" in names:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        has_client_id = "sync_state" in names and bool(
            connection.execute("SELECT count(*) FROM sync_state WHERE id = 1").fetchone()[0]
        )
    except crypto.Error as error:
        raise _explain(path, error) from error
    finally:
        connection.close()
    return StoreFacts(
        revision=revision,
        has_tables=bool(names),
        has_client_id=has_client_id,
        has_search_index="account_search" in names,
    )


def is_current_store(path: Path) -> bool:
    """True for an intact store at this version's schema; False for anything that
    needs the full opening (new, older, damaged, busy). The answer of `start_probe`
    for this path, when one was started, is taken (and waited for)."""
    if _started_probe(path):
        return True
    try:
        facts = probe(path)
    except StoreError:
        return False
    return facts is not None and facts.is_current


class IntegrityCheck:
    """The quick check of a current store, still running after its facts were read
    (the window opens meanwhile, read-only: `kamdesk.services.workspace.Workspace`
    opens the store for writing only once `wait` returned)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._done = threading.Event()
        self._failure: StoreError | None = None

    def finish(self, failure: StoreError | None) -> None:
        self._failure = failure
        self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self) -> None:
        """Wait for the check; raises CorruptStoreError (or another StoreError when
        the file could not be read) if it did not find the store intact."""
        self._done.wait()
        if self._failure is not None:
            raise self._failure


class _Probe(threading.Thread):
    def __init__(self, path: Path) -> None:
        super().__init__(name="kamdesk-probe", daemon=True)
        self.path = path
        self.current = False  # the facts say: a current store (its check may still run)
        self.facts_read = threading.Event()
        self.check = IntegrityCheck(path)

    def run(self) -> None:
        try:
            # Never ask for a passphrase from here: without a key at hand the window's
            # own opening asks (in its dialog), as it did without this thread.
            if has_database(self.path) and crypto.key_at_hand():
                facts = probe(self.path, verify=False)
                self.current = facts is not None and facts.is_current
        except Exception:  # the window's opening finds it again and says so
            self.current = False
        finally:
            self.facts_read.set()
        if not self.current:
            self.check.finish(None)  # not used: the ordinary opening checks the file
            return
        try:
            check(self.path)
        except StoreError as error:
            self.check.finish(error)
        except Exception as error:  # reported as the store's failure
            self.check.finish(_explain(self.path, error))
        else:
            self.check.finish(None)


_probes: dict[Path, _Probe] = {}
_probes_lock = threading.Lock()


def start_probe(path: Path) -> None:
    """Fetch the key of the store at `path`, read its facts and then check the file,
    in the background (see the module docstring); `take_started_check(path)` or
    `is_current_store(path)` then take that answer. Anything but "an intact current
    store" is found again (and explained) by the ordinary opening, so a failure here
    costs only the time it took."""
    path = Path(path).absolute()
    worker = _Probe(path)
    with _probes_lock:
        if path in _probes:
            return
        _probes[path] = worker
    worker.start()


def forget_probes() -> None:
    """Drop the answers of started probes nobody took (a store named on the command line
    that was not the one opened): a later opening of that file checks it again."""
    with _probes_lock:
        _probes.clear()


def take_started_check(path: Path) -> IntegrityCheck | None:
    """When a started probe found `path` a current store: its quick check, maybe still
    running (the store must not be written before it passed). None when no probe was
    started or it found anything else: the ordinary opening then checks the file.
    Each answer is used once."""
    with _probes_lock:
        worker = _probes.pop(Path(path).absolute(), None)
    if worker is None:
        return None
    worker.facts_read.wait()
    return worker.check if worker.current else None


def check(path: Path) -> None:
    """SQLite's quick check of the store at `path` through a read-only connection of
    its own; raises CorruptStoreError (or another StoreError). Changes nothing."""
    try:
        connection = crypto.connect(path, mode="ro", timeout=BUSY_TIMEOUT_S)
    except crypto.Error as error:
        raise _explain(path, error) from error
    try:
        _quick_check(path, connection)
    except crypto.Error as error:
        raise _explain(path, error) from error
    finally:
        connection.close()


def _started_probe(path: Path) -> bool:
    """Whether a started probe found `path` an intact current store (waiting for its
    check too)."""
    started = take_started_check(path)
    if started is None:
        return False
    try:
        started.wait()
    except StoreError:
        return False
    return True


def _quick_check(path: Path, connection: crypto.Connection) -> None:
    """SQLite's quick integrity check: every page and index entry is readable and in
    order (it skips only the slow index-against-table comparison)."""
    problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise CorruptStoreError(path, "; ".join(problems[:_PROBLEMS_SHOWN]))


def _explain(path: Path, error: BaseException) -> StoreError:
    return classify(path, error) or StoreUnavailableError(f"{path}: {error}")
