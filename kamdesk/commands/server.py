"""`kamdesk server …`: the office server — its database, its users, and serving it.

Every subcommand takes the office database as `--db URL` (default:
$KAMDESK_OFFICE_DB): `sqlite:///path/office.sqlite` for a trial, or
`postgresql+psycopg://user@host/dbname` in production. Refusals are one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from kamdesk.commands import fail
from kamdesk.commands.demo import add_territory_options
from kamdesk.commands.language import say, translate
from kamdesk.commands.options import whole_number
from kamdesk.commands.server_users import (
    refused,
    run_grant,
    run_laptops,
    run_revoke,
    run_revoke_laptop,
    run_set_manager,
    run_user_add,
)
from kamdesk.i18n import Message
from kamdesk.server.environment import DATABASE_ENV

ROLES = ("kam", "manager", "admin")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "server",
        common=("lang",),  # its --db is the office database
        help=translate(
            "ServerCommand",
            "the office server: create its database, add users, grant accounts, serve it",
        ),
        description=translate(
            "ServerCommand",
            "The office server laptops sync with. The database is given as --db URL "
            "(default ${env}): sqlite:///path/office.sqlite or "
            "postgresql+psycopg://user@host/dbname.",
        ).format(env=DATABASE_ENV),
    )
    actions = parser.add_subparsers(
        dest="server_action",
        metavar=translate("CommandLine", "ACTION"),
        title=translate("CommandLine", "actions"),
        required=True,
    )

    init = _with_db(
        actions.add_parser(
            "init",
            help=translate("ServerCommand", "create or migrate the office database"),
            description=translate(
                "ServerCommand",
                "Create the office tables (or migrate them to this version) and start "
                "the office's epoch. Safe to run again.",
            ),
        )
    )
    init.set_defaults(handler=run_init)

    epoch = _with_db(
        actions.add_parser(
            "new-epoch",
            help=translate(
                "ServerCommand",
                "after restoring the database from a backup: make every laptop resync",
            ),
            description=translate(
                "ServerCommand",
                "Give the office a new epoch. Run it after restoring the database from "
                "a backup: each laptop then drops what it had from the office, pulls again and "
                "re-sends whatever the restored office no longer has (the office ignores "
                "changes it already holds).",
            ),
        )
    )
    epoch.set_defaults(handler=run_new_epoch)

    purge = _with_db(
        actions.add_parser(
            "purge",
            help=translate("ServerCommand", "forget deletions older than N days"),
            description=translate(
                "ServerCommand",
                "Remove deleted records whose deletion is older than --older-than days, "
                "with their text history. Safe while the office serves. A laptop that last "
                "synced before one of the removed deletions takes a fresh copy on its next "
                "sync; edits waiting on it are kept.",
            ),
        )
    )
    purge.add_argument(
        "--older-than",
        type=whole_number,
        default=180,
        metavar=translate("ServerCommand", "DAYS"),
        help=translate("ServerCommand", "age of a deletion in days (180)"),
    )
    purge.set_defaults(handler=run_purge)

    serve = _with_db(
        actions.add_parser(
            "run",
            help=translate(
                "ServerCommand", "serve the office (HTTP; TLS with --ssl-keyfile/--ssl-certfile)"
            ),
            description=translate(
                "ServerCommand",
                "Serve the office database over HTTP with uvicorn. Behind a reverse "
                "proxy keep the default loopback host; see docs/deploy-office.md.",
            ),
        )
    )
    number = translate("DemoCommand", "N")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        metavar=translate("ServerCommand", "ADDRESS"),
        help=translate("ServerCommand", "address to listen on (127.0.0.1)"),
    )
    serve.add_argument(
        "--port",
        type=whole_number,
        default=8765,
        metavar=number,
        help=translate("ServerCommand", "port (8765)"),
    )
    serve.add_argument(
        "--workers",
        type=whole_number,
        default=1,
        metavar=number,
        help=translate("ServerCommand", "worker processes (1); they share the database"),
    )
    serve.add_argument(
        "--ssl-keyfile",
        type=Path,
        default=None,
        metavar=translate("CommandLine", "FILE"),
        help=translate("ServerCommand", "TLS private key (PEM)"),
    )
    serve.add_argument(
        "--ssl-certfile",
        type=Path,
        default=None,
        metavar=translate("CommandLine", "FILE"),
        help=translate("ServerCommand", "TLS certificate (PEM)"),
    )
    serve.set_defaults(handler=run_serve)

    user = actions.add_parser(
        "user",
        help=translate("ServerCommand", "the office's users"),
        description=translate("ServerCommand", "The office's users."),
    )
    user_actions = user.add_subparsers(
        dest="user_action",
        metavar=translate("CommandLine", "ACTION"),
        title=translate("CommandLine", "actions"),
        required=True,
    )
    add = _with_db(
        user_actions.add_parser(
            "add",
            help=translate("ServerCommand", "add a KAM, a manager or an admin"),
            description=translate(
                "ServerCommand",
                "Add a user. Without --password-file a password is generated and "
                "printed once: login=… role=… password=… name=…",
            ),
        )
    )
    add.add_argument(
        "login",
        metavar=translate("SyncCommand", "LOGIN"),
        help=translate("ServerCommand", "the login (Latin letters, digits, . _ -)"),
    )
    add.add_argument(
        "--role",
        required=True,
        choices=ROLES,
        help=translate("ServerCommand", "kam, manager or admin"),
    )
    add.add_argument(
        "--name",
        required=True,
        metavar=translate("SyncCommand", "NAME"),
        help=translate("ServerCommand", "the full name: «Фамилия Имя Отчество»"),
    )
    add.add_argument(
        "--manager",
        default=None,
        metavar=translate("SyncCommand", "LOGIN"),
        help=translate("ServerCommand", "the login of the user's manager"),
    )
    add.add_argument(
        "--password-file",
        type=Path,
        default=None,
        metavar=translate("CommandLine", "FILE"),
        help=translate(
            "ServerCommand",
            "read the password from the first line of the file (at least 8 characters)",
        ),
    )
    add.set_defaults(handler=run_user_add)
    set_manager = _with_db(
        user_actions.add_parser(
            "set-manager",
            help=translate("ServerCommand", "move a user into a manager's team, or out of it"),
            description=translate(
                "ServerCommand",
                "Make MANAGER the user's manager, or leave them without one (--none). "
                "The new manager's next sync brings the user's clients; the old "
                "manager's removes them (edits waiting on that laptop are kept as sync "
                "issues).",
            ),
        )
    )
    set_manager.add_argument(
        "login",
        metavar=translate("SyncCommand", "LOGIN"),
        help=translate("ServerCommand", "the user's login"),
    )
    whose = set_manager.add_mutually_exclusive_group(required=True)
    whose.add_argument(
        "manager",
        nargs="?",
        default=None,
        metavar=translate("ServerCommand", "MANAGER"),
        help=translate("ServerCommand", "the login of the new manager"),
    )
    whose.add_argument(
        "--none",
        action="store_true",
        help=translate("ServerCommand", "leave the user without a manager"),
    )
    set_manager.set_defaults(handler=run_set_manager)

    grant = _with_db(
        actions.add_parser(
            "grant",
            help=translate("ServerCommand", "let a user see and edit these clients"),
            description=translate("ServerCommand", "Let a user see and edit these clients."),
        )
    )
    revoke = _with_db(
        actions.add_parser(
            "revoke",
            help=translate("ServerCommand", "take these clients away from a user"),
            description=translate("ServerCommand", "Take these clients away from a user."),
        )
    )
    for action, handler in ((grant, run_grant), (revoke, run_revoke)):
        action.add_argument(
            "login",
            metavar=translate("SyncCommand", "LOGIN"),
            help=translate("ServerCommand", "the user's login"),
        )
        action.add_argument(
            "accounts",
            nargs="+",
            metavar=translate("ServerCommand", "CLIENT_ID"),
            help=translate("ServerCommand", "client ids (UUID)"),
        )
        action.set_defaults(handler=handler)

    laptops = _with_db(
        actions.add_parser(
            "laptops",
            help=translate("ServerCommand", "list the enrolled laptops"),
            description=translate(
                "ServerCommand",
                "One line per laptop ever enrolled: its code, client id, user, device, "
                "when it enrolled and was last heard from, and whether it is revoked.",
            ),
        )
    )
    laptops.set_defaults(handler=run_laptops)
    cut_off = _with_db(
        actions.add_parser(
            "revoke-laptop",
            help=translate(
                "ServerCommand", "cut off a lost or stolen laptop (its token stops working at once)"
            ),
            description=translate(
                "ServerCommand",
                "Revoke a laptop's token by its code (K007) or client id. Its next "
                "sync is refused; its user may log in again on another laptop.",
            ),
        )
    )
    cut_off.add_argument(
        "laptop",
        metavar=translate("ServerCommand", "LAPTOP"),
        help=translate("ServerCommand", "the laptop's code (K007) or client id"),
    )
    cut_off.set_defaults(handler=run_revoke_laptop)

    demo = _with_db(
        actions.add_parser(
            "demo",
            help=translate(
                "ServerCommand", "seed an empty office with the demo territory and its users"
            ),
            description=translate(
                "ServerCommand",
                "Build the demo territory (as `kamdesk demo` does), load it into an "
                "empty office database (initialising it when needed) and split the clients "
                "among three KAMs: hospitals (with the ministry and other institutions), "
                "pharmacy chains with their pharmacies, and distributors; add their manager "
                "and an admin. Prints one line per user: login=… role=… password=… name=…",
            ),
        )
    )
    add_territory_options(demo)
    demo.set_defaults(handler=run_demo)


def _with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    default = os.environ.get(DATABASE_ENV)
    parser.add_argument(
        "--db",
        dest="office_db",
        metavar="URL",
        default=default,
        required=default is None,
        help=translate(
            "ServerCommand",
            "the office database: sqlite:///path or postgresql+psycopg://… (default ${env})",
        ).format(env=DATABASE_ENV),
    )
    return parser


def run_init(args: argparse.Namespace) -> int:
    from kamdesk.server.db import init_database
    from kamdesk.server.errors import OfficeError

    try:
        state = init_database(args.office_db)
    except OfficeError as error:
        return refused(error)
    print(
        translate(
            "ServerCommand", "office database ready: epoch {epoch}, version {version}"
        ).format(epoch=state.epoch, version=state.version)
    )
    return 0


def run_new_epoch(args: argparse.Namespace) -> int:
    from kamdesk.server.db import new_epoch
    from kamdesk.server.errors import OfficeError

    try:
        state = new_epoch(args.office_db)
    except OfficeError as error:
        return refused(error)
    print(
        translate(
            "ServerCommand",
            "new epoch {epoch}: every laptop resyncs with the office on its next sync",
        ).format(epoch=state.epoch)
    )
    return 0


def run_purge(args: argparse.Namespace) -> int:
    from kamdesk.server.db import open_office
    from kamdesk.server.errors import OfficeError
    from kamdesk.server.horizon import purge

    if args.older_than < 0:
        return fail(translate("ServerCommand", "--older-than must not be negative"))
    try:
        engine = open_office(args.office_db)
        try:
            result = purge(engine, args.older_than)
        finally:
            engine.dispose()
    except OfficeError as error:
        return refused(error)
    print(
        translate(
            "ServerCommand",
            "purged deleted records: {rows}, text versions: {texts}, kept (still referred "
            "to): {kept}; horizon {horizon}",
        ).format(rows=result.rows, texts=result.texts, kept=result.kept, horizon=result.horizon)
    )
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from kamdesk.server.db import open_office
    from kamdesk.server.errors import OfficeError

    if args.workers < 1:
        return fail(translate("ServerCommand", "--workers must be at least 1"))
    if (args.ssl_keyfile is None) != (args.ssl_certfile is None):
        return fail(translate("ServerCommand", "TLS needs both --ssl-keyfile and --ssl-certfile"))
    for path in (args.ssl_keyfile, args.ssl_certfile):
        if path is not None and not path.is_file():
            return fail(translate("ImportCommand", "{path} is not a file").format(path=path))
    try:
        open_office(args.office_db).dispose()  # refuse an uninitialised database here, once
    except OfficeError as error:
        return refused(error)
    tls = {}
    if args.ssl_keyfile is not None:
        tls = {"ssl_keyfile": str(args.ssl_keyfile), "ssl_certfile": str(args.ssl_certfile)}
    # Every worker (one or several) builds its own app and engine from the environment.
    os.environ[DATABASE_ENV] = args.office_db
    uvicorn.run(
        "kamdesk.server.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        **tls,  # type: ignore[arg-type]
    )
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from kamdesk.commands.server_demo import seed_office
    from kamdesk.server.errors import OfficeError

    if args.accounts < 1 or args.years < 1:
        return fail(translate("DemoCommand", "--accounts and --years must be at least 1"))

    def progress(percent: int, stage: object) -> None:
        text = say(stage) if isinstance(stage, Message) else str(stage)
        print(f"\r{percent:3d}% {text:<40}", end="", file=sys.stderr, flush=True)

    try:
        seeded = seed_office(
            args.office_db,
            accounts=args.accounts,
            seed=args.seed,
            years=args.years,
            progress=progress,
        )
    except OfficeError as error:
        print(file=sys.stderr)
        return refused(error)
    print(file=sys.stderr)
    print(
        translate("ServerCommand", "office seeded: rows: {rows}, clients: {accounts}").format(
            rows=seeded.rows, accounts=seeded.accounts
        ),
        file=sys.stderr,
    )
    for user in seeded.users:
        print(f"login={user.login} role={user.role} password={user.password} name={user.name}")
    return 0
