"""Key clients by the figures (field guide §2), with hand-checked shares.

The portfolio of the store test, 12 complete months Dec 2025 – Nov 2026, without VAT:

| account                         | revenue   | share  | key by share | type      |
|---------------------------------|----------:|-------:|:------------:|-----------|
| ГБУЗ «Областная клиническая …»  | 3 000 000 | 42,9 % | yes          | Кормилец  |
| ООО «Здравица» (3 pharmacies)   | 1 200 000 | 17,1 % | yes          | —         |
| АО «Медипром-Дистрибуция»       |   800 000 | 11,4 % | yes          | —         |
| ГБУЗ «Онкодиспансер»            |   500 000 |  7,1 % | no           | Кормилец  |
| ten pharmacies-less hospitals   | 150 000 each = 1 500 000 | 2,1 % each | no | — |
| total                           | 7 000 000 |        |              |           |

Key group: 3 000 000 + 1 200 000 + 800 000 + 500 000 = 5 500 000 = 78,6 %: above the
usual 30–55 % and above 75 %: mono-dependence of the portfolio; no single client above 75 %.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from kamdesk.models import Account, SalesRecord
from kamdesk.services.key_clients import (
    GroupShare,
    figures_from,
    key_client_figures,
    percent,
)
from kamdesk.store import Store
from kamdesk.vocabulary import AccountKind, ClientType
from tests.services.visit_factories import add_account, add_product

TODAY = date(2026, 12, 3)
D = Decimal


def _account(
    store: Store,
    name: str,
    kind: AccountKind = AccountKind.HOSPITAL,
    client_type: ClientType | None = None,
    parent: uuid.UUID | None = None,
) -> uuid.UUID:
    account_id = add_account(store, name, kind=kind)
    with store.transaction() as session:
        row = session.get(Account, account_id)
        assert row is not None
        row.client_type = client_type
        row.parent_id = parent
    return account_id


def _sell(store: Store, account: uuid.UUID, product: uuid.UUID, month: date, amount: int) -> None:
    with store.transaction() as session:
        session.add(
            SalesRecord(
                account_id=account, product_id=product, month=month, quantity=1, amount=D(amount)
            )
        )


def test_key_clients_their_group_and_mono_dependence(store: Store) -> None:
    product = add_product(store)
    okb = _account(
        store, "ГБУЗ «Областная клиническая больница»", client_type=ClientType.BREADWINNER
    )
    chain = _account(store, "ООО «Здравица»", AccountKind.PHARMACY_CHAIN)
    pharmacies = [
        _account(store, f"Аптека № {n}", AccountKind.PHARMACY, parent=chain) for n in (1, 2, 3)
    ]
    distributor = _account(store, "АО «Медипром-Дистрибуция»", AccountKind.DISTRIBUTOR)
    dispensary = _account(store, "ГБУЗ «Онкодиспансер»", client_type=ClientType.BREADWINNER)
    small = [_account(store, f"ГБУЗ «ЦРБ № {n}»") for n in range(10)]
    _sell(store, okb, product, date(2026, 3, 1), 1_000_000)
    _sell(store, okb, product, date(2026, 6, 1), 1_000_000)
    _sell(store, okb, product, date(2026, 11, 1), 1_000_000)
    _sell(store, okb, product, date(2025, 11, 1), 9_999_999)  # before the window
    _sell(store, okb, product, date(2026, 12, 1), 9_999_999)  # this month: not complete
    for pharmacy in pharmacies:
        _sell(store, pharmacy, product, date(2026, 5, 1), 400_000)
    _sell(store, distributor, product, date(2025, 12, 1), 800_000)
    _sell(store, dispensary, product, date(2026, 9, 1), 500_000)
    for account in small:
        _sell(store, account, product, date(2026, 7, 1), 150_000)

    f = key_client_figures(store, TODAY)

    assert (f.first_month, f.last_month, f.total) == (
        date(2025, 12, 1),
        date(2026, 11, 1),
        D(7_000_000),
    )
    assert [c.name for c in f.key_by_share] == [
        "ГБУЗ «Областная клиническая больница»",
        "ООО «Здравица»",
        "АО «Медипром-Дистрибуция»",
    ]
    assert [percent(c.share) for c in f.key_by_share] == ["42,9", "17,1", "11,4"]
    zdravitsa = f.share_of(chain)
    assert zdravitsa is not None and (zdravitsa.revenue, zdravitsa.pharmacies) == (D(1_200_000), 3)
    assert f.share_of(pharmacies[0]) is None  # judged as part of its chain
    assert [c.name for c in f.key_group][-1] == "ГБУЗ «Онкодиспансер»"  # key by its type
    assert percent(f.key_group_share) == "78,6"
    assert f.group_assessment == GroupShare.ABOVE
    assert f.portfolio_mono_dependent and f.mono_clients == ()
    assert [str(w) for w in f.warnings] == [
        "mono-dependence: the key clients bring 78,6 % of your sales, above 75,0 %",
        "the key clients bring 78,6 % of your sales, above the usual 30,0–55,0 %",
        "ГБУЗ «Онкодиспансер» is a breadwinner but brings 7,1 % of your sales, under 10,0 %",
    ]


Rows = dict[uuid.UUID, tuple[str, AccountKind, ClientType | None, uuid.UUID | None]]


def _rows(
    revenues: dict[str, int], types: dict[str, ClientType] | None = None
) -> tuple[Rows, dict[uuid.UUID, Decimal]]:
    ids = {name: uuid.uuid4() for name in revenues}
    accounts: Rows = {
        ids[name]: (name, AccountKind.HOSPITAL, (types or {}).get(name), None) for name in revenues
    }
    return accounts, {ids[name]: D(amount) for name, amount in revenues.items()}


def test_a_normal_key_group_raises_no_warning() -> None:
    # 40 % in one client, the rest in 15 clients of 4 %: the key group is 40 %, normal.
    revenues = {"ГКБ № 1": 400} | {f"ЦРБ № {n}": 40 for n in range(15)}
    f = figures_from(*_rows(revenues), date(2026, 1, 1), date(2026, 12, 1))
    assert percent(f.key_group_share) == "40,0"
    assert f.group_assessment == GroupShare.NORMAL
    assert f.warnings == ()
    assert percent(f.pareto_share) == "48,0"  # top 3 of 16 clients: 400 + 40 + 40 of 1000


def test_one_client_above_75_percent_is_flagged_after_the_portfolio() -> None:
    f = figures_from(*_rows({"ГКБ № 1": 800, "ЦРБ": 200}), date(2026, 1, 1), date(2026, 12, 1))
    said = [str(w) for w in f.warnings]
    assert said[:2] == [
        "mono-dependence: the key clients bring 100,0 % of your sales, above 75,0 %",
        "mono-dependence: ГКБ № 1 alone brings 80,0 % of your sales, above 75,0 %",
    ]


def test_a_spread_portfolio_is_below_the_usual_share() -> None:
    f = figures_from(
        *_rows({f"Аптека № {n}": 50 for n in range(20)}), date(2026, 1, 1), date(2026, 12, 1)
    )
    assert f.key_by_share == () and f.group_assessment == GroupShare.BELOW
    assert [str(w) for w in f.warnings] == [
        "the key clients bring 0,0 % of your sales, below the usual 30,0–55,0 %"
    ]


def test_exactly_ten_percent_is_key_and_no_sales_says_nothing() -> None:
    f = figures_from(*_rows({"ГКБ": 100, "ЦРБ": 900}), date(2026, 1, 1), date(2026, 12, 1))
    assert [c.name for c in f.key_by_share] == ["ЦРБ", "ГКБ"]
    empty = figures_from(*_rows({"ГКБ": 0}), date(2026, 1, 1), date(2026, 12, 1))
    assert empty.group_assessment == GroupShare.NONE and empty.warnings == ()
