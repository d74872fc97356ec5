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
from kamdesk.server.environment import DATABASE_ENV

ROLES = ("kam", "manager", "admin")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "server",
        common=("lang",),  # its --db is the office database
        help="the office server: create its database, add users, grant accounts, serve it",
        description="The office server laptops sync with. The database is given as --db URL "
        f"(default ${DATABASE_ENV}): sqlite:///path/office.sqlite or "
        "postgresql+psycopg://user@host/dbname.",
    )
    actions = parser.add_subparsers(dest="server_action", metavar="ACTION", required=True)

    init = _with_db(
        actions.add_parser(
            "init",
            help="create or migrate the office database",
            description="Create the office tables (or migrate them to this version) and start "
            "the office's epoch. Safe to run again.",
        )
    )
    init.set_defaults(handler=run_init)

    epoch = _with_db(
        actions.add_parser(
            "new-epoch",
            help="after restoring the database from a backup: make every laptop resync",
            description="Give the office a new epoch. Run it after restoring the database from "
            "a backup: each laptop then drops what it had from the office, pulls again and "
            "re-sends whatever the restored office no longer has (the office ignores changes "
            "it already holds).",
        )
    )
    epoch.set_defaults(handler=run_new_epoch)

    serve = _with_db(
        actions.add_parser(
            "run",
            help="serve the office (HTTP; TLS with --ssl-keyfile/--ssl-certfile)",
            description="Serve the office database over HTTP with uvicorn. Behind a reverse "
            "proxy keep the default loopback host; see docs/deploy-office.md.",
        )
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="port (8765)")
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (1); they share the database"
    )
    serve.add_argument("--ssl-keyfile", type=Path, default=None, help="TLS private key (PEM)")
    serve.add_argument("--ssl-certfile", type=Path, default=None, help="TLS certificate (PEM)")
    serve.set_defaults(handler=run_serve)

    user = actions.add_parser("user", help="the office's users")
    user_actions = user.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add = _with_db(
        user_actions.add_parser(
            "add",
            help="add a KAM, a manager or an admin",
            description="Add a user. Without --password-file a password is generated and "
            "printed once: login=… role=… password=… name=…",
        )
    )
    add.add_argument("login", help="the login (Latin letters, digits, . _ -)")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--name", required=True, help="«Фамилия Имя Отчество»")
    add.add_argument("--manager", default=None, metavar="LOGIN", help="the user's manager")
    add.add_argument(
        "--password-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="read the password from the first line of FILE (at least 8 characters)",
    )
    add.set_defaults(handler=run_user_add)

    for name, verb, handler in (
        ("grant", "let LOGIN see and edit these accounts", run_grant),
        ("revoke", "take these accounts away from LOGIN", run_revoke),
    ):
        action = _with_db(actions.add_parser(name, help=verb, description=f"{verb.capitalize()}."))
        action.add_argument("login", metavar="LOGIN")
        action.add_argument("accounts", nargs="+", metavar="ACCOUNT_ID", help="account ids (UUID)")
        action.set_defaults(handler=handler)

    laptops = _with_db(
        actions.add_parser(
            "laptops",
            help="list the enrolled laptops",
            description="One line per laptop ever enrolled: its code, client id, user, device, "
            "when it enrolled and was last heard from, and whether it is revoked.",
        )
    )
    laptops.set_defaults(handler=run_laptops)
    cut_off = _with_db(
        actions.add_parser(
            "revoke-laptop",
            help="cut off a lost or stolen laptop (its token stops working at once)",
            description="Revoke a laptop's token by its code (K007) or client id. Its next "
            "sync is refused; its user may log in again on another laptop.",
        )
    )
    cut_off.add_argument("laptop", metavar="CODE_OR_CLIENT_ID")
    cut_off.set_defaults(handler=run_revoke_laptop)

    demo = _with_db(
        actions.add_parser(
            "demo",
            help="seed an empty office with the demo territory and its users",
            description="Build the demo territory (as `kamdesk demo` does), load it into an "
            "empty office database (initialising it when needed) and split the accounts among "
            "three KAMs: hospitals (with the ministry and other institutions), pharmacy chains "
            "with their pharmacies, and distributors; add their manager and an admin. Prints "
            "one line per user: login=… role=… password=… name=…",
        )
    )
    demo.add_argument("--accounts", type=int, default=300, help="number of accounts (300)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (1)")
    demo.add_argument("--years", type=int, default=3, help="years of sales history (3)")
    demo.set_defaults(handler=run_demo)


def _with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    default = os.environ.get(DATABASE_ENV)
    parser.add_argument(
        "--db",
        dest="office_db",
        metavar="URL",
        default=default,
        required=default is None,
        help="the office database: sqlite:///path or postgresql+psycopg://… "
        f"(default ${DATABASE_ENV})",
    )
    return parser


def _refused(error: Exception) -> int:
    return fail(" ".join(str(error).split()))


def run_init(args: argparse.Namespace) -> int:
    from kamdesk.server.db import init_database
    from kamdesk.server.errors import OfficeError

    try:
        state = init_database(args.office_db)
    except OfficeError as error:
        return _refused(error)
    print(f"office database ready: epoch {state.epoch}, version {state.version}")
    return 0


def run_new_epoch(args: argparse.Namespace) -> int:
    from kamdesk.server.db import new_epoch
    from kamdesk.server.errors import OfficeError

    try:
        state = new_epoch(args.office_db)
    except OfficeError as error:
        return _refused(error)
    print(f"new epoch {state.epoch}: every laptop resyncs with the office on its next sync")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from kamdesk.server.db import open_office
    from kamdesk.server.errors import OfficeError

    if args.workers < 1:
        return fail("--workers must be at least 1")
    if (args.ssl_keyfile is None) != (args.ssl_certfile is None):
        return fail("TLS needs both --ssl-keyfile and --ssl-certfile")
    for path in (args.ssl_keyfile, args.ssl_certfile):
        if path is not None and not path.is_file():
            return fail(f"{path} is not a file")
    try:
        open_office(args.office_db).dispose()  # refuse an uninitialised database here, once
    except OfficeError as error:
        return _refused(error)
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


def run_user_add(args: argparse.Namespace) -> int:
    from kamdesk.server.db import open_office
    from kamdesk.server.errors import OfficeError
    from kamdesk.server.users import add_user

    password = None
    if args.password_file is not None:
        try:
            lines = args.password_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            return fail(f"cannot read {args.password_file}: {error}")
        password = lines[0] if lines else ""
    try:
        engine = open_office(args.office_db)
        try:
            user = add_user(
                engine,
                args.login,
                role=args.role,
                name=args.name,
                manager_login=args.manager,
                password=password,
            )
        finally:
            engine.dispose()
    except OfficeError as error:
        return _refused(error)
    shown = f" password={user.password}" if password is None else ""
    print(f"login={user.login} role={user.role}{shown} name={user.name}")
    return 0


def run_grant(args: argparse.Namespace) -> int:
    return _change_grants(args, grant=True)


def run_revoke(args: argparse.Namespace) -> int:
    return _change_grants(args, grant=False)


def _change_grants(args: argparse.Namespace, *, grant: bool) -> int:
    from kamdesk.server import users
    from kamdesk.server.db import open_office
    from kamdesk.server.errors import OfficeError

    try:
        buckets = [users.parse_bucket(text) for text in args.accounts]
        engine = open_office(args.office_db)
        try:
            change = users.grant if grant else users.revoke
            results = change(engine, args.login, buckets)
        finally:
            engine.dispose()
    except OfficeError as error:
        return _refused(error)
    for result in results:
        if grant:
            said = "granted" if result.changed else "already granted"
        else:
            said = "revoked" if result.changed else "was not granted"
        unknown = "" if result.known else " (the office has no rows of it yet)"
        print(f"{args.login}: {result.bucket} {said}{unknown}")
    return 0


def run_laptops(args: argparse.Namespace) -> int:
    from kamdesk.server.db import open_office
    from kamdesk.server.errors import OfficeError
    from kamdesk.server.laptops import list_laptops

    try:
        engine = open_office(args.office_db)
        try:
            laptops = list_laptops(engine)
        finally:
            engine.dispose()
    except OfficeError as error:
        return _refused(error)
    for laptop in laptops:
        print(_laptop_line(laptop))
    if not laptops:
        print("no laptop has enrolled yet", file=sys.stderr)
    return 0


def run_revoke_laptop(args: argparse.Namespace) -> int:
    from kamdesk.server.db import open_office
    from kamdesk.server.errors import OfficeError
    from kamdesk.server.laptops import revoke_laptop

    try:
        engine = open_office(args.office_db)
        try:
            laptop = revoke_laptop(engine, args.laptop)
        finally:
            engine.dispose()
    except OfficeError as error:
        return _refused(error)
    print(_laptop_line(laptop))
    return 0


def _laptop_line(laptop: Any) -> str:
    def shown(moment: Any) -> str:
        return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"

    state = f"revoked {shown(laptop.revoked_at)}" if laptop.revoked_at else "active"
    return (
        f"{laptop.laptop_code} {laptop.client_id.hex} login={laptop.login} "
        f'device="{laptop.device_name}" enrolled={shown(laptop.enrolled_at)} '
        f"seen={shown(laptop.last_seen_at)} {state}"
    )


def run_demo(args: argparse.Namespace) -> int:
    from kamdesk.commands.server_demo import seed_office
    from kamdesk.server.errors import OfficeError

    if args.accounts < 1 or args.years < 1:
        return fail("--accounts and --years must be at least 1")

    def progress(percent: int, stage: object) -> None:
        print(f"\r{percent:3d}% {stage!s:<40}", end="", file=sys.stderr, flush=True)

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
        return _refused(error)
    print(file=sys.stderr)
    print(f"office seeded: {seeded.rows} rows in {seeded.accounts} accounts", file=sys.stderr)
    for user in seeded.users:
        print(f"login={user.login} role={user.role} password={user.password} name={user.name}")
    return 0
