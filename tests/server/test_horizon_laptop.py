"""A laptop behind the tombstone horizon: its pull is reset, it takes a fresh copy as
for a new epoch, and nothing it had waiting is lost (real stores and SyncClient)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from kamdesk.models import Account, Contact, SyncState
from kamdesk.server.horizon import purge
from kamdesk.server.tables import rows
from tests.server.conftest import office_url, postgres_cluster  # noqa: F401 - fixtures
from tests.sync.conftest import (  # noqa: F401 - fixtures
    Laptop,
    Office,
    _no_token_from_outside,
    make_laptop,
    office,
)
from tests.sync.test_two_laptops import edit, new_client, snapshot


def _second_contact(laptop: Laptop, account_id: uuid.UUID) -> uuid.UUID:
    with laptop.store.transaction() as session:
        contact = Contact(account_id=account_id, surname="Котова")
        session.add(contact)
    return contact.id


def test_a_laptop_behind_the_horizon_takes_a_fresh_copy_and_keeps_its_edits(
    office: Office,  # noqa: F811
    make_laptop: Callable[..., Laptop],  # noqa: F811
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a, b = make_laptop("a"), make_laptop("b")  # her two laptops
    a.enrol("anna")
    b.enrol("anna")
    account_id, doomed = new_client(a)
    other = _second_contact(a, account_id)
    a.sync()
    b.sync()
    edit(b, Contact, doomed, deleted_at=datetime.now(UTC))
    b.sync()  # the deletion reaches the office; laptop a is offline
    with office.engine.begin() as connection:  # ... for more than half a year
        connection.execute(
            update(rows)
            .where(rows.c.entity_id == doomed)
            .values(updated_at=datetime.now(UTC) - timedelta(days=200))
        )
    assert purge(office.engine, 180).rows == 1
    edit(a, Account, account_id, city="Торжок")  # waiting on laptop a
    edit(a, Contact, other, position="Главный врач")
    edit(a, Contact, doomed, position="Заведующий")  # an edit of the forgotten row

    report = a.sync()

    assert report.reset
    after = snapshot(a)
    assert ("contacts", doomed) not in after  # the fresh copy does not have it
    assert after[("accounts", account_id)]["city"] == "Торжок"
    assert after[("contacts", other)]["position"] == "Главный врач"
    assert a.pending() == []
    kept = [issue for issue in a.issues() if issue.entity_id == doomed]
    assert kept and "Заведующий" in repr([(i.local_value, i.detail) for i in kept])
    with a.store.session() as session:
        state = session.get(SyncState, 1)
        assert state is not None and state.pull_cursor != ""
    assert not a.sync().reset  # caught up: no second fresh copy
    with office.engine.connect() as connection:
        cities = connection.execute(
            select(rows.c.data).where(rows.c.entity_id == account_id)
        ).scalar_one()
    assert cities["city"] == "Торжок"


def test_a_managers_laptop_gains_a_kam_moved_in_and_loses_one_moved_out(
    office: Office,  # noqa: F811
    make_laptop: Callable[..., Laptop],  # noqa: F811
) -> None:
    from kamdesk.server.teams import set_manager

    office.user("olga", "Смирнова Ольга Павловна", role="manager")
    office.user("boris", "Петров Борис Ильич")
    kam, manager = make_laptop("kam"), make_laptop("manager")
    kam.enrol("boris")
    manager.enrol("olga")
    account_id, contact_id = new_client(kam)
    kam.sync()
    manager.sync()
    assert ("accounts", account_id) not in snapshot(manager)

    set_manager(office.engine, "boris", "olga")
    manager.sync()
    held = snapshot(manager)
    assert ("accounts", account_id) in held and ("contacts", contact_id) in held

    set_manager(office.engine, "boris", None)
    report = manager.sync()
    assert report.removed_buckets == 1
    held = snapshot(manager)
    assert ("accounts", account_id) not in held and ("contacts", contact_id) not in held
    assert ("accounts", account_id) in snapshot(kam)  # the KAM keeps their client
