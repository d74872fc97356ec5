"""Arguments grouped by the offer's readers (field guide §3 and §5).

A key client's offer is read by several people of the decision-making unit;
each wants a different emphasis: the director status and exclusivity, HR
references to similar projects, finance and technical specialists figures.
The app drafts a paragraph per addressee; the KAM edits it. The text goes into
the printed offer, so it is Russian.

The director's paragraph follows the relationship (`Relationship`, worked out by
kamdesk.services.offers.relationship from the account's type, status and sales):
only a key client or a Кормилец is called «один из ключевых партнёров компании»;
a client that buys is thanked for the cooperation, a lost one is offered to
resume it, and a prospect is offered to begin it. The HR paragraph cites
references (accounts with similar projects); with none to list there is no HR
paragraph at all — an empty text, which the printed offer leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kamdesk.models import DmuRole
from kamdesk.services.offers.money import Totals, format_money, format_percent


class Relationship(StrEnum):
    PARTNER = "partner"  # a key client (10 %+ of the KAM's sales) or a Кормилец
    CLIENT = "client"  # buys from us
    WIN_BACK = "win_back"  # bought and stopped: lost or being won back
    NEW = "new"  # a prospect: no purchases yet


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
    # None when unknown: the director's paragraph then claims no relationship at all.
    relationship: Relationship | None = None


def suggest_arguments(kind: ReaderKind, ctx: ArgumentContext) -> str:
    if kind == ReaderKind.DIRECTOR:
        return _director(ctx)
    if kind == ReaderKind.HR:
        return _hr(ctx)
    if kind in (ReaderKind.FINANCE, ReaderKind.TECHNICAL):
        return _figures(ctx, technical=kind == ReaderKind.TECHNICAL)
    return (
        "Предложение подготовлено специально для вашей организации с учётом её задач; "
        "будем рады ответить на вопросы и обсудить детали."
    )


def _director(ctx: ArgumentContext) -> str:
    parts = [_director_opening(ctx)]
    if ctx.exclusivity:
        parts.append(f"Только в этом предложении: {ctx.exclusivity.rstrip('.')}.")
    parts.append(
        f"Условия гарантированы до {ctx.valid_until:%d.%m.%Y}; персональный менеджер "
        "сопровождает поставки и решает вопросы в приоритетном порядке."
    )
    return " ".join(parts)


def _director_opening(ctx: ArgumentContext) -> str:
    # The account's name only in the nominative: «для Министерство…» would be wrong.
    if ctx.relationship == Relationship.PARTNER:
        return (
            f"{ctx.account_name} — один из ключевых партнёров компании, и условия этого "
            "предложения мы подготовили с учётом статуса и задач вашей организации."
        )
    if ctx.relationship == Relationship.CLIENT:
        return (
            "Благодарим вас за сотрудничество: условия этого предложения подготовлены "
            "с учётом задач вашей организации и опыта наших поставок."
        )
    if ctx.relationship == Relationship.WIN_BACK:
        return (
            "Мы хотим возобновить сотрудничество с вашей организацией и подготовили условия "
            "с учётом прежнего опыта поставок и нынешних задач."
        )
    if ctx.relationship == Relationship.NEW:
        return (
            "Мы подготовили это предложение с учётом задач вашей организации и будем рады "
            "начать сотрудничество."
        )
    return "Условия этого предложения мы подготовили с учётом задач вашей организации."


def _hr(ctx: ArgumentContext) -> str:
    """References to similar projects, or nothing: no promise without a list behind it."""
    names = [n.strip() for n in ctx.references if n.strip()]
    if not names:
        return ""
    return (
        f"Аналогичные проекты уже работают у наших клиентов: {', '.join(names[:3])}; готовы "
        "предоставить отзывы и контакты коллег для рекомендаций. Для сотрудников проведём "
        "обучение по применению препаратов и предоставим методические материалы."
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
