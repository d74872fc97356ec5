"""The office publishes its people: a newly enrolled laptop receives its own user and
its manager, so what it creates (clients, visits, offers) can name its owner."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from kamdesk.models import Account, AccountKind, SyncState, User, UserRole
from tests.sync.conftest import Laptop, Office


def test_a_new_laptop_receives_its_user_and_manager_and_can_own_a_client(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("sokolova", "Соколова Мария Петровна", role="manager")
    office.user("anna", "Иванова Анна Сергеевна", manager="sokolova")
    laptop = make_laptop("a")
    laptop.enrol("anna")
    laptop.sync()

    with laptop.store.session() as session:
        state = session.scalars(select(SyncState)).one()
        me = session.get(User, state.user_id)
        assert me is not None
        assert (me.surname, me.name, me.patronymic) == ("Иванова", "Анна", "Сергеевна")
        assert me.role is UserRole.KAM
        manager = session.get(User, me.manager_id)
        assert manager is not None and manager.surname == "Соколова"
        assert manager.role is UserRole.MANAGER

    with laptop.store.transaction() as session:
        session.add(Account(name="ГБУЗ «ОКБ»", kind=AccountKind.HOSPITAL, owner_id=state.user_id))
    report = laptop.sync()
    assert (report.pushed, report.rejected) == (1, 0), report
