"""5 000 changes made over 30 days offline, drained by the next sync (target: 1 minute).

A KAM's laptop enrols and syncs, then works offline: `make_changes` makes new
accounts with contacts and visits and then edits phones, notes and long texts until
5 000 entries wait in the outbox, their local times spread over 30 days. The next
sync (a separate laptop process against a real `kamdesk server run` on loopback)
pushes them 500 a request and pulls back what the office now holds. On SQLite and
on PostgreSQL (a throwaway cluster).

    python benchmarks/bench_sync_offline.py [--changes 5000] [--days 30]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_sync_common import (
    PASSWORD,
    laptop_command,
    last_json,
    machine,
    make_changes,
    postgres,
    serve,
)


def drain(url: str, folder: Path, changes: int, days: int) -> dict[str, object]:
    from kamdesk.server.db import init_database, open_office
    from kamdesk.server.users import add_user
    from kamdesk.store import open_store

    init_database(url)
    engine = open_office(url)
    add_user(engine, "ivanova", role="kam", name="Иванова Анна Сергеевна", password=PASSWORD)
    engine.dispose()
    store_path = folder / "store.sqlite"
    with serve(url) as base:
        command = laptop_command(store_path, base, "ivanova", PASSWORD)
        subprocess.run(command, capture_output=True, text=True, check=True)  # enrolled, synced
        store = open_store(store_path)
        try:
            waiting = make_changes(store, changes, days=days)
        finally:
            store.close()
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        return {"waiting": waiting, **last_json(done.stdout)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=5000)
    parser.add_argument("--days", type=int, default=30)
    args = parser.parse_args()
    print(machine())
    print(
        "| database | changes waiting | sync (push + pull back) | pushed | rejected | "
        "laptop max RSS |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    with postgres() as cluster:
        for kind in ("sqlite", "postgresql"):
            with tempfile.TemporaryDirectory(prefix="kamdesk-bench-offline-") as name:
                folder = Path(name)
                if kind == "sqlite":
                    url = f"sqlite:///{folder / 'office.sqlite'}"
                elif cluster is not None:
                    url = cluster.new_database()
                else:
                    print("| PostgreSQL | not installed |")
                    continue
                result = drain(url, folder, args.changes, args.days)
                print(
                    f"| {kind} | {result['waiting']} | {result['seconds']} s | "
                    f"{result['pushed']} | {result['rejected']} | {result['max_rss_mb']} MB |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
