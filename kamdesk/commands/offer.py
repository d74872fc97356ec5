"""`kamdesk offer list` and `kamdesk offer pdf NUMBER -o FILE`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kamdesk.commands import fail, store_problem, warn
from kamdesk.commands.language import current, translate
from kamdesk.commands.options import whole_number

STATUSES = ("draft", "sent", "accepted", "rejected", "expired")


def status_text(status: str) -> str:
    """An offer's status as the window's offer list shows it."""
    texts = {
        "draft": translate("Offers", "Draft"),
        "sent": translate("Offers", "Sent"),
        "accepted": translate("Offers", "Accepted"),
        "rejected": translate("Offers", "Rejected"),
        "expired": translate("Offers", "Expired"),
    }
    return texts[status]


def status_words() -> str:
    """The statuses as `--status` takes them in the run's language: «черновик, отправлено…»."""
    return ", ".join(status_text(key).lower() for key in STATUSES)


def status_word(text: str) -> str:
    """`--status` in the run's language or in English, any case: «Черновик», «draft»."""
    typed = text.strip().casefold()
    for key in STATUSES:
        if typed in (key, status_text(key).casefold()):
            return key
    raise argparse.ArgumentTypeError(
        translate("OfferCommand", "no status «{value}»; one of: {choices}").format(
            value=text, choices=status_words()
        )
    )


def approval_text(row: Any) -> str:
    """Where a draft that needs the manager's approval stands, as the window's offer
    list shows it after the status: «Черновик · согласование отклонено»."""
    if not row.needs_approval or row.status.value != "draft":
        return ""
    if row.approved:
        said = translate("OfferCommand", "approved")
    elif row.approval_status == "requested":
        said = translate("OffersPage", "awaiting approval")
    elif row.approval_status == "rejected":
        said = translate("OffersPage", "approval rejected")
    else:
        said = translate("OffersPage", "needs approval")
    return f" · {said}"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "offer",
        help=translate("OfferCommand", "commercial offers: list them, print one to PDF"),
        description=translate(
            "OfferCommand", "Work with commercial offers («КП») without the window."
        ),
    )
    commands = parser.add_subparsers(
        dest="offer_command",
        metavar=translate("CommandLine", "ACTION"),
        title=translate("CommandLine", "actions"),
        required=True,
    )
    listing = commands.add_parser(
        "list",
        help=translate(
            "OfferCommand", "print the offers: number, edition, date, status, total, client"
        ),
        description=translate(
            "OfferCommand",
            "The offers, newest first; those past their validity become expired first.",
        ),
    )
    listing.add_argument(
        "--status",
        type=status_word,
        metavar=translate("OfferCommand", "STATUS"),
        help=translate("OfferCommand", "only offers in this status: {choices}").format(
            choices=status_words()
        ),
    )
    listing.add_argument(
        "--search",
        default="",
        metavar=translate("OfferCommand", "WORDS"),
        help=translate("OfferCommand", "words of the number or of the client's name"),
    )
    listing.set_defaults(handler=run_list)
    pdf = commands.add_parser(
        "pdf",
        help=translate("OfferCommand", "write an offer's PDF (with its annexes)"),
        description=translate("OfferCommand", "Write an offer's PDF (with its annexes)."),
    )
    pdf.add_argument(
        "number",
        metavar=translate("OfferCommand", "NUMBER"),
        help=translate("OfferCommand", "the offer number, e.g. КП-2026-7FK-0042"),
    )
    pdf.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar=translate("CommandLine", "FILE"),
        help=translate("OfferCommand", "the PDF file to write"),
    )
    pdf.add_argument(
        "--edition",
        type=whole_number,
        default=None,
        metavar=translate("OfferCommand", "N"),
        help=translate("OfferCommand", "an older edition (default: the latest)"),
    )
    pdf.set_defaults(handler=run_pdf)


def _open(args: argparse.Namespace) -> Any:
    from kamdesk.services.workspace import open_workspace

    if not args.db.exists():
        raise FileNotFoundError(
            translate("OfferCommand", "{db} does not exist; create it with `kamdesk demo`").format(
                db=args.db
            )
        )
    return open_workspace(args.db)


def run_list(args: argparse.Namespace) -> int:
    from kamdesk.services.formatting import amount
    from kamdesk.services.offers import OfferBook, OfferStatus, expire_overdue
    from kamdesk.services.workspace import StoreError

    try:
        workspace = _open(args)
    except FileNotFoundError as error:
        return fail(str(error))
    except StoreError as error:
        return fail(store_problem(error))
    try:
        expire_overdue(workspace.store)
        statuses = frozenset({OfferStatus(args.status)}) if args.status else frozenset()
        rows = OfferBook(workspace.store).list(args.search, statuses)
    finally:
        workspace.close()
    if not rows:
        print(translate("OfferCommand", "no offers"), file=sys.stderr)
        return 0
    number, edition = translate("OfferCommand", "number"), translate("OfferCommand", "ed.")
    day, status = translate("OfferCommand", "date"), translate("OfferCommand", "status")
    total, client = translate("OfferCommand", "total, ₽"), translate("OfferCommand", "client")
    said_statuses = [status_text(row.status.value) + approval_text(row) for row in rows]
    width = max(len(text) for text in [status, *said_statuses])
    header = f"{number:<20} {edition:>3}  {day:<10}  {status:<{width}} {total:>16}  {client}"
    print(header)
    for row, said in zip(rows, said_statuses, strict=True):
        print(
            f"{row.number:<20} {row.edition:>3}  {row.offer_date:%d.%m.%Y}  "
            f"{said:<{width}} {amount(row.total, current()):>16}  {row.account_name}"
        )
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    from kamdesk.documents.stored_offer import render_pdf
    from kamdesk.services.offers import OfferBook, OfferError
    from kamdesk.services.workspace import StoreError

    try:
        workspace = _open(args)
    except FileNotFoundError as error:
        return fail(str(error))
    except StoreError as error:
        return fail(store_problem(error))
    try:
        view = OfferBook(workspace.store).find(args.number, args.edition)
        if view is None:
            return fail(
                translate("OfferCommand", "no offer numbered {number}").format(number=args.number)
            )
        try:
            printed = render_pdf(workspace.store, view.row.id, args.output)
        except OfferError as error:
            for message in error.messages.values():
                fail(message)
            return 1
        except OSError as error:
            return fail(
                translate("CommandLine", "cannot write {path}: {error}").format(
                    path=args.output, error=error.strerror or error
                )
            )
    finally:
        workspace.close()
    draft = (
        translate("OfferCommand", " with the «ПРОЕКТ» watermark (needs approval)")
        if view.blocked_by_approval
        else ""
    )
    # The PDF is made, so the exit code stays 0; what is not quite right is said on stderr.
    for warning in printed.warnings:
        warn(warning)
    print(
        translate(
            "OfferCommand", "{path}: {number}, edition {edition}, pages: {pages}{draft}"
        ).format(
            path=args.output,
            number=view.row.number,
            edition=view.row.edition,
            pages=printed.pages,
            draft=draft,
        )
    )
    return 0
