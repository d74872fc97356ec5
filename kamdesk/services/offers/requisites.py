"""Checking the offer settings before they are saved: requisites, envelope, logo.

The Settings dialog sends the whole `OfferSettings` here first; when anything
is wrong it gets back a message per field and nothing is saved. The envelope is
edited as a table (`EnvelopeRow`: a scope, a key and one limit per ABC class)
and turned back into the dictionary `OfferSettings.envelope` keeps.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.offers.settings import ANY_CLASS, OfferSettings, Supplier
from kamdesk.services.validation import check_email, check_inn, check_kpp, check_phone
from kamdesk.store import Store

CLASSES = ("A", "B", "C", ANY_CLASS)
SCOPES = ("default", "groups", "products")
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


class OfferSettingsError(ValueError):
    """Settings refused; `messages` maps a field name (or "envelope") to what is wrong."""

    def __init__(self, messages: dict[str, Message]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in messages.items()))
        self.messages = messages


@dataclass
class EnvelopeRow:
    """One line of the envelope table: `limits` holds the typed text per class ("" unset)."""

    scope: str  # "default", "groups" or "products"
    key: str = ""  # the group or the SKU; empty for the default
    limits: dict[str, str] = field(default_factory=dict)


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def _digits(value: str, count: int) -> bool:
    return value.isdigit() and len(value) == count


def check_supplier(supplier: Supplier) -> dict[str, Message]:
    """What is wrong with the requisites typed so far (empty fields are not checked)."""
    s = supplier
    problems: dict[str, Message] = {}
    checks = {
        "inn": check_inn,
        "kpp": check_kpp,
        "email": check_email,
        "phone": check_phone,
    }
    for name, check in checks.items():
        value = str(getattr(s, name)).strip()
        problem = check(value) if value else None
        if problem is not None:
            problems[name] = problem
    if s.bik.strip() and not _digits(s.bik.strip(), 9):
        problems["bik"] = _msg(QT_TRANSLATE_NOOP("Offers", "the BIK must be 9 digits"))
    for name in ("account", "corr_account"):
        value = str(getattr(s, name)).strip()
        if value and not _digits(value, 20):
            problems[name] = _msg(QT_TRANSLATE_NOOP("Offers", "a bank account must be 20 digits"))
    if (
        "corr_account" not in problems
        and s.corr_account.strip()
        and not s.corr_account.strip().startswith("301")
    ):
        problems["corr_account"] = _msg(
            QT_TRANSLATE_NOOP("Offers", "a correspondent account starts with 301")
        )
    if s.logo_path and not Path(s.logo_path).is_file():
        problems["logo_path"] = _msg(
            QT_TRANSLATE_NOOP("Offers", "the logo file {path} is not there"), path=s.logo_path
        )
    return problems


def envelope_rows(envelope: dict[str, Any]) -> list[EnvelopeRow]:
    """The envelope as table rows: the default first, then groups, then SKUs, sorted."""
    default = envelope.get("default") or {}
    rows = [EnvelopeRow("default", "", {c: str(default.get(c, "")) for c in CLASSES})]
    for scope in ("groups", "products"):
        for key, table in sorted((envelope.get(scope) or {}).items()):
            rows.append(EnvelopeRow(scope, key, {c: str(table.get(c, "")) for c in CLASSES}))
    return rows


def _percent(text: str) -> Decimal | None:
    """A limit typed as «7», «7,5» or «7.5 %»; None if it is not a number."""
    cleaned = text.replace(",", ".").replace("%", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def check_envelope(
    rows: list[EnvelopeRow],
    known_groups: set[str] | None = None,
    known_skus: set[str] | None = None,
) -> dict[str, Message]:
    """The first problem in the table, as {"envelope": message} (empty when fine)."""
    seen: set[tuple[str, str]] = set()
    for number, row in enumerate(rows, start=1):
        key = row.key.strip()
        if row.scope != "default" and not key:
            text = QT_TRANSLATE_NOOP("Offers", "row {row}: name the product group or the SKU")
            return {"envelope": _msg(text, row=number)}
        if (row.scope, key) in seen:
            text = QT_TRANSLATE_NOOP("Offers", "row {row}: {key} is already in the table")
            return {"envelope": _msg(text, row=number, key=key)}
        seen.add((row.scope, key))
        known = known_groups if row.scope == "groups" else known_skus
        if row.scope != "default" and known is not None and key not in known:
            text = (
                QT_TRANSLATE_NOOP("Offers", "row {row}: there is no product group {key}")
                if row.scope == "groups"
                else QT_TRANSLATE_NOOP("Offers", "row {row}: there is no product with SKU {key}")
            )
            return {"envelope": _msg(text, row=number, key=key)}
        for text in row.limits.values():
            if not text.strip():
                continue
            value = _percent(text)
            if value is None or not Decimal(0) <= value <= Decimal(100):
                message = QT_TRANSLATE_NOOP(
                    "Offers", "row {row}: the discount must be from 0 to 100 %, not «{value}»"
                )
                return {"envelope": _msg(message, row=number, value=text)}
    return {}


def envelope_from_rows(rows: list[EnvelopeRow]) -> dict[str, Any]:
    """The `OfferSettings.envelope` dictionary of checked rows; empty cells are left out."""
    result: dict[str, Any] = {"default": {}, "groups": {}, "products": {}}
    for row in rows:
        limits = {}
        for abc in CLASSES:
            value = _percent(row.limits.get(abc, ""))
            if value is not None:
                limits[abc] = format(value.normalize(), "f")
        if row.scope == "default":
            result["default"] = limits
        elif limits:
            result[row.scope][row.key.strip()] = limits
    return {scope: table for scope, table in result.items() if table or scope == "default"}


def check_offer_settings(
    settings: OfferSettings,
    rows: list[EnvelopeRow] | None = None,
    known_groups: set[str] | None = None,
    known_skus: set[str] | None = None,
) -> dict[str, Message]:
    problems = check_supplier(settings.supplier)
    if settings.validity_days < 1:
        problems["validity_days"] = _msg(
            QT_TRANSLATE_NOOP("Offers", "the validity period must be at least one day")
        )
    if rows is not None:
        problems.update(check_envelope(rows, known_groups, known_skus))
    return problems


def logo_dir(store: Store) -> Path:
    """Logos are copied beside the store, so the PDF finds them after the original moves."""
    return store.path.parent / "attachments" / "logo"


def keep_logo(store: Store, source: Path) -> str:
    """Copy the chosen logo beside the store (named by its SHA-256); returns the copy's path."""
    if source.suffix.lower() not in LOGO_SUFFIXES or not source.is_file():
        raise OfferSettingsError(
            {"logo_path": _msg(QT_TRANSLATE_NOOP("Offers", "the logo must be a PNG or JPEG file"))}
        )
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = logo_dir(store) / f"{digest}{source.suffix.lower()}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return str(target)
