"""Offer settings are office data: every user reads them, only a manager or an admin
changes them. A KAM's push of the envelope is refused with a reason, kept with its
payload, and the rest of the batch goes on (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping

import pytest

from kamdesk.sync.protocol import OFFICE_BUCKET, Outcome, RejectCode
from tests.server.sync_office import Laptop, Office

NAMESPACE = uuid.UUID("e4814e9c-55d1-503b-9040-dac7558e784a")  # kamdesk.store.natural_keys
ENVELOPE_ID = uuid.uuid5(NAMESPACE, "office_settings:envelope")


def envelope(value: Mapping[str, object]) -> dict[str, object]:
    return {"id": ENVELOPE_ID.hex, "name": "envelope", "value": value, "deleted_at": None}


@pytest.fixture
def office(office_url: str) -> Iterator[Office]:
    made = Office(office_url)
    yield made
    made.close()


@pytest.fixture
def team(office: Office) -> dict[str, Laptop]:
    manager = office.user("Смирнова Ольга Павловна", "manager")
    anna = office.user("Иванова Анна Сергеевна", "kam", manager)
    admin = office.user("Админов Пётр Петрович", "admin")
    return {
        "anna": office.laptop(anna),
        "manager": office.laptop(manager),
        "admin": office.laptop(admin),
    }


def test_the_managers_envelope_is_office_data_every_kam_reads(
    office: Office, team: dict[str, Laptop]
) -> None:
    manager, anna = team["manager"], team["anna"]
    value = {"default": {"A": "12", "*": "6"}}
    answer = office.push(
        manager, manager.change("office_settings", ENVELOPE_ID, "insert", envelope(value))
    )
    assert answer.outcomes[0].outcome is Outcome.APPLIED
    office.pull_all(anna)
    row = anna.seen[("office_settings", ENVELOPE_ID)]
    assert row.bucket == OFFICE_BUCKET
    assert row.fields["value"] == value


def test_a_kams_forged_envelope_is_refused_with_a_reason_and_the_queue_moves_on(
    office: Office, team: dict[str, Laptop]
) -> None:
    manager, anna, admin = team["manager"], team["anna"], team["admin"]
    office.push(
        manager,
        manager.change("office_settings", ENVELOPE_ID, "insert", envelope({"default": {"*": "5"}})),
    )
    widened = anna.change(
        "office_settings",
        ENVELOPE_ID,
        "update",
        {"value": {"default": {"*": "90"}}},
        {"value": {"default": {"*": "5"}}},
    )
    created = anna.change(
        "office_settings",
        uuid.uuid5(NAMESPACE, "office_settings:vat_regime"),
        "insert",
        {"name": "vat_regime", "value": "simplified_7", "deleted_at": None},
    )
    account = anna.change("accounts", uuid.uuid4(), "insert", {"name": "ГКБ №1", "city": "Тверь"})
    answer = office.push(anna, widened, created, account)
    for outcome in answer.outcomes[:2]:
        assert outcome.outcome is Outcome.REJECTED
        assert outcome.code is RejectCode.PERMISSION
        assert "руководитель" in outcome.reason and "конверт скидок" in outcome.reason
    assert answer.outcomes[2].outcome is Outcome.APPLIED  # the queue moved on
    assert answer.last_seq == account.seq
    assert office.stored_payload(widened.change_id)["fields"] == {"value": {"default": {"*": "90"}}}
    assert office.data("office_settings", ENVELOPE_ID)["value"] == {  # type: ignore[index]
        "default": {"*": "5"}
    }
    # An admin may change it, like the manager.
    raised = admin.change(
        "office_settings",
        ENVELOPE_ID,
        "update",
        {"value": {"default": {"*": "7"}}},
        {"value": {"default": {"*": "5"}}},
    )
    assert office.push(admin, raised).outcomes[0].outcome is Outcome.APPLIED


def test_the_managers_deferral_envelope_reaches_the_kam_and_a_kam_cannot_widen_it(
    office: Office, team: dict[str, Laptop]
) -> None:
    manager, anna = team["manager"], team["anna"]
    value = {"default": {"*": "5"}, "deferral_days": {"A": 60, "*": 30}}
    answer = office.push(
        manager, manager.change("office_settings", ENVELOPE_ID, "insert", envelope(value))
    )
    assert answer.outcomes[0].outcome is Outcome.APPLIED
    office.pull_all(anna)
    assert anna.seen[("office_settings", ENVELOPE_ID)].fields["value"] == value
    widened = anna.change(
        "office_settings",
        ENVELOPE_ID,
        "update",
        {"value": {**value, "deferral_days": {"*": 120}}},
        {"value": value},
    )
    refused = office.push(anna, widened).outcomes[0]
    assert refused.outcome is Outcome.REJECTED and refused.code is RejectCode.PERMISSION
    assert office.data("office_settings", ENVELOPE_ID)["value"] == value  # type: ignore[index]
