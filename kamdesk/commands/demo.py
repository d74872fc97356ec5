"""`kamdesk demo`: build a believable demo territory in a new store."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from kamdesk.commands import fail


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="create a demo database: a Russian pharma territory, deterministic for a seed",
        description="Create a demo store at --db with hospitals, pharmacy chains, distributors "
        "and a health ministry, their contacts, products, three years of monthly sales, "
        "visits and reports. The same seed gives the same territory. The store is built "
        "beside --db and put in place only when complete, so an interrupted build leaves "
        "nothing half-made.",
    )
    parser.add_argument("--accounts", type=int, default=300, help="number of accounts (300)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument("--years", type=int, default=3, help="years of sales history (3)")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="if the store already exists, move it aside with its -wal and -shm (kept as a "
        ".replaced copy) once the new one is complete",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kamdesk.services.demo.demo_file import build_demo_file
    from kamdesk.store.files import has_database

    if args.accounts < 1 or args.years < 1:
        return fail("--accounts and --years must be at least 1")
    if has_database(args.db) and not args.replace:
        return fail(
            f"{args.db} already exists; choose another --db or add --replace "
            "(the existing file is kept as a .replaced copy)"
        )
    started = time.perf_counter()

    def progress(percent: int, stage: object) -> None:
        print(f"\r{percent:3d}% {stage!s:<40}", end="", file=sys.stderr, flush=True)

    built = build_demo_file(
        args.db,
        accounts=args.accounts,
        seed=args.seed,
        years=args.years,
        progress=progress,
        replace=args.replace,
    )
    print(file=sys.stderr)
    if built.replaced is not None:
        print(f"kept the previous store as {built.replaced}", file=sys.stderr)
    print(f"{args.db}: {built.summary} in {time.perf_counter() - started:.1f} s")
    return 0
