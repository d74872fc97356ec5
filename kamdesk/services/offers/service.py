"""Creating, editing and reading offers.

Saving a draft rewrites it in place; saving over a sent, rejected or expired
offer makes a new edition (same number, edition + 1, back to draft) and leaves
the old one readable; an accepted offer cannot be changed. Every save checks
the discount envelope: a line above it marks the offer "needs approval", and a
change of discounts or of the payment deferral withdraws an approval given before.
The deferral (days) is checked against the envelope like a discount (envelope_check).

An offer has one line per product (SKU): a second line for the same product is
refused, its quantity belongs on the first. Every save sets each line's VAT to
the rate in force on the offer's date (vat_lines); a new edition records in its
history where that rate differs from the previous edition's.
"""

from __future__ import annotations

import builtins
import hashlib
import shutil
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import (
    Account,
    Contact,
    Offer,
    OfferAddressee,
    OfferAnnex,
    OfferLine,
    OfferStatus,
    OfferStatusChange,
    OfferTeamMember,
    SyncState,
)
from kamdesk.services.offers import reading, vat_lines
from kamdesk.services.offers.envelope_check import check_envelope, deferral_limit
from kamdesk.services.offers.envelope_check import discount_limits as _envelopes
from kamdesk.services.offers.line_checks import (
    draft_problems,
    duplicate_problem,
    line_problems,
)
from kamdesk.services.offers.model import (
    LineInput,
    OfferDraft,
    OfferRow,
    OfferView,
    VatChange,
)
from kamdesk.services.offers.numbering import device_code_for, next_number
from kamdesk.services.offers.settings import OfferSettings, load_offer_settings
from kamdesk.services.products.catalog import current_prices
from kamdesk.store import INCLUDE_DELETED, Store, soft_delete
from kamdesk.store.natural_keys import find_or_restore
from kamdesk.vocabulary import OfferPurpose


class OfferError(ValueError):
    """Input or a state change the offer refuses; `messages` maps a field to what is wrong."""

    def __init__(self, messages: dict[str, Message]) -> None:
        super().__init__("; ".join(str(m) for m in messages.values()))
        self.messages = messages


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


# Copied from the draft to the offer as they are.
FIELDS = (
    "offer_date",
    "valid_until",
    "delivery_terms",
    "payment_terms",
    "payment_deferral_days",
    "purpose",
    "price_request_date",
)


def attachments_dir(store: Store) -> Path:
    """Annex files live beside the store, named by their SHA-256."""
    return store.path.parent / "attachments"


class OfferBook:
    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def store(self) -> Store:
        return self._store

    # Reading ------------------------------------------------------------------------------

    def list(
        self,
        text: str = "",
        statuses: frozenset[OfferStatus] = frozenset(),
        account_id: uuid.UUID | None = None,
    ) -> list[OfferRow]:
        """The latest edition of every offer, newest first."""
        with self._store.session() as session:
            return reading.offer_rows(session, text, statuses, account_id)

    def get(self, offer_id: uuid.UUID) -> OfferView | None:
        regime = self.settings().regime
        with self._store.session() as session:
            return reading.offer_view(session, offer_id, attachments_dir(self._store), regime)

    def find(self, number: str, edition: int | None = None) -> OfferView | None:
        """An offer by its number: the given edition or the latest."""
        with self._store.session() as session:
            statement = select(Offer.id).where(Offer.number == number.strip())
            if edition is not None:
                statement = statement.where(Offer.edition == edition)
            offer_id = session.scalar(statement.order_by(Offer.edition.desc()).limit(1))
        return self.get(offer_id) if offer_id else None

    def settings(self) -> OfferSettings:
        return load_offer_settings(self._store)

    def device_code(self) -> str:
        with self._store.session() as session:
            return self._code(session, self.settings())

    def _code(self, session: Session, settings: OfferSettings) -> str:
        """The laptop code in offer numbers: the office's once enrolled (unique in the
        office), else the one set in settings, else one derived from the client id."""
        enrolled = session.scalar(select(SyncState.laptop_code).where(SyncState.id == 1))
        return enrolled or settings.device_code or device_code_for(self._store.client_id)

    def new_draft(self, account_id: uuid.UUID, today: date | None = None) -> OfferDraft:
        today = today or date.today()
        days = self.settings().validity_days
        return OfferDraft(
            account_id=account_id,
            offer_date=today,
            valid_until=date.fromordinal(today.toordinal() + days),
        )

    def new_price_reply(
        self,
        account_id: uuid.UUID,
        request_number: str,
        request_date: date,
        today: date | None = None,
    ) -> OfferDraft:
        """A draft reply to a state customer's price request (44-ФЗ, НМЦК); add lines
        (no discounts) and `save` it like any offer."""
        draft = self.new_draft(account_id, today)
        draft.purpose = OfferPurpose.PRICE_REPLY
        draft.price_request_number = request_number
        draft.price_request_date = request_date
        return draft

    def price_for(self, product_id: uuid.UUID, on: date) -> Decimal | None:
        with self._store.session() as session:
            return current_prices(session, on, [product_id]).get(product_id)

    def apply_vat(self, lines: builtins.list[LineInput], on: date) -> builtins.list[LineInput]:
        """Give each line its product's VAT rate on `on`, as saving will."""
        regime = self.settings().regime
        with self._store.session() as session:
            return vat_lines.apply_rates(session, lines, on, regime)

    def vat_changes(
        self,
        before: builtins.list[LineInput],
        before_date: date,
        after: builtins.list[LineInput],
        after_date: date,
    ) -> tuple[VatChange, ...]:
        """Where the lines' VAT differs between two dates' editions (see vat_lines)."""
        regime = self.settings().regime
        with self._store.session() as session:
            return vat_lines.vat_changes(session, before, before_date, after, after_date, regime)

    def max_discounts(
        self, account_id: uuid.UUID, product_ids: builtins.list[uuid.UUID]
    ) -> dict[uuid.UUID, Decimal]:
        """The envelope for each product at this account."""
        settings = self.settings()
        with self._store.session() as session:
            return _envelopes(session, settings, account_id, product_ids)

    def max_deferral(self, account_id: uuid.UUID) -> int:
        """The longest payment deferral (days) this account may get without approval."""
        settings = self.settings()
        with self._store.session() as session:
            return deferral_limit(session, settings, account_id)

    # Checking -----------------------------------------------------------------------------

    def validate(self, draft: OfferDraft, today: date | None = None) -> dict[str, Message]:
        """Every problem with the draft, keyed by field («lines.2.quantity» for a line)."""
        today = today or date.today()
        problems: dict[str, Message] = {}
        with self._store.session() as session:
            # None: a new offer whose client the KAM has not chosen yet.
            account = session.get(Account, draft.account_id) if draft.account_id else None
            if account is None or account.deleted_at is not None:
                problems["account"] = _msg(QT_TRANSLATE_NOOP("Offers", "choose the account"))
            if not draft.lines:
                problems["lines"] = _msg(
                    QT_TRANSLATE_NOOP("Offers", "add at least one product line")
                )
            first_line: dict[uuid.UUID, int] = {}
            for index, line in enumerate(draft.lines, start=1):
                problems.update(line_problems(session, index, line))
                if line.product_id in first_line:
                    problems[f"lines.{index}.product"] = duplicate_problem(
                        session, index, first_line[line.product_id], line
                    )
                first_line.setdefault(line.product_id, index)
            for addressee in draft.addressees:
                contact = session.get(Contact, addressee.contact_id)
                if contact is None or contact.account_id != draft.account_id:
                    problems["addressees"] = _msg(
                        QT_TRANSLATE_NOOP("Offers", "an addressee does not work at this account")
                    )
        problems.update(draft_problems(draft))
        if draft.valid_until < draft.offer_date:
            problems["valid_until"] = _msg(
                QT_TRANSLATE_NOOP("Offers", "the offer cannot expire before its date")
            )
        elif draft.valid_until < today:
            problems["valid_until"] = _msg(
                QT_TRANSLATE_NOOP(
                    "Offers", "the validity date {date} has already passed: choose a later date"
                ),
                date=f"{draft.valid_until:%d.%m.%Y}",
            )
        for annex in draft.annexes:
            path = Path(annex.path)
            if not annex.sha256 and (not path.is_file() or path.suffix.lower() != ".pdf"):
                problems["annexes"] = _msg(
                    QT_TRANSLATE_NOOP("Offers", "annex {name} is not a PDF file"), name=path.name
                )
        return problems

    # Writing ------------------------------------------------------------------------------

    def save(self, draft: OfferDraft, today: date | None = None) -> uuid.UUID:
        """Store the draft; returns the id of the offer (a new edition's id if one was made)."""
        problems = self.validate(draft, today)
        if problems:
            raise OfferError(problems)
        stored_annexes = [self._store_annex(a.path, a.sha256) for a in draft.annexes]
        settings = self.settings()
        now = self._store.now()
        with self._store.transaction() as session:
            vat_lines.apply_rates(session, draft.lines, draft.offer_date, settings.regime)
            offer, previous_lines, is_new = self._target(session, draft, settings)
            previous_deferral = None if is_new else offer.payment_deferral_days
            for name in FIELDS:
                setattr(offer, name, getattr(draft, name))
            offer.benefit = draft.benefit.strip()
            offer.exclusivity = draft.exclusivity.strip()
            offer.price_request_number = draft.price_request_number.strip()
            offer.account_id = draft.account_id
            session.flush()
            _replace_children(session, offer.id, draft, stored_annexes)
            check = check_envelope(
                session, settings, draft.account_id, draft.lines, draft.payment_deferral_days
            )
            offer.needs_approval = check.needs_approval
            new_lines = [(ln.product_id, ln.discount_pct) for ln in draft.lines]
            asked = offer.approved_by or offer.approval_status
            changed = new_lines != previous_lines or (
                not is_new and draft.payment_deferral_days != previous_deferral
            )
            if asked and (not offer.needs_approval or changed):
                # Other concessions: an answer (or a request) about the old ones is void.
                offer.approved_by, offer.approved_at = "", None
                offer.approval_status, offer.approved_by_id = "", None
                offer.approval_requested_at = None
            if is_new:
                session.add(
                    OfferStatusChange(
                        offer_id=offer.id,
                        from_status=None,
                        to_status=OfferStatus.DRAFT,
                        changed_at=now,
                        note=_edition_note(session, offer, draft, settings),
                    )
                )
            return offer.id

    def delete(self, offer_id: uuid.UUID) -> None:
        """Only a draft that was never sent can be deleted (its number is not reused)."""
        with self._store.transaction() as session:
            offer = session.get(Offer, offer_id)
            if offer is None:
                return
            if offer.status != OfferStatus.DRAFT:
                raise OfferError(
                    {"status": _msg(QT_TRANSLATE_NOOP("Offers", "only a draft can be deleted"))}
                )
            soft_delete(session, offer)

    def _target(
        self, session: Session, draft: OfferDraft, settings: OfferSettings
    ) -> tuple[Offer, builtins.list[tuple[uuid.UUID, Decimal]], bool]:
        if draft.id is None:
            code = self._code(session, settings)
            offer = Offer(
                number=next_number(session, draft.offer_date.year, code),
                edition=1,
                account_id=draft.account_id,
                owner_id=session.scalar(select(SyncState.user_id).where(SyncState.id == 1)),
                offer_date=draft.offer_date,
                valid_until=draft.valid_until,
                status=OfferStatus.DRAFT,
            )
            session.add(offer)
            return offer, [], True
        current = session.get(Offer, draft.id)
        if current is None or current.deleted_at is not None:
            raise OfferError({"id": _msg(QT_TRANSLATE_NOOP("Offers", "the offer was deleted"))})
        latest = session.scalar(
            select(func.max(Offer.edition)).where(Offer.number == current.number)
        )
        if current.edition != latest:
            raise OfferError(
                {
                    "id": _msg(
                        QT_TRANSLATE_NOOP(
                            "Offers", "edition {edition} is not the latest: edit the latest one"
                        ),
                        edition=current.edition,
                    )
                }
            )
        lines = [
            (line.product_id, line.discount_pct)
            for line in session.scalars(
                select(OfferLine)
                .where(OfferLine.offer_id == current.id)
                .order_by(OfferLine.position)
            )
        ]
        if current.status == OfferStatus.DRAFT:
            return current, lines, False
        if current.status == OfferStatus.ACCEPTED:
            raise OfferError(
                {"status": _msg(QT_TRANSLATE_NOOP("Offers", "an accepted offer cannot be changed"))}
            )
        # One per previous edition (its id derived from it): a deleted draft of the next
        # edition comes back as the new draft, its children replaced by the save.
        edition = find_or_restore(
            session, Offer, previous_edition_id=current.id, edition=current.edition + 1
        )
        fresh = {
            "number": current.number,
            "account_id": current.account_id,
            "owner_id": current.owner_id,
            "offer_date": draft.offer_date,
            "valid_until": draft.valid_until,
            "status": OfferStatus.DRAFT,
            "approved_by": "",
            "approved_at": None,
            "approval_status": "",
            "approved_by_id": None,
            "approval_requested_at": None,
        }
        for name, value in fresh.items():
            if getattr(edition, name) != value:
                setattr(edition, name, value)
        return edition, [], True

    def _store_annex(self, path_text: str, sha256: str) -> tuple[str, str]:
        """Copy an annex into the attachments folder; returns (file name, sha256)."""
        folder = attachments_dir(self._store)
        if sha256 and (folder / f"{sha256}.pdf").is_file():
            return f"{sha256}.pdf", sha256
        path = Path(path_text)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{digest}.pdf"
        if not target.exists():
            shutil.copyfile(path, target)
        return target.name, digest


def _edition_note(
    session: Session, offer: Offer, draft: OfferDraft, settings: OfferSettings
) -> str:
    """«редакция 2», and where the VAT changed since the edition it replaces."""
    if offer.edition == 1 or offer.previous_edition_id is None:
        return ""
    previous = session.get(Offer, offer.previous_edition_id)
    assert previous is not None
    changes = vat_lines.vat_changes(
        session,
        reading.stored_lines(session, previous.id),
        previous.offer_date,
        reading.titled(session, draft.lines),
        draft.offer_date,
        settings.regime,
    )
    note = f"редакция {offer.edition}"
    if changes:
        note += ". " + vat_lines.describe_changes(changes, previous.edition, previous.offer_date)
    return note


def _replace_children(
    session: Session, offer_id: uuid.UUID, draft: OfferDraft, annexes: list[tuple[str, str]]
) -> None:
    for model in (OfferLine, OfferTeamMember, OfferAnnex):
        for row in session.scalars(select(model).where(model.offer_id == offer_id)):
            soft_delete(session, row)
    # An addressee row is unique per offer and contact: revive it rather than add a twin.
    known = {
        row.contact_id: row
        for row in session.scalars(
            select(OfferAddressee)
            .where(OfferAddressee.offer_id == offer_id)
            .execution_options(**{INCLUDE_DELETED: True})
        )
    }
    wanted = {a.contact_id: a for a in draft.addressees}
    for contact_id, row in known.items():
        if contact_id not in wanted:
            soft_delete(session, row)
        else:
            row.deleted_at = None
            row.arguments = wanted[contact_id].arguments.strip()
    for addressee in draft.addressees:
        if addressee.contact_id not in known:
            session.add(
                OfferAddressee(
                    offer_id=offer_id,
                    contact_id=addressee.contact_id,
                    arguments=addressee.arguments.strip(),
                )
            )
    for position, line in enumerate(draft.lines, start=1):
        assert line.unit_price is not None
        session.add(
            OfferLine(
                offer_id=offer_id,
                position=position,
                product_id=line.product_id,
                quantity=line.quantity,
                unit_price=line.unit_price,
                discount_pct=line.discount_pct,
                vat_rate=line.vat_rate,
            )
        )
    for position, member in enumerate(draft.team):
        if member.full_name.strip():
            session.add(
                OfferTeamMember(
                    offer_id=offer_id,
                    position_in_list=position,
                    full_name=member.full_name.strip(),
                    job_title=member.job_title.strip(),
                    contacts=member.contacts.strip(),
                )
            )
    for position, (annex, (file_name, digest)) in enumerate(
        zip(draft.annexes, annexes, strict=True)
    ):
        session.add(
            OfferAnnex(
                offer_id=offer_id,
                position=position,
                title=annex.title.strip() or Path(annex.path).stem,
                file_name=file_name,
                sha256=digest,
            )
        )
