"""Another program on the same store: a separate Python process with its own SQLite
connection (through `kamdesk.store.crypto`, with the key of an encrypted store).

SQLite's locks are per process, so only a second process shows whether this one
still holds them: it opens the store, runs its statements, commits and closes,
and if it believed itself the store's last user it would checkpoint and delete
the write-ahead log that this process is still writing to.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

_SCRIPT = """
import json, sys
from kamdesk.store import crypto
connection = crypto.connect(sys.argv[1], timeout=10)
results = [connection.execute(statement).fetchall() for statement in sys.argv[2:]]
connection.commit()
connection.close()
print(json.dumps(results, ensure_ascii=False))
"""


def run_sql(path: Path, *statements: str) -> list[list[list[Any]]]:
    """Each statement's rows, from a process that opens, commits and closes the store."""
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(path), *statements],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    rows: list[list[list[Any]]] = json.loads(result.stdout)
    return rows


def garble(path: Path, offset: int, length: int) -> None:
    """Overwrite bytes of a file from another process, as a failing disk would (doing
    it here would close a descriptor of the store and drop this process's locks)."""
    code = (
        "import sys\n"
        "with open(sys.argv[1], 'r+b') as f:\n"
        "    f.seek(int(sys.argv[2])); f.write(b'\\xff' * int(sys.argv[3]))\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(path), str(offset), str(length)], check=True, timeout=60
    )


def crash_after(path: Path, *statements: str) -> None:
    """Commit `statements` from a process that then dies without closing the store, so
    the commits stay in its write-ahead log (`-wal`), not yet in the main file."""
    code = (
        "import os, sys\n"
        "from kamdesk.store import crypto\n"
        "connection = crypto.connect(sys.argv[1])\n"
        "connection.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "for statement in sys.argv[2:]:\n"
        "    connection.execute(statement)\n"
        "connection.commit()\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path), *statements], check=True, timeout=60)
