"""Versioned team membership: a KAM moved into a manager's team brings their existing
accounts to the manager's next pull; a KAM moved out takes them away again."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from kamdesk.server.db import init_database, make_engine
from kamdesk.server.tables import rows, users
from kamdesk.server.teams import set_manager
from kamdesk.server.users import add_user
from kamdesk.sync.protocol import account_bucket
from tests.server.office import kamdesk
from tests.server.sync_office import Laptop, Office


@pytest.fixture
def office(office_url: str) -> Iterator[Office]:
    made = Office(office_url)
    yield made
    made.close()


def _login(office: Office, laptop: Laptop) -> str:
    with office.engine.connect() as connection:
        return str(
            connection.execute(
                select(users.c.login).where(users.c.id == laptop.caller.user_id)
            ).scalar_one()
        )


def _account(office: Office, laptop: Laptop, contacts: int = 2) -> uuid.UUID:
    account_id = uuid.uuid4()
    changes = [laptop.change("accounts", account_id, "insert", {"name": "Аптека 36,6"})]
    changes += [
        laptop.change(
            "contacts", uuid.uuid4(), "insert", {"account_id": account_id.hex, "last_name": "Лис"}
        )
        for _ in range(contacts)
    ]
    office.push(laptop, *changes)
    return account_id


def _buckets(laptop: Laptop) -> set[str]:
    return {row.bucket for row in laptop.seen.values() if row.bucket != "office"}


@pytest.fixture
def team(office: Office) -> dict[str, Laptop]:
    manager = office.user("Смирнова Ольга Павловна", "manager")
    other = office.user("Орлов Игорь Ильич", "manager")
    return {
        "manager": office.laptop(manager),
        "other": office.laptop(other),
        "anna": office.laptop(office.user("Иванова Анна Сергеевна", "kam", manager)),
        "boris": office.laptop(office.user("Петров Борис Ильич", "kam", other)),
    }


def test_a_kam_moved_in_brings_their_accounts_and_moved_out_takes_them(
    office: Office, team: dict[str, Laptop]
) -> None:
    manager, other, anna, boris = team["manager"], team["other"], team["anna"], team["boris"]
    annas = _account(office, anna)
    boris_old = _account(office, boris, contacts=3)  # long before the move
    office.pull_all(manager)
    office.pull_all(other)
    assert _buckets(manager) == {account_bucket(annas)}
    assert _buckets(other) == {account_bucket(boris_old)}

    move = set_manager(office.engine, _login(office, boris), _login(office, manager))
    assert move.changed
    office.pull_all(manager, limit=2)
    office.pull_all(other)

    assert _buckets(manager) == {account_bucket(annas), account_bucket(boris_old)}
    assert sum(row.bucket == account_bucket(boris_old) for row in manager.seen.values()) == 4
    assert _buckets(other) == set()  # the old manager's copies are removed

    set_manager(office.engine, _login(office, boris), None)
    answer = office.pull(manager)
    assert answer.revoked_buckets == [account_bucket(boris_old)]
    assert _buckets(manager) == {account_bucket(annas)}
    # Later edits of Boris's accounts no longer reach the manager.
    office.push(boris, boris.change("accounts", boris_old, "update", {"name": "Новое"}))
    assert office.pull(manager).rows == []


def test_an_account_the_team_still_holds_stays_when_a_kam_leaves(
    office: Office, team: dict[str, Laptop]
) -> None:
    manager, anna, boris = team["manager"], team["anna"], team["boris"]
    shared = _account(office, boris)
    office.grant(anna.caller.user_id, shared)
    set_manager(office.engine, _login(office, boris), _login(office, manager))
    office.pull_all(manager)
    assert _buckets(manager) == {account_bucket(shared)}

    set_manager(office.engine, _login(office, boris), _login(office, team["other"]))
    answer = office.pull(manager)
    assert answer.revoked_buckets == []  # Anna, in the team, still holds it
    assert _buckets(manager) == {account_bucket(shared)}


def test_moved_in_and_out_between_two_pulls_changes_nothing(
    office: Office, team: dict[str, Laptop]
) -> None:
    manager, boris = team["manager"], team["boris"]
    _account(office, boris)
    office.pull_all(manager)
    set_manager(office.engine, _login(office, boris), _login(office, manager))
    set_manager(office.engine, _login(office, boris), None)
    answer = office.pull(manager)
    assert answer.revoked_buckets == []
    assert _buckets(manager) == set()


def test_the_same_manager_again_is_no_change(office: Office, team: dict[str, Laptop]) -> None:
    version = office.version()
    move = set_manager(office.engine, _login(office, team["anna"]), _login(office, team["manager"]))
    assert not move.changed and office.version() == version


def test_set_manager_command_line(office_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    init_database(office_url)
    engine = make_engine(office_url)
    try:
        add_user(engine, "smirnova", role="manager", name="Смирнова Ольга Павловна")
        add_user(engine, "ivanova", role="kam", name="Иванова Анна Сергеевна")
    finally:
        engine.dispose()
    capsys.readouterr()
    base = ("server", "user", "set-manager", "--db", office_url)

    assert kamdesk(*base, "ivanova", "smirnova") == 0
    assert capsys.readouterr().out.strip() == "login=ivanova manager=smirnova was=-"
    engine = make_engine(office_url)
    try:  # every laptop learns the new manager from the person's directory row
        with engine.connect() as connection:
            ids = dict(connection.execute(select(users.c.login, users.c.id)).all())
            person = connection.execute(
                select(rows.c.data).where(rows.c.entity_id == ids["ivanova"])
            ).scalar_one()
    finally:
        engine.dispose()
    assert person["manager_id"] == ids["smirnova"].hex
    assert kamdesk(*base, "ivanova", "--none") == 0
    assert capsys.readouterr().out.strip() == "login=ivanova manager=- was=smirnova"
    assert kamdesk(*base, "smirnova", "ivanova") != 0  # a KAM manages nobody
    assert "not a manager" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        kamdesk(*base, "ivanova")  # neither a manager nor --none
