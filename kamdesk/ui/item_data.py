"""Finding a combo box's item by the value it carries, compared by value.

PySide6 keeps a Python value that has no Qt type (`uuid.UUID`, `Decimal`, a
dataclass) as an opaque object, and `QComboBox.findData` compares such objects
by identity: looking up `uuid.UUID(s)` gives -1 for an equal UUID that is a
different object. That is how «Новое КП» opened locked to another client and
how selecting a contact erased whom they report to. Every combo box in KAMdesk
looks its items up here instead (`findData` is not used in `kamdesk/ui`).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

USER_ROLE = Qt.ItemDataRole.UserRole


def same_value(item: Any, value: Any) -> bool:
    """Equal as Python values; `True` is not `1` and `None` matches only `None`."""
    if item is None or value is None:
        return item is value
    if isinstance(item, bool) != isinstance(value, bool):
        return False
    try:
        return bool(item == value)
    except Exception:  # an odd __eq__ (e.g. arrays) is simply "not this item"
        return False


def index_of_data(combo: QComboBox, value: Any, role: int = USER_ROLE) -> int:
    """The first item whose data equals `value`, or -1."""
    for index in range(combo.count()):
        if same_value(combo.itemData(index, role), value):
            return index
    return -1


def select_data(combo: QComboBox, value: Any, unknown_text: str | None = None) -> int:
    """Make the item carrying `value` current and return its index.

    A stored value the list does not offer (the boss was removed, an offer
    expired, a VAT rate no longer sold) is kept: an item showing it is added and
    chosen, so storing the form again never replaces it behind the user's back.
    `None` with no `None` item selects the first item, as an empty form does.
    """
    index = index_of_data(combo, value)
    if index < 0 and value is not None:
        combo.addItem(unknown_text or _unknown_label(value), value)
        index = combo.count() - 1
    if index < 0:
        index = 0 if combo.count() else -1
    combo.setCurrentIndex(index)
    return index


def _unknown_label(value: Any) -> str:
    if isinstance(value, uuid.UUID):
        return QCoreApplication.translate("ItemData", "(no longer in the list)")
    return str(value)
