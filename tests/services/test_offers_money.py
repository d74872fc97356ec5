"""Offer arithmetic on hand-checked examples, the rounding rules, and amounts in words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamdesk.services.offers import amount_in_words, format_money, line_figures, totals

D = Decimal


@pytest.mark.parametrize(
    ("qty", "price", "disc", "vat", "discounted", "net", "discount", "vat_amount", "total"),
    [
        # 3 × 123,45 = 370,35; VAT 37,035 → 37,04 (half up)
        (3, "123.45", "0", "10", "123.45", "370.35", "0.00", "37.04", "407.39"),
        # 89,90 × 0,875 = 78,6625 → 78,66; × 7 = 550,62; 629,30 − 550,62 = 78,68; VAT 55,062 → 55,06
        (7, "89.90", "12.5", "10", "78.66", "550.62", "78.68", "55.06", "605.68"),
        # half a kopeck rounds up in the discounted price: 0,025 → 0,03; VAT 0,003 → 0,00
        (1, "0.05", "50", "10", "0.03", "0.03", "0.02", "0.00", "0.03"),
        # VAT 1,005 → 1,01 (half up, not banker's 1,00)
        (1, "10.05", "0", "10", "10.05", "10.05", "0.00", "1.01", "11.06"),
        # 20 % VAT on goods: 45,67 × 0,2 = 9,134 → 9,13
        (1, "45.67", "0", "20", "45.67", "45.67", "0.00", "9.13", "54.80"),
        # 100 % discount: a free line
        (5, "310.00", "100", "20", "0.00", "0.00", "1550.00", "0.00", "0.00"),
    ],
)
def test_line_figures_hand_checked(
    qty, price, disc, vat, discounted, net, discount, vat_amount, total
):
    figures = line_figures(qty, D(price), D(disc), D(vat))
    assert figures.discounted_price == D(discounted)
    assert figures.net == D(net)
    assert figures.discount == D(discount)
    assert figures.vat == D(vat_amount)
    assert figures.total == D(total)


def test_totals_are_sums_of_lines_with_vat_by_rate():
    lines = [
        line_figures(3, D("123.45"), D(0), D(10)),
        line_figures(7, D("89.90"), D("12.5"), D(10)),
        line_figures(1, D("45.67"), D(0), D(20)),
    ]
    result = totals(lines)
    assert result.net == D("370.35") + D("550.62") + D("45.67")
    assert result.vat == D("37.04") + D("55.06") + D("9.13")
    assert result.total == D("407.39") + D("605.68") + D("54.80")
    assert result.discount == D("78.68")
    assert result.vat_by_rate == ((D(10), D("92.10")), (D(20), D("9.13")))


money = st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2)
percent = st.decimals(min_value=D(0), max_value=D(100), places=2)


@given(st.integers(1, 10_000), money, percent, st.sampled_from([D(0), D(10), D(20)]))
def test_line_invariants(qty, price, disc, vat):
    f = line_figures(qty, price, disc, vat)
    assert f.net == f.discounted_price * qty
    assert f.net + f.discount == price * qty
    assert f.total == f.net + f.vat
    assert abs(f.vat - f.net * vat / 100) <= D("0.005")
    for value in (f.net, f.vat, f.total, f.discount):
        assert value == value.quantize(D("0.01"))


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("123456.78", "Сто двадцать три тысячи четыреста пятьдесят шесть рублей 78 копеек"),
        ("1.01", "Один рубль 01 копейка"),
        ("2.02", "Два рубля 02 копейки"),
        ("11.11", "Одиннадцать рублей 11 копеек"),
        ("21.00", "Двадцать один рубль 00 копеек"),
        ("1000000.00", "Один миллион рублей 00 копеек"),
        ("0.55", "Ноль рублей 55 копеек"),
    ],
)
def test_amount_in_words(amount, words):
    assert amount_in_words(D(amount)) == words


def test_format_money():
    assert format_money(D("1234567.8")) == "1\u00a0234\u00a0567,80"
    assert format_money(D("0.5"), " ") == "0,50"
    assert format_money(D("-1000")) == "-1\u00a0000,00"
