"""Pushing 10 000 changes through the office's real push path, against a raw bulk insert of
the same rows into the office database, in the same run; on SQLite and on PostgreSQL.

The changes are a laptop's outbox (`make_changes`: new accounts, contacts and visits,
then edits), sent as the laptop sends them: 500 a request, over HTTP to a real
`kamdesk server run` on loopback. The raw insert is the office's resulting `rows`,
written with one executemany per 500 into a fresh office database of the same kind:
what the office would cost if it only stored rows (no checks, no outcomes, no texts).
It is measured twice: in one transaction, and with a commit per 500 rows (as many
durable commits as the push makes, one per request).

    python benchmarks/bench_sync_push.py [--changes 10000] [--runs 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_sync_common import PASSWORD, machine, make_changes, postgres, serve


def _laptop_changes(folder: Path, count: int) -> list[Any]:
    from kamdesk.store import open_store
    from kamdesk.sync import outbox

    store = open_store(folder / "laptop.sqlite")
    try:
        make_changes(store, count)
        with store.session() as session:
            return [outbox.to_wire(entry) for entry in outbox.pending_entries(session, count)]
    finally:
        store.close()


def _office(url: str) -> None:
    from kamdesk.server.db import init_database
    from kamdesk.server.users import add_user

    init_database(url)
    from kamdesk.server.db import open_office

    engine = open_office(url)
    add_user(engine, "ivanova", role="kam", name="Иванова Анна Сергеевна", password=PASSWORD)
    engine.dispose()


def _push_over_http(url: str, changes: list[Any]) -> tuple[float, int]:
    import httpx

    from kamdesk.schema_version import SCHEMA_HEAD
    from kamdesk.sync.protocol import PUSH_BATCH_MAX, PushRequest

    with serve(url) as base, httpx.Client(base_url=base, timeout=120) as http:
        enrolled = http.post(
            "/sync/v1/enrol",
            json={
                "login": "ivanova",
                "password": PASSWORD,
                "client_id": str(changes[0].change_id),
                "schema_version": SCHEMA_HEAD,
            },
        ).json()
        headers = {
            "Authorization": f"Bearer {enrolled['token']}",
            "Content-Type": "application/json",
        }
        last, applied = 0, 0
        started = time.perf_counter()
        for start in range(0, len(changes), PUSH_BATCH_MAX):
            batch = changes[start : start + PUSH_BATCH_MAX]
            request = PushRequest(
                schema_version=SCHEMA_HEAD,
                client_id=enrolled["client_id"],
                previous_seq=last,
                changes=batch,
            )
            answer = http.post("/sync/v1/push", content=request.model_dump_json(), headers=headers)
            answer.raise_for_status()
            body = answer.json()
            last = body["last_seq"]
            applied += sum(o["outcome"] != "rejected" for o in body["outcomes"])
        return time.perf_counter() - started, applied


def _office_rows(url: str) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from kamdesk.server.db import open_office
    from kamdesk.server.tables import rows

    engine = open_office(url)
    with engine.connect() as connection:
        found = [dict(row._mapping) for row in connection.execute(select(rows))]
    engine.dispose()
    return found


def _raw_insert(url: str, documents: list[dict[str, Any]], *, commit_each: bool = False) -> float:
    """One transaction (or, `commit_each`, one per 500 rows, as many commits as the push)."""
    from kamdesk.server.db import open_office
    from kamdesk.server.tables import rows, users

    _office(url)
    engine = open_office(url)
    with engine.begin() as connection:  # the pushing user, for rows.updated_by
        from sqlalchemy import select

        user = connection.execute(select(users.c.id)).scalar_one()
    documents = [{**document, "updated_by": user} for document in documents]
    started = time.perf_counter()
    if commit_each:
        for start in range(0, len(documents), 500):
            with engine.begin() as connection:
                connection.execute(rows.insert(), documents[start : start + 500])
    else:
        with engine.begin() as connection:
            for start in range(0, len(documents), 500):
                connection.execute(rows.insert(), documents[start : start + 500])
    seconds = time.perf_counter() - started
    engine.dispose()
    return seconds


def _profile_push(url: str, changes: list[Any]) -> str:
    """Where the office's time goes: apply_push in this process, cProfile."""
    from kamdesk.schema_version import SCHEMA_HEAD
    from kamdesk.server.context import Caller
    from kamdesk.server.db import open_office
    from kamdesk.server.push import apply_push
    from kamdesk.server.tables import clients, users
    from kamdesk.sync.protocol import PushRequest

    _office(url)
    engine = open_office(url)
    import uuid
    from datetime import UTC, datetime

    from sqlalchemy import select

    with engine.begin() as connection:
        user = connection.execute(select(users)).one()
        client_id = uuid.uuid4()
        connection.execute(
            clients.insert().values(
                id=client_id,
                user_id=user.id,
                token_hash="x",
                laptop_code="K900",
                last_seq=0,
                enrolled_at=datetime.now(UTC),
            )
        )
    caller = Caller(user.id, user.login, user.name, user.role, client_id, "K900")
    profiler = cProfile.Profile()
    last = 0
    profiler.enable()
    for start in range(0, len(changes), 500):
        request = PushRequest(
            schema_version=SCHEMA_HEAD,
            client_id=client_id,
            previous_seq=last,
            changes=changes[start : start + 500],
        )
        with engine.begin() as connection:
            last = apply_push(connection, caller, request).last_seq
    profiler.disable()
    engine.dispose()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"kamdesk/server", 12)
    stats.sort_stats("tottime").print_stats(10)
    return out.getvalue()


def _another(url: str, folder: Path, name: str, cluster: Any) -> str:
    """A second fresh office database of the same kind as `url`."""
    if url.startswith("sqlite"):
        return f"sqlite:///{folder / f'{name}.sqlite'}"
    new: str = cluster.new_database()
    return new


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile of apply_push")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="kamdesk-bench-push-") as name:
        folder = Path(name)
        changes = _laptop_changes(folder, args.changes)
        kinds = {change.entity for change in changes}
        print(f"{len(changes)} changes ({', '.join(sorted(kinds))})")
        with postgres() as cluster:
            print(
                "| database | run | push over HTTP | raw bulk insert | ratio | "
                "raw, a commit per 500 | ratio | applied | office rows |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            for kind in ("sqlite", "postgresql"):
                if args.only and kind != args.only:
                    continue
                if kind == "postgresql" and cluster is None:
                    print("| PostgreSQL | not installed |")
                    continue
                for run in range(1, args.runs + 1):
                    if kind == "sqlite":
                        url = f"sqlite:///{folder / f'office-{run}.sqlite'}"
                        raw_url = f"sqlite:///{folder / f'raw-{run}.sqlite'}"
                    else:
                        assert cluster is not None
                        url, raw_url = cluster.new_database(), cluster.new_database()
                    each_url = _another(raw_url, folder, f"raw-each-{run}", cluster)
                    _office(url)
                    pushed, applied = _push_over_http(url, changes)
                    documents = _office_rows(url)
                    raw = _raw_insert(raw_url, documents)
                    each = _raw_insert(each_url, documents, commit_each=True)
                    print(
                        f"| {kind} | {run} | {pushed:.2f} s | {raw:.2f} s | "
                        f"{pushed / raw:.1f}× | {each:.2f} s | {pushed / each:.1f}× | "
                        f"{applied} | {len(documents)} |",
                        flush=True,
                    )
                if args.profile:
                    if kind == "sqlite":
                        url = f"sqlite:///{folder / 'profiled.sqlite'}"
                    else:
                        assert cluster is not None
                        url = cluster.new_database()
                    print(f"\napply_push on {kind}, top by own time:")
                    print(_profile_push(url, changes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
