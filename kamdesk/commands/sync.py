"""`kamdesk sync`: connect this laptop to the office (the first time) and sync with it."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.commands import fail, store_problem
from kamdesk.commands.language import say, translate

if TYPE_CHECKING:
    import httpx

PASSWORD_ENV = "KAMDESK_PASSWORD"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sync",
        help=translate(
            "SyncCommand", "send this laptop's changes to the office and receive the office's"
        ),
        description=translate(
            "SyncCommand",
            "The first time, give the office server's address and your login: the "
            "laptop is enrolled (the password comes from --password-file, $KAMDESK_PASSWORD, "
            "or is asked for at a terminal; it is not stored, the laptop keeps the office's "
            "key in the system keyring or a private file). Afterwards `kamdesk sync` alone "
            "sends the changes waiting on this laptop and receives what changed in the "
            "office. Exits 1 when the office refused a change (kept in the sync issues) or "
            "cannot be reached (nothing is lost; run it again later).",
        ),
    )
    parser.add_argument(
        "--server",
        metavar=translate("SyncCommand", "URL"),
        help=translate("SyncCommand", "the office server, e.g. https://kamdesk.office.local"),
    )
    parser.add_argument(
        "--login",
        metavar=translate("SyncCommand", "LOGIN"),
        help=translate("SyncCommand", "your login in the office"),
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar=translate("CommandLine", "FILE"),
        help=translate("SyncCommand", "a file holding the password (first line)"),
    )
    parser.add_argument(
        "--device",
        default=None,
        metavar=translate("SyncCommand", "NAME"),
        help=translate(
            "SyncCommand", "a name for this laptop in the office (default: its host name)"
        ),
    )
    parser.set_defaults(handler=run_sync)


def http_client(server_url: str) -> httpx.Client:
    """The HTTP client of a real run (tests replace this function)."""
    import httpx

    return httpx.Client(timeout=httpx.Timeout(60.0, connect=15.0))


def _password(args: argparse.Namespace) -> str | None:
    if args.password_file is not None:
        try:
            lines = args.password_file.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            fail(
                translate("SyncCommand", "cannot read {path}: {error}").format(
                    path=args.password_file, error=error.strerror or error
                )
            )
            return None
        return lines[0] if lines else ""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        return getpass.getpass(translate("SyncCommand", "Password: "))
    fail(
        translate("SyncCommand", "give the password with --password-file FILE or ${env}").format(
            env=PASSWORD_ENV
        )
    )
    return None


def run_sync(args: argparse.Namespace) -> int:
    from kamdesk.services import sync_status
    from kamdesk.services.workspace import StoreError, open_workspace
    from kamdesk.sync.client import SyncClient
    from kamdesk.sync.errors import SyncError, TokenRefusedError

    try:
        store = open_workspace(args.db).store
    except StoreError as error:
        return fail(store_problem(error))
    try:
        overview = sync_status.read_overview(store)
        server = (args.server or overview.server_url).strip()
        if not server:
            return fail(
                translate(
                    "SyncCommand",
                    "this laptop is not connected to an office yet: "
                    "kamdesk sync --server URL --login LOGIN",
                )
            )
        client = SyncClient(store, http_client(server))
        try:
            must_enrol = (
                not client.is_enrolled()
                or (args.server and server.rstrip("/") != overview.server_url)
                or (args.login and args.login.strip().lower() != overview.login)
            )
            if must_enrol:
                login = args.login or overview.login
                if not login and sys.stdin.isatty():
                    login = input(translate("SyncCommand", "Login: ")).strip()
                if not login:
                    return fail(
                        translate(
                            "SyncCommand", "give your office login: kamdesk sync --login LOGIN"
                        )
                    )
                password = _password(args)
                if password is None:
                    return 1
                laptop = client.enrol(server, login, password, args.device or socket.gethostname())
                for line in sync_status.enrolled_message(
                    laptop.server_url,
                    laptop.user_name,
                    laptop.login,
                    laptop.laptop_code,
                    laptop.new_client_id,
                ):
                    print(say(line))
            try:
                report = client.sync()
            except TokenRefusedError:
                if must_enrol or not args.login:
                    raise
                # The office disconnected this laptop; the KAM named their login: log in
                # again (a new laptop id) and send what waited.
                password = _password(args)
                if password is None:
                    return 1
                client.enrol(server, args.login, password, args.device or socket.gethostname())
                report = client.sync()
        except SyncError as error:
            logging.getLogger(__name__).info("sync stopped: %s (%s)", error, error.detail)
            if error.report is not None and error.report.pushed:
                for line in sync_status.report_messages(error.report)[:1]:
                    print(say(line))
            return fail(say(error.message))
        finally:
            client.close()
        for line in sync_status.report_messages(report):
            print(say(line))
        waiting = sync_status.read_overview(store).waiting
        if waiting:
            print(say(sync_status.waiting_message(waiting)))
        if report.rejected:
            return fail(say(sync_status.refused_message(report.rejected)))
        return 0
    finally:
        store.close()
