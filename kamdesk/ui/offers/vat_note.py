"""The editor's note on VAT that changed since the edition being edited (20 % → 22 %)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from kamdesk.services.offers import VatChange

# Texts as literal translate("Context", "…") calls: lupdate extracts no helper's text.
translate = QCoreApplication.translate


def rate_text(rate: Decimal | None) -> str:
    """«22 %», «10 %», «no VAT» in the window's language."""
    if rate is None:
        return translate("OfferVatNote", "no VAT")
    number = f"{rate.normalize():f}".replace(".", QLocale().decimalPoint())
    return f"{number} %"


def vat_note_text(changes: Sequence[VatChange]) -> str:
    """One line a change: «VAT 20 % → 22 % from 01.01.2026: Маска медицинская»."""
    groups: dict[tuple[Decimal | None, Decimal | None, object], list[str]] = {}
    for change in changes:
        groups.setdefault((change.old_rate, change.new_rate, change.since), []).append(change.title)
    lines = []
    for (old, new, since), titles in groups.items():
        if since is not None:
            text = translate("OfferVatNote", "VAT %1 → %2 from %3: %4").replace(
                "%3", f"{since:%d.%m.%Y}"
            )
        else:
            text = translate("OfferVatNote", "VAT %1 → %2, as the catalogue now says: %4")
        lines.append(
            text.replace("%1", rate_text(old))
            .replace("%2", rate_text(new))
            .replace("%4", "; ".join(titles))
        )
    return "\n".join(lines)
