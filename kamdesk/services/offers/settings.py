"""What offers need from settings: the supplier's letterhead, validity, the discount envelope,
and the supplier's tax system (`vat_regime`: only a supplier on УСН charges 5 % or 7 %).

Those four are office data (kamdesk.services.offers.office): read from the office's
rows when they exist, changed only by a manager or an admin (or on a laptop never
enrolled). The laptop's code and the logo file stay the laptop's own (app_settings).

The discount envelope is the largest discount a KAM may give without the
manager's approval. It is looked up most specific first: the product's SKU,
then its product group, then the default; within each, the account's ABC class
("A", "B", "C"), then "*" for any class.

The envelope also holds the longest payment deferral (`deferral_days`, days by the
account's ABC class, then "*"): deferral is a concession like a discount (field guide
§5), so an offer above it needs the manager's approval too. An envelope without it
allows no deferral without approval.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from typing import Any, Self

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import AppSetting, utcnow
from kamdesk.services.offers.office import SUPPLIER, read_office_values, write_office_values
from kamdesk.services.products.vat import VatRegime, parse_regime
from kamdesk.store import Store

OFFERS_KEY = "offers"
ANY_CLASS = "*"
DEFERRAL = "deferral_days"  # the envelope's key for the longest payment deferral


@dataclass(frozen=True)
class Supplier:
    """The letterhead and the requisites Russian documents must carry."""

    name: str = ""
    inn: str = ""
    kpp: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    bank_name: str = ""
    bik: str = ""
    account: str = ""  # расчётный счёт
    corr_account: str = ""  # корреспондентский счёт
    logo_path: str = ""
    signer_name: str = ""
    signer_title: str = ""

    def missing(self) -> list[tuple[str, Message]]:
        """Requisites that must be filled before a finished PDF can be made."""
        required = {
            "name": QT_TRANSLATE_NOOP("Offers", "the supplier's name"),
            "inn": QT_TRANSLATE_NOOP("Offers", "the supplier's INN"),
            "kpp": QT_TRANSLATE_NOOP("Offers", "the supplier's KPP"),
            "address": QT_TRANSLATE_NOOP("Offers", "the supplier's address"),
            "bank_name": QT_TRANSLATE_NOOP("Offers", "the supplier's bank"),
            "bik": QT_TRANSLATE_NOOP("Offers", "the bank's BIK"),
            "account": QT_TRANSLATE_NOOP("Offers", "the settlement account"),
            "signer_name": QT_TRANSLATE_NOOP("Offers", "who signs the offer"),
        }
        return [
            (name, Message("Offers", text))
            for name, text in required.items()
            if not str(getattr(self, name)).strip()
        ]


@dataclass(frozen=True)
class OfferSettings:
    validity_days: int = 30
    supplier: Supplier = field(default_factory=Supplier)
    # {"default": {"A": "10", "*": "5"}, "groups": {group: {...}}, "products": {sku: {...}},
    #  "deferral_days": {"A": 60, "*": 30}}
    envelope: dict[str, Any] = field(
        default_factory=lambda: {
            "default": {"A": "10", "B": "7", "C": "5", ANY_CLASS: "5"},
            DEFERRAL: {"A": 60, "B": 45, "C": 30, ANY_CLASS: 30},
        }
    )
    device_code: str = ""  # office-assigned; empty: derived from the client id
    vat_regime: str = VatRegime.GENERAL.value  # a VatRegime value

    @property
    def regime(self) -> VatRegime:
        return parse_regime(self.vat_regime)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if isinstance(values.get("supplier"), dict):
            supplier_known = {f.name for f in fields(Supplier)}
            values["supplier"] = Supplier(
                **{k: v for k, v in values["supplier"].items() if k in supplier_known}
            )
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def max_discount(self, sku: str, group: str, abc_class: str | None) -> Decimal:
        """The envelope for one product at an account of `abc_class`."""
        for scope, key in (("products", sku), ("groups", group)):
            table = self.envelope.get(scope, {}).get(key)
            found = _lookup(table, abc_class)
            if found is not None:
                return found
        found = _lookup(self.envelope.get("default"), abc_class)
        return found if found is not None else Decimal(0)

    def max_deferral(self, abc_class: str | None) -> int:
        """The longest payment deferral (days) at an account of `abc_class`; 0 when the
        envelope names none (every deferral then needs approval)."""
        found = _lookup(self.envelope.get(DEFERRAL), abc_class)
        if found is None or found < 0:
            return 0
        return int(found)


def _lookup(table: dict[str, Any] | None, abc_class: str | None) -> Decimal | None:
    if not table:
        return None
    for key in (abc_class or "", ANY_CLASS):
        if key in table:
            return Decimal(str(table[key]))
    return None


def load_offer_settings(store: Store) -> OfferSettings:
    """The laptop's settings with the office's rows laid over them (where they exist)."""
    with store.session() as session:
        row = session.get(AppSetting, OFFERS_KEY)
        local: dict[str, Any] = dict(row.value or {}) if row is not None else {}
        office = read_office_values(session)
    values = {**local, **office}
    if isinstance(office.get(SUPPLIER), dict):
        local_supplier = local.get(SUPPLIER)
        if not isinstance(local_supplier, dict):
            local_supplier = {}
        values[SUPPLIER] = {**office[SUPPLIER], "logo_path": local_supplier.get("logo_path", "")}
    return OfferSettings.from_dict(values)


def _canonical(name: str, value: Any) -> Any:
    """A stored office value in the form `OfferSettings.to_dict()` gives it."""
    try:
        return OfferSettings.from_dict({name: value}).to_dict()[name]
    except (TypeError, ValueError):
        return value


def load_vat_regime(store: Store) -> VatRegime:
    return load_offer_settings(store).regime


def save_offer_settings(store: Store, settings: OfferSettings) -> None:
    """Save the laptop's part, and the office's part where it changed (in one transaction).

    Raises OfficeSettingsReadOnly on a KAM's laptop when the office's part changed;
    then nothing is saved."""
    if settings.validity_days < 1:
        raise ValueError("the validity period must be at least one day")
    values = settings.to_dict()
    with store.transaction() as session:
        write_office_values(session, values, _canonical)
        row = session.get(AppSetting, OFFERS_KEY)
        if row is None:
            session.add(AppSetting(key=OFFERS_KEY, value=values, updated_at=utcnow()))
        else:
            row.value = values
            row.updated_at = utcnow()
