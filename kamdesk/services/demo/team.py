"""The people of the demo company: three KAMs of the three kinds, a second hospital KAM for
the west of the region, their manager, the territory.

Which of the three the laptop belongs to is the caller's choice (`kam_kind`, the
hospital KAM by default): that KAM is `Team.kam`, the window's user.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from kamdesk.models import KamKind, Territory, User, UserRole
from kamdesk.services.demo.common import Clock, DemoRandom, Writer, syncable
from kamdesk.services.demo.names import Person
from kamdesk.services.demo.places import CAPITAL, REGION, landline, mobile

COMPANY = "ООО «Верхневолжская фармацевтическая компания»"
COMPANY_DOMAIN = "vvpharm.ru"


@dataclass(frozen=True)
class Member:
    id: uuid.UUID
    person: Person
    role: UserRole
    kam_kind: KamKind | None
    position: str


@dataclass(frozen=True)
class Team:
    territory_id: uuid.UUID
    manager: Member
    hospital: Member  # hospitals (but the west's), the ministry, KOL institutions
    hospital_west: Member  # the hospitals of the west of the region
    chain: Member  # pharmacy chains and their pharmacies
    distributor: Member  # wholesalers and the insurance fund (ТФОМС)
    laptop_kind: KamKind = KamKind.HOSPITAL

    @property
    def kam(self) -> Member:
        """The laptop's own user: the KAM of `laptop_kind`."""
        return {
            KamKind.HOSPITAL: self.hospital,
            KamKind.PHARMACY_CHAIN: self.chain,
            KamKind.DISTRIBUTOR: self.distributor,
        }[self.laptop_kind]

    @property
    def kams(self) -> tuple[Member, ...]:
        return (self.hospital, self.hospital_west, self.chain, self.distributor)

    @property
    def members(self) -> tuple[Member, ...]:
        return (self.manager, *self.kams)


def build_team(
    rng: DemoRandom, clock: Clock, writer: Writer, kam_kind: KamKind = KamKind.HOSPITAL
) -> Team:
    def member(person: Person, role: UserRole, kind: KamKind | None, position: str) -> Member:
        return Member(rng.uuid(), person, role, kind, position)

    kam_title = "Менеджер по работе с ключевыми клиентами"
    team = Team(
        territory_id=rng.uuid(),
        manager=member(
            Person("Соколова", "Елена", "Викторовна", True),
            UserRole.MANAGER,
            None,
            "Региональный менеджер, Центральный регион",
        ),
        hospital=member(
            Person("Морозов", "Андрей", "Игоревич", False),
            UserRole.KAM,
            KamKind.HOSPITAL,
            f"{kam_title} (госпитальный сегмент, Тверь и восток области)",
        ),
        hospital_west=member(
            Person("Лебедева", "Наталья", "Андреевна", True),
            UserRole.KAM,
            KamKind.HOSPITAL,
            f"{kam_title} (госпитальный сегмент, запад области)",
        ),
        chain=member(
            Person("Белова", "Ольга", "Сергеевна", True),
            UserRole.KAM,
            KamKind.PHARMACY_CHAIN,
            f"{kam_title} (аптечные сети)",
        ),
        distributor=member(
            Person("Кузнецов", "Дмитрий", "Александрович", False),
            UserRole.KAM,
            KamKind.DISTRIBUTOR,
            f"{kam_title} (дистрибьюторы и ТФОМС)",
        ),
        laptop_kind=kam_kind,
    )
    hired = clock.moment(clock.months[0].replace(day=1), 10)
    writer.insert(
        Territory,
        [{**syncable(team.territory_id, hired), "name": REGION, "region": REGION}],
    )
    writer.insert(
        User,
        (
            {
                **syncable(m.id, hired, clock.past_moment(rng, 10, 90)),
                "surname": m.person.surname,
                "name": m.person.name,
                "patronymic": m.person.patronymic,
                "email": f"{m.person.email_local()}@{COMPANY_DOMAIN}",
                "phone": mobile(rng) if m.role == UserRole.KAM else landline(rng, CAPITAL),
                "position": m.position,
                "role": m.role,
                "kam_kind": m.kam_kind,
                "territory_id": team.territory_id,
                # The manager comes first, so the others can point to them.
                "manager_id": None if m is team.manager else team.manager.id,
            }
            for m in team.members
        ),
    )
    return team
