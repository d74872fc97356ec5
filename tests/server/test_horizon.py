"""The tombstone horizon: `kamdesk server purge` forgets old deletions, and a laptop
whose cursor is older than the newest deletion forgotten takes a fresh copy."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from kamdesk.server.db import init_database
from kamdesk.server.horizon import purge
from kamdesk.server.tables import rows, server_state, text_revisions
from tests.server.office import kamdesk
from tests.server.sync_office import Laptop, Office


@pytest.fixture
def office(office_url: str) -> Iterator[Office]:
    made = Office(office_url)
    yield made
    made.close()


@pytest.fixture
def anna(office: Office) -> Laptop:
    return office.laptop(office.user("Иванова Анна Сергеевна", "kam"))


def _account(office: Office, laptop: Laptop, *contacts: uuid.UUID) -> uuid.UUID:
    account_id = uuid.uuid4()
    changes = [laptop.change("accounts", account_id, "insert", {"name": "ГКБ № 5"})]
    changes += [
        laptop.change(
            "contacts",
            contact,
            "insert",
            {"account_id": account_id.hex, "last_name": "Петров", "notes": "Любит кофе."},
        )
        for contact in contacts
    ]
    office.push(laptop, *changes)
    return account_id


def _delete(office: Office, laptop: Laptop, entity: str, entity_id: uuid.UUID) -> int:
    answer = office.push(laptop, laptop.change(entity, entity_id, "delete", {}))
    assert answer.outcomes[0].version is not None, answer
    return answer.outcomes[0].version


def _age(office: Office, entity_id: uuid.UUID, days: int) -> None:
    with office.engine.begin() as connection:
        connection.execute(
            update(rows)
            .where(rows.c.entity_id == entity_id)
            .values(updated_at=datetime.now(UTC) - timedelta(days=days))
        )


def _horizon(office: Office) -> int:
    with office.engine.connect() as connection:
        return int(connection.execute(select(server_state.c.horizon)).scalar_one())


def test_purge_forgets_old_deletions_only_with_their_texts_and_records_the_horizon(
    office: Office, anna: Laptop
) -> None:
    old, recent, alive = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    _account(office, anna, old, recent, alive)
    old_version = _delete(office, anna, "contacts", old)
    _delete(office, anna, "contacts", recent)
    _age(office, old, days=181)
    _age(office, recent, days=179)
    assert office.texts(old, "notes") == ["Любит кофе."]

    result = purge(office.engine, 180)

    assert (result.rows, result.texts, result.horizon) == (1, 1, old_version)
    assert office.data("contacts", old) is None and office.texts(old, "notes") == []
    recent_row = office.data("contacts", recent)
    assert recent_row is not None and recent_row["__deleted__"]  # younger: still a tombstone
    assert office.data("contacts", alive) is not None
    assert _horizon(office) == old_version
    # Again: nothing more to forget, and the horizon never moves back.
    assert purge(office.engine, 180).rows == 0
    assert _horizon(office) == old_version


def test_a_pull_older_than_the_horizon_resets_and_one_after_it_does_not(
    office: Office, anna: Laptop
) -> None:
    gone, kept = uuid.uuid4(), uuid.uuid4()
    _account(office, anna, gone, kept)
    behind = office.laptop(anna.caller.user_id)  # her second laptop, left in a drawer
    office.pull_all(behind)
    assert ("contacts", gone) in behind.seen
    _delete(office, anna, "contacts", gone)
    office.pull_all(anna)  # her laptop in use has seen the deletion
    _age(office, gone, days=200)
    purge(office.engine, 180)

    assert not office.pull(anna).reset
    answer = office.pull(behind)
    assert answer.reset and answer.rows == []

    behind.cursor, behind.seen = "", {}  # the laptop takes a fresh copy
    office.pull_all(behind)
    assert ("contacts", gone) not in behind.seen and ("contacts", kept) in behind.seen
    assert not office.pull(behind).reset


def test_a_deleted_row_a_kept_row_points_at_is_not_forgotten(office: Office, anna: Laptop) -> None:
    contact = uuid.uuid4()
    account_id = _account(office, anna, contact)
    _delete(office, anna, "accounts", account_id)  # its contact is still there
    _age(office, account_id, days=365)

    result = purge(office.engine, 180)

    assert (result.rows, result.kept, result.horizon) == (0, 1, 0)
    assert office.data("accounts", account_id) is not None

    _delete(office, anna, "contacts", contact)
    _age(office, contact, days=365)
    result = purge(office.engine, 180)
    assert (result.rows, result.kept) == (2, 0)
    assert office.data("accounts", account_id) is None


def test_an_edit_of_a_forgotten_row_is_refused_with_its_values_kept(
    office: Office, anna: Laptop
) -> None:
    contact = uuid.uuid4()
    _account(office, anna, contact)
    _delete(office, anna, "contacts", contact)
    _age(office, contact, days=365)
    purge(office.engine, 180)
    late = anna.change("contacts", contact, "update", {"position": "Главный врач"})

    answer = office.push(anna, late)

    assert answer.outcomes[0].outcome.value == "rejected"
    assert office.stored_payload(late.change_id)["fields"] == {"position": "Главный врач"}
    assert office.data("contacts", contact) is None  # not brought back by the edit


def test_purge_command_line(office_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    init_database(office_url)
    capsys.readouterr()
    assert kamdesk("server", "purge", "--db", office_url) == 0
    said = capsys.readouterr().out
    assert "purged deleted records: 0" in said and "horizon 0" in said
    assert kamdesk("server", "purge", "--db", office_url, "--older-than", "-1") != 0
    assert "--older-than" in capsys.readouterr().err


def test_purge_leaves_text_revisions_of_live_rows(office: Office, anna: Laptop) -> None:
    alive = uuid.uuid4()
    _account(office, anna, alive)
    assert purge(office.engine, 0).rows == 0
    with office.engine.connect() as connection:
        assert connection.execute(select(text_revisions.c.text)).scalars().all() == ["Любит кофе."]


def test_a_purge_committed_while_a_page_is_read_resets_that_page(
    office: Office, anna: Laptop, office_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if office_url.startswith("sqlite"):
        pytest.skip("on SQLite every transaction begins IMMEDIATE: the purge would wait")
    from kamdesk.server import pull

    gone = uuid.uuid4()
    _account(office, anna, gone)
    office.pull_all(anna)
    _delete(office, anna, "contacts", gone)
    _age(office, gone, days=200)
    read_page = pull._delta_page

    def purged_meanwhile(*args: object, **kwargs: object) -> object:
        purge(office.engine, 180)  # commits after the pull read the horizon
        return read_page(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pull, "_delta_page", purged_meanwhile)
    answer = office.pull(anna)
    assert answer.reset  # not a page without the deletion and a cursor past it


def test_an_office_at_the_first_schema_is_migrated_to_the_horizon(office_url: str) -> None:
    from alembic import command

    from kamdesk.server.db import alembic_config, check_database, make_engine

    engine = make_engine(office_url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001")
            connection.exec_driver_sql(
                "INSERT INTO server_state (id, epoch, version, created_at) "
                "VALUES (1, 'old', 7, CURRENT_TIMESTAMP)"
            )
        state = init_database(office_url)
        assert (state.epoch, state.version) == ("old", 7)
        assert check_database(engine).version == 7
        with engine.connect() as connection:
            assert connection.execute(select(server_state.c.horizon)).scalar_one() == 0
    finally:
        engine.dispose()
