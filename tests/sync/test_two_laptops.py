"""Two KAMs granted the same client work offline and sync: nobody's words are lost,
both laptops end up holding the same rows, and nothing waits in either outbox."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from kamdesk.models import Account, AccountDossier, AccountKind, Contact, SyncState
from kamdesk.store import INCLUDE_DELETED
from kamdesk.store.values import to_json_value
from kamdesk.sync.entities import LOCAL_COLUMNS, entity
from kamdesk.sync.protocol import ENTITIES
from tests.sync.conftest import Laptop, Office

NEEDS = "Нужен стабильный поставщик."


def new_client(laptop: Laptop) -> tuple[uuid.UUID, uuid.UUID]:
    with laptop.store.transaction() as session:
        account = Account(name="ГБУЗ «ГКБ № 5»", kind=AccountKind.HOSPITAL, city="Тверь")
        session.add(account)
        session.flush()
        contact = Contact(account_id=account.id, surname="Петров", phone_mobile="+79001112233")
        dossier = AccountDossier(account_id=account.id, needs=NEEDS)
        session.add_all([contact, dossier])
    return account.id, contact.id


def dossier(laptop: Laptop, account_id: uuid.UUID) -> AccountDossier:
    with laptop.store.session() as session:
        found = session.scalar(
            select(AccountDossier).where(AccountDossier.account_id == account_id)
        )
        assert found is not None
        return found


def edit(laptop: Laptop, cls: type[Any], row_id: uuid.UUID, **values: Any) -> None:
    with laptop.store.transaction() as session:
        row = session.get(cls, row_id)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)


def snapshot(laptop: Laptop) -> dict[tuple[str, uuid.UUID], dict[str, Any]]:
    """Every synced row of a laptop, as the office would see its fields."""
    rows: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
    with laptop.store.session() as session:
        for name in ENTITIES:
            info = entity(name)
            assert info is not None
            for row in session.scalars(
                select(info.cls).execution_options(**{INCLUDE_DELETED: True})
            ):
                rows[(name, row.id)] = {
                    key: to_json_value(getattr(row, key))
                    for key in info.columns
                    if key not in LOCAL_COLUMNS
                }
    return rows


def shared_client(
    office: Office, make_laptop: Callable[..., Laptop]
) -> tuple[Laptop, Laptop, uuid.UUID, uuid.UUID]:
    office.user("anna", "Иванова Анна Сергеевна")
    office.user("boris", "Петров Борис Ильич")
    a, b = make_laptop("a"), make_laptop("b")
    a.enrol("anna")
    b.enrol("boris")
    account_id, contact_id = new_client(a)
    first = a.sync()
    assert (first.pushed, first.rejected) == (3, 0), first
    office.grant("boris", account_id)
    received = b.sync()
    assert received.pulled_rows >= 3, received
    assert dossier(b, account_id).needs == NEEDS
    return a, b, account_id, contact_id


def test_offline_edits_of_two_laptops_meet_and_both_words_stay(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    a, b, account_id, contact_id = shared_client(office, make_laptop)
    dossier_id = dossier(a, account_id).id
    # Offline: A changes the contact's phone and adds to the needs; B adds to the needs too.
    edit(a, Contact, contact_id, phone_mobile="+79995554433")
    edit(a, AccountDossier, dossier_id, needs=NEEDS + "\nТендер на инсулины в мае.")
    edit(b, AccountDossier, dossier_id, needs="Главврач: Сидоров.\n" + NEEDS)

    for _ in range(2):
        a.sync()
        b.sync()

    assert a.pending() == [] and b.pending() == []
    assert snapshot(a) == snapshot(b)
    needs = dossier(a, account_id).needs
    assert "Тендер на инсулины в мае." in needs and "Главврач: Сидоров." in needs
    with b.store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None and contact.phone_mobile == "+79995554433"
    # B's text met A's on the office: on record in B's inbox, nothing left to resolve.
    [merged] = [issue for issue in b.issues() if issue.kind == "text_merged"]
    assert merged.field == "needs" and merged.resolved_at is not None
    assert "Главврач: Сидоров." in merged.local_value
    assert "Тендер на инсулины в мае." in merged.remote_value
    assert "Иванова" in merged.detail


def test_the_same_value_typed_on_two_laptops_keeps_the_lost_one_in_sync_issues(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    a, b, _, contact_id = shared_client(office, make_laptop)
    edit(a, Contact, contact_id, phone_mobile="+79995554433")
    edit(b, Contact, contact_id, phone_mobile="+79990001122")
    a.sync()
    report = b.sync()
    a.sync()
    assert report.merged == 1 and report.new_issues == 1
    [issue] = [issue for issue in b.issues() if issue.resolved_at is None]
    assert (issue.entity, issue.entity_id, issue.field) == ("contacts", contact_id, "phone_mobile")
    assert {issue.local_value, issue.remote_value} == {"+79995554433", "+79990001122"}
    assert issue.change_id is not None and issue.detail
    assert snapshot(a) == snapshot(b)


def test_enrolment_is_kept_in_the_store_and_the_token_outside_it(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    a.enrol("anna")
    with a.store.session() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        assert (state.login, state.user_name, state.user_role) == (
            "anna",
            "Иванова Анна Сергеевна",
            "kam",
        )
        assert state.laptop_code and state.server_url == "http://testserver"
        assert state.device_name == "ноутбук a"
        client_id = state.client_id
    token_file = a.store.path.parent / f"sync-token-{client_id.hex}"
    assert token_file.stat().st_mode & 0o777 == 0o600
    raw = a.store.path.read_bytes()
    assert token_file.read_text().encode() not in raw
