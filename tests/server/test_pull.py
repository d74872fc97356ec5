"""Pull: a caller receives the rows of the buckets they may read and nothing else,
page by page, with snapshots of newly granted accounts, revoked accounts named, and
a reset when the office was restored from a backup."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import update

from kamdesk.server.pull import Cursor
from kamdesk.server.tables import server_state
from kamdesk.sync.protocol import OFFICE_BUCKET, account_bucket
from tests.server.sync_office import Laptop, Office


@pytest.fixture
def office(office_url: str) -> Iterator[Office]:
    made = Office(office_url)
    yield made
    made.close()


def seed_account(office: Office, laptop: Laptop, contacts: int = 2) -> uuid.UUID:
    account_id = uuid.uuid4()
    changes = [
        laptop.change("accounts", account_id, "insert", {"name": f"ЛПУ {account_id.hex[:4]}"})
    ]
    changes += [
        laptop.change(
            "contacts",
            uuid.uuid4(),
            "insert",
            {"account_id": account_id.hex, "last_name": f"Врач {n}"},
        )
        for n in range(contacts)
    ]
    office.push(laptop, *changes)
    return account_id


def buckets(laptop: Laptop) -> set[str]:
    return {row.bucket for row in laptop.seen.values()}


@pytest.fixture
def people(office: Office) -> dict[str, Laptop]:
    manager = office.user("Смирнова Ольга Павловна", "manager")
    other_manager = office.user("Орлов Игорь Ильич", "manager")
    return {
        "anna": office.laptop(office.user("Иванова Анна Сергеевна", "kam", manager)),
        "boris": office.laptop(office.user("Петров Борис Ильич", "kam", manager)),
        "vera": office.laptop(office.user("Волкова Вера Олеговна", "kam", other_manager)),
        "manager": office.laptop(manager),
        "admin": office.laptop(office.user("Админов Пётр Петрович", "admin")),
    }


def test_a_kam_receives_their_accounts_and_the_catalogue_only(
    office: Office, people: dict[str, Laptop]
) -> None:
    anna, boris, manager = people["anna"], people["boris"], people["manager"]
    mine = seed_account(office, anna)
    theirs = seed_account(office, boris)
    product = uuid.uuid4()
    office.push(manager, manager.change("products", product, "insert", {"name": "Инсулин"}))

    office.pull_all(anna)
    office.pull_all(boris)

    assert buckets(anna) == {account_bucket(mine), OFFICE_BUCKET}
    assert buckets(boris) == {account_bucket(theirs), OFFICE_BUCKET}
    assert len(anna.seen) == 1 + 2 + 1
    assert all(row.fields.get("account_id") != theirs.hex for row in anna.seen.values())


def test_a_manager_reads_the_team_and_an_admin_reads_everything(
    office: Office, people: dict[str, Laptop]
) -> None:
    a = seed_account(office, people["anna"])
    b = seed_account(office, people["boris"])
    v = seed_account(office, people["vera"])
    office.pull_all(people["manager"])
    office.pull_all(people["admin"])
    assert buckets(people["manager"]) == {account_bucket(a), account_bucket(b)}
    assert buckets(people["admin"]) == {account_bucket(a), account_bucket(b), account_bucket(v)}


def test_pages_follow_the_cursor_and_lose_nothing(
    office: Office, people: dict[str, Laptop]
) -> None:
    anna = people["anna"]
    for _ in range(3):
        seed_account(office, anna, contacts=3)  # 12 rows
    pages = office.pull_all(anna, limit=5)
    assert [len(page.rows) for page in pages] == [5, 5, 2]
    assert [page.more for page in pages] == [True, True, False]
    assert len(anna.seen) == 12
    # Nothing new: an empty page and the same place.
    again = office.pull(anna)
    assert again.rows == [] and not again.more
    # A later edit comes with the next pull, and only it.
    account = next(row for row in anna.seen.values() if row.entity == "accounts")
    office.push(
        anna,
        anna.change(
            "accounts",
            account.entity_id,
            "update",
            {"name": "Новое имя"},
            {"name": account.fields["name"]},
        ),
    )
    later = office.pull(anna)
    assert [(row.entity_id, row.fields["name"]) for row in later.rows] == [
        (account.entity_id, "Новое имя")
    ]
    assert later.rows[0].version > account.version


def test_a_granted_account_arrives_whole_and_a_revoked_one_is_named(
    office: Office, people: dict[str, Laptop]
) -> None:
    anna, boris = people["anna"], people["boris"]
    own = seed_account(office, anna)
    handed = seed_account(office, boris, contacts=4)
    office.pull_all(anna)
    assert buckets(anna) == {account_bucket(own)}

    office.grant(anna.caller.user_id, handed)
    office.pull_all(anna, limit=2)
    assert buckets(anna) == {account_bucket(own), account_bucket(handed)}
    assert sum(row.bucket == account_bucket(handed) for row in anna.seen.values()) == 5

    office.revoke(anna.caller.user_id, handed)
    office.push(boris, boris.change("accounts", handed, "update", {"name": "После передачи"}))
    answer = office.pull(anna)
    assert answer.revoked_buckets == [account_bucket(handed)]
    assert answer.rows == []  # the edit made after the revocation never reaches Anna
    assert buckets(anna) == {account_bucket(own)}


def test_deletions_travel_as_tombstones(office: Office, people: dict[str, Laptop]) -> None:
    anna = people["anna"]
    account_id = seed_account(office, anna, contacts=0)
    contact_id = uuid.uuid4()
    office.push(
        anna,
        anna.change(
            "contacts", contact_id, "insert", {"account_id": account_id.hex, "last_name": "Котов"}
        ),
    )
    office.pull_all(anna)
    office.push(anna, anna.change("contacts", contact_id, "delete", {}))
    answer = office.pull(anna)
    assert [(row.entity_id, row.deleted) for row in answer.rows] == [(contact_id, True)]


def test_a_cursor_of_another_epoch_or_garbage_resets(
    office: Office, people: dict[str, Laptop]
) -> None:
    anna = people["anna"]
    seed_account(office, anna)
    office.pull_all(anna)
    with office.engine.begin() as connection:  # restored from a backup: a new epoch
        connection.execute(update(server_state).values(epoch="epoch-2"))
    answer = office.pull(anna)
    assert answer.reset and answer.rows == [] and answer.server_epoch == "epoch-2"
    anna.cursor = "not a cursor"
    assert office.pull(anna).reset
    anna.cursor = Cursor("epoch-2", 10_000).encode()  # ahead of the office: also restored
    assert office.pull(anna).reset
    for key in [(1, "accounts", "not-a-uuid"), ("x", 5, "0" * 32), (1, "a"), "abc"]:
        forged = Cursor("epoch-2", 1, upper=2, phase="delta", key=key)  # type: ignore[arg-type]
        anna.cursor = forged.encode()
        assert office.pull(anna).reset, key
    anna.cursor, anna.seen = "", {}
    office.pull_all(anna)
    assert len(anna.seen) == 3


def test_a_manager_receives_an_account_granted_to_a_team_kam_whole(
    office: Office, people: dict[str, Laptop]
) -> None:
    manager, anna, vera = people["manager"], people["anna"], people["vera"]
    handed = seed_account(office, vera, contacts=3)  # another team's account
    office.pull_all(manager)
    assert manager.seen == {}
    office.grant(anna.caller.user_id, handed)
    office.revoke(anna.caller.user_id, handed)
    office.grant(anna.caller.user_id, handed)  # taken back and given again before the pull
    answer = office.pull(manager)
    assert answer.revoked_buckets == []
    assert {row.bucket for row in answer.rows} == {account_bucket(handed)}
    assert len(answer.rows) == 4
