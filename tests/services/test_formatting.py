"""One formatter for the window and every document: Russian and English rules, one rounding."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from kamdesk.services import formatting as f

NB = "\u00a0"


def test_russian_numbers_money_and_percent() -> None:
    assert f.money(Decimal("2810000")) == f"2{NB}810{NB}000,00{NB}₽"
    assert f.money(Decimal("1234567.5"), kopecks=False) == f"1{NB}234{NB}568{NB}₽"
    assert f.money(Decimal("-1000")) == f"-1{NB}000,00{NB}₽"
    assert f.number(470) == "470" and f.number(12.5, 1) == "12,5"
    assert f.percent(95) == f"95{NB}%" and f.percent(Decimal("12.50")) == f"12,5{NB}%"
    assert f.money(None) == "" and f.percent(None) == "" and f.share(None) == ""


def test_english_rules() -> None:
    assert f.money(Decimal("1234567.5"), "en") == "₽1,234,567.50"
    assert f.percent(95, "en") == "95%"
    assert f.day(date(2026, 3, 5), "en") == "5 Mar 2026"
    assert f.moment(datetime(2026, 3, 5, 9, 30), "ru") == "05.03.2026 09:30"


def test_one_of_eight_rounds_half_up_as_a_spreadsheet_does() -> None:
    assert f.share(1 / 8) == f"13{NB}%"
    assert f.share_value(1 / 8) == 0.13
    assert f.share(1 / 8, decimals=1) == f"12,5{NB}%"
    assert f.share(7 / 8) == f"88{NB}%"


def test_phones_keep_their_area_code() -> None:
    assert f.phone("+74822771668") == "8 (4822) 77-16-68"  # Tver
    assert f.phone("+74951234567") == "8 (495) 123-45-67"
    assert f.phone("+79038700706") == "8 (903) 870-07-06"
    assert f.phone("+74822771668", "en") == "+7 4822 77-16-68"
    assert f.phone("+4930123456", "ru").startswith("+49 30")
    assert f.phone("не номер") == "не номер" and f.phone(None) == ""


def test_tver_district_towns_have_five_digit_codes() -> None:
    """A KAM of the Tver region types the numbers as they are printed on a letterhead
    («8 (48236) 2-15-30» in Кимры); the card, its timeline and the documents show them
    the same way, with the district's code, not phonenumbers' «8 (482) 362-15-30»."""
    from kamdesk.services.validation import normalize_phone

    typed = {
        "8 (48236) 2-15-30": ("8 (48236) 2-15-30", "+7 48236 2-15-30"),  # Кимры
        "8 48242 4-93-11": ("8 (48242) 4-93-11", "+7 48242 4-93-11"),  # Конаково
        "+7 (48232) 2-27-83": ("8 (48232) 2-27-83", "+7 48232 2-27-83"),  # Ржев
        "8 (4822) 34-58-01": ("8 (4822) 34-58-01", "+7 4822 34-58-01"),  # Тверь itself
    }
    for text, (russian, english) in typed.items():
        stored = normalize_phone(text)
        assert f.phone(stored) == russian, text
        assert f.phone(stored, "en") == english, text
    # Mobiles and other zones are as before.
    assert f.phone("+79106470011") == "8 (910) 647-00-11"
    assert f.phone("+74852301122") == "8 (4852) 30-11-22"  # Ярославль: no table, four digits


def test_typed_numbers_read_back() -> None:
    assert f.parse_number(f.money(Decimal("2810000"))) == Decimal("2810000.00")
    assert f.parse_number("1 234,5") == Decimal("1234.5")
    assert f.parse_number("abc") is None


def test_an_extension_is_shown_after_the_number() -> None:
    assert f.phone("+74822302693;ext=15") == "8 (4822) 30-26-93 доб. 15"
    assert f.phone("+74822302693;ext=15", "en") == "+7 4822 30-26-93 ext. 15"
    assert f.phone("+79161234567;ext=2") == "8 (916) 123-45-67 доб. 2"
