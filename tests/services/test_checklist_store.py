"""The checklist read from the store: facts gathered right, reminders stored, a week is cheap."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import event

from kamdesk.models import AccountDossier
from kamdesk.services.dossier import completeness
from kamdesk.services.visits import (
    confirm_item,
    readiness,
    visit_checklist,
    week_view,
)
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_contact, add_product, add_visit, msk


def test_facts_come_from_the_store(store: Store) -> None:
    account = add_account(store)
    with store.transaction() as session:
        session.add(AccountDossier(account_id=account, needs="Снизить расходы", beds=600))
    contact = add_contact(store, account, smoking="не курит", birthday=date(1970, 5, 15))
    no_consent = add_contact(
        store, account, "Петров", consent=False, smoking="курит", birthday=date(1970, 5, 13)
    )
    # The price list of June does not apply to a visit in May; January's does.
    product = add_product(store, price=Decimal("99.00"), price_from=date(2026, 6, 1))
    visit = add_visit(
        store, account, msk(2026, 5, 12), attendee_ids=[contact, no_consent], product_ids=[product]
    )
    checklist = visit_checklist(store, visit)
    items = checklist.items_by_key
    assert not items[f"product.price:{product}"].passed
    assert items[f"product.key_messages:{product}"].passed
    dossier = items["no_information.dossier"]
    # The batch loader scores exactly as the dossier service does for one account.
    official = completeness(store, account)
    assert not dossier.passed and dossier.reason is not None
    assert dossier.reason.params["score"] == official.score == 33
    assert list(dossier.details) == official.missing
    # Personal details are used only with consent.
    assert "Smoking: не курит" in [str(d) for d in items[f"manners.address:{contact}"].details]
    assert not any("курит" in str(d) for d in items[f"manners.address:{no_consent}"].details)
    assert f"manners.birthday:{contact}" in items
    assert f"manners.birthday:{no_consent}" not in items


def test_reminders_are_confirmed_and_remembered(store: Store) -> None:
    account = add_account(store)
    visit = add_visit(store, account, msk(2026, 5, 12))
    before = visit_checklist(store, visit)
    assert not before.items_by_key["late.route"].passed
    confirm_item(store, visit, "late.route", True, "Пропуск заказан")
    after = visit_checklist(store, visit)
    assert after.items_by_key["late.route"].passed
    assert after.items_by_key["late.route"].note == "Пропуск заказан"
    assert after.summary.score > before.summary.score
    confirm_item(store, visit, "late.route", False)
    assert not visit_checklist(store, visit).items_by_key["late.route"].passed


def test_a_week_of_readiness_takes_a_fixed_number_of_queries(store: Store) -> None:
    def count_queries(days: int) -> int:
        ids = []
        for day in range(days):
            account = add_account(store, f"Клиент {days}-{day}")
            contact = add_contact(store, account)
            product = add_product(store, f"Препарат {days}-{day}")
            for hour in (10, 14):
                ids.append(
                    add_visit(
                        store,
                        account,
                        msk(2026, 6, 1 + day, hour) + timedelta(days=10 * days),
                        attendee_ids=[contact],
                        product_ids=[product],
                    )
                )
        statements: list[str] = []

        def record(*args: object) -> None:
            statements.append(str(args[2]))

        event.listen(store.engine, "before_cursor_execute", record)
        try:
            result = readiness(store, ids)
        finally:
            event.remove(store.engine, "before_cursor_execute", record)
        assert set(result) == set(ids)
        assert result[ids[0]] == visit_checklist(store, ids[0]).summary
        return len(statements)

    assert count_queries(1) == count_queries(5)


def test_the_week_view_carries_readiness(store: Store) -> None:
    account = add_account(store)
    add_visit(store, account, msk(2026, 5, 12), objective="Цель", agenda="Повестка")
    rows = week_view(store, date(2026, 5, 12))
    assert rows[0].readiness is not None and 0 < rows[0].readiness.score < 100
