"""The Analytics section's «Ключевые клиенты» block, as a KAM opens it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.account_status import month_end
from kamdesk.models import Account, Product, SalesRecord
from kamdesk.services.classification import window_months
from kamdesk.store import Store
from kamdesk.ui.analytics import AnalyticsPage
from kamdesk.ui.formatting import format_date, format_money
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner


def _sell(store: Store, territory: dict[str, Any], amounts: dict[str, int]) -> None:
    """One month's sales in the analysis window; the pharmacy joins the chain."""
    month = window_months(date.today(), 12)[-1]
    with store.transaction() as session:
        product = Product(sku="API-5", inn_name="Апиксабан", trade_name="Апиксан")
        session.add(product)
        session.flush()
        pharmacy = session.get(Account, territory["pharmacy"])
        assert pharmacy is not None
        pharmacy.parent_id = territory["chain"]
        for name, amount in amounts.items():
            session.add(
                SalesRecord(
                    account_id=territory[name],
                    product_id=product.id,
                    month=month,
                    quantity=1,
                    amount=Decimal(amount),
                )
            )


def _rows(page: AnalyticsPage) -> list[list[str]]:
    model = page.table.model()
    return [
        [str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole)) for column in range(5)]
        for row in range(model.rowCount())
    ]


def test_the_key_clients_block_shows_shares_verdict_and_mono_dependence(
    qtbot: QtBot,
    store: Store,
    territory: dict[str, Any],
    window: MainWindow,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    # 600 000 + 300 000 (the pharmacy, counted to its chain) + 100 000 = 1 000 000 ₽.
    _sell(store, territory, {"hospital": 600_000, "pharmacy": 300_000, "distributor": 100_000})
    qtbot.mouseClick(window.section_button(SectionKey.ANALYTICS), Qt.MouseButton.LeftButton)
    page = window.section_page(SectionKey.ANALYTICS)
    assert isinstance(page, AnalyticsPage)
    wait_idle(tasks)
    assert page.title.text() == "Key clients"
    # The period ends on a day, as a KAM says it («по 30.11.2026»), not «по конец 11.2026».
    months = window_months(date.today(), 12)
    assert page.period.text() == (
        f"Sales without VAT from {format_date(months[0])} to "
        f"{format_date(month_end(months[-1]))}: {format_money(Decimal(1_000_000))}"
    )
    rows = _rows(page)
    by_name = {row[0]: row for row in rows}
    assert by_name["ГБУЗ «Областная клиническая больница»"][2] == "60.0%"
    chain = by_name["Аптечная сеть «Вита»"]
    assert chain[2] == "30.0%" and chain[4] == "1"  # the pharmacy's sales in the chain's
    assert by_name["АО «Протек», тверской филиал"][2] == "10.0%"  # key by definition
    assert "Аптека «Вита» № 12" not in by_name  # counted in its chain
    assert [row[0] for row in rows][:3] == [
        "ГБУЗ «Областная клиническая больница»",
        "Аптечная сеть «Вита»",
        "АО «Протек», тверской филиал",
    ]
    # Every buyer is key (100 %), plus the ministry typed Имиджмейкер with no sales.
    assert "bring 100.0% of your sales" in page.summary.text()
    assert "above the usual 30–55%" in page.summary.text()
    assert page.warnings.isVisibleTo(page)
    assert "mono-dependence: the key clients bring 100.0 % of your sales, above 75.0 %" in (
        page.warnings.text()
    )


def test_a_spread_portfolio_has_no_warning(
    qtbot: QtBot,
    store: Store,
    territory: dict[str, Any],
    window: MainWindow,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    with store.transaction() as session:  # no typed key clients: only the figures decide
        for account in session.scalars(select(Account)):
            account.client_type = None
    _sell(store, territory, {"hospital": 400_000, "distributor": 300_000, "winback": 300_000})
    qtbot.mouseClick(window.section_button(SectionKey.ANALYTICS), Qt.MouseButton.LeftButton)
    page = window.section_page(SectionKey.ANALYTICS)
    assert isinstance(page, AnalyticsPage)
    wait_idle(tasks)
    assert len(_rows(page)) == 3
    assert "3 key clients bring 100.0%" in page.summary.text()
