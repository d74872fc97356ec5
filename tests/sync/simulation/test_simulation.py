"""The seeded simulation of office sync (see world.py): six laptops, random work, a fault
possible at every sync, then healing and the checks. A failing seed is printed with the
command that replays it.

Environment:
- KAMDESK_SIM_SEEDS (default 8) seeds of KAMDESK_SIM_STEPS (default 2500) steps each on
  SQLite, from KAMDESK_SIM_FIRST_SEED (default 1), run by KAMDESK_SIM_WORKERS (default:
  the number of cores, at most 2) processes; KAMDESK_SIM_PG_STEPS (default 600) steps of
  one seed on PostgreSQL.
- KAMDESK_SIM_SEED=N replays one seed (`-k replay`), KAMDESK_SIM_DB=postgresql on
  PostgreSQL.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from tests.sync.simulation.world import Outcome, run_seed

SEEDS = int(os.environ.get("KAMDESK_SIM_SEEDS", "8"))
STEPS = int(os.environ.get("KAMDESK_SIM_STEPS", "2500"))
FIRST_SEED = int(os.environ.get("KAMDESK_SIM_FIRST_SEED", "1"))
WORKERS = int(os.environ.get("KAMDESK_SIM_WORKERS", str(min(2, os.cpu_count() or 1))))
PG_STEPS = int(os.environ.get("KAMDESK_SIM_PG_STEPS", "600"))
PG_SEED = 1000


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """Store files and the office on a RAM disk when there is one (no fsync waits)."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="kamdesk-sim-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _sqlite_seed(seed: int, steps: int, folder: str, template: str) -> Outcome:
    root = Path(folder) / f"seed-{seed}"
    root.mkdir(parents=True)
    url = f"sqlite:///{root / 'office.sqlite'}"
    return run_seed(seed, steps, url, root, Path(template), "sqlite")


def report(outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        print(outcome.summary)
    total = sum(outcome.steps for outcome in outcomes)
    print(f"simulation: {total} steps over {len(outcomes)} seeds")
    failed = [outcome.failure for outcome in outcomes if outcome.failure]
    assert not failed, "\n\n".join(failed)


def test_seeded_simulation_on_sqlite(scratch: Path, migrated_template: Path) -> None:
    folder = scratch
    seeds = range(FIRST_SEED, FIRST_SEED + SEEDS)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
        futures = [
            pool.submit(_sqlite_seed, seed, STEPS, str(folder), str(migrated_template))
            for seed in seeds
        ]
        outcomes = [future.result() for future in futures]
    report(outcomes)


def test_seeded_simulation_on_postgresql(
    postgres_cluster: object, scratch: Path, migrated_template: Path
) -> None:
    url = postgres_cluster.create_database()  # type: ignore[attr-defined]
    root = scratch / "pg"
    report([run_seed(PG_SEED, PG_STEPS, url, root, migrated_template, "postgresql")])


@pytest.mark.skipif("KAMDESK_SIM_SEED" not in os.environ, reason="set KAMDESK_SIM_SEED=N")
def test_replay(request: pytest.FixtureRequest, scratch: Path, migrated_template: Path) -> None:
    seed = int(os.environ["KAMDESK_SIM_SEED"])
    root = scratch / "replay"
    if os.environ.get("KAMDESK_SIM_DB") == "postgresql":
        url = request.getfixturevalue("postgres_cluster").create_database()
        report([run_seed(seed, STEPS, url, root, migrated_template, "postgresql")])
    else:
        root.mkdir(parents=True)
        url = f"sqlite:///{root / 'office.sqlite'}"
        report([run_seed(seed, STEPS, url, root, migrated_template, "sqlite")])


def test_the_checks_see_a_lost_word_a_diverged_replica_and_a_forgotten_change(
    scratch: Path, migrated_template: Path
) -> None:
    """The checks can fail: after a short healed run, damage the office and a laptop the
    way a sync bug would, and each check names it."""
    from sqlalchemy import delete, select, update

    from kamdesk.models import Contact
    from kamdesk.server.tables import applied_changes, rows
    from kamdesk.sync.apply import remote_session
    from tests.sync.simulation.world import simulated_office

    root = scratch / "checks"
    root.mkdir(parents=True)
    url = f"sqlite:///{root / 'office.sqlite'}"
    with simulated_office(7, url, root, migrated_template) as world:
        anna = world.laptops[0]
        for kind in ("account", "contact", "text:contacts", "text:account_dossiers"):
            world.edit(anna, kind)
        assert world.heal() == []
        typed = next(w for w in world.words if w.laptop == anna.name)
        with world.engine.begin() as connection:  # the office "loses" the word
            row = connection.execute(rows.select().where(rows.c.entity_id == typed.entity_id)).one()
            data = dict(row.data)
            data[typed.field] = str(data[typed.field]).replace(typed.word, "")
            connection.execute(
                update(rows).where(rows.c.entity_id == typed.entity_id).values(data=data)
            )
        assert any(typed.word in problem for problem in world.check())

        with anna.store.session() as session:
            contact_id = session.scalars(select(Contact.id)).first()
        with remote_session(anna.store) as session:  # a replica drifted from the office
            session.execute(
                update(Contact).where(Contact.id == contact_id).values(position="Чужое")
            )
        assert any("'Чужое' locally" in problem for problem in world.check())

        with world.engine.begin() as connection:  # the office forgets an applied change
            connection.execute(delete(applied_changes).where(applied_changes.c.seq == 1))
        assert any("no record of it" in problem for problem in world.check())
