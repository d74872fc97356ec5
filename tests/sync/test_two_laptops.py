"""Two KAMs granted the same client work offline and sync: nobody's words are lost."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from kamdesk.models import Account, AccountDossier, AccountKind, Contact, SyncState
from tests.sync.conftest import Laptop, Office


def _new_client(laptop: Laptop) -> tuple[uuid.UUID, uuid.UUID]:
    with laptop.store.transaction() as session:
        account = Account(name="ГБУЗ «ГКБ № 5»", kind=AccountKind.HOSPITAL, city="Тверь")
        session.add(account)
        session.flush()
        contact = Contact(account_id=account.id, surname="Петров", phone_mobile="+79001112233")
        dossier = AccountDossier(account_id=account.id, needs="Нужен стабильный поставщик.")
        session.add_all([contact, dossier])
    return account.id, contact.id


def _dossier(laptop: Laptop, account_id: uuid.UUID) -> AccountDossier:
    with laptop.store.session() as session:
        found = session.scalar(
            select(AccountDossier).where(AccountDossier.account_id == account_id)
        )
        assert found is not None
        return found


def test_smoke_enrol_and_first_sync(office: Office, make_laptop) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    a.enrol("anna")
    _new_client(a)
    report = a.sync()
    assert report.pushed == 3 and report.rejected == 0, report
    assert a.pending() == []
    with a.store.session() as session:
        state = session.get(SyncState, 1)
        assert state is not None and state.login == "anna" and state.laptop_code
