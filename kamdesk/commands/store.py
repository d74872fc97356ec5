"""`kamdesk store status|encrypt|salvage`: encryption, and unsent changes of a copy.

New stores are encrypted (SQLCipher, see `kamdesk.store.crypto`); a store made
by an earlier KAMdesk stays plain until it is encrypted on request:
`kamdesk store encrypt` backs it up, writes an encrypted copy, checks it holds
the same rows, puts it in place and encrypts the store's plain backups too.
KAMdesk must not have the store open meanwhile (it is refused as busy).
`kamdesk store salvage FILE` re-queues the changes a damaged or moved-aside copy
had not sent to the office (kamdesk.sync.salvage); the next sync sends them.
Output as for `kamdesk backup`: in the language of the run (the system's, or `--lang`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kamdesk.commands import fail
from kamdesk.commands.language import translate
from kamdesk.i18n import Message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "store",
        help=translate(
            "StoreCommand", "whether the store is encrypted; encrypt a store of an earlier KAMdesk"
        ),
        description=translate(
            "StoreCommand",
            "New stores are encrypted with a key kept in the system keyring "
            "(or the passphrase in $KAMDESK_PASSPHRASE). 'encrypt' converts a plain store "
            "after a backup; close KAMdesk first.",
        ),
    )
    actions = parser.add_subparsers(
        dest="store_command",
        metavar=translate("CommandLine", "ACTION"),
        title=translate("CommandLine", "actions"),
        required=True,
    )
    actions.add_parser(
        "status",
        help=translate("StoreCommand", "is the store encrypted?"),
        description=translate("StoreCommand", "Is the store encrypted?"),
    ).set_defaults(handler=run_status)
    actions.add_parser(
        "encrypt",
        help=translate("StoreCommand", "encrypt a plain store (a backup is made first)"),
        description=translate("StoreCommand", "Encrypt a plain store (a backup is made first)."),
    ).set_defaults(handler=run_encrypt)
    salvage = actions.add_parser(
        "salvage",
        help=translate(
            "StoreCommand", "send again what a damaged or moved-aside copy had not sent"
        ),
        description=translate(
            "StoreCommand",
            "Read the changes a damaged or moved-aside copy of the store had not sent to "
            "the office and queue them in the store of --db, with their own change ids: "
            "the next sync sends them and the office applies each once.",
        ),
    )
    salvage.add_argument(
        "file",
        type=Path,
        metavar=translate("StoreCommand", "FILE"),
        help=translate("StoreCommand", "the damaged or moved-aside store file"),
    )
    salvage.set_defaults(handler=run_salvage)


def _in_language(run: Callable[[argparse.Namespace, Callable[[Message], str]], int]) -> Any:
    def handler(args: argparse.Namespace) -> int:
        from kamdesk.errors import StoreError
        from kamdesk.i18n import catalogue_translator

        say = catalogue_translator(args.lang)
        try:
            return run(args, say)
        except StoreError as error:
            detail = f" ({' '.join(error.detail.split())})" if error.detail else ""
            return fail(" ".join(say(error.message).split()) + detail)

    return handler


def _status(args: argparse.Namespace, say: Callable[[Message], str]) -> int:
    from kamdesk.store.crypto import file_is_encrypted
    from kamdesk.store.files import has_database

    if not has_database(args.db):
        return fail(translate("StoreCommand", "no store at {db}; give --db").format(db=args.db))
    if file_is_encrypted(args.db):
        print(translate("StoreCommand", "{db} is encrypted").format(db=args.db))
    else:
        print(
            translate(
                "StoreCommand", "{db} is NOT encrypted: `kamdesk store encrypt` encrypts it"
            ).format(db=args.db)
        )
    return 0


def _encrypt(args: argparse.Namespace, say: Callable[[Message], str]) -> int:
    from kamdesk.store.encrypt import encrypt_store
    from kamdesk.store.files import has_database

    if not has_database(args.db):
        return fail(translate("StoreCommand", "no store at {db}; give --db").format(db=args.db))
    result = encrypt_store(args.db)
    print(
        translate("StoreCommand", "{db} is encrypted now; backed up first to {backup}").format(
            db=args.db,
            backup=result.backup,
        )
    )
    if result.backups_encrypted:
        print(
            translate("StoreCommand", "backups encrypted too: {count}").format(
                count=len(result.backups_encrypted)
            )
        )
    for copy in result.left_plain:  # SQLite cannot read it: File ▸ Encrypt offers to delete it
        print(
            translate("StoreCommand", "NOT encrypted (damaged, cannot be read): {path}").format(
                path=copy
            )
        )
    return 0


def _salvage(args: argparse.Namespace, say: Callable[[Message], str]) -> int:
    from kamdesk.store import open_store
    from kamdesk.store.files import has_database
    from kamdesk.sync.salvage import salvage

    if not has_database(args.db):
        return fail(translate("StoreCommand", "no store at {db}; give --db").format(db=args.db))
    store = open_store(args.db)
    try:
        report = salvage(store, args.file)
    finally:
        store.close()
    print(
        translate("StoreCommand", "changes found in {file}: {count}").format(
            file=args.file, count=report.found
        )
    )
    print(
        translate("StoreCommand", "re-queued for the office: {count}").format(count=report.requeued)
    )
    print(
        translate("StoreCommand", "already acknowledged by the office: {count}").format(
            count=report.acknowledged
        )
    )
    if report.already_here:
        print(
            translate("StoreCommand", "already in this store (salvaged before): {count}").format(
                count=report.already_here
            )
        )
    if report.superseded:
        print(
            translate("StoreCommand", "changed again in this store since: {count}").format(
                count=report.superseded
            )
        )
    print(
        translate("StoreCommand", "unreadable (damaged): {count}").format(count=report.unreadable)
    )
    if report.requeued:
        print(translate("StoreCommand", "`kamdesk sync` sends them to the office"))
    return 0


run_status = _in_language(_status)
run_encrypt = _in_language(_encrypt)
run_salvage = _in_language(_salvage)
