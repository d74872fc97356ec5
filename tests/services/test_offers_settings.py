"""Checking offer settings: requisites, the envelope table, the override, the logo copy."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from kamdesk.services.offers import (
    EnvelopeRow,
    OfferSettings,
    OfferSettingsError,
    Supplier,
    check_offer_settings,
    envelope_from_rows,
    envelope_rows,
    keep_logo,
)


def test_requisites_are_checked_only_when_filled() -> None:
    assert check_offer_settings(OfferSettings()) == {}
    supplier = Supplier(
        inn="7707083894", kpp="77070100", bik="04452522", account="4070", corr_account="4" * 20
    )
    problems = check_offer_settings(replace(OfferSettings(), supplier=supplier))
    assert set(problems) == {"inn", "kpp", "bik", "account", "corr_account"}
    assert "starts with 301" in str(problems["corr_account"])


def test_envelope_rows_round_trip() -> None:
    envelope = {
        "default": {"A": "10", "B": "7", "C": "5", "*": "5"},
        "groups": {"Кардиология": {"B": "8.5"}},
        "products": {"KM-75-100": {"*": "3"}},
    }
    rows = envelope_rows(envelope)
    assert [(r.scope, r.key) for r in rows] == [
        ("default", ""),
        ("groups", "Кардиология"),
        ("products", "KM-75-100"),
    ]
    assert envelope_from_rows(rows) == envelope
    rows[1].limits["B"] = "9,25 %"
    assert envelope_from_rows(rows)["groups"]["Кардиология"] == {"B": "9.25"}


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (EnvelopeRow("groups", "", {"A": "5"}), "name the product group"),
        (EnvelopeRow("groups", "Онкология", {"A": "5"}), "no product group"),
        (EnvelopeRow("products", "ZZ", {"A": "5"}), "no product with SKU"),
        (EnvelopeRow("groups", "Кардиология", {"A": "abc"}), "from 0 to 100"),
        (EnvelopeRow("groups", "Кардиология", {"A": "-1"}), "from 0 to 100"),
    ],
)
def test_bad_envelope_rows(row: EnvelopeRow, expected: str) -> None:
    rows = [EnvelopeRow("default", "", {"A": "10"}), row]
    problems = check_offer_settings(OfferSettings(), rows, {"Кардиология"}, {"KM-75-100"})
    assert expected in str(problems["envelope"])


def test_an_old_manager_override_is_read_and_forgotten() -> None:
    """Settings saved with the local «manager override» open; the override is gone."""
    old = OfferSettings.from_dict({"manager_override_by": "Волков Д. О.", "validity_days": 20})
    assert old.validity_days == 20 and "manager_override_by" not in old.to_dict()
    assert old.max_discount("X", "Y", "A") == Decimal("10")


def test_logo_is_kept_beside_the_store(store, tmp_path: Path) -> None:
    with pytest.raises(OfferSettingsError):
        keep_logo(store, tmp_path / "logo.gif")
    source = tmp_path / "logo.PNG"
    source.write_bytes(b"\x89PNG fake")
    kept = Path(keep_logo(store, source))
    assert kept.read_bytes() == source.read_bytes()
    assert kept.parent == store.path.parent / "attachments" / "logo"
    assert keep_logo(store, source) == str(kept)  # the same file is not copied twice
