"""The one-page pre-call brief («памятка к визиту») as PDF."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from kamdesk.documents.fonts import noting_unprintable, register_fonts
from kamdesk.documents.layout import flowing_table
from kamdesk.documents.pdf_pages import Furniture, numbered_canvas
from kamdesk.documents.printed import PrintedFile, gathered, unprintable_warning
from kamdesk.documents.visits.brief_dmu import dmu_drawing, map_scale
from kamdesk.documents.visits.labels import ATTITUDE, ROLE, pick
from kamdesk.documents.visits.pdf_common import Translate, grid_style, plain, styles, text
from kamdesk.services.formatting import money, number, percent
from kamdesk.services.visits.brief import BriefContent
from kamdesk.services.visits.brief_dossier import BriefDossier
from kamdesk.vocabulary import TenderResult

HEADINGS: dict[str, tuple[str, str]] = {
    "title": ("Визит: {account}", "Visit: {account}"),
    "when": ("{day} {start}–{end}, {place}", "{day} {start}–{end}, {place}"),
    "departure": ("Выезд в {time} (в пути {travel} мин)", "Leave at {time} ({travel} min)"),
    "no_departure": ("Время выезда неизвестно", "Departure time unknown"),
    "readiness": ("Готовность {score}", "Readiness {score}"),
    "objective": ("Цель", "Objective"),
    "agenda": ("Повестка", "Agenda"),
    "attendees": ("Участники", "Attendees"),
    "name": ("Участник", "Attendee"),
    "role": ("Роль, влияние, отношение", "Role, influence, attitude"),
    "style": ("Как говорить", "How to talk"),
    "address": ("Обращение и этикет", "Address and etiquette"),
    "questions": ("Вопросы", "Questions"),
    "objections": ("Возражения и ответы", "Objections and answers"),
    "products": ("Препараты визита", "Products of this visit"),
    "price": ("{price} без НДС", "{price} excl. VAT"),
    "no_answer": ("ответ не подготовлен", "no answer prepared"),
    "negotiation": ("План переговоров", "Negotiation plan"),
    "target": ("Цель переговоров: {value}", "Target result: {value}"),
    "walk_away": ("Точка выхода: {value}", "Walk-away point: {value}"),
    "concessions": ("Уступки по порядку:", "Concessions, in order:"),
    "offer": ("КП {number}, ред. {edition}: {lines} поз., {total} с НДС, до {until}",
              "Offer {number}, ed. {edition}: {lines} lines, {total} incl. VAT, until {until}"),
    "follow_ups": ("Открытые задачи по клиенту", "Open follow-ups with this client"),
    "overdue": ("просрочено", "overdue"),
    "to_fix": ("Не готово", "Not ready"),
    "dmu": ("Схема принятия решений", "Decision-making map"),
    "gaps": ("Чего не знаем", "What we do not know"),
    "more": ("… и ещё {count}", "… and {count} more"),
    "dossier": ("Досье", "Dossier"),
    "needs": ("Потребности", "Needs"),
    "plans": ("Планы", "Plans"),
    "worries": ("Беспокоит", "Worries"),
    "complaints": ("Открытая рекламация — решить до продажи",
                   "Open complaint: resolve before selling"),
    "tender": ("Последний тендер", "Last tender"),
    "events": ("События", "Events"),
    "competitors": ("Конкуренты здесь", "Competitors here"),
    "sales": ("Продажи", "Sales"),
    "trend": ("за {months} мес. {recent} ₽ (пред. {months} мес.: {previous} ₽)",
              "{months} months {recent} RUB (previous {months}: {previous} RUB)"),
    "with_pharmacies": ("с {count} аптеками сети", "with the chain's {count} pharmacies"),
    "no_sales": ("за {months} мес. продаж нет", "no sales in {months} months"),
    "no_dossier": ("досье пусто: до визита узнайте потребности, планы и историю клиента",
                   "the dossier is empty: learn the client's needs, plans and history first"),
}  # fmt: skip

TREND: dict[str, tuple[str, str]] = {
    "up": ("рост на {change}", "up {change}"),
    "down": ("падение на {change}", "down {change}"),
    "stable": ("стабильно ({change})", "stable ({change})"),
    "new": ("новые продажи", "new sales"),
}
TENDER_RESULT: dict[TenderResult, tuple[str, str]] = {
    TenderResult.PENDING: ("итог ещё не известен", "pending"),
    TenderResult.WON: ("выигран", "won"),
    TenderResult.LOST: ("проигран", "lost"),
    TenderResult.CANCELLED: ("отменён", "cancelled"),
}
EVENT_KIND: dict[str, tuple[str, str]] = {
    "delivery": ("поставка", "delivery"),
    "agreement": ("договорённость", "agreement"),
    "note": ("заметка", "note"),
}
SHORT_TEXT = 170  # characters of a dossier field on the page: the card has the rest

MAX_MAP_HEIGHT = 330.0  # points: a fuller page shrinks the map, an emptier one stops here
LIST_LIMITS = (None, 8, 5, 3)  # long lists are cut to these lengths until the map fits


def print_brief(
    content: BriefContent, target: Path, language: str = "ru", translate: Translate = plain
) -> PrintedFile:
    """Write the brief to `target`: the file, its pages and its warnings."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=11 * mm,
        rightMargin=11 * mm,
        topMargin=10 * mm,
        bottomMargin=15 * mm,
        # The viewer's title bar speaks the brief's language too.
        title=pick(HEADINGS["title"], language).format(account=content.account_name),
        creator="KAMdesk",
    )
    frame = (A4[0] - 22 * mm - 12, A4[1] - 25 * mm - 12)  # the frame's default 6 pt padding
    story = _fitted(content, styles(8.5), language, translate, frame)
    furniture = Furniture(f"{content.account_name}, {content.starts_at:%d.%m.%Y}", False, 0)
    with noting_unprintable() as unprintable:
        document.build(story, canvasmaker=numbered_canvas(furniture))
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(buffer.getvalue())
    return PrintedFile(target, document.page, gathered(unprintable_warning(unprintable)))


def write_brief_pdf(
    content: BriefContent, target: Path, language: str = "ru", translate: Translate = plain
) -> Path:
    """`print_brief` for callers that only want the path; warnings go to the log."""
    printed = print_brief(content, target, language, translate)
    printed.log_warnings()
    return printed.path


def _fitted(
    c: BriefContent, st: dict[str, Any], lang: str, tr: Translate, frame: tuple[float, float]
) -> list[Any]:
    """The story with the DMU map as large as the page allows, lists cut if need be."""
    width, height = frame

    def laid_out(limit: int | None, products: bool) -> tuple[list[Any], float, float]:
        story = _story(c, st, lang, tr, limit, products)
        room = height - _height(story, width) - 6
        return story, room, map_scale(c.dmu, width, min(room, MAX_MAP_HEIGHT))

    for limit in LIST_LIMITS:
        story, room, scale = laid_out(limit, products=True)
        if (c.products or any(a.openers for a in c.attendees)) and c.dmu.nodes:
            # The products' line and the conversation openers stay only where they do not
            # shrink the map of who decides (the objections name the products anyway).
            bare = laid_out(limit, products=False)
            if scale < bare[2]:
                story, room, scale = bare
        # No map to draw: cut the lists only when the page is full without it.
        if scale or limit == LIST_LIMITS[-1] or (not c.dmu.nodes and room >= 0):
            break
    if scale:
        at = next(i for i, f in enumerate(story) if getattr(f, "dmu_anchor", False)) + 1
        story.insert(at, dmu_drawing(c.dmu, c.dmu_attendees, scale, lang))
    return story


def _height(story: list[Any], width: float) -> float:
    total = 0.0
    for flowable in story:
        _, h = flowable.wrap(width, 10_000)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _cut(items: Sequence[Any], limit: int | None) -> tuple[list[Any], int]:
    """The first `limit` items and how many were left out."""
    if limit is None or len(items) <= limit:
        return list(items), 0
    return list(items[:limit]), len(items) - limit


def _story(
    c: BriefContent,
    st: dict[str, Any],
    lang: str,
    tr: Translate,
    limit: int | None = None,
    products: bool = True,
) -> list[Any]:
    from reportlab.platypus import Paragraph

    def h(key: str, **params: object) -> str:
        return pick(HEADINGS[key], lang).format(**params)

    def more(left_out: int) -> list[str]:
        return [f"<i>{h('more', count=left_out)}</i>"] if left_out else []

    story: list[Any] = [Paragraph(text(h("title", account=c.account_name)), st["title"])]
    story.append(
        Paragraph(
            text(
                h(
                    "when",
                    day=f"{c.starts_at:%d.%m.%Y}",
                    start=f"{c.starts_at:%H:%M}",
                    end=f"{c.ends_at:%H:%M}",
                    place=c.place or "—",
                )
            ),
            st["base"],
        )
    )
    departure = (
        h("departure", time=f"{c.departure_at:%H:%M}", travel=c.travel_min)
        if c.departure_at
        else h("no_departure")
    )
    readiness = percent(c.readiness.score, lang)
    story.append(
        Paragraph(
            f"<b>{text(departure)}</b> · {text(h('readiness', score=readiness))}",
            st["base"],
        )
    )
    if c.problems:
        story.append(
            Paragraph(
                f"<b>{h('to_fix')}:</b> " + "; ".join(text(tr(p)) for p in c.problems[:8]),
                st["small"],
            )
        )
    for key, value in (("objective", c.objective), ("agenda", c.agenda)):
        if value.strip():
            story.append(Paragraph(h(key), st["h2"]))
            story.append(Paragraph(text(value), st["base"]))
    if c.dossier is not None:
        story.extend(_dossier(c.dossier, st, h, lang))
    if c.attendees:
        story.append(Paragraph(h("attendees"), st["h2"]))
        rows = [[Paragraph(h(k), st["head"]) for k in ("name", "role", "style", "address")]]
        for a in c.attendees:
            role = ", ".join(
                part
                for part in (
                    pick(ROLE[a.dmu_role], lang) if a.dmu_role else "",
                    f"{a.influence}/5" if a.influence else "",
                    pick(ATTITUDE[a.attitude], lang) if a.attitude else "",
                )
                if part
            )
            etiquette = [a.form_of_address, *(tr(note) for note in a.etiquette)]
            if products:  # the extras that give way to the map on a full page
                etiquette += [tr(note) for note in a.openers]
            rows.append(
                [
                    Paragraph(f"<b>{text(a.full_name)}</b><br/>{text(a.position)}", st["cell"]),
                    Paragraph(text(role), st["cell"]),
                    Paragraph(text(tr(a.psychotype_tip)) if a.psychotype_tip else "—", st["cell"]),
                    Paragraph("<br/>".join(text(e) for e in etiquette if e), st["cell"]),
                ]
            )
        story.append(
            flowing_table(rows, colWidths=["24%", "18%", "33%", "25%"], style=grid_style())
        )
    story.extend(_dmu_section(c, st, h, tr))
    if c.questions:
        questions, left_out = _cut(c.questions, limit)
        story.append(Paragraph(h("questions"), st["h2"]))
        story.append(
            Paragraph(
                "<br/>".join(
                    [f"{n}. {text(q)}" for n, q in enumerate(questions, 1)] + more(left_out)
                ),
                st["base"],
            )
        )
    if c.objections:
        objections, left_out = _cut(c.objections, limit)
        story.append(Paragraph(h("objections"), st["h2"]))
        story.append(
            Paragraph(
                "<br/>".join(
                    [
                        f"<b>«{text(o.objection)}»</b>"
                        + (f" ({text(o.product)})" if o.product else "")
                        + f" — {text(o.answer) if o.answer else '<i>' + h('no_answer') + '</i>'}"
                        for o in objections
                    ]
                    + more(left_out)
                ),
                st["small"],
            )
        )
    if c.products and products:
        shown, left_out = _cut(c.products, limit)
        # A run-in heading, not a section: the page's room goes to the map of who decides.
        lines = _product_lines(shown, h, lang, limit) + more(left_out)
        story.append(Paragraph(f"<b>{h('products')}:</b> " + "; ".join(lines), st["small"]))
    if c.is_commercial:
        story.extend(_negotiation(c, st, h, lang))
    if c.open_follow_ups:
        # Overdue first: those are what the client may bring up.
        ordered = sorted(c.open_follow_ups, key=lambda f: not f.overdue)
        follow_ups, left_out = _cut(ordered, limit)
        story.append(Paragraph(h("follow_ups"), st["h2"]))
        story.append(
            Paragraph(
                "<br/>".join(
                    [
                        f"• {text(f.title)}"
                        + (f" — {f.due_on:%d.%m.%Y}" if f.due_on else "")
                        + (f" <b>({h('overdue')})</b>" if f.overdue else "")
                        for f in follow_ups
                    ]
                    + more(left_out)
                ),
                st["small"],
            )
        )
    return story


def _product_lines(products: Sequence[Any], h: Any, lang: str, limit: int | None) -> list[str]:
    """One line a product: its name, price and the key messages to carry in (fewer, then
    none, as the page gets tight: the map of who decides matters more)."""
    messages = 3 if limit is None else 1 if limit > 5 else 0
    lines = []
    for product in products:
        parts = [f"<b>{text(product.name)}</b>"]
        if product.price is not None:
            parts.append(h("price", price=money(product.price, lang)))
        line = ", ".join(parts)
        if product.key_messages:
            line += " — " + "; ".join(text(m) for m in product.key_messages[:messages])
        lines.append(line)
    return lines


def _dmu_section(c: BriefContent, st: dict[str, Any], h: Any, tr: Translate) -> list[Any]:
    """The map's heading (the drawing goes right after it, sized by `_fitted`) and its gaps."""
    from reportlab.platypus import Paragraph

    heading = Paragraph(h("dmu"), st["h2"])
    heading.dmu_anchor = True
    section: list[Any] = [heading]
    if c.dmu.gaps:
        section.append(
            Paragraph(
                f"<b>{h('gaps')}:</b> " + "; ".join(text(tr(g)) for g in c.dmu.gaps),
                st["small"],
            )
        )
    return section


def _negotiation(c: BriefContent, st: dict[str, Any], h: Any, lang: str) -> list[Any]:
    from reportlab.platypus import Paragraph

    lines = []
    if c.target_result:
        lines.append(text(h("target", value=c.target_result)))
    if c.walk_away_point:
        lines.append(text(h("walk_away", value=c.walk_away_point)))
    if c.concessions:
        lines.append(text(h("concessions")))
        lines.extend(f"{n}. {text(s)}" for n, s in enumerate(c.concessions, 1))
    if c.offer:
        total = money(c.offer.total_with_vat, lang) or "—"
        lines.append(
            "<b>"
            + text(
                h(
                    "offer",
                    number=c.offer.number,
                    edition=c.offer.edition,
                    lines=c.offer.lines,
                    total=total,
                    until=f"{c.offer.valid_until:%d.%m.%Y}",
                )
            )
            + "</b>"
        )
    if not lines:
        return []
    return [Paragraph(h("negotiation"), st["h2"]), Paragraph("<br/>".join(lines), st["base"])]


def _short(value: str, limit: int = SHORT_TEXT) -> str:
    """One line of a dossier field: newlines folded, long text cut at a word with «…»."""
    flat = " ".join(value.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0].rstrip(",.;:—-")
    return cut + "…"


def _dossier(d: BriefDossier, st: dict[str, Any], h: Any, lang: str) -> list[Any]:
    """The dossier in a few labelled lines (field guide §3, mistake 4 «отсутствие сведений»)."""
    from reportlab.platypus import Paragraph

    def line(key: str, value: str) -> str:
        return f"<b>{h(key)}:</b> {text(value)}"

    lines: list[str] = []
    for complaint in d.open_complaints:
        lines.append(
            f'<font color="#c62828"><b>{h("complaints")}:</b> '
            f"{complaint.occurred_on:%d.%m.%Y} {text(_short(complaint.subject))}</font>"
        )
    for key, value in (("needs", d.needs), ("plans", d.plans), ("worries", d.worries)):
        if value:
            lines.append(line(key, _short(value)))
    if d.last_tender:
        t = d.last_tender
        parts = [f"{t.occurred_on:%d.%m.%Y}"]
        if t.number:
            parts.append(f"№ {t.number}")
        if t.subject:
            parts.append(_short(t.subject, 90))
        if t.amount is not None:
            parts.append(money(t.amount, lang))
        outcome = pick(TENDER_RESULT[t.result], lang) if t.result else ""
        if t.reason:
            outcome = f"{outcome}: {_short(t.reason, 90)}" if outcome else _short(t.reason, 90)
        lines.append(line("tender", ", ".join(parts) + (f" — {outcome}" if outcome else "")))
    if d.recent_events:
        lines.append(
            line(
                "events",
                "; ".join(
                    f"{e.occurred_on:%d.%m.%Y} "
                    + (
                        f"{pick(EVENT_KIND[e.kind.value], lang)}: "
                        if e.kind.value in EVENT_KIND
                        else ""
                    )
                    + _short(e.subject, 80)
                    for e in d.recent_events
                ),
            )
        )
    if d.competitors:
        shown = [
            k.company
            + (
                f" ({_short('; '.join(p for p in (k.products, k.terms) if p), 70)})"
                if k.products or k.terms
                else ""
            )
            for k in d.competitors
        ]
        if d.more_competitors:
            shown.append(h("more", count=d.more_competitors))
        lines.append(line("competitors", "; ".join(shown)))
    if d.trend is not None:
        lines.append(line("sales", _trend(d, h, lang)))
    if d.is_empty:
        lines.insert(0, f"<b>{text(h('no_dossier'))}</b>")
    return [Paragraph(h("dossier"), st["h2"]), Paragraph("<br/>".join(lines), st["small"])]


def _roubles(amount: Decimal, lang: str) -> str:
    """Whole roubles, as a KAM quotes a period's sales: «1 234 568»."""
    return number(amount, 0, lang)


def _trend(d: BriefDossier, h: Any, lang: str) -> str:
    trend = d.trend
    assert trend is not None
    if trend.direction == "none":
        said = h("no_sales", months=trend.months)
    else:
        said = h(
            "trend",
            months=trend.months,
            recent=_roubles(trend.recent, lang),
            previous=_roubles(trend.previous, lang),
        )
        change = trend.change_pct
        shown = ""
        if change is not None:
            # «рост на 12 %», «падение на 15 %», «стабильно (−3 %)»
            signed = trend.direction == "stable" and change != 0
            figure = percent(abs(int(change)), lang)
            shown = ("+" if change > 0 else "−") + figure if signed else figure
        said += ", " + pick(TREND[trend.direction], lang).format(change=shown)
    if trend.includes_pharmacies:
        said += f" ({h('with_pharmacies', count=trend.includes_pharmacies)})"
    return said
