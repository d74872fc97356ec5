"""Which objections a brief offers: those of the account's channel, each once.

The catalogue keeps objections per product, and a product is sold through
hospitals, pharmacy chains and distributors alike: «Нет места в матрице» is a
chain buyer's objection and has no place on a hospital's brief. An objection
belongs to a channel when its wording names that channel's world (the word
stems below); one that names none (price, efficacy, habits) fits every channel.
An account of another kind (`other`, a fund) is offered every objection.

Objections the client raised itself in past reports are always offered: the
client said them. The same objection (folded text, or one containing the other,
as `answer_for` matches them) is offered once, with every product it was
prepared for and the first prepared answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kamdesk.services.visits.facts import ProductFacts, answer_for
from kamdesk.textfold import fold
from kamdesk.vocabulary import AccountKind


class Channel(StrEnum):
    HOSPITAL = "hospital"  # hospitals, clinics, health authorities: budget purchases
    CHAIN = "chain"  # pharmacy chains and their pharmacies
    DISTRIBUTOR = "distributor"


# Folded word stems (ё as е) that tie an objection's wording to one channel.
CHANNEL_STEMS: dict[Channel, tuple[str, ...]] = {
    Channel.CHAIN: (
        "аптек", "матриц", "полк", "покупател", "первостол", "провизор", "фармацевт",
        "наценк", "ретро", "мерчендайз", "выкладк", "сетям", "сети ", "сеть", "ассортимент",
        "безрецептур", "otc",
    ),
    Channel.HOSPITAL: (
        "аукцион", "тендер", "торги", "торгах", "формуляр", "44-фз", "223-фз", "нмцк", "госзакуп",
        "врач", "пациент", "отделени", "стационар", "клиническ", "льгот", "бюджет",
        "лпу", "больниц", "минздрав",
    ),
    Channel.DISTRIBUTOR: (
        "склад", "дистрибьют", "дистрибут", "отгрузк", "оборачиваем", "sell-out", "товарный кредит",
    ),
}  # fmt: skip

KIND_CHANNEL: dict[str, Channel] = {
    AccountKind.HOSPITAL.value: Channel.HOSPITAL,
    AccountKind.HEALTH_AUTHORITY.value: Channel.HOSPITAL,
    # The fund pays hospitals for care: its questions are the hospital channel's.
    AccountKind.INSURANCE_FUND.value: Channel.HOSPITAL,
    AccountKind.PHARMACY_CHAIN.value: Channel.CHAIN,
    AccountKind.PHARMACY.value: Channel.CHAIN,
    AccountKind.DISTRIBUTOR.value: Channel.DISTRIBUTOR,
}


@dataclass(frozen=True)
class OfferedObjection:
    objection: str
    answer: str  # "" when none is prepared
    products: tuple[str, ...]  # () for the client's own past objections


def channel_of(kind: AccountKind | str | None) -> Channel | None:
    """The channel an account of `kind` belongs to; None: every channel fits."""
    if kind is None:
        return None
    return KIND_CHANNEL.get(str(kind))


def objection_channels(objection: str) -> frozenset[Channel]:
    """The channels the wording names; empty when it names none (fits every channel)."""
    folded = f" {fold(objection)} "
    return frozenset(
        channel for channel, stems in CHANNEL_STEMS.items() if any(stem in folded for stem in stems)
    )


def fits(objection: str, channel: Channel | None) -> bool:
    if channel is None:
        return True
    named = objection_channels(objection)
    return not named or channel in named


def same_objection(a: str, b: str) -> bool:
    return bool(answer_for(a, {fold(b): "x"}))


def offered_objections(
    products: Sequence[ProductFacts],
    client_objections: Iterable[str],
    kind: AccountKind | str | None,
    known_answers: dict[str, str],
) -> tuple[OfferedObjection, ...]:
    """The client's own objections first (newest first), then the products' for this channel."""
    channel = channel_of(kind)
    offered: list[OfferedObjection] = []

    def find(objection: str) -> int | None:
        return next(
            (i for i, o in enumerate(offered) if same_objection(objection, o.objection)), None
        )

    for objection in client_objections:
        if find(objection) is None:
            offered.append(OfferedObjection(objection, answer_for(objection, known_answers), ()))
    for product in products:
        for prepared in product.objections:
            if not prepared.objection.strip() or not fits(prepared.objection, channel):
                continue
            at = find(prepared.objection)
            if at is None:
                offered.append(
                    OfferedObjection(prepared.objection.strip(), prepared.answer, (product.name,))
                )
                continue
            old = offered[at]
            offered[at] = OfferedObjection(
                old.objection,
                old.answer or prepared.answer,
                old.products if product.name in old.products else (*old.products, product.name),
            )
    return tuple(offered)
