"""`kamdesk backup list|create|restore`: the store's backups from a terminal.

One line per backup or per result, on stdout; errors are one line on stderr and
exit code 1 (argument mistakes: 2, as for every command). In the language of the run
(the system's, or `--lang`), from the window's catalogue (the texts are marked for it in
`kamdesk.services.backups`, a folder the catalogue is extracted from).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.commands import fail
from kamdesk.commands.language import translate
from kamdesk.i18n import Message

if TYPE_CHECKING:
    from kamdesk.commands import Handler
    from kamdesk.store.backups import BackupInfo

CONTEXT = "BackupCommand"
LATEST = "latest"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "backup",
        help=translate("BackupCommand", "list, create and restore backups of the store"),
        description=translate(
            "BackupCommand",
            "Backups of the store (the file of --db) live in the 'backups' folder beside it "
            "(kamdesk-YYYYMMDD-HHMMSS.backup.sqlite). KAMdesk makes one a day by itself and "
            "keeps the last 7 (Settings); restoring keeps the current store aside first.",
        ),
    )
    actions = parser.add_subparsers(
        dest="backup_command",
        metavar=translate("CommandLine", "ACTION"),
        title=translate("CommandLine", "actions"),
        required=True,
    )

    listing = actions.add_parser(
        "list",
        help=translate("BackupCommand", "the store's backups, newest first"),
        description=translate("BackupCommand", "The store's backups, newest first."),
    )
    listing.set_defaults(handler=run_list)

    create = actions.add_parser(
        "create",
        help=translate("BackupCommand", "back the store up now"),
        description=translate("BackupCommand", "Back the store up now."),
    )
    create.add_argument(
        "--keep",
        type=int,
        metavar=translate("DemoCommand", "N"),
        help=translate(
            "BackupCommand", "afterwards keep only this many newest backups (default: delete none)"
        ),
    )
    create.set_defaults(handler=run_create)

    restore = actions.add_parser(
        "restore",
        help=translate(
            "BackupCommand", "put a backup in place of the store (the store is kept aside first)"
        ),
        description=translate(
            "BackupCommand", "Put a backup in place of the store (the store is kept aside first)."
        ),
    )
    restore.add_argument(
        "backup",
        nargs="?",
        default=LATEST,
        metavar=translate("BackupCommand", "BACKUP"),
        help=translate("BackupCommand", "a file name as listed, a path, or 'latest' (default)"),
    )
    restore.set_defaults(handler=run_restore)


def _in_language(run: Callable[[argparse.Namespace, Callable[[Message], str]], int]) -> Handler:
    """A handler whose store problems are told in --lang too (one line, exit code 1)."""

    def handler(args: argparse.Namespace) -> int:
        from kamdesk.errors import StoreError

        say = _translator(args)
        try:
            return run(args, say)
        except StoreError as error:
            detail = f" ({' '.join(error.detail.split())})" if error.detail else ""
            return fail(" ".join(say(error.message).split()) + detail)

    return handler


def _list(args: argparse.Namespace, say: Callable[[Message], str]) -> int:
    from kamdesk.store.backups import backups_folder, list_backups

    backups = list_backups(args.db)
    for backup in backups:
        print(_line(backup, say))
    folder = backups_folder(args.db)
    counted = _text(
        "backups of {db} in {folder}: {count}", db=args.db, folder=folder, count=len(backups)
    )
    print(say(counted), file=sys.stderr)
    return 0


def _create(args: argparse.Namespace, say: Callable[[Message], str]) -> int:
    from kamdesk.store.backups import create_backup, prune

    if args.keep is not None and args.keep < 1:
        return fail(say(_text("--keep must be at least 1")))
    if not args.db.exists():
        return fail(say(_text("no store at {db}; give --db", db=args.db)))
    made = create_backup(args.db)
    print(say(_text("backed up {db}: {backup}", db=args.db, backup=_line(made, say))))
    if args.keep is not None:
        removed = prune(args.db, args.keep)
        if removed:
            print(say(_text("older backups deleted: {count}", count=len(removed))), file=sys.stderr)
    return 0


def _restore(args: argparse.Namespace, say: Callable[[Message], str]) -> int:
    from kamdesk.store.backups import restore_backup

    chosen = _chosen(args.db, args.backup)
    if isinstance(chosen, Message):
        return fail(say(chosen))
    result = restore_backup(args.db, chosen)
    print(say(_text("restored {db} from {backup}", db=args.db, backup=_line(result.backup, say))))
    if result.kept_aside is not None:
        print(say(_text("the store as it was is kept at {path}", path=result.kept_aside)))
    return 0


run_list = _in_language(_list)
run_create = _in_language(_create)
run_restore = _in_language(_restore)


def _chosen(db: Path, wanted: str) -> Path | Message:
    """The backup file `wanted` names: 'latest', a listed name, or a path."""
    from kamdesk.store.backups import backups_folder, list_backups

    if wanted == LATEST:
        backups = list_backups(db)
        if not backups:
            return _text("{db} has no backups in {folder}", db=db, folder=backups_folder(db))
        return backups[0].path
    for candidate in (backups_folder(db) / wanted, Path(wanted).expanduser()):
        if candidate.is_file():
            return candidate
    return _text(
        "no backup {backup}; `kamdesk backup list` shows those of {db}", backup=wanted, db=db
    )


def _line(backup: BackupInfo, say: Callable[[Message], str]) -> str:
    when = backup.taken_at.astimezone()
    clients = (
        say(_text("clients: {count}", count=backup.accounts))
        if backup.accounts is not None
        else say(_text("clients: ?"))
    )
    return f"{when:%d.%m.%Y %H:%M:%S}  {_size(backup.size, say):>9}  {clients}  {backup.path}"


def _size(size: int, say: Callable[[Message], str]) -> str:
    if size >= 1024 * 1024:
        from kamdesk.commands.language import current
        from kamdesk.services.formatting import number

        value = number(size / (1024 * 1024), 1, current())  # «1,1 МБ» in Russian
        return say(_text("{value} MB", value=value))
    return say(_text("{value} KB", value=max(1, round(size / 1024))))


def _text(text: str, **params: object) -> Message:
    return Message(CONTEXT, text, params)


def _translator(args: argparse.Namespace) -> Callable[[Message], str]:
    from kamdesk.i18n import catalogue_translator

    return catalogue_translator(args.lang)
