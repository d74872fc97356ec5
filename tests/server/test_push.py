"""Push: each change applied exactly once, rejections recorded and never jamming the
queue, permissions by bucket, the state machines and approvals checked on the office."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kamdesk.server.push import PushGapError, PushRefused
from kamdesk.server.tables import applied_changes, grants, rows, text_revisions
from kamdesk.sync.protocol import Outcome, RejectCode, account_bucket
from tests.server.sync_office import Laptop, Office


@pytest.fixture
def office(office_url: str) -> Iterator[Office]:
    made = Office(office_url)
    yield made
    made.close()


@pytest.fixture
def team(office: Office) -> dict[str, Laptop]:
    manager = office.user("Смирнова Ольга Павловна", "manager")
    anna = office.user("Иванова Анна Сергеевна", "kam", manager)
    boris = office.user("Петров Борис Ильич", "kam")  # another team
    admin = office.user("Админов Пётр Петрович", "admin")
    return {
        "anna": office.laptop(anna),
        "anna2": office.laptop(anna),  # Anna's second laptop
        "boris": office.laptop(boris),
        "manager": office.laptop(manager),
        "admin": office.laptop(admin),
    }


def new_account(office: Office, laptop: Laptop, name: str = "ГКБ №1") -> uuid.UUID:
    account_id = uuid.uuid4()
    fields = {"name": name, "city": "Тверь", "qual_need_note": ""}
    answer = office.push(laptop, laptop.change("accounts", account_id, "insert", fields))
    assert answer.outcomes[0].outcome is Outcome.APPLIED, answer
    return account_id


def new_offer(office: Office, laptop: Laptop, account_id: uuid.UUID, **fields: object) -> uuid.UUID:
    offer_id = uuid.uuid4()
    values = {
        "account_id": account_id.hex,
        "owner_id": laptop.caller.user_id.hex,
        "status": "draft",
        "approval_status": "",
        "approved_by": "",
        "approved_by_id": None,
        **fields,
    }
    answer = office.push(laptop, laptop.change("offers", offer_id, "insert", values))
    assert answer.outcomes[0].outcome is Outcome.APPLIED, answer
    return offer_id


def test_a_kam_creates_an_account_and_it_is_granted_to_them(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna = team["anna"]
    account_id = new_account(office, anna)
    assert office.data("accounts", account_id)["name"] == "ГКБ №1"  # type: ignore[index]
    with office.engine.connect() as connection:
        granted = connection.execute(select(grants.c.user_id, grants.c.bucket)).all()
    assert (anna.caller.user_id, account_bucket(account_id)) in granted
    assert office.last_seq(anna) == 1


def test_a_replayed_batch_returns_the_stored_outcomes_and_has_no_second_effect(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna = team["anna"]
    account_id = new_account(office, anna)
    batch = [
        anna.change("accounts", account_id, "update", {"city": "Москва"}, {"city": "Тверь"}),
        anna.change(
            "accounts",
            account_id,
            "update",
            {"qual_need_note": "Нужен аудит"},
            {"qual_need_note": ""},
        ),
    ]
    request = anna.request(batch)
    first = office.send(anna, request)
    version_after_first = office.data("accounts", account_id)
    with office.engine.connect() as connection:
        row_version = connection.execute(select(rows.c.version)).scalar_one()
    counts = (office.count(applied_changes), office.count(text_revisions))

    again = office.send(anna, request)  # the answer was lost: the laptop sends it again

    assert [o.model_dump() for o in again.outcomes] == [o.model_dump() for o in first.outcomes]
    assert office.data("accounts", account_id) == version_after_first
    with office.engine.connect() as connection:
        assert connection.execute(select(rows.c.version)).scalar_one() == row_version
    assert (office.count(applied_changes), office.count(text_revisions)) == counts


def test_a_previous_seq_ahead_of_the_office_is_a_gap_with_the_offices_last_seq(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna = team["anna"]
    account_id = new_account(office, anna)
    change = anna.change("accounts", account_id, "update", {"city": "Орёл"}, {"city": "Тверь"})
    with pytest.raises(PushGapError) as gap:
        office.send(anna, anna.request([change], previous_seq=40))
    assert gap.value.body.last_seq == 1
    assert gap.value.body.server_epoch == "epoch-1"
    assert office.data("accounts", account_id)["city"] == "Тверь"  # type: ignore[index]


def test_a_push_for_another_laptops_client_id_is_refused(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna, boris = team["anna"], team["boris"]
    request = boris.request([])
    with pytest.raises(PushRefused):
        office.send(anna, request)


def test_a_rejected_change_keeps_its_payload_and_the_queue_moves_on(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna = team["anna"]
    account_id = new_account(office, anna)
    bad = anna.change("no_such_table", uuid.uuid4(), "insert", {"x": 1})
    good = anna.change("accounts", account_id, "update", {"city": "Курск"}, {"city": "Тверь"})
    answer = office.push(anna, bad, good)
    assert answer.outcomes[0].outcome is Outcome.REJECTED
    assert answer.outcomes[0].code is RejectCode.INVALID
    assert answer.outcomes[1].outcome is Outcome.APPLIED
    assert answer.last_seq == good.seq == office.last_seq(anna)
    assert office.stored_payload(bad.change_id)["fields"] == {"x": 1}
    assert office.data("accounts", account_id)["city"] == "Курск"  # type: ignore[index]


def test_a_kam_never_writes_another_kams_account(office: Office, team: dict[str, Laptop]) -> None:
    anna, boris = team["anna"], team["boris"]
    account_id = new_account(office, anna)
    edit = boris.change("accounts", account_id, "update", {"city": "Сочи"}, {"city": "Тверь"})
    contact = boris.change(
        "contacts", uuid.uuid4(), "insert", {"account_id": account_id.hex, "last_name": "Шпион"}
    )
    again = boris.change("accounts", account_id, "insert", {"name": "Захват"})
    answer = office.push(boris, edit, contact, again)
    assert [o.code for o in answer.outcomes] == [RejectCode.PERMISSION] * 3
    assert office.data("accounts", account_id)["city"] == "Тверь"  # type: ignore[index]
    assert office.data("accounts", account_id)["name"] == "ГКБ №1"  # type: ignore[index]
    assert office.data("contacts", contact.entity_id) is None


def test_the_catalogue_is_written_by_managers_only(office: Office, team: dict[str, Laptop]) -> None:
    anna, manager = team["anna"], team["manager"]
    product = uuid.uuid4()
    refused = office.push(anna, anna.change("products", product, "insert", {"name": "Инсулин"}))
    assert refused.outcomes[0].code is RejectCode.PERMISSION
    done = office.push(manager, manager.change("products", product, "insert", {"name": "Инсулин"}))
    assert done.outcomes[0].outcome is Outcome.APPLIED


def test_a_manager_is_told_that_kams_create_clients(
    office: Office, team: dict[str, Laptop]
) -> None:
    manager, admin = team["manager"], team["admin"]
    fields = {"name": "ГКБ №9", "city": "Тверь", "qual_need_note": ""}
    refused = office.push(manager, manager.change("accounts", uuid.uuid4(), "insert", fields))
    assert refused.outcomes[0].code is RejectCode.PERMISSION
    assert "Новых клиентов заводят КАМ" in (refused.outcomes[0].reason or "")
    assert new_account(office, admin)  # an administrator may


def test_a_manager_answers_approvals_but_does_not_edit_the_teams_accounts(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna, manager, boris = team["anna"], team["manager"], team["boris"]
    account_id = new_account(office, anna)
    offer_id = new_offer(office, anna, account_id, approval_status="")
    asked = office.push(
        anna,
        anna.change(
            "offers", offer_id, "update", {"approval_status": "requested"}, {"approval_status": ""}
        ),
    )
    assert asked.outcomes[0].outcome is Outcome.APPLIED
    edit = manager.change("accounts", account_id, "update", {"city": "Ялта"}, {"city": "Тверь"})
    answer = manager.change(
        "offers",
        offer_id,
        "update",
        {
            "approval_status": "approved",
            "approval_comment": "Согласовано до 12%",
            "approved_by": "Смирнова О. П.",
            "approved_by_id": manager.caller.user_id.hex,
        },
        {"approval_status": "requested", "approval_comment": "", "approved_by": ""},
    )
    result = office.push(manager, edit, answer)
    assert result.outcomes[0].code is RejectCode.PERMISSION
    assert result.outcomes[1].outcome is Outcome.APPLIED
    offer = office.data("offers", offer_id)
    assert offer is not None and offer["approval_status"] == "approved"
    assert offer["approval_comment"] == "Согласовано до 12%"
    # Boris is not in this manager's team: his laptop cannot even reach the offer.
    sneaky = boris.change("offers", offer_id, "update", {"approval_status": "rejected"})
    assert office.push(boris, sneaky).outcomes[0].code is RejectCode.PERMISSION


def test_nobody_approves_their_own_discount(office: Office, team: dict[str, Laptop]) -> None:
    anna = team["anna"]
    account_id = new_account(office, anna)
    offer_id = new_offer(office, anna, account_id, approval_status="requested")
    own = anna.change(
        "offers",
        offer_id,
        "update",
        {"approval_status": "approved"},
        {"approval_status": "requested"},
    )
    signed = anna.change("offers", offer_id, "update", {"approved_by": "Иванова А. С."})
    answer = office.push(anna, own, signed)
    assert [o.code for o in answer.outcomes] == [RejectCode.OWN_APPROVAL] * 2
    assert office.data("offers", offer_id)["approval_status"] == "requested"  # type: ignore[index]
    born_approved = anna.change(
        "offers",
        uuid.uuid4(),
        "insert",
        {
            "account_id": account_id.hex,
            "owner_id": anna.caller.user_id.hex,
            "approval_status": "approved",
        },
    )
    assert office.push(anna, born_approved).outcomes[0].code is RejectCode.OWN_APPROVAL


def test_a_submitted_report_cannot_change_but_takes_addenda(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna = team["anna"]
    account_id = new_account(office, anna)
    visit_id, report_id = uuid.uuid4(), uuid.uuid4()
    submitted = datetime(2026, 12, 1, 9, 0, tzinfo=UTC).isoformat()
    setup = office.push(
        anna,
        anna.change("visits", visit_id, "insert", {"account_id": account_id.hex}),
        anna.change(
            "visit_reports",
            report_id,
            "insert",
            {"visit_id": visit_id.hex, "outcome": "Договорились", "submitted_at": None},
        ),
        anna.change(
            "visit_reports",
            report_id,
            "update",
            {"submitted_at": submitted},
            {"submitted_at": None},
        ),
    )
    assert [o.outcome for o in setup.outcomes] == [Outcome.APPLIED] * 3
    rewrite = anna.change(
        "visit_reports",
        report_id,
        "update",
        {"outcome": "Ничего не было"},
        {"outcome": "Договорились"},
    )
    erase = anna.change("visit_reports", report_id, "delete", {})
    addendum = anna.change(
        "visit_report_addenda",
        uuid.uuid4(),
        "insert",
        {"report_id": report_id.hex, "text": "Уточнение: поставка в марте"},
    )
    answer = office.push(anna, rewrite, erase, addendum)
    assert [o.code for o in answer.outcomes] == [RejectCode.STATE, RejectCode.STATE, None]
    assert answer.outcomes[2].outcome is Outcome.APPLIED
    report = office.data("visit_reports", report_id)
    assert report is not None and report["outcome"] == "Договорились"
    assert report["__deleted__"] is False


def test_an_accepted_offer_never_goes_back_to_draft(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna = team["anna"]
    account_id = new_account(office, anna)
    offer_id = new_offer(office, anna, account_id, status="sent")
    accepted = office.push(
        anna, anna.change("offers", offer_id, "update", {"status": "accepted"}, {"status": "sent"})
    )
    assert accepted.outcomes[0].outcome is Outcome.APPLIED
    back = anna.change("offers", offer_id, "update", {"status": "draft"}, {"status": "accepted"})
    answer = office.push(anna, back)
    assert answer.outcomes[0].code is RejectCode.STATE
    assert office.data("offers", offer_id)["status"] == "accepted"  # type: ignore[index]


def test_delete_wins_over_an_edit_and_restoring_is_explicit(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna, anna2 = team["anna"], team["anna2"]
    account_id = new_account(office, anna)
    contact_id = uuid.uuid4()
    office.push(
        anna,
        anna.change(
            "contacts", contact_id, "insert", {"account_id": account_id.hex, "last_name": "Котов"}
        ),
    )
    deleted = office.push(anna, anna.change("contacts", contact_id, "delete", {}))
    assert deleted.outcomes[0].outcome is Outcome.APPLIED
    edit = anna2.change(
        "contacts", contact_id, "update", {"last_name": "Котова"}, {"last_name": "Котов"}
    )
    answer = office.push(anna2, edit)
    assert answer.outcomes[0].code is RejectCode.DELETED
    assert office.stored_payload(edit.change_id)["fields"] == {"last_name": "Котова"}
    assert office.data("contacts", contact_id)["__deleted__"] is True  # type: ignore[index]
    restored = office.push(
        anna2,
        anna2.change(
            "contacts", contact_id, "restore", {"last_name": "Котова"}, {"last_name": "Котов"}
        ),
    )
    assert restored.outcomes[0].outcome is Outcome.APPLIED
    contact = office.data("contacts", contact_id)
    assert contact is not None and contact["__deleted__"] is False
    assert contact["last_name"] == "Котова"


def test_children_of_a_missing_parent_are_refused(office: Office, team: dict[str, Laptop]) -> None:
    anna = team["anna"]
    orphan = anna.change("contacts", uuid.uuid4(), "insert", {"account_id": uuid.uuid4().hex})
    no_link = anna.change("contacts", uuid.uuid4(), "insert", {"last_name": "Без клиента"})
    answer = office.push(anna, orphan, no_link)
    assert [o.code for o in answer.outcomes] == [RejectCode.INVALID] * 2
    assert office.last_seq(anna) == no_link.seq


def test_device_clocks_order_nothing(office: Office, team: dict[str, Laptop]) -> None:
    anna, anna2 = team["anna"], team["anna2"]
    account_id = new_account(office, anna)
    year_ahead = datetime.now(UTC) + timedelta(days=365)
    year_behind = datetime.now(UTC) - timedelta(days=365)
    first = anna.change(
        "accounts",
        account_id,
        "update",
        {"city": "Псков"},
        {"city": "Тверь"},
        changed_at=year_ahead,
    )
    office.push(anna, first)
    later = anna2.change(
        "accounts",
        account_id,
        "update",
        {"city": "Омск"},
        {"city": "Тверь"},
        changed_at=year_behind,
    )
    office.push(anna2, later)
    assert office.data("accounts", account_id)["city"] == "Омск"  # type: ignore[index]


def test_a_change_sent_twice_in_one_batch_applies_once(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna = team["anna"]
    account_id = new_account(office, anna)
    note = anna.change(
        "accounts", account_id, "update", {"qual_need_note": "Нужен аудит"}, {"qual_need_note": ""}
    )
    resent = note.model_copy(update={"seq": anna.next_seq})
    answer = office.push(anna, note, resent)
    assert [o.outcome for o in answer.outcomes] == [Outcome.APPLIED, Outcome.APPLIED]
    assert [o.seq for o in answer.outcomes] == [note.seq, resent.seq]
    assert office.texts(account_id, "qual_need_note") == ["Нужен аудит"]  # "" is implied
    assert office.count(applied_changes) == 2  # the account's insert and this change


def test_no_entity_of_another_kams_account_is_writable_or_readable(
    office: Office, team: dict[str, Laptop]
) -> None:
    """Every entity of the wire format, at every depth of its parent chain."""
    from kamdesk.sync.protocol import ENTITIES

    anna, boris = team["anna"], team["boris"]
    account_id = new_account(office, anna)
    made: dict[str, uuid.UUID] = {"accounts": account_id}

    def make(entity: str) -> uuid.UUID:
        if entity not in made:
            link = ENTITIES[entity].parent
            assert isinstance(link, tuple)
            column, parent = link
            row_id = uuid.uuid4()
            fields = {column: make(parent).hex, "note": "Аннино"}
            answer = office.push(anna, anna.change(entity, row_id, "insert", fields))
            assert answer.outcomes[0].outcome is Outcome.APPLIED, (entity, answer)
            made[entity] = row_id
        return made[entity]

    children = [name for name, spec in ENTITIES.items() if isinstance(spec.parent, tuple)]
    for entity in children:
        make(entity)
    attempts = []
    for entity in ["accounts", *children]:
        spec = ENTITIES[entity]
        attempts.append(boris.change(entity, made[entity], "update", {"note": "Борис"}))
        attempts.append(boris.change(entity, made[entity], "delete", {}))
        if isinstance(spec.parent, tuple):
            column, parent = spec.parent
            attempts.append(
                boris.change(entity, uuid.uuid4(), "insert", {column: made[parent].hex})
            )
    answer = office.push(boris, *attempts)
    assert {o.code for o in answer.outcomes} == {RejectCode.PERMISSION}
    assert all(office.data(e, i)["note"] == "Аннино" for e, i in made.items() if e != "accounts")  # type: ignore[index]
    office.pull_all(boris)
    assert {row.bucket for row in boris.seen.values()} <= {"office"}
    office.pull_all(anna)
    assert len(anna.seen) == len(made)


def test_values_the_office_database_cannot_keep_are_rejected_not_a_server_error(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna = team["anna"]
    account_id = new_account(office, anna)
    nul = anna.change("accounts", account_id, "update", {"city": "Тв\x00ерь"}, {"city": "Тверь"})
    nan = anna.change("accounts", account_id, "update", {"beds": float("nan")})
    odd = anna.change("acc\x00" + "x" * 80, account_id, "update", {})
    after = anna.change("accounts", account_id, "update", {"city": "Тула"}, {"city": "Тверь"})
    answer = office.push(anna, nul, nan, odd, after)
    assert [o.code for o in answer.outcomes] == [RejectCode.INVALID] * 3 + [None]
    assert office.data("accounts", account_id)["city"] == "Тула"  # type: ignore[index]
    assert office.stored_payload(nul.change_id)["fields"] == {"city": "Тв\\u0000ерь"}
    assert office.stored_payload(nan.change_id)["fields"] == {"beds": "nan"}


def test_a_seq_beyond_the_offices_range_is_rejected_and_the_rest_applies(
    office: Office, team: dict[str, Laptop]
) -> None:
    anna = team["anna"]
    account_id = new_account(office, anna)
    good = anna.change("accounts", account_id, "update", {"city": "Тула"}, {"city": "Тверь"})
    huge = anna.change("accounts", account_id, "update", {"city": "Омск"}, {"city": "Тверь"})
    huge = huge.model_copy(update={"seq": 2**70})
    answer = office.push(anna, good, huge)
    assert [o.code for o in answer.outcomes] == [None, RejectCode.INVALID]
    assert answer.last_seq == good.seq == office.last_seq(anna)
