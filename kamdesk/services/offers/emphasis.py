"""Arguments grouped by the offer's readers (field guide §3 and §5).

A key client's offer is read by several people of the decision-making unit;
each wants a different emphasis: the director status and exclusivity, HR
references to similar projects, finance and technical specialists figures.
The app drafts a paragraph per addressee; the KAM edits it. The text goes into
the printed offer, so it is Russian.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kamdesk.models import DmuRole
from kamdesk.services.offers.money import Totals, format_money, format_percent


class ReaderKind(StrEnum):
    DIRECTOR = "director"
    HR = "hr"
    FINANCE = "finance"
    TECHNICAL = "technical"
    OTHER = "other"


_POSITION_HINTS: tuple[tuple[ReaderKind, tuple[str, ...]], ...] = (
    (ReaderKind.HR, ("кадр", "персонал", "hr")),
    (ReaderKind.FINANCE, ("финанс", "бухгалт", "эконом", "закуп", "контракт")),
    (ReaderKind.DIRECTOR, ("директор", "главный врач", "руководител", "президент", "министр")),
    (ReaderKind.TECHNICAL, ("провизор", "фармацевт", "заведующ", "клиническ", "категор")),
)
_ROLE_KINDS = {
    DmuRole.DECISION_MAKER: ReaderKind.DIRECTOR,
    DmuRole.APPROVER: ReaderKind.FINANCE,
    DmuRole.TECHNICAL_EXPERT: ReaderKind.TECHNICAL,
}


def reader_kind(role: DmuRole | None, position: str) -> ReaderKind:
    """What a reader wants, from their job title first, then their DMU role."""
    lowered = position.casefold()
    for kind, hints in _POSITION_HINTS:
        if any(hint in lowered for hint in hints):
            return kind
    if role is not None and role in _ROLE_KINDS:
        return _ROLE_KINDS[role]
    return ReaderKind.OTHER


@dataclass(frozen=True)
class ArgumentContext:
    account_name: str
    totals: Totals
    valid_until: date
    benefit: str = ""
    exclusivity: str = ""
    products: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # accounts with similar projects


def suggest_arguments(kind: ReaderKind, ctx: ArgumentContext) -> str:
    if kind == ReaderKind.DIRECTOR:
        return _director(ctx)
    if kind == ReaderKind.HR:
        return _hr(ctx)
    if kind in (ReaderKind.FINANCE, ReaderKind.TECHNICAL):
        return _figures(ctx, technical=kind == ReaderKind.TECHNICAL)
    return (
        f"Предложение подготовлено специально для {ctx.account_name} с учётом задач "
        "учреждения; будем рады ответить на вопросы и обсудить детали."
    )


def _director(ctx: ArgumentContext) -> str:
    parts = [
        f"{ctx.account_name} — один из ключевых партнёров компании, и условия этого "
        "предложения мы подготовили с учётом статуса и задач вашей организации."
    ]
    if ctx.exclusivity:
        parts.append(f"Только в этом предложении: {ctx.exclusivity.rstrip('.')}.")
    parts.append(
        f"Условия гарантированы до {ctx.valid_until:%d.%m.%Y}; персональный менеджер "
        "сопровождает поставки и решает вопросы в приоритетном порядке."
    )
    return " ".join(parts)


def _hr(ctx: ArgumentContext) -> str:
    if ctx.references:
        names = ", ".join(ctx.references[:3])
        first = (
            f"Аналогичные проекты мы реализуем с {names}; готовы предоставить отзывы "
            "и контакты коллег для рекомендаций."
        )
    else:
        first = (
            "Готовы предоставить отзывы и контакты коллег из учреждений, где "
            "аналогичные проекты уже работают."
        )
    return (
        f"{first} Для сотрудников проведём обучение по применению препаратов и "
        "предоставим методические материалы."
    )


def _figures(ctx: ArgumentContext, technical: bool) -> str:
    t = ctx.totals
    parts = [
        f"Сумма предложения — {format_money(t.total)} ₽ с НДС "
        f"({format_money(t.net)} ₽ без НДС, НДС {format_money(t.vat)} ₽)."
    ]
    if t.discount > 0 and t.before_discount > 0:
        share = (t.discount * 100 / t.before_discount).quantize(Decimal("0.1"))
        parts.append(
            f"Экономия по сравнению с прайс-листом — {format_money(t.discount)} ₽ "
            f"({format_percent(share)} %)."
        )
    if technical and ctx.products:
        parts.append(
            "Все препараты зарегистрированы в РФ; регистрационные удостоверения и "
            "инструкции приложены. Позиции: " + "; ".join(ctx.products[:5]) + "."
        )
    parts.append(f"Цены зафиксированы до {ctx.valid_until:%d.%m.%Y}.")
    return " ".join(parts)
