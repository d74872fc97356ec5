"""A key-client type that bought nothing in the period is not a key client by the
figures (card-analytics-fixes): Analytics listed five such accounts at «0,0 %, 0 ₽»
among seven «ключевых клиентов». They are listed apart and left out of the count
and the group's share; the KAM's own «да» still decides."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from kamdesk.services.key_clients import GroupShare, figures_from
from kamdesk.vocabulary import AccountKind, ClientType

Row = tuple[str, AccountKind, ClientType | None, uuid.UUID | None]


def test_types_without_sales_are_listed_apart_and_not_counted() -> None:
    ids = {name: uuid.uuid4() for name in ("ОКБ", "ГКБ № 2", "ГКБ № 4", "ЦРБ", "Вуз", "Сеть")}
    accounts: dict[uuid.UUID, Row] = {
        ids["ОКБ"]: ("ОКБ", AccountKind.HOSPITAL, ClientType.BREADWINNER, None),
        ids["ГКБ № 2"]: ("ГКБ № 2", AccountKind.HOSPITAL, None, None),  # the KAM's «да»
        ids["ГКБ № 4"]: ("ГКБ № 4", AccountKind.HOSPITAL, ClientType.PROSPECT, None),
        ids["ЦРБ"]: ("ЦРБ", AccountKind.HOSPITAL, ClientType.EXPERT, None),  # bought a little
        ids["Вуз"]: ("Вуз", AccountKind.HOSPITAL, ClientType.PROSPECT, None),  # said «нет»
        ids["Сеть"]: ("Сеть", AccountKind.PHARMACY_CHAIN, None, None),
    }
    revenue = {
        ids["ОКБ"]: Decimal(400),
        ids["ГКБ № 2"]: Decimal(10),
        ids["ЦРБ"]: Decimal(40),
        ids["Сеть"]: Decimal(550),
    }
    f = figures_from(
        accounts,
        revenue,
        date(2025, 12, 1),
        date(2026, 11, 1),
        choices={ids["ГКБ № 2"]: True, ids["Вуз"]: False},
    )
    names = [c.name for c in f.key_group]
    # The chain by share (55 %), the breadwinner by share (40 %), the expert by its type
    # (it bought), ГКБ № 2 by the KAM's choice; not ГКБ № 4: a type and no sales.
    assert names == ["Сеть", "ОКБ", "ЦРБ", "ГКБ № 2"]
    assert [c.name for c in f.typed_without_sales] == ["ГКБ № 4"]  # «нет» keeps Вуз out
    gkb4 = f.share_of(ids["ГКБ № 4"])
    assert gkb4 is not None and not gkb4.in_key_group and not gkb4.sold
    assert f.key_group_share == Decimal(1)  # 550 + 400 + 40 + 10 of 1 000
    assert f.group_assessment == GroupShare.ABOVE


def test_a_type_that_bought_stays_in_the_group_however_little() -> None:
    ids = [uuid.uuid4(), uuid.uuid4()]
    accounts: dict[uuid.UUID, Row] = {
        ids[0]: ("ОКБ", AccountKind.HOSPITAL, None, None),
        ids[1]: ("ЦРБ", AccountKind.HOSPITAL, ClientType.IMAGE_MAKER, None),
    }
    f = figures_from(
        accounts, {ids[0]: Decimal(999), ids[1]: Decimal(1)}, date(2025, 12, 1), date(2026, 11, 1)
    )
    assert [c.name for c in f.key_group] == ["ОКБ", "ЦРБ"]
    assert f.typed_without_sales == ()
