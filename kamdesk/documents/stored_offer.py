"""From a stored offer to its printed form: checks first, then the PDF.

A PDF that looks finished must be right: it is refused while a supplier
requisite is missing, while a draft's validity date has passed, when a line
has no quantity or price, or when an annex file is gone. A reply to a price
request is refused without the request's number and date, or while a product
has no registration number (line_checks.reply_problems). An offer over the
discount envelope and not yet approved prints with the «ПРОЕКТ» watermark.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path

from sqlalchemy import select

from kamdesk.documents.offer_document import (
    DocAnnex,
    DocLine,
    DocReader,
    DocSupplier,
    DocTeamMember,
    DocTotals,
    OfferDocument,
)
from kamdesk.documents.printed import PrintedFile
from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import Account
from kamdesk.services.offers.line_checks import reply_problems
from kamdesk.services.offers.model import OfferStatus, OfferView
from kamdesk.services.offers.money import amount_in_words
from kamdesk.services.offers.service import OfferBook, OfferError
from kamdesk.services.offers.vat_lines import describe_changes
from kamdesk.store import Store

Progress = Callable[[int, str], None]


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def is_female(patronymic_or_form: str) -> bool:
    """Russian patronymics tell the gender: «Ивановна», «Ильинична», «… кызы»."""
    last = patronymic_or_form.strip().split(" ")[-1].casefold()
    return last.endswith(("вна", "чна", "шна", "кызы"))


def print_problems(book: OfferBook, view: OfferView, today: date) -> dict[str, Message]:
    problems: dict[str, Message] = {}
    supplier = book.settings().supplier
    missing = supplier.missing()
    if missing:
        problems["supplier"] = _msg(
            QT_TRANSLATE_NOOP(
                "Offers", "fill in the supplier's details in settings before printing: {missing}"
            ),
            missing=", ".join(str(m) for _, m in missing),
        )
    if view.row.status == OfferStatus.DRAFT:
        problems.update(
            {k: v for k, v in book.validate(view.draft, today).items() if k != "annexes"}
        )
    with book.store.session() as session:
        problems.update(reply_problems(session, view.draft))
    for annex in view.draft.annexes:
        if not Path(annex.path).is_file():
            problems["annexes"] = _msg(
                QT_TRANSLATE_NOOP("Offers", "the annex «{title}» file is missing: attach it again"),
                title=annex.title,
            )
    return problems


def build_document(store: Store, offer_id: uuid.UUID, today: date | None = None) -> OfferDocument:
    """The printable content of an offer; OfferError lists why it cannot be printed."""
    today = today or date.today()
    book = OfferBook(store)
    view = book.get(offer_id)
    if view is None:
        raise OfferError({"id": _msg(QT_TRANSLATE_NOOP("Offers", "the offer was deleted"))})
    problems = print_problems(book, view, today)
    if problems:
        raise OfferError(problems)
    with store.session() as session:
        account = session.scalar(select(Account).where(Account.id == view.row.account_id))
        client_address = account.address if account else ""
    draft = view.draft
    lines = []
    for position, line in enumerate(draft.lines, start=1):
        f = line.figures(draft.is_price_reply)
        lines.append(
            DocLine(
                position=position,
                title=line.title,
                sku=line.sku,
                quantity=f.quantity,
                unit_price=f.unit_price,
                discount_pct=f.discount_pct,
                discounted_price=f.discounted_price,
                net=f.net,
                vat_rate=f.vat_rate,
                vat=f.vat,
                total=f.total,
                registration_number=line.registration_number,
            )
        )
    t = draft.totals()
    vat_note = ""
    if view.vat_changes and view.previous_edition is not None:
        vat_note = describe_changes(view.vat_changes, *view.previous_edition)
    return OfferDocument(
        number=view.row.number,
        edition=view.row.edition,
        offer_date=draft.offer_date,
        valid_until=draft.valid_until,
        supplier=DocSupplier(**asdict(book.settings().supplier)),
        client_name=view.row.account_name,
        client_address=client_address,
        lines=lines,
        totals=DocTotals(
            t.before_discount,
            t.discount,
            t.net,
            t.vat,
            t.total,
            t.vat_by_rate,
            amount_in_words(t.total),
        ),
        readers=[
            DocReader(
                a.full_name,
                a.position,
                a.form_of_address,
                a.arguments,
                female=is_female(a.form_of_address or a.full_name),
            )
            for a in draft.addressees
        ],
        benefit=draft.benefit,
        exclusivity=draft.exclusivity,
        delivery_terms=draft.delivery_terms,
        payment_terms=draft.payment_terms,
        team=[DocTeamMember(m.full_name, m.job_title, m.contacts) for m in draft.team],
        annexes=[DocAnnex(a.title, Path(a.path)) for a in draft.annexes],
        draft=view.blocked_by_approval,
        qr_payload=f"KAMDESK-KP:{view.row.number};ред.{view.row.edition};{view.row.id}",
        vat_note=vat_note,
        payment_deferral_days=draft.payment_deferral_days,
        price_reply=draft.is_price_reply,
        price_request_number=draft.price_request_number,
        price_request_date=draft.price_request_date,
    )


def render_pdf(
    store: Store,
    offer_id: uuid.UUID,
    target: Path,
    today: date | None = None,
    progress: Progress | None = None,
) -> PrintedFile:
    """Check and write the offer's PDF to `target`: the file, its pages and what the
    reader should know (characters printed as «?», a logo left out)."""
    from kamdesk.documents.offer_pdf import print_offer

    document = build_document(store, offer_id, today)
    return print_offer(document, Path(target), progress)
