"""The encrypted store as the window sees it: the error for a missing or wrong key,
giving this process the passphrase the user typed, and encrypting an older plain
store from the window (File ▸ Encrypt database…) with its copies; kamdesk.store.crypto,
encrypt and plain_copies have the rest. The UI imports this module, never
`kamdesk.store`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kamdesk.store.crypto import StoreKeyError, use_passphrase

if TYPE_CHECKING:
    from kamdesk.i18n import Message
    from kamdesk.store.encrypt import EncryptResult

__all__ = [
    "StoreKeyError",
    "encrypt_plain_store",
    "key_source",
    "remove_plain_copies",
    "store_is_encrypted",
    "use_passphrase",
]


def store_is_encrypted(path: Path) -> bool:
    """Whether the store file at `path` is encrypted (opened read-only to find out)."""
    from kamdesk.store.crypto import file_is_encrypted

    try:
        return file_is_encrypted(Path(path))
    except StoreKeyError:
        return True


def key_source() -> str:
    """What a store encrypted now is encrypted with: "passphrase" (the one this
    KAMdesk was given), "keyring" (a key kept in the system keyring) or "" (no keyring
    here: the user chooses a passphrase). May ask the keyring: off the UI thread."""
    from kamdesk.store.crypto import key_source as source

    return source()


def encrypt_plain_store(
    path: Path,
    passphrase: str | None = None,
    progress: Callable[[int, Message], None] | None = None,
) -> EncryptResult:
    """Encrypt the plain store at `path` (nobody may have it open) and the copies
    KAMdesk made of it, with this computer's key, or with `passphrase` (chosen by the
    user where no keyring works; this process then uses it). Slow: off the UI thread.
    On failure the store is as it was, and a passphrase given here is forgotten."""
    from kamdesk.store.encrypt import encrypt_store

    if passphrase:
        use_passphrase(passphrase)
    try:
        return encrypt_store(Path(path), progress=progress)
    except BaseException:
        if passphrase and not store_is_encrypted(Path(path)):
            use_passphrase(None)
        raise


def remove_plain_copies(paths: list[Path]) -> list[Path]:
    """Delete the plain copies the user chose to delete (with their logs)."""
    from kamdesk.store.plain_copies import remove_copies

    return remove_copies(paths)
