"""The sync wire format, version 1: the public contract between laptops and the office.

Both sides import these models: the server (FastAPI) validates requests with
them and the laptop builds its requests from them. Entity names are the
laptop's table names and field names its column names, chosen on purpose and
frozen by `tests/sync/test_protocol_contract.py`: renaming a column is a
protocol change. Values are JSON: Decimal as a string ("1234.50"), datetimes as
ISO 8601 in UTC, dates as ISO dates, UUIDs as 32 hex digits, enums as their
value. See docs/sync.md.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# 2: a pull's last page lists rows moved away to an account the laptop cannot read
# (`PullResponse.moved_away`); a laptop of protocol 1 would refuse that answer.
PROTOCOL_VERSION = 2
API_PREFIX = "/sync/v1"
# Bounded batches: a push carries at most this many changes, a pull page at most
# PULL_PAGE_MAX rows, so no request runs for minutes on a slow line.
PUSH_BATCH_MAX = 500
PULL_PAGE_MAX = 2000

OFFICE_BUCKET = "office"


def account_bucket(account_id: uuid.UUID | str) -> str:
    """The bucket of an account and of everything that belongs to it."""
    hex_id = account_id.hex if isinstance(account_id, uuid.UUID) else uuid.UUID(account_id).hex
    return f"account:{hex_id}"


class Operation(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"


class Outcome(StrEnum):
    APPLIED = "applied"  # applied as sent
    MERGED = "merged"  # applied; a long text was merged with another edit, or a value lost
    REJECTED = "rejected"  # permanent: not applied, the payload is kept in sync issues


class RejectCode(StrEnum):
    PERMISSION = "permission"  # the bucket is not granted, or the role may not write it
    DELETED = "deleted"  # an edit to a row deleted on the office (delete wins)
    STATE = "state"  # an invalid state change (a submitted report, an accepted offer)
    INVALID = "invalid"  # unknown entity or field, wrong value form, missing parent
    OWN_APPROVAL = "own_approval"  # nobody approves their own discount


@dataclass(frozen=True)
class EntitySpec:
    """How the office files an entity: its bucket and its long-text fields.

    `parent` names the column that leads to the row the bucket is taken from
    (None: the row is an account and is its own bucket; OFFICE: the catalogue,
    people and other office data, which only managers and admins change).
    """

    parent: tuple[str, str] | Literal["office"] | None
    text_fields: frozenset[str] = field(default_factory=frozenset)


def _texts(*names: str) -> frozenset[str]:
    return frozenset(names)


ENTITIES: dict[str, EntitySpec] = {
    "accounts": EntitySpec(
        None,
        _texts(
            "qual_need_note", "qual_pay_note", "qual_authority_note", "loss_note", "win_back_means"
        ),
    ),
    "account_dossiers": EntitySpec(
        ("account_id", "accounts"),
        _texts(
            "activity",
            "history",
            "structure",
            "environment",
            "financials",
            "needs",
            "plans",
            "worries",
            "general_notes",
            "relationship_outlook",
            "history_notes",
            "dmu_notes",
            "competitors_notes",
        ),
    ),
    "relationship_events": EntitySpec(
        ("account_id", "accounts"), _texts("description", "result_reason", "resolution")
    ),
    "account_competitors": EntitySpec(
        ("account_id", "accounts"), _texts("products", "terms", "strength", "notes")
    ),
    "contacts": EntitySpec(("account_id", "accounts"), _texts("notes")),
    "contact_personal": EntitySpec(
        ("contact_id", "contacts"),
        _texts(
            "education",
            "previous_jobs",
            "military_service",
            "family",
            "hobbies",
            "current_concerns",
            "topics_to_avoid",
            "notes",
        ),
    ),
    "visits": EntitySpec(
        ("account_id", "accounts"),
        _texts(
            "objective",
            "agenda",
            "questions",
            "materials",
            "target_result",
            "walk_away_point",
            "concessions",
            "cancel_reason",
        ),
    ),
    "visit_attendees": EntitySpec(("visit_id", "visits")),
    "visit_products": EntitySpec(("visit_id", "visits")),
    "checklist_item_states": EntitySpec(("visit_id", "visits"), _texts("note")),
    "visit_reports": EntitySpec(
        ("visit_id", "visits"),
        _texts("outcome", "agreements", "objections_heard", "questions_asked", "notes"),
    ),
    "visit_report_addenda": EntitySpec(("report_id", "visit_reports"), _texts("text")),
    "follow_up_tasks": EntitySpec(("account_id", "accounts"), _texts("details")),
    "offers": EntitySpec(
        ("account_id", "accounts"),
        _texts("delivery_terms", "payment_terms", "benefit", "exclusivity"),
    ),
    "offer_lines": EntitySpec(("offer_id", "offers")),
    "offer_addressees": EntitySpec(("offer_id", "offers"), _texts("arguments")),
    "offer_team_members": EntitySpec(("offer_id", "offers")),
    "offer_annexes": EntitySpec(("offer_id", "offers")),
    "offer_status_changes": EntitySpec(("offer_id", "offers"), _texts("note")),
    "sales_records": EntitySpec(("account_id", "accounts")),
    "territories": EntitySpec("office"),
    "users": EntitySpec("office"),
    "products": EntitySpec("office", _texts("description")),
    "price_lists": EntitySpec("office"),
    "price_list_items": EntitySpec("office"),
    "key_messages": EntitySpec("office", _texts("text")),
    "objection_answers": EntitySpec("office", _texts("objection", "answer")),
    "product_comparisons": EntitySpec("office", _texts("our_advantages", "their_advantages")),
    # The letterhead, validity, discount envelope and tax system, one row per setting.
    "office_settings": EntitySpec("office"),
}


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ServerInfo(_Message):
    """GET /sync/v1/info, no login needed: what the office accepts."""

    protocols: list[int]
    schema_versions: list[str]
    server_epoch: str  # changes when the office database is restored from a backup


class EnrolRequest(_Message):
    """POST /sync/v1/enrol: a login on one laptop; gives that laptop a token."""

    login: str
    password: str
    client_id: uuid.UUID  # the laptop's own id; the office may answer with another
    device_name: str = Field(default="", max_length=200)
    protocol: int = PROTOCOL_VERSION
    schema_version: str


class EnrolledUser(_Message):
    id: uuid.UUID
    login: str
    role: Literal["kam", "manager", "admin"]
    name: str  # «Фамилия Имя Отчество»
    manager_id: uuid.UUID | None = None


class EnrolResponse(_Message):
    token: str  # sent as "Authorization: Bearer <token>"; revocable per laptop
    # Equal to the request's unless that id is already enrolled elsewhere (a store
    # file copied to a second laptop): then the laptop takes this one.
    client_id: uuid.UUID
    laptop_code: str  # used in offer numbers; unique in the office
    user: EnrolledUser
    server_epoch: str
    last_seq: int  # the last change of this client the office applied (0 when new)


class WireChange(_Message):
    """One entry of the laptop's outbox (change_log)."""

    seq: int = Field(gt=0)  # the laptop's change-log id: strictly increasing per client
    change_id: uuid.UUID  # applied at most once, whoever sends it
    entity: str
    entity_id: uuid.UUID
    operation: Operation
    fields: dict[str, Any]  # new values (an insert: every field)
    base: dict[str, Any] = Field(default_factory=dict)  # the values they replaced
    revision: int
    changed_at: datetime  # the laptop's clock: shown to people, never used to order


class PushRequest(_Message):
    """POST /sync/v1/push."""

    protocol: int = PROTOCOL_VERSION
    schema_version: str
    client_id: uuid.UUID
    # The last seq the laptop knows the office applied. Lower than the office's: the
    # batch is a replay (stored outcomes come back). Higher: the office lost changes
    # (restored from a backup) and answers 409 with its last_seq.
    previous_seq: int = Field(ge=0)
    changes: list[WireChange] = Field(max_length=PUSH_BATCH_MAX)


class FieldNote(_Message):
    """What a merge did to one field, for the laptop's sync-issues inbox."""

    field: str
    kind: Literal["text_merged", "text_conflict", "value_replaced", "value_lost"]
    mine: Any = None  # the value this laptop sent
    theirs: Any = None  # the value the office had from someone else
    result: Any = None  # what the office now holds
    by: str = ""  # who made the other edit («Иванова А. С.») and on which laptop
    at: datetime | None = None  # when the office received the other edit


class ChangeOutcome(_Message):
    seq: int
    change_id: uuid.UUID
    outcome: Outcome
    version: int | None = None  # the office version the change produced
    code: RejectCode | None = None
    reason: str = ""  # for people, in Russian
    notes: list[FieldNote] = Field(default_factory=list)


class PushResponse(_Message):
    last_seq: int
    outcomes: list[ChangeOutcome]


class PushGap(_Message):
    """The 409 body when previous_seq is ahead of the office."""

    error: Literal["gap"] = "gap"
    last_seq: int
    server_epoch: str


class PullRequest(_Message):
    """POST /sync/v1/pull."""

    protocol: int = PROTOCOL_VERSION
    schema_version: str
    client_id: uuid.UUID
    cursor: str = ""  # opaque; "" means from the beginning
    limit: int = Field(default=PULL_PAGE_MAX, gt=0, le=PULL_PAGE_MAX)


class WireRow(_Message):
    """The office's current state of one row."""

    entity: str
    entity_id: uuid.UUID
    bucket: str
    version: int
    deleted: bool
    fields: dict[str, Any]  # every field, in the same JSON form as pushes


class RowRef(_Message):
    entity: str
    entity_id: uuid.UUID


class PullResponse(_Message):
    rows: list[WireRow]
    revoked_buckets: list[str] = Field(default_factory=list)  # remove these locally
    # Rows taken to an account this laptop cannot read (merging two accounts): remove
    # them and what is filed under them, like a revoked bucket. On a series' last page.
    moved_away: list[RowRef] = Field(default_factory=list)
    cursor: str  # store only after the page is committed locally
    more: bool  # another page is waiting
    # The cursor is from another epoch or older than the tombstone horizon: drop
    # what came from the office, keep the outbox, and pull again from "".
    reset: bool = False
    server_epoch: str


class ErrorBody(_Message):
    """Every 4xx/5xx answer: `detail` is for people (Russian), `error` for programs."""

    error: str
    detail: str
