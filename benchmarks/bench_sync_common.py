"""What the sync benchmarks share: office databases (SQLite, or PostgreSQL in a throwaway
cluster of our own, as tests/server/conftest.py starts it), a real `kamdesk server run`
on loopback, and a laptop process that syncs a store and says what it took.

Not a benchmark on its own. `python benchmarks/bench_sync_common.py laptop ...` is the
measured laptop process (bench_sync_manager.py kills it with SIGKILL midway).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Laptop stores made here are plain SQLite, as when these figures were first taken (a
# store encrypted at rest is another cost: KAMDESK_ENCRYPTION=on and KAMDESK_PASSPHRASE).
os.environ.setdefault("KAMDESK_ENCRYPTION", "off")
PASSWORD = "bench-password-1"
_PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def machine() -> str:
    cpus = os.cpu_count()
    load = os.getloadavg()[0]
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{when}; {platform.machine()} {cpus} cores, Python {platform.python_version()}, "
        f"load average {load:.1f} at start"
    )


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- PostgreSQL: a throwaway cluster (initdb in a temporary folder, a unix socket) --------


def _pg_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in _PG_BIN_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    return None


def _as_owner(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Cluster:
    def __init__(self, root: Path, sockets: Path, port: int) -> None:
        self.root, self.sockets, self.port = root, sockets, port

    def new_database(self) -> str:
        import psycopg

        name = f"bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(
            f"host={self.sockets} port={self.port} user=kamdesk dbname=postgres", autocommit=True
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://kamdesk@/{name}?host={self.sockets}&port={self.port}"


@contextmanager
def postgres() -> Iterator[Cluster | None]:
    """A cluster of our own (None when PostgreSQL is not installed)."""
    initdb, pg_ctl = _pg_tool("initdb"), _pg_tool("pg_ctl")
    if not initdb or not pg_ctl:
        yield None
        return
    root = Path(tempfile.mkdtemp(prefix="kamdesk-bench-pg-"))
    data, sockets = root / "data", root / "sockets"
    data.mkdir()
    sockets.mkdir()
    if os.geteuid() == 0:
        for path in (root, data, sockets):
            shutil.chown(path, "postgres")
    port = 55000 + os.getpid() % 1000
    subprocess.run(
        _as_owner(
            [
                initdb,
                "-D",
                str(data),
                "-U",
                "kamdesk",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        ),
        check=True,
        capture_output=True,
    )
    # Durable settings (fsync on), unlike the tests' cluster: these are an office's figures.
    options = f"-k {sockets} -p {port} -c listen_addresses='' -c max_connections=50"
    subprocess.run(
        _as_owner([pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]),
        check=True,
        capture_output=True,
    )
    try:
        yield Cluster(root, sockets, port)
    finally:
        subprocess.run(
            _as_owner([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(root, ignore_errors=True)


# --- a real office on loopback --------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serve(url: str) -> Iterator[str]:
    """`kamdesk server run --db URL` on a free loopback port; its base URL."""
    import httpx

    port = free_port()
    log = open(Path(tempfile.gettempdir()) / f"kamdesk-bench-server-{port}.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kamdesk",
            "server",
            "run",
            "--db",
            url,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/sync/v1/info", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the office did not start; see {log.name}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


# --- a KAM's work on a laptop ----------------------------------------------------------------


def make_changes(store: Any, count: int, days: int = 0, seed: int = 1) -> int:
    """About `count` outbox entries as a KAM makes them: new accounts with contacts and
    visits, then edits of phones, notes and long texts of what was made. With `days`,
    their local times are spread over that many days back (display only on the office).
    Returns the number of pending entries."""
    import random
    from datetime import timedelta

    from sqlalchemy import func, select, text

    from kamdesk.models import Account, ChangeLogEntry, Contact, Visit
    from kamdesk.models.enums import AccountKind

    rng = random.Random(seed)
    start = datetime.now(UTC)

    def pending() -> int:
        with store.session() as session:
            return int(session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0)

    made: list[tuple[type[Any], uuid.UUID]] = []
    while pending() < count * 0.6:
        with store.transaction() as session:
            for _ in range(10):
                account = Account(
                    name=f"ГБУЗ «Городская больница № {rng.randint(1, 999)}»",
                    kind=AccountKind.HOSPITAL,
                    city="Тверь",
                    qual_need_note="Нужен стабильный поставщик.",
                )
                session.add(account)
                session.flush()
                made.append((Account, account.id))
                for number in range(4):
                    contact = Contact(
                        account_id=account.id,
                        surname=f"Петров{number}",
                        phone_mobile="+79001112233",
                        notes="Звонить утром.",
                    )
                    visit = Visit(
                        account_id=account.id,
                        starts_at=start + timedelta(days=number),
                        objective="Обсудить поставки на квартал.",
                    )
                    session.add_all([contact, visit])
                    session.flush()
                    made += [(Contact, contact.id), (Visit, visit.id)]
    while pending() < count:
        with store.transaction() as session:
            for _ in range(min(50, count - pending())):
                cls, row_id = rng.choice(made)
                row = session.get(cls, row_id)
                if cls is Account:
                    row.qual_need_note += f" Уточнение {rng.randint(1, 10**6)}."
                elif cls is Contact:
                    row.phone_mobile = f"+7900{rng.randint(10**6, 10**7 - 1)}"
                else:
                    row.agenda = f"Пункт {rng.randint(1, 10**6)}: объёмы, сроки, цены."
    total = pending()
    if days:
        with store.transaction() as session:  # entries spread evenly over the period
            session.execute(
                text(
                    "UPDATE change_log SET changed_at = "
                    "strftime('%Y-%m-%d %H:%M:%f', :start, '-' || "
                    "((:total - id) * :seconds / :total) || ' seconds')"
                ),
                {
                    "start": start.strftime("%Y-%m-%d %H:%M:%S"),
                    "total": total,
                    "seconds": days * 86400,
                },
            )
    return total


# --- the laptop process -----------------------------------------------------------------------


def run_laptop(args: argparse.Namespace) -> int:
    """Enrol (first time) and sync one store; print what it took as one JSON line."""
    from kamdesk.store import open_store
    from kamdesk.sync.client import SyncClient
    from kamdesk.sync.credentials import Credentials

    folder = Path(args.store).parent
    store = open_store(Path(args.store))
    client = SyncClient(store, credentials=Credentials(folder, use_keyring=False))
    try:
        if not client.is_enrolled():
            client.enrol(args.server, args.login, args.password, device_name="bench")
        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        started = time.perf_counter()
        report = client.sync()
        seconds = time.perf_counter() - started
        if profiler is not None:
            import pstats

            profiler.disable()
            stats = pstats.Stats(profiler, stream=sys.stderr)
            stats.sort_stats("cumulative").print_stats(r"kamdesk/", 25)
            stats.sort_stats("tottime").print_stats(12)
    finally:
        client.close()
        store.close()
    print(
        json.dumps(
            {
                "seconds": round(seconds, 2),
                "pulled": report.pulled_rows,
                "pushed": report.pushed,
                "rejected": report.rejected,
                "max_rss_mb": round(max_rss_mb(), 1),
            }
        ),
        flush=True,
    )
    return 0


def laptop_command(store: Path, server: str, login: str, password: str) -> list[str]:
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        "laptop",
        "--store",
        str(store),
        "--server",
        server,
        "--login",
        login,
        "--password",
        password,
    ]


def last_json(output: str) -> dict[str, Any]:
    lines = [line for line in output.splitlines() if line.startswith("{")]
    found: dict[str, Any] = json.loads(lines[-1])
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    actions = parser.add_subparsers(dest="action", required=True)
    laptop = actions.add_parser("laptop", help="sync one laptop store (the measured process)")
    laptop.add_argument("--store", required=True)
    laptop.add_argument("--server", required=True)
    laptop.add_argument("--login", required=True)
    laptop.add_argument("--password", required=True)
    laptop.add_argument("--profile", action="store_true", help="cProfile of the sync, on stderr")
    args = parser.parse_args()
    return run_laptop(args)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
