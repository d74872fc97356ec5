"""The pre-meeting checklist's shape: sections per mistake, items, fix targets, readiness."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from kamdesk.i18n import Message


class Mistake(StrEnum):
    """The seven mistakes of the field guide §4, in its order: one section each."""

    LATE = "late"
    ARGUING = "arguing"
    INTERRUPTING = "interrupting"
    NO_INFORMATION = "no_information"
    PREPARATION = "preparation"
    MANNERS = "manners"
    PRODUCT = "product"


class ItemKind(StrEnum):
    CHECK = "check"  # computed from data
    REMINDER = "reminder"  # the KAM confirms it
    INFO = "info"  # shown for the meeting, never failing (etiquette notes)


class Readiness(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


@dataclass(frozen=True)
class FixTarget:
    """Where a failing item is fixed, for the UI to open: ("contact", id, "psychotype").

    kind: "visit", "account", "contact", "product" or "offer"; place: the part
    of that screen ("agenda", "dossier", "objections", "prices", ...).
    """

    kind: str
    id: uuid.UUID
    place: str

    def as_tuple(self) -> tuple[str, uuid.UUID, str]:
        return (self.kind, self.id, self.place)


@dataclass(frozen=True)
class ChecklistItem:
    key: str  # stable: "late.departure" or "manners.address:<contact id>"
    mistake: Mistake
    kind: ItemKind
    title: Message  # what is true when it passes: a fact («Цель поставлена»)
    passed: bool
    reason: Message | None = None  # when it fails: what to do, shown instead of the title
    fix: FixTarget | None = None
    details: tuple[Message, ...] = ()  # what to know for the meeting (tips, notes, lists)
    weight: int = 2
    critical: bool = False  # failing forces red (two visits at once cannot be fixed by luck)
    note: str = ""  # the KAM's note on a reminder


@dataclass(frozen=True)
class ChecklistSection:
    mistake: Mistake
    title: Message
    items: tuple[ChecklistItem, ...]

    @property
    def passed(self) -> bool:
        return all(item.passed for item in self.items)


@dataclass(frozen=True)
class ReadinessSummary:
    score: int  # 0..100; 100 only when nothing fails
    level: Readiness
    failing: int  # items that fail, reminders included
    critical: int = 0  # of those, the ones that make the visit red whatever the score


@dataclass(frozen=True)
class Checklist:
    visit_id: uuid.UUID
    sections: tuple[ChecklistSection, ...]
    summary: ReadinessSummary
    items_by_key: dict[str, ChecklistItem] = field(default_factory=dict, compare=False)

    @property
    def failing(self) -> list[ChecklistItem]:
        return [item for s in self.sections for item in s.items if not item.passed]
