"""Pushes under concurrency: the same batch sent by 50 threads at once has one effect,
and pushes that commit late never make a pull skip a version (PostgreSQL)."""

from __future__ import annotations

import random
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import create_engine, select, text

from kamdesk.server.push import apply_push
from kamdesk.server.tables import applied_changes, rows, text_revisions
from kamdesk.sync.protocol import Outcome, PushRequest, PushResponse
from tests.server.conftest import PostgresCluster
from tests.server.sync_office import Laptop, Office


def _office(url: str) -> Office:
    if url.startswith("postgresql"):
        return Office(url, create_engine(url, pool_size=60, max_overflow=0, pool_timeout=120))
    return Office(url)  # the server's own SQLite engine: BEGIN IMMEDIATE, a busy timeout


def test_the_same_batch_pushed_fifty_times_at_once_has_one_effect(office_url: str) -> None:
    office = _office(office_url)
    try:
        anna = office.laptop(office.user("Иванова Анна Сергеевна"))
        account_id = uuid.uuid4()
        changes = [
            anna.change("accounts", account_id, "insert", {"name": "ОКБ", "qual_need_note": "А"}),
            *(
                anna.change(
                    "contacts",
                    uuid.uuid4(),
                    "insert",
                    {"account_id": account_id.hex, "notes": f"Врач {n}"},
                )
                for n in range(3)
            ),
            anna.change(
                "accounts", account_id, "update", {"qual_need_note": "Б"}, {"qual_need_note": "А"}
            ),
        ]
        request = anna.request(changes)
        start = threading.Barrier(50)

        def send(_: int) -> PushResponse:
            start.wait()
            with office.engine.begin() as connection:
                return apply_push(connection, anna.caller, request)

        with ThreadPoolExecutor(50) as pool:
            answers = list(pool.map(send, range(50)))

        expected = [o.model_dump() for o in answers[0].outcomes]
        assert all([o.model_dump() for o in a.outcomes] == expected for a in answers)
        assert [o.outcome for o in answers[0].outcomes] == [Outcome.APPLIED] * 5
        assert office.count(rows) == 4
        assert office.count(applied_changes) == 5
        assert office.count(text_revisions) == 1 + 3 + 1
        assert office.last_seq(anna) == changes[-1].seq
        assert office.data("accounts", account_id)["qual_need_note"] == "Б"  # type: ignore[index]
    finally:
        office.close()


def test_late_commits_never_make_a_pull_skip_a_version(postgres_cluster: PostgresCluster) -> None:
    office = _office(postgres_cluster.create_database())
    try:
        manager = office.user("Смирнова Ольга Павловна", "manager")
        kams = [
            office.laptop(office.user(f"Кам{n} Иван Иванович", "kam", manager)) for n in range(20)
        ]
        accounts = {}
        for kam in kams:
            account_id = uuid.uuid4()
            office.push(kam, kam.change("accounts", account_id, "insert", {"name": "ЛПУ", "n": 0}))
            accounts[kam.caller.client_id] = account_id
        puller = office.laptop(manager)
        done = threading.Event()
        pulls = 0

        def pusher(kam: Laptop) -> None:
            rng = random.Random(kam.caller.client_id.int)
            account_id = accounts[kam.caller.client_id]
            for round_no in range(1, 6):
                changes = [
                    kam.change(
                        "accounts", account_id, "update", {"n": round_no}, {"n": round_no - 1}
                    ),
                    *(
                        kam.change(
                            "contacts",
                            uuid.uuid4(),
                            "insert",
                            {"account_id": account_id.hex, "round": round_no},
                        )
                        for _ in range(2)
                    ),
                ]
                request: PushRequest = kam.request(changes)
                with office.engine.begin() as connection:
                    answer = apply_push(connection, kam.caller, request)
                    # Commit late: the version is taken, the rows written, the commit waits.
                    connection.execute(text("SELECT pg_sleep(:s)"), {"s": rng.uniform(0, 0.04)})
                kam.acked = answer.last_seq

        def puller_loop() -> None:
            nonlocal pulls
            while not done.is_set():
                office.pull_all(puller, limit=7)
                pulls += 1

        reader = threading.Thread(target=puller_loop)
        reader.start()
        with ThreadPoolExecutor(20) as pool:
            list(pool.map(pusher, kams))
        done.set()
        reader.join()
        office.pull_all(puller, limit=7)  # the last changes, from where the puller stands

        with office.engine.connect() as connection:
            final: dict[tuple[str, uuid.UUID], Any] = {
                (row.entity, row.entity_id): (row.version, row.data)
                for row in connection.execute(select(rows))
            }
        pulled = {key: (row.version, row.fields) for key, row in puller.seen.items()}
        assert len(final) == 20 * (1 + 5 * 2)
        assert pulled == final
        assert pulls >= 1
    finally:
        office.close()
