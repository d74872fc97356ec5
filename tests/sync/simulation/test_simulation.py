"""The seeded simulation of office sync (see world.py): six laptops, random work, a fault
possible at every sync, then healing and the checks. A failing seed is printed with the
command that replays it. Here: one seed on PostgreSQL, the replay of one seed and the
checks' own test; the SQLite seeds are in test_simulation_sqlite_first.py and
test_simulation_sqlite_second.py (runs.py: the settings, why they are split).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sync.simulation.runs import PG_SEED, PG_STEPS, STEPS, report
from tests.sync.simulation.world import run_seed

pytestmark = pytest.mark.slow


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
