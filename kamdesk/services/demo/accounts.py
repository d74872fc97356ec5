"""The accounts of the territory: who they are, where, who owns them, which are key.

Each account belongs to the KAM of its kind (field guide §1): the hospital KAM
holds the hospitals of Тверь and the east, the ministry and the institutions of
opinion leaders (a second hospital KAM the west's hospitals); the chain KAM the
chains and their pharmacies; the distributor KAM the wholesalers and the
insurance fund (ТФОМС). Planned first and written later: the sales plan decides
each account's status and client type, and the contacts and dossiers need the plans.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from kamdesk.models import Account, AccountKind, AccountStatus, ClientType
from kamdesk.models.enums import LossReason
from kamdesk.services.demo.catalog_data import RETAIL, STATE
from kamdesk.services.demo.common import Clock, DemoRandom, Writer, syncable
from kamdesk.services.demo.names import Person, make_person
from kamdesk.services.demo.org_names import SPECIALTY_SEGMENTS, Names
from kamdesk.services.demo.places import (
    CAPITAL,
    REGION,
    City,
    TaxIds,
    address,
    landline,
    near,
    pick_city,
)
from kamdesk.services.demo.team import Team
from kamdesk.services.demo.text import slug

ALL_SEGMENTS = frozenset().union(*SPECIALTY_SEGMENTS.values(), {RETAIL, STATE})
# Hospitals west of this longitude belong to the colleague who covers the west of the region.
WEST_OF_LONGITUDE = 35.5


@dataclass(slots=True)
class AccountPlan:
    id: uuid.UUID
    kind: AccountKind
    name: str
    short_name: str
    city: City
    owner_id: uuid.UUID
    segments: frozenset[str]
    created_at: datetime
    specialty: str = ""
    parent: AccountPlan | None = None
    is_key: bool = False
    flagship: bool = False
    beds: int | None = None
    inn: str = ""
    kpp: str = ""
    address: str = ""
    latitude: float = 0.0
    longitude: float = 0.0
    phone: str = ""
    email: str = ""
    website: str = ""
    domain: str = ""
    franchisee: Person | None = None
    size: float = 0.0  # how big a buyer it can be, on a log scale
    client_type: ClientType | None = None
    status: AccountStatus = AccountStatus.PROSPECT
    qualification: dict[str, tuple[bool, str]] = field(default_factory=dict)
    children: list[AccountPlan] = field(default_factory=list)
    share: float = 0.0  # planned share of its KAM's sales (a chain with its pharmacies)
    key_client: bool | None = None  # the KAM's own choice
    loss_reason: LossReason | None = None
    loss_note: str = ""
    win_back_means: str = ""

    @property
    def is_pharmacy(self) -> bool:
        return self.kind == AccountKind.PHARMACY


def composition(total: int) -> dict[AccountKind, int]:
    """How many accounts of each kind: pharmacies are most, chains and wholesalers few."""
    wanted = {
        AccountKind.HEALTH_AUTHORITY: 1,
        AccountKind.INSURANCE_FUND: 1,  # ТФОМС: one a region
        AccountKind.HOSPITAL: max(1, round(total * 0.27)),
        AccountKind.PHARMACY_CHAIN: round(2 + math.sqrt(total) * 0.4),
        AccountKind.DISTRIBUTOR: round(2 + math.sqrt(total) * 0.35),
        AccountKind.OTHER: round(total * 0.02),
    }
    for kind in (AccountKind.OTHER, AccountKind.DISTRIBUTOR, AccountKind.PHARMACY_CHAIN,
                 AccountKind.HOSPITAL, AccountKind.INSURANCE_FUND,
                 AccountKind.HEALTH_AUTHORITY):  # fmt: skip
        excess = sum(wanted.values()) - total
        if excess > 0:
            wanted[kind] = max(0, wanted[kind] - excess)
    wanted[AccountKind.PHARMACY] = total - sum(wanted.values())
    return wanted


class AccountPlanner:
    def __init__(self, rng: DemoRandom, clock: Clock, team: Team) -> None:
        self.rng = rng
        self.clock = clock
        self.team = team
        self.names = Names(rng)
        self.tax = TaxIds(rng)
        self._domains: set[str] = set()
        self._history_start = clock.moment(clock.months[0], 10)

    def plan(self, total: int) -> list[AccountPlan]:
        counts = composition(total)
        plans: list[AccountPlan] = []
        if counts[AccountKind.HEALTH_AUTHORITY]:
            plans.append(self._ministry())
        plans += [self._hospital(i) for i in range(counts[AccountKind.HOSPITAL])]
        distributors = [self._distributor(i) for i in range(counts[AccountKind.DISTRIBUTOR])]
        chains = [self._chain(i) for i in range(counts[AccountKind.PHARMACY_CHAIN])]
        if counts[AccountKind.INSURANCE_FUND]:
            plans.append(self._fund())
        plans += distributors + chains
        plans += [self._other(i) for i in range(counts[AccountKind.OTHER])]
        plans += self._pharmacies(chains, counts[AccountKind.PHARMACY])
        return plans

    # -- kinds ---------------------------------------------------------------------------

    def _ministry(self) -> AccountPlan:
        plan = self._new(AccountKind.HEALTH_AUTHORITY, "Министерство здравоохранения Тверской "
                         "области", "Минздрав ТО", CAPITAL, self.team.hospital.id,
                         frozenset({STATE}), domain="minzdrav.tverreg.ru")  # fmt: skip
        plan.is_key, plan.flagship, plan.size = True, True, 3.0
        return plan

    def _fund(self) -> AccountPlan:
        """ТФОМС pays hospitals for care under ОМС and buys nothing itself."""
        plan = self._new(AccountKind.INSURANCE_FUND, "Территориальный фонд обязательного "
                         "медицинского страхования Тверской области", "ТФОМС Тверской области",
                         CAPITAL, self.team.distributor.id, frozenset({STATE}),
                         domain="tfoms-tver.ru")  # fmt: skip
        plan.is_key, plan.size = True, 2.0
        return plan

    def _hospital(self, index: int) -> AccountPlan:
        rng = self.rng
        city = CAPITAL if index < 10 else pick_city(rng)
        facility = self.names.hospital(city)
        west = city.longitude < WEST_OF_LONGITUDE
        owner = self.team.hospital_west if west else self.team.hospital
        plan = self._new(AccountKind.HOSPITAL, facility.name, facility.short_name, city,
                         owner.id, SPECIALTY_SEGMENTS[facility.specialty])  # fmt: skip
        plan.specialty, plan.beds, plan.flagship = (
            facility.specialty,
            facility.beds,
            facility.flagship,
        )
        key_chance = {"polyclinic": 0.04, "private": 0.06}.get(facility.specialty, 0.14)
        plan.is_key = facility.flagship or rng.chance(key_chance)
        plan.size = (2.2 if facility.flagship else 0.6) + math.log10((facility.beds or 30) / 100)
        return plan

    def _distributor(self, index: int) -> AccountPlan:
        brand = self.names.distributor()
        form = "АО" if self.rng.chance(0.3) else "ООО"
        owner = self.team.distributor
        city = CAPITAL if self.rng.chance(0.8) else pick_city(self.rng)
        plan = self._new(AccountKind.DISTRIBUTOR, f"{form} «{brand}»", brand, city, owner.id,
                         ALL_SEGMENTS)  # fmt: skip
        plan.is_key = index < 2 or self.rng.chance(0.45)
        plan.size = 3.2 - 0.8 * math.log10(index + 1)
        return plan

    def _chain(self, index: int) -> AccountPlan:
        brand = self.names.chain()
        owner = self.team.chain
        city = CAPITAL if self.rng.chance(0.75) else pick_city(self.rng)
        name = f"ГУП Тверской области «{brand}»" if brand == "Горздрав-Тверь" else f"ООО «{brand}»"
        plan = self._new(AccountKind.PHARMACY_CHAIN, name, f"Сеть «{brand}»", city, owner.id,
                         frozenset({RETAIL}), domain_hint=brand)  # fmt: skip
        plan.is_key = index < 2 or self.rng.chance(0.35)
        return plan

    def _other(self, index: int) -> AccountPlan:
        name, short, domain = self.names.other()
        plan = self._new(AccountKind.OTHER, name, short, CAPITAL if index < 6 else
                         pick_city(self.rng), self.team.hospital.id, frozenset(),
                         domain=domain or None)  # fmt: skip
        plan.is_key = index < 2 or self.rng.chance(0.1)
        plan.flagship = index == 0  # the medical university: opinion leaders
        return plan

    def _pharmacies(self, chains: list[AccountPlan], count: int) -> list[AccountPlan]:
        if not chains:
            return []
        rng = self.rng
        weights = [1 / (i + 1) ** 0.9 for i in range(len(chains))]
        pharmacies: list[AccountPlan] = []
        for index in range(count):
            chain = chains[index] if index < len(chains) else rng.pick(chains, weights)
            number = len(chain.children) + 1
            city = chain.city if rng.chance(0.5) else pick_city(rng)
            brand = chain.short_name.removeprefix("Сеть ")
            name = f"Аптека {brand} № {number}"
            franchisee = make_person(rng, 0.8) if rng.chance(0.12) else None
            if franchisee is not None:
                name += f" (ИП {franchisee.initials})"
            plan = self._new(AccountKind.PHARMACY, name, f"{brand.strip('«»')} № {number}",
                             city, chain.owner_id, frozenset({RETAIL}), parent=chain)  # fmt: skip
            plan.franchisee = franchisee
            if franchisee is not None:
                plan.inn, plan.kpp = self.tax.individual(city), ""
            else:
                plan.inn, plan.kpp = chain.inn, self.tax.branch_kpp(city)
            plan.email = f"apteka{number}@{chain.domain}"
            plan.website = ""
            chain.children.append(plan)
            pharmacies.append(plan)
        for chain in chains:
            chain.size = 1.2 + math.log10(len(chain.children) + 1) * 1.1
        return pharmacies

    # -- shared --------------------------------------------------------------------------

    def _new(
        self,
        kind: AccountKind,
        name: str,
        short_name: str,
        city: City,
        owner_id: uuid.UUID,
        segments: frozenset[str],
        *,
        parent: AccountPlan | None = None,
        domain: str | None = None,
        domain_hint: str | None = None,
    ) -> AccountPlan:
        rng = self.rng
        earliest = parent.created_at if parent else self._history_start - timedelta(days=3650)
        latest = self._history_start - timedelta(days=30)
        plan = AccountPlan(
            id=rng.uuid(),
            kind=kind,
            name=name,
            short_name=short_name,
            city=city,
            owner_id=owner_id,
            segments=segments,
            created_at=self.clock.between(rng, earliest, max(earliest, latest)),
            parent=parent,
        )
        plan.address = address(rng, city)
        plan.latitude, plan.longitude = near(rng, city)
        plan.phone = landline(rng, city)
        if parent is None:
            plan.inn = self.tax.organisation(city)
            plan.kpp = self.tax.kpp(plan.inn)
            plan.domain = domain or self._domain(domain_hint or short_name, city)
            mailbox = "info" if kind != AccountKind.HOSPITAL else rng.pick(("priemnaya", "info"))
            plan.email = f"{mailbox}@{plan.domain}"
            plan.website = f"https://{plan.domain}"
        return plan

    def _domain(self, label: str, city: City) -> str:
        base = slug(label)
        if len(base) < 8 or (not city.is_capital and slug(city.name)[:5] not in base):
            base = f"{base}-{slug(city.name)}"
        candidate, number = f"{base}.ru", 1
        while candidate in self._domains:
            number += 1
            candidate = f"{base}{number}.ru"
        self._domains.add(candidate)
        return candidate


def account_rows(rng: DemoRandom, clock: Clock, team: Team, plans: list[AccountPlan]) -> Any:
    """Rows for `accounts`, parents before their pharmacies."""
    for plan in plans:
        need, pay, authority = (
            plan.qualification.get(key, (False, "")) for key in ("need", "pay", "authority")
        )
        yield {
            **syncable(plan.id, plan.created_at, clock.past_moment(rng, 1, 120)),
            "name": plan.name,
            "short_name": plan.short_name,
            "kind": plan.kind,
            "parent_id": plan.parent.id if plan.parent else None,
            "inn": plan.inn,
            "kpp": plan.kpp,
            "region": REGION,
            "city": plan.city.name,
            "address": plan.address,
            "latitude": plan.latitude,
            "longitude": plan.longitude,
            "phone": plan.phone,
            "email": plan.email,
            "website": plan.website,
            "client_type": plan.client_type,
            "status": plan.status,
            "qual_need": need[0],
            "qual_need_note": need[1],
            "qual_pay": pay[0],
            "qual_pay_note": pay[1],
            "qual_authority": authority[0],
            "qual_authority_note": authority[1],
            "owner_id": plan.owner_id,
            "territory_id": team.territory_id,
            "key_client": plan.key_client,
            "loss_reason": plan.loss_reason,
            "loss_note": plan.loss_note,
            "win_back_means": plan.win_back_means,
            "merged_into_id": None,
        }


def write_accounts(
    rng: DemoRandom, clock: Clock, writer: Writer, team: Team, plans: list[AccountPlan]
) -> None:
    writer.insert(Account, account_rows(rng, clock, team, plans))
