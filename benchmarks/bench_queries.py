"""The client list's queries on a big store, without Qt: what one keystroke costs SQLite.

    python benchmarks/bench_queries.py [--db PATH]

Default store: benchmarks/out/demo-100k.sqlite (see bench_app.py). For each
text a KAM might type, prints the best of three for the first page (200 rows)
and for the count, then each sort order over a common word.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kamdesk.services.accounts import AccountDirectory, AccountFilter, SortKey

TEXTS = ["", "г", "го", "гор", "городская", "городская больница", "тверь", "7704", "семен", "ззз"]


def best_ms(action, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent / "out" / "demo-100k.sqlite"
    parser.add_argument("--db", type=Path, default=default)
    args = parser.parse_args()
    directory = AccountDirectory(args.db, lambda: None)  # type: ignore[arg-type,return-value]
    print(f"{'typed':<22} {'matches':>8} {'page ms':>8} {'count ms':>9}")
    for text in TEXTS:
        account_filter = AccountFilter(text=text)
        page = best_ms(lambda f=account_filter: directory.page(f))  # type: ignore[misc]
        count = best_ms(lambda f=account_filter: directory.count(f))  # type: ignore[misc]
        print(f"{text!r:<22} {directory.count(account_filter):>8} {page:>8.1f} {count:>9.1f}")
    print()
    print(f"{'sorted by':<22} {'all, ms':>8} {'«гор», ms':>10}")
    for key in SortKey:
        everything = best_ms(lambda k=key: directory.page(AccountFilter(), sort=k))  # type: ignore[misc]
        word = best_ms(lambda k=key: directory.page(AccountFilter(text="гор"), sort=k))  # type: ignore[misc]
        print(f"{key.value:<22} {everything:>8.1f} {word:>10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
