"""`kamdesk offer list` and `kamdesk offer pdf NUMBER -o FILE`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kamdesk.commands import fail

STATUS_RU = {
    "draft": "черновик",
    "sent": "отправлено",
    "accepted": "принято",
    "rejected": "отклонено",
    "expired": "истекло",
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "offer",
        help="commercial offers: list them, print one to PDF",
        description="Work with commercial offers («КП») without the window.",
    )
    commands = parser.add_subparsers(dest="offer_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="print the offers: number, account, date, status")
    listing.add_argument("--status", choices=sorted(STATUS_RU), help="only offers in this status")
    listing.add_argument("--search", default="", help="words of the number or the account name")
    listing.set_defaults(handler=run_list)
    pdf = commands.add_parser("pdf", help="write an offer's PDF (with its annexes)")
    pdf.add_argument("number", help="the offer number, e.g. КП-2026-7FK-0042")
    pdf.add_argument("-o", "--output", type=Path, required=True, help="the PDF file to write")
    pdf.add_argument("--edition", type=int, default=None, help="an older edition (default: latest)")
    pdf.set_defaults(handler=run_pdf)


def _open(args: argparse.Namespace) -> Any:
    from kamdesk.services.workspace import open_workspace

    if not args.db.exists():
        raise FileNotFoundError(f"{args.db} does not exist; create it with `kamdesk demo`")
    return open_workspace(args.db)


def run_list(args: argparse.Namespace) -> int:
    from kamdesk.services.offers import OfferBook, OfferStatus, expire_overdue, format_money
    from kamdesk.services.workspace import StoreError

    try:
        workspace = _open(args)
    except (StoreError, FileNotFoundError) as error:
        return fail(str(error))
    try:
        expire_overdue(workspace.store)
        statuses = frozenset({OfferStatus(args.status)}) if args.status else frozenset()
        rows = OfferBook(workspace.store).list(args.search, statuses)
    finally:
        workspace.close()
    if not rows:
        print("no offers", file=sys.stderr)
        return 0
    print(f"{'number':<20} {'ed.':>3}  {'date':<10}  {'status':<11} {'total, ₽':>16}  account")
    for row in rows:
        flag = " (нужно согласование)" if row.needs_approval and not row.approved else ""
        print(
            f"{row.number:<20} {row.edition:>3}  {row.offer_date:%d.%m.%Y}  "
            f"{STATUS_RU[row.status.value]:<11} {format_money(row.total, ' '):>16}  "
            f"{row.account_name}{flag}"
        )
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    from kamdesk.documents.stored_offer import render_pdf
    from kamdesk.services.offers import OfferBook, OfferError
    from kamdesk.services.workspace import StoreError

    try:
        workspace = _open(args)
    except (StoreError, FileNotFoundError) as error:
        return fail(str(error))
    try:
        view = OfferBook(workspace.store).find(args.number, args.edition)
        if view is None:
            return fail(f"no offer numbered {args.number}")
        try:
            printed = render_pdf(workspace.store, view.row.id, args.output)
        except OfferError as error:
            for message in error.messages.values():
                print(f"kamdesk: error: {message}", file=sys.stderr)
            return 1
        except OSError as error:
            return fail(f"cannot write {args.output}: {error}")
    finally:
        workspace.close()
    draft = " with the «ПРОЕКТ» watermark (needs approval)" if view.blocked_by_approval else ""
    # The PDF is made, so the exit code stays 0; what is not quite right is said on stderr.
    for warning in printed.warnings:
        print(f"kamdesk: warning: {warning}", file=sys.stderr)
    print(
        f"{args.output}: {view.row.number}, edition {view.row.edition}, "
        f"{printed.pages} pages{draft}"
    )
    return 0
