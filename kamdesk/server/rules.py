"""What the office refuses whatever the conflict rules say: state machines and approvals.

A submitted visit report is never rewritten (addenda correct it); an offer that was
accepted, rejected or expired never goes back to draft; a discount is approved or
rejected only by the manager of the offer's owner (or an admin), never by its KAM.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from kamdesk.server.context import Caller
from kamdesk.sync.protocol import ENTITIES, OFFICE_BUCKET, Operation, RejectCode

# Columns the laptop's change log fills by itself: applied as sent, never a conflict.
BOOKKEEPING = frozenset({"created_at", "updated_at", "revision", "deleted_at"})
# Kept off the office's copy: the laptop learns the office version from WireRow.version.
NOT_STORED = frozenset({"server_version"})
# What a manager may write in the team's accounts: the answer to an approval request.
APPROVAL_FIELDS = frozenset(
    {"approval_status", "approval_comment", "approved_by", "approved_by_id", "approved_at"}
)
APPROVER_FIELDS = frozenset({"approved_by", "approved_by_id", "approved_at"})
DECISIONS = frozenset({"approved", "rejected"})
CLOSED_OFFER = frozenset({"accepted", "rejected", "expired"})


@dataclass(frozen=True)
class Refusal:
    code: RejectCode
    reason: str  # for people, in Russian


def permission_refusal(entity: str) -> Refusal:
    """PERMISSION, saying why when the row is office data (a KAM editing the catalogue or
    the offer settings: the envelope a KAM works within is not theirs to widen)."""
    if entity == "office_settings":
        return Refusal(
            RejectCode.PERMISSION,
            "Реквизиты, срок действия КП, конверт скидок и систему налогообложения задаёт "
            "офис: изменить их может руководитель или администратор.",
        )
    spec = ENTITIES.get(entity)
    if spec is not None and spec.parent == OFFICE_BUCKET:
        return Refusal(
            RejectCode.PERMISSION,
            "Каталог и справочники офиса меняют только руководитель или администратор.",
        )
    return Refusal(RejectCode.PERMISSION, "Нет права изменять эти данные.")


def new_account_refusal() -> Refusal:
    """PERMISSION for a client created by someone who is not a KAM (a manager): the office
    grants a new account to the KAM who creates it; a manager writes approval answers."""
    return Refusal(
        RejectCode.PERMISSION,
        "Новых клиентов заводят КАМ: руководитель видит клиентов команды и согласует "
        "скидки. Попросите КАМ территории завести этого клиента.",
    )


def _storable(value: Any) -> bool:
    """JSON the office databases keep as sent: no NaN or infinity, no NUL character
    (PostgreSQL refuses both in JSONB and text)."""
    if isinstance(value, str):
        return "\x00" not in value
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_storable(key) and _storable(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_storable(item) for item in value)
    return value is None or isinstance(value, (bool, int))


def storable_copy(value: Any) -> Any:
    """A rejected payload in a form the databases keep: NUL written as the six
    characters \\u0000, NaN and infinity as text, so nothing of it is dropped."""
    if isinstance(value, str):
        return value.replace("\x00", "\\u0000")
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {storable_copy(key): storable_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable_copy(item) for item in value]
    return value


def value_refusal(fields: dict[str, Any], base: dict[str, Any]) -> Refusal | None:
    """INVALID when a value is not in the wire format's JSON form."""
    try:  # one pass in C: NaN and infinity raise, a NUL comes out as \u0000
        text = json.dumps([fields, base], allow_nan=False)
    except (ValueError, TypeError):
        text = None
    if text is not None and "\\u0000" not in text:
        return None
    if text is not None and _storable(fields) and _storable(base):
        return None  # only the six characters \u0000 were typed
    return Refusal(RejectCode.INVALID, "Значение не в формате обмена (NaN или символ NUL).")


def state_refusal(
    entity: str, operation: Operation, current: dict[str, Any] | None, fields: dict[str, Any]
) -> Refusal | None:
    """A change the entity's state machine does not allow, or None."""
    if current is None:
        return None
    if entity == "visit_reports" and current.get("submitted_at"):
        return Refusal(
            RejectCode.STATE,
            "Отчёт о визите уже отправлен руководителю: его не изменить, только дополнить.",
        )
    if entity == "offers" and operation is not Operation.DELETE:
        old = current.get("status")
        if old in CLOSED_OFFER and fields.get("status", old) == "draft":
            return Refusal(
                RejectCode.STATE,
                "Принятое, отклонённое или истёкшее предложение нельзя вернуть в черновик.",
            )
    if entity == "offers" and operation is Operation.DELETE and current.get("status") == "accepted":
        return Refusal(RejectCode.STATE, "Принятое клиентом предложение нельзя удалить.")
    return None


def decides_approval(current: dict[str, Any] | None, fields: dict[str, Any]) -> bool:
    """Whether the change approves or rejects a discount (or signs as the approver)."""
    before = current or {}
    changed = {
        name: value
        for name, value in fields.items()
        if name in APPROVAL_FIELDS and before.get(name) != value
    }
    if changed.get("approval_status") in DECISIONS:
        return True
    return any(changed.get(name) not in (None, "") for name in APPROVER_FIELDS)


def approval_refusal(
    caller: Caller, current: dict[str, Any] | None, fields: dict[str, Any], manages_owner: bool
) -> Refusal | None:
    """own_approval when someone other than the owner's manager (or an admin) decides."""
    if not decides_approval(current, fields):
        return None
    if caller.role == "admin" or (caller.role == "manager" and manages_owner):
        return None
    return Refusal(
        RejectCode.OWN_APPROVAL,
        "Скидку согласует руководитель автора предложения: свою скидку не утверждают сами.",
    )


def approval_only(operation: Operation, entity: str, fields: dict[str, Any]) -> bool:
    """A change that only answers an approval request (what a manager may write)."""
    if entity != "offers" or operation is not Operation.UPDATE:
        return False
    return all(name in APPROVAL_FIELDS or name in BOOKKEEPING for name in fields)
