"""A laptop's first sync from an office seeded like `kamdesk server demo`: a KAM's
(`--role kam`, 2 000 accounts with three years of history) or a manager's
(`--role manager`, the whole team's territory); time, rows, peak memory of the laptop
process. With `--kill-at F` the laptop process is killed with SIGKILL once it has
committed about F of the rows, and started again: the second run goes on from the
last committed page (it pulls only what is missing) instead of starting over.

The office is a real `kamdesk server run` on loopback over SQLite (or `--db URL`);
the laptop a separate process with a fresh store (bench_sync_common.py laptop).
The seeded office is kept in benchmarks/out/ and reused.

    python benchmarks/bench_sync_first.py --role kam --accounts 2000
    python benchmarks/bench_sync_first.py --role manager --accounts 100000 --kill-at 0.5
"""

from __future__ import annotations

import argparse
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_sync_common import (
    PASSWORD,
    laptop_command,
    last_json,
    machine,
    serve,
)

OUT = Path(__file__).resolve().parent / "out"


def seed(url: str, accounts: int, role: str) -> tuple[str, int]:
    """Seed the office (once) and give the measured user their accounts: the manager
    sees the team's; a KAM is granted every account of the demo. (login, office rows
    the user may read)."""
    from sqlalchemy import func, select

    from kamdesk.commands.server_demo import seed_office
    from kamdesk.server.db import open_office
    from kamdesk.server.tables import grants, rows, users
    from kamdesk.server.users import add_user, grant
    from kamdesk.sync.protocol import account_bucket

    engine = open_office(url) if _initialised(url) else None
    if engine is None:
        started = time.perf_counter()
        seed_office(url, accounts=accounts, seed=1)
        print(
            f"seeded the office with {accounts} accounts in {time.perf_counter() - started:.0f} s"
        )
        engine = open_office(url)
    try:
        with engine.connect() as connection:
            total = int(connection.execute(select(func.count()).select_from(rows)).scalar_one())
            managers = connection.execute(
                select(users.c.login).where(users.c.role == "manager")
            ).scalars()
            manager = next(iter(managers))
            bench_kam = connection.execute(
                select(users.c.id).where(users.c.login == "bench-kam")
            ).scalar_one_or_none()
        if role == "manager":
            login = manager
        else:
            login = "bench-kam"
            if bench_kam is None:
                add_user(engine, login, role="kam", name="Бенч Анна Сергеевна", password=PASSWORD)
                with engine.connect() as connection:
                    ids = connection.execute(
                        select(rows.c.entity_id).where(rows.c.entity == "accounts")
                    ).scalars()
                    buckets = [account_bucket(account_id) for account_id in ids]
                grant(engine, login, buckets)
        if role == "manager":
            # The demo's passwords were printed once; the benchmark sets its own.
            from sqlalchemy import update

            from kamdesk.server.auth import hash_password

            with engine.begin() as connection:
                connection.execute(
                    update(users)
                    .where(users.c.login == login)
                    .values(password_hash=hash_password(PASSWORD))
                )
        with engine.connect() as connection:
            readable = (
                connection.execute(select(func.count()).select_from(rows)).scalar_one()
                if role == "manager"
                else connection.execute(
                    select(func.count())
                    .select_from(rows)
                    .where(
                        rows.c.bucket.in_(
                            select(grants.c.bucket)
                            .join(users, users.c.id == grants.c.user_id)
                            .where(users.c.login == login)
                        )
                    )
                ).scalar_one()
            )
        print(f"office: {total} rows; {login} ({role}) may read {readable}")
        return login, int(readable)
    finally:
        engine.dispose()


def _initialised(url: str) -> bool:
    from kamdesk.server.db import open_office
    from kamdesk.server.errors import OfficeError

    try:
        open_office(url).dispose()
        return True
    except OfficeError:
        return False


def committed(store: Path) -> tuple[int, bool]:
    """Synced rows in the laptop store (every entity of the wire format), and whether a
    pull cursor is stored: what committed pages brought."""
    from kamdesk.sync.protocol import ENTITIES

    try:
        connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return 0, False
    try:
        count = 0
        for table in ENTITIES:
            try:
                count += connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            except sqlite3.OperationalError:
                continue
        cursor = connection.execute("SELECT pull_cursor FROM sync_state").fetchone()
        return count, bool(cursor and cursor[0])
    except sqlite3.Error:
        return 0, False
    finally:
        connection.close()


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--role", choices=["kam", "manager"], default="kam")
    parser.add_argument("--accounts", type=int, default=2000)
    parser.add_argument("--db", help="office database URL (default: SQLite in benchmarks/out)")
    parser.add_argument("--kill-at", type=float, default=0.0, help="kill -9 the laptop at F")
    parser.add_argument("--profile", action="store_true", help="cProfile of the laptop's sync")
    args = parser.parse_args()
    print(machine())
    OUT.mkdir(exist_ok=True)
    url = args.db or f"sqlite:///{OUT / f'office-{args.accounts}.sqlite'}"
    login, readable = seed(url, args.accounts, args.role)
    with serve(url) as base, tempfile.TemporaryDirectory(prefix="kamdesk-bench-laptop-") as name:
        store = Path(name) / "store.sqlite"
        command = laptop_command(store, base, login, PASSWORD)
        if args.kill_at:
            # The laptop is killed once it holds about F of what it may read; the next
            # run must pull only the rest (committed pages are never asked for again).
            started = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
            peak = 0.0
            while process.poll() is None:
                peak = max(peak, peak_rss_mb(process.pid))
                count, has_cursor = committed(store)
                if has_cursor and count >= args.kill_at * readable:
                    process.send_signal(signal.SIGKILL)
                    break
                time.sleep(0.2)
            process.wait()
            killed_after = time.perf_counter() - started
            before, _ = committed(store)
            print(
                f"killed with SIGKILL after {killed_after:.1f} s (exit {process.returncode}, "
                f"peak RSS so far {peak:.0f} MB); {before} of {readable} rows committed"
            )
            again = subprocess.run(command, capture_output=True, text=True, check=True)
            second = last_json(again.stdout)
            after, _ = committed(store)
            print(f"second run: {second}")
            print(
                f"rows now {after} of {readable}; the second run pulled {second['pulled']} "
                f"(the office had {readable - before} left after the kill); "
                f"both runs {killed_after + second['seconds']:.1f} s"
            )
        else:
            if args.profile:
                command.append("--profile")
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            result = last_json(done.stdout)
            print(f"first sync: {result}; office rows readable {readable}")
            if args.profile:
                print(done.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
