"""Merging duplicate accounts loses nothing; archived accounts can come back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from kamdesk.models import (
    Account,
    AccountDossier,
    AccountStats,
    Contact,
    RelationshipEvent,
    RelationshipEventKind,
    SalesRecord,
    Visit,
)
from kamdesk.services.accounts import AccountDirectory, AccountFilter
from kamdesk.services.card import (
    Entity,
    add_event,
    archive_account,
    create_account,
    merge_accounts,
    restore_account,
    set_field,
)
from kamdesk.store import Store
from kamdesk.store.tombstones import INCLUDE_DELETED
from kamdesk.vocabulary import AccountKind
from tests.services.card_factories import add_person, add_sales, make_account, make_product

MARCH, APRIL = date(2025, 3, 1), date(2025, 4, 1)


def test_merge_keeps_every_contact_event_and_sales_row(store: Store) -> None:
    survivor = make_account(store, "ГБУЗ «ОКБ»")
    duplicate = make_account(store, "ОКБ г. Твери", inn="6905012345")
    for account, surname in ((survivor, "Семёнов"), (duplicate, "Орлова"), (duplicate, "Ким")):
        add_person(store, account, surname, None)
    add_event(store, duplicate, RelationshipEventKind.DELIVERY, date(2025, 1, 10), "Поставка")
    product = make_product(store)
    add_sales(store, survivor, product, MARCH, "1000.00", 10)
    add_sales(store, duplicate, product, MARCH, "250.50", 3)  # same product and month
    add_sales(store, duplicate, product, APRIL, "400.00", 4)
    set_field(store, Entity.DOSSIER, survivor, "needs", "Антикоагулянты")
    set_field(store, Entity.DOSSIER, duplicate, "needs", "Антибиотики резерва")
    set_field(store, Entity.DOSSIER, duplicate, "beds", "600")
    with store.transaction() as session:
        session.add(Visit(account_id=duplicate, starts_at=datetime.now(UTC) + timedelta(days=2)))

    result = merge_accounts(store, survivor, duplicate)

    assert result.sales_summed == 1
    with store.session() as session:
        surnames = set(
            session.scalars(select(Contact.surname).where(Contact.account_id == survivor))
        )
        assert surnames == {"Семёнов", "Орлова", "Ким"}
        assert session.scalar(select(RelationshipEvent.account_id)) == survivor
        assert session.scalar(select(Visit.account_id)) == survivor
        sales = {
            r.month: (r.quantity, r.amount)
            for r in session.scalars(select(SalesRecord).where(SalesRecord.account_id == survivor))
        }
        assert sales == {MARCH: (13, Decimal("1250.50")), APRIL: (4, Decimal("400.00"))}
        gone = session.scalars(
            select(SalesRecord)
            .where(SalesRecord.account_id == duplicate)
            .execution_options(**{INCLUDE_DELETED: True})
        ).all()
        # Both withdrawn: the survivor has its own rows (ids derived from it) for both months.
        assert len(gone) == 2 and all(row.deleted_at is not None for row in gone)
        dossier = session.scalar(
            select(AccountDossier).where(AccountDossier.account_id == survivor)
        )
        assert dossier is not None
        assert "Антикоагулянты" in dossier.needs and "Антибиотики резерва" in dossier.needs
        assert dossier.beds == 600
        merged = session.scalar(
            select(Account).where(Account.id == duplicate).execution_options(include_deleted=True)
        )
        assert merged is not None and merged.deleted_at is not None
        assert merged.merged_into_id == survivor
        kept = session.get(Account, survivor)
        assert kept is not None and kept.inn == "6905012345"  # filled from the duplicate
        assert session.scalar(
            select(AccountStats.archived).where(AccountStats.account_id == duplicate)
        )


def test_archived_accounts_are_hidden_until_shown_and_can_be_restored(store: Store) -> None:
    account_id = create_account(store, "Аптека «Здоровье»", AccountKind.PHARMACY, city="Бежецк")
    directory = AccountDirectory(store.path, lambda: store)
    try:
        archive_account(store, account_id)
        assert directory.page(AccountFilter()) == []
        shown = directory.page(AccountFilter(show_archived=True))
        assert [(r.id, r.archived) for r in shown] == [(account_id, True)]
        restore_account(store, account_id)
        assert [r.id for r in directory.page(AccountFilter())] == [account_id]
    finally:
        directory.close()


def test_merging_a_chain_moves_its_pharmacies_through_the_change_log(store: Store) -> None:
    from kamdesk.models import ChangeLogEntry

    survivor = make_account(store, "ООО «Вита»")
    duplicate = make_account(store, "Вита, аптечная сеть")
    pharmacy = create_account(store, "Аптека «Вита» № 3", AccountKind.PHARMACY)
    with store.transaction() as session:
        session.get_one(Account, pharmacy).parent_id = duplicate
    merge_accounts(store, survivor, duplicate)
    with store.session() as session:
        assert session.get_one(Account, pharmacy).parent_id == survivor
        moved = session.scalars(
            select(ChangeLogEntry).where(
                ChangeLogEntry.entity_id == pharmacy,
                ChangeLogEntry.changes["parent_id"].as_string() == survivor.hex,
            )
        ).all()
    assert moved, "the office must learn that the pharmacy now belongs to the survivor"
