"""The card's standing (issue 12) with the hand-checked figures of
tests/services/standing_factories.py: key client by the figures, a contradicted type,
XYZ in words, open complaints, a chain's pharmacies, the KAM's key-client choice in the
key group, and lost accounts in the overdue-visit list marked to be won back."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from kamdesk.models import Account, RelationshipEvent
from kamdesk.services.card import Entity, set_field
from kamdesk.services.card.standing import asks_for_loss, load_standing
from kamdesk.services.key_clients import figures_from, key_client_figures, key_suggestion
from kamdesk.services.visits import overdue_accounts
from kamdesk.store import Store
from kamdesk.vocabulary import AccountKind, AccountStatus, ClientType, RelationshipEventKind
from tests.services.standing_factories import TODAY, sell_territory
from tests.ui.conftest import territory  # noqa: F401  (the fixture)

D = Decimal


def test_a_breadwinner_with_1_3_percent_is_not_key_and_its_type_is_contradicted(
    store: Store,
    territory: dict[str, Any],  # noqa: F811
) -> None:
    sell_territory(store, territory)
    key = key_suggestion(store, territory["hospital"], TODAY)
    assert key is not None
    assert key.revenue == D(13000) and key.share == D("0.013")  # 13 000 / 1 000 000
    assert key.qualified == 2  # need and pay, not authority
    assert not key.key and key.type_contradicted
    distributor = key_suggestion(store, territory["distributor"], TODAY)
    assert distributor is not None and distributor.share == D("0.587")
    assert not distributor.key  # 58,7 % but none of the three P
    for flag in ("qual_need", "qual_pay", "qual_authority"):
        set_field(store, Entity.ACCOUNT, territory["distributor"], flag, True)
    distributor = key_suggestion(store, territory["distributor"], TODAY)
    assert distributor is not None and distributor.key and distributor.qualified == 3


def test_a_chain_is_judged_with_its_pharmacies_and_a_pharmacy_counts_to_it(
    store: Store,
    territory: dict[str, Any],  # noqa: F811
) -> None:
    sell_territory(store, territory)
    chain = key_suggestion(store, territory["chain"], TODAY)
    assert chain is not None and chain.revenue == D(400000) and chain.share == D("0.4")
    pharmacy = key_suggestion(store, territory["pharmacy"], TODAY)
    assert pharmacy is not None and pharmacy.chain_name == "Аптечная сеть «Вита»"
    assert not pharmacy.type_contradicted


def test_the_chain_lists_its_pharmacies_and_they_add_up_to_the_chain(
    store: Store,
    territory: dict[str, Any],  # noqa: F811
) -> None:
    second = sell_territory(store, territory)
    standing = load_standing(store, territory["chain"], TODAY)
    rows = {row.account_id: row for row in standing.pharmacies}
    assert set(rows) == {territory["pharmacy"], second}
    assert rows[territory["pharmacy"]].sales_12m == D(250000)  # 100 000 + 150 000
    assert rows[second].sales_12m == D(150000)
    assert standing.chain_sales == D(400000) == sum(r.sales_12m for r in rows.values())
    assert rows[territory["pharmacy"]].share == 0.625 and rows[second].share == 0.375
    assert (
        rows[second].city == "Кимры" and rows[second].abc_class == "A"
    )  # the chain's: 58,7 % before it, under 80 %
    assert load_standing(store, territory["hospital"], TODAY).pharmacies == []


def test_xyz_in_words_is_the_own_cycle_and_its_variation(
    store: Store,
    territory: dict[str, Any],  # noqa: F811
) -> None:
    sell_territory(store, territory)
    xyz = load_standing(store, territory["hospital"], TODAY).xyz
    assert xyz is not None
    assert (xyz.xyz, xyz.purchases, xyz.cycle_months) == ("X", 4, 3)
    assert round(xyz.variation or 0, 4) == 0.0769  # 250 / 3 250
    second = load_standing(store, territory["distributor"], TODAY).xyz
    assert second is not None and second.cycle_months is None  # one purchase: Z, no cycle
    assert second.xyz == "Z"


def test_an_open_complaint_until_it_is_resolved(
    store: Store,
    territory: dict[str, Any],  # noqa: F811
) -> None:
    with store.transaction() as session:
        complaint = RelationshipEvent(
            account_id=territory["hospital"],
            kind=RelationshipEventKind.COMPLAINT,
            occurred_on=date(2026, 11, 12),
            subject="Поставка опоздала на неделю",
        )
        session.add(complaint)
        session.flush()
        complaint_id = complaint.id
    complaints = load_standing(store, territory["hospital"], TODAY).complaints
    assert [(c.event_id, c.occurred_on) for c in complaints] == [(complaint_id, date(2026, 11, 12))]
    set_field(store, Entity.EVENT, complaint_id, "resolved_on", "20.11.2026")
    assert load_standing(store, territory["hospital"], TODAY).complaints == []


def test_the_kams_choice_decides_the_key_group(
    store: Store,
    territory: dict[str, Any],  # noqa: F811
) -> None:
    sell_territory(store, territory)
    before = {c.name for c in key_client_figures(store, TODAY).key_group}
    assert "ГБУЗ «Областная клиническая больница»" in before  # by its type
    set_field(store, Entity.ACCOUNT, territory["hospital"], "key_client", False)
    set_field(store, Entity.ACCOUNT, territory["winback"], "key_client", True)
    after = {c.name for c in key_client_figures(store, TODAY).key_group}
    assert "ГБУЗ «Областная клиническая больница»" not in after  # «нет» keeps it out
    assert "Аптека «Здоровье»" in after  # «да» with no sales at all
    set_field(store, Entity.ACCOUNT, territory["hospital"], "key_client", None)
    with store.session() as session:
        assert session.get(Account, territory["hospital"]).key_client is None  # type: ignore[union-attr]


def test_figures_from_count_the_choice() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    rows: dict[uuid.UUID, tuple[str, AccountKind, ClientType | None, uuid.UUID | None]] = {
        a: ("ГКБ", AccountKind.HOSPITAL, None, None),
        b: ("ЦРБ", AccountKind.HOSPITAL, ClientType.EXPERT, None),
    }
    revenue = {a: D(900), b: D(100)}
    plain = figures_from(rows, revenue, date(2026, 1, 1), date(2026, 12, 1))
    assert {c.name for c in plain.key_group} == {"ГКБ", "ЦРБ"}
    chosen = figures_from(
        rows, revenue, date(2026, 1, 1), date(2026, 12, 1), choices={a: False, b: True}
    )
    assert {c.name for c in chosen.key_group} == {"ЦРБ"}
    assert chosen.key_group_share == D("0.1")


def test_the_card_asks_why_a_lost_client_left() -> None:
    assert asks_for_loss(AccountStatus.LOST, None, "")
    assert asks_for_loss(AccountStatus.WIN_BACK, None, "")
    assert not asks_for_loss(AccountStatus.ACTIVE, None, "  ")
    assert asks_for_loss(AccountStatus.ACTIVE, "service", "")  # written down: kept in view


def test_lost_accounts_stay_in_the_overdue_list_marked_to_win_back(
    store: Store,
    territory: dict[str, Any],  # noqa: F811
) -> None:
    rows = {row.account_id: row for row in overdue_accounts(store, TODAY)}
    assert rows[territory["pharmacy"]].win_back  # «Потерян»
    assert rows[territory["winback"]].win_back  # «Вернуть»
    assert not rows[territory["chain"]].win_back  # «Под угрозой»: overdue, not lost
