"""A keyring backend that keeps its entries in a JSON file: bench_app.py's stand-in for
the operating system's keyring (this machine has no D-Bus session, so no Secret
Service). Selected with PYTHON_KEYRING_BACKEND=_keyring_file.FileKeyring and this
folder on PYTHONPATH; the file is named by KAMDESK_BENCH_KEYRING. Not for real keys."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1

    def _file(self) -> Path:
        return Path(os.environ["KAMDESK_BENCH_KEYRING"])

    def _entries(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._file().read_text()))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}/{username}"] = password
        self._file().write_text(json.dumps(entries))

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        entries.pop(f"{service}/{username}", None)
        self._file().write_text(json.dumps(entries))
