"""Who is calling: what the auth layer hands to every sync route."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal

Role = Literal["kam", "manager", "admin"]


@dataclass(frozen=True)
class Caller:
    user_id: uuid.UUID
    login: str
    name: str
    role: Role
    client_id: uuid.UUID
    laptop_code: str
