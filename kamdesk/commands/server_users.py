"""`kamdesk server user add`, `user set-manager`, `grant`, `revoke`, `laptops`,
`revoke-laptop`: the office's users, what they see, and their laptops. The lines printed
are `key=value` for scripts."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from kamdesk.commands import fail
from kamdesk.commands.language import say, translate

if TYPE_CHECKING:
    from kamdesk.server.errors import OfficeError


def refused(error: OfficeError) -> int:
    """The office's refusal in the run's language (its texts are marked in kamdesk.server)."""
    return fail(" ".join(say(error).split()))


def run_user_add(args: argparse.Namespace) -> int:
    from kamdesk.server.db import open_office
    from kamdesk.server.errors import OfficeError
    from kamdesk.server.users import add_user

    password = None
    if args.password_file is not None:
        try:
            lines = args.password_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            return fail(
                translate("SyncCommand", "cannot read {path}: {error}").format(
                    path=args.password_file, error=error
                )
            )
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
        return refused(error)
    shown = f" password={user.password}" if password is None else ""
    print(f"login={user.login} role={user.role}{shown} name={user.name}")
    return 0


def run_set_manager(args: argparse.Namespace) -> int:
    from kamdesk.server.db import open_office
    from kamdesk.server.errors import OfficeError
    from kamdesk.server.teams import set_manager

    try:
        engine = open_office(args.office_db)
        try:
            move = set_manager(engine, args.login, None if args.none else args.manager)
        finally:
            engine.dispose()
    except OfficeError as error:
        return refused(error)
    nobody = "-"  # a value scripts read, like the keys
    said = "" if move.changed else " " + translate("ServerCommand", "(already so)")
    print(f"login={move.login} manager={move.after or nobody} was={move.before or nobody}{said}")
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
        return refused(error)
    for result in results:
        if grant:
            said = (
                translate("ServerCommand", "granted")
                if result.changed
                else translate("ServerCommand", "already granted")
            )
        else:
            said = (
                translate("ServerCommand", "revoked")
                if result.changed
                else translate("ServerCommand", "was not granted")
            )
        unknown = (
            ""
            if result.known
            else translate("ServerCommand", " (the office has no rows of it yet)")
        )
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
        return refused(error)
    for laptop in laptops:
        print(_laptop_line(laptop))
    if not laptops:
        print(translate("ServerCommand", "no laptop has enrolled yet"), file=sys.stderr)
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
        return refused(error)
    print(_laptop_line(laptop))
    return 0


def _laptop_line(laptop: Any) -> str:
    # The keys stay as they are (scripts read them); the words a person reads are the
    # run's language. Times are UTC, said so: the office serves laptops in every zone.
    def shown(moment: Any) -> str:
        if not moment:
            return translate("ServerCommand", "never")
        return moment.strftime("%Y-%m-%d %H:%M UTC")

    state = (
        translate("ServerCommand", "revoked {time}").format(time=shown(laptop.revoked_at))
        if laptop.revoked_at
        else translate("ServerCommand", "active")
    )
    return (
        f"{laptop.laptop_code} {laptop.client_id.hex} login={laptop.login} "
        f'device="{laptop.device_name}" enrolled={shown(laptop.enrolled_at)} '
        f"seen={shown(laptop.last_seen_at)} {state}"
    )
