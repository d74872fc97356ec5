"""A small territory with sales for the card's standing (issue 12), hand-checked.

All accounts of `territory` (tests/ui/conftest.py) belong to Соколова А. И.; sales in
the 12 complete months before today's month, without VAT:

| account                          | months ago: amount                   | total     | share  |
|----------------------------------|--------------------------------------|----------:|-------:|
| ГБУЗ «Областная клиническая …»   | 12: 3 000, 9: 3 500, 6: 3 000, 3: 3 500 | 13 000 | 1,3 %  |
| АО «Протек», тверской филиал     | 2: 587 000                           | 587 000   | 58,7 % |
| Аптека «Вита» № 12 (chain)       | 2: 100 000, 1: 150 000               | 250 000   |        |
| Аптека «Вита» № 3 (chain)        | 1: 150 000                           | 150 000   |        |
| chain «Вита» with its pharmacies |                                      | 400 000   | 40 %   |
| total                            |                                      | 1 000 000 |        |

The hospital (Кормилец, need and pay ticked, authority not: 2 of 3 P) buys once a
quarter: intervals 3, 3, 3 (CV 0); amounts mean 3 250, population deviation 250: CV
250 / 3 250 = 7,7 % → X, «buys once a quarter, deviation 7,7 %». Its Кормилец type is
contradicted: 1,3 % is under 10 %. The chain's pharmacies: 250 000 (62,5 % of the
chain's 400 000) and 150 000 (37,5 %).
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from kamdesk.models import Account, SalesRecord
from kamdesk.services.card.overview import month_start
from kamdesk.services.classification import recompute
from kamdesk.store import Store
from kamdesk.vocabulary import AccountKind
from tests.services.visit_factories import add_product

TODAY = date.today()


def sell_territory(store: Store, territory: dict[str, Any], today: date = TODAY) -> uuid.UUID:
    """The sales above (and a second pharmacy of the chain, returned); classifies."""
    product = add_product(store)
    with store.transaction() as session:
        owner = session.get(Account, territory["hospital"]).owner_id  # type: ignore[union-attr]
        for account in session.scalars(select(Account)):
            account.owner_id = owner
        pharmacy = session.get(Account, territory["pharmacy"])
        assert pharmacy is not None
        pharmacy.parent_id = territory["chain"]
        second = Account(
            name="Аптека «Вита» № 3",
            kind=AccountKind.PHARMACY,
            city="Кимры",
            parent_id=territory["chain"],
            owner_id=owner,
        )
        session.add(second)
        session.flush()
        second_id = second.id
        sales = [
            (territory["hospital"], 12, 3000),
            (territory["hospital"], 9, 3500),
            (territory["hospital"], 6, 3000),
            (territory["hospital"], 3, 3500),
            (territory["distributor"], 2, 587000),
            (territory["pharmacy"], 2, 100000),
            (territory["pharmacy"], 1, 150000),
            (second_id, 1, 150000),
        ]
        for account_id, back, amount in sales:
            session.add(
                SalesRecord(
                    account_id=account_id,
                    product_id=product,
                    month=month_start(today, back),
                    quantity=1,
                    amount=Decimal(amount),
                )
            )
    recompute(store, today)
    return second_id
