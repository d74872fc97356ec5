"""The decision-making map: who decides, how strongly, and on whose side.

`layout_people` is pure: people in, a drawing plan out (nodes with positions,
colours and labels, reporting lines, named gaps), so the card's Qt view and
the PDF of the pre-call brief draw the same picture. Columns are DMU roles,
the decision maker first; height is influence, 5 at the top. A person the KAM
dragged keeps the place stored in map_x/map_y (in the same coordinates).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.accounts import person_short_name
from kamdesk.vocabulary import Attitude, DmuRole, Psychotype

if TYPE_CHECKING:
    from kamdesk.store import Store

CONTEXT = "DmuMap"
WIDTH = 1050.0
HEIGHT = 640.0
NODE_WIDTH = 140.0
NODE_HEIGHT = 58.0
TOP = 70.0  # room for the column titles
GAP = 10.0

ROLE_ORDER: tuple[DmuRole | None, ...] = (
    DmuRole.DECISION_MAKER,
    DmuRole.APPROVER,
    DmuRole.INFLUENCER,
    DmuRole.TECHNICAL_EXPERT,
    DmuRole.USER,
    DmuRole.GATEKEEPER,
    None,  # people whose role is not known yet
)

# Border and fill per attitude; unknown attitude is a dashed grey in the views.
ATTITUDE_COLORS: dict[Attitude | None, tuple[str, str]] = {
    Attitude.SUPPORTER: ("#2e7d32", "#e8f5e9"),
    Attitude.NEUTRAL: ("#757575", "#f5f5f5"),
    Attitude.OPPONENT: ("#c62828", "#ffebee"),
    None: ("#90a4ae", "#ffffff"),
}


@dataclass(frozen=True)
class DmuPerson:
    id: uuid.UUID
    surname: str
    name: str
    patronymic: str
    position: str
    dmu_role: DmuRole | None
    influence: int | None
    attitude: Attitude | None
    psychotype: Psychotype | None
    is_kol: bool
    reports_to_id: uuid.UUID | None
    map_x: float | None = None
    map_y: float | None = None


@dataclass(frozen=True)
class DmuNode:
    contact_id: uuid.UUID
    x: float  # top-left corner
    y: float
    title: str  # «Семёнов П. С.»
    subtitle: str  # position
    role: DmuRole | None
    influence: int | None
    attitude: Attitude | None
    psychotype: Psychotype | None
    is_kol: bool
    border: str
    fill: str
    placed_by_hand: bool


@dataclass(frozen=True)
class DmuColumn:
    role: DmuRole | None
    x: float  # left edge
    width: float


@dataclass(frozen=True)
class DmuLayout:
    width: float
    height: float
    columns: list[DmuColumn]
    nodes: list[DmuNode]
    edges: list[tuple[uuid.UUID, uuid.UUID]]  # (person, the one they report to)
    gaps: list[Message] = field(default_factory=list)


def _m(text: str, **params: str) -> Message:
    return Message(CONTEXT, text, params)


def influence_y(influence: int | None) -> float:
    """Top edge of a node for an influence: 5 at the top, unknown at the bottom."""
    level = influence if influence is not None else 0
    band = (HEIGHT - TOP - NODE_HEIGHT) / 5
    return TOP + (5 - level) * band


def layout_people(people: list[DmuPerson]) -> DmuLayout:
    column_width = WIDTH / len(ROLE_ORDER)
    columns = [DmuColumn(role, i * column_width, column_width) for i, role in enumerate(ROLE_ORDER)]
    by_role: dict[DmuRole | None, list[DmuPerson]] = {}
    for person in people:
        by_role.setdefault(person.dmu_role, []).append(person)
    nodes: list[DmuNode] = []
    for column in columns:
        crowd = sorted(
            by_role.get(column.role, []), key=lambda p: (-(p.influence or 0), p.surname, p.name)
        )
        lowest_free = TOP
        for person in crowd:
            if person.map_x is not None and person.map_y is not None:
                x, y, by_hand = person.map_x, person.map_y, True
            else:
                # Same influence in one column: stack downwards rather than overlap.
                y = max(influence_y(person.influence), lowest_free)
                y = min(y, HEIGHT - NODE_HEIGHT)
                lowest_free = y + NODE_HEIGHT + GAP
                x, by_hand = column.x + (column.width - NODE_WIDTH) / 2, False
            border, fill = ATTITUDE_COLORS[person.attitude]
            nodes.append(
                DmuNode(
                    contact_id=person.id,
                    x=x,
                    y=y,
                    title=person_short_name(person.surname, person.name, person.patronymic),
                    subtitle=person.position,
                    role=person.dmu_role,
                    influence=person.influence,
                    attitude=person.attitude,
                    psychotype=person.psychotype,
                    is_kol=person.is_kol,
                    border=border,
                    fill=fill,
                    placed_by_hand=by_hand,
                )
            )
    known = {p.id for p in people}
    edges = [(p.id, p.reports_to_id) for p in people if p.reports_to_id in known]
    return DmuLayout(WIDTH, HEIGHT, columns, nodes, edges, dmu_gaps(people))


def dmu_gaps(people: list[DmuPerson]) -> list[Message]:
    """What the KAM does not know yet about who decides, in plain words."""
    gaps: list[Message] = []
    roles = {p.dmu_role for p in people}
    deciders = [p for p in people if p.dmu_role == DmuRole.DECISION_MAKER]
    if not deciders:
        gaps.append(_m(QT_TRANSLATE_NOOP("DmuMap", "no decision maker known")))
    if DmuRole.APPROVER not in roles:
        gaps.append(_m(QT_TRANSLATE_NOOP("DmuMap", "no finance contact")))
    if DmuRole.TECHNICAL_EXPERT not in roles:
        gaps.append(_m(QT_TRANSLATE_NOOP("DmuMap", "no technical expert known")))
    in_dmu = [p for p in people if p.dmu_role is not None]
    if in_dmu and not any(p.attitude == Attitude.SUPPORTER for p in in_dmu):
        gaps.append(_m(QT_TRANSLATE_NOOP("DmuMap", "no supporter in the decision-making unit")))
    for person in deciders:
        name = person_short_name(person.surname, person.name, person.patronymic)
        if person.attitude == Attitude.OPPONENT:
            gaps.append(
                _m(
                    QT_TRANSLATE_NOOP("DmuMap", "the decision maker {name} is against us"),
                    name=name,
                )
            )
        if person.psychotype is None:
            gaps.append(_m(QT_TRANSLATE_NOOP("DmuMap", "psychotype of {name} unknown"), name=name))
    unplaced = [p for p in people if p.dmu_role is None]
    if unplaced:
        gaps.append(
            _m(
                QT_TRANSLATE_NOOP("DmuMap", "role unknown: {names}"),
                names=", ".join(
                    person_short_name(p.surname, p.name, p.patronymic) for p in unplaced
                ),
            )
        )
    return gaps


def dmu_people(store: Store, account_id: uuid.UUID) -> list[DmuPerson]:
    from sqlalchemy import select

    from kamdesk.models import Contact

    with store.session() as session:
        contacts = session.scalars(select(Contact).where(Contact.account_id == account_id)).all()
        return [
            DmuPerson(
                id=c.id,
                surname=c.surname,
                name=c.name,
                patronymic=c.patronymic,
                position=c.position,
                dmu_role=c.dmu_role,
                influence=c.influence,
                attitude=c.attitude,
                psychotype=c.psychotype,
                is_kol=c.is_kol,
                reports_to_id=c.reports_to_id,
                map_x=c.map_x,
                map_y=c.map_y,
            )
            for c in contacts
        ]


def dmu_layout(store: Store, account_id: uuid.UUID) -> DmuLayout:
    """The map of an account's decision-making unit, for the card and the brief's PDF."""
    return layout_people(dmu_people(store, account_id))
