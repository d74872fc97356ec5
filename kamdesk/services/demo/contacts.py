"""People at the accounts: the decision-making unit of key accounts, a name or two elsewhere."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from kamdesk.models import AccountKind, AccountStatus, Attitude, DmuRole, Psychotype
from kamdesk.services.demo.accounts import AccountPlan
from kamdesk.services.demo.common import MSK, Clock, DemoRandom, syncable
from kamdesk.services.demo.names import Person, make_person
from kamdesk.services.demo.org_names import DEPARTMENTS
from kamdesk.services.demo.places import landline, mobile
from kamdesk.services.demo.roles import ROLES, UNIVERSITY, Role

SMALL_COUNTS = {
    AccountKind.HOSPITAL: (1, 3),
    AccountKind.PHARMACY_CHAIN: (2, 4),
    AccountKind.DISTRIBUTOR: (2, 3),
    AccountKind.HEALTH_AUTHORITY: (2, 2),
    AccountKind.INSURANCE_FUND: (2, 2),
    AccountKind.OTHER: (1, 2),
}
NOTES = (
    "Предпочитает общение по e-mail, на звонки отвечает после 14:00.",
    "До обеда в операционной: встречи только после 13:00.",
    "Просит присылать материалы заранее, за 2–3 дня до встречи.",
    "Новый человек в должности, знакомство в процессе.",
    "Ценит пунктуальность: однажды отменил(а) встречу из-за опоздания на 10 минут.",
    "Ведёт переписку через секретаря; мобильный дал(а) только для срочных вопросов.",
)
KOL_NOTE = (
    "Лидер мнений: выступает на региональных конференциях, входит в формулярную комиссию области."
)
GATEKEEPER_NOTE = "Через этого человека согласуются все встречи с руководителем."


@dataclass(frozen=True, slots=True)
class ContactRef:
    """What later stages (personal details, visits) need to know about a contact."""

    id: uuid.UUID
    account: AccountPlan
    person: Person
    role: Role
    position: str
    department: str
    influence: int
    is_kol: bool
    consent_on: date | None
    created_at: datetime
    age: int


def plan_contacts(
    rng: DemoRandom, clock: Clock, accounts: list[AccountPlan]
) -> dict[uuid.UUID, list[ContactRef]]:
    return {account.id: _account_contacts(rng, clock, account) for account in accounts}


def _count(rng: DemoRandom, account: AccountPlan, available: int, small: int) -> int:
    if account.is_pharmacy:
        return 1 if account.franchisee else rng.pick((0, 1, 2), (0.3, 0.5, 0.2))
    if account.is_key:
        return rng.randint(min(3, available), min(8, available))
    low, high = SMALL_COUNTS[account.kind]
    return min(small, rng.randint(low, high))


def _account_contacts(rng: DemoRandom, clock: Clock, account: AccountPlan) -> list[ContactRef]:
    roles, small_keys = ROLES[account.kind]
    if account.kind == AccountKind.OTHER and account.flagship:
        roles = UNIVERSITY
    count = _count(rng, account, len(roles), len(small_keys))
    if count == 0:
        return []
    if account.is_key:
        optional = rng.sample(roles[2:], max(0, count - 2))
        chosen = [role for role in roles if role in roles[:2] or role in optional][:count]
    else:
        wanted = small_keys[:count]
        chosen = [role for role in roles if role.key in wanted]  # bosses first
    departments = list(DEPARTMENTS.get(account.specialty, ()))
    rng.shuffle(departments)
    contacts: list[ContactRef] = []
    for role in chosen:
        person = make_person(rng, role.female_share)
        if account.franchisee is not None and not contacts:
            person = account.franchisee
        position = role.female if person.female else role.male
        department = role.department
        if "{dept}" in position:
            head_of, department = (
                departments.pop() if departments else ("отделением", "Клиническое отделение")
            )
            position = position.format(dept=head_of)
        if person is account.franchisee:
            position, department = "Владелец аптеки (индивидуальный предприниматель)", ""
        low_age = 27 + 4 * role.influence[0]
        created = clock.between(rng, account.created_at, clock.now - timedelta(days=20))
        contacts.append(
            ContactRef(
                id=rng.uuid(),
                account=account,
                person=person,
                role=role,
                position=position,
                department=department,
                influence=rng.randint(*role.influence),
                is_kol=rng.chance(role.kol_chance),
                consent_on=_consent(rng, clock, created),
                created_at=created,
                age=rng.randint(low_age, min(67, low_age + 25)),
            )
        )
    return contacts


def _consent(rng: DemoRandom, clock: Clock, created: datetime) -> date | None:
    """Most people signed the consent form (152-ФЗ) some time after they were entered."""
    if not rng.chance(0.8):
        return None
    return clock.between(rng, created, clock.now - timedelta(days=7)).astimezone(MSK).date()


def contact_rows(
    rng: DemoRandom, clock: Clock, contacts: dict[uuid.UUID, list[ContactRef]]
) -> Iterator[dict[str, Any]]:
    """Rows for `contacts`; within an account bosses come before the people reporting to them."""
    for people in contacts.values():
        present = {contact.role.key: contact for contact in people}
        for contact in people:
            yield _row(rng, clock, contact, _boss(contact, present))


def _boss(contact: ContactRef, present: dict[str, ContactRef]) -> uuid.UUID | None:
    roles = {role.key: role for role in _roles_of(contact)}
    boss_key = contact.role.boss
    while boss_key is not None:
        if boss_key in present and present[boss_key] is not contact:
            return present[boss_key].id
        boss_key = roles[boss_key].boss if boss_key in roles else None
    return None


def _roles_of(contact: ContactRef) -> tuple[Role, ...]:
    account = contact.account
    if account.kind == AccountKind.OTHER and account.flagship:
        return UNIVERSITY
    return ROLES[account.kind][0]


def _row(
    rng: DemoRandom, clock: Clock, contact: ContactRef, boss: uuid.UUID | None
) -> dict[str, Any]:
    account, person, role = contact.account, contact.person, contact.role
    domain = account.domain or (account.parent.domain if account.parent else "")
    cold = account.status in (AccountStatus.PROSPECT, AccountStatus.LOST, AccountStatus.WIN_BACK)
    attitude = rng.pick(
        (Attitude.SUPPORTER, Attitude.NEUTRAL, Attitude.OPPONENT),
        (0.2, 0.5, 0.3) if cold else (0.45, 0.42, 0.13),
    )
    psychotype = rng.pick(tuple(Psychotype)) if account.is_key or rng.chance(0.5) else None
    if contact.is_kol:
        notes = KOL_NOTE
    elif role.dmu == DmuRole.GATEKEEPER and rng.chance(0.6):
        notes = GATEKEEPER_NOTE
    else:
        notes = rng.pick(NOTES) if rng.chance(0.2) else ""
    return {
        **syncable(
            contact.id, contact.created_at, clock.between(rng, contact.created_at, clock.now)
        ),
        "account_id": account.id,
        "surname": person.surname,
        "name": person.name,
        "patronymic": person.patronymic,
        "form_of_address": person.form_of_address,
        "position": contact.position,
        "department": contact.department,
        "phone_work": landline(rng, account.city) if rng.chance(0.9) else "",
        "phone_mobile": mobile(rng) if rng.chance(0.6) else "",
        "email": f"{person.email_local()}@{domain}" if domain and rng.chance(0.7) else "",
        "dmu_role": role.dmu,
        "influence": contact.influence,
        "attitude": attitude,
        "psychotype": psychotype,
        "is_kol": contact.is_kol,
        "reports_to_id": boss,
        "map_x": None,
        "map_y": None,
        "consent_given": contact.consent_on is not None,
        "consent_date": contact.consent_on,
        "notes": notes,
    }
