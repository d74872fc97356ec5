"""The card's sales chart: the last 12 complete months with a value axis, this month apart."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from kamdesk.services.card import load_overview
from kamdesk.services.card.overview import month_start
from kamdesk.store import Store
from kamdesk.ui.card.sales_chart import SalesChart, nice_step
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Language
from tests.services.card_factories import add_sales, make_account, make_product

TODAY = date(2026, 12, 3)
# The tooltip is a window of its own: the offscreen platform says it cannot raise it.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def test_the_last_twelve_complete_months_and_this_month_so_far(store: Store) -> None:
    account = make_account(store)
    product = make_product(store)
    add_sales(store, account, product, date(2025, 12, 1), "100.00", 1)  # 12 months back
    add_sales(store, account, product, date(2026, 11, 1), "300.00", 3)
    add_sales(store, account, product, date(2026, 12, 1), "50.00", 1)  # this month so far
    add_sales(store, account, product, date(2025, 11, 1), "200.00", 2)  # the year before
    overview = load_overview(store, account, TODAY)
    months = [m for m, _a in overview.monthly_sales]
    assert months[0] == date(2025, 12, 1) and months[-1] == date(2026, 11, 1)
    assert len(months) == 12 and month_start(TODAY) not in months
    assert overview.sales_12m == Decimal("400.00")
    assert overview.current_month == (date(2026, 12, 1), Decimal("50.00"))
    assert overview.trend == 1.0  # 400 against 200


def test_axis_steps_are_round() -> None:
    assert nice_step(413_190) == 200_000
    assert nice_step(9_000) == 5_000
    assert nice_step(0) == 1


def test_hovering_a_bar_tells_its_month_and_amount(
    qtbot: QtBot, switcher: LanguageSwitcher
) -> None:
    switcher.apply(Language.RUSSIAN)
    months = [(month_start(TODAY, back), Decimal(1000 * back)) for back in range(12, 0, -1)]
    chart = SalesChart(months, (month_start(TODAY), Decimal("500")))
    qtbot.addWidget(chart)
    chart.resize(460, 180)
    chart.show()
    qtbot.waitExposed(chart)
    assert len(chart.bars()) == 13 and chart.bars()[-1][2]  # the last bar is partial

    def hover(index: int) -> str:
        area = chart.rect().adjusted(64, 12, -4, -28)
        x = int(area.left() + (index + 0.5) * area.width() / 13)
        point = QPoint(x, area.center().y())
        event = QHelpEvent(QEvent.Type.ToolTip, point, chart.mapToGlobal(point))
        QApplication.sendEvent(chart, event)
        return QToolTip.text()

    assert hover(0) == "декабрь 2025: 12\u00a0000\u00a0₽"
    assert hover(12).startswith("декабрь 2026") and "500\u00a0₽" in hover(12)


def _axis_column_has_text(chart: SalesChart) -> bool:
    """Any text-coloured pixel where the value labels go (left of the bars)."""
    image = chart.grab().toImage()
    return any(
        image.pixelColor(x, y).lightness() < 200
        for x in range(56)
        for y in range(image.height() - 30)
    )


def test_a_client_with_no_sales_gets_no_invented_axis(
    qtbot: QtBot, switcher: LanguageSwitcher
) -> None:
    switcher.apply(Language.RUSSIAN)
    empty = [(month_start(TODAY, back), Decimal(0)) for back in range(12, 0, -1)]
    sold = [(month_start(TODAY, back), Decimal(1000 * back)) for back in range(12, 0, -1)]
    charts = []
    for months in (empty, sold):
        chart = SalesChart(months)
        qtbot.addWidget(chart)
        chart.resize(460, 180)
        chart.show()
        qtbot.waitExposed(chart)
        charts.append(chart)
    assert not charts[0].has_sales() and charts[1].has_sales()
    # «0 ₽ … 1 ₽» was drawn for a client who bought nothing; the chart says so instead.
    assert not _axis_column_has_text(charts[0])
    assert _axis_column_has_text(charts[1])
    assert charts[0].tr("No sales in these months") == "Продаж за эти месяцы не было"
