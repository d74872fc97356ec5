"""Where a laptop keeps the office's token: the OS keyring, else a private file.

The token is the laptop's key to the office (revocable per laptop). It never goes
into the store, so a copied store file carries no key. Order of lookup:
`KAMDESK_SYNC_TOKEN` (scripts), the OS keyring through `keyring` when it is
installed and has a real backend, then a file readable by the user only (0600)
in the data folder.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from kamdesk.paths import data_dir

TOKEN_ENV = "KAMDESK_SYNC_TOKEN"
KEYRING_SERVICE = "KAMdesk office sync"

log = logging.getLogger(__name__)


class Credentials:
    """The token of one enrolled store, named by the store's client id."""

    def __init__(self, folder: Path | None = None, *, use_keyring: bool = True) -> None:
        self.folder = folder
        self.use_keyring = use_keyring

    def load(self, key: str) -> str | None:
        from_env = os.environ.get(TOKEN_ENV)
        if from_env:
            return from_env.strip()
        keyring = self._keyring()
        if keyring is not None:
            try:
                token = keyring.get_password(KEYRING_SERVICE, key)
            except Exception as error:  # a locked or broken keyring: fall back to the file
                log.warning("keyring unreadable (%s); trying the token file", error)
            else:
                if token:
                    return str(token)
        path = self._file(key)
        try:
            return path.read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None

    def save(self, key: str, token: str) -> None:
        keyring = self._keyring()
        if keyring is not None:
            try:
                keyring.set_password(KEYRING_SERVICE, key, token)
            except Exception as error:
                log.warning("keyring not writable (%s); the token goes to a private file", error)
            else:
                self._file(key).unlink(missing_ok=True)
                return
        self._write_private(self._file(key), token)

    def forget(self, key: str) -> None:
        keyring = self._keyring()
        if keyring is not None:
            with contextlib.suppress(Exception):  # not there, or no keyring after all
                keyring.delete_password(KEYRING_SERVICE, key)
        self._file(key).unlink(missing_ok=True)

    def _file(self, key: str) -> Path:
        folder = self.folder if self.folder is not None else data_dir()
        return folder / f"sync-token-{key}"

    def _keyring(self) -> Any:
        if not self.use_keyring:
            return None
        try:
            import keyring
            from keyring.backends import fail
        except ImportError:
            return None
        try:
            backend = keyring.get_keyring()
        except Exception:
            return None
        chain_is_empty = type(backend).__name__ == "ChainerBackend" and not getattr(
            backend, "backends", None
        )
        if isinstance(backend, fail.Keyring) or chain_is_empty:
            return None
        return keyring

    @staticmethod
    def _write_private(path: Path, token: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".sync-token-", dir=path.parent)
        try:
            if hasattr(os, "fchmod"):  # mkstemp makes it 0600 already; keep it so
                os.fchmod(descriptor, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(token)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
