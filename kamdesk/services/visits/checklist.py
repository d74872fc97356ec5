"""The pre-meeting checklist («чек-лист подготовки к встрече») of a planned visit.

Seven sections, one per mistake of field guide §4. Each item reads as a fact
when it passes (its title) and as what to do when it fails (its reason).

The verdict follows from the items, so the headline never contradicts itself:
red («не готов») when a critical item fails (two visits at once, an open
complaint), whatever the score; green («готов») only when every item passes;
amber («почти готов») when only a little is left: the score is at least
`readiness_green_from`; red below that. The score is the weighted share of
items that pass (checks weigh 2, reminders 1; notes do not count), and it is
100 % only when nothing is left. A call keeps only what a call needs (`rules_calls`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.visits.checklist_types import (
    Checklist,
    ChecklistItem,
    ChecklistSection,
    ItemKind,
    Mistake,
    Readiness,
    ReadinessSummary,
)
from kamdesk.services.visits.facts import VisitFacts
from kamdesk.services.visits.model import VisitError, msg
from kamdesk.services.visits.rules_calls import call_items, complaint_items, for_channel
from kamdesk.services.visits.rules_conduct import (
    Rule,
    arguing_rules,
    interrupting_rules,
    late_rules,
)
from kamdesk.services.visits.rules_preparation import (
    manners_rules,
    no_information_rules,
    preparation_rules,
    product_rules,
)
from kamdesk.services.visits.settings import DEFAULT_TIME_ZONE, VisitSettings, load_visit_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kamdesk.store import Store

SECTIONS = (
    (Mistake.LATE, QT_TRANSLATE_NOOP("Visits", "1. Being late"), late_rules),
    (Mistake.ARGUING, QT_TRANSLATE_NOOP("Visits", "2. Arguing"), arguing_rules),
    (Mistake.INTERRUPTING, QT_TRANSLATE_NOOP("Visits", "3. Interrupting"), interrupting_rules),
    (
        Mistake.NO_INFORMATION,
        QT_TRANSLATE_NOOP("Visits", "4. No information"),
        no_information_rules,
    ),
    (
        Mistake.PREPARATION,
        QT_TRANSLATE_NOOP("Visits", "5. Insufficient preparation"),
        preparation_rules,
    ),
    (Mistake.MANNERS, QT_TRANSLATE_NOOP("Visits", "6. Bad manners"), manners_rules),
    (Mistake.PRODUCT, QT_TRANSLATE_NOOP("Visits", "7. Not knowing the product"), product_rules),
)


def build_checklist(facts: VisitFacts, settings: VisitSettings) -> Checklist:
    def section_items(mistake: Mistake, rule: Rule) -> tuple[ChecklistItem, ...]:
        items = for_channel(facts, rule(facts, settings))
        if mistake == Mistake.PREPARATION:  # an open complaint first, a call's numbers last
            items = complaint_items(facts) + items + call_items(facts)
        return tuple(items)

    sections = tuple(
        ChecklistSection(mistake, msg(title), section_items(mistake, rule))
        for mistake, title, rule in SECTIONS
    )
    items = [item for section in sections for item in section.items]
    return Checklist(
        visit_id=facts.visit_id,
        sections=sections,
        summary=summarize(items, settings),
        items_by_key={item.key: item for item in items},
    )


def summarize(items: Iterable[ChecklistItem], settings: VisitSettings) -> ReadinessSummary:
    counted = [item for item in items if item.kind != ItemKind.INFO]
    failing = [item for item in counted if not item.passed]
    critical = sum(1 for item in failing if item.critical)
    total = sum(item.weight for item in counted)
    passed = sum(item.weight for item in counted if item.passed)
    points = round(100 * passed / total) if total else 100
    if failing:  # «100 %» beside «1 item left» would contradict itself
        points = min(points, 99)
    # «Nearly ready» with a dozen things to fix was the contradiction a tester saw
    # («65 % почти готов — исправить 12 пунктов»): nearly ready needs the green score.
    if critical:
        level = Readiness.RED
    elif not failing:
        level = Readiness.GREEN
    elif points >= settings.readiness_green_from:
        level = Readiness.AMBER
    else:
        level = Readiness.RED
    return ReadinessSummary(points, level, len(failing), critical)


def visit_checklist(store: Store, visit_id: uuid.UUID, tz: str = DEFAULT_TIME_ZONE) -> Checklist:
    settings = load_visit_settings(store)
    with store.session() as session:
        from kamdesk.services.visits.facts_loader import load_visit_facts

        facts = load_visit_facts(session, [visit_id], settings, tz)
    if visit_id not in facts:
        raise VisitError(msg(QT_TRANSLATE_NOOP("Visits", "The visit no longer exists")))
    return build_checklist(facts[visit_id], settings)


def readiness(
    store: Store, visit_ids: Iterable[uuid.UUID], tz: str = DEFAULT_TIME_ZONE
) -> dict[uuid.UUID, ReadinessSummary]:
    """Readiness of many visits at once (a week of the calendar) in a fixed number of queries."""
    settings = load_visit_settings(store)
    with store.session() as session:
        return readiness_in_session(session, visit_ids, settings, tz)


def readiness_in_session(
    session: Session, visit_ids: Iterable[uuid.UUID], settings: VisitSettings, tz: str
) -> dict[uuid.UUID, ReadinessSummary]:
    from kamdesk.services.visits.facts_loader import load_visit_facts

    facts = load_visit_facts(session, list(visit_ids), settings, tz)
    return {vid: build_checklist(f, settings).summary for vid, f in facts.items()}


def confirm_item(
    store: Store, visit_id: uuid.UUID, item_key: str, confirmed: bool, note: str = ""
) -> None:
    """Record the KAM's tick on a reminder (or its removal) with an optional note."""
    from kamdesk.models import ChecklistItemState, Visit
    from kamdesk.store.natural_keys import find_or_restore

    with store.transaction() as session:
        visit = session.get(Visit, visit_id)
        if visit is None or visit.deleted_at is not None:
            raise VisitError(msg(QT_TRANSLATE_NOOP("Visits", "The visit no longer exists")))
        # One per visit and reminder: a deleted tick comes back rather than colliding.
        state = find_or_restore(session, ChecklistItemState, visit_id=visit_id, item_key=item_key)
        state.confirmed = confirmed
        state.note = note
