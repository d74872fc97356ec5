"""`kamdesk backup list|create|restore`: the store's backups from a terminal.

One line per backup or per result, on stdout; errors are one line on stderr and
exit code 1 (argument mistakes: 2, as for every command). In the language of the run
(the system's, or `--lang`), from the window's catalogue: every text is a literal
`translate("BackupCommand", "…")` call, which `pyside6-lupdate` extracts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.commands import fail
from kamdesk.commands.language import say, translate
from kamdesk.commands.options import whole_number

if TYPE_CHECKING:
    from kamdesk.commands import Handler
    from kamdesk.store.backups import BackupInfo

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
        type=whole_number,
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


def _in_language(run: Callable[[argparse.Namespace], int]) -> Handler:
    """A handler whose store problems are told in the run's language (one line, exit
    code 1), the store's own words kept in brackets."""

    def handler(args: argparse.Namespace) -> int:
        from kamdesk.errors import StoreError

        try:
            return run(args)
        except StoreError as error:
            detail = f" ({' '.join(error.detail.split())})" if error.detail else ""
            return fail(" ".join(say(error.message).split()) + detail)

    return handler


def _list(args: argparse.Namespace) -> int:
    from kamdesk.store.backups import backups_folder, list_backups

    backups = list_backups(args.db)
    for backup in backups:
        print(_line(backup))
    folder = backups_folder(args.db)
    counted = translate("BackupCommand", "backups of {db} in {folder}: {count}")
    print(counted.format(db=args.db, folder=folder, count=len(backups)), file=sys.stderr)
    return 0


def _create(args: argparse.Namespace) -> int:
    from kamdesk.store.backups import create_backup, prune

    if args.keep is not None and args.keep < 1:
        return fail(translate("BackupCommand", "--keep must be at least 1"))
    if not args.db.exists():
        return fail(translate("BackupCommand", "no store at {db}; give --db").format(db=args.db))
    made = create_backup(args.db)
    backed_up = translate("BackupCommand", "backed up {db}: {backup}")
    print(backed_up.format(db=args.db, backup=_line(made)))
    if args.keep is not None:
        removed = prune(args.db, args.keep)
        if removed:
            deleted = translate("BackupCommand", "older backups deleted: {count}")
            print(deleted.format(count=len(removed)), file=sys.stderr)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from kamdesk.store.backups import restore_backup

    chosen = _chosen(args.db, args.backup)
    if isinstance(chosen, str):
        return fail(chosen)
    result = restore_backup(args.db, chosen)
    restored = translate("BackupCommand", "restored {db} from {backup}")
    print(restored.format(db=args.db, backup=_line(result.backup)))
    if result.kept_aside is not None:
        kept = translate("BackupCommand", "the store as it was is kept at {path}")
        print(kept.format(path=result.kept_aside))
    return 0


run_list = _in_language(_list)
run_create = _in_language(_create)
run_restore = _in_language(_restore)


def _chosen(db: Path, wanted: str) -> Path | str:
    """The backup file `wanted` names ('latest', a listed name, or a path), or why there
    is none, in the run's language."""
    from kamdesk.store.backups import backups_folder, list_backups

    if wanted == LATEST:
        backups = list_backups(db)
        if not backups:
            none = translate("BackupCommand", "{db} has no backups in {folder}")
            return none.format(db=db, folder=backups_folder(db))
        return backups[0].path
    for candidate in (backups_folder(db) / wanted, Path(wanted).expanduser()):
        if candidate.is_file():
            return candidate
    missing = translate(
        "BackupCommand", "no backup {backup}; `kamdesk backup list` shows those of {db}"
    )
    return missing.format(backup=wanted, db=db)


def _line(backup: BackupInfo) -> str:
    when = backup.taken_at.astimezone()
    clients = (
        translate("BackupCommand", "clients: {count}").format(count=backup.accounts)
        if backup.accounts is not None
        else translate("BackupCommand", "clients: ?")
    )
    return f"{when:%d.%m.%Y %H:%M:%S}  {_size(backup.size):>9}  {clients}  {backup.path}"


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        from kamdesk.commands.language import current
        from kamdesk.services.formatting import number

        value = number(size / (1024 * 1024), 1, current())  # «1,1 МБ» in Russian
        return translate("BackupCommand", "{value} MB").format(value=value)
    return translate("BackupCommand", "{value} KB").format(value=max(1, round(size / 1024)))
