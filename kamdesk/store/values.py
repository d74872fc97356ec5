"""Turning column values into JSON for the change log."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any


def to_json_value(value: Any) -> Any:
    if isinstance(value, Enum):  # before str: StrEnum members are str too
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):  # a JSON column (kamdesk.models.office): keys are text
        return {str(key): to_json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_value(item) for item in value]
    raise TypeError(f"no JSON form for {type(value).__name__} in the change log")
