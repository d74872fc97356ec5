"""`kamdesk demo`: build a believable demo territory in a new store."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.commands import fail
from kamdesk.commands.language import current, say, translate
from kamdesk.commands.options import whole_number
from kamdesk.i18n import Message

if TYPE_CHECKING:
    from kamdesk.services.demo import DemoSummary


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help=translate(
            "DemoCommand", "create a demo store: a Russian pharma territory, the same for a seed"
        ),
        description=translate(
            "DemoCommand",
            "Create a demo store (the file of --db) with hospitals, pharmacy chains, "
            "distributors and a health ministry, their contacts, products, three years of "
            "monthly sales, visits and reports. The same seed gives the same territory. The "
            "store is built beside its file and put in place only when complete, so an "
            "interrupted build leaves nothing half-made.",
        ),
    )
    add_territory_options(parser)
    parser.add_argument(
        "--kam",
        choices=("hospital", "pharmacy_chain", "distributor"),
        default="hospital",
        help=translate(
            "DemoCommand",
            "whose laptop it is: the hospital, pharmacy-chain or distributor KAM (hospital); "
            "that KAM's visits, calls and offers are in the demo",
        ),
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help=translate(
            "DemoCommand",
            "if the store already exists, move it aside with its -wal and -shm (kept as a "
            ".replaced copy) once the new one is complete",
        ),
    )
    parser.set_defaults(handler=run)


def add_territory_options(parser: argparse.ArgumentParser) -> None:
    """--accounts, --seed and --years: the demo territory's size and its seed, for the
    laptop's `demo` and the office's `server demo` alike (the same seed, the same territory)."""
    number = translate("DemoCommand", "N")
    parser.add_argument(
        "--accounts",
        type=whole_number,
        default=300,
        metavar=number,
        help=translate("DemoCommand", "number of clients (300)"),
    )
    parser.add_argument(
        "--seed",
        type=whole_number,
        default=1,
        metavar=number,
        help=translate("DemoCommand", "random seed (1)"),
    )
    parser.add_argument(
        "--years",
        type=whole_number,
        default=3,
        metavar=number,
        help=translate("DemoCommand", "years of sales history (3)"),
    )


def run(args: argparse.Namespace) -> int:
    if args.accounts < 1 or args.years < 1:
        return fail(translate("DemoCommand", "--accounts and --years must be at least 1"))
    if problem := missing_folder(args.db):
        return fail(problem)
    from kamdesk.services.demo.demo_file import build_demo_file
    from kamdesk.services.formatting import number
    from kamdesk.store.files import has_database

    if has_database(args.db) and not args.replace:
        return fail(
            translate(
                "DemoCommand",
                "{db} already exists; choose another --db or add --replace "
                "(the existing file is kept as a .replaced copy)",
            ).format(db=args.db)
        )
    started = time.perf_counter()

    def progress(percent: int, stage: Message) -> None:
        print(f"\r{percent:3d}% {say(stage):<40}", end="", file=sys.stderr, flush=True)

    built = build_demo_file(
        args.db,
        accounts=args.accounts,
        seed=args.seed,
        years=args.years,
        progress=progress,
        replace=args.replace,
        kam=args.kam,
    )
    print(file=sys.stderr)
    if built.replaced is not None:
        print(
            translate("DemoCommand", "kept the previous store as {path}").format(
                path=built.replaced
            ),
            file=sys.stderr,
        )
    print(
        translate("DemoCommand", "{db}: {summary} in {seconds} s").format(
            db=args.db,
            summary=summary_text(built.summary),
            seconds=number(time.perf_counter() - started, 1, current()),
        )
    )
    return 0


def missing_folder(db: Path) -> str | None:
    """Why the store cannot go where --db says, if its folder is not there: a mistyped
    folder must not be made silently. KAMdesk's own data folder (the default store's)
    is made as at first start."""
    from kamdesk.paths import data_dir

    folder = db.expanduser().absolute().parent
    if folder.is_dir():
        return None
    if folder.exists():
        return translate("DemoCommand", "{folder} is not a folder; choose another --db").format(
            folder=folder
        )
    if folder == data_dir().expanduser().absolute():
        return None
    return translate(
        "DemoCommand",
        "there is no folder {folder}; create it first or choose another --db",
    ).format(folder=folder)


def summary_text(summary: DemoSummary) -> str:
    """«clients: 300, contacts: 1 123, …» in the current language."""
    labels = (
        (translate("DemoCommand", "clients"), summary.accounts),
        (translate("DemoCommand", "contacts"), summary.contacts),
        (translate("DemoCommand", "personal records"), summary.personal_records),
        (translate("DemoCommand", "products"), summary.products),
        (translate("DemoCommand", "price lists"), summary.price_lists),
        (translate("DemoCommand", "sales records"), summary.sales_records),
        (translate("DemoCommand", "visits"), summary.visits),
        (translate("DemoCommand", "reports"), summary.reports),
        (translate("DemoCommand", "follow-up tasks"), summary.follow_up_tasks),
        (translate("DemoCommand", "dossiers"), summary.dossiers),
        (translate("DemoCommand", "relationship events"), summary.relationship_events),
        (translate("DemoCommand", "competitors"), summary.competitors),
        (translate("DemoCommand", "users"), summary.users),
        (translate("DemoCommand", "offers"), summary.offers),
    )
    return ", ".join(f"{label}: {count:,}".replace(",", "\u00a0") for label, count in labels)
