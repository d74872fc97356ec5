"""The client list's queries: search as you type, filters that combine, sorting in SQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kamdesk.models import (
    Account,
    AccountKind,
    AccountStatus,
    ClientType,
    Contact,
    DmuRole,
    User,
    Visit,
)
from kamdesk.services.accounts import NO_CLASS, AccountDirectory, AccountFilter, SortKey
from kamdesk.store import Store, soft_delete


@pytest.fixture
def directory(store: Store) -> AccountDirectory:
    soon = datetime.now(UTC) + timedelta(days=3)
    with store.transaction() as session:
        owner = User(surname="Соколова", name="Анна", patronymic="Игоревна")
        session.add(owner)
        session.flush()
        hospital = Account(
            name="ГБУЗ «Областная клиническая больница»",
            kind=AccountKind.HOSPITAL,
            city="Тверь",
            inn="6905012345",
            client_type=ClientType.BREADWINNER,
            status=AccountStatus.ACTIVE,
            owner_id=owner.id,
        )
        chain = Account(
            name="Аптечная сеть «Вита»",
            kind=AccountKind.PHARMACY_CHAIN,
            city="Тверь",
            client_type=ClientType.PROSPECT,
            status=AccountStatus.WIN_BACK,  # the KAM's choice; the others go by the figures
        )
        pharmacy = Account(
            name="Аптека «Вита» № 12",
            kind=AccountKind.PHARMACY,
            city="Ржев",
            status=AccountStatus.LOST,
        )
        gone = Account(name="Аптека «Закрыта»", kind=AccountKind.PHARMACY, city="Тверь")
        session.add_all([hospital, chain, pharmacy, gone])
        session.flush()
        session.add(
            Contact(
                account_id=hospital.id,
                surname="Семёнов",
                name="Пётр",
                patronymic="Сергеевич",
                dmu_role=DmuRole.DECISION_MAKER,
                influence=5,
            )
        )
        session.add(Visit(account_id=chain.id, starts_at=soon))
        soft_delete(session, gone)
    return AccountDirectory(store.path, lambda: store)


def _names(directory: AccountDirectory, **kwargs: object) -> list[str]:
    sort = kwargs.pop("sort", SortKey.NAME)
    descending = kwargs.pop("descending", False)
    return [
        row.name
        for row in directory.page(AccountFilter(**kwargs), sort=sort, descending=descending)  # type: ignore[arg-type]
    ]


def test_everything_but_archived_accounts_is_listed(directory: AccountDirectory) -> None:
    assert directory.count(AccountFilter()) == 3
    assert "Аптека «Закрыта»" not in _names(directory)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("областная", ["ГБУЗ «Областная клиническая больница»"]),
        ("ОБЛАСТНАЯ", ["ГБУЗ «Областная клиническая больница»"]),  # case ignored
        ("ржев", ["Аптека «Вита» № 12"]),  # city
        ("690501", ["ГБУЗ «Областная клиническая больница»"]),  # ИНН
        ("семенов", ["ГБУЗ «Областная клиническая больница»"]),  # contact surname, ё = е
        ("вита тверь", ["Аптечная сеть «Вита»"]),  # every word must match
        ("100%", []),  # LIKE wildcards are taken literally
    ],
)
def test_search_by_name_city_inn_and_contact_surname(
    directory: AccountDirectory, typed: str, expected: list[str]
) -> None:
    assert _names(directory, text=typed) == expected
    assert directory.count(AccountFilter(text=typed)) == len(expected)


def test_filters_combine(directory: AccountDirectory) -> None:
    assert _names(directory, text="вита", kinds=frozenset({AccountKind.PHARMACY})) == [
        "Аптека «Вита» № 12"
    ]
    assert _names(
        directory,
        kinds=frozenset({AccountKind.PHARMACY_CHAIN, AccountKind.HOSPITAL}),
        statuses=frozenset({AccountStatus.WIN_BACK}),
    ) == ["Аптечная сеть «Вита»"]
    assert _names(directory, client_types=frozenset({ClientType.BREADWINNER})) == [
        "ГБУЗ «Областная клиническая больница»"
    ]
    assert len(_names(directory, abc_classes=frozenset({NO_CLASS}))) == 3
    assert _names(directory, abc_classes=frozenset({"A"})) == []


def test_sorting_is_done_by_the_database(directory: AccountDirectory) -> None:
    assert _names(directory, sort=SortKey.CITY) == [
        "Аптека «Вита» № 12",
        "Аптечная сеть «Вита»",
        "ГБУЗ «Областная клиническая больница»",
    ]
    by_next_visit = _names(directory, sort=SortKey.NEXT_VISIT)
    assert by_next_visit[0] == "Аптечная сеть «Вита»"  # the only one with a visit; empty last
    assert _names(directory, sort=SortKey.NAME, descending=True)[0] == (
        "ГБУЗ «Областная клиническая больница»"
    )


def test_pages_cover_the_list_without_overlap(directory: AccountDirectory) -> None:
    first = directory.page(AccountFilter(), offset=0, limit=2)
    rest = directory.page(AccountFilter(), offset=2, limit=2)
    assert len(first) == 2 and len(rest) == 1
    assert {r.id for r in first}.isdisjoint({r.id for r in rest})


def test_rows_carry_what_the_list_shows(directory: AccountDirectory) -> None:
    [row] = directory.page(AccountFilter(text="областная"))
    assert row.owner_name == "Соколова А. И."
    assert row.client_type == ClientType.BREADWINNER
    [chain] = directory.page(AccountFilter(text="аптечная"))
    assert chain.next_visit_at is not None and chain.next_visit_at.tzinfo is not None


def test_summary_has_the_contacts_and_hides_archived_accounts(
    directory: AccountDirectory, store: Store
) -> None:
    [row] = directory.page(AccountFilter(text="областная"))
    summary = directory.summary(row.id)
    assert summary is not None
    assert [c.full_name for c in summary.contacts] == ["Семёнов Пётр Сергеевич"]
    assert summary.owner_name == "Соколова А. И."


def test_a_renamed_contact_is_found_at_once(directory: AccountDirectory, store: Store) -> None:
    from sqlalchemy import select

    with store.transaction() as session:
        contact = session.scalars(select(Contact)).one()
        contact.surname = "Кузнецов"
    assert _names(directory, text="кузнецов") == ["ГБУЗ «Областная клиническая больница»"]
    assert _names(directory, text="семенов") == []


@pytest.fixture
def numbered(directory: AccountDirectory, store: Store) -> AccountDirectory:
    """Beside the territory (whose hospital's ИНН 6905012345 has a 3 inside): names
    with numbers, and an ИНН that starts with 3."""
    with store.transaction() as session:
        session.add_all(
            [
                Account(name="ГКБ №3", kind=AccountKind.HOSPITAL, city="Москва"),
                Account(name="Аптека 36,6", kind=AccountKind.PHARMACY, city="Москва"),
                Account(name="Аптека «Ромашка»", kind=AccountKind.PHARMACY, inn="7703123456"),
                Account(name="ООО «Фарм»", kind=AccountKind.DISTRIBUTOR, inn="3123456789"),
            ]
        )
    return directory


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # A digit or two finds numbers in names, as words and word prefixes, and an
        # ИНН by its first digits; not every ИНН with a 3 somewhere inside.
        ("3", ["Аптека 36,6", "ГКБ №3", "ООО «Фарм»"]),
        ("36", ["Аптека 36,6"]),
        ("№3", ["ГКБ №3"]),
        ("гкб 3", ["ГКБ №3"]),
        ("312", ["ООО «Фарм»"]),  # three digits: still the start of a number only
        ("770", ["Аптека «Ромашка»"]),
        ("703", []),
        # Four digits or more: anywhere in the ИНН.
        ("3123", ["Аптека «Ромашка»", "ООО «Фарм»"]),
        ("0123", ["ГБУЗ «Областная клиническая больница»"]),
    ],
)
def test_a_short_number_matches_where_a_number_starts(
    numbered: AccountDirectory, typed: str, expected: list[str]
) -> None:
    assert _names(numbered, text=typed) == expected
    assert numbered.count(AccountFilter(text=typed)) == len(expected)


def test_a_short_number_is_matched_the_same_in_every_sort_order(
    numbered: AccountDirectory,
) -> None:
    # Other orders take the full-text path for «312»; name order may walk the index.
    for sort in SortKey:
        assert sorted(_names(numbered, text="312", sort=sort)) == ["ООО «Фарм»"]
        assert sorted(_names(numbered, text="3", sort=sort)) == [
            "Аптека 36,6",
            "ГКБ №3",
            "ООО «Фарм»",
        ]


@pytest.fixture
def with_phones(directory: AccountDirectory, store: Store) -> AccountDirectory:
    """The hospital's switchboard with an extension; the chain's buyer's mobile."""
    from sqlalchemy import select

    with store.transaction() as session:
        hospital = session.scalars(select(Account).where(Account.inn == "6905012345")).one()
        hospital.phone = "+74822302693;ext=15"
        chain = session.scalars(select(Account).where(Account.name == "Аптечная сеть «Вита»")).one()
        session.add(Contact(account_id=chain.id, surname="Орлова", phone_mobile="+79161234567"))
    return directory


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # As a caller's number appears on the screen of a phone, or as it is written.
        ("8 (4822) 30-26-93", ["ГБУЗ «Областная клиническая больница»"]),
        ("+7 4822 30-26-93", ["ГБУЗ «Областная клиническая больница»"]),
        ("30-26-93", ["ГБУЗ «Областная клиническая больница»"]),
        ("302693", ["ГБУЗ «Областная клиническая больница»"]),
        ("8 916 123-45-67", ["Аптечная сеть «Вита»"]),  # a contact's mobile
        ("+79161234567", ["Аптечная сеть «Вита»"]),
        ("123-45-67", ["Аптечная сеть «Вита»"]),
        ("8 (495) 123-45-67", []),  # the same last digits in another city
        # The code alone, as a KAM recalls «a Tver number, 8 (4822) something».
        ("8 (4822)", ["ГБУЗ «Областная клиническая больница»"]),
        ("(4822)", ["ГБУЗ «Областная клиническая больница»"]),
        ("+7 (916)", ["Аптечная сеть «Вита»"]),
    ],
)
def test_a_phone_finds_its_account_however_it_is_typed(
    with_phones: AccountDirectory, typed: str, expected: list[str]
) -> None:
    assert _names(with_phones, text=typed) == expected
    assert with_phones.count(AccountFilter(text=typed)) == len(expected)


def test_a_store_written_before_phones_were_searchable_is_brought_up_to_date(
    with_phones: AccountDirectory, store: Store
) -> None:
    """An older version's cache has no phones in the search text: the background
    refresh works it out again once, and the number is found."""
    from sqlalchemy import delete, text

    from kamdesk.models import AppSetting
    from kamdesk.services.workspace import Workspace
    from kamdesk.store.derived import STATS_VERSION_KEY

    with store.transaction() as session:
        session.execute(text("UPDATE account_stats SET search_text = kam_fold(name)"))
        session.execute(delete(AppSetting).where(AppSetting.key == STATS_VERSION_KEY))
    assert _names(with_phones, text="30-26-93") == []
    Workspace(store.path, store).refresh()
    assert _names(with_phones, text="30-26-93") == ["ГБУЗ «Областная клиническая больница»"]
