from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamdesk.services.validation import (
    check_email,
    check_inn,
    check_kpp,
    check_phone,
    format_phone,
    inn_check_digits,
    normalize_phone,
)


@pytest.mark.parametrize(
    "inn",
    [
        "7707083893",  # ПАО Сбербанк
        "7736207543",  # ООО «Яндекс»
        "500100732259",  # an individual
    ],
)
def test_real_inns_pass(inn: str) -> None:
    assert check_inn(inn) is None


@pytest.mark.parametrize(
    ("inn", "reason"),
    [
        ("7707083894", "check digit"),
        ("500100732258", "check digit"),
        ("770708389", "10 digits"),
        ("77070838931", "10 digits"),
        ("77070A3893", "10 digits"),
        ("", "10 digits"),
    ],
)
def test_bad_inns_say_what_is_wrong(inn: str, reason: str) -> None:
    problem = check_inn(inn)
    assert problem is not None and reason in str(problem)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_completed_organisation_inns_always_validate(first_nine: str) -> None:
    assert check_inn(first_nine + inn_check_digits(first_nine)) is None


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_completed_personal_inns_always_validate(first_ten: str) -> None:
    assert check_inn(first_ten + inn_check_digits(first_ten)) is None


def test_kpp() -> None:
    assert check_kpp("773601001") is None
    assert check_kpp("7736AB001") is None
    assert check_kpp("77360100") is not None
    assert check_kpp("77360100X") is not None


def test_email() -> None:
    assert check_email("zakupki@gkb5.ru") is None
    assert check_email("главврач@больница.рф") is None
    problem = check_email("zakupki.gkb5.ru")
    assert problem is not None and "zakupki.gkb5.ru" in str(problem)


@pytest.mark.parametrize("typed", ["8 (4822) 34-56-78", "+7 4822 345678", "84822345678"])
def test_russian_phones_typed_any_usual_way_become_e164(typed: str) -> None:
    assert normalize_phone(typed) == "+74822345678"


def test_phone_display_and_rejection() -> None:
    assert format_phone("+79161234567") == "+7 916 123-45-67"
    assert check_phone("12-34") is not None
    with pytest.raises(ValueError, match="12-34"):
        normalize_phone("12-34")


@pytest.mark.parametrize(
    "typed",
    [
        "8 (4822) 30-26-93 доб. 15",
        "8 4822 302693 доб 15",
        "+7 4822 302693 ext. 15",
        "84822302693#15",
    ],
)
def test_an_extension_is_kept_with_the_number(typed: str) -> None:
    assert normalize_phone(typed) == "+74822302693;ext=15"
