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
        "visits and reports. The same seed gives the same territory.",
    )
    parser.add_argument("--accounts", type=int, default=300, help="number of accounts (300)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument("--years", type=int, default=3, help="years of sales history (3)")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="if the store already has data, move it aside (kept as a .replaced copy) first",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kamdesk.services.demo import build_demo
    from kamdesk.services.workspace import StoreError, open_workspace

    if args.accounts < 1 or args.years < 1:
        return fail("--accounts and --years must be at least 1")
    if args.db.exists() and args.db.stat().st_size > 0:
        if not args.replace:
            return fail(
                f"{args.db} already exists; choose another --db or add --replace "
                "(the existing file is kept as a .replaced copy)"
            )
        aside = args.db.with_name(f"{args.db.name}.replaced-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            old = args.db.with_name(args.db.name + suffix)
            if old.exists():
                old.rename(aside.with_name(aside.name + suffix))
        print(f"kept the previous store as {aside}", file=sys.stderr)
    try:
        workspace = open_workspace(args.db)
    except StoreError as error:
        return fail(str(error))
    started = time.perf_counter()

    def progress(percent: int, stage: object) -> None:
        print(f"\r{percent:3d}% {stage!s:<40}", end="", file=sys.stderr, flush=True)

    try:
        summary = build_demo(
            workspace.store,
            accounts=args.accounts,
            seed=args.seed,
            years=args.years,
            progress=progress,
        )
    finally:
        workspace.close()
    print(file=sys.stderr)
    print(f"{args.db}: {summary} in {time.perf_counter() - started:.1f} s")
    return 0
